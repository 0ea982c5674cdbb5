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
"""

from __future__ import annotations

import hashlib
import json
import math
import struct
from collections.abc import Mapping
from typing import Any

__all__ = ["FORMAT", "GENESIS", "canonical_details", "entry_bytes", "entry_hash"]

FORMAT = b"aegis-audit/1\x00"
GENESIS = bytes(32)
_HEAD = struct.Struct(">Qq")
_LENGTH = struct.Struct(">I")


def _check(value: Any, path: str) -> None:
    """Raise TypeError naming the first value that JSON cannot carry exactly."""
    if value is None or isinstance(value, bool | int | str):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"details{path} is {value!r}; audit details must be finite numbers")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"details{path} has a key {key!r}; audit detail keys must be str")
            _check(item, f"{path}[{key!r}]")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check(item, f"{path}[{index}]")
        return
    raise TypeError(
        f"details{path} is a {type(value).__name__} ({value!r}); audit details must be "
        f"JSON-serialisable (dict, list, str, int, float, bool, None)"
    )


_FLAT_VALUES = frozenset({str, int, float, bool, type(None)})


def _mapping_as_dict(value: object) -> dict[str, Any]:
    """Let the encoder take any Mapping (it knows only dict); :func:`_check` vetted the rest."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON-serialisable")


_ENCODER = json.JSONEncoder(
    sort_keys=True,
    separators=(",", ":"),
    ensure_ascii=False,
    allow_nan=False,
    default=_mapping_as_dict,
)


def _flat_with_text_keys(details: Mapping[str, Any]) -> bool:
    """True for the common case the encoder alone checks fully: a flat dict with str keys."""
    if type(details) is not dict:
        return False
    for key, value in details.items():
        if type(key) is not str or type(value) not in _FLAT_VALUES:
            return False
    return True


def canonical_details(details: Mapping[str, Any]) -> str:
    """The canonical JSON text of ``details``; TypeError names the offending key.

    Nested or unusual details are walked first, because the encoder would silently turn int
    keys into strings and hide the clash. A flat dict with str keys skips the walk: the
    encoder refuses what remains (NaN, infinities), and the walk then names the key.
    """
    if not isinstance(details, Mapping):
        raise TypeError(f"details must be a mapping, got {type(details).__name__}: {details!r}")
    if not _flat_with_text_keys(details):
        _check(details, "")
    try:
        return _ENCODER.encode(details)
    except ValueError:
        _check(details, "")
        raise


def entry_bytes(seq: int, timestamp_ns: int, action: str, details: str, prev_hash: bytes) -> bytes:
    action_bytes = action.encode("utf-8")
    details_bytes = details.encode("utf-8")
    return b"".join(
        (
            FORMAT,
            _HEAD.pack(seq, timestamp_ns),
            _LENGTH.pack(len(action_bytes)),
            action_bytes,
            _LENGTH.pack(len(details_bytes)),
            details_bytes,
            prev_hash,
        )
    )


def entry_hash(seq: int, timestamp_ns: int, action: str, details: str, prev_hash: bytes) -> bytes:
    """SHA-256 of :func:`entry_bytes`."""
    return hashlib.sha256(entry_bytes(seq, timestamp_ns, action, details, prev_hash)).digest()
