"""Fault injection: damaged, foreign, truncated and read-only files, and rows edited by hand.

Whatever was done to the file, verification answers with findings that name the seq (or an
error naming the file when it is not an audit log at all); it never raises a raw error, and
reads never return a row verification would not vouch for.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis.audit import (
    AuditDataError,
    AuditError,
    AuditFileError,
    AuditLog,
    FindingKind,
    VerificationReport,
    verify_database,
    verify_export,
)
from aegis.audit.store_schema import APPLICATION_ID
from aegis.cli import main

PAGE = 4096


def sql(path: Path, statement: str, *parameters: object) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(statement, parameters)


def closed_log(path: Path, entries: int = 10) -> bytes:
    """A log of ``entries`` entries, closed (its WAL folded into the file); its public key."""
    with AuditLog(path) as log:
        for i in range(entries):
            log.log_action_sync(["firewall.verdict", "ethics.score"][i % 2], {"i": i})
        return log.public_key


def finding(report: VerificationReport, kind: FindingKind) -> list[int | None]:
    return [f.seq for f in report.findings if f.kind is kind]


def cli(*arguments: str) -> int:
    return main(["audit", *(str(a) for a in arguments)])


# -- finding 2: rows outside the chain --------------------------------------------------------


def test_unsigned_rows_outside_the_chain_are_findings_and_never_served(
    filled_log: AuditLog, log_path: Path
) -> None:
    held = filled_log.checkpoint()
    for seq, action in ((0, "approve_payment"), (-7, "disable_firewall")):
        sql(
            log_path,
            "INSERT INTO entries VALUES (?, ?, ?, '{}', zeroblob(32), zeroblob(32), zeroblob(64))",
            seq,
            filled_log.query_sync(limit=1)[0].timestamp_ns,
            action,
        )
    for report in (filled_log.verify_sync(), filled_log.verify_sync(checkpoint=held)):
        assert not report.ok
        assert finding(report, FindingKind.OUTSIDE_CHAIN) == [-7, 0]
        assert report.first_bad_seq == -7
    served = {e.action for e in filled_log.query_sync()}
    served |= {e.action for e in filled_log.query_sync(actions=["approve_payment"])}
    assert served == {"firewall.verdict", "ethics.score"}


# -- finding 3: a damaged index ----------------------------------------------------------------


def test_a_stale_index_page_fails_verification_by_the_integrity_check(tmp_path: Path) -> None:
    """An index page overwritten with an older copy of itself: queries by action would miss
    entries, and only SQLite's integrity check (part of verify) can tell."""
    path = tmp_path / "audit.db"
    with AuditLog(path) as log:
        for i in range(46):
            log.log_action_sync("act", {"i": i})
    with contextlib.closing(sqlite3.connect(path)) as connection:
        page = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'entries_by_action'"
        ).fetchone()[0]
    stale = path.read_bytes()[(page - 1) * PAGE : page * PAGE]
    with AuditLog(path) as log:
        for i in range(46, 100):
            log.log_action_sync("act", {"i": i})
        public_key = log.public_key
    with path.open("r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(stale)
    report = verify_database(path, public_key)
    assert not report.ok
    assert FindingKind.DAMAGED_FILE in report.kinds
    assert "integrity check" in report.findings[-1].detail
    assert cli("verify", path, "--public-key", public_key.hex()) == 1


# -- finding 5 and 8: empty, foreign and damaged files ----------------------------------------


def _text_file(path: Path) -> None:
    path.write_text("not a database\n" * 50)


def _sqlite_header_and_garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(3 * PAGE))


def _other_program(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE users (name TEXT)")
        connection.execute("INSERT INTO users VALUES ('alice')")


def _empty_sqlite(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("VACUUM")


def _other_application(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA application_id = 1234")
        connection.execute("CREATE TABLE t (x)")


def _newer_log(path: Path) -> None:
    closed_log(path, 1)
    sql(path, "PRAGMA user_version = 99")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b""), "is an empty file, not an audit log"),
        (_text_file, r"is not an audit log \(not a SQLite database\)"),
        (_sqlite_header_and_garbage, "not an audit log|cannot be read as an audit log"),
        (_other_program, r"is not an audit log: it holds tables \['users'\]"),
        (_empty_sqlite, "is not an audit log: it is an empty SQLite database"),
        (_other_application, "belongs to another application"),
        (_newer_log, "schema version 99, newer than this version"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
    ids=[
        "zero-bytes",
        "text",
        "header-garbage",
        "other-db",
        "empty-db",
        "other-app",
        "newer",
        "dir",
    ],
)
def test_a_file_that_is_not_an_audit_log_is_refused_and_left_as_it_was(
    tmp_path: Path, make: Callable[[Path], None], message: str
) -> None:
    """Findings 5 and 8: a zero-byte file became a new empty log; another program's database
    got our tables; a text file got a key file beside it; all gave raw sqlite3 errors."""
    path = tmp_path / "audit.db"
    make(path)
    before = sorted(p.name for p in tmp_path.iterdir())
    content = path.read_bytes() if path.is_file() else None
    with pytest.raises(AuditFileError, match=message) as refused:
        AuditLog(path)
    assert refused.value.path == str(path)
    assert str(path) in str(refused.value)
    with pytest.raises(AuditFileError, match=message):
        verify_database(path, bytes(32))
    assert cli("verify", path, "--public-key", "00" * 32) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no key file, no WAL
    assert (path.read_bytes() if path.is_file() else None) == content


def test_a_missing_directory_is_an_error_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(AuditError, match="cannot create"):
        AuditLog(tmp_path / "nowhere" / "audit.db", signing_key=bytes(32))


@pytest.mark.parametrize("keep", [0, 60, 100, PAGE, 2 * PAGE + 17, 3 * PAGE])
def test_a_truncated_log_is_reported_not_raised(tmp_path: Path, keep: int) -> None:
    path = tmp_path / "audit.db"
    public_key = closed_log(path, 200)
    with path.open("r+b") as file:
        file.truncate(keep)
    if keep < 100:  # not even the header left: nothing says it was a log
        with pytest.raises(AuditFileError, match=str(path)):
            verify_database(path, public_key)
        return
    report = verify_database(path, public_key)
    assert not report.ok
    assert report.kinds
    assert cli("verify", path, "--public-key", public_key.hex()) == 1


# -- finding 6: one row edited by SQL ---------------------------------------------------------

EDITS = [
    ("details", "CAST(X'7B2261223AFF7D' AS TEXT)", "are not UTF-8"),
    ("details", "X'7B7D'", "values of the wrong type: action text, details blob"),
    ("details", "NULL", None),  # NOT NULL refuses it: the edit itself fails
    ("action", "zeroblob(4)", "action blob"),
    ("action", "CAST(X'FF' AS TEXT)", "action are not UTF-8"),
    ("timestamp_ns", "'2026-01-01'", "timestamp_ns is text, not an int"),
    ("timestamp_ns", "1.5", "timestamp_ns is a float"),
    ("prev_hash", "-1", "prev_hash integer"),
    ("prev_hash", "zeroblob(31)", "prev_hash is 31 bytes, not 32"),
    ("entry_hash", "'x'", "entry_hash text"),
    ("signature", str(2**62), "signature integer"),
    ("signature", "zeroblob(10000000)", "signature is 10000000 bytes, not 64"),
]


@pytest.mark.parametrize(("column", "value", "message"), EDITS)
def test_a_row_edited_by_sql_is_a_finding_with_its_seq(
    filled_log: AuditLog, log_path: Path, column: str, value: str, message: str | None
) -> None:
    """Finding 6: each of these made the whole log unverifiable with no seq named."""
    statement = f"UPDATE entries SET {column} = {value} WHERE seq = 4"  # noqa: S608 - test data
    if message is None:
        with pytest.raises(sqlite3.IntegrityError):
            sql(log_path, statement)
        return
    sql(log_path, statement)
    for report in (filled_log.verify_sync(), verify_database(log_path, filled_log.public_key)):
        assert not report.ok
        assert finding(report, FindingKind.MALFORMED) == [4], report.findings
        assert message in report.findings[0].detail
        assert report.first_bad_seq == 4
    with pytest.raises(AuditDataError, match="entry 4 ") as refused:
        filled_log.query_sync()
    assert refused.value.seq == 4
    others = filled_log.query_sync(actions=["firewall.verdict"])  # seq 4 is an ethics.score
    assert [e.seq for e in others] == [9, 7, 5, 3, 1]


def test_details_edited_to_nest_past_any_parser_are_a_finding_not_a_crash(
    filled_log: AuditLog, log_path: Path, tmp_path: Path
) -> None:
    """Finding 7, read side: deep details in the file made query and export raise
    RecursionError for good, and left the export's temporary file."""
    sql(log_path, "UPDATE entries SET details = ? WHERE seq = 3", "[" * 100_000 + "]" * 100_000)
    report = filled_log.verify_sync()
    assert (report.kinds, report.first_bad_seq) == ((FindingKind.MODIFICATION,), 3)
    with pytest.raises(AuditDataError, match="entry 3 "):
        filled_log.query_sync()
    with pytest.raises(AuditDataError, match="entry 3 is damaged"):
        filled_log.export_sync(tmp_path / "out.jsonl")
    assert sorted(p.name for p in tmp_path.iterdir() if "jsonl" in p.name) == []


def test_duplicates_and_gaps_from_a_rebuilt_table_are_findings(
    filled_log: AuditLog, log_path: Path
) -> None:
    """A table rebuilt without its primary key (and its schema put back by hand) can hold one
    seq twice; verification says which, and does not count the copy."""
    with contextlib.closing(sqlite3.connect(log_path)) as connection, connection:
        connection.execute("DELETE FROM entries WHERE seq = 6")
    report = verify_database(log_path, filled_log.public_key)
    assert (report.kinds, report.first_bad_seq) == ((FindingKind.DELETION,), 6)
    assert report.entries_checked == 9


# -- random damage ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, VerificationReport]:
    """A closed log of 100 entries, its public key and its report, made once per module."""
    path = tmp_path_factory.mktemp("template") / "audit.db"
    public_key = closed_log(path, 100)
    return path, public_key, verify_database(path, public_key)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_random_overwrites_give_findings_or_a_file_error_never_a_crash(
    template: tuple[Path, bytes, VerificationReport], data: st.DataObject
) -> None:
    """Finding 6: four in eight random 64-byte overwrites gave raw errors."""
    template_path, public_key, original = template
    content = bytearray(template_path.read_bytes())
    offset = data.draw(st.integers(0, len(content) - 64), label="offset")
    content[offset : offset + 64] = data.draw(st.binary(min_size=64, max_size=64), label="bytes")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "audit.db"
        path.write_bytes(bytes(content))
        try:
            report = verify_database(path, public_key)
        except AuditFileError as error:
            refused = str(error)
        else:
            refused = ""
        if refused:
            assert str(path) in refused
            assert cli("verify", path, "--public-key", public_key.hex()) == 2
            return
        if report.ok:  # the bytes fell where nothing lives: the log is exactly as it was
            assert (report.entries_checked, report.root) == (100, original.root)
        else:
            assert report.findings
        status = cli("verify", path, "--public-key", public_key.hex())
        assert status == (0 if report.ok else 1)
        _reads_only_what_verifies(path, report)


def _reads_only_what_verifies(path: Path, report: VerificationReport) -> None:
    try:
        with AuditLog(path) as log:
            entries = log.query_sync()
    except AuditError:
        return
    if entries:
        assert report.ok or report.first_bad_seq is None or report.first_bad_seq > 0


# -- read-only media --------------------------------------------------------------------------


@contextlib.contextmanager
def read_only(directory: Path) -> Iterator[None]:
    """``directory`` made read-only: by its mode for an ordinary user, by a read-only bind
    mount for root (whom modes do not stop)."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [directory, *directory.iterdir()]}
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    mounted = subprocess.run(
        ["/usr/bin/mount", "--bind", "-o", "ro", str(directory), str(directory)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot make a read-only mount as root here: {mounted.stderr!r}")
    try:
        yield
    finally:  # a file still open under it makes it busy: detach it then, lazily
        unmounted = subprocess.run(["/usr/bin/umount", str(directory)], check=False)
        if unmounted.returncode != 0:
            subprocess.run(["/usr/bin/umount", "--lazy", str(directory)], check=True)


@pytest.mark.parametrize("crash", ["none", "wal-beside", "wal-without-shm"])
def test_a_log_on_read_only_media_verifies_in_place(tmp_path: Path, crash: str) -> None:
    """Finding 8: a read-only file or directory gave 'attempt to write a readonly database'."""
    archive = tmp_path / "archive"
    archive.mkdir()
    path = archive / "audit.db"
    public_key = closed_log(path, 20)
    if crash != "none":  # a writer killed: its WAL, with committed entries, left beside
        _append_and_kill(path)
    if crash == "wal-without-shm":
        Path(f"{path}-shm").unlink()
    with read_only(archive):
        report = verify_database(path, public_key)
        if crash == "wal-without-shm":  # SQLite can read the file alone, and says so
            assert not report.ok
            assert "could not be read" in report.findings[-1].detail
            assert report.entries_checked == 20
        else:
            expected = 20 if crash == "none" else 25
            assert (report.ok, report.entries_checked) == (True, expected)
            assert cli("verify", path, "--public-key", public_key.hex()) == 0
            assert cli("export", path, tmp_path / "out.jsonl") == 0
        with pytest.raises(AuditFileError, match="is read-only; it can be verified where it is"):
            AuditLog(path)
        assert sorted(p.name for p in archive.iterdir())[0] == "audit.db"


_KILLED_WRITER = """
import os, signal, sys
from aegis.audit import AuditLog
log = AuditLog(sys.argv[1])
for i in range(5):
    log.log_action_sync("late", {"i": i})
os.kill(os.getpid(), signal.SIGKILL)
"""


def _append_and_kill(path: Path) -> None:
    subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(path)], check=False)
    assert Path(f"{path}-wal").stat().st_size > 0


# -- finding 11: a WAL deleted under a live writer --------------------------------------------


def test_a_wal_deleted_under_a_live_writer_is_detected_and_nothing_acknowledged_is_lost(
    log_path: Path,
) -> None:
    log = AuditLog(log_path)
    for i in range(200):
        log.log_action_sync("before", {"i": i})
    Path(f"{log_path}-wal").unlink()
    with pytest.raises(AuditFileError, match=str(log_path)):
        AuditLog(log_path)  # its connection is closed, not left to outlive the writer
    report = log.verify_sync()
    assert not report.ok
    assert "was deleted while the log was open" in report.findings[-1].detail
    assert FindingKind.TRUNCATION in report.kinds
    with pytest.raises(AuditError, match="was deleted while the log was open"):
        log.log_action_sync("after", {})
    log.close()  # the last connection folds the entries it still holds into the file
    final = verify_database(log_path, log.public_key)
    assert (final.ok, final.entries_checked) == (True, 200)


def test_the_header_carries_the_application_id(log_path: Path) -> None:
    closed_log(log_path, 1)
    header = log_path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == 1


# -- damaged exports --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("damage", "kind"),
    [
        (lambda lines: lines.__setitem__(3, b"not json at all\n"), FindingKind.MALFORMED),
        (lambda lines: lines.__setitem__(3, b"[" * 50_000 + b"\n"), FindingKind.MALFORMED),
        (lambda lines: lines.__setitem__(3, b'{"seq": 3}\n'), FindingKind.MALFORMED),
        (lambda lines: lines.__setitem__(3, b"\xff\xfe\n"), FindingKind.MALFORMED),
        (lambda lines: lines.__setitem__(3, lines[3].replace(b'"i": 2', b'"i": 1e999')), None),
        (lambda lines: lines.__delitem__(3), FindingKind.DELETION),
    ],
    ids=["not-json", "deep", "fields-missing", "not-utf8", "infinity", "line-deleted"],
)
def test_a_damaged_export_line_is_a_finding_not_an_error(
    filled_log: AuditLog,
    tmp_path: Path,
    damage: Callable[[list[bytes]], None],
    kind: FindingKind | None,
) -> None:
    export = tmp_path / "log.jsonl"
    filled_log.export_sync(export)
    lines = export.read_bytes().splitlines(keepends=True)
    damage(lines)
    export.write_bytes(b"".join(lines))
    report = verify_export(export, filled_log.public_key)
    assert not report.ok
    if kind is not None:
        assert kind in report.kinds, report.findings
    assert report.first_bad_seq == 3
    assert cli("verify", export, "--public-key", filled_log.public_key.hex()) == 1


def test_a_file_that_is_no_export_is_refused_naming_it(tmp_path: Path) -> None:
    for content in (b"", b"{}\n", b"\xff\n", b"[" * 10_000):
        path = tmp_path / "x.jsonl"
        path.write_bytes(content)
        with pytest.raises(AuditFileError, match="is not an aegis audit export"):
            verify_export(path)


# -- logs made before the header was stamped ---------------------------------------------------


def _legacy(path: Path) -> bytes:
    """A log as earlier versions made it: the same tables, application_id and version 0."""
    public_key = closed_log(path, 5)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA application_id = 0")
        connection.execute("PRAGMA user_version = 0")
    return public_key


def _header(path: Path) -> tuple[int, int]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return (
            connection.execute("PRAGMA application_id").fetchone()[0],
            connection.execute("PRAGMA user_version").fetchone()[0],
        )


def test_a_log_made_before_the_header_was_stamped_is_recognised_and_stamped(
    log_path: Path,
) -> None:
    public_key = _legacy(log_path)
    assert _header(log_path) == (0, 0)
    report = verify_database(log_path, public_key)  # read-only: recognised, not stamped
    assert (report.ok, report.entries_checked) == (True, 5)
    assert _header(log_path) == (0, 0)
    with AuditLog(log_path) as log:  # the first writer stamps it
        log.log_action_sync("after", {})
    assert _header(log_path) == (APPLICATION_ID, 1)
    assert verify_database(log_path, public_key).entries_checked == 6


def test_a_legacy_shaped_database_with_other_columns_is_refused(log_path: Path) -> None:
    with contextlib.closing(sqlite3.connect(log_path)) as connection, connection:
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        connection.execute("CREATE TABLE entries (seq INTEGER PRIMARY KEY, note TEXT)")
    with pytest.raises(AuditFileError, match=r"not an audit log: it holds tables"):
        AuditLog(log_path, signing_key=bytes(32))
    assert _header(log_path) == (0, 0)
