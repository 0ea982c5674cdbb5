"""The audit log's SQLite schema, and recognising a file as an audit log.

A log carries ``PRAGMA application_id`` :data:`APPLICATION_ID` and ``PRAGMA user_version``
:data:`SCHEMA_VERSION` in its header. Logs made before the header was stamped (application
id 0) are recognised by their exact tables and columns instead, and stamped by the first
writer that opens them: they are real logs whose entries and signatures are unchanged, and
refusing them would strand every log made until then, while the exact table shape (and the
public key the log holds) keeps another program's database from passing for one.
"""

from __future__ import annotations

import enum
import sqlite3
from pathlib import Path

from aegis.audit.model import AuditFileError

__all__ = [
    "APPLICATION_ID",
    "INDEXES",
    "SCHEMA",
    "SCHEMA_VERSION",
    "LogKind",
    "UnreadableFileError",
    "recognise",
]

#: ``b"AEGA"`` read as a big-endian int: what ``PRAGMA application_id`` says of an audit log.
APPLICATION_ID = int.from_bytes(b"AEGA", "big")
SCHEMA_VERSION = 1

SCHEMA = """
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
#: ``(name, declared type, not null, primary key)`` of each column, as PRAGMA table_info says.
_TABLES = {
    "meta": [("key", "TEXT", 0, 1), ("value", "BLOB", 1, 0)],
    "entries": [
        ("seq", "INTEGER", 0, 1),
        ("timestamp_ns", "INTEGER", 1, 0),
        ("action", "TEXT", 1, 0),
        ("details", "TEXT", 1, 0),
        ("prev_hash", "BLOB", 1, 0),
        ("entry_hash", "BLOB", 1, 0),
        ("signature", "BLOB", 1, 0),
    ],
}
INDEXES = {"entries_by_time": "entries", "entries_by_action": "entries"}


class UnreadableFileError(AuditFileError):
    """SQLite could not read the file through (as opposed to a file it read, and found not
    to be an audit log): damage, if the header says it was one."""


class LogKind(enum.Enum):
    CURRENT = "current"
    #: Made before logs were stamped with an application id: recognised by its tables.
    LEGACY = "legacy"


def _tables(connection: sqlite3.Connection) -> dict[str, list[tuple[str, str, int, int]]]:
    # A damaged schema may hold names that are not UTF-8: read them leniently, so they are
    # simply not the log's tables (and the file is refused by name), never an error here.
    names = [
        _text(row[0])
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    shapes = {}
    for name in names:
        columns = connection.execute("SELECT * FROM pragma_table_info(?)", (name,)).fetchall()
        shapes[name] = [
            (_text(column[1]), _text(column[2]).upper(), column[3], column[5]) for column in columns
        ]
    return shapes


def _text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _has_audit_tables(tables: dict[str, list[tuple[str, str, int, int]]]) -> bool:
    return all(tables.get(name) == columns for name, columns in _TABLES.items())


def recognise(connection: sqlite3.Connection, path: Path) -> LogKind:
    """What kind of audit log ``connection`` holds; AuditFileError naming ``path`` if none."""
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = _tables(connection)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        # SQLite's own message can quote a damaged schema's bytes, which Python then fails
        # to decode: the file is as unreadable either way.
        if "not a database" in str(error):
            raise AuditFileError(
                f"{str(path)!r} is not an audit log (not a SQLite database); check the path",
                path,
            ) from None
        raise UnreadableFileError(
            f"{str(path)!r} cannot be read as an audit log: {error}; restore the log from a backup",
            path,
        ) from None
    if application_id == APPLICATION_ID:
        if version > SCHEMA_VERSION:
            raise AuditFileError(
                f"{str(path)!r} is an audit log of schema version {version}, newer than this "
                f"version of aegis reads ({SCHEMA_VERSION}); upgrade aegis",
                path,
            )
        if version != SCHEMA_VERSION or not _has_audit_tables(tables):
            raise AuditFileError(
                f"{str(path)!r} is marked as an audit log but its schema (version {version}, "
                f"tables {sorted(tables)}) is not one; restore the log from a backup",
                path,
            )
        return LogKind.CURRENT
    if application_id != 0:
        raise AuditFileError(
            f"{str(path)!r} is not an audit log: it belongs to another application "
            f"(application_id {application_id:#x}); check the path",
            path,
        )
    if version == 0 and _has_audit_tables(tables):
        return LogKind.LEGACY
    what = f"holds tables {sorted(tables)}" if tables else "is an empty SQLite database"
    raise AuditFileError(
        f"{str(path)!r} is not an audit log: it {what}; check the path (nothing was written to it)",
        path,
    )
