"""The audit log in a SQLite file: the embedded store, for the processes of one machine.

Appends run in ``BEGIN IMMEDIATE`` transactions, which SQLite serialises across every
process that shares the file. The tail is taken from this store's last commit rather than
read back each time: if another process appended meanwhile, the first insert collides on
``seq`` (the primary key), and the batch is rebuilt on the real tail and written again.
The newest entry is extended only once it verifies: an unsigned row put there by hand, or a
damaged one, is never built on.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path

from aegis.audit import store_files, store_rows
from aegis.audit.chain import SignedRow, Tail
from aegis.audit.encoding import GENESIS, entry_hash
from aegis.audit.export import export_database
from aegis.audit.model import (
    AuditDataError,
    AuditEntry,
    AuditWriteError,
    Checkpoint,
    VerificationReport,
)
from aegis.audit.opening import OpenedLog
from aegis.audit.query import checked_query_sql, entries_from_rows, first_damage, query_sql
from aegis.audit.stored_tree import SqliteLeaves, StoredTree, unreadable_log
from aegis.audit.verify_chain import Anomaly, Row
from aegis.audit.verify_db import verify_known_log
from aegis.audit.verify_signatures import bad_signatures

__all__ = ["SqliteStore"]

_MAX_ATTEMPTS = 1000


class SqliteStore:
    """The two connections of an opened log file (see :mod:`aegis.audit.opening`)."""

    def __init__(self, opened: OpenedLog) -> None:
        self.path = opened.path
        self.location = str(opened.path)
        self._public_key = bytes(opened.key.verify_key)
        self._writer, self._reader = opened.writer, opened.reader
        self._held = opened.held
        self.tree = StoredTree(SqliteLeaves(self._reader, self.path))
        self._tail: Tail | None = None  # read in the first commit's transaction
        self._wal = Path(f"{self.path}-wal")
        self._wal_inode = self._wal_identity()

    # -- appending --------------------------------------------------------------------------

    def _read_tail(self) -> Tail:
        """The newest entry, which the next one extends, once it verifies."""
        row = store_rows.tail_row(self._writer)
        if row is None:
            return Tail(0, GENESIS, 0)
        problem = row.detail if isinstance(row, Anomaly) else self._unvouched(row)
        if problem is not None:
            raise AuditWriteError(
                f"cannot append to the audit log at {self.location!r}: its newest entry, "
                f"seq {row.seq}, {problem}; run `aegis audit verify` on it",
                self.path,
            )
        assert isinstance(row, Row)
        return Tail(row.seq, row.entry_hash, row.timestamp_ns)

    def _unvouched(self, row: Row) -> str | None:
        if row.seq < 1:
            return "is outside the chain"
        if entry_hash(row.seq, row.timestamp_ns, row.action, row.details, row.prev_hash) != (
            row.entry_hash
        ):
            return "does not match its hash"
        if bad_signatures(self._public_key, [(row.seq, row.entry_hash, row.signature)]):
            return "is not signed by this log's key"
        return None

    def append(self, build: Callable[[Tail], list[SignedRow]]) -> list[SignedRow]:
        """Write the rows ``build`` makes on the tail, in one transaction."""
        writer = self._writer
        if self._wal_identity() != self._wal_inode:
            raise AuditWriteError(self._wal_lost("nothing more is written"), self.path)
        try:
            rows = self._insert_on_tail(build)
        except BaseException as failure:
            with contextlib.suppress(sqlite3.Error):
                if writer.in_transaction:
                    writer.execute("ROLLBACK")
            if isinstance(failure, sqlite3.Error | OSError):
                # The batch failed for a reason of its own: each of its callers gets this
                # error, naming the file, and none of their entries was committed.
                raise AuditWriteError(
                    f"could not append to the audit log at {self.location!r}: {failure}; "
                    "nothing of this batch was written",
                    self.path,
                ) from failure
            raise
        last = rows[-1]
        self._tail = Tail(last[0], last[5], last[1])
        return rows

    def _insert_on_tail(self, build: Callable[[Tail], list[SignedRow]]) -> list[SignedRow]:
        """Insert and commit the rows ``build`` makes on the tail; a collision on ``seq``
        means another process appended first, and the batch is built again on the tail
        read back."""
        writer = self._writer
        for _ in range(_MAX_ATTEMPTS):
            writer.execute("BEGIN IMMEDIATE")
            if self._tail is None:
                self._tail = self._read_tail()
            rows = build(self._tail)
            try:
                store_rows.insert_rows(writer, rows)
            except sqlite3.IntegrityError:
                writer.execute("ROLLBACK")
                self._tail = None  # another process appended: read the tail again
                continue
            writer.execute("COMMIT")
            return rows
        raise AuditWriteError(
            f"could not append to the audit log at {self.location!r}: other writers "
            f"took every one of {_MAX_ATTEMPTS} attempts; retry",
            self.path,
        )

    # -- reading ----------------------------------------------------------------------------

    def verify(self, public_key: bytes, checkpoint: Checkpoint | None) -> VerificationReport:
        lost = None
        if self._wal_identity() != self._wal_inode:
            lost = self._wal_lost("this verification cannot see")
        committed = self._tail.seq if self._tail is not None else 0
        return verify_known_log(
            self.path, public_key, checkpoint, lost_wal=lost, committed=committed
        )

    def _wal_identity(self) -> int | None:
        """The inode of the WAL: SQLite keeps one file while any connection is open, so
        another inode (or none) means it was deleted (and perhaps made anew) under us."""
        try:
            return self._wal.stat().st_ino
        except FileNotFoundError:
            return None

    def _wal_lost(self, consequence: str) -> str:
        """Said when the WAL this log writes through is gone (deleted under it): SQLite keeps
        writing to the open, unlinked file, whose entries only a clean close folds back."""
        return (
            f"the write-ahead log {str(self._wal)!r} was deleted while the log was open: "
            f"entries committed since the last checkpoint are only in this process's open "
            f"handle, which {consequence}; close this log cleanly (that folds them into the "
            "file) before anything else opens it"
        )

    def query(
        self,
        start: float | datetime | None,
        end: float | datetime | None,
        actions: Iterable[str] | None,
        limit: int | None,
    ) -> list[AuditEntry]:
        size = self.tree.size()  # only entries of the chain 1..n are ever returned
        sql, parameters = query_sql(start, end, actions, limit, up_to=size)
        try:
            with self.tree.lock:  # the reader connection is shared; one statement at a time
                rows = self._reader.execute(sql, parameters).fetchall()
            return entries_from_rows(rows, self.path)
        except (AuditDataError, sqlite3.DatabaseError) as error:
            # Text that is not UTF-8 stops the fetch itself: find the row and name it.
            named = self._damage_in(sql, parameters)
            if named is not None:
                raise named from None
            if isinstance(error, AuditDataError):
                raise
            raise unreadable_log(self.path, error) from None

    def _damage_in(self, sql: str, parameters: Sequence[object]) -> AuditDataError | None:
        with self.tree.lock:
            self._reader.text_factory = bytes
            try:
                rows = self._reader.execute(checked_query_sql(sql), parameters).fetchall()
            except sqlite3.DatabaseError:
                return None
            finally:
                self._reader.text_factory = str
        return first_damage(rows, self.path)

    def export(self, path: Path, checkpoint: Checkpoint) -> Checkpoint:
        return export_database(self.path, path, checkpoint)

    def close(self) -> None:
        self._writer.close()  # the last connection to close folds the WAL into the file
        store_files.release(self._held)
        self._reader.close()
