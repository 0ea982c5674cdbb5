"""Whether the objects a reset names are made to be thrown away (``data/disposable.toml``).

A name is read as words (``tmp_import_20261130`` is tmp, import, 20261130; ``agentTestRun``
is agent, test, run): a word inside another word does not count (``contest``, ``devices``,
``tmp2024`` say nothing). The objects of one reset are disposable when some name gives a
disposable word, no name involved gives a word that says production, a shared environment or
a record (``prod``, ``staging``, ``audit``, ``backup``), and no object is a server's own
(``mysql``, ``admin``, ``kube-system``). Names only: whether the *place* is this machine is
for the caller (``localresets.py``, ``sqlresets.py``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from aegis.intent_firewall.envmoves import moves_client
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["data", "disposable", "never_named", "plain_name", "touches_environment"]

#: Characters a name is read from; anything else (quotes, globs, regex marks, blanks,
#: comment marks) leaves the name unread.
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")


@cache
def data() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/disposable.toml").read_text()
    return tomllib.loads(text)


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    words = data()["words"]
    return (
        frozenset(words["disposable"]),
        frozenset(words["never"]),
        frozenset(name.casefold() for name in words["system_names"]),
    )


def plain_name(name: str | None) -> bool:
    """A name written with letters, digits, ``_``, ``-`` and ``.`` only, at most 128 long."""
    return bool(name) and len(name or "") <= 128 and _NAME_CHARS.issuperset(name or "")


def never_named(names: Iterable[str]) -> bool:
    """Some name says production, a shared environment or a record."""
    never = _lists()[1]
    return any(name_words(name) & never for name in names)


def disposable(objects: Sequence[str], context: Sequence[str] = ()) -> bool:
    """Whether removing ``objects`` (each name of the object removed, qualifiers included)
    within ``context`` (the database or namespace around them, when the objects name none)
    throws away only what is made to be thrown away. Every object must be plainly named and
    none a server's own; some object or context name must give a disposable word."""
    if not objects or not all(plain_name(name) for name in objects):
        return False
    wanted, _never, system = _lists()
    if any(name.casefold() in system for name in objects):
        return False
    if never_named([*objects, *context]):
        return False
    return any(name_words(name) & wanted for name in [*objects, *context])


def touches_environment(lines: Iterable[str]) -> bool:
    """A line of the request names a variable that moves a client elsewhere (``PGHOST``,
    ``KUBECONFIG``, also as ``PG''HOST``), or may set any (``envmoves.py``): what the
    options say about the place no longer holds."""
    return moves_client(lines, data()["environment"]["names"])
