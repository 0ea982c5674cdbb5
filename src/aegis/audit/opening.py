"""Opening an audit log for writing: the file, its key, and the two connections.

Where no file exists a new log is made, and with it (unless a key is given) its key file.
An existing file must be an audit log (:mod:`aegis.audit.store_schema`) and its key must be
the one it was made with; otherwise nothing is created or changed and the error names the
file and what to do. Whatever fails, every connection opened so far is closed, so that no
connection outlives the error (one that did once kept a stale WAL alive and lost entries).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from nacl.signing import SigningKey

from aegis.audit import store, store_files, store_rows
from aegis.audit.keys import create_key, key_mismatch, load_key_file, signing_key_from
from aegis.audit.model import AuditFileError, AuditKeyError

__all__ = ["OpenedLog", "default_key_file", "open_log"]


class OpenedLog(NamedTuple):
    path: Path
    key: SigningKey
    writer: sqlite3.Connection
    reader: sqlite3.Connection
    #: The private directory of a ``":memory:"`` log, removed when it closes.
    scratch: Path | None
    #: The file's identity while this process holds connections to it (see store.hold).
    held: tuple[int, int] | None


def default_key_file(database: Path) -> Path:
    return database.with_name(database.name + ".key")


def open_log(
    path: str | Path, signing_key: bytes | str | Path | None, synchronous: str
) -> OpenedLog:
    if str(path) == ":memory:":
        scratch = Path(tempfile.mkdtemp(prefix="aegis-audit-"))
        try:
            key = SigningKey.generate() if signing_key is None else signing_key_from(signing_key)
            database = scratch / "audit.db"
            store.create_log(database, bytes(key.verify_key))
            return _connect(database, lambda: key, synchronous, scratch)
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
    database = Path(path)
    if _exists(database):  # the file is recognised first: its key only then
        return _connect(database, lambda: _existing_key(database, signing_key), synchronous)
    key = _new_log(database, signing_key)
    return _connect(database, lambda: key, synchronous)


def _existing_key(database: Path, signing_key: bytes | str | Path | None) -> SigningKey:
    if signing_key is not None:
        return signing_key_from(signing_key)
    key_file = default_key_file(database)
    if not _exists(key_file):
        raise AuditKeyError(
            f"the audit log at {str(database)!r} has no key file {str(key_file)!r}: restore "
            "it from a backup, or pass signing_key (a new key is made only with a new log)",
            key_file,
        )
    return load_key_file(key_file)


def _new_log(database: Path, signing_key: bytes | str | Path | None) -> SigningKey:
    """The key of a new log made at ``database`` (with its key file, unless one is given);
    if another process made the log first, the key is checked against it when connecting."""
    key_file = default_key_file(database)
    if signing_key is not None:
        key, created_key = signing_key_from(signing_key), False
    elif _exists(key_file):  # kept from before, or made by a process creating this log now
        key, created_key = load_key_file(key_file), False
    else:
        key, created_key = create_key(key_file)
    try:
        store.create_log(database, bytes(key.verify_key))  # False: another process was first
    except BaseException:
        if created_key:
            with contextlib.suppress(FileNotFoundError):
                key_file.unlink()
        raise
    return key


def _exists(path: Path) -> bool:
    try:
        path.lstat()
    except FileNotFoundError:
        return False
    return True


def _connect(
    database: Path,
    key_of: Callable[[], SigningKey],
    synchronous: str,
    scratch: Path | None = None,
) -> OpenedLog:
    opened: list[sqlite3.Connection] = []
    try:
        writer = store.open_writer(database, synchronous)
        opened.append(writer)
        reader = store.open_writer(database, synchronous)
        opened.append(reader)
        writer.text_factory = bytes  # it reads the tail row by row, checking its text
        key = key_of()
        _claim_key(writer, database, bytes(key.verify_key))
    except BaseException as error:
        for connection in opened:
            connection.close()
        if isinstance(error, sqlite3.Error):
            raise AuditFileError(
                f"cannot open the audit log at {str(database)!r}: {error}; run "
                "`aegis audit verify` on it",
                database,
            ) from None
        raise
    return OpenedLog(database, key, writer, reader, scratch, store_files.hold(database))


def _claim_key(writer: sqlite3.Connection, database: Path, public_key: bytes) -> None:
    """Check the key is the log's (a log made before keys were stored takes this one)."""
    writer.execute("BEGIN IMMEDIATE")
    try:
        stored = store_rows.claim_public_key(writer, public_key)
        writer.execute("COMMIT")
    except ValueError as error:
        writer.execute("ROLLBACK")
        raise AuditKeyError(
            f"the audit log at {str(database)!r} is damaged: {error}; run `aegis audit verify`",
            database,
        ) from None
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            writer.execute("ROLLBACK")
        raise
    if stored != public_key:
        raise key_mismatch(public_key, stored, str(database))
