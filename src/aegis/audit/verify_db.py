"""Verification of a database file without its signing key."""

from __future__ import annotations

from pathlib import Path

from aegis.audit import store
from aegis.audit.model import Checkpoint, VerificationReport
from aegis.audit.verifier import verify_rows

__all__ = ["verify_database"]


def verify_database(
    path: str | Path, public_key: bytes | None = None, checkpoint: Checkpoint | None = None
) -> VerificationReport:
    """Verify the log at ``path`` read-only. Trusts ``public_key`` if given (the log's
    stored key otherwise, which proves consistency but not authorship)."""
    database = Path(path)
    if not database.is_file():
        raise FileNotFoundError(f"no audit database at {str(database)!r}")
    connection = store.connect(database, readonly=True)
    try:
        connection.execute("BEGIN")
        stored = store.read_public_key(connection)
        if stored is None and public_key is None:
            raise ValueError(f"{str(database)!r} holds no public key; pass the one to trust")
        return verify_rows(
            store.iter_rows(connection),
            public_key or stored or b"",
            stored_public_key=stored,
            checkpoint=checkpoint,
            expected_count=store.tail(connection)[0],
        )
    finally:
        connection.close()
