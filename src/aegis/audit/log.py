"""The audit log: signed, hash-chained entries with a Merkle tree over them, stored in a
SQLite file or a PostgreSQL database.

Appends use group commit. Callers queue their entries; whichever finds no commit under way
becomes the leader and writes everything queued in one transaction of the store (which
serialises it against every other writer, in this process or another, and extends the
chain's real tail); every caller returns once its own entry is committed. A lone caller
pays one transaction per entry; many concurrent callers share transactions.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from nacl.signing import SigningKey

from aegis.audit.backend import AuditStore, display_location, is_postgres_dsn
from aegis.audit.chain import PendingEntry, chain_rows
from aegis.audit.encoding import encode_entry
from aegis.audit.group_commit import GroupCommitter
from aegis.audit.keys import load_key_file, signing_key_from
from aegis.audit.model import AuditEntry, AuditKeyError, Checkpoint, VerificationReport
from aegis.audit.opening import open_log
from aegis.audit.query import query_sql
from aegis.audit.signer import Signer
from aegis.audit.sqlite_store import SqliteStore

__all__ = ["KEY_FILE_VARIABLE", "KEY_VARIABLE", "AuditLog"]

_DURABILITY = {"normal": "NORMAL", "full": "FULL"}
#: Where a writer of a log on PostgreSQL finds the log's key when none is passed: a key
#: file (a mounted secret, say), or the 32-byte seed itself in hex.
KEY_FILE_VARIABLE = "AEGIS_AUDIT_KEY_FILE"
KEY_VARIABLE = "AEGIS_AUDIT_KEY"


def fleet_key(location: str) -> SigningKey:
    """The key of a log that has no key file beside it, from the environment."""
    if key_file := os.environ.get(KEY_FILE_VARIABLE):
        return load_key_file(Path(key_file))
    if seed := os.environ.get(KEY_VARIABLE):
        try:
            return signing_key_from(bytes.fromhex(seed.strip()))
        except ValueError as error:
            raise AuditKeyError(f"{KEY_VARIABLE} must be 64 hex digits: {error}") from None
    raise AuditKeyError(
        f"the audit log at {display_location(location)!r} has no key file beside it: pass "
        f"signing_key, or set {KEY_FILE_VARIABLE} (a key file) or {KEY_VARIABLE} (hex)"
    )


class AuditLog:
    """A tamper-evident log of actions. Use as a context manager, or call :meth:`close`.

    ``path`` is a SQLite file (``":memory:"`` keeps it in a private temporary directory for
    the life of the object), or a ``postgresql://`` DSN: one log for writers in many
    processes on many hosts. ``signing_key`` is 32 bytes or a key-file path; by default a
    key file ``<path>.key`` is created next to a new SQLite database, and a log on
    PostgreSQL takes the key file named by ``AEGIS_AUDIT_KEY_FILE`` or the hex seed in
    ``AEGIS_AUDIT_KEY``. ``durability="full"`` makes every commit to a SQLite file survive
    power loss, not only a crash of the process (PostgreSQL's own settings govern there).
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
        self._scratch: Path | None = None
        self.durability = durability
        store: AuditStore
        if is_postgres_dsn(path):
            from aegis.audit.pg_store import PostgresStore

            key = fleet_key(str(path)) if signing_key is None else signing_key_from(signing_key)
            store = PostgresStore(str(path), bytes(key.verify_key))
        else:
            opened = open_log(path, signing_key, _DURABILITY[durability])
            self._scratch, key = opened.scratch, opened.key
            store = SqliteStore(opened)
        self._store = store
        self.location = store.location
        self._key = key
        self.public_key = bytes(key.verify_key)
        self._signer = Signer(key)
        self._tree = store.tree
        self._committer: GroupCommitter[PendingEntry, AuditEntry] = GroupCommitter(self._commit)
        self._closed = False

    @property
    def path(self) -> Path:
        """The SQLite file of the log (a log on PostgreSQL has none: see :attr:`location`)."""
        if is_postgres_dsn(self.location):
            raise AttributeError(f"the audit log at {self.described!r} is not a file")
        return Path(self.location)

    @property
    def described(self) -> str:
        """Where the log is, fit for a message (a DSN without its password)."""
        return display_location(self.location)

    # -- appending --------------------------------------------------------------------------

    def _pending(self, action: str, details: Mapping[str, Any]) -> PendingEntry:
        if self._closed:
            raise ValueError(f"the audit log at {self.described!r} is closed")
        return encode_entry(action, details)

    def log_action_sync(self, action: str, details: Mapping[str, Any]) -> AuditEntry:
        """Append one entry and return it once committed (for threads)."""
        return self._committer.run_sync(self._pending(action, details))

    async def log_action(self, action: str, details: Mapping[str, Any]) -> AuditEntry:
        """Append one entry and return it once committed (for asyncio tasks)."""
        return await self._committer.run(self._pending(action, details))

    def _commit(self, batch: Sequence[PendingEntry]) -> list[AuditEntry]:
        """Write ``batch`` in one transaction of the store, on the chain's real tail."""
        rows = self._store.append(lambda tail: chain_rows(tail, batch, self._signer))
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
        return self._store.verify(public_key or self.public_key, checkpoint)

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
        return self._store.query(start, end, actions, limit)

    query_sql = staticmethod(query_sql)

    async def export(self, path: str | Path) -> Checkpoint:
        """Write the log as JSON Lines: a header with the public key and a checkpoint, then
        one entry per line. Returns the checkpoint."""
        return await asyncio.to_thread(self.export_sync, path)

    def export_sync(self, path: str | Path) -> Checkpoint:
        return self._store.export(Path(path), self.checkpoint())

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._store.close()
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
