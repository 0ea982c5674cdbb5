"""SQL that reads like stacking or DDL but adds, frames or maintains without changing data.

* Transaction framing is not stacking: ``BEGIN; UPDATE … WHERE id = 1; COMMIT;`` is the one
  statement inside it, judged alone (:func:`unframed`). Only framing that opens with
  ``BEGIN``/``START TRANSACTION`` and closes with ``COMMIT``/``ROLLBACK``/``END`` around
  exactly one other statement counts (``SAVEPOINT``/``RELEASE`` may sit inside); two real
  statements stay stacked.
* Additive schema objects (:func:`additive`): ``CREATE TABLE`` (also ``AS SELECT``: the
  secret-column checks judge the query), ``CREATE [UNIQUE] INDEX``, ``CREATE VIEW`` (never
  ``OR REPLACE``), ``ALTER TABLE … ADD COLUMN`` with nothing else. Every other DDL stays
  review.
* Maintenance that changes nothing (:func:`quiet_command`): ``VACUUM`` (not ``VACUUM
  INTO`` a file), ``REFRESH MATERIALIZED VIEW [CONCURRENTLY] name`` (recomputed from its
  own query; not ``WITH NO DATA``, which empties it); cancelling one query by its literal
  process id (:func:`cancels_one_query`: ``SELECT pg_cancel_backend(31877)``; the session
  lives on, unlike ``pg_terminate_backend``, and no ``FROM pg_stat_activity`` cancels
  everyone's); copies to and from the client (:func:`copy_to_client`): ``COPY … TO
  STDOUT`` of a table or a query, read as its ``SELECT`` would be (not of accounts,
  credentials or privileges: those rows sent out whole are secrets), and ``COPY … FROM
  STDIN``, rows the client sends as an ``INSERT`` would (not into a table of accounts,
  credentials, privileges, jobs or an audit trail: those rows are unseen).

The split goes by the tokenizer's semicolons, so a ``;`` inside a literal or a name never
splits; text the tokenizer refuses is not unframed (fail closed).
"""

from __future__ import annotations

import itertools
from typing import Any

import re2
from sqlglot import TokenType, exp
from sqlglot.tokens import Tokenizer

__all__ = ["additive", "cancels_one_query", "copy_to_client", "quiet_command", "unframed"]

_OPENING = (("begin",), ("start", "transaction"))
_CLOSING = (("commit",), ("rollback",), ("end",))
_INSIDE = (("savepoint",), ("release",))
#: Words that may follow a framing keyword (``BEGIN WORK``, ``COMMIT TRANSACTION``).
_FILLERS = frozenset(
    {"work", "transaction", "tran", "savepoint", "isolation", "level", "serializable", "read",
     "committed", "uncommitted", "repeatable", "only", "write", "deferrable", "not",
     "deferred", "immediate", "exclusive", "and", "chain", "no", ","}
)  # fmt: skip
_ADDITIVE_KINDS = frozenset({"TABLE", "INDEX", "VIEW"})
_MAX_FRAMED = 8192
#: Tables of a copy's query read by name, at most.
_MAX_TABLES = 32


def _segments(text: str) -> list[str] | None:
    """The statements of ``text`` split at top-level semicolons, empty ones dropped."""
    try:
        tokens = Tokenizer().tokenize(text)
    except Exception:
        return None
    parts, start = [], 0
    for token in tokens:
        if token.token_type is TokenType.SEMICOLON:
            parts.append(text[start : token.start])
            start = token.end + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _framing(segment: str, kinds: tuple[tuple[str, ...], ...]) -> bool:
    words = segment.lower().split()
    for kind in kinds:
        if tuple(words[: len(kind)]) == kind:
            rest = words[len(kind) :]
            # BEGIN WORK, COMMIT TRANSACTION, SAVEPOINT s1, RELEASE SAVEPOINT s1
            named = kind in _INSIDE and len([w for w in rest if w not in _FILLERS]) == 1
            return named or all(word in _FILLERS for word in rest)
    return False


def unframed(text: str) -> str | None:
    """The one statement transaction framing wraps, or ``None`` when ``text`` is not one
    statement framed."""
    head = text.lstrip().lower()
    if len(text) > _MAX_FRAMED or not head.startswith(("begin", "start")):
        return None
    segments = _segments(text)
    if not segments or len(segments) < 3:
        return None
    if not _framing(segments[0], _OPENING) or not _framing(segments[-1], _CLOSING):
        return None
    inner = [s for s in segments[1:-1] if not _framing(s, _INSIDE)]
    return inner[0] if len(inner) == 1 else None


def additive(statement: Any) -> bool:
    """Whether a DDL statement only adds a table, an index, a view or columns."""
    if isinstance(statement, exp.Create):
        kind = str(statement.args.get("kind") or "").upper()
        properties = statement.args.get("properties")
        kinds = {type(p) for p in properties.expressions} if properties is not None else set()
        # a GLOBAL TEMPORARY table is a permanent definition named like a scratch one
        plain = exp.GlobalProperty not in kinds
        return kind in _ADDITIVE_KINDS and plain and not statement.args.get("replace")
    if isinstance(statement, exp.Alter):
        actions = statement.args.get("actions") or []
        kind = str(statement.args.get("kind") or "").upper()
        return (
            kind == "TABLE"
            and bool(actions)
            and all(isinstance(action, exp.ColumnDef) for action in actions)
        )
    return False


def copy_to_client(statement: Any) -> bool:
    """``COPY … TO STDOUT`` (rows sent to the client that asked) or ``COPY … FROM STDIN``
    (rows the client sends, as an ``INSERT`` would): no server file or program touched."""
    if not isinstance(statement, exp.Copy):
        return False
    stream = "stdin" if statement.args.get("kind") else "stdout"
    files = statement.args.get("files") or []
    client = (
        len(files) == 1
        and isinstance(files[0], exp.Identifier | exp.Var | exp.Column)
        and (str(files[0].name).lower() == stream)
    )
    if not client:
        return False
    # rows of accounts, credentials or audit trails fed in unseen; rows of accounts sent out
    return not (_guarded_table(statement) if stream == "stdin" else _account_rows(statement))


def _guarded_table(statement: Any) -> bool:
    """A table of accounts, credentials, privileges or an audit trail: rows loaded into it
    unseen may make an account or rewrite the record, unlike rows of ``products``."""
    from aegis.intent_firewall.sqladmin import audit_table
    from aegis.intent_firewall.textchecks import patterns
    from aegis.intent_firewall.vocabulary import name_words

    table = statement.find(exp.Table)
    name = str(table.name if table is not None else "").lower()
    data = patterns()
    guarded = {*data["sql_account_table_words"], *data["sql_privilege_words"]}
    guarded |= set(data["sql_runner_table_words"])
    return not name or bool(name_words(name) & guarded) or audit_table(name)


def _account_rows(statement: Any) -> bool:
    """Whether a copy to the client reads a table of accounts, credentials or privileges
    (every table it names, the query's too): those rows sent out whole are secrets. A job
    queue or an audit trail read is a read, as its ``SELECT`` would be."""
    from aegis.intent_firewall.textchecks import patterns
    from aegis.intent_firewall.vocabulary import name_words

    data = patterns()
    guarded = {*data["sql_account_table_words"], *data["sql_privilege_words"]}
    tables = list(itertools.islice(statement.find_all(exp.Table), _MAX_TABLES + 1))
    if len(tables) > _MAX_TABLES:
        return True  # more tables than are read one by one: fail closed
    return any(name_words(str(table.name).lower()) & guarded for table in tables)


_REFRESH = re2.compile(r"(?i)materialized view (concurrently )?[a-z_][a-z0-9_$]*"
                       r"(\.[a-z_][a-z0-9_$]*)?( with data)? ?;?")  # fmt: skip
#: ``REINDEX [(VERBOSE)] INDEX|TABLE [CONCURRENTLY] name``: one index or table's indexes
#: rebuilt; ``REINDEX SCHEMA|DATABASE|SYSTEM`` locks everything and stays a finding.
_REINDEX = re2.compile(r"(?i)(\( ?verbose ?\) )?(index|table) (concurrently )?"
                       r"[a-z_][a-z0-9_$]*(\.[a-z_][a-z0-9_$]*)? ?;?")  # fmt: skip
_CANCEL = re2.compile(r"(?i)select pg_cancel_backend ?\( ?\d{1,10} ?\) ?;?")


def quiet_command(keyword: str, rest: str) -> bool:
    """``VACUUM [FULL|ANALYZE|VERBOSE|(…)] [table]``: maintenance; ``VACUUM INTO`` writes a
    file and is not. ``REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH DATA]``: the
    view recomputed from its own query. ``REINDEX INDEX|TABLE [CONCURRENTLY] name``: rebuilt
    from the table's own rows."""
    if keyword == "refresh":
        return _REFRESH.fullmatch(" ".join(rest.split())) is not None
    if keyword == "reindex":
        return _REINDEX.fullmatch(" ".join(rest.split())) is not None
    words = "".join(c if c.isalnum() or c == "_" else " " for c in rest).split()
    return keyword == "vacuum" and "into" not in words


def cancels_one_query(flat: str) -> bool:
    """``SELECT pg_cancel_backend(31877)``: one running query cancelled by its literal id,
    its session kept (``flat``: the text with blanks collapsed)."""
    return len(flat) < 64 and _CANCEL.fullmatch(flat.strip()) is not None
