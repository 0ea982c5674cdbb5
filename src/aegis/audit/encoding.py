"""The canonical byte encoding of an entry, which its hash and signature cover.

Version 1, for entry fields ``seq``, ``timestamp_ns``, ``action``, ``details`` and
``prev_hash``::

    b"aegis-audit/1\\0" || u64be(seq) || i64be(timestamp_ns)
        || u32be(len(action)) || action (UTF-8)
        || u32be(len(details)) || details (canonical JSON, UTF-8)
        || prev_hash (32 bytes)

Canonical JSON has sorted keys, ``,`` and ``:`` separators, no insignificant whitespace,
UTF-8 text, and refuses NaN and infinities, so the same details always give the same bytes
in any language.

Everything a caller passes is checked and encoded here, in the caller's own call, before the
entry joins a batch shared with other callers: a value that cannot be stored must fail the
call that brought it, never the batch (see :func:`encode_entry`).
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Mapping
from typing import Any, NamedTuple

from aegis.audit.details_check import check_details
from aegis.audit.limits import MAX_ACTION_BYTES, MAX_DETAILS_BYTES

__all__ = [
    "FORMAT",
    "GENESIS",
    "EncodedEntry",
    "canonical_details",
    "encode_entry",
    "entry_bytes",
    "entry_hash",
    "hash_encoded",
]

FORMAT = b"aegis-audit/1\x00"
GENESIS = bytes(32)
_HEAD = struct.Struct(">Qq")
_LENGTH = struct.Struct(">I")
_FLAT_VALUES = frozenset({str, int, float, bool, type(None)})


def _flat_with_text_keys(details: Mapping[str, Any]) -> bool:
    """True for the common case the encoder alone checks fully: a flat dict with str keys."""
    if type(details) is not dict:
        return False
    for key, value in details.items():
        if type(key) is not str or type(value) not in _FLAT_VALUES:
            return False
    return True


def _mapping_as_dict(value: object) -> dict[str, Any]:
    """Let the encoder take any Mapping (it knows only dict); ``check_details`` vetted the
    rest."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON-serialisable")


# The C encoder recurses once per level of nesting; check_details has bounded that to
# MAX_DEPTH before it runs (and a caller changing its details meanwhile fails its own call).
_ENCODER = json.JSONEncoder(
    sort_keys=True,
    separators=(",", ":"),
    ensure_ascii=False,
    allow_nan=False,
    default=_mapping_as_dict,
)


def _encode_details(details: Mapping[str, Any]) -> tuple[str, bytes]:
    if not isinstance(details, Mapping):
        raise TypeError(f"details must be a mapping, got {type(details).__name__}: {details!r:.80}")
    if not _flat_with_text_keys(details):
        check_details(details)
    try:
        text = _ENCODER.encode(details)
        encoded = text.encode("utf-8")
    except (ValueError, RecursionError):
        check_details(details, explain=True)  # names the value; raises unless the details changed
        raise ValueError("details changed while they were being encoded") from None
    if len(encoded) > MAX_DETAILS_BYTES:
        raise ValueError(
            f"details encode to {len(encoded)} bytes; audit details may take at most "
            f"{MAX_DETAILS_BYTES} bytes"
        )
    return text, encoded


def canonical_details(details: Mapping[str, Any]) -> str:
    """The canonical JSON text of ``details``; TypeError or ValueError names the offending
    key (a value JSON cannot carry, nesting past :data:`MAX_DEPTH`, a cycle, text UTF-8
    cannot encode, more than :data:`MAX_DETAILS_BYTES`)."""
    return _encode_details(details)[0]


class EncodedEntry(NamedTuple):
    """An entry as the caller gave it, checked and encoded, ready to join any batch."""

    action: str
    details: Mapping[str, Any]
    text: str
    action_bytes: bytes
    details_bytes: bytes


def encode_action(action: object) -> bytes:
    """The UTF-8 of a valid action name; TypeError or ValueError naming the problem."""
    if not isinstance(action, str):
        raise TypeError(f"action must be a str, got {type(action).__name__}: {action!r:.80}")
    if type(action) is not str:  # a subclass could encode to other bytes than it stores
        action = str.__str__(action)
    if not action.strip():
        raise ValueError(f"action must not be empty, got {action!r}")
    try:
        encoded = action.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            f"action {action!r:.80} holds a lone surrogate, which UTF-8 cannot encode"
        ) from None
    if len(encoded) > MAX_ACTION_BYTES:
        raise ValueError(
            f"action takes {len(encoded)} bytes; an action may take at most {MAX_ACTION_BYTES}"
        )
    return encoded


def encode_entry(action: str, details: Mapping[str, Any]) -> EncodedEntry:
    """Check and encode everything about an entry that does not depend on its place."""
    action_bytes = encode_action(action)
    text, details_bytes = _encode_details(details)
    if type(action) is not str:
        action = str.__str__(action)
    return EncodedEntry(action, details, text, action_bytes, details_bytes)


def _encoded_bytes(
    seq: int, timestamp_ns: int, action: bytes, details: bytes, prev_hash: bytes
) -> bytes:
    return b"".join(
        (
            FORMAT,
            _HEAD.pack(seq, timestamp_ns),
            _LENGTH.pack(len(action)),
            action,
            _LENGTH.pack(len(details)),
            details,
            prev_hash,
        )
    )


def hash_encoded(
    seq: int, timestamp_ns: int, action: bytes, details: bytes, prev_hash: bytes
) -> bytes:
    """SHA-256 of the entry bytes, from action and details already encoded as UTF-8."""
    return hashlib.sha256(_encoded_bytes(seq, timestamp_ns, action, details, prev_hash)).digest()


def entry_bytes(seq: int, timestamp_ns: int, action: str, details: str, prev_hash: bytes) -> bytes:
    """The bytes an entry's hash covers (the format is in this module's docstring)."""
    return _encoded_bytes(
        seq, timestamp_ns, action.encode("utf-8"), details.encode("utf-8"), prev_hash
    )


def entry_hash(seq: int, timestamp_ns: int, action: str, details: str, prev_hash: bytes) -> bytes:
    """SHA-256 of :func:`entry_bytes`."""
    return hash_encoded(
        seq, timestamp_ns, action.encode("utf-8"), details.encode("utf-8"), prev_hash
    )
