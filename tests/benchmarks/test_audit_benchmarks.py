"""Benchmarks of the audit log against its floor (``--benchmark-enable`` to measure).

The floor is the unavoidable work per entry done bare: hash, sign, insert and commit, one
entry at a time, with the log's SQLite settings. Goals are ratios to it, and this machine's
speed drifts by half within minutes, so besides each benchmark's own figures the ratio is
also measured interleaved: floor and candidate timed back to back, the median of the ratios
kept in ``extra_info["rate_to_floor"]``.
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from nacl.signing import SigningKey
from pytest_benchmark.fixture import BenchmarkFixture

from aegis.audit import AuditLog
from aegis.audit import store as audit_store
from aegis.audit.encoding import canonical_details, entry_hash

FLOOR_BATCH = 500
CALLERS, PER_CALLER = 64, 50
RATIO_ROUNDS = 7


def _floor_loop(path: Path, count: int = FLOOR_BATCH) -> None:
    """The unavoidable work per entry, bare: hash, sign, insert, commit, one at a time."""
    connection = audit_store.connect(path)
    key = SigningKey.generate()
    previous = bytes(32)
    for seq in range(1, count + 1):
        text = canonical_details({"i": seq, "payload": "x" * 100})
        now = time.time_ns()
        digest = entry_hash(seq, now, "bench", text, previous)
        signature = key.sign(digest).signature
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, now, "bench", text, previous, digest, signature),
        )
        connection.execute("COMMIT")
        previous = digest
    connection.close()


def _rate_to_floor(
    benchmark: BenchmarkFixture, tmp_path: Path, candidate: Callable[[], None], entries: int
) -> None:
    """Record the candidate's rate over the floor's, timed back to back ``RATIO_ROUNDS``
    times (only when measuring: a run with benchmarks disabled skips it)."""
    if benchmark.disabled:
        return
    paths = (tmp_path / f"ratio-floor{i}.db" for i in itertools.count())
    ratios = []
    for _ in range(RATIO_ROUNDS):
        started = time.perf_counter()
        _floor_loop(next(paths))
        floor_rate = FLOOR_BATCH / (time.perf_counter() - started)
        started = time.perf_counter()
        candidate()
        ratios.append(entries / (time.perf_counter() - started) / floor_rate)
    benchmark.extra_info["rate_to_floor"] = round(statistics.median(ratios), 3)


def test_audit_floor_bare_loop(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    """The floor the goals are measured against (entries/s = 500 / median)."""
    paths = iter(tmp_path / f"floor{i}.db" for i in range(1000))
    benchmark(lambda: _floor_loop(next(paths)))


def test_audit_single_caller(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    """Goal: >= 0.8 of the floor, one caller awaiting entry by entry."""
    log = AuditLog(tmp_path / "single.db")

    async def batch() -> None:
        for i in range(FLOOR_BATCH):
            await log.log_action("bench", {"i": i, "payload": "x" * 100})

    def run() -> None:
        asyncio.run(batch())

    benchmark(run)
    _rate_to_floor(benchmark, tmp_path, run, FLOOR_BATCH)
    assert log.verify_sync().ok
    log.close()


@pytest.mark.parametrize("kind", ["tasks", "threads"])
def test_audit_64_concurrent_callers(
    benchmark: BenchmarkFixture, tmp_path: Path, kind: str
) -> None:
    """Goal: >= 20,000 entries/s with 64 concurrent callers (64 x 50 entries per round)."""
    log = AuditLog(tmp_path / "many.db")

    async def tasks() -> None:
        async def caller(n: int) -> None:
            for i in range(PER_CALLER):
                await log.log_action("bench", {"n": n, "i": i})

        await asyncio.gather(*(caller(n) for n in range(CALLERS)))

    def threads() -> None:
        def caller(n: int) -> None:
            for i in range(PER_CALLER):
                log.log_action_sync("bench", {"n": n, "i": i})

        workers = [threading.Thread(target=caller, args=(n,)) for n in range(CALLERS)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()

    def run() -> None:
        if kind == "tasks":
            asyncio.run(tasks())
        else:
            threads()

    benchmark(run)
    benchmark.extra_info["entries_per_round"] = CALLERS * PER_CALLER
    _rate_to_floor(benchmark, tmp_path, run, CALLERS * PER_CALLER)
    assert log.verify_sync().ok
    log.close()


def test_audit_verify_and_query_at_100k(benchmark: BenchmarkFixture, tmp_path: Path) -> None:
    """Goals: verify >= 15,000 entries/s; a query over 100,000 entries in under 10 ms."""
    log = AuditLog(tmp_path / "big.db")

    async def fill() -> None:
        async def caller(n: int) -> None:
            for i in range(1563):
                await log.log_action(f"action{i % 8}", {"n": n, "i": i})

        await asyncio.gather(*(caller(n) for n in range(CALLERS)))

    asyncio.run(fill())
    started = time.perf_counter()
    report = log.verify_sync()
    benchmark.extra_info["verify_entries_per_s"] = report.entries_checked / (
        time.perf_counter() - started
    )
    assert report.ok
    recent = log.query_sync(actions=["action3"], limit=100)
    start = recent[-1].timestamp
    result = benchmark(log.query_sync, start, None, ["action3", "action5"], 100)
    assert len(result) == 100
    log.close()
