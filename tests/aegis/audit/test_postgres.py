"""The audit log on PostgreSQL: one chain for writers in many processes, that survives
killed writers, terminated sessions and a restarted server without losing or doubling an
acknowledged entry."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from aegis.audit import AuditKeyError, AuditLog, FindingKind, verify_database, verify_export
from aegis.cli import main
from tests.postgres_server import PostgresServer

SEED = bytes(range(32))
pytestmark = pytest.mark.usefixtures("postgres_server")


def psql(dsn: str, statement: str, *parameters: object) -> list[tuple[object, ...]]:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as connection:
        cursor = connection.execute(statement, parameters or None)  # type: ignore[arg-type]
        return cursor.fetchall() if cursor.description else []


@pytest.fixture
def pg_log(postgres_dsn: str) -> Iterator[AuditLog]:
    with AuditLog(postgres_dsn, signing_key=SEED) as log:
        yield log


def acknowledged_entries_are_all_there(dsn: str, acked: dict[int, str]) -> None:
    stored = dict(psql(dsn, "SELECT seq, encode(entry_hash, 'hex') FROM aegis_audit.entries"))
    missing = {seq: digest for seq, digest in acked.items() if stored.get(seq) != digest}
    assert not missing, f"{len(missing)} acknowledged entries are missing or changed"
    (count, top), *_ = psql(dsn, "SELECT count(*), coalesce(max(seq), 0) FROM aegis_audit.entries")
    assert count == top, f"{count} rows but seq reaches {top}: a gap or a partial batch"


def test_a_log_on_postgresql_chains_signs_and_verifies_like_one_in_sqlite(
    pg_log: AuditLog, tmp_path: Path
) -> None:
    for i in range(20):
        pg_log.log_action_sync(["a", "b"][i % 2], {"i": i, "text": "é"})
    assert pg_log.size == 20
    report = pg_log.verify_sync()
    assert (report.ok, report.entries_checked) == (True, 20)
    assert [e.seq for e in pg_log.query_sync(actions=["a"], limit=3)] == [19, 17, 15]
    held = pg_log.checkpoint()
    assert pg_log.inclusion_proof(7)
    assert pg_log.consistency_proof(5)
    exported = tmp_path / "pg.jsonl"
    assert pg_log.export_sync(exported).root == held.root
    assert verify_export(exported).ok
    with AuditLog(tmp_path / "lite.db", signing_key=SEED) as lite:
        for i in range(20):
            lite.log_action_sync(["a", "b"][i % 2], {"i": i, "text": "é"})
        lite.export_sync(tmp_path / "lite.jsonl")
    assert verify_export(tmp_path / "lite.jsonl").entries_checked == 20


def test_a_writer_with_another_key_is_refused(pg_log: AuditLog, postgres_dsn: str) -> None:
    pg_log.log_action_sync("a", {})
    with pytest.raises(AuditKeyError, match="does not match"):
        AuditLog(postgres_dsn, signing_key=bytes(32))


def test_a_log_on_postgresql_needs_a_key_from_somewhere(
    postgres_dsn: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("AEGIS_AUDIT_KEY_FILE", raising=False)
    monkeypatch.delenv("AEGIS_AUDIT_KEY", raising=False)
    with pytest.raises(ValueError, match="AEGIS_AUDIT_KEY_FILE"):
        AuditLog(postgres_dsn)
    key_file = tmp_path / "fleet.key"
    key_file.write_text(SEED.hex())
    key_file.chmod(0o600)
    monkeypatch.setenv("AEGIS_AUDIT_KEY_FILE", str(key_file))
    with AuditLog(postgres_dsn) as log:
        assert log.log_action_sync("a", {}).seq == 1


def test_tampering_is_found_on_postgresql(pg_log: AuditLog, postgres_dsn: str) -> None:
    for i in range(10):
        pg_log.log_action_sync("a", {"i": i})
    held = pg_log.checkpoint()
    psql(postgres_dsn, "UPDATE aegis_audit.entries SET details = '{\"i\":99}' WHERE seq = 4")
    report = pg_log.verify_sync()
    assert (report.ok, report.first_bad_seq) == (False, 4)
    assert FindingKind.MODIFICATION in {f.kind for f in report.findings}
    psql(postgres_dsn, "UPDATE aegis_audit.entries SET details = '{\"i\":3}' WHERE seq = 4")
    assert pg_log.verify_sync(held).ok
    psql(postgres_dsn, "DELETE FROM aegis_audit.entries WHERE seq > 8")
    truncated = verify_database(postgres_dsn, pg_log.public_key, held)
    assert not truncated.ok
    assert FindingKind.TRUNCATION in {f.kind for f in truncated.findings}


def test_eight_processes_of_64_tasks_append_one_chain(postgres_dsn: str) -> None:
    script = """
import asyncio, sys
from aegis.audit import AuditLog
async def main():
    with AuditLog(sys.argv[1], signing_key=bytes(range(32))) as log:
        async def caller(n):
            for i in range(8):
                await log.log_action("agent.act", {"caller": n, "i": i})
        await asyncio.gather(*(caller(n) for n in range(64)))
asyncio.run(main())
"""
    AuditLog(postgres_dsn, signing_key=SEED).close()  # create the schema once, up front
    writers = [subprocess.Popen([sys.executable, "-c", script, postgres_dsn]) for _ in range(8)]
    assert [writer.wait(timeout=300) for writer in writers] == [0] * 8
    report = verify_database(postgres_dsn, bytes(SigningKey(SEED).verify_key))
    assert (report.ok, report.entries_checked) == (True, 8 * 64 * 8)


_ACKING_WRITER = """
import asyncio, sys
from aegis.audit import AuditLog
async def main():
    with AuditLog(sys.argv[1], signing_key=bytes(range(32))) as log:
        async def caller(n):
            while True:
                entry = await log.log_action("agent.act", {"caller": n})
                print(entry.seq, entry.entry_hash.hex(), flush=True)
        await asyncio.gather(*(caller(n) for n in range(32)))
asyncio.run(main())
"""


def read_acks(process: subprocess.Popen[str], into: dict[int, str]) -> None:
    """Each complete line is an acknowledged entry; a line the kill cut short is not one."""
    assert process.stdout is not None
    for line in process.stdout:
        fields = line.split()
        if line.endswith("\n") and len(fields) == 2:
            into[int(fields[0])] = fields[1]


def test_a_writer_killed_mid_batch_loses_no_acknowledged_entry(postgres_dsn: str) -> None:
    AuditLog(postgres_dsn, signing_key=SEED).close()
    acked: dict[int, str] = {}
    with subprocess.Popen(
        [sys.executable, "-c", _ACKING_WRITER, postgres_dsn], stdout=subprocess.PIPE, text=True
    ) as writer:
        reader = threading.Thread(target=read_acks, args=(writer, acked))
        reader.start()
        deadline = time.monotonic() + 60
        while len(acked) < 500 and time.monotonic() < deadline:
            time.sleep(0.01)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        reader.join()
    assert len(acked) >= 500, "the writer acknowledged too few entries before it was killed"
    acknowledged_entries_are_all_there(postgres_dsn, acked)
    with AuditLog(postgres_dsn, signing_key=SEED) as log:  # the next writer carries on
        log.log_action_sync("after", {})
        assert log.verify_sync().ok


def appending_threads(
    log: AuditLog, acked: dict[int, str], errors: list[BaseException], stop: threading.Event
) -> list[threading.Thread]:
    def append() -> None:
        while not stop.is_set():
            try:
                entry = log.log_action_sync("agent.act", {"t": threading.get_ident()})
            except Exception as error:  # a clear error is an allowed outcome
                errors.append(error)
            else:
                acked[entry.seq] = entry.entry_hash.hex()

    threads = [threading.Thread(target=append) for _ in range(8)]
    for thread in threads:
        thread.start()
    return threads


@pytest.mark.parametrize("fault", ["restart", "terminate"])
def test_writers_survive_a_restarted_server_or_terminated_sessions(
    fault: str, postgres_server: PostgresServer, postgres_dsn: str
) -> None:
    acked: dict[int, str] = {}
    errors: list[BaseException] = []
    stop = threading.Event()
    with AuditLog(postgres_dsn, signing_key=SEED) as log:
        threads = appending_threads(log, acked, errors, stop)
        time.sleep(0.5)
        if fault == "restart":
            postgres_server.restart("fast")
        else:
            psql(
                postgres_server.dsn(),
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'aegis-audit'",
            )
        before = len(acked)
        time.sleep(1.0)
        stop.set()
        for thread in threads:
            thread.join()
        assert len(acked) > before, "the writers did not recover"
        assert all(type(e).__name__ == "AuditStoreUnavailableError" for e in errors), errors
        report = log.verify_sync()
    assert report.ok, report.findings
    acknowledged_entries_are_all_there(postgres_dsn, acked)


def test_the_command_line_verifies_a_postgresql_log(
    pg_log: AuditLog, postgres_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    asyncio.run(pg_log.log_action("a", {"k": [1, 2]}))
    status = main(["audit", "verify", postgres_dsn, "--public-key", pg_log.public_key.hex()])
    assert (status, capsys.readouterr().out.split(":")[0]) == (0, "ok")
    held = json.loads(main_checkpoint(postgres_dsn, capsys))
    assert held["size"] == 1


def main_checkpoint(dsn: str, capsys: pytest.CaptureFixture[str]) -> str:
    os.environ["AEGIS_AUDIT_KEY"] = SEED.hex()
    try:
        assert main(["audit", "checkpoint", dsn]) == 0
    finally:
        del os.environ["AEGIS_AUDIT_KEY"]
    return capsys.readouterr().out


def test_a_log_on_postgresql_without_its_public_key_verifies_only_against_one_passed(
    pg_log: AuditLog, postgres_dsn: str
) -> None:
    pg_log.log_action_sync("a", {"i": 1})
    psql(postgres_dsn, "DELETE FROM aegis_audit.meta WHERE key = 'public_key'")
    with pytest.raises(AuditKeyError, match="holds no public key; pass the one to trust"):
        verify_database(postgres_dsn)
    report = verify_database(postgres_dsn, pg_log.public_key)
    assert (report.ok, report.entries_checked) == (True, 1)
