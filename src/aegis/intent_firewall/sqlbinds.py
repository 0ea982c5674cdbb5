"""Values bound to a parameterised query are data.

``execute_query {query: "INSERT INTO samples (text) VALUES ($1)", params: ["Ignore previous
instructions …"]}`` stores a sentence; the driver sends it apart from the statement, so it
can neither change the statement nor run. When every SQL value of a request parses and each
of its placeholders sits where a value goes (not in an argument of ``EXEC``, ``PREPARE``,
``pg_read_file`` or anything else that acts on its text), the values under the bind keys of
``data/sql.toml`` are read as data: only the policy's own rules and secrets written out
count. A request that also names a command line, or whose action is a shell, gets no such
reading (fail closed).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from aegis.intent_firewall.sql import MAX_SQL, looks_like_sql, read_sql
from aegis.intent_firewall.sqlliterals import catalogue
from aegis.intent_firewall.structure import Item
from aegis.intent_firewall.text import canonical_text
from aegis.intent_firewall.vocabulary import COMMAND_KEYS, SQL_KEYS

__all__ = ["bound_roots", "is_bound"]

_SHELL_ACTIONS = frozenset(
    {"bash", "sh", "zsh", "fish", "shell", "terminal", "console", "powershell", "pwsh", "cmd"}
)
#: Past this length a query is not parsed for its placeholders (the judge reads its words).
_MAX_READ = 2048


def bound_roots(
    items: list[Item], parameters: Any, action_words: frozenset[str]
) -> tuple[str, ...]:
    """Where the bound values of the request's parameterised queries lie
    (``parameters.params``), or nothing when they are not plainly data."""
    if not isinstance(parameters, Mapping) or action_words & _SHELL_ACTIONS:
        return ()
    bind_keys = _bind_keys()
    names = [n for n in parameters if isinstance(n, str) and n.casefold() in bind_keys]
    if not names:
        return ()
    roots = tuple(f"parameters.{name}" for name in names)
    queries = 0
    for item in items:
        if is_bound(item.where, roots):
            continue  # {params: {line: …}}: a bound value's own key names no command
        if item.argv is None and item.key in SQL_KEYS and item.text:
            if not _binds_data(item.text):
                return ()
            queries += 1
        elif item.key in COMMAND_KEYS or item.argv is not None or item.script:
            return ()  # a command line beside the query may take the values
    return roots if queries else ()


def is_bound(where: str, roots: tuple[str, ...]) -> bool:
    """``where`` (``parameters.params[1]``) lies below one of ``roots``."""
    return any(
        where == root or where.startswith((f"{root}[", f"{root}.", f"{root}<")) for root in roots
    )


@cache
def _bind_keys() -> frozenset[str]:
    return frozenset(catalogue()["bind_keys"])


def _binds_data(text: str) -> bool:
    canonical = text.lower() if text.isascii() else canonical_text(text)
    if len(canonical) > min(MAX_SQL, _MAX_READ) or not looks_like_sql(canonical):
        return False
    return read_sql(canonical).binds_data
