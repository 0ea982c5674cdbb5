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


class AuditDataError(AuditError, ValueError):
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

    @staticmethod
    def message(size: int, root: bytes) -> bytes:
        return _CHECKPOINT + size.to_bytes(8, "big") + root

    def valid(self, public_key: bytes | None = None) -> bool:
        """Whether the signature holds for ``public_key`` (the checkpoint's own by default)."""
        try:
            VerifyKey(public_key or self.public_key).verify(
                self.message(self.size, self.root), self.signature
            )
        except (BadSignatureError, ValueError):
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
    def from_json(cls, text: str) -> Checkpoint:
        data = json.loads(text)
        return cls(
            int(data["size"]),
            bytes.fromhex(data["root"]),
            bytes.fromhex(data["public_key"]),
            bytes.fromhex(data["signature"]),
        )


class FindingKind(enum.StrEnum):
    MODIFICATION = "modification"
    DELETION = "deletion"
    REORDERING = "reordering"
    BAD_SIGNATURE = "bad_signature"
    WRONG_KEY = "wrong_key"
    TRUNCATION = "truncation"


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
