"""Queries over the audit log: the SQL for a filter, and entries from its rows.

The filter maps onto the two indexes of :mod:`aegis.audit.store` (by time, and by action
then time), so a query touches only the rows it returns, however long the log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from aegis._validation import require_text
from aegis.audit.limits import decode_details
from aegis.audit.model import AuditEntry
from aegis.audit.store import ROW_COLUMNS

__all__ = ["entries_from_rows", "query_sql"]


def _seconds_to_ns(name: str, value: float | datetime | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return int(value.timestamp() * 1e9)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be seconds since the epoch or a datetime, got {value!r}")
    return int(value * 1e9)


def query_sql(
    start: float | datetime | None,
    end: float | datetime | None,
    actions: Iterable[str] | None,
    limit: int | None,
) -> tuple[str, list[object]]:
    """The SQL and parameters selecting ``start <= timestamp < end`` with an action in
    ``actions``, newest first, at most ``limit`` rows; ``None`` leaves a bound open."""
    clauses: list[str] = []
    parameters: list[object] = []
    if (start_ns := _seconds_to_ns("start", start)) is not None:
        clauses.append("timestamp_ns >= ?")
        parameters.append(start_ns)
    if (end_ns := _seconds_to_ns("end", end)) is not None:
        clauses.append("timestamp_ns < ?")
        parameters.append(end_ns)
    if actions is not None:
        wanted = [require_text("actions[]", a) for a in actions]
        clauses.append(f"action IN ({', '.join('?' * len(wanted))})")
        parameters.extend(wanted)
    sql = f"SELECT {ROW_COLUMNS} FROM entries"  # noqa: S608 - fixed columns
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY timestamp_ns DESC, seq DESC"
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise ValueError(f"limit must be an int >= 0 or None, got {limit!r}")
        sql += " LIMIT ?"
        parameters.append(limit)
    return sql, parameters


def entries_from_rows(rows: Iterable[Sequence[Any]]) -> list[AuditEntry]:
    """Entries from rows selected with :data:`~aegis.audit.store.ROW_COLUMNS`."""
    return [
        AuditEntry(seq, ts, action, decode_details(details), bytes(prev), bytes(digest), bytes(sig))
        for seq, ts, action, details, prev, digest, sig in rows
    ]
