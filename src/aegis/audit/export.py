"""JSON Lines export of the log: each entry checked as it is written, the file written whole.

An export carries the log's public key and a checkpoint in its header, so it verifies
anywhere with nothing else (:mod:`~aegis.audit.export_verify`). Only an undamaged chain is
exported: each row is checked (type, size, encoding, its hash, its link) as it passes, and
the first that fails stops the export with an error naming it, leaving no file behind.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from aegis.audit import store, store_rows
from aegis.audit.backend import is_postgres_dsn
from aegis.audit.encoding import GENESIS, entry_hash
from aegis.audit.export_verify import EXPORT_FORMAT, read_header, verify_export
from aegis.audit.limits import decode_details
from aegis.audit.model import AuditDataError, Checkpoint
from aegis.audit.verify_chain import Anomaly, Row

__all__ = [
    "EXPORT_FORMAT",
    "checked_chain",
    "export_database",
    "read_header",
    "verify_export",
    "write_export",
]


def export_database(database: Path | str, path: Path, checkpoint: Checkpoint) -> Checkpoint:
    """Export the first ``checkpoint.size`` entries of the log at ``database``.

    The checkpoint is taken first; entries committed before it are all in the snapshot the
    rows are then read from, and entries appended meanwhile are neither exported nor
    counted. Each row is checked (type, size, encoding, its hash, its link) as it is
    written: a damaged log is not exported, and the error names the first bad seq. A
    ``postgresql://`` DSN is read in one snapshot of that database.
    """
    if is_postgres_dsn(database):
        from aegis.audit.pg_store import export_postgres

        return export_postgres(str(database), path, checkpoint)
    database = Path(database)
    connection, _kind, _caveat = store.open_reader(database)
    try:
        connection.execute("BEGIN")
        rows = store_rows.iter_checked_rows(connection, after=0, up_to=checkpoint.size)
        write_export(path, checkpoint, checked_chain(rows, checkpoint.size, database))
        return checkpoint
    finally:
        connection.close()


def checked_chain(rows: Iterable[Row | Anomaly], size: int, database: Path | str) -> Iterator[Row]:
    """The first ``size`` entries of ``rows``, each checked (type, size, encoding, its hash,
    its link) as it passes; AuditDataError naming the first that is damaged or missing."""
    previous, due = GENESIS, 1
    for row in rows:
        problem = None
        if isinstance(row, Anomaly):
            problem = row.detail
        elif row.seq != due:
            problem = f"entries {due}-{row.seq - 1} are missing"
        elif row.prev_hash != previous or row.entry_hash != entry_hash(
            row.seq, row.timestamp_ns, row.action, row.details, row.prev_hash
        ):
            problem = "its content does not match its hash or its link"
        if problem is not None:
            raise AuditDataError(
                f"the audit log at {str(database)!r} cannot be exported: entry "
                f"{row.seq or due} is damaged ({problem}); run `aegis audit verify` on it",
                database,
                row.seq or due,
            )
        assert isinstance(row, Row)
        yield row
        previous, due = row.entry_hash, due + 1
    if due != size + 1:
        raise AuditDataError(
            f"the audit log at {str(database)!r} cannot be exported: entries {due}-{size} are "
            "missing; run `aegis audit verify` on it",
            database,
            due,
        )


def write_export(path: Path, checkpoint: Checkpoint, rows: Iterable[Row]) -> None:
    """Write atomically: a temporary file renamed into place once complete (and removed if
    the export fails, so a failure leaves nothing behind)."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        with temporary.open("w", encoding="utf-8") as out:
            header = {
                "format": EXPORT_FORMAT,
                "public_key": checkpoint.public_key.hex(),
                "checkpoint": json.loads(checkpoint.to_json()),
            }
            out.write(json.dumps(header) + "\n")
            for row in rows:
                out.write(_line(row))
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _line(row: Row) -> str:
    try:
        details = decode_details(row.details)
    except ValueError as error:
        raise AuditDataError(
            f"entry {row.seq} cannot be exported: {error}; run `aegis audit verify`",
            seq=row.seq,
        ) from None
    entry = {
        "seq": row.seq,
        "timestamp_ns": row.timestamp_ns,
        "action": row.action,
        "details": details,
        "prev_hash": row.prev_hash.hex(),
        "entry_hash": row.entry_hash.hex(),
        "signature": row.signature.hex(),
    }
    return json.dumps(entry, ensure_ascii=False) + "\n"
