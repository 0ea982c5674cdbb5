"""SQLite storage of the audit log: the file, its schema, and the connections to it.

An audit log is recognised by its header (``application_id`` :data:`APPLICATION_ID`, and
``user_version`` :data:`SCHEMA_VERSION`), never by trying it: an empty file, another
program's database or a file newer than this code is refused with an error naming it, and
nothing is written into it. A new log is made by :mod:`~aegis.audit.store_create`.

The SQLite-specific code is here and in :mod:`~aegis.audit.store_schema` (the schema),
:mod:`~aegis.audit.store_rows` (rows in and out, checked by :mod:`~aegis.audit.row_check`),
:mod:`~aegis.audit.store_files` (the file itself), :mod:`~aegis.audit.store_create` (a new
file) and :mod:`~aegis.audit.query` (a filter as SQL); above them the log only begins and
ends its write transactions, and verification runs SQLite's integrity check.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from aegis.audit.model import AuditFileError
from aegis.audit.store_create import create_log
from aegis.audit.store_files import check_file
from aegis.audit.store_schema import (
    APPLICATION_ID,
    SCHEMA,
    SCHEMA_VERSION,
    LogKind,
    UnreadableFileError,
    recognise,
)

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "check_file",
    "connect",
    "create_log",
    "open_reader",
    "open_writer",
]

_BUSY_MS = 30_000


def _configure(connection: sqlite3.Connection, synchronous: str) -> sqlite3.Connection:
    connection.execute(f"PRAGMA synchronous={synchronous}")
    connection.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
    return connection


def connect(
    path: Path, *, synchronous: str = "NORMAL", readonly: bool = False
) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL journal, with the
    tables made if missing. Low level: :func:`open_writer` and :func:`open_reader` are the
    ones that check the file is an audit log. The connection is closed if setting it up
    fails, so that no half-open connection outlives the error."""
    if readonly:
        return _open_readonly(path, synchronous, immutable=False)
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(SCHEMA)
        return _configure(connection, synchronous)
    except BaseException:
        connection.close()
        raise


def _uri(path: Path, **options: str) -> str:
    query = "&".join(f"{name}={value}" for name, value in options.items())
    return f"file:{quote(str(path.absolute()))}?{query}"


def _open_readonly(path: Path, synchronous: str, *, immutable: bool) -> sqlite3.Connection:
    options = {"immutable": "1"} if immutable else {"mode": "ro"}
    connection = sqlite3.connect(
        _uri(path, **options),
        uri=True,
        isolation_level=None,
        check_same_thread=False,
        timeout=30,
    )
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return _configure(connection, synchronous)
    except BaseException:
        connection.close()
        raise


def _refuse_foreign(path: Path) -> None:
    """Refuse a file that is not an audit log before a real connection makes its WAL and
    shared-memory files beside it: an immutable connection reads the header and schema and
    creates nothing. What it cannot read is left for the real connection to judge."""
    try:
        connection = sqlite3.connect(_uri(path, immutable="1"), uri=True)
    except (sqlite3.Error, UnicodeDecodeError):
        return
    try:
        connection.text_factory = bytes
        recognise(connection, path)
    except UnreadableFileError:
        pass
    finally:
        connection.close()


def open_reader(path: Path) -> tuple[sqlite3.Connection, LogKind, str | None]:
    """A read-only connection to the audit log at ``path``, never writing to it.

    On a read-only directory SQLite cannot make the shared-memory file a WAL database needs,
    and the file is opened ``immutable``: exact when no write-ahead log lies beside it. The
    third value says what could not be read (a non-empty WAL left beside the file), or None.
    """
    check_file(path)
    _refuse_foreign(path)
    caveat = None
    try:
        connection = _open_readonly(path, "NORMAL", immutable=False)
    except sqlite3.OperationalError:
        connection = _open_immutable(path)
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            caveat = (
                f"the write-ahead log {str(wal)!r} ({wal.stat().st_size} bytes) could not be "
                "read (a read-only directory); entries committed there were not checked"
            )
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise _unreadable(path, error) from None
    connection.text_factory = bytes
    try:
        kind = recognise(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection, kind, caveat


def _open_immutable(path: Path) -> sqlite3.Connection:
    try:
        return _open_readonly(path, "NORMAL", immutable=True)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: Exception) -> AuditFileError:
    """A file SQLite could not read through (its message may quote damaged bytes that are
    not UTF-8, which Python then fails to decode: as unreadable either way)."""
    if "not a database" in str(error):
        return AuditFileError(
            f"{str(path)!r} is not an audit log (not a SQLite database); check the path", path
        )
    return UnreadableFileError(
        f"{str(path)!r} cannot be read as an audit log ({error}); check the path, or restore "
        "the log from a backup",
        path,
    )


def open_writer(path: Path, synchronous: str) -> sqlite3.Connection:
    """A read-write connection to the existing audit log at ``path``, after recognising it.

    A log made before logs carried their application id is recognised by its tables and
    stamped with it here (the first writer to open it does so, in one transaction).
    """
    check_file(path)
    _refuse_foreign(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise AuditFileError(
            f"the audit log at {str(path)!r} is read-only; it can be verified where it is "
            "(`aegis audit verify`, verify_database()), or copied somewhere writable",
            path,
        )
    try:
        connection = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=30
        )
    except (sqlite3.Error, UnicodeDecodeError) as error:
        raise _unreadable(path, error) from None
    try:
        _configure(connection, synchronous)
        kind = recognise(connection, path)
        if kind is LogKind.LEGACY:
            _stamp(connection)
        connection.execute("PRAGMA journal_mode=WAL")
        return connection
    except (sqlite3.Error, UnicodeDecodeError) as error:
        connection.close()
        raise _unreadable(path, error) from None
    except BaseException:
        connection.close()
        raise


def _stamp(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        if connection.execute("PRAGMA application_id").fetchone()[0] == 0:
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
