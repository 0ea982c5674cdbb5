"""Verification of a database file without its signing key, never writing to it.

Verification reports damage; it does not raise on it. Every row the log would not have
written is a finding with its seq, and so is the file failing SQLite's own
``PRAGMA integrity_check`` (which also compares every index with its table: a damaged index
would otherwise make queries quietly miss entries). Only a file that is not an audit log at
all, or a log without any key to check it against, is an error.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from aegis.audit import store, store_files, store_rows
from aegis.audit.backend import is_postgres_dsn
from aegis.audit.merkle import EMPTY_ROOT
from aegis.audit.model import (
    AuditFileError,
    Checkpoint,
    Finding,
    FindingKind,
    VerificationReport,
)
from aegis.audit.store_schema import INDEXES, UnreadableFileError
from aegis.audit.verifier import report_of, trusted_key, verify_rows

__all__ = ["verify_database"]

#: Lines of ``integrity_check`` output kept: enough to show where, bounded for a wreck.
_INTEGRITY_LINES = 20


def verify_database(
    path: str | Path, public_key: bytes | None = None, checkpoint: Checkpoint | None = None
) -> VerificationReport:
    """Verify the log at ``path`` read-only. Trusts ``public_key`` if given (the log's
    stored key otherwise, which proves consistency but not authorship).

    A file whose header marks it as an audit log but which SQLite cannot read through is
    reported as damaged; anything else that is not an audit log raises AuditFileError. A
    ``postgresql://`` DSN is read in one snapshot of that database.
    """
    if is_postgres_dsn(path):
        from aegis.audit.pg_store import verify_postgres

        return verify_postgres(str(path), public_key, checkpoint)
    return _verify(Path(path), public_key, checkpoint, known_log=False)


def verify_known_log(
    path: Path,
    public_key: bytes,
    checkpoint: Checkpoint | None,
    *,
    lost_wal: str | None = None,
    committed: int = 0,
) -> VerificationReport:
    """Verify a log that was recognised when it was opened: whatever became of the file
    since, the answer is a report. ``committed`` is the highest seq the caller itself
    committed: a file holding fewer entries has lost some (``lost_wal`` says how)."""
    report = _verify(path, public_key, checkpoint, known_log=True)
    extra = []
    if lost_wal is not None:
        extra.append(Finding(FindingKind.DAMAGED_FILE, None, lost_wal))
    if report.entries_checked < committed:
        extra.append(
            Finding(
                FindingKind.TRUNCATION,
                report.entries_checked + 1,
                f"this log committed entries up to seq {committed}; the file shows "
                f"{report.entries_checked}",
            )
        )
    if not extra:
        return report
    return report_of((*report.findings, *extra), report.entries_checked, report.root)


def _verify(
    path: Path, public_key: bytes | None, checkpoint: Checkpoint | None, *, known_log: bool
) -> VerificationReport:
    try:
        connection, _kind, caveat = store.open_reader(path)
    except AuditFileError as error:
        damaged = isinstance(error, UnreadableFileError) and store_files.marked_as_audit_log(path)
        if not (known_log or damaged):
            raise
        return report_of([Finding(FindingKind.DAMAGED_FILE, None, str(error))], 0, EMPTY_ROOT)
    try:
        return _verify_open(connection, path, public_key, checkpoint, caveat)
    finally:
        connection.close()


def _verify_open(
    connection: sqlite3.Connection,
    path: Path,
    public_key: bytes | None,
    checkpoint: Checkpoint | None,
    caveat: str | None,
) -> VerificationReport:
    findings = [] if caveat is None else [Finding(FindingKind.DAMAGED_FILE, None, caveat)]
    connection.execute("BEGIN")  # one snapshot for the checks and the rows alike
    stored: bytes | None = None
    try:
        stored = store_rows.read_public_key(connection)
    except (ValueError, sqlite3.DatabaseError) as error:
        findings.append(Finding(FindingKind.MALFORMED, None, str(error)))
    trusted = trusted_key(public_key, stored, str(path), missing="no valid public key")
    findings.extend(_file_findings(connection))
    try:
        expected: int | None = store_rows.tail(connection)
    except sqlite3.DatabaseError:
        expected = None
    return verify_rows(
        store_rows.iter_checked_rows(connection),
        trusted,
        stored_public_key=stored,
        checkpoint=checkpoint,
        expected_count=expected,
        findings=findings,
    )


def _file_findings(connection: sqlite3.Connection) -> list[Finding]:
    """SQLite's own consistency check (pages, records, and every index against its table),
    and the indexes queries rely on being there."""
    try:
        lines = [
            _text(row[0])
            for row in connection.execute(f"PRAGMA integrity_check({_INTEGRITY_LINES})")
        ]
        names = {
            _text(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
    except sqlite3.DatabaseError as error:
        return [Finding(FindingKind.DAMAGED_FILE, None, f"integrity check failed: {error}")]
    findings = []
    if lines != ["ok"]:
        findings.append(
            Finding(
                FindingKind.DAMAGED_FILE,
                None,
                "SQLite's integrity check fails: " + "; ".join(lines),
            )
        )
    missing = sorted(set(INDEXES) - names)
    if missing:
        findings.append(
            Finding(FindingKind.DAMAGED_FILE, None, f"the indexes {missing} are missing")
        )
    return findings


def _text(value: object) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
