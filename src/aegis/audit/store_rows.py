"""Reading and writing entry rows, trusting nothing the file says about them.

A row is only turned into an entry once each value has the type, size and encoding the log
writes; anything else becomes an :class:`Anomaly` naming its seq, for verification to report
and for the other readers to refuse. Text is fetched as bytes (connections use
``text_factory = bytes``) and decoded here, so text that is not UTF-8 is one row's finding
rather than an error that stops the whole read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, cast

from aegis.audit.limits import MAX_ACTION_BYTES, MAX_DETAILS_BYTES
from aegis.audit.model import FindingKind
from aegis.audit.verify_chain import Anomaly, Row

__all__ = [
    "ROW_COLUMNS",
    "Anomaly",
    "check_row",
    "claim_public_key",
    "data_version",
    "entry_hashes",
    "insert_rows",
    "iter_checked_rows",
    "iter_rows",
    "read_public_key",
    "tail",
    "tail_row",
]

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
CHECKED_COLUMNS = f"{ROW_COLUMNS}, {_STORAGE}"
_FETCH = 2048
#: Rows per INSERT statement: 100 x 7 parameters stays under SQLite's oldest limit of 999.
_ROWS_PER_INSERT = 100
_ROW_PLACEHOLDER = "(?, ?, ?, ?, ?, ?, ?)"


def _describe(value: object) -> str:
    if isinstance(value, bytes):
        return f"{len(value)} bytes"
    if isinstance(value, str):
        return "text"
    return f"a {type(value).__name__}"


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
            seq, FindingKind.MALFORMED, f"timestamp_ns is {_describe(timestamp)}, not an int"
        )
    blobs = (("prev_hash", prev, 32), ("entry_hash", digest, 32), ("signature", signature, 64))
    own_hash = digest if isinstance(digest, bytes) and len(digest) == 32 else None
    for column, value, size in blobs:
        if not isinstance(value, bytes) or len(value) != size:
            return Anomaly(
                seq,
                FindingKind.MALFORMED,
                f"{column} is {_describe(value)}, not {size} bytes",
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


def _select(columns: str, after: int | None, up_to: int | None) -> tuple[str, list[int]]:
    sql = f"SELECT {columns} FROM entries"  # noqa: S608 - fixed columns
    clauses, parameters = [], []
    if after is not None:
        clauses.append("seq > ?")
        parameters.append(after)
    if up_to is not None:
        clauses.append("seq <= ?")
        parameters.append(up_to)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return sql + " ORDER BY seq", parameters


_PYTHON_TO_SQL = {str: "text", bytes: "blob", int: "integer", float: "real", type(None): "null"}


def _quick_check(raw: tuple[Any, ...]) -> Row | Anomaly:
    """A row read with ``str`` text, where Python's types are SQLite's storage classes."""
    seq, timestamp, action, details, prev, digest, signature = raw
    if (
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
        and len(details) <= MAX_DETAILS_BYTES
    ):
        return Row._make(raw)
    own_hash = digest if type(digest) is bytes and len(digest) == 32 else None
    return Anomaly(seq, FindingKind.MALFORMED, _what_is_wrong(raw), own_hash)


def _what_is_wrong(raw: tuple[Any, ...]) -> str:
    _seq, timestamp, action, details, prev, digest, signature = raw
    if type(timestamp) is not int:
        return f"timestamp_ns is {_describe(timestamp)}, not an int"
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


def iter_checked_rows(
    connection: sqlite3.Connection, *, after: int | None = None, up_to: int | None = None
) -> Iterator[Row | Anomaly]:
    """Every row in ``seq`` order (all of them, seq 0 and below too, unless ``after``),
    fetched in chunks; a read the file breaks off ends with an Anomaly, never an error.

    Rows are read with ``str`` text, which lets Python's types tell SQLite's storage classes
    apart at no cost; text that is not UTF-8 stops such a fetch, and the rest is then read
    as bytes and checked by :func:`check_row`, which names the row.
    """
    last: int | None = after
    try:
        connection.text_factory = str
        sql, parameters = _select(ROW_COLUMNS, after, up_to)
        cursor = connection.execute(sql, parameters)
        while chunk := cursor.fetchmany(_FETCH):
            for raw in chunk:
                last = raw[0]
                yield _quick_check(raw)
        return
    except sqlite3.OperationalError as error:
        if "decode" not in str(error):
            yield _broke_off(last, error)
            return
    except sqlite3.DatabaseError as error:
        yield _broke_off(last, error)
        return
    try:
        connection.text_factory = bytes
        sql, parameters = _select(CHECKED_COLUMNS, last, up_to)
        cursor = connection.execute(sql, parameters)
        while chunk := cursor.fetchmany(_FETCH):
            for raw in chunk:
                last = raw[0]
                yield check_row(raw)
    except sqlite3.DatabaseError as error:
        yield _broke_off(last, error)


def _broke_off(last: int | None, error: sqlite3.Error) -> Anomaly:
    where = f"after seq {last}" if last is not None else "before the first entry"
    return Anomaly(
        None if last is None else last + 1,
        FindingKind.DAMAGED_FILE,
        f"reading the entries broke off {where}: {error}",
    )


def iter_rows(
    connection: sqlite3.Connection, *, after: int = 0, up_to: int | None = None
) -> Iterator[Row]:
    """Well-formed entries in ``seq`` order; AnomalyError-free callers use this for export,
    which stops at the first damaged row (see :func:`iter_checked_rows` for the findings)."""
    for row in iter_checked_rows(connection, after=after, up_to=up_to):
        if isinstance(row, Anomaly):
            raise DamagedRow(row)
        yield row


class DamagedRow(Exception):  # noqa: N818 - carried to the caller, who words the error
    def __init__(self, anomaly: Anomaly) -> None:
        super().__init__(anomaly.detail)
        self.anomaly = anomaly


def insert_rows(connection: sqlite3.Connection, rows: Sequence[Sequence[object]]) -> None:
    """Insert entry rows with one statement per hundred rows.

    One multi-row statement crosses into SQLite once, where ``executemany`` steps (and lets
    other threads take the interpreter lock) once per row; under many writer threads that
    hand-off, not the insert, was the cost.
    """
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start : start + _ROWS_PER_INSERT]
        placeholders = ", ".join([_ROW_PLACEHOLDER] * len(chunk))
        connection.execute(
            f"INSERT INTO entries VALUES {placeholders}",  # noqa: S608 - placeholders only
            [value for row in chunk for value in row],
        )


def read_public_key(connection: sqlite3.Connection) -> bytes | None:
    """The public key stored with the log; ValueError if what is stored is not one."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()
    if row is None:
        return None
    if not isinstance(row[0], bytes) or len(row[0]) != 32:
        raise ValueError(f"the public key stored with the log is {_describe(row[0])}, not 32")
    return row[0]


def data_version(connection: sqlite3.Connection) -> int:
    """A number that changes when another connection commits (SQLite's ``data_version``)."""
    version: int = connection.execute("PRAGMA data_version").fetchone()[0]
    return version


def claim_public_key(connection: sqlite3.Connection, public_key: bytes) -> bytes | None:
    """Store ``public_key`` as the log's unless it holds one; the one it holds after."""
    connection.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('public_key', ?)", (public_key,)
    )
    return read_public_key(connection)


def tail_row(connection: sqlite3.Connection) -> Row | Anomaly | None:
    """The newest row, checked; None for an empty log."""
    raw = connection.execute(
        f"SELECT {CHECKED_COLUMNS} FROM entries ORDER BY seq DESC LIMIT 1"  # noqa: S608
    ).fetchone()
    return None if raw is None else check_row(raw)


def tail(connection: sqlite3.Connection) -> int:
    """The highest seq in the table (0 if none): an upper bound, not a vouched-for size."""
    row = connection.execute("SELECT max(seq) FROM entries").fetchone()
    return int(row[0] or 0)


def entry_hashes(connection: sqlite3.Connection, after: int, count: int) -> list[bytes]:
    """The entry hashes of seqs ``after + 1`` to ``after + count``, stopping short at the
    first one missing or malformed."""
    hashes: list[bytes] = []
    for seq, digest in iter_entry_hashes(connection, after, after + count):
        if seq != after + len(hashes) + 1 or digest is None:
            break
        hashes.append(digest)
    return hashes


def iter_entry_hashes(
    connection: sqlite3.Connection, after: int, up_to: int | None = None
) -> Iterator[tuple[int, bytes | None]]:
    """``(seq, entry hash)`` after ``after`` in order; the hash None where it is malformed."""
    sql = (
        "SELECT seq, CASE WHEN typeof(entry_hash) = 'blob' AND length(entry_hash) = 32 "
        "THEN entry_hash END FROM entries WHERE seq > ?"
    )
    parameters: tuple[int, ...] = (after,)
    if up_to is not None:
        sql += " AND seq <= ?"
        parameters = (after, up_to)
    cursor = connection.execute(sql + " ORDER BY seq", parameters)
    while chunk := cursor.fetchmany(_FETCH):
        yield from chunk
