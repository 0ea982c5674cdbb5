"""Specification of the audit log: entries, keys, tamper findings, queries, export, CLI."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from nacl.signing import SigningKey, VerifyKey

from aegis.audit import (
    AuditKeyError,
    AuditLog,
    Checkpoint,
    FindingKind,
    verify_consistency,
    verify_database,
    verify_export,
    verify_inclusion,
    verify_signatures,
)
from aegis.audit.backend import is_postgres_dsn
from aegis.audit.encoding import GENESIS, entry_hash
from aegis.cli import main

SEED = bytes(range(32))


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, log_path: Path) -> str:
    """Where a log of these tests lives: each test runs once with each store."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_dsn"))
    return str(log_path)


@pytest.fixture
def filled_log(location: str) -> Iterator[AuditLog]:
    """A log of ten entries, seq 1..10, of a few actions, in either store."""
    with AuditLog(location, signing_key=SEED) as log:
        for i in range(10):
            log.log_action_sync(["firewall.verdict", "ethics.score"][i % 2], {"i": i, "note": "x"})
        yield log


def sql(location: str | Path, statement: str, *parameters: object) -> list[tuple[Any, ...]]:
    """Run one statement on the log's tables directly, as someone with write access would
    (in PostgreSQL, in the log's schema)."""
    if not is_postgres_dsn(location):
        with sqlite3.connect(location) as connection:
            return connection.execute(statement, parameters).fetchall()
    import psycopg

    with psycopg.connect(str(location), autocommit=True) as connection:
        connection.execute("SET search_path TO aegis_audit")
        postgres = statement.replace("?", "%s").replace(
            "zeroblob(64)", "decode(repeat('00', 64), 'hex')"
        )
        cursor = connection.execute(postgres, parameters or None)  # type: ignore[arg-type]
        return (
            [
                tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                for row in cursor.fetchall()
            ]
            if cursor.description
            else []
        )


@pytest.mark.asyncio
async def test_entries_chain_from_genesis_with_signed_canonical_hashes(location: str) -> None:
    async with AuditLog(location, signing_key=SEED) as log:
        first = await log.log_action("agent.start", {"b": 2, "a": [1, "é"]})
        second = await log.log_action("agent.stop", {})
        assert (first.seq, second.seq) == (1, 2)
        assert first.prev_hash == GENESIS
        assert second.prev_hash == first.entry_hash
        assert first.entry_hash == entry_hash(
            1, first.timestamp_ns, "agent.start", '{"a":[1,"é"],"b":2}', GENESIS
        )
        VerifyKey(log.public_key).verify(first.entry_hash, first.signature)
        assert second.timestamp >= first.timestamp > 1.7e9
        report = await log.verify()
        assert (report.ok, report.entries_checked, report.findings) == (True, 2, ())


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"when": object()}, r"details\['when'\] is a object"),
        ({"nested": {"bad": {1, 2}}}, r"details\['nested'\]\['bad'\] is a set"),
        ({"x": float("nan")}, r"details\['x'\] is nan"),
        ({1: "int key"}, r"details has a key 1"),
        (["not", "a", "mapping"], "details must be a mapping"),
    ],
)
def test_details_that_json_cannot_carry_are_refused_by_key(details: object, message: str) -> None:
    with AuditLog() as log:
        with pytest.raises(TypeError, match=message):
            log.log_action_sync("act", details)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="action must not be empty"):
            log.log_action_sync(" ", {})
        assert log.size == 0


def test_the_key_persists_with_owner_only_permissions(log_path: Path) -> None:
    with AuditLog(log_path) as log:
        log.log_action_sync("a", {})
        public = log.public_key
    key_file = log_path.with_name("audit.db.key")
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with AuditLog(log_path) as reopened:
        assert reopened.public_key == public
        reopened.log_action_sync("b", {})
        assert reopened.verify_sync().ok


def test_a_key_that_is_not_the_logs_is_refused(log_path: Path) -> None:
    seed = bytes(range(32))
    with AuditLog(log_path, signing_key=seed) as log:
        log.log_action_sync("a", {})
    with pytest.raises(AuditKeyError, match="does not match the public key"):
        AuditLog(log_path, signing_key=bytes(32))
    with pytest.raises(ValueError, match="signing_key must be 32 bytes, got 3 bytes"):
        AuditLog(log_path, signing_key=b"abc")
    with pytest.raises(ValueError, match="durability must be 'normal' or 'full'"):
        AuditLog(log_path, signing_key=seed, durability="paranoid")


# -- tampering --------------------------------------------------------------------------------


@pytest.fixture(params=["inline", "worker-threads"])
def signature_checks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Verify ten entries as a large log is verified: batches of two on worker threads, more
    batches than may be in flight at once."""
    if request.param == "worker-threads":
        monkeypatch.setattr(verify_signatures, "BATCH", 2)
        monkeypatch.setattr(verify_signatures, "PARALLEL_FROM", 4)
        monkeypatch.setattr(verify_signatures, "IN_FLIGHT_PER_WORKER", 1)
    return str(request.param)


def resign(location: str, seq: int, key: SigningKey, details: str) -> None:
    """Rewrite an entry consistently and sign it with ``key``: what a forger would do."""
    ((ts, action, prev),) = sql(
        location, "SELECT timestamp_ns, action, prev_hash FROM entries WHERE seq = ?", seq
    )
    digest = entry_hash(seq, ts, action, details, prev)
    sql(
        location,
        "UPDATE entries SET details = ?, entry_hash = ?, signature = ? WHERE seq = ?",
        details,
        digest,
        key.sign(digest).signature,
        seq,
    )


def swap(location: str, a: int, b: int) -> None:
    select = (
        "SELECT timestamp_ns, action, details, prev_hash, entry_hash, signature "
        "FROM entries WHERE seq = ?"
    )
    (row_a,), (row_b,) = sql(location, select, a), sql(location, select, b)
    update = (
        "UPDATE entries SET timestamp_ns=?, action=?, details=?, prev_hash=?, "
        "entry_hash=?, signature=? WHERE seq=?"
    )
    sql(location, update, *row_b, a)
    sql(location, update, *row_a, b)


def renumber_after(location: str, seq: int) -> None:
    """Close the gap a deleted entry left, one row at a time (a key stays unique)."""
    for (later,) in sql(location, "SELECT seq FROM entries WHERE seq > ? ORDER BY seq", seq):
        sql(location, "UPDATE entries SET seq = ? WHERE seq = ?", later - 1, later)


@pytest.mark.parametrize(
    ("tamper", "kind", "first_bad"),
    [
        (
            lambda p: sql(p, "UPDATE entries SET details = '{\"i\":99}' WHERE seq = 4"),
            FindingKind.MODIFICATION,
            4,
        ),
        (
            lambda p: sql(p, "UPDATE entries SET action = 'nothing' WHERE seq = 7"),
            FindingKind.MODIFICATION,
            7,
        ),
        (lambda p: sql(p, "DELETE FROM entries WHERE seq = 5"), FindingKind.DELETION, 5),
        (
            lambda p: (
                sql(p, "DELETE FROM entries WHERE seq = 3"),
                renumber_after(p, 3),
            ),
            FindingKind.DELETION,
            3,
        ),
        (lambda p: swap(p, 6, 7), FindingKind.REORDERING, 6),
        (
            lambda p: resign(p, 8, SigningKey.generate(), '{"i":8,"note":"forged"}'),
            FindingKind.BAD_SIGNATURE,
            8,
        ),
        (
            lambda p: sql(p, "UPDATE entries SET signature = zeroblob(64) WHERE seq = 2"),
            FindingKind.BAD_SIGNATURE,
            2,
        ),
    ],
    ids=[
        "modify-details",
        "modify-action",
        "delete",
        "delete-and-renumber",
        "swap",
        "resign-other-key",
        "zero-signature",
    ],
)
def test_each_tampering_is_found_with_its_kind_and_seq(
    filled_log: AuditLog,
    location: str,
    tamper: object,
    kind: FindingKind,
    first_bad: int,
    signature_checks: str,
) -> None:
    tamper(location)  # type: ignore[operator]
    for report in (filled_log.verify_sync(), verify_database(location, filled_log.public_key)):
        assert not report.ok
        assert report.kinds[0] is kind, report.findings
        assert report.first_bad_seq == first_bad


def test_deleting_the_newest_entries_is_found_against_a_held_checkpoint(
    filled_log: AuditLog, location: str
) -> None:
    held = filled_log.checkpoint()
    sql(location, "DELETE FROM entries WHERE seq > 8")
    if not is_postgres_dsn(location):
        live = filled_log.verify_sync()  # the log that wrote them remembers how far it went
        assert (live.kinds, live.first_bad_seq) == ((FindingKind.TRUNCATION,), 9)
    filled_log.close()
    with AuditLog(location, signing_key=SEED) as reopened:
        assert reopened.verify_sync().ok  # the chain alone cannot tell
        report = reopened.verify_sync(checkpoint=held)
    assert (report.kinds, report.first_bad_seq) == ((FindingKind.TRUNCATION,), 9)


def test_a_rewritten_history_does_not_extend_the_checkpoint(
    filled_log: AuditLog, location: str
) -> None:
    held = filled_log.checkpoint()
    forger = SigningKey.generate()
    for seq in range(1, 11):  # a forger with write access rewrites and re-signs everything
        resign(location, seq, forger, '{"rewritten":true}')
    report = verify_database(location, filled_log.public_key, held)
    assert FindingKind.WRONG_KEY in report.kinds or FindingKind.MODIFICATION in report.kinds
    assert not report.ok


def test_a_log_whose_key_was_replaced_is_found_by_the_trusted_key(
    filled_log: AuditLog, location: str
) -> None:
    other = bytes(SigningKey.generate().verify_key)
    report = verify_database(location, public_key=other)
    assert report.kinds[0] is FindingKind.WRONG_KEY
    assert verify_database(location).ok  # against its own stored key it is consistent


# -- checkpoints and proofs -------------------------------------------------------------------


def test_proofs_verify_against_checkpoints(filled_log: AuditLog) -> None:
    old = filled_log.checkpoint()
    for i in range(5):
        filled_log.log_action_sync("more", {"i": i})
    new = filled_log.checkpoint()
    assert old.valid()
    assert new.valid()
    assert (old.size, new.size) == (10, 15)
    proof = filled_log.consistency_proof(old.size)
    assert verify_consistency(old.size, new.size, old.root, new.root, proof)
    entry = filled_log.query_sync(actions=["more"], limit=1)[0]
    inclusion = filled_log.inclusion_proof(entry.seq)
    assert verify_inclusion(entry.entry_hash, entry.seq - 1, new.size, inclusion, new.root)
    assert Checkpoint.from_json(new.to_json()) == new
    forged = Checkpoint(new.size, new.root, new.public_key, bytes(64))
    assert not forged.valid()


def test_proofs_about_old_entries_read_their_block_back_from_the_file(location: str) -> None:
    """Only the upper levels of the tree stay in memory; a proof about an entry of an older
    block of 64 rebuilds that block from the entry hashes on disk, also for entries that
    another writer appended."""
    with (
        AuditLog(location, signing_key=SEED) as log,
        AuditLog(location, signing_key=SEED) as other,
    ):
        for i in range(150):
            (log if i % 3 else other).log_action_sync("old", {"i": i})
        old = log.checkpoint()
        for i in range(100):
            other.log_action_sync("new", {"i": i})
        new = log.checkpoint()
        assert (old.size, new.size) == (150, 250)
        assert other.merkle_root() == new.root
        hashes = {e.seq: e.entry_hash for e in log.query_sync(limit=None)}
        for seq in (1, 64, 65, 100, 150, 151, 250):
            for checkpoint in (old, new) if seq <= old.size else (new,):
                proof = log.inclusion_proof(seq, checkpoint.size)
                assert verify_inclusion(
                    hashes[seq], seq - 1, checkpoint.size, proof, checkpoint.root
                )
        proof = log.consistency_proof(old.size)
        assert verify_consistency(old.size, new.size, old.root, new.root, proof)
        assert log.merkle_root(old.size) == old.root
    sql(location, "DELETE FROM entries WHERE seq = 70")
    with (
        AuditLog(location, signing_key=SEED) as fresh,
        pytest.raises(LookupError, match="entry 70 is missing"),
    ):
        fresh.inclusion_proof(66)  # its block, seqs 65-128, is one entry short


# -- concurrency and crashes ------------------------------------------------------------------


def test_threads_append_one_linear_chain(location: str) -> None:
    with AuditLog(location, signing_key=SEED) as log:

        def append(n: int) -> None:
            for i in range(300):
                log.log_action_sync("thread", {"n": n, "i": i})

        threads = [threading.Thread(target=append, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report = log.verify_sync()
        assert (report.ok, report.entries_checked) == (True, 2400)
        seen = {(e.details["n"], e.details["i"]) for e in log.query_sync()}
        assert len(seen) == 2400


@pytest.mark.asyncio
async def test_many_tasks_share_commits_and_each_gets_its_own_entry(location: str) -> None:
    async with AuditLog(location, signing_key=SEED) as log:

        async def append(n: int) -> list[int]:
            return [(await log.log_action("task", {"n": n, "i": i})).seq for i in range(50)]

        seqs = [s for chunk in await asyncio.gather(*(append(n) for n in range(64))) for s in chunk]
        assert sorted(seqs) == list(range(1, 3201))
        assert (await log.verify()).ok


WRITER = """
import sys
from aegis.audit import AuditLog
with AuditLog(sys.argv[1]) as log:
    for i in range(int(sys.argv[2])):
        entry = log.log_action_sync("process", {"pid": sys.argv[3], "i": i})
        print(entry.seq, flush=True)
"""


def test_processes_sharing_a_file_append_one_linear_chain(log_path: Path) -> None:
    import subprocess
    import sys

    with AuditLog(log_path) as log:
        log.log_action_sync("setup", {})  # creates the key file both processes will use
        children = [
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(log_path), "300", str(n)],
                stdout=subprocess.PIPE,
                text=True,
            )
            for n in range(3)
        ]
        outputs = [child.communicate(timeout=120)[0] for child in children]
        assert all(child.returncode == 0 for child in children)
        seqs = sorted(int(s) for out in outputs for s in out.split())
        assert len(seqs) == len(set(seqs)) == 900
        report = log.verify_sync()
        assert (report.ok, report.entries_checked) == (True, 901)
        assert log.size == 901  # the tree caught up with the other processes' entries


def test_a_writer_killed_mid_stream_loses_nothing_it_returned(log_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    with AuditLog(log_path) as log:
        log.log_action_sync("setup", {})
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(log_path), "1000000", "x"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    returned = []
    deadline = time.monotonic() + 60
    while len(returned) < 500 and time.monotonic() < deadline:
        returned.append(int(child.stdout.readline()))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    report = verify_database(log_path)
    assert report.ok, report.findings
    assert report.entries_checked >= max(returned)
    with sqlite3.connect(log_path) as connection:
        stored = {row[0] for row in connection.execute("SELECT seq FROM entries")}
    assert set(returned) <= stored


# -- queries, export, command line ------------------------------------------------------------


def test_queries_filter_newest_first_through_indexes(filled_log: AuditLog, location: str) -> None:
    entries = filled_log.query_sync()
    assert [e.seq for e in entries] == list(range(10, 0, -1))
    ethics = filled_log.query_sync(actions=["ethics.score"], limit=2)
    assert [e.seq for e in ethics] == [10, 8]
    assert ethics[0].details == {"i": 9, "note": "x"}
    assert filled_log.query_sync(start=entries[0].timestamp + 1) == []
    with pytest.raises(ValueError, match="limit must be an int >= 0"):
        filled_log.query_sync(limit=-1)
    if is_postgres_dsn(location):
        return
    with sqlite3.connect(location) as connection:
        for args in [(1.0, None, None, 5), (None, None, ["a", "b"], None), (1.0, 2.0, ["a"], 10)]:
            statement, parameters = AuditLog.query_sql(*args)
            plan = " ".join(
                row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            )
            assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan


def test_an_export_verifies_with_nothing_but_the_public_key(
    filled_log: AuditLog, tmp_path: Path
) -> None:
    export = tmp_path / "log.jsonl"
    held = filled_log.export_sync(export)
    assert held.size == 10
    assert verify_export(export, filled_log.public_key).ok
    lines = export.read_text().splitlines()
    lines[3] = lines[3].replace('"note": "x"', '"note": "y"')
    export.write_text("\n".join(lines) + "\n")
    report = verify_export(export, filled_log.public_key)
    assert (report.kinds[0], report.first_bad_seq) == (FindingKind.MODIFICATION, 3)


def test_the_command_line_verifies_exports_and_checkpoints(
    filled_log: AuditLog, location: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = filled_log.public_key.hex()
    key_file = tmp_path / "signing.key"
    key_file.write_text(SEED.hex())
    key_file.chmod(0o600)
    assert main(["audit", "verify", location, "--public-key", key]) == 0
    assert "ok: 10 entries verified" in capsys.readouterr().out
    assert (
        main(["audit", "export", location, str(tmp_path / "out.jsonl"), "--key", str(key_file)])
        == 0
    )
    assert main(["audit", "verify", str(tmp_path / "out.jsonl"), "--public-key", key]) == 0
    assert main(["audit", "checkpoint", location, "--key", str(key_file)]) == 0
    checkpoint = tmp_path / "held.json"
    checkpoint.write_text(capsys.readouterr().out.splitlines()[-1])
    sql(location, "DELETE FROM entries WHERE seq = 10")
    assert main(["audit", "verify", location, "--checkpoint", str(checkpoint)]) == 1
    assert "truncation at seq 10" in capsys.readouterr().out
    assert main(["audit", "verify", str(tmp_path / "missing.db")]) == 2
    assert "aegis: error:" in capsys.readouterr().err
