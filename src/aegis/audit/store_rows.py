"""Entry rows in and out of a SQLite file: the statements, and reading them a chunk at a time.

Each row read is checked by :mod:`aegis.audit.row_check` before anything is made of it, and
a read the file breaks off ends with an :class:`Anomaly` rather than an error, so
verification reports damage instead of stopping at it. Rows are read with ``str`` text
where they can be (Python's types then tell SQLite's storage classes apart at no cost), and
with ``bytes`` text from where text that is not UTF-8 stopped such a read. The meta table's
public key and SQLite's ``data_version`` are read here too: no other module writes SQL
against the log's tables, but for the schema and the query filter.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from aegis.audit.model import FindingKind
from aegis.audit.row_check import CHECKED_COLUMNS, ROW_COLUMNS, check_row, describe, quick_check
from aegis.audit.verify_chain import Anomaly, Row

__all__ = [
    "ROW_COLUMNS",
    "Anomaly",
    "check_row",
    "claim_public_key",
    "data_version",
    "entry_hashes",
    "insert_rows",
    "iter_checked_rows",
    "iter_rows",
    "read_public_key",
    "tail",
    "tail_row",
]

_FETCH = 2048
#: Rows per INSERT statement: 100 x 7 parameters stays under SQLite's oldest limit of 999.
_ROWS_PER_INSERT = 100
_ROW_PLACEHOLDER = "(?, ?, ?, ?, ?, ?, ?)"


def _select(columns: str, after: int | None, up_to: int | None) -> tuple[str, list[int]]:
    sql = f"SELECT {columns} FROM entries"  # noqa: S608 - fixed columns
    clauses, parameters = [], []
    if after is not None:
        clauses.append("seq > ?")
        parameters.append(after)
    if up_to is not None:
        clauses.append("seq <= ?")
        parameters.append(up_to)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return sql + " ORDER BY seq", parameters


def iter_checked_rows(
    connection: sqlite3.Connection, *, after: int | None = None, up_to: int | None = None
) -> Iterator[Row | Anomaly]:
    """Every row in ``seq`` order (all of them, seq 0 and below too, unless ``after``),
    fetched in chunks; a read the file breaks off ends with an Anomaly, never an error.

    Rows are read with ``str`` text, which lets Python's types tell SQLite's storage classes
    apart at no cost; text that is not UTF-8 stops such a fetch, and the rest is then read
    as bytes and checked by :func:`check_row`, which names the row.
    """
    last = [after]  # the seq of the last row read, to say where a read broke off
    try:
        yield from _read(connection, str, ROW_COLUMNS, quick_check, last=last, up_to=up_to)
        return
    except sqlite3.OperationalError as error:
        if "decode" not in str(error):
            yield _broke_off(last[0], error)
            return
    except sqlite3.DatabaseError as error:
        yield _broke_off(last[0], error)
        return
    try:
        yield from _read(connection, bytes, CHECKED_COLUMNS, check_row, last=last, up_to=up_to)
    except sqlite3.DatabaseError as error:
        yield _broke_off(last[0], error)


def _read(
    connection: sqlite3.Connection,
    text_factory: type[str] | type[bytes],
    columns: str,
    check: Callable[[Any], Row | Anomaly],
    *,
    last: list[int | None],
    up_to: int | None,
) -> Iterator[Row | Anomaly]:
    """The rows after ``last[0]``, checked, a chunk at a time; ``last[0]`` follows them."""
    connection.text_factory = text_factory
    sql, parameters = _select(columns, last[0], up_to)
    cursor = connection.execute(sql, parameters)
    while chunk := cursor.fetchmany(_FETCH):
        for raw in chunk:
            last[0] = raw[0]
            yield check(raw)


def _broke_off(last: int | None, error: sqlite3.Error) -> Anomaly:
    where = f"after seq {last}" if last is not None else "before the first entry"
    return Anomaly(
        None if last is None else last + 1,
        FindingKind.DAMAGED_FILE,
        f"reading the entries broke off {where}: {error}",
    )


def iter_rows(
    connection: sqlite3.Connection, *, after: int = 0, up_to: int | None = None
) -> Iterator[Row]:
    """Well-formed entries in ``seq`` order; AnomalyError-free callers use this for export,
    which stops at the first damaged row (see :func:`iter_checked_rows` for the findings)."""
    for row in iter_checked_rows(connection, after=after, up_to=up_to):
        if isinstance(row, Anomaly):
            raise DamagedRow(row)
        yield row


class DamagedRow(Exception):  # noqa: N818 - carried to the caller, who words the error
    def __init__(self, anomaly: Anomaly) -> None:
        super().__init__(anomaly.detail)
        self.anomaly = anomaly


def insert_rows(connection: sqlite3.Connection, rows: Sequence[Sequence[object]]) -> None:
    """Insert entry rows with one statement per hundred rows.

    One multi-row statement crosses into SQLite once, where ``executemany`` steps (and lets
    other threads take the interpreter lock) once per row; under many writer threads that
    hand-off, not the insert, was the cost.
    """
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start : start + _ROWS_PER_INSERT]
        placeholders = ", ".join([_ROW_PLACEHOLDER] * len(chunk))
        connection.execute(
            f"INSERT INTO entries VALUES {placeholders}",  # noqa: S608 - placeholders only
            [value for row in chunk for value in row],
        )


def read_public_key(connection: sqlite3.Connection) -> bytes | None:
    """The public key stored with the log; ValueError if what is stored is not one."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()
    if row is None:
        return None
    if not isinstance(row[0], bytes) or len(row[0]) != 32:
        raise ValueError(f"the public key stored with the log is {describe(row[0])}, not 32")
    return row[0]


def data_version(connection: sqlite3.Connection) -> int:
    """A number that changes when another connection commits (SQLite's ``data_version``)."""
    version: int = connection.execute("PRAGMA data_version").fetchone()[0]
    return version


def claim_public_key(connection: sqlite3.Connection, public_key: bytes) -> bytes | None:
    """Store ``public_key`` as the log's unless it holds one; the one it holds after."""
    connection.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('public_key', ?)", (public_key,)
    )
    return read_public_key(connection)


def tail_row(connection: sqlite3.Connection) -> Row | Anomaly | None:
    """The newest row, checked; None for an empty log."""
    raw = connection.execute(
        f"SELECT {CHECKED_COLUMNS} FROM entries ORDER BY seq DESC LIMIT 1"  # noqa: S608
    ).fetchone()
    return None if raw is None else check_row(raw)


def tail(connection: sqlite3.Connection) -> int:
    """The highest seq in the table (0 if none): an upper bound, not a vouched-for size."""
    row = connection.execute("SELECT max(seq) FROM entries").fetchone()
    return int(row[0] or 0)


def entry_hashes(connection: sqlite3.Connection, after: int, count: int) -> list[bytes]:
    """The entry hashes of seqs ``after + 1`` to ``after + count``, stopping short at the
    first one missing or malformed."""
    hashes: list[bytes] = []
    for seq, digest in iter_entry_hashes(connection, after, after + count):
        if seq != after + len(hashes) + 1 or digest is None:
            break
        hashes.append(digest)
    return hashes


def iter_entry_hashes(
    connection: sqlite3.Connection, after: int, up_to: int | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """``(seq, entry hash)`` after ``after`` in order; the hash None where it is malformed."""
    sql = (
        "SELECT seq, CASE WHEN typeof(entry_hash) = 'blob' AND length(entry_hash) = 32 "
        "THEN entry_hash END FROM entries WHERE seq > ?"
    )
    parameters: tuple[int, ...] = (after,)
    if up_to is not None:
        sql += " AND seq <= ?"
        parameters = (after, up_to)
    cursor = connection.execute(sql + " ORDER BY seq", parameters)
    while chunk := cursor.fetchmany(_FETCH):
        yield from chunk
