"""The Merkle tree of a stored log, kept in step with what any process has committed.

Entries this process commits are added as it commits them; entries other processes commit
are read back when the store's version says something changed (SQLite's ``data_version``,
PostgreSQL's newest seq), so ``size`` and ``root`` always describe the stored log without
rehashing it. Only the upper levels stay in memory, about one byte per entry: a proof about
an older entry reads its block of :data:`BLOCK_LEVELS` entry hashes back from the store.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from aegis.audit import store_rows
from aegis.audit.chain import SignedRow
from aegis.audit.merkle import MerkleTree
from aegis.audit.model import AuditDataError, AuditFileError

__all__ = ["BLOCK_LEVELS", "LeafSource", "SqliteLeaves", "StoredTree", "unreadable_log"]


class LeafSource(Protocol):
    """Where a stored tree reads entry hashes from; each call runs under the tree's lock."""

    location: str

    def version(self) -> int:
        """A number that changes whenever any writer has committed."""

    def entry_hashes(self, after: int, count: int) -> list[bytes]:
        """Entry hashes of seqs ``after + 1`` to ``after + count`` (fewer if absent)."""

    def iter_entry_hashes(
        self, after: int, up_to: int | None
    ) -> Iterator[tuple[int, bytes | None]]:
        """``(seq, entry hash)`` after ``after`` in order; the hash None where malformed."""

    def reading(self) -> AbstractContextManager[None]:
        """Turns the store's own read errors into :class:`AuditFileError`."""


class SqliteLeaves:
    """Entry hashes read through a SQLite connection of the log's own."""

    def __init__(self, reader: sqlite3.Connection, path: Path | None) -> None:
        self.reader = reader
        self.path = path
        self.location = str(path)

    def version(self) -> int:
        return store_rows.data_version(self.reader)

    def entry_hashes(self, after: int, count: int) -> list[bytes]:
        return store_rows.entry_hashes(self.reader, after, count)

    def iter_entry_hashes(
        self, after: int, up_to: int | None
    ) -> Iterator[tuple[int, bytes | None]]:
        return store_rows.iter_entry_hashes(self.reader, after, up_to)

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as error:
            raise unreadable_log(self.path, error) from None


def unreadable_log(path: Path | None, error: sqlite3.DatabaseError) -> AuditFileError:
    """The error for a read of the SQLite log at ``path`` that the file broke off."""
    return AuditFileError(
        f"cannot read the audit log at {str(path)!r}: {error}; run `aegis audit verify` on it",
        path,
    )


#: Levels of the tree rebuilt from the file when needed: blocks of 2**6 = 64 entries.
BLOCK_LEVELS = 6


class StoredTree:
    """A :class:`MerkleTree` over the entry hashes of ``leaves``.

    ``lock`` guards the tree and the source's connection both: callers that run their own
    statements on that connection hold it too, one statement at a time.
    """

    def __init__(self, leaves: LeafSource) -> None:
        self.leaves = leaves
        self.lock = threading.Lock()
        self._tree = MerkleTree(self._read_leaves, kept_from_level=BLOCK_LEVELS)
        self._seen_version = -1  # read on first use: opening a damaged log must not fail

    def refresh(self) -> None:
        """Bring the tree up to date with entries committed by anyone; AuditDataError
        naming the seq if the chain on disk has a gap or a malformed entry hash."""
        with self.lock, self.leaves.reading():
            version = self.leaves.version()
            if version == self._seen_version:
                return
            self._catch_up_locked()
            self._seen_version = version

    def _read_leaves(self, first: int, count: int) -> list[bytes]:
        """Entry hashes of seqs ``first + 1``..``first + count`` (called with the lock held)."""
        with self.leaves.reading():
            return self.leaves.entry_hashes(first, count)

    def _catch_up_locked(self, up_to: int | None = None) -> None:
        for seq, digest in self.leaves.iter_entry_hashes(len(self._tree), up_to):
            due = len(self._tree) + 1
            if seq != due or digest is None:
                what = f"entry {due} is missing" if seq != due else f"entry {seq} is malformed"
                raise AuditDataError(
                    f"the audit log at {self.leaves.location!r} is damaged: {what}; run "
                    "`aegis audit verify` on it",
                    self.leaves.location,
                    due,
                )
            self._tree.append(digest)

    def add_committed(self, rows: Sequence[SignedRow]) -> None:
        """Add rows this process has just committed, after any another process wrote first.

        Never raises: the rows are committed, and their callers must hear so. A chain it
        cannot catch up with leaves the tree behind, for the next read to report.
        """
        with self.lock:
            if len(self._tree) < rows[0][0] - 1:
                with (
                    contextlib.suppress(AuditDataError, AuditFileError, sqlite3.Error),
                    self.leaves.reading(),
                ):
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
