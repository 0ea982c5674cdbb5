"""Whether a stored row is an entry as the log writes it, trusting nothing the file says.

A row is only turned into an entry once each value has the type, size and encoding the log
writes; anything else becomes an :class:`~aegis.audit.verify_chain.Anomaly` naming its seq,
for verification to report and for the other readers to refuse. Every reader checks rows
here, whatever the store: the cheap check of a row read with ``str`` text
(:func:`has_entry_types`, also the query's), and the full one of a row read with its text
as bytes (:func:`check_row`), which names what is wrong, so that text that is not UTF-8 is
one row's finding rather than an error that stops the whole read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from aegis.audit.limits import MAX_ACTION_BYTES, MAX_DETAILS_BYTES
from aegis.audit.model import FindingKind
from aegis.audit.verify_chain import Anomaly, Row

__all__ = [
    "CHECKED_COLUMNS",
    "ROW_COLUMNS",
    "check_row",
    "describe",
    "has_entry_types",
    "quick_check",
]

#: The columns of an entry row, in the order of :class:`~aegis.audit.verify_chain.Row`
#: (the same in every store).
ROW_COLUMNS = "seq, timestamp_ns, action, details, prev_hash, entry_hash, signature"
#: NULL when every column holds its storage class, else which class each one holds.
_STORAGE = (
    "CASE WHEN typeof(action) = 'text' AND typeof(details) = 'text' "
    "AND typeof(prev_hash) = 'blob' AND typeof(entry_hash) = 'blob' "
    "AND typeof(signature) = 'blob' THEN NULL ELSE "
    "'action ' || typeof(action) || ', details ' || typeof(details) || ', prev_hash ' || "
    "typeof(prev_hash) || ', entry_hash ' || typeof(entry_hash) || ', signature ' || "
    "typeof(signature) END"
)
#: What :func:`check_row` reads from SQLite: the row, and its storage classes.
CHECKED_COLUMNS = f"{ROW_COLUMNS}, {_STORAGE}"
_PYTHON_TO_SQL = {str: "text", bytes: "blob", int: "integer", float: "real", type(None): "null"}


def describe(value: object) -> str:
    """What a stored value is, for a message (never the value itself: it may be huge)."""
    if isinstance(value, bytes):
        return f"{len(value)} bytes"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"


def has_entry_types(raw: Sequence[Any]) -> bool:
    """Whether a row read with ``str`` text holds an entry's types and sizes, the size of
    its details aside (each caller bounds them in its own way).

    Written out in one expression: every row of a query and a verification passes here.
    """
    _seq, timestamp, action, details, prev, digest, signature = raw
    return (
        type(timestamp) is int
        and type(action) is str
        and type(details) is str
        and type(prev) is bytes
        and type(digest) is bytes
        and type(signature) is bytes
        and len(prev) == 32
        and len(digest) == 32
        and len(signature) == 64
        and len(action) <= MAX_ACTION_BYTES
    )


def quick_check(raw: tuple[Any, ...]) -> Row | Anomaly:
    """A row read with ``str`` text, where Python's types are SQLite's storage classes."""
    if has_entry_types(raw) and len(raw[3]) <= MAX_DETAILS_BYTES:
        return Row._make(raw)
    digest = raw[5]
    own_hash = digest if type(digest) is bytes and len(digest) == 32 else None
    return Anomaly(raw[0], FindingKind.MALFORMED, _what_is_wrong(raw), own_hash)


def _what_is_wrong(raw: tuple[Any, ...]) -> str:
    _seq, timestamp, action, details, prev, digest, signature = raw
    if type(timestamp) is not int:
        return f"timestamp_ns is {describe(timestamp)}, not an int"
    wanted = (str, str, bytes, bytes, bytes)
    if tuple(type(value) for value in raw[2:]) != wanted:
        kinds = ", ".join(
            f"{name} {_PYTHON_TO_SQL.get(type(value), type(value).__name__)}"
            for name, value in zip(ROW_COLUMNS.split(", ")[2:], raw[2:], strict=True)
        )
        return f"values of the wrong type: {kinds}"
    for name, value, size in (("prev_hash", prev, 32), ("entry_hash", digest, 32)):
        if len(value) != size:
            return f"{name} is {len(value)} bytes, not {size}"
    if len(signature) != 64:
        return f"signature is {len(signature)} bytes, not 64"
    return (
        f"action or details longer than an entry's may be ({len(action)} and {len(details)} "
        "characters)"
    )


def _text(seq: int, column: str, value: bytes, limit: int) -> str | Anomaly:
    if len(value) > limit:
        return Anomaly(
            seq,
            FindingKind.MALFORMED,
            f"{column} take {len(value)} bytes; an entry's {column} may take at most {limit}",
        )
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError as error:
        return Anomaly(
            seq, FindingKind.MALFORMED, f"{column} are not UTF-8 (byte {error.start} of them)"
        )


def check_row(raw: Sequence[object]) -> Row | Anomaly:
    """The entry a row selected with ``CHECKED_COLUMNS`` holds, or what is wrong with it."""
    seq, timestamp, action, details, prev, digest, signature, storage = raw
    assert isinstance(seq, int)
    if storage is not None:
        text = storage.decode() if isinstance(storage, bytes) else str(storage)
        return Anomaly(seq, FindingKind.MALFORMED, f"values of the wrong type: {text}")
    if type(timestamp) is not int:
        return Anomaly(
            seq, FindingKind.MALFORMED, f"timestamp_ns is {describe(timestamp)}, not an int"
        )
    blobs = (("prev_hash", prev, 32), ("entry_hash", digest, 32), ("signature", signature, 64))
    own_hash = digest if isinstance(digest, bytes) and len(digest) == 32 else None
    for column, value, size in blobs:
        if not isinstance(value, bytes) or len(value) != size:
            return Anomaly(
                seq,
                FindingKind.MALFORMED,
                f"{column} is {describe(value)}, not {size} bytes",
                own_hash,
            )
    # The storage classes were checked in SQL; the casts only tell the type checker.
    action_text = _text(seq, "action", cast(bytes, action), MAX_ACTION_BYTES)
    details_text = _text(seq, "details", cast(bytes, details), MAX_DETAILS_BYTES)
    for checked in (action_text, details_text):
        if isinstance(checked, Anomaly):
            return checked._replace(entry_hash=own_hash)
    return Row(
        seq,
        timestamp,
        cast(str, action_text),
        cast(str, details_text),
        cast(bytes, prev),
        cast(bytes, digest),
        cast(bytes, signature),
    )
