"""SQL text read by sqlglot in the dialects a server may speak, tokens kept.

The first dialect that reads the text is its reading. When the text holds something
dialects read differently (a comment mark: ``#`` hides the rest of the line from MySQL but
is an operator to PostgreSQL; a backslash: an escape inside MySQL strings, a plain
character elsewhere, so where a string ends differs), every dialect that reads it is a
reading and each is judged, so the reading that hides more is never the only one. The
tokens are kept: they say where each string literal starts and ends (``sqlliterals``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect

from aegis.intent_firewall.sqlcomments import has_comment, leading_word

__all__ = ["Reading", "parseable", "readings"]

_DIALECTS = (None, "mysql", "tsql", "postgres")
_PLACEHOLDERS = ("%s", "%d", "%b")
#: Name prefixes of SQL Server's system and extended procedures.
_PROCEDURE_PREFIXES = ("sp_", "xp_")


@dataclass(frozen=True, slots=True)
class Reading:
    """One dialect's reading: its tokens and its statements (empty ones dropped)."""

    dialect: str | None
    tokens: list[Any]
    statements: list[Any]


def parseable(text: str) -> str:
    """``text`` with driver placeholders (``%s``, ``%(name)s``) written as ``?``; a batch that
    starts with a system procedure's name (``sp_MSforeachtable '…'``: T-SQL runs the first
    statement of a batch without ``EXEC``) is read with the ``EXEC`` the server implies."""
    for placeholder in _PLACEHOLDERS:
        text = text.replace(placeholder, "?")
    if leading_word(text.lstrip()).startswith(_PROCEDURE_PREFIXES):
        text = f"exec {text}"
    return _named_placeholders(text) if "%(" in text else text


def _named_placeholders(text: str) -> str:
    """``%(name)s`` parameters become ``?`` (a linear scan, no regular expression)."""
    out, index = [], 0
    while (start := text.find("%(", index)) >= 0:
        end = text.find(")s", start)
        if end < 0:
            break
        out.append(text[index:start] + "?")
        index = end + 2
    out.append(text[index:])
    return "".join(out)


def _empty(statement: Any) -> bool:
    return statement is None or isinstance(statement, exp.Semicolon)


def readings(text: str) -> list[Reading]:
    """The readings of ``text`` (see the module's note); the last dialect's error when no
    dialect reads it."""
    found: list[Reading] = []
    error: Exception | None = None
    every = has_comment(text) or "\\" in text
    for name in _DIALECTS:
        try:
            dialect = Dialect.get_or_raise(name)
            tokens = dialect.tokenize(text)
            parsed = dialect.parser().parse(tokens, text)
        except Exception as failure:  # the next dialect may read it
            error = failure
            continue
        # a comment after the last ``;`` is kept as an empty statement: not a statement
        found.append(Reading(name, tokens, [s for s in parsed if not _empty(s)]))
        if not every:
            break
    if not found:
        raise error or ValueError(text)
    return found
