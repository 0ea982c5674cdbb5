"""PostgreSQL storage of the audit log: one chain for writers in many processes on many hosts.

The store opens the log (its schema made if missing, its public key claimed or checked) and
reads it through a small pool; appends go through :mod:`~aegis.audit.pg_append`, which
serialises them with the tail's lock and retries a lost connection without losing or
doubling an entry, and verification and export through :mod:`~aegis.audit.pg_read`, in one
read-only snapshot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import psycopg
from psycopg_pool import ConnectionPool

from aegis.audit.backend import display_location
from aegis.audit.chain import SignedRow, Tail
from aegis.audit.keys import key_mismatch
from aegis.audit.model import AuditEntry, AuditFileError, Checkpoint, VerificationReport
from aegis.audit.pg_append import RETRY_SECONDS, AuditStoreUnavailableError, TailLockedWriter
from aegis.audit.pg_read import PostgresLeaves, export_postgres, public_key_in, verify_postgres
from aegis.audit.pg_schema import SCHEMA, TAIL_LOCK_KEY, create_schema
from aegis.audit.query import entries_from_rows, query_filter, select_sql
from aegis.audit.stored_tree import StoredTree

__all__ = [
    "RETRY_SECONDS",
    "SCHEMA",
    "TAIL_LOCK_KEY",
    "AuditStoreUnavailableError",
    "PostgresStore",
    "export_postgres",
    "verify_postgres",
]


class PostgresStore:
    """The tables of one log in the database at ``dsn``.

    Appends go through one connection of their own (see
    :class:`~aegis.audit.pg_append.TailLockedWriter`); reads share a small pool.
    """

    def __init__(
        self,
        dsn: str,
        public_key: bytes,
        *,
        pool_size: int = 4,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self.dsn = self.location = dsn
        self.described = display_location(dsn)
        self._pool = ConnectionPool(
            dsn,
            min_size=1,
            max_size=pool_size,
            kwargs={"autocommit": True, "application_name": "aegis-audit"},
            check=ConnectionPool.check_connection,
            open=False,
        )
        self._appender = TailLockedWriter(dsn, self.described, self._pool, retry_seconds)
        try:
            self._pool.open(wait=True, timeout=30)
            with self._pool.connection() as connection:
                create_schema(connection)
            stored = self.claim_public_key(public_key)
        except BaseException as error:
            self._pool.close()
            if isinstance(error, psycopg.Error):
                raise AuditFileError(
                    f"cannot open the audit log at {self.described!r}: {error}", self.described
                ) from None
            raise
        if stored != public_key:
            self._pool.close()
            raise key_mismatch(public_key, stored, self.described)
        self.tree = StoredTree(PostgresLeaves(self._pool, self.described))

    # -- keys ---------------------------------------------------------------------------

    def claim_public_key(self, public_key: bytes) -> bytes | None:
        """Store ``public_key`` as the log's if it has none; return the one it has."""
        with self._pool.connection() as connection:
            connection.execute(
                "INSERT INTO aegis_audit.meta VALUES ('public_key', %s) ON CONFLICT DO NOTHING",
                (public_key,),
            )
            return public_key_in(connection)

    # -- appending ----------------------------------------------------------------------

    @property
    def retry_seconds(self) -> float:
        """How long an append keeps retrying while the server is away."""
        return self._appender.retry_seconds

    def append(self, build: Callable[[Tail], list[SignedRow]]) -> list[SignedRow]:
        """Lock the tail, ``build`` rows on it, insert them and commit; return the rows
        (see :class:`~aegis.audit.pg_append.TailLockedWriter`)."""
        return self._appender.append(build)

    # -- reading ----------------------------------------------------------------------

    def verify(self, public_key: bytes, checkpoint: Checkpoint | None) -> VerificationReport:
        return verify_postgres(self.dsn, public_key, checkpoint)

    def query(
        self,
        start: float | datetime | None,
        end: float | datetime | None,
        actions: Iterable[str] | None,
        limit: int | None,
    ) -> list[AuditEntry]:
        where = query_filter(start, end, actions, limit)
        # Only the chain 1..n, as far as the tree has verified it.
        sql, parameters = select_sql("aegis_audit.entries", where, self.tree.size(), "%s")
        with self._pool.connection() as connection:
            rows = connection.execute(sql, parameters).fetchall()
        return entries_from_rows(rows, self.described)

    def export(self, path: Path, checkpoint: Checkpoint) -> Checkpoint:
        return export_postgres(self.dsn, path, checkpoint)

    def close(self) -> None:
        self._appender.close()
        self._pool.close()
