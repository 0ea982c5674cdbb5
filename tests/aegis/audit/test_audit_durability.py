"""What each durability setting survives: a process killed mid-append, measured here.

Power loss cannot be staged on a test machine; what each setting promises there is SQLite's
(README, "Durability"): ``full`` syncs the WAL on every commit, ``normal`` only at
checkpoints, so the newest commits may be rolled back, never corrupted.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aegis.audit import AuditLog, verify_database

WRITER = """
import sys
from aegis.audit import AuditLog
with AuditLog(sys.argv[1], durability=sys.argv[2]) as log:
    for i in range(1_000_000):
        print(log.log_action_sync("killed", {"i": i}).seq, flush=True)
"""


@pytest.mark.parametrize(("durability", "level"), [("normal", 1), ("full", 2)])
def test_each_durability_sets_sqlites_synchronous_level(
    log_path: Path, durability: str, level: int
) -> None:
    with AuditLog(log_path, durability=durability) as log:
        assert log.durability == durability
        for connection in (log._store._writer, log._store._reader):
            assert connection.execute("PRAGMA synchronous").fetchone()[0] == level


@pytest.mark.parametrize("durability", ["normal", "full"])
def test_a_writer_killed_mid_append_loses_nothing_it_acknowledged(
    log_path: Path, durability: str
) -> None:
    with AuditLog(log_path, durability=durability) as log:
        log.log_action_sync("setup", {})
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(log_path), durability],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    acknowledged: list[int] = []
    deadline = time.monotonic() + 60
    while len(acknowledged) < 300 and time.monotonic() < deadline:
        acknowledged.append(int(child.stdout.readline()))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    report = verify_database(log_path)
    assert report.ok, report.findings
    with sqlite3.connect(log_path) as connection:
        stored = {row[0] for row in connection.execute("SELECT seq FROM entries")}
    assert set(acknowledged) <= stored
    assert report.entries_checked == max(stored)
