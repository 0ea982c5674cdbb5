"""The boundary between the audit log and where its entries are stored.

The log (entries checked and encoded in the caller's own call, group commit, signatures,
the chain, the Merkle tree, proofs and checkpoints) is the same whatever the store; a store
keeps rows, serialises appends against every other writer, and reads them back. Two
implement this interface: a SQLite file (:class:`~aegis.audit.sqlite_store.SqliteStore`,
the embedded default) and a PostgreSQL database
(:class:`~aegis.audit.pg_store.PostgresStore`, one chain for writers on many hosts). No SQL
of either dialect is written above it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from aegis.audit.chain import SignedRow, Tail
from aegis.audit.model import AuditEntry, Checkpoint, VerificationReport
from aegis.audit.stored_tree import StoredTree

__all__ = ["AuditStore", "display_location", "is_postgres_dsn"]


class AuditStore(Protocol):
    """Rows of one log, and the one lock that makes appends linear."""

    #: Where the log is, as given (a file path or a DSN).
    location: str
    #: The Merkle tree over the stored entry hashes, kept in step with every writer.
    tree: StoredTree

    def append(self, build: Callable[[Tail], list[SignedRow]]) -> list[SignedRow]:
        """Serialise against every other writer, call ``build`` with the chain's current
        tail, store and commit the rows it returns (all or none), and return them."""

    def verify(self, public_key: bytes, checkpoint: Checkpoint | None) -> VerificationReport:
        """Every link and signature, in one snapshot; damage is a finding, not an error."""

    def query(
        self,
        start: float | datetime | None,
        end: float | datetime | None,
        actions: Iterable[str] | None,
        limit: int | None,
    ) -> list[AuditEntry]:
        """Entries of the chain (seqs ``1..n``) matching the filter, newest first."""

    def export(self, path: Path, checkpoint: Checkpoint) -> Checkpoint:
        """The first ``checkpoint.size`` entries as JSON Lines."""

    def close(self) -> None:
        """Release the store's connections; the log is unusable afterwards."""


def is_postgres_dsn(location: object) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def display_location(location: str | Path) -> str:
    """``location`` fit for a message: a DSN without its password."""
    text = str(location)
    if not is_postgres_dsn(text):
        return text
    parts = urlsplit(text)
    if parts.password is None:
        return text
    netloc = f"{parts.username}:***@{parts.hostname or ''}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))
