"""SQL that administers the server rather than querying data: ending other sessions,
turning logging or integrity checks off, and granting privilege by writing rows.

``SELECT pg_terminate_backend(pid) FROM pg_stat_activity`` kills every connection;
``set_config('log_statement', 'none', false)`` turns the audit trail off; ``INSERT INTO
user_roles … SELECT id, 'admin' FROM users`` makes everyone an administrator without a
``GRANT``. The catalogues are data (``patterns.toml``); each finding is *review*.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.textchecks import patterns
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["administrative"]

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
    """Add a ``sql-administrative`` finding for the first administrative act found."""
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


def _settings(statement: Any) -> str:
    _, protected, _, _ = _data()
    for item in statement.find_all(exp.SetItem):
        target = item.this.this if isinstance(item.this, exp.EQ) else item.this
        name = (target.sql() if target is not None else "").lower().strip("`\"'@")
        name = name.removeprefix("global.").removeprefix("session.").lstrip("@")
        if name.startswith(protected):
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
