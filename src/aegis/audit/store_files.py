"""The audit log's file as the operating system sees it: present, non-empty, which inode.

POSIX record locks belong to the process, and closing any descriptor of a file drops all of
them: a connection of this process to the same log would lose its locks, and another
process could then checkpoint and reset the WAL under it. So the file is never opened here
while this process holds connections to it (:func:`hold` records which files it does).
"""

from __future__ import annotations

import stat
import threading
from pathlib import Path

from aegis.audit.model import AuditFileError
from aegis.audit.store_schema import APPLICATION_ID

__all__ = ["check_file", "hold", "marked_as_audit_log", "release"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_BYTES = 100


def check_file(path: Path) -> None:
    """AuditFileError naming ``path`` unless it is a non-empty regular file.

    Only ``stat``: opening the file here would be fatal. POSIX record locks belong to the
    process, and closing any descriptor of a file drops all of them, so a connection of
    this process to the same log would lose its locks, and another process could then
    checkpoint and reset the WAL under it. The file is read only through SQLite.
    """
    try:
        status = path.stat()
    except FileNotFoundError:
        raise AuditFileError(f"no audit log at {str(path)!r}", path) from None
    except OSError as error:
        raise AuditFileError(f"cannot read {str(path)!r}: {error.strerror}", path) from None
    if stat.S_ISDIR(status.st_mode):
        raise AuditFileError(f"{str(path)!r} is a directory, not an audit log", path)
    if status.st_size == 0:
        raise AuditFileError(
            f"{str(path)!r} is an empty file, not an audit log; a new log is created only "
            "where no file exists: move it away, or restore the log from a backup",
            path,
        )


#: ``(device, inode)`` of the logs this process holds SQLite connections to, and how many.
_IN_USE: dict[tuple[int, int], int] = {}
_IN_USE_LOCK = threading.Lock()


def hold(path: Path) -> tuple[int, int] | None:
    """Record that this process keeps connections to ``path`` (see :func:`release`)."""
    try:
        status = path.stat()
    except OSError:
        return None
    identity = (status.st_dev, status.st_ino)
    with _IN_USE_LOCK:
        _IN_USE[identity] = _IN_USE.get(identity, 0) + 1
    return identity


def release(identity: tuple[int, int] | None) -> None:
    if identity is None:
        return
    with _IN_USE_LOCK:
        remaining = _IN_USE.get(identity, 1) - 1
        if remaining:
            _IN_USE[identity] = remaining
        else:
            _IN_USE.pop(identity, None)


def marked_as_audit_log(path: Path) -> bool:
    """Whether the header of ``path`` carries the audit log's application id, even when
    SQLite cannot read the rest: read directly unless this process holds connections to the
    file (opening and closing it would drop their locks; and such a file was an audit log
    when they opened it)."""
    try:
        status = path.stat()
        with _IN_USE_LOCK:
            if (status.st_dev, status.st_ino) in _IN_USE:
                return True
        with path.open("rb") as source:
            header = source.read(_HEADER_BYTES)
    except OSError:
        return False
    return header.startswith(_SQLITE_MAGIC) and header[68:72] == APPLICATION_ID.to_bytes(4, "big")
