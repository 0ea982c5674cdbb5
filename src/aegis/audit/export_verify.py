"""Verifying a JSON Lines export with nothing but a public key.

An export is a file anyone may have edited, so every line is read as untrusted input: its
length is bounded before it is parsed, its nesting before the parser recurses, and each
field is checked to be what an entry holds. A line that is not an entry is a finding naming
its line (and the seq it claims, when it says so plainly); the rows then go through the
same verification as a database's (:func:`~aegis.audit.verifier.verify_rows`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from aegis.audit.encoding import canonical_details, encode_action
from aegis.audit.limits import MAX_DEPTH, MAX_DETAILS_BYTES, nesting_depth
from aegis.audit.model import AuditFileError, Checkpoint, FindingKind, VerificationReport
from aegis.audit.verifier import verify_rows
from aegis.audit.verify_chain import Anomaly, Row

__all__ = ["EXPORT_FORMAT", "read_header", "verify_export"]

EXPORT_FORMAT = "aegis-audit-export/1"


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
