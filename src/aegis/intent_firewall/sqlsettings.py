"""Session settings and SQLite PRAGMAs judged against an allow-list of harmless ones.

``SET statement_timeout = 5000`` or ``SET search_path TO billing, public`` only shape the
agent's own session. Others change the server or remove a guard: ``SET GLOBAL init_connect =
'…'`` runs SQL on every connection, ``SET statement_timeout = 0`` removes the timeout before
a query that never ends, ``SET search_path = attacker, pg_catalog`` shadows built-in
functions, ``set_config('role', 'postgres', false)`` is ``SET ROLE``. A setting is harmless
only when its name is listed (``data/sql.toml``, ``[settings]``), it is not made global or
persistent, a timeout is not switched off, and ``pg_catalog`` is not put behind another
schema; every assignment of a ``SET`` list is read (MySQL's ``SET NAMES utf8mb4, GLOBAL …``).

PRAGMAs: the reads listed take any argument (``table_info(orders)``); a setting takes only a
value listed for it (``foreign_keys = ON``, ``journal_mode = WAL``), whatever the spelling
(``foreign_keys(0)``, ``"foreign_keys" = OFF``); reading a setting's value is harmless.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from sqlglot import exp

from aegis.intent_firewall.textchecks import patterns

__all__ = ["harmless_pragma", "harmless_set", "setting_findings"]

_SCOPES = frozenset({"session", "local", "@@session", "@@local"})
_SHARED_SCOPES = frozenset({"global", "persist", "persist_only", "@@global", "@@persist"})
_MAX_ITEMS = 32


@cache
def _data() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall.data").joinpath("sql.toml").read_text()
    data = tomllib.loads(text)
    return {
        "names": frozenset(data["settings"]["harmless"]),
        "timeouts": frozenset(data["settings"]["timeouts"]),
        "reads": frozenset(data["pragmas"]["reads"]),
        "pragmas": {k: frozenset(v) for k, v in data["pragmas"]["settings"].items()},
    }


def _assignments(rest: str) -> list[str]:
    """``NAMES utf8mb4, GLOBAL max_connections = 1`` as its assignments; a comma starts a new
    one only when what follows assigns (``=``, ``TO``) or names a scope, so the schemas of a
    ``search_path`` stay one value."""
    found: list[str] = []
    for piece in rest.split(","):
        words = piece.replace("=", " = ").split()
        starts = "=" in words or "to" in words or (words and words[0] in _SHARED_SCOPES)
        if found and not starts:
            found[-1] += "," + piece
        else:
            found.append(piece)
    return found


def _timeout_off(value: str) -> bool:
    digits = value.strip().strip("'\"").removesuffix("ms").removesuffix("s").strip()
    return digits in ("0", "", "default") or digits.startswith("-")


def _harmless_assignment(text: str) -> bool:
    words = text.replace("=", " = ").replace("@@", " @@").split()
    while words and words[0] in _SCOPES:
        words.pop(0)
    if not words or words[0] in _SHARED_SCOPES or words[0].startswith("@@global"):
        return False
    name = words[0].removeprefix("@@session.").removeprefix("@@").strip('`"')
    if name.startswith("@"):
        return True  # a MySQL user variable
    if name == "time" and words[1:2] == ["zone"]:
        name, words = "timezone", words[1:]
    return _harmless_value(name, " ".join(w for w in words[1:] if w not in ("=", "to")))


def _harmless_value(name: str, value: str) -> bool:
    """A listed setting given a value that keeps its guard."""
    if name in patterns()["sql_protective_when_on"]:
        return value.strip("'\"") in ("on", "1", "true", "yes")  # a check switched back on
    if name not in _data()["names"]:
        return False
    if name in _data()["timeouts"]:
        return not _timeout_off(value)
    schemas = [s.strip().strip("'\"") for s in value.split(",")]
    return name != "search_path" or "pg_catalog" not in schemas[1:]


def harmless_set(rest: str) -> bool:
    """Whether the text after ``SET`` only shapes the session (lower case)."""
    items = _assignments(rest.strip().rstrip(";"))
    return 0 < len(items) <= _MAX_ITEMS and all(_harmless_assignment(i) for i in items)


def harmless_pragma(name: str, value: str | None) -> bool:
    """A listed read, or a setting read or given a value listed for it."""
    data = _data()
    if name in data["reads"]:
        return True
    allowed = data["pragmas"].get(name)
    if allowed is None:
        return False
    if value is None:
        return True
    value = value.strip("'\"`[]").lower()
    return value in allowed or ("#" in allowed and value.lstrip("-").isdigit())


def _set_config(call: Any) -> str:
    """``set_config('role', 'postgres', false)`` as the ``SET`` it is, or empty."""
    args = call.expressions
    texts = [a.name for a in args[:2] if isinstance(a, exp.Literal) and a.is_string]
    if len(texts) != 2:
        return "set_config of a setting not written out"
    if harmless_set(f"{texts[0].lower()} = {texts[1].lower()}"):
        return ""
    return f"set_config({texts[0]!r}, {texts[1]!r})"


def _literal_value(call: Any) -> bool:
    """``setval('orders_id_seq', 1)``: a sequence set to a number, not to what the table
    holds (``setval('s', (SELECT max(id) FROM orders))`` after seeding is ordinary)."""
    args = call.expressions
    return len(args) >= 2 and isinstance(args[1], exp.Literal | exp.Neg)


def setting_findings(statements: list[Any]) -> list[str]:
    """The settings of ``statements`` that are not harmless, as evidence."""
    found: list[str] = []
    for statement in statements:
        if isinstance(statement, exp.Set) or (
            isinstance(statement, exp.Command) and str(statement.this).lower() == "set"
        ):
            rest = statement.sql().lower().removeprefix("set").strip()
            if not harmless_set(rest):
                found.append(f"SET {rest[:80]}")
            continue
        for call in statement.find_all(exp.Anonymous):  # sqlglot has no class for these
            name = str(call.this)
            if name.lower() == "set_config" and (evidence := _set_config(call)):
                found.append(evidence)
            elif name.lower() == "setval" and _literal_value(call):
                found.append("setval() moves a sequence to a value written out")
    return found
