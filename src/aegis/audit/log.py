"""The audit log: signed, hash-chained entries in SQLite, with a Merkle tree over them.

Appends use group commit. Callers queue their entries; whichever finds no commit under way
becomes the leader and writes everything queued in one ``BEGIN IMMEDIATE`` transaction
(reading the chain's tail inside it, so other processes on the same file serialise too);
every caller returns once its own entry is committed. A lone caller pays one transaction per
entry; many concurrent callers share transactions.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from aegis.audit import store_files, store_rows
from aegis.audit.chain import PendingEntry, Tail, chain_rows
from aegis.audit.encoding import GENESIS, encode_entry, entry_hash
from aegis.audit.export import export_database
from aegis.audit.group_commit import GroupCommitter
from aegis.audit.model import (
    AuditDataError,
    AuditEntry,
    AuditFileError,
    AuditWriteError,
    Checkpoint,
    VerificationReport,
)
from aegis.audit.opening import open_log
from aegis.audit.query import checked_query_sql, entries_from_rows, first_damage, query_sql
from aegis.audit.signer import Signer
from aegis.audit.stored_tree import StoredTree
from aegis.audit.verifier import Anomaly, Row, bad_signatures
from aegis.audit.verify_db import verify_known_log

__all__ = ["AuditLog"]

_DURABILITY = {"normal": "NORMAL", "full": "FULL"}
_MAX_ATTEMPTS = 1000


class AuditLog:
    """A tamper-evident log of actions. Use as a context manager, or call :meth:`close`.

    ``path`` is a SQLite file (``":memory:"`` keeps it in a private temporary directory for
    the life of the object). ``signing_key`` is 32 bytes or a key-file path; by default a
    key file ``<path>.key`` is created next to the database. ``durability="full"`` makes
    every commit survive power loss, not only a crash of the process.
    """

    def __init__(
        self,
        path: str | Path = ":memory:",
        signing_key: bytes | str | Path | None = None,
        durability: str = "normal",
    ) -> None:
        if durability not in _DURABILITY:
            raise ValueError(f"durability must be 'normal' or 'full', got {durability!r}")
        self._closed = True  # until everything is open: close() then has nothing to do
        opened = open_log(path, signing_key, _DURABILITY[durability])
        self.path = opened.path
        self._scratch = opened.scratch
        self._key = opened.key
        self.public_key = bytes(opened.key.verify_key)
        self.durability = durability
        self._writer, self._reader = opened.writer, opened.reader
        self._signer = Signer(opened.key)
        self._tree = StoredTree(self._reader, self.path)
        self._tail: Tail | None = None  # read in the first commit's transaction
        self._wal = Path(f"{self.path}-wal")
        self._wal_inode = self._wal_identity()
        self._held = opened.held
        self._committer: GroupCommitter[PendingEntry, AuditEntry] = GroupCommitter(self._commit)
        self._closed = False

    # -- appending --------------------------------------------------------------------------

    def _pending(self, action: str, details: Mapping[str, Any]) -> PendingEntry:
        if self._closed:
            raise ValueError(f"the audit log at {str(self.path)!r} is closed")
        return encode_entry(action, details)

    def log_action_sync(self, action: str, details: Mapping[str, Any]) -> AuditEntry:
        """Append one entry and return it once committed (for threads)."""
        return self._committer.run_sync(self._pending(action, details))

    async def log_action(self, action: str, details: Mapping[str, Any]) -> AuditEntry:
        """Append one entry and return it once committed (for asyncio tasks)."""
        return await self._committer.run(self._pending(action, details))

    def _read_tail(self) -> Tail:
        """The newest entry, which the next one extends, once it verifies: an entry that
        does not (an unsigned row put there by hand, a damaged one) is never extended."""
        row = store_rows.tail_row(self._writer)
        if row is None:
            return Tail(0, GENESIS, 0)
        problem = row.detail if isinstance(row, Anomaly) else self._unvouched(row)
        if problem is not None:
            raise AuditWriteError(
                f"cannot append to the audit log at {str(self.path)!r}: its newest entry, "
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
        if bad_signatures(self.public_key, [(row.seq, row.entry_hash, row.signature)]):
            return "is not signed by this log's key"
        return None

    def _commit(self, batch: Sequence[PendingEntry]) -> list[AuditEntry]:
        """Write ``batch`` in one transaction.

        The tail is taken from the last commit rather than read back each time: if another
        process appended meanwhile, the first insert collides on ``seq`` (the primary key),
        and the batch is rebuilt on the real tail and written again.
        """
        writer = self._writer
        if self._wal_identity() != self._wal_inode:
            raise AuditWriteError(self._wal_lost("nothing more is written"), self.path)
        try:
            for _ in range(_MAX_ATTEMPTS):
                writer.execute("BEGIN IMMEDIATE")
                if self._tail is None:
                    self._tail = self._read_tail()
                rows = chain_rows(self._tail, batch, self._signer)
                try:
                    store_rows.insert_rows(writer, rows)
                except sqlite3.IntegrityError:
                    writer.execute("ROLLBACK")
                    self._tail = None  # another process appended: read the tail again
                    continue
                writer.execute("COMMIT")
                break
            else:
                raise AuditWriteError(
                    f"could not append to the audit log at {str(self.path)!r}: other writers "
                    f"took every one of {_MAX_ATTEMPTS} attempts; retry",
                    self.path,
                )
        except BaseException as failure:
            with contextlib.suppress(sqlite3.Error):
                if writer.in_transaction:
                    writer.execute("ROLLBACK")
            if isinstance(failure, sqlite3.Error | OSError):
                # The batch failed for a reason of its own: each of its callers gets this
                # error, naming the file, and none of their entries was committed.
                raise AuditWriteError(
                    f"could not append to the audit log at {str(self.path)!r}: {failure}; "
                    "nothing of this batch was written",
                    self.path,
                ) from failure
            raise
        last = rows[-1]
        self._tail = Tail(last[0], last[5], last[1])
        self._tree.add_committed(rows)
        return [
            AuditEntry(row[0], row[1], row[2], pending.details, row[4], row[5], row[6])
            for pending, row in zip(batch, rows, strict=True)
        ]

    # -- the Merkle tree --------------------------------------------------------------------

    @property
    def size(self) -> int:
        """Entries in the log (committed by this or any other process)."""
        return self._tree.size()

    def merkle_root(self, size: int | None = None) -> bytes:
        return self._tree.root(size)

    def inclusion_proof(self, seq: int, size: int | None = None) -> list[bytes]:
        """Audit path of entry ``seq`` (from 1) in the tree of ``size`` entries."""
        if isinstance(seq, bool) or not isinstance(seq, int):
            raise ValueError(f"seq must be an int, got {seq!r}")
        return self._tree.inclusion_proof(seq - 1, size)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        return self._tree.consistency_proof(old_size, new_size)

    def checkpoint(self) -> Checkpoint:
        """A signed (size, root) of the log as it is now, to keep outside the database."""
        size, root = self._tree.size_and_root()
        return self._signed_checkpoint(size, root)

    def _signed_checkpoint(self, size: int, root: bytes) -> Checkpoint:
        signature = self._key.sign(Checkpoint.message(size, root)).signature
        return Checkpoint(size, root, self.public_key, signature)

    # -- reading ----------------------------------------------------------------------------

    async def verify(
        self, checkpoint: Checkpoint | None = None, public_key: bytes | None = None
    ) -> VerificationReport:
        """Check every link and signature (and, given one, that the log extends
        ``checkpoint``), streaming the entries."""
        return await asyncio.to_thread(self.verify_sync, checkpoint, public_key)

    def verify_sync(
        self, checkpoint: Checkpoint | None = None, public_key: bytes | None = None
    ) -> VerificationReport:
        lost = None
        if self._wal_identity() != self._wal_inode:
            lost = self._wal_lost("this verification cannot see")
        committed = self._tail.seq if self._tail is not None else 0
        return verify_known_log(
            self.path, public_key or self.public_key, checkpoint, lost_wal=lost, committed=committed
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

    async def query(
        self,
        start: float | datetime | None = None,
        end: float | datetime | None = None,
        actions: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[AuditEntry]:
        """Entries with ``start <= timestamp < end`` and an action in ``actions``, newest
        first, at most ``limit`` of them."""
        return self.query_sync(start, end, actions, limit)

    def query_sync(
        self,
        start: float | datetime | None = None,
        end: float | datetime | None = None,
        actions: Iterable[str] | None = None,
        limit: int | None = None,
    ) -> list[AuditEntry]:
        size = self._tree.size()  # only entries of the chain 1..n are ever returned
        sql, parameters = query_sql(start, end, actions, limit, up_to=size)
        try:
            with self._tree.lock:  # the reader connection is shared; one statement at a time
                rows = self._reader.execute(sql, parameters).fetchall()
            return entries_from_rows(rows, self.path)
        except (AuditDataError, sqlite3.DatabaseError) as error:
            # Text that is not UTF-8 stops the fetch itself: find the row and name it.
            named = self._damage_in(sql, parameters)
            if named is not None:
                raise named from None
            if isinstance(error, AuditDataError):
                raise
            raise AuditFileError(
                f"cannot read the audit log at {str(self.path)!r}: {error}; run "
                "`aegis audit verify` on it",
                self.path,
            ) from None

    def _damage_in(self, sql: str, parameters: list[object]) -> AuditDataError | None:
        with self._tree.lock:
            self._reader.text_factory = bytes
            try:
                rows = self._reader.execute(checked_query_sql(sql), parameters).fetchall()
            except sqlite3.DatabaseError:
                return None
            finally:
                self._reader.text_factory = str
        return first_damage(rows, self.path)

    query_sql = staticmethod(query_sql)

    async def export(self, path: str | Path) -> Checkpoint:
        """Write the log as JSON Lines: a header with the public key and a checkpoint, then
        one entry per line. Returns the checkpoint."""
        return await asyncio.to_thread(self.export_sync, path)

    def export_sync(self, path: str | Path) -> Checkpoint:
        return export_database(self.path, Path(path), self.checkpoint())

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._writer.close()  # the last connection to close folds the WAL into the file
        store_files.release(self._held)
        self._reader.close()
        self._signer.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    async def __aenter__(self) -> AuditLog:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
