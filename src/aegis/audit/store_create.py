"""Making a new audit log file, so that no other process ever sees a half-made one.

The log is built whole under a temporary name (header, schema and public key), made
durable, and hard-linked into place, which fails rather than replace anything: two
processes creating the same log agree on one file, and a file that was there first is
never initialised over. Apart from :mod:`~aegis.audit.store`, which opens logs that exist,
because making one shares nothing with opening one but the schema.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from pathlib import Path

from aegis.audit.model import AuditFileError
from aegis.audit.store_schema import APPLICATION_ID, SCHEMA, SCHEMA_VERSION

__all__ = ["create_log"]


def create_log(path: Path, public_key: bytes) -> bool:
    """Make a new, empty audit log at ``path`` holding ``public_key``; False if a file got
    there first (it is then left as it is).

    The log is made under a temporary name and hard-linked into place, which fails rather
    than replace anything: two processes creating the same log agree on one file.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.new")
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            connection.executescript(SCHEMA)
            connection.execute(
                "INSERT INTO meta (key, value) VALUES ('public_key', ?)", (public_key,)
            )
        finally:
            connection.close()
        with temporary.open("rb+") as made:
            os.fsync(made.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        _sync_directory(path.parent)
        return True
    except (sqlite3.Error, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise AuditFileError(
            f"cannot create an audit log at {str(path)!r}: {reason}; check the directory "
            "exists and is writable",
            path,
        ) from None
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _sync_directory(directory: Path) -> None:
    """Make the new name itself durable (a no-op where directories cannot be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
