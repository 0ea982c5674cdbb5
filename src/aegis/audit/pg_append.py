"""Appending to an audit log on PostgreSQL: the tail's lock, and retrying a lost connection.

The tail of the chain is serialised by a transaction-scoped advisory lock. A writer's
transaction starts with ``aegis_audit.locked_tail()``, a PL/pgSQL function that takes the
lock and then reads the newest entry in a statement of its own, whose snapshot is taken once
the lock is granted: the tail is read *inside* the locked transaction, never trusted from
the writer's memory, since another writer may have appended. The writer builds and signs
its batch on that tail, inserts it with one statement and commits, which releases the lock:
three round trips per batch, as many as a bare ``BEGIN``, ``INSERT``, ``COMMIT``.

A head row locked ``FOR UPDATE`` serialises as well (PostgreSQL re-reads a row it waited
for, so the locking statement returns the current tail), but every batch must then also
``UPDATE`` that row: a new row version per batch and a fourth statement. Measured
interleaved with four writer processes (``tests/benchmarks/test_postgres_benchmarks.py``),
the advisory lock was the faster of the two; see the README for the figures.

A commit whose outcome is unknown (the connection or the server failed under it) is settled
before anything is retried: a fresh connection takes the same lock, which waits until the
old transaction has ended either way, then looks the batch up by its first entry hash.
Found, it was committed and its callers are answered; absent, it was not, and it is built
again on the real tail. So an entry is never lost once acknowledged and never written twice.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence

import psycopg
from psycopg_pool import ConnectionPool

from aegis.audit.chain import SignedRow, Tail
from aegis.audit.model import AuditWriteError
from aegis.audit.pg_read import tail_of
from aegis.audit.row_check import ROW_COLUMNS

__all__ = ["RETRY_SECONDS", "AuditStoreUnavailableError", "TailLockedWriter"]

#: One simple-protocol string, so the transaction's start and the lock are one round trip.
_BEGIN_LOCKED = "BEGIN; SELECT * FROM aegis_audit.locked_tail()"
_INSERT_ONE = (
    f"INSERT INTO aegis_audit.entries ({ROW_COLUMNS}) "  # noqa: S608 - fixed text
    "VALUES (%s, %s, %s, %s, %s, %s, %s)"
)
_INSERT = (
    f"INSERT INTO aegis_audit.entries ({ROW_COLUMNS}) SELECT * FROM unnest("  # noqa: S608
    "%s::bigint[], %s::bigint[], %s::text[], %s::text[], %s::bytea[], %s::bytea[], %s::bytea[])"
)
#: How long an append keeps retrying while the server is away (a restart, a failover).
RETRY_SECONDS = 30.0


class AuditStoreUnavailableError(AuditWriteError, ConnectionError):
    """The database could not be reached long enough to commit; nothing was written."""


class TailLockedWriter:
    """Appends to the log at ``dsn`` through one connection of its own (group commit has one
    leader at a time, so one suffices, and it skips the pool's per-checkout health check);
    a failed commit is settled through ``pool``. A connection that failed is replaced on
    the next attempt."""

    def __init__(
        self, dsn: str, described: str, pool: ConnectionPool, retry_seconds: float
    ) -> None:
        self.dsn = dsn
        self.described = described
        self.retry_seconds = retry_seconds
        self._pool = pool
        self._connection: psycopg.Connection | None = None

    def append(self, build: Callable[[Tail], list[SignedRow]]) -> list[SignedRow]:
        """Lock the tail, ``build`` rows on it, insert them and commit; return the rows.

        Connection failures are retried for :attr:`retry_seconds`, each time after settling
        whether the failed attempt was committed after all (:meth:`_committed`).
        """
        deadline = time.monotonic() + self.retry_seconds
        built: list[list[SignedRow]] = []

        def build_and_keep(tail: Tail) -> list[SignedRow]:
            built.append(build(tail))
            return built[-1]

        while True:
            try:
                if built and self._committed(built[-1]):
                    return built[-1]
                built.clear()
                return self._append_once(self._writer_connection(), build_and_keep)
            except psycopg.OperationalError as failure:
                self.close()
                if time.monotonic() > deadline:
                    raise AuditStoreUnavailableError(
                        f"the audit log at {self.described!r} could not be "
                        f"reached for {self.retry_seconds:g} s; its entries were not written "
                        f"({failure})",
                        self.described,
                    ) from failure
                time.sleep(0.05)

    def _writer_connection(self) -> psycopg.Connection:
        if self._connection is None:
            self._connection = psycopg.connect(
                self.dsn, autocommit=True, application_name="aegis-audit", connect_timeout=10
            )
        return self._connection

    def close(self) -> None:
        """Drop the writer's connection (the next append opens another)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()

    @staticmethod
    def _locked_tail(connection: psycopg.Connection) -> Tail:
        """Begin a transaction holding the tail's lock; the tail as it is under the lock."""
        cursor = connection.execute(_BEGIN_LOCKED)
        cursor.nextset()
        return tail_of(cursor.fetchone())

    @classmethod
    def _append_once(
        cls, connection: psycopg.Connection, build: Callable[[Tail], list[SignedRow]]
    ) -> list[SignedRow]:
        try:
            rows = build(cls._locked_tail(connection))
            # INSERT and COMMIT in one round trip: the tail's lock is held for one fewer.
            with connection.pipeline():
                if len(rows) == 1:
                    connection.execute(_INSERT_ONE, rows[0])
                else:
                    connection.execute(_INSERT, list(map(list, zip(*rows, strict=True))))
                connection.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(psycopg.Error):
                connection.execute("ROLLBACK")
            raise
        return rows

    def _committed(self, rows: Sequence[SignedRow]) -> bool:
        """Whether a batch whose commit failed is in the log, once its transaction ended
        (taking the tail's lock waits for that)."""
        with self._pool.connection() as connection:
            try:
                self._locked_tail(connection)
                found = connection.execute(
                    "SELECT entry_hash FROM aegis_audit.entries WHERE seq = %s", (rows[0][0],)
                ).fetchone()
            finally:
                connection.execute("ROLLBACK")
        return found is not None and bytes(found[0]) == rows[0][5]
