"""SQLite storage of the audit log: schema, connections, and streaming reads."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from aegis.audit.verifier import Row

__all__ = [
    "ROW_COLUMNS",
    "connect",
    "entry_hashes",
    "insert_rows",
    "iter_rows",
    "read_public_key",
    "tail",
]

ROW_COLUMNS = "seq, timestamp_ns, action, details, prev_hash, entry_hash, signature"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY,
    timestamp_ns INTEGER NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    entry_hash BLOB NOT NULL,
    signature BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_time ON entries (timestamp_ns);
CREATE INDEX IF NOT EXISTS entries_by_action ON entries (action, timestamp_ns);
"""
_FETCH = 2048
#: Rows per INSERT statement: 100 x 7 parameters stays under SQLite's oldest limit of 999.
_ROWS_PER_INSERT = 100
_ROW_PLACEHOLDER = "(?, ?, ?, ?, ?, ?, ?)"


def connect(
    path: Path, *, synchronous: str = "NORMAL", readonly: bool = False
) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL journal."""
    if readonly:
        connection = sqlite3.connect(
            f"file:{path}?mode=ro",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            timeout=30,
        )
    else:
        connection = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=30
        )
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(_SCHEMA)
    connection.execute(f"PRAGMA synchronous={synchronous}")
    connection.execute("PRAGMA busy_timeout=30000")
    return connection


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
    row = connection.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()
    return None if row is None else bytes(row[0])


def tail(connection: sqlite3.Connection) -> tuple[int, bytes | None, int]:
    """``(seq, entry_hash, timestamp_ns)`` of the newest entry, or ``(0, None, 0)``."""
    row = connection.execute(
        "SELECT seq, entry_hash, timestamp_ns FROM entries ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return (0, None, 0) if row is None else (row[0], bytes(row[1]), row[2])


def iter_rows(
    connection: sqlite3.Connection, *, after: int = 0, up_to: int | None = None
) -> Iterator[Row]:
    """Entries in ``seq`` order, fetched in chunks, never all at once."""
    sql = f"SELECT {ROW_COLUMNS} FROM entries WHERE seq > ?"  # noqa: S608 - fixed column list
    parameters: tuple[int, ...] = (after,)
    if up_to is not None:
        sql += " AND seq <= ?"
        parameters = (after, up_to)
    cursor = connection.execute(sql + " ORDER BY seq", parameters)
    while chunk := cursor.fetchmany(_FETCH):
        for seq, ts, action, details, prev, digest, signature in chunk:
            yield Row(seq, ts, action, details, bytes(prev), bytes(digest), bytes(signature))


def entry_hashes(connection: sqlite3.Connection, after: int, count: int) -> list[bytes]:
    """The entry hashes of seqs ``after + 1`` to ``after + count`` (fewer if rows are gone)."""
    rows = connection.execute(
        "SELECT entry_hash FROM entries WHERE seq > ? AND seq <= ? ORDER BY seq",
        (after, after + count),
    ).fetchall()
    return [bytes(row[0]) for row in rows]
