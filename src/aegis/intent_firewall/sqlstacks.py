"""Stacked statements that only read or shape the session, and SQLite PRAGMAs.

Stacking is a finding because a second statement may do what the first was not asked to (an
injected ``; DROP TABLE users``). A stack whose every statement only reads, describes or sets
up the session changes nothing, whatever was injected: ``SHOW TABLES; DESCRIBE orders;``,
``SET search_path TO billing, public; SELECT current_user;``, ``PRAGMA foreign_keys = ON;
PRAGMA table_info(orders);`` (:func:`quiet_stack`). A query that writes (``SELECT … INTO``,
a data-changing ``WITH``), ``SET ROLE``, ``EXPLAIN ANALYZE``, any other statement keeps the
stack a finding; each statement is still judged on its own.

A PRAGMA is SQLite's switchboard: the ones listed in ``data/sql.toml`` (``[pragmas]``) read
the schema or set a per-connection switch; any other (``writable_schema``, ``key``,
``rekey``, ``schema_version``) administers the database and is review
(:func:`pragma_hits`).
"""

from __future__ import annotations

from typing import Any

from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.sqlsettings import harmless_pragma, harmless_set, setting_findings

__all__ = ["pragma_hits", "quiet_stack", "session_setting"]

#: Opaque commands that only describe or pick the database to read.
_DESCRIBING = frozenset({"show", "describe", "desc", "use"})
#: Statement kinds that never change data or the session's rights.
_QUIET_KINDS = (exp.Show, exp.Describe, exp.Use, exp.Transaction, exp.Commit, exp.Rollback)
#: Nodes that make a query write: ``SELECT … INTO t``, ``WITH d AS (DELETE … RETURNING …)``.
_WRITING = (exp.Into, exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop)


def session_setting(rest: str) -> bool:
    """``SET [LOCAL|SESSION] name …`` of a setting that only shapes the session
    (``sqlsettings.py``); ``SET ROLE``, ``SET SESSION AUTHORIZATION``, ``SET GLOBAL`` and
    names not listed are not."""
    return harmless_set(rest)


def _pragma_value(statement: Any) -> str | None:
    """``0`` of ``PRAGMA foreign_keys(0)`` or ``PRAGMA "foreign_keys" = 0``; ``None`` when
    the PRAGMA only reads."""
    node = statement.this
    if isinstance(node, exp.Dot):
        node = node.expression
    if isinstance(node, exp.Anonymous) and node.expressions:
        value = node.expressions[0]  # the call form: PRAGMA foreign_keys(0)
    elif isinstance(node, exp.EQ):
        value = node.expression
    else:
        return None
    return str(value.name if isinstance(value, exp.Literal | exp.Var | exp.Column) else value.sql())


def pragma_name(statement: Any) -> str:
    """``foreign_keys`` of ``PRAGMA foreign_keys = ON``, ``table_info`` of ``PRAGMA
    main.table_info(orders)`` (lower case; empty when the shape is not one of these)."""
    node = statement.this
    if isinstance(node, exp.EQ):
        node = node.this
    if isinstance(node, exp.Var):
        return str(node.this).lower()
    if isinstance(node, exp.Column | exp.Anonymous | exp.Dot):
        return str(node.name).lower()
    return ""


def _quiet(statement: Any) -> bool:  # noqa: PLR0911 (one answer per statement kind)
    if isinstance(statement, _QUIET_KINDS):
        return True
    if isinstance(statement, exp.Pragma):
        return harmless_pragma(pragma_name(statement), _pragma_value(statement))
    if isinstance(statement, exp.Query):
        return statement.find(*_WRITING) is None
    if isinstance(statement, exp.Set):
        return session_setting(statement.sql().lower().removeprefix("set").strip())
    if isinstance(statement, exp.Command):
        keyword = str(statement.this).lower()
        body = statement.args.get("expression")
        rest = str(getattr(body, "this", body) or "").lower()
        if keyword == "set":
            return session_setting(rest)
        if keyword == "explain":
            return not {"analyze", "analyse"} & set(rest.replace("(", " ").split())
        return keyword in _DESCRIBING
    return False


def quiet_stack(statements: list[Any]) -> bool:
    """Whether every statement of a stack only reads, describes or shapes the session."""
    return all(_quiet(statement) for statement in statements)


def pragma_hits(statements: list[Any]) -> list[Hit]:
    """A PRAGMA or a session setting not listed as harmless administers the database:
    review."""
    hits = [default_hit("sql-administrative", found) for found in setting_findings(statements)]
    for statement in statements:
        if isinstance(statement, exp.Pragma):
            name, value = pragma_name(statement), _pragma_value(statement)
            if not harmless_pragma(name, value):
                shown = f"PRAGMA {name or '…'}" + (f" = {value}" if value is not None else "")
                hits.append(default_hit("sql-administrative", shown[:100]))
    return hits
