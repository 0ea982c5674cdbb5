"""JSON Lines export of the log, and verification of an export with only a public key."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from aegis.audit import store
from aegis.audit.encoding import canonical_details
from aegis.audit.limits import decode_details
from aegis.audit.model import AuditDataError, Checkpoint, VerificationReport
from aegis.audit.verifier import Row, verify_rows

__all__ = ["EXPORT_FORMAT", "export_database", "verify_export", "write_export"]

EXPORT_FORMAT = "aegis-audit-export/1"


def export_database(
    database: Path, path: Path, checkpoint_at: Callable[[int], Checkpoint]
) -> Checkpoint:
    """Export the log at ``database`` as it is at one moment, with ``checkpoint_at(size)``.

    The size, the checkpoint and the rows all come from one read transaction, so entries
    appended meanwhile are neither exported nor counted.
    """
    connection = store.connect(database, readonly=True)
    try:
        connection.execute("BEGIN")
        size = store.tail(connection)[0]
        checkpoint = checkpoint_at(size)
        write_export(path, checkpoint, store.iter_rows(connection, up_to=size))
        return checkpoint
    finally:
        connection.close()


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


def _rows(lines: Iterator[str]) -> Iterator[Row]:
    for number, line in enumerate(lines, start=2):
        try:
            data = json.loads(line)
            yield Row(
                int(data["seq"]),
                int(data["timestamp_ns"]),
                data["action"],
                canonical_details(data["details"]),
                bytes.fromhex(data["prev_hash"]),
                bytes.fromhex(data["entry_hash"]),
                bytes.fromhex(data["signature"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"line {number} of the export is not an entry: {error}") from None


def read_header(path: Path) -> dict[str, object]:
    with path.open(encoding="utf-8") as source:
        header = json.loads(source.readline() or "{}")
    if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT:
        raise ValueError(f"{str(path)!r} is not an aegis audit export")
    return header


def verify_export(
    path: str | Path, public_key: bytes | None = None, checkpoint: Checkpoint | None = None
) -> VerificationReport:
    """Verify an export with nothing but a public key (the export's own if none is given,
    which proves consistency but not authorship)."""
    source_path = Path(path)
    header = read_header(source_path)
    stored = bytes.fromhex(str(header["public_key"]))
    embedded = Checkpoint.from_json(json.dumps(header["checkpoint"]))
    with source_path.open(encoding="utf-8") as source:
        source.readline()
        return verify_rows(
            _rows(source),
            public_key or stored,
            stored_public_key=stored,
            checkpoint=checkpoint or embedded,
            expected_count=embedded.size,
        )
