"""Queries over the audit log: the SQL for a filter, and entries from its rows.

The filter maps onto the two indexes of :mod:`aegis.audit.store_schema` (by time, and by
action then time), so a query touches only the rows it returns, however long the log. Only
rows of the chain (seq ``1..n``) are selected, each one's types and sizes are checked, and
details are decoded within the log's bounds. A row that fails is an error naming its seq,
never an entry (text that is not UTF-8 fails the fetch itself; the log then reads the rows
again as bytes to name it). Hashes and signatures are verification's
work: checking them here would double a query's cost.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from aegis._validation import require_text
from aegis.audit.limits import MAX_DEPTH, decode_details
from aegis.audit.model import AuditDataError, AuditEntry
from aegis.audit.row_check import CHECKED_COLUMNS, ROW_COLUMNS, check_row, has_entry_types
from aegis.audit.verify_chain import Anomaly

__all__ = [
    "QueryFilter",
    "checked_query_sql",
    "entries_from_rows",
    "first_damage",
    "query_filter",
    "query_sql",
    "select_sql",
]


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


class QueryFilter(NamedTuple):
    """``start_ns <= timestamp_ns < end_ns``, action in ``actions``, at most ``limit`` rows,
    newest first; ``None`` leaves a bound open. Checked before any store sees it."""

    start_ns: int | None
    end_ns: int | None
    actions: tuple[str, ...] | None
    limit: int | None


def query_filter(
    start: float | datetime | None,
    end: float | datetime | None,
    actions: Iterable[str] | None,
    limit: int | None,
) -> QueryFilter:
    """The checked filter of a query's arguments (TypeError or ValueError naming the one
    that is wrong)."""
    start_ns, end_ns = _seconds_to_ns("start", start), _seconds_to_ns("end", end)
    wanted: tuple[str, ...] | None = None
    if actions is not None:
        if isinstance(actions, str):
            raise TypeError(f"actions must be a collection of str, not one str: {actions!r}")
        wanted = tuple(require_text("actions[]", a) for a in actions)
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit must be an int >= 0 or None, got {limit!r}")
    return QueryFilter(start_ns, end_ns, wanted, limit)


def select_sql(
    table: str, where: QueryFilter, up_to: int | None, mark: str
) -> tuple[str, list[object]]:
    """The statement selecting ``where`` among seqs ``1..up_to`` of ``table``, newest first,
    with ``mark`` as the parameter placeholder of the store's driver (``?`` or ``%s``)."""
    clauses: list[str] = ["seq >= 1"]
    parameters: list[object] = []
    if up_to is not None:
        clauses.append(f"seq <= {mark}")
        parameters.append(up_to)
    if where.start_ns is not None:
        clauses.append(f"timestamp_ns >= {mark}")
        parameters.append(where.start_ns)
    if where.end_ns is not None:
        clauses.append(f"timestamp_ns < {mark}")
        parameters.append(where.end_ns)
    if where.actions is not None:
        clauses.append(f"action IN ({', '.join([mark] * len(where.actions))})")
        parameters.extend(where.actions)
    sql = f"SELECT {ROW_COLUMNS} FROM {table} WHERE "  # noqa: S608 - fixed names and marks
    sql += " AND ".join(clauses) + " ORDER BY timestamp_ns DESC, seq DESC"
    if where.limit is not None:
        sql += f" LIMIT {mark}"
        parameters.append(where.limit)
    return sql, parameters


def query_sql(
    start: float | datetime | None,
    end: float | datetime | None,
    actions: Iterable[str] | None,
    limit: int | None,
    *,
    up_to: int | None = None,
) -> tuple[str, list[object]]:
    """The SQLite statement and parameters selecting ``start <= timestamp < end`` with an
    action in ``actions``, newest first, at most ``limit`` rows, of seqs ``1..up_to``;
    ``None`` leaves a bound open."""
    return select_sql("entries", query_filter(start, end, actions, limit), up_to, "?")


def checked_query_sql(sql: str) -> str:
    """The same query, selecting what :func:`~aegis.audit.row_check.check_row` reads, to
    find which row is damaged and say how."""
    return sql.replace(ROW_COLUMNS, CHECKED_COLUMNS, 1)


def entries_from_rows(
    rows: Iterable[Sequence[Any]], path: Path | str | None = None
) -> list[AuditEntry]:
    """Entries from rows selected by :func:`query_sql`; AuditDataError naming the first row
    of the wrong types or sizes, or whose details are not a JSON object within bounds.

    Details short enough to parse within bounds whatever they hold go straight to the
    parser: a query returns many rows, and this is its cost.
    """
    entries: list[AuditEntry] = []
    append, loads = entries.append, json.loads
    for row in rows:
        if not has_entry_types(row):
            raise damaged(path, row[0], "a value of the wrong type or size")
        seq, timestamp, action, details, prev, digest, signature = row
        if len(details) <= _QUICK_DETAILS and details.count("[") + details.count("{") <= MAX_DEPTH:
            try:
                decoded = loads(details)
            except ValueError:
                decoded = None
            if type(decoded) is dict:
                append(AuditEntry(seq, timestamp, action, decoded, prev, digest, signature))
                continue
        try:  # larger, bracket-rich, or not an object: the full check, and its reason
            decoded = decode_details(details)
        except ValueError as error:
            raise damaged(path, seq, str(error)) from None
        append(AuditEntry(seq, timestamp, action, decoded, prev, digest, signature))
    return entries


#: Details this short with at most MAX_DEPTH brackets parse within bounds, whatever they hold.
_QUICK_DETAILS = 64 * 1024


def damaged(path: Path | str | None, seq: int, problem: str) -> AuditDataError:
    return AuditDataError(
        f"entry {seq} of the audit log at {str(path)!r} is damaged ({problem}); run "
        "`aegis audit verify` on it",
        path,
        seq,
    )


def first_damage(rows: Iterable[Sequence[Any]], path: Path | None) -> AuditDataError | None:
    """The error naming the first row selected by :func:`checked_query_sql` that is not an
    entry the log writes, or None."""
    for raw in rows:
        row = check_row(raw)
        if isinstance(row, Anomaly):
            return damaged(path, raw[0], row.detail)
        try:
            decode_details(row.details)
        except ValueError as error:
            return damaged(path, row.seq, str(error))
    return None
