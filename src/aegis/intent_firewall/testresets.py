"""A framework's reset of the test environment's database: ``php artisan migrate:fresh --seed
--env=testing``, ``RAILS_ENV=test bin/rails db:reset``.

The test database is rebuilt by every test run; dropping it loses nothing. The reset is
spared its ``destructive-command`` only when the line says, in the framework's own words,
that the environment is the test one (its option, a prefix assignment, or a ``NAME=value``
task argument) and says it every time it names one: an environment of production,
staging or none at all (development), a second naming that differs (``--env=testing`` with
``APP_ENV=production``), a value known only at run time, or a line that also points the
command at a database (``--database=…``, ``DATABASE_URL=…``, ``DB_HOST=…``) keeps the
finding. Which database the test environment's configuration names is the project's file,
which the text does not show; by convention it is the throwaway one. Commands, tasks and
names are data (``[test_reset]`` in ``data/devlocal.toml``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from aegis.intent_firewall.envmoves import moves_client
from aegis.intent_firewall.localpublish import devlocal_data
from aegis.intent_firewall.options import Arg

__all__ = ["resets_test_database"]

_MAX_WORDS = 64


@cache
def _data() -> Mapping[str, Any]:
    data: Mapping[str, Any] = devlocal_data()["test_reset"]
    return data


def _names_database(name: str) -> bool:
    upper = name.upper()
    return any(word in upper for word in _data()["database_variable_words"])


def _environments(
    entry: Mapping[str, Any], args: list[Arg], assignments: Iterable[tuple[str, str | None]]
) -> list[str | None] | None:
    """Every environment the line names for the command (``None`` for one known only at run
    time), or ``None`` when the line also names a database."""
    options = frozenset(entry["options"])
    variables = frozenset(entry["variables"])
    refused = frozenset(_data()["database_options"])
    named: list[str | None] = []
    for name, value in assignments:
        if name in variables:
            named.append(value)
        elif _names_database(name):
            return None
    index = 1
    while index < len(args):
        word = args[index][0]
        if word is None:
            return None  # any option at all
        head, equals, attached = word.partition("=")
        if head in options:
            if not equals:
                index += 1
                attached = args[index][0] if index < len(args) else None  # type: ignore[assignment]
            named.append(attached)
        elif head in refused or (equals and _names_database(head)):
            return None
        elif equals and head in variables:
            named.append(attached)
        index += 1
    return named


def resets_test_database(
    command: str,
    task: str,
    args: list[Arg],
    assignments: Iterable[tuple[str, str | None]],
    lines: Iterable[str] = (),
) -> bool:
    """Whether ``task`` of ``command`` (``rails``, ``db:reset``) with ``args`` (its words,
    the program first) and the prefix ``assignments`` resets only the test database. A
    line of the request that sets a database variable (``export DB_HOST=…; php artisan
    …``, the test environment's configuration reads it) or may set any keeps the finding."""
    entry = _data()["commands"].get(command)
    if entry is None or task not in entry["resets"] or len(args) > _MAX_WORDS:
        return False
    if moves_client(lines, _data()["database_variable_words"]):
        return False
    named = _environments(entry, args, assignments)
    if not named:
        return False
    allowed = frozenset(_data()["environments"])
    return all(value is not None and value.strip().lower() in allowed for value in named)
