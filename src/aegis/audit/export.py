"""JSON Lines export of the log, and verification of an export with only a public key."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from aegis.audit import store, store_rows
from aegis.audit.backend import is_postgres_dsn
from aegis.audit.encoding import GENESIS, canonical_details, encode_action, entry_hash
from aegis.audit.limits import MAX_DEPTH, MAX_DETAILS_BYTES, decode_details, nesting_depth
from aegis.audit.model import (
    AuditDataError,
    AuditFileError,
    Checkpoint,
    FindingKind,
    VerificationReport,
)
from aegis.audit.verifier import verify_rows
from aegis.audit.verify_chain import Anomaly, Row

__all__ = [
    "EXPORT_FORMAT",
    "checked_chain",
    "export_database",
    "verify_export",
    "write_export",
]

EXPORT_FORMAT = "aegis-audit-export/1"


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


#: A line of an export is at most this long: details of MAX_DETAILS_BYTES escaped, and more.
_MAX_LINE = 8 * MAX_DETAILS_BYTES


def _lines(source: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)``, the line None where it is longer than any entry's."""
    number = 1
    while line := source.readline(_MAX_LINE):
        number += 1
        if len(line) == _MAX_LINE and not line.endswith(b"\n"):
            while (rest := source.readline(_MAX_LINE)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _entry(line: bytes) -> Row:
    text = line.decode("utf-8")
    if text.count("[") + text.count("{") > MAX_DEPTH + 1 and nesting_depth(text) > MAX_DEPTH + 1:
        raise ValueError(f"nested deeper than {MAX_DEPTH}")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    seq, timestamp = data["seq"], data["timestamp_ns"]
    for name, value in (("seq", seq), ("timestamp_ns", timestamp)):
        if isinstance(value, bool) or not isinstance(value, int) or not -(2**63) <= value < 2**63:
            raise TypeError(f"{name} is not a 64-bit int")
    encode_action(data["action"])
    return Row(
        seq,
        timestamp,
        data["action"],
        canonical_details(data["details"]),
        _hex(data["prev_hash"], 32),
        _hex(data["entry_hash"], 32),
        _hex(data["signature"], 64),
    )


def _hex(value: object, size: int) -> bytes:
    if not isinstance(value, str) or len(value) != 2 * size:
        raise ValueError(f"not {size} bytes of hex")
    return bytes.fromhex(value)


def _rows(source: BinaryIO) -> Iterator[Row | Anomaly]:
    for number, line in _lines(source):
        if line is None:
            yield Anomaly(None, FindingKind.MALFORMED, f"line {number} is too long for an entry")
            continue
        try:
            yield _entry(line)
        except (ValueError, KeyError, TypeError) as error:
            seq = _seq_of(line)
            yield Anomaly(
                seq,
                FindingKind.MALFORMED,
                f"line {number} of the export is not an entry: {error!s:.200}",
            )


def _seq_of(line: bytes) -> int | None:
    """The seq a damaged line claims, if it says so plainly (for the finding)."""
    marker = line.find(b'"seq": ')
    if marker < 0:
        return None
    digits = line[marker + 7 : marker + 27].split(b",")[0].strip()
    return int(digits) if digits.isdigit() and len(digits) < 19 else None


def read_header(path: Path) -> dict[str, object]:
    """The export's header; AuditFileError naming the file if it is not an export."""
    try:
        with path.open("rb") as source:
            line = source.readline(64 * 1024)
        header = json.loads(line.decode("utf-8") or "{}")
    except OSError as error:
        raise AuditFileError(f"cannot read {str(path)!r}: {error.strerror}", path) from None
    except (ValueError, RecursionError):
        header = None
    if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT:
        raise AuditFileError(f"{str(path)!r} is not an aegis audit export", path)
    return header


def verify_export(
    path: str | Path, public_key: bytes | None = None, checkpoint: Checkpoint | None = None
) -> VerificationReport:
    """Verify an export with nothing but a public key (the export's own if none is given,
    which proves consistency but not authorship). A damaged line is a finding, not an
    error; a file that is not an export at all is an AuditFileError."""
    source_path = Path(path)
    header = read_header(source_path)
    try:
        stored = _hex(header["public_key"], 32)
        embedded = Checkpoint.from_json(json.dumps(header["checkpoint"]))
    except (KeyError, ValueError) as error:
        raise AuditFileError(
            f"the header of the export {str(source_path)!r} is damaged: {error}", source_path
        ) from None
    with source_path.open("rb") as source:
        source.readline(64 * 1024)
        return verify_rows(
            _rows(source),
            public_key or stored,
            stored_public_key=stored,
            checkpoint=checkpoint or embedded,
            expected_count=embedded.size,
        )
