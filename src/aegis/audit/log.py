"""The audit log: signed, hash-chained entries in SQLite, with a Merkle tree over them.

Appends use group commit. Callers queue their entries; whichever finds no commit under way
becomes the leader and writes everything queued in one ``BEGIN IMMEDIATE`` transaction
(reading the chain's tail inside it, so other processes on the same file serialise too);
every caller returns once its own entry is committed. A lone caller pays one transaction per
entry; many concurrent callers share transactions.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from nacl.signing import SigningKey

from aegis._validation import require_text
from aegis.audit import store
from aegis.audit.encoding import GENESIS, canonical_details, entry_hash
from aegis.audit.group_commit import GroupCommitter
from aegis.audit.keys import load_or_create_key, signing_key_from
from aegis.audit.merkle import MerkleTree
from aegis.audit.model import AuditEntry, AuditKeyError, Checkpoint, VerificationReport
from aegis.audit.signer import Signer
from aegis.audit.verifier import verify_rows

__all__ = ["AuditLog"]

_DURABILITY = {"normal": "NORMAL", "full": "FULL"}
_MAX_ATTEMPTS = 1000


class _Pending(NamedTuple):
    action: str
    details: Mapping[str, Any]
    text: str


def _seconds_to_ns(name: str, value: float | datetime | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return int(value.timestamp() * 1e9)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be seconds since the epoch or a datetime, got {value!r}")
    return int(value * 1e9)


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
        self._scratch: Path | None = None
        if str(path) == ":memory:":
            self._scratch = Path(tempfile.mkdtemp(prefix="aegis-audit-"))
            self.path = self._scratch / "audit.db"
            key = SigningKey.generate() if signing_key is None else signing_key_from(signing_key)
        else:
            self.path = Path(path)
            key = (
                load_or_create_key(self.path.with_name(self.path.name + ".key"))
                if signing_key is None
                else signing_key_from(signing_key)
            )
        self._key = key
        self.public_key = bytes(key.verify_key)
        self._closed = False
        self._signer = Signer(key)
        self._writer = store.connect(self.path, synchronous=_DURABILITY[durability])
        self._reader = store.connect(self.path, synchronous=_DURABILITY[durability])
        self._claim_key()
        self._tree = MerkleTree()
        self._tree_lock = threading.Lock()
        self._seen_version = -1
        self._refresh_tree()
        self._tail = self._read_tail()
        self._committer: GroupCommitter[_Pending, AuditEntry] = GroupCommitter(self._commit)

    # -- setup ------------------------------------------------------------------------------

    def _claim_key(self) -> None:
        self._writer.execute("BEGIN IMMEDIATE")
        try:
            self._writer.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('public_key', ?)",
                (self.public_key,),
            )
            stored = store.read_public_key(self._writer)
            self._writer.execute("COMMIT")
        except BaseException:
            self._writer.execute("ROLLBACK")
            raise
        if stored != self.public_key:
            self.close()
            raise AuditKeyError(
                f"the signing key's public half {self.public_key.hex()} does not match the "
                f"public key {stored.hex() if stored else None} of the log at {str(self.path)!r}"
            )

    def _refresh_tree(self) -> None:
        """Bring the Merkle tree up to date with entries committed by anyone."""
        with self._tree_lock:
            version = self._reader.execute("PRAGMA data_version").fetchone()[0]
            if version == self._seen_version:
                return
            self._catch_up_locked()
            self._seen_version = version

    def _catch_up_locked(self, up_to: int | None = None) -> None:
        """Append to the tree the stored entries it lacks (up to seq ``up_to``)."""
        for row in store.iter_rows(self._reader, after=len(self._tree), up_to=up_to):
            self._tree.append(row.entry_hash)

    # -- appending --------------------------------------------------------------------------

    def _pending(self, action: str, details: Mapping[str, Any]) -> _Pending:
        if self._closed:
            raise ValueError(f"the audit log at {str(self.path)!r} is closed")
        require_text("action", action)
        return _Pending(action, details, canonical_details(details))

    def log_action_sync(self, action: str, details: Mapping[str, Any]) -> AuditEntry:
        """Append one entry and return it once committed (for threads)."""
        return self._committer.run_sync(self._pending(action, details))

    async def log_action(self, action: str, details: Mapping[str, Any]) -> AuditEntry:
        """Append one entry and return it once committed (for asyncio tasks)."""
        return await self._committer.run(self._pending(action, details))

    def _read_tail(self) -> tuple[int, bytes, int]:
        seq, digest, timestamp = store.tail(self._writer)
        return seq, digest or GENESIS, timestamp

    def _commit(self, batch: Sequence[_Pending]) -> list[AuditEntry]:
        """Write ``batch`` in one transaction.

        The tail is taken from the last commit rather than read back each time: if another
        process appended meanwhile, the first insert collides on ``seq`` (the primary key),
        and the batch is rebuilt on the real tail and written again.
        """
        writer = self._writer
        try:
            for _ in range(_MAX_ATTEMPTS):
                writer.execute("BEGIN IMMEDIATE")
                rows = self._sign_rows(batch)
                try:
                    store.insert_rows(writer, rows)
                except sqlite3.IntegrityError:
                    writer.execute("ROLLBACK")
                    self._tail = self._read_tail()
                    continue
                writer.execute("COMMIT")
                break
            else:
                raise RuntimeError(f"could not append after {_MAX_ATTEMPTS} attempts")
        except BaseException:
            if writer.in_transaction:
                writer.execute("ROLLBACK")
            raise
        last = rows[-1]
        self._tail = (last[0], last[5], last[1])
        self._append_to_tree(rows)
        return [
            AuditEntry(row[0], row[1], row[2], pending.details, row[4], row[5], row[6])
            for pending, row in zip(batch, rows, strict=True)
        ]

    def _sign_rows(self, batch: Sequence[_Pending]) -> list[tuple[Any, ...]]:
        """Chain the batch's hashes (in order), then sign them (in parallel when many)."""
        seq, previous, last_ns = self._tail
        timestamp = max(time.time_ns(), last_ns)
        digests: list[bytes] = []
        for pending in batch:
            previous = entry_hash(
                seq + len(digests) + 1, timestamp, pending.action, pending.text, previous
            )
            digests.append(previous)
        signatures = self._signer.sign_all(digests)
        previous = self._tail[1]
        rows = []
        for pending, digest, signature in zip(batch, digests, signatures, strict=True):
            seq += 1
            rows.append((seq, timestamp, pending.action, pending.text, previous, digest, signature))
            previous = digest
        return rows

    def _append_to_tree(self, rows: list[tuple[Any, ...]]) -> None:
        with self._tree_lock:
            if len(self._tree) < rows[0][0] - 1:  # another process wrote before this batch
                self._catch_up_locked(up_to=rows[0][0] - 1)
            for seq, *_, digest, _signature in rows:
                if len(self._tree) == seq - 1:  # a refresh may have added it already
                    self._tree.append(digest)

    # -- the Merkle tree --------------------------------------------------------------------

    @property
    def size(self) -> int:
        """Entries in the log (committed by this or any other process)."""
        self._refresh_tree()
        return len(self._tree)

    def merkle_root(self, size: int | None = None) -> bytes:
        self._refresh_tree()
        with self._tree_lock:
            return self._tree.root(size)

    def inclusion_proof(self, seq: int, size: int | None = None) -> list[bytes]:
        """Audit path of entry ``seq`` (from 1) in the tree of ``size`` entries."""
        self._refresh_tree()
        if isinstance(seq, bool) or not isinstance(seq, int):
            raise ValueError(f"seq must be an int, got {seq!r}")
        with self._tree_lock:
            return self._tree.inclusion_proof(seq - 1, size)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        self._refresh_tree()
        with self._tree_lock:
            return self._tree.consistency_proof(old_size, new_size)

    def checkpoint(self) -> Checkpoint:
        """A signed (size, root) of the log as it is now, to keep outside the database."""
        self._refresh_tree()
        with self._tree_lock:
            size, root = len(self._tree), self._tree.root()
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
        connection = store.connect(self.path, readonly=True)
        try:
            connection.execute("BEGIN")
            count = store.tail(connection)[0]
            return verify_rows(
                store.iter_rows(connection),
                public_key or self.public_key,
                stored_public_key=store.read_public_key(connection),
                checkpoint=checkpoint,
                expected_count=count,
            )
        finally:
            connection.close()

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
        sql, parameters = self.query_sql(start, end, actions, limit)
        with self._tree_lock:  # the reader connection is shared; one statement at a time
            rows = self._reader.execute(sql, parameters).fetchall()
        return [
            AuditEntry(seq, ts, action, json.loads(details), bytes(prev), bytes(digest), bytes(sig))
            for seq, ts, action, details, prev, digest, sig in rows
        ]

    @staticmethod
    def query_sql(
        start: float | datetime | None,
        end: float | datetime | None,
        actions: Iterable[str] | None,
        limit: int | None,
    ) -> tuple[str, list[object]]:
        """The SQL and parameters of a query (exposed so tests can check its plan)."""
        clauses: list[str] = []
        parameters: list[object] = []
        if (start_ns := _seconds_to_ns("start", start)) is not None:
            clauses.append("timestamp_ns >= ?")
            parameters.append(start_ns)
        if (end_ns := _seconds_to_ns("end", end)) is not None:
            clauses.append("timestamp_ns < ?")
            parameters.append(end_ns)
        if actions is not None:
            wanted = [require_text("actions[]", a) for a in actions]
            clauses.append(f"action IN ({', '.join('?' * len(wanted))})")
            parameters.extend(wanted)
        sql = f"SELECT {store.ROW_COLUMNS} FROM entries"  # noqa: S608 - fixed columns
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY timestamp_ns DESC, seq DESC"
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                raise ValueError(f"limit must be an int >= 0 or None, got {limit!r}")
            sql += " LIMIT ?"
            parameters.append(limit)
        return sql, parameters

    async def export(self, path: str | Path) -> Checkpoint:
        """Write the log as JSON Lines: a header with the public key and a checkpoint, then
        one entry per line. Returns the checkpoint."""
        return await asyncio.to_thread(self.export_sync, path)

    def export_sync(self, path: str | Path) -> Checkpoint:
        from aegis.audit.export import write_export

        connection = store.connect(self.path, readonly=True)
        try:
            connection.execute("BEGIN")  # one snapshot for the count and the rows
            size = store.tail(connection)[0]
            self._refresh_tree()
            with self._tree_lock:
                root = self._tree.root(size)
            signature = self._key.sign(Checkpoint.message(size, root)).signature
            checkpoint = Checkpoint(size, root, self.public_key, signature)
            write_export(Path(path), checkpoint, store.iter_rows(connection, up_to=size))
            return checkpoint
        finally:
            connection.close()

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._writer.close()
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
