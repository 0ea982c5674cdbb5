"""Queries over the audit log: the SQL for a filter, and entries from its rows.

The filter maps onto the two indexes of :mod:`aegis.audit.store_schema` (by time, and by
action then time), so a query touches only the rows it returns, however long the log. Only
rows of the chain (seq ``1..n``) are selected, and each is checked as verification checks it
(types, sizes, encoding, its content against its hash) before it is returned: a row that
verification would not vouch for is an error naming its seq, never an entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from aegis._validation import require_text
from aegis.audit.encoding import entry_hash
from aegis.audit.limits import decode_details
from aegis.audit.model import AuditDataError, AuditEntry
from aegis.audit.store_rows import CHECKED_COLUMNS, check_row
from aegis.audit.verifier import Anomaly

__all__ = ["entries_from_rows", "query_sql"]


def _seconds_to_ns(name: str, value: float | datetime | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return int(value.timestamp() * 1e9)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be seconds since the epoch or a datetime, got {value!r}")
    try:
        return int(value * 1e9)
    except (OverflowError, ValueError):
        raise ValueError(f"{name} must be a finite number of seconds, got {value!r}") from None


def query_sql(
    start: float | datetime | None,
    end: float | datetime | None,
    actions: Iterable[str] | None,
    limit: int | None,
    *,
    up_to: int | None = None,
) -> tuple[str, list[object]]:
    """The SQL and parameters selecting ``start <= timestamp < end`` with an action in
    ``actions``, newest first, at most ``limit`` rows, of seqs ``1..up_to``; ``None``
    leaves a bound open."""
    clauses: list[str] = ["seq >= 1"]
    parameters: list[object] = []
    if up_to is not None:
        clauses.append("seq <= ?")
        parameters.append(up_to)
    if (start_ns := _seconds_to_ns("start", start)) is not None:
        clauses.append("timestamp_ns >= ?")
        parameters.append(start_ns)
    if (end_ns := _seconds_to_ns("end", end)) is not None:
        clauses.append("timestamp_ns < ?")
        parameters.append(end_ns)
    if actions is not None:
        if isinstance(actions, str):
            raise TypeError(f"actions must be a collection of str, not one str: {actions!r}")
        wanted = [require_text("actions[]", a) for a in actions]
        clauses.append(f"action IN ({', '.join('?' * len(wanted))})")
        parameters.extend(wanted)
    sql = f"SELECT {CHECKED_COLUMNS} FROM entries"  # noqa: S608 - fixed columns
    sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY timestamp_ns DESC, seq DESC"
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise ValueError(f"limit must be an int >= 0 or None, got {limit!r}")
        sql += " LIMIT ?"
        parameters.append(limit)
    return sql, parameters


def entries_from_rows(rows: Iterable[Sequence[Any]], path: Path | None = None) -> list[AuditEntry]:
    """Entries from rows selected with ``CHECKED_COLUMNS``; AuditDataError naming the first
    row that is not an entry the log wrote."""
    entries = []
    for raw in rows:
        row = check_row(raw)
        problem = row.detail if isinstance(row, Anomaly) else None
        if problem is None:
            assert not isinstance(row, Anomaly)
            digest = entry_hash(row.seq, row.timestamp_ns, row.action, row.details, row.prev_hash)
            if digest != row.entry_hash:
                problem = "its content does not match its hash"
            else:
                try:
                    details = decode_details(row.details)
                except ValueError as error:
                    problem = str(error)
                else:
                    entries.append(AuditEntry(*row[:3], details, *row[4:]))
                    continue
        raise AuditDataError(
            f"entry {row.seq} of the audit log at {str(path)!r} is damaged ({problem}); "
            "run `aegis audit verify` on it",
            path,
            row.seq,
        )
    return entries
