"""One SQL statement that resets disposable objects, and the place a SQL tool sends it.

``DROP TABLE IF EXISTS scratch.tmp_import``, ``TRUNCATE test_fixture_cache`` in a test
database, ``DROP DATABASE app_test``, ``DELETE FROM tmp_rows``, ``CREATE OR REPLACE VIEW
scratch.v AS …``: the schema change is the agent's own housekeeping when the statement is
alone (no stack, no comment, ASCII only, one reading in every dialect), every object it
removes or replaces is disposable (``disposable.py``) and the place is this machine; a
``CASCADE`` that reaches tables or views the statement does not name passes only in a
database named disposable.
``CREATE SCHEMA [IF NOT EXISTS] name`` adds and removes nothing: it passes on any database.

An unqualified object lives in the database the connection names, so that name counts
(``TRUNCATE TABLE sessions`` on ``app_test``); a qualified one names its own place
(``app.users`` is another database to MySQL), so only its own parts count, and ``DROP
DATABASE`` counts only the database dropped. Only ``sql-destructive`` is answered: what
else the statement does (reads of password tables, a tautology) keeps its finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlglot import exp

from aegis.intent_firewall.dbplaces import connection_place, local_host
from aegis.intent_firewall.disposable import disposable, never_named
from aegis.intent_firewall.sql import SqlJudgement
from aegis.intent_firewall.sqlcomments import has_comment
from aegis.intent_firewall.sqlframing import unframed
from aegis.intent_firewall.sqlreadings import parseable, readings
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["forgiven_sql", "sql_place", "sql_reset"]

_DROPPED = frozenset({"TABLE", "VIEW", "SCHEMA", "DATABASE", "INDEX", "SEQUENCE"})
_REPLACED = frozenset({"TABLE", "VIEW"})
_ADDED = frozenset({"SCHEMA", "DATABASE"})
_MAX = 1024
#: Parameter keys naming the database a SQL tool opens: their value is where an unqualified
#: table lives, so its name counts.
_NAME_KEYS = frozenset({"database", "db", "db_name", "database_name", "dbname"})
#: Keys that label a setting (an environment, a dbt target) without being the database: a
#: label saying production holds the reset, one saying test does not make it disposable
#: (the tool may not read it at all).
_LABEL_KEYS = frozenset({"schema", "environment", "env", "target", "stage", "profile"})
#: Other keys a SQL tool is given that name no place; any key not listed is not read.
_PLAIN_KEYS = frozenset({"user", "username", "role", "password", "sslmode", "format",
                         "output", "readonly", "read_only", "autocommit",
                         "application_name"})  # fmt: skip
_HOST_KEYS = frozenset({"address", "addr"})
_CONNECTION_WORDS = frozenset({"url", "uri", "dsn", "connection", "conn", "endpoint"})
#: Words of keys naming a place by a name of its own (an instance, a cluster): only a
#: loopback address there is this machine.
_PLACE_WORDS = frozenset({"host", "server", "hostname", "cluster", "instance", "replica",
                          "shard", "region", "project", "account", "node"})  # fmt: skip
_NUMBER_KEYS = frozenset({"port", "timeout", "limit", "max_rows", "row_limit"})


def _parts(table: Any) -> list[str]:
    """``catalog.db.name`` of a sqlglot table, outermost first, empty parts left out."""
    return [str(table.args[k].name) for k in ("catalog", "db", "this") if table.args.get(k)]


def _objects(statement: Any) -> list[tuple[list[str], bool]] | None:
    """The objects the statement removes or replaces, each with whether the connection's
    database counts for it; ``[]`` for a statement that only adds; ``None`` for any other."""
    if isinstance(statement, exp.Drop) and str(statement.args.get("kind")) in _DROPPED:
        tables = statement.args.get("tables") or []
        whole = str(statement.args.get("kind")) == "DATABASE"
        return [(_parts(t), not whole and len(_parts(t)) == 1) for t in tables] or None
    if isinstance(statement, exp.TruncateTable) and not statement.args.get("is_database"):
        tables = statement.args.get("expressions") or []
        return [(_parts(t), len(_parts(t)) == 1) for t in tables] or None
    if isinstance(statement, exp.Delete) and statement.args.get("where") is None:
        table = statement.this
        only = isinstance(table, exp.Table) and not statement.args.get("using")
        return [(_parts(table), len(_parts(table)) == 1)] if only else None
    if isinstance(statement, exp.Create) and statement.args.get("properties") is None:
        kind = str(statement.args.get("kind") or "").upper()
        renewed = bool(statement.args.get("replace"))
        if kind in _ADDED and not renewed and statement.args.get("expression") is None:
            return []  # CREATE SCHEMA|DATABASE [IF NOT EXISTS] s: adds an empty one
        if kind in _REPLACED and renewed and isinstance(statement.this, exp.Table):
            return [(_parts(statement.this), len(_parts(statement.this)) == 1)]
    return None


def _cascades(statement: Any) -> bool:
    """``TRUNCATE t CASCADE`` empties every table referencing ``t``; ``DROP TABLE t
    CASCADE`` drops the views over it: objects the statement does not name. A schema's
    CASCADE stays inside the schema named."""
    if isinstance(statement, exp.TruncateTable):
        return "CASCADE" in str(statement.args.get("option") or "").upper()
    kind = str(statement.args.get("kind") or "").upper() if isinstance(statement, exp.Drop) else ""
    return bool(statement.args.get("cascade")) and kind in _REPLACED


def _statement(text: str) -> list[Any] | None:
    """The one statement of ``text`` as each dialect reads it, or ``None`` when it is not
    plainly one (a comment, a stack, escapes, dollar quotes, non-ASCII, too long)."""
    if len(text) > _MAX or not text.isascii() or has_comment(text):
        return None
    body = (unframed(text) or text).strip().rstrip(";")
    if any(mark in body for mark in (";", "\\", "$", "#")):
        return None
    try:
        found = readings(parseable(body))
    except Exception:
        return None
    if not found or any(len(reading.statements) != 1 for reading in found):
        return None
    return [reading.statements[0] for reading in found]


def sql_reset(text: str, context: list[str]) -> bool:
    """Whether ``text`` is one statement resetting only disposable objects (see above)."""
    statements = _statement(text)
    if statements is None or never_named(context):
        return False
    for statement in statements:
        if _cascades(statement) and not (context and disposable(context)):
            return False  # empties or drops what references the objects, named nowhere
        objects = _objects(statement)
        if objects is None or not all(
            disposable(names, context if contained else ()) for names, contained in objects
        ):
            return False
    return True


def _place_of(folded: str, value: Any, context: list[str]) -> bool:
    """Whether one parameter beside the SQL keeps the place this machine (adding the
    database it names to ``context``)."""
    if isinstance(value, bool) or (isinstance(value, int) and folded in _NUMBER_KEYS):
        return True
    if not isinstance(value, str):
        return False  # nested settings or lists: not read here
    if folded in _NAME_KEYS or folded in _LABEL_KEYS:
        context.extend([value] if folded in _NAME_KEYS else [])
        return not never_named([value])
    if folded in _HOST_KEYS or name_words(folded) & _PLACE_WORDS:
        return local_host(value)
    if name_words(folded) & _CONNECTION_WORDS or folded in ("database_url", "db_url"):
        return _connection_of(value, context)
    return folded in _PLAIN_KEYS and not never_named([value]) and "://" not in value


def _connection_of(value: str, context: list[str]) -> bool:
    """A connection written out (a URL, key=value pairs, a Go DSN) that stays on this
    machine; a connection only named (``connection_name: warehouse``) is not told here."""
    if not any(mark in value for mark in ("://", "=", "(", "/")):
        return False
    local, database = connection_place(value)
    context.extend([database] if database else [])
    return local


def sql_place(parameters: Mapping[str, Any], sql_key: str, action: str) -> list[str] | None:
    """The database names a SQL tool's parameters give (its context), or ``None`` when some
    parameter names a place that is not this machine, says production, or is not read. No
    connection at all is the tool's own database, the one the deployment gave it."""
    if never_named([action]) or len(parameters) > 32:
        return None
    context: list[str] = []
    for key, value in parameters.items():
        folded = str(key).casefold()
        if folded != sql_key and not _place_of(folded, value, context):
            return None
    return context


def forgiven_sql(
    sql: SqlJudgement | None, text: str, key: str, parameters: Mapping[str, Any], action: str
) -> SqlJudgement | None:
    """``sql`` without its ``sql-destructive`` findings when ``text`` is a reset of
    disposable objects on this machine; else ``sql`` as it is."""
    if sql is None or not any(hit.rule == "sql-destructive" for hit in sql.hits):
        return sql
    context = sql_place(parameters, key, action)
    if context is None or not sql_reset(text, context):
        return sql
    return replace(sql, hits=tuple(hit for hit in sql.hits if hit.rule != "sql-destructive"))
