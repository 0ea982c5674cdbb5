"""SQL that administers the server rather than querying data: ending other sessions,
turning logging or integrity checks off, and granting privilege by writing rows.

``SELECT pg_terminate_backend(pid) FROM pg_stat_activity`` kills every connection;
``set_config('log_statement', 'none', false)`` turns the audit trail off; ``INSERT INTO
user_roles … SELECT id, 'admin' FROM users`` makes everyone an administrator without a
``GRANT``. ``DELETE FROM audit_log WHERE actor = 'agent'`` erases the witness of what the
agent did (``audit-tampering``, whatever the ``WHERE``). The catalogues are data
(``patterns.toml``); each administrative finding is *review*.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.textchecks import patterns
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["administrative", "audit_erasure", "audit_table"]

_FLAG_PREFIXES = ("is_", "has_", "can_")


@cache
def _data() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    data = patterns()
    return (
        frozenset(data["sql_admin_functions"]),
        tuple(data["sql_protected_settings"]),
        frozenset(data["sql_privilege_words"]),
        frozenset(data["sql_privileged_values"]),
    )


def administrative(statements: list[Any], hits: list[Hit]) -> None:
    """Add a ``sql-administrative`` finding for the first administrative act found, and an
    ``audit-tampering`` one for the first audit trail erased."""
    erased = next((found for s in statements if (found := audit_erasure(s))), "")
    if erased:
        hits.append(default_hit("audit-tampering", erased))
    for statement in statements:
        evidence = _functions(statement) or _settings(statement) or _privilege_rows(statement)
        if evidence:
            hits.append(default_hit("sql-administrative", evidence))
            return


def _function_name(call: Any) -> str:
    return str(call.this if isinstance(call, exp.Anonymous) else call.sql_name()).lower()


def _functions(statement: Any) -> str:
    functions, protected, _, _ = _data()
    for call in statement.find_all(exp.Anonymous, exp.Func):
        name = _function_name(call)
        if name in functions:
            return f"{name}() administers the server"
        if name == "set_config" and call.expressions:
            setting = str(call.expressions[0].name).lower()
            if setting.startswith(protected):
                return f"set_config({setting!r}) changes logging or integrity settings"
    return ""


#: Values that switch a setting on.
_ON = frozenset({"on", "1", "true", "yes"})


def _switched_on(name: str, assignment: Any) -> bool:
    """``foreign_keys = ON``: a check or a log switched on, which tightens it."""
    value = assignment.expression if isinstance(assignment, exp.EQ) else None
    text = str(value.name if isinstance(value, exp.Literal | exp.Var | exp.Column) else "")
    return name in patterns()["sql_protective_when_on"] and text.lower() in _ON


def _settings(statement: Any) -> str:
    _, protected, _, _ = _data()
    if isinstance(statement, exp.Pragma) and isinstance(statement.this, exp.EQ):
        # PRAGMA foreign_keys = OFF: SQLite's SET
        name = str(statement.this.this.sql()).lower().rsplit(".", 1)[-1]
        if name.startswith(protected) and not _switched_on(name, statement.this):
            return f"PRAGMA {name} changes integrity settings"
    for item in statement.find_all(exp.SetItem):
        target = item.this.this if isinstance(item.this, exp.EQ) else item.this
        name = (target.sql() if target is not None else "").lower().strip("`\"'@")
        name = name.removeprefix("global.").removeprefix("session.").lstrip("@")
        if name.startswith(protected) and not _switched_on(name, item.this):
            return f"SET {name} changes logging or integrity settings"
    return ""


def _privilege_rows(statement: Any) -> str:
    """An INSERT or UPDATE that writes a privileged value into a role-like table or column."""
    _, _, words, values = _data()
    if not isinstance(statement, exp.Insert | exp.Update):
        return ""
    table = statement.find(exp.Table)
    table_words = name_words(table.name) if table is not None else frozenset()
    columns = {c.name.lower() for c in statement.find_all(exp.Column, exp.Identifier)}
    column_words = frozenset().union(*(name_words(c) for c in columns)) if columns else frozenset()
    if not (table_words | column_words) & words:
        return ""
    target = table.name if table is not None else "?"
    for literal in statement.find_all(exp.Literal):
        if literal.is_string and literal.this.lower() in values:
            return f"{statement.key.upper()} writes {literal.this!r} into {target}"
    flags = {c for c in columns if c.startswith(_FLAG_PREFIXES) and name_words(c) & words}
    if flags and any(b.this for b in statement.find_all(exp.Boolean)):
        return f"{statement.key.upper()} sets {', '.join(sorted(flags))} to true"
    return ""


_ERASING = (exp.Delete, exp.Update, exp.TruncateTable, exp.Drop)


def audit_table(name: str) -> bool:
    """Whether a table called ``name`` witnesses what was done (``audit_log``,
    ``ops.security_events``, ``login_history``)."""
    data = patterns()
    lowered = name.lower().strip('`"[]')
    words = name_words(lowered)
    return bool(words & set(data["sql_audit_table_words"])) or any(
        part in lowered for part in data["sql_audit_table_parts"]
    )


def audit_erasure(statement: Any) -> str:
    """What of an audit table ``statement`` erases or stops recording, or empty."""
    if isinstance(statement, exp.Command):
        rest = str(getattr(statement.expression, "this", statement.expression) or "").lower()
        words = rest.replace(";", " ").split()
        disables = {"trigger", "disable"} <= set(words) and str(statement.this).lower() == "alter"
        if disables and any(audit_table(word) for word in words):
            return f"ALTER {rest[:80]} stops an audit trigger"
        return ""
    for change in statement.find_all(*_ERASING):  # also inside a CTE: WITH d AS (DELETE …)
        if isinstance(change, exp.Drop) and str(change.args.get("kind") or "").upper() != "TABLE":
            continue
        for table in _targets(change):
            if audit_table(table.name) or audit_table(str(table.db or "")):
                return f"{change.key.upper()} on the audit table {table.sql()[:60]}"
    return ""


def _targets(change: Any) -> list[Any]:
    """The tables a DELETE, UPDATE, TRUNCATE or DROP changes (not those its conditions
    read)."""
    listed = change.expressions if isinstance(change, exp.TruncateTable) else []
    targets = [change.this, *listed, *(change.args.get("tables") or [])]
    return [table for table in targets if isinstance(table, exp.Table)]
