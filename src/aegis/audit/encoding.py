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
import math
import struct
from collections.abc import Mapping
from typing import Any, NamedTuple

from aegis.audit.limits import MAX_ACTION_BYTES, MAX_DEPTH, MAX_DETAILS_BYTES

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


class _Frame(NamedTuple):
    """A value met by the walk, with the way to it (built into text only for an error)."""

    value: Any
    depth: int
    key: object
    parent: _Frame | None


def _path(frame: _Frame | None) -> str:
    keys = []
    while frame is not None and frame.parent is not None:
        keys.append(f"[{frame.key!r}]")
        frame = frame.parent
    return "details" + "".join(reversed(keys))


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_scalar(frame: _Frame, explain: bool) -> int:
    """Refuse a scalar JSON cannot carry exactly; return the least bytes it encodes to."""
    value = frame.value
    if value is None or isinstance(value, bool):
        return 4
    if isinstance(value, str):
        if explain and _unencodable(value):
            raise ValueError(f"{_path(frame)} holds a lone surrogate, which UTF-8 cannot encode")
        return len(value) + 2
    if isinstance(value, int):
        if explain:
            try:
                return len(int.__repr__(value))
            except ValueError:
                raise ValueError(f"{_path(frame)} is an int too long to write out") from None
        return 1
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"{_path(frame)} is {value!r}; audit details must be finite numbers")
        return 1
    raise TypeError(
        f"{_path(frame)} is a {type(value).__name__} ({value!r:.80}); audit details must be "
        f"JSON-serialisable (dict, list, str, int, float, bool, None)"
    )


def _children(frame: _Frame, explain: bool) -> tuple[list[_Frame], int]:
    """The frames of a container's items, and the least bytes its keys encode to."""
    value, depth = frame.value, frame.depth + 1
    if isinstance(value, Mapping):
        children, size = [], 2
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{_path(frame)} has a key {key!r}; audit detail keys must be str")
            if explain and _unencodable(key):
                raise ValueError(
                    f"{_path(frame)} has a key {key!r} with a lone surrogate, which UTF-8 "
                    "cannot encode"
                )
            children.append(_Frame(item, depth, key, frame))
            size += len(key) + 4
        return children, size
    return [_Frame(item, depth, index, frame) for index, item in enumerate(value)], 2


def _walk(details: Mapping[str, Any], *, explain: bool = False) -> None:
    """Raise TypeError or ValueError naming the first value that cannot be stored exactly.

    Iterative, so no shape of input can exhaust the stack; bounded, because every value
    costs at least one byte of the encoding and the walk stops once the least possible size
    passes :data:`MAX_DETAILS_BYTES` (a structure sharing one list many times over stays
    small in memory but not when written out). ``explain`` adds the checks that cost more
    and that the encoder makes anyway (text UTF-8 can carry, ints short enough to write).
    """
    budget = MAX_DETAILS_BYTES
    open_containers: dict[int, _Frame] = {}
    stack: list[_Frame | int] = [_Frame(details, 1, None, None)]
    while stack:
        frame = stack.pop()
        if isinstance(frame, int):  # every child of that container has been walked
            del open_containers[frame]
            continue
        value = frame.value
        if isinstance(value, Mapping | list | tuple):
            identity = id(value)
            if identity in open_containers:
                raise ValueError(f"{_path(frame)} contains itself; audit details must be a tree")
            if frame.depth > MAX_DEPTH:
                raise ValueError(
                    f"{_path(frame)} is nested {frame.depth} deep; audit details may nest at "
                    f"most {MAX_DEPTH} deep"
                )
            children, size = _children(frame, explain)
            open_containers[identity] = frame
            stack.append(identity)
            stack.extend(reversed(children))
        else:
            size = _check_scalar(frame, explain)
        budget -= size
        if budget < 0:
            raise ValueError(
                f"details encode to more than {MAX_DETAILS_BYTES} bytes; audit details may "
                f"take at most {MAX_DETAILS_BYTES} bytes"
            )


def _flat_with_text_keys(details: Mapping[str, Any]) -> bool:
    """True for the common case the encoder alone checks fully: a flat dict with str keys."""
    if type(details) is not dict:
        return False
    for key, value in details.items():
        if type(key) is not str or type(value) not in _FLAT_VALUES:
            return False
    return True


def _mapping_as_dict(value: object) -> dict[str, Any]:
    """Let the encoder take any Mapping (it knows only dict); :func:`_walk` vetted the rest."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON-serialisable")


# The C encoder recurses once per level of nesting; :func:`_walk` has bounded that to
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
        _walk(details)
    try:
        text = _ENCODER.encode(details)
        encoded = text.encode("utf-8")
    except (ValueError, RecursionError):
        _walk(details, explain=True)  # names the value; raises unless the details changed
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


def hash_encoded(
    seq: int, timestamp_ns: int, action: bytes, details: bytes, prev_hash: bytes
) -> bytes:
    """SHA-256 of the entry bytes, from action and details already encoded as UTF-8."""
    return hashlib.sha256(
        b"".join(
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
    ).digest()


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
