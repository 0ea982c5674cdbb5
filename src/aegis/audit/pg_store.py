"""PostgreSQL storage of the audit log: one chain for writers in many processes on many hosts.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import psycopg
from psycopg_pool import ConnectionPool

from aegis.audit.backend import display_location
from aegis.audit.chain import SignedRow, Tail
from aegis.audit.encoding import GENESIS
from aegis.audit.export import checked_chain, write_export
from aegis.audit.model import (
    AuditEntry,
    AuditFileError,
    AuditKeyError,
    AuditWriteError,
    Checkpoint,
    VerificationReport,
)
from aegis.audit.query import entries_from_rows, query_filter
from aegis.audit.store_rows import check_row
from aegis.audit.stored_tree import StoredTree
from aegis.audit.verifier import Anomaly, Row, verify_rows

__all__ = [
    "SCHEMA",
    "TAIL_LOCK_KEY",
    "AuditStoreUnavailableError",
    "PostgresStore",
    "export_postgres",
    "verify_postgres",
]

#: The log's tables live in a schema of their own, beside whatever else the database holds.
SCHEMA = "aegis_audit"
_FORMAT = b"aegis-audit/1"
_COLUMNS = "seq, timestamp_ns, action, details, prev_hash, entry_hash, signature"
#: What :func:`~aegis.audit.store_rows.check_row` reads: text as its UTF-8 bytes, and no
#: storage-class column (PostgreSQL's column types already hold every value to its type).
_CHECKED_COLUMNS = (
    "seq, timestamp_ns, convert_to(action, 'UTF8'), convert_to(details, 'UTF8'), "
    "prev_hash, entry_hash, signature, NULL"
)
#: Creating the schema takes an advisory lock first: two writers starting on a new database
#: at once would otherwise race on ``CREATE ... IF NOT EXISTS`` (which is not atomic).
_CREATE_LOCK = 0x4165676973417564
_SCHEMA = """
CREATE SCHEMA IF NOT EXISTS aegis_audit;
CREATE TABLE IF NOT EXISTS aegis_audit.meta (key text PRIMARY KEY, value bytea NOT NULL);
CREATE TABLE IF NOT EXISTS aegis_audit.entries (
    seq bigint PRIMARY KEY CHECK (seq >= 1),
    timestamp_ns bigint NOT NULL,
    action text NOT NULL,
    details text NOT NULL,
    prev_hash bytea NOT NULL,
    entry_hash bytea NOT NULL,
    signature bytea NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_by_time ON aegis_audit.entries (timestamp_ns);
CREATE INDEX IF NOT EXISTS entries_by_action ON aegis_audit.entries (action, timestamp_ns);
CREATE OR REPLACE FUNCTION aegis_audit.locked_tail(
    OUT seq bigint, OUT entry_hash bytea, OUT timestamp_ns bigint
) RETURNS SETOF record LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(2551497946520598759);
    RETURN QUERY SELECT e.seq, e.entry_hash, e.timestamp_ns
        FROM aegis_audit.entries AS e ORDER BY e.seq DESC LIMIT 1;
END
$$;
"""
#: The tail's advisory lock key: the first eight bytes of SHA-256(b"aegis-audit"), signed.
TAIL_LOCK_KEY = 2551497946520598759
#: One simple-protocol string, so the transaction's start and the lock are one round trip.
_BEGIN_LOCKED = "BEGIN; SELECT * FROM aegis_audit.locked_tail()"
_INSERT_ONE = (
    f"INSERT INTO aegis_audit.entries ({_COLUMNS}) "  # noqa: S608 - fixed text
    "VALUES (%s, %s, %s, %s, %s, %s, %s)"
)
_INSERT = (
    f"INSERT INTO aegis_audit.entries ({_COLUMNS}) SELECT * FROM unnest("  # noqa: S608
    "%s::bigint[], %s::bigint[], %s::text[], %s::text[], %s::bytea[], %s::bytea[], %s::bytea[])"
)
_TAIL = "SELECT seq, entry_hash, timestamp_ns FROM aegis_audit.entries ORDER BY seq DESC LIMIT 1"
#: How long an append keeps retrying while the server is away (a restart, a failover).
RETRY_SECONDS = 30.0
_FETCH = 2048


class AuditStoreUnavailableError(AuditWriteError, ConnectionError):
    """The database could not be reached long enough to commit; nothing was written."""


def _tail_of(row: tuple[int, bytes, int] | None) -> Tail:
    return Tail(0, GENESIS, 0) if row is None else Tail(row[0], bytes(row[1]), row[2])


class PostgresStore:
    """The tables of one log in the database at ``dsn``.

    Appends go through one connection of their own (group commit has one leader at a time,
    so one suffices, and it skips the pool's per-checkout health check); reads share a
    small pool. A connection that failed is replaced on the next attempt.
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
        self.retry_seconds = retry_seconds
        self._pool = ConnectionPool(
            dsn,
            min_size=1,
            max_size=pool_size,
            kwargs={"autocommit": True, "application_name": "aegis-audit"},
            check=ConnectionPool.check_connection,
            open=False,
        )
        self._writer: psycopg.Connection | None = None
        try:
            self._pool.open(wait=True, timeout=30)
            with self._pool.connection() as connection, connection.transaction():
                connection.execute("SELECT pg_advisory_xact_lock(%s)", (_CREATE_LOCK,))
                connection.execute(_SCHEMA)
                connection.execute(
                    "INSERT INTO aegis_audit.meta VALUES ('format', %s) ON CONFLICT DO NOTHING",
                    (_FORMAT,),
                )
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
            raise AuditKeyError(
                f"the signing key's public half {public_key.hex()} does not match the public "
                f"key {stored.hex() if stored else None} of the log at {self.described!r}; "
                "pass the log's own key",
                self.described,
            )
        self.tree = StoredTree(_PostgresLeaves(self))

    # -- keys ---------------------------------------------------------------------------

    def claim_public_key(self, public_key: bytes) -> bytes | None:
        """Store ``public_key`` as the log's if it has none; return the one it has."""
        with self._pool.connection() as connection:
            connection.execute(
                "INSERT INTO aegis_audit.meta VALUES ('public_key', %s) ON CONFLICT DO NOTHING",
                (public_key,),
            )
            return _public_key(connection)

    # -- appending ----------------------------------------------------------------------

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
                self._drop_writer()
                if time.monotonic() > deadline:
                    raise AuditStoreUnavailableError(
                        f"the audit log at {self.described!r} could not be "
                        f"reached for {self.retry_seconds:g} s; its entries were not written "
                        f"({failure})",
                        self.described,
                    ) from failure
                time.sleep(0.05)

    def _writer_connection(self) -> psycopg.Connection:
        if self._writer is None:
            self._writer = psycopg.connect(
                self.dsn, autocommit=True, application_name="aegis-audit", connect_timeout=10
            )
        return self._writer

    def _drop_writer(self) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.close()

    @staticmethod
    def _locked_tail(connection: psycopg.Connection) -> Tail:
        """Begin a transaction holding the tail's lock; the tail as it is under the lock."""
        cursor = connection.execute(_BEGIN_LOCKED)
        cursor.nextset()
        return _tail_of(cursor.fetchone())

    @classmethod
    def _append_once(
        cls, connection: psycopg.Connection, build: Callable[[Tail], list[SignedRow]]
    ) -> list[SignedRow]:
        try:
            rows = build(cls._locked_tail(connection))
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
        clauses, parameters = ["seq <= %s"], [self.tree.size()]  # the chain 1..n only
        if where.start_ns is not None:
            clauses.append("timestamp_ns >= %s")
            parameters.append(where.start_ns)
        if where.end_ns is not None:
            clauses.append("timestamp_ns < %s")
            parameters.append(where.end_ns)
        if where.actions is not None:
            clauses.append("action = ANY(%s)")
            parameters.append(list(where.actions))  # type: ignore[arg-type]
        sql = (
            f"SELECT {_COLUMNS} FROM aegis_audit.entries WHERE "  # noqa: S608 - fixed text
            + " AND ".join(clauses)
            + " ORDER BY timestamp_ns DESC, seq DESC"
        )
        if where.limit is not None:
            sql += " LIMIT %s"
            parameters.append(where.limit)
        with self._pool.connection() as connection:
            rows = connection.execute(sql, parameters).fetchall()
        return entries_from_rows(rows, self.described)

    def export(self, path: Path, checkpoint: Checkpoint) -> Checkpoint:
        return export_postgres(self.dsn, path, checkpoint)

    def close(self) -> None:
        self._drop_writer()
        self._pool.close()


def _public_key(connection: psycopg.Connection) -> bytes | None:
    row = connection.execute(
        "SELECT value FROM aegis_audit.meta WHERE key = 'public_key'"
    ).fetchone()
    return None if row is None else bytes(row[0])


class _PostgresLeaves:
    """Entry hashes for a stored tree, read through the store's pool."""

    def __init__(self, store: PostgresStore) -> None:
        self._pool = store._pool
        self.location = store.described

    def version(self) -> int:
        """The newest seq: it changes with every commit, by any writer."""
        with self._pool.connection() as connection:
            return _tail_of(connection.execute(_TAIL).fetchone()).seq

    def entry_hashes(self, after: int, count: int) -> list[bytes]:
        with self._pool.connection() as connection:
            rows = connection.execute(
                "SELECT entry_hash FROM aegis_audit.entries WHERE seq > %s AND seq <= %s "
                "ORDER BY seq",
                (after, after + count),
            ).fetchall()
        return [bytes(row[0]) for row in rows]

    def iter_entry_hashes(
        self, after: int, up_to: int | None
    ) -> Iterator[tuple[int, bytes | None]]:
        """``(seq, entry hash)`` after ``after`` in order, a chunk at a time; the hash None
        where it is malformed."""
        bound = 2**63 - 1 if up_to is None else up_to
        while True:
            with self._pool.connection() as connection:
                rows = connection.execute(
                    "SELECT seq, CASE WHEN length(entry_hash) = 32 THEN entry_hash END "
                    "FROM aegis_audit.entries WHERE seq > %s AND seq <= %s ORDER BY seq "
                    "LIMIT %s",
                    (after, bound, _FETCH),
                ).fetchall()
            for seq, digest in rows:
                yield seq, None if digest is None else bytes(digest)
            if len(rows) < _FETCH:
                return
            after = rows[-1][0]

    @contextmanager
    def reading(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as error:
            raise AuditFileError(
                f"cannot read the audit log at {self.location!r}: {error}", self.location
            ) from None


@contextmanager
def _snapshot(dsn: str) -> Iterator[psycopg.Connection]:
    """A read-only, repeatable-read transaction on a connection of its own."""
    described = display_location(dsn)
    try:
        connection = psycopg.connect(dsn, application_name="aegis-audit-read")
    except psycopg.Error as error:
        raise AuditFileError(
            f"cannot open the audit log at {described!r}: {error}", described
        ) from None
    with connection:
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        exists = connection.execute("SELECT to_regclass('aegis_audit.entries')").fetchone()
        if exists is None or exists[0] is None:
            raise AuditFileError(
                f"{described!r} holds no audit log (no table aegis_audit.entries)", described
            )
        yield connection


def _checked_rows(connection: psycopg.Connection, up_to: int | None) -> Iterator[Row | Anomaly]:
    """Every entry in ``seq`` order through a server-side cursor, a chunk at a time."""
    with connection.cursor(name="aegis_audit_rows") as cursor:
        cursor.execute(
            f"SELECT {_CHECKED_COLUMNS} FROM aegis_audit.entries "  # noqa: S608 - fixed text
            "WHERE seq <= %s ORDER BY seq",
            (2**63 - 1 if up_to is None else up_to,),
        )
        while chunk := cursor.fetchmany(_FETCH):
            for raw in chunk:
                yield check_row([bytes(v) if isinstance(v, memoryview) else v for v in raw])


def verify_postgres(
    dsn: str, public_key: bytes | None, checkpoint: Checkpoint | None
) -> VerificationReport:
    """Verify the log at ``dsn`` in one snapshot, read-only, without its signing key.
    Trusts ``public_key`` if given (the log's stored key otherwise, which proves
    consistency but not authorship)."""
    with _snapshot(dsn) as connection:
        stored = _public_key(connection)
        if stored is None and public_key is None:
            raise AuditKeyError(
                f"{display_location(dsn)!r} holds no public key; pass the one to trust "
                "(--public-key on the command line)",
                display_location(dsn),
            )
        return verify_rows(
            _checked_rows(connection, None),
            public_key or stored or b"",
            stored_public_key=stored,
            checkpoint=checkpoint,
            expected_count=_tail_of(connection.execute(_TAIL).fetchone()).seq,
        )


def export_postgres(dsn: str, path: Path, checkpoint: Checkpoint) -> Checkpoint:
    """Export the first ``checkpoint.size`` entries of the log at ``dsn``, each checked."""
    with _snapshot(dsn) as connection:
        rows = _checked_rows(connection, checkpoint.size)
        write_export(path, checkpoint, checked_chain(rows, checkpoint.size, display_location(dsn)))
    return checkpoint
