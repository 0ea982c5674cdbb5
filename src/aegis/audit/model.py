"""Entries, checkpoints and verification reports of the audit log."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

__all__ = [
    "AuditDataError",
    "AuditEntry",
    "AuditError",
    "AuditFileError",
    "AuditKeyError",
    "AuditWriteError",
    "Checkpoint",
    "CheckpointError",
    "Finding",
    "FindingKind",
    "VerificationReport",
]


class AuditError(Exception):
    """Anything the audit log refuses or cannot do; the message names the file and what to do.

    ``path`` is the file concerned (the database, a key file, a checkpoint), when there is one.
    """

    def __init__(self, message: str, path: object = None) -> None:
        super().__init__(message)
        self.path = None if path is None else str(path)


class AuditKeyError(AuditError, ValueError):
    """A signing key that is missing, malformed, readable by others, or not this log's."""


class AuditFileError(AuditError, OSError):
    """A file that is not an audit log (empty, foreign, damaged beyond recognition, newer),
    or that cannot be opened as asked (missing, read-only)."""


class AuditWriteError(AuditError):
    """A batch of entries could not be committed; every caller in the batch gets this one
    error, and none of their entries is in the log."""


class AuditDataError(AuditError, ValueError, LookupError):
    """A stored entry is damaged, so a read that would return or depend on it is refused;
    ``seq`` names it. ``verify`` reports the same damage as findings."""

    def __init__(self, message: str, path: object = None, seq: int | None = None) -> None:
        super().__init__(message, path)
        self.seq = seq


class CheckpointError(AuditError, ValueError):
    """A checkpoint that is not one: missing or malformed fields, impossible sizes."""


class AuditEntry(NamedTuple):
    """One committed entry, as returned by ``log_action`` and ``query``.

    A named tuple rather than a frozen dataclass: one is built per appended entry, on the
    commit path, and a tuple costs a fifth as much to make.
    """

    seq: int
    timestamp_ns: int
    action: str
    details: Mapping[str, Any]
    prev_hash: bytes
    entry_hash: bytes
    signature: bytes

    @property
    def timestamp(self) -> float:
        """Seconds since the epoch (the exact value is ``timestamp_ns``)."""
        return self.timestamp_ns / 1e9

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "timestamp_ns": self.timestamp_ns,
            "action": self.action,
            "details": self.details,
            "prev_hash": self.prev_hash.hex(),
            "entry_hash": self.entry_hash.hex(),
            "signature": self.signature.hex(),
        }


_CHECKPOINT = b"aegis-audit-checkpoint/1\x00"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A signed (size, root) that its holder keeps outside the database.

    A log that later does not extend it (fewer entries, or a different history) fails
    verification against it, so deleting the newest entries cannot go unnoticed.
    """

    size: int
    root: bytes
    public_key: bytes
    signature: bytes

    def __post_init__(self) -> None:
        if isinstance(self.size, bool) or not isinstance(self.size, int):
            raise CheckpointError(f"checkpoint size must be an int, got {self.size!r:.40}")
        if not 0 <= self.size <= MAX_CHECKPOINT_SIZE:
            raise CheckpointError(
                f"checkpoint size must be 0..{MAX_CHECKPOINT_SIZE}, got {self.size}"
            )
        for name, value, length in (
            ("root", self.root, 32),
            ("public_key", self.public_key, 32),
            ("signature", self.signature, 64),
        ):
            if not isinstance(value, bytes) or len(value) != length:
                raise CheckpointError(
                    f"checkpoint {name} must be {length} bytes, got {value!r:.80}"
                )

    @staticmethod
    def message(size: int, root: bytes) -> bytes:
        return _CHECKPOINT + size.to_bytes(8, "big") + root

    def valid(self, public_key: bytes | None = None) -> bool:
        """Whether the signature holds for ``public_key`` (the checkpoint's own by default)."""
        try:
            VerifyKey(public_key or self.public_key).verify(
                self.message(self.size, self.root), self.signature
            )
        except (BadSignatureError, ValueError, TypeError):
            return False
        return True

    def to_json(self) -> str:
        return json.dumps(
            {
                "size": self.size,
                "root": self.root.hex(),
                "public_key": self.public_key.hex(),
                "signature": self.signature.hex(),
            }
        )

    @classmethod
    def from_json(cls, text: str | bytes) -> Checkpoint:
        """The checkpoint ``to_json`` wrote; CheckpointError (a ValueError) naming the field
        that is missing or malformed, for anything else."""
        if len(text) > _MAX_CHECKPOINT_TEXT:
            raise CheckpointError(f"a checkpoint takes under {_MAX_CHECKPOINT_TEXT} characters")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise CheckpointError(
                f"a checkpoint is a JSON object; this is not JSON: {error}"
            ) from None
        if not isinstance(data, dict):
            raise CheckpointError(f"a checkpoint is a JSON object, got {type(data).__name__}")
        missing = [name for name in _CHECKPOINT_FIELDS if name not in data]
        if missing:
            raise CheckpointError(f"the checkpoint has no {', '.join(missing)}")
        return cls(
            data["size"],
            _hex_field(data, "root"),
            _hex_field(data, "public_key"),
            _hex_field(data, "signature"),
        )


_CHECKPOINT_FIELDS = ("size", "root", "public_key", "signature")
_MAX_CHECKPOINT_TEXT = 4096
#: Sizes are seqs, which SQLite keeps as signed 64-bit integers.
MAX_CHECKPOINT_SIZE = 2**63 - 1


def _hex_field(data: dict[str, Any], name: str) -> bytes:
    value = data[name]
    if not isinstance(value, str):
        raise CheckpointError(f"checkpoint {name} must be hex text, got {value!r:.80}")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise CheckpointError(f"checkpoint {name} is not hex: {value!r:.80}") from None


class FindingKind(enum.StrEnum):
    MODIFICATION = "modification"
    DELETION = "deletion"
    REORDERING = "reordering"
    BAD_SIGNATURE = "bad_signature"
    WRONG_KEY = "wrong_key"
    TRUNCATION = "truncation"
    #: A value of the wrong type, size or encoding (a row the log would never write).
    MALFORMED = "malformed"
    #: A row whose seq lies outside the chain (below 1).
    OUTSIDE_CHAIN = "outside_chain"
    #: Two rows with one seq, or rows read back out of order (a damaged table).
    DUPLICATE = "duplicate"
    #: The file fails SQLite's integrity check, or could not be read through.
    DAMAGED_FILE = "damaged_file"
    #: The held checkpoint is not signed by the trusted key: nothing can be said against it.
    INVALID_CHECKPOINT = "invalid_checkpoint"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    seq: int | None
    detail: str


@dataclass(frozen=True, slots=True)
class VerificationReport:
    ok: bool
    entries_checked: int
    first_bad_seq: int | None
    findings: tuple[Finding, ...]
    root: bytes

    @property
    def kinds(self) -> tuple[FindingKind, ...]:
        return tuple(dict.fromkeys(f.kind for f in self.findings))
