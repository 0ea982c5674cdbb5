"""Reading an audit log on PostgreSQL: entry hashes for the tree, and verification and
export in one read-only snapshot, trusting nothing the rows say until they are checked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg_pool import ConnectionPool

from aegis.audit.backend import display_location
from aegis.audit.chain import Tail
from aegis.audit.encoding import GENESIS
from aegis.audit.export import checked_chain, write_export
from aegis.audit.model import AuditFileError, Checkpoint, VerificationReport
from aegis.audit.row_check import check_row
from aegis.audit.verifier import trusted_key, verify_rows
from aegis.audit.verify_chain import Anomaly, Row

__all__ = [
    "TAIL",
    "PostgresLeaves",
    "export_postgres",
    "public_key_in",
    "tail_of",
    "verify_postgres",
]

TAIL = "SELECT seq, entry_hash, timestamp_ns FROM aegis_audit.entries ORDER BY seq DESC LIMIT 1"
#: What :func:`~aegis.audit.row_check.check_row` reads: text as its UTF-8 bytes, and no
#: storage-class column (PostgreSQL's column types already hold every value to its type).
_CHECKED_COLUMNS = (
    "seq, timestamp_ns, convert_to(action, 'UTF8'), convert_to(details, 'UTF8'), "
    "prev_hash, entry_hash, signature, NULL"
)
_FETCH = 2048


def tail_of(row: tuple[int, bytes, int] | None) -> Tail:
    return Tail(0, GENESIS, 0) if row is None else Tail(row[0], bytes(row[1]), row[2])


def public_key_in(connection: psycopg.Connection) -> bytes | None:
    row = connection.execute(
        "SELECT value FROM aegis_audit.meta WHERE key = 'public_key'"
    ).fetchone()
    return None if row is None else bytes(row[0])


class PostgresLeaves:
    """Entry hashes for a stored tree, read through a store's pool."""

    def __init__(self, pool: ConnectionPool, location: str) -> None:
        self._pool = pool
        self.location = location

    def version(self) -> int:
        """The newest seq: it changes with every commit, by any writer."""
        with self._pool.connection() as connection:
            return tail_of(connection.execute(TAIL).fetchone()).seq

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
        stored = public_key_in(connection)
        trusted = trusted_key(public_key, stored, display_location(dsn), missing="no public key")
        return verify_rows(
            _checked_rows(connection, None),
            trusted,
            stored_public_key=stored,
            checkpoint=checkpoint,
            expected_count=tail_of(connection.execute(TAIL).fetchone()).seq,
        )


def export_postgres(dsn: str, path: Path, checkpoint: Checkpoint) -> Checkpoint:
    """Export the first ``checkpoint.size`` entries of the log at ``dsn``, each checked."""
    with _snapshot(dsn) as connection:
        rows = _checked_rows(connection, checkpoint.size)
        write_export(path, checkpoint, checked_chain(rows, checkpoint.size, display_location(dsn)))
    return checkpoint
