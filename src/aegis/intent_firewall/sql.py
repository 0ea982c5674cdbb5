"""SQL parameters parsed with a real SQL parser (sqlglot), not matched as words.

Statements that make the server run programs or read and write its files (``COPY …
PROGRAM``, ``xp_cmdshell``, ``pg_read_file``, ``INTO OUTFILE`` …) *block*; stacked
statements, DDL, privilege changes and ``DELETE``/``UPDATE`` without ``WHERE`` are
*review*; SQL the parser cannot read is *review*.
"""

from __future__ import annotations

from functools import lru_cache

import sqlglot
from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.textchecks import patterns

__all__ = ["MAX_SQL", "judge_sql", "looks_like_sql"]

#: Longer SQL is not parsed (the caller reports it as too large to inspect).
MAX_SQL = 20000
_LEADING = (
    "select", "insert", "update", "delete", "drop", "create", "alter", "truncate", "copy",
    "grant", "revoke", "with", "exec", "execute", "merge", "replace", "call", "load", "attach",
    "pragma", "declare", "use", "show", "describe", "explain", "vacuum", "backup", "restore",
    "shutdown", "rename", "comment", "lock", "unload", "set", "begin", "commit", "rollback",
)  # fmt: skip
_DDL = (exp.Drop, exp.Create, exp.Alter, exp.TruncateTable, exp.Grant, exp.Command)


def looks_like_sql(canonical: str) -> bool:
    head = canonical.lstrip(" \t\r\n(;").split(None, 1)
    return bool(head) and head[0] in _LEADING


@lru_cache(maxsize=1024)
def _cached(canonical: str) -> tuple[Hit, ...]:
    return tuple(_judge(canonical))


def judge_sql(canonical: str) -> tuple[Hit, ...]:
    if len(canonical) > 2048:
        return tuple(_judge(canonical))
    return _cached(canonical)


def _judge(canonical: str) -> list[Hit]:
    hits: list[Hit] = []
    flat = " ".join(canonical.split())
    for name in patterns()["sql_command_execution"]:
        if name in flat:
            hits.append(default_hit("sql-command-execution", name))
            break
    if (flat.startswith("copy") and " program" in flat) or " to program" in flat:
        hits.append(default_hit("sql-command-execution", "copy … program"))
    try:
        statements = [s for s in sqlglot.parse(canonical) if s is not None]
    except Exception:
        hits.append(default_hit("sql-not-understood", canonical[:100]))
        return hits
    if len(statements) > 1:
        hits.append(default_hit("sql-destructive", f"{len(statements)} stacked statements"))
    for statement in statements:
        if isinstance(statement, _DDL):
            kind = statement.key.upper()
            hits.append(default_hit("sql-destructive", f"{kind}: {statement.sql()[:80]}"))
        elif isinstance(statement, exp.Delete | exp.Update) and not statement.args.get("where"):
            hits.append(default_hit("sql-destructive", f"{statement.key.upper()} without WHERE"))
        elif isinstance(statement, exp.Copy):
            hits.append(default_hit("sql-destructive", f"COPY: {statement.sql()[:80]}"))
    return hits
