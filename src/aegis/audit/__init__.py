"""Audit log: signed, hash-chained entries with an RFC 6962 Merkle tree over them.

Every entry's SHA-256 hash covers a canonical encoding of its fields and the previous
entry's hash, and is signed with Ed25519. :meth:`AuditLog.verify` finds modification,
deletion, reordering, bad signatures, a wrong key and, against a held checkpoint,
truncation; proofs let a third party check inclusion and consistency.
"""

from aegis.audit.export import verify_export
from aegis.audit.limits import MAX_ACTION_BYTES, MAX_DEPTH, MAX_DETAILS_BYTES
from aegis.audit.log import AuditLog
from aegis.audit.merkle import EMPTY_ROOT, leaf_hash, verify_consistency, verify_inclusion
from aegis.audit.model import (
    AuditDataError,
    AuditEntry,
    AuditError,
    AuditFileError,
    AuditKeyError,
    AuditWriteError,
    Checkpoint,
    CheckpointError,
    Finding,
    FindingKind,
    VerificationReport,
)
from aegis.audit.verify_db import verify_database

__all__ = [
    "EMPTY_ROOT",
    "MAX_ACTION_BYTES",
    "MAX_DEPTH",
    "MAX_DETAILS_BYTES",
    "AuditDataError",
    "AuditEntry",
    "AuditError",
    "AuditFileError",
    "AuditKeyError",
    "AuditLog",
    "AuditWriteError",
    "Checkpoint",
    "CheckpointError",
    "Finding",
    "FindingKind",
    "VerificationReport",
    "leaf_hash",
    "verify_consistency",
    "verify_database",
    "verify_export",
    "verify_inclusion",
]
