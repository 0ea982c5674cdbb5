"""SQL text read by sqlglot in the dialects a server may speak, tokens kept.

The first dialect that reads the text is its reading. When the text holds something
dialects read differently (a comment mark: ``#`` hides the rest of the line from MySQL but
is an operator to PostgreSQL; a backslash: an escape inside MySQL strings, a plain
character elsewhere, so where a string ends differs), every dialect that reads it is a
reading and each is judged, so the reading that hides more is never the only one. The
tokens are kept: they say where each string literal starts and ends (``sqlliterals``).

A routine's dollar-quoted body (``CREATE FUNCTION … AS $$ BEGIN …; END $$``, ``DO $$ … $$``)
is PostgreSQL's alone: no other server runs such a text, and the other dialects would split
the body at its semicolons into statements that are not there. When every dollar-quoted
string opens the body of a ``CREATE [OR REPLACE] FUNCTION|PROCEDURE`` or a ``DO``, the
PostgreSQL reading is the only one (the routine stays a schema change or dynamic code, and the
body's words are still read); a dollar quote anywhere else (``SELECT 1 AS $$; DROP …``) is read
by every dialect as before. SQLite's reading is tried for PRAGMAs no other dialect reads
(``PRAGMA foreign_keys = ON``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlglot import TokenType, exp
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
    if "$" in text:
        routine = _routine_reading(text)
        if routine is not None:
            return [routine]
    found: list[Reading] = []
    error: Exception | None = None
    every = has_comment(text) or "\\" in text
    for name in _DIALECTS + (("sqlite",) if "pragma" in text.lower() else ()):
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


def _routine_reading(text: str) -> Reading | None:
    """PostgreSQL's reading of ``text`` when each dollar-quoted string in it is a routine's
    body (see the module's note); ``None`` otherwise."""
    try:
        dialect = Dialect.get_or_raise("postgres")
        tokens = dialect.tokenize(text)
        parsed = dialect.parser().parse(tokens, text)
    except Exception:
        return None
    bodies = 0
    segment: list[Any] = []
    for token in [*tokens, None]:
        if token is not None and token.token_type is not TokenType.SEMICOLON:
            segment.append(token)
            continue
        if any(t.token_type is TokenType.HEREDOC_STRING for t in segment):
            if not _opens_routine([t.text.lower() for t in segment[:5]]):
                return None
            bodies += 1
        segment = []
    return Reading("postgres", tokens, [s for s in parsed if not _empty(s)]) if bodies else None


def _opens_routine(words: list[str]) -> bool:
    """``create [or replace] function|procedure …`` or ``do …``."""
    if words[:1] == ["do"]:
        return True
    if words[:3] == ["create", "or", "replace"]:
        words = ["create", *words[3:]]
    return words[:1] == ["create"] and words[1:2] in (["function"], ["procedure"])
