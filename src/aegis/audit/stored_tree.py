"""The Merkle tree of a stored log, kept in step with what any process has committed.

Entries this process commits are added as it commits them; entries other processes commit
are read back when SQLite's ``data_version`` says the file changed, so ``size`` and
``root`` always describe the log on disk without rehashing it. Only the upper levels stay
in memory, about one byte per entry: a proof about an older entry reads its block of
:data:`BLOCK_LEVELS` entry hashes back from the file.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence

from aegis.audit import store
from aegis.audit.chain import SignedRow
from aegis.audit.merkle import MerkleTree

__all__ = ["BLOCK_LEVELS", "StoredTree"]

#: Levels of the tree rebuilt from the file when needed: blocks of 2**6 = 64 entries.
BLOCK_LEVELS = 6


class StoredTree:
    """A :class:`MerkleTree` over the entry hashes read through ``reader``.

    ``lock`` guards the tree and the reader connection both: callers that run their own
    statements on ``reader`` hold it too, one statement at a time.
    """

    def __init__(self, reader: sqlite3.Connection) -> None:
        self.reader = reader
        self.lock = threading.Lock()
        self._tree = MerkleTree(self._read_leaves, kept_from_level=BLOCK_LEVELS)
        self._seen_version = -1
        self.refresh()

    def refresh(self) -> None:
        """Bring the tree up to date with entries committed by anyone."""
        with self.lock:
            version = self.reader.execute("PRAGMA data_version").fetchone()[0]
            if version == self._seen_version:
                return
            self._catch_up_locked()
            self._seen_version = version

    def _read_leaves(self, first: int, count: int) -> list[bytes]:
        """Entry hashes of seqs ``first + 1``..``first + count`` (called with the lock held)."""
        return store.entry_hashes(self.reader, first, count)

    def _catch_up_locked(self, up_to: int | None = None) -> None:
        for row in store.iter_rows(self.reader, after=len(self._tree), up_to=up_to):
            self._tree.append(row.entry_hash)

    def add_committed(self, rows: Sequence[SignedRow]) -> None:
        """Add rows this process has just committed, after any another process wrote first."""
        with self.lock:
            if len(self._tree) < rows[0][0] - 1:
                self._catch_up_locked(up_to=rows[0][0] - 1)
            for seq, *_, digest, _signature in rows:
                if len(self._tree) == seq - 1:  # a refresh may have added it already
                    self._tree.append(digest)

    def size(self) -> int:
        self.refresh()
        return len(self._tree)

    def root(self, size: int | None = None) -> bytes:
        self.refresh()
        with self.lock:
            return self._tree.root(size)

    def size_and_root(self) -> tuple[int, bytes]:
        """Both of one moment, for a checkpoint."""
        self.refresh()
        with self.lock:
            return len(self._tree), self._tree.root()

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        self.refresh()
        with self.lock:
            return self._tree.inclusion_proof(index, size)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        self.refresh()
        with self.lock:
            return self._tree.consistency_proof(old_size, new_size)
