"""Benchmarks of the audit log on PostgreSQL (``--benchmark-enable`` to measure).

The server is the session's throw-away one on loopback. Goals: a lone caller at >= 0.8 of a
bare loop of (sign, hash, INSERT, COMMIT) over one connection, measured interleaved; four
processes of 64 concurrent callers at >= 10,000 entries/s into one chain; verify reading
from PostgreSQL at >= 15,000 entries/s. The tail lock is measured both ways (a transaction-scoped
advisory lock, which the store uses, and a head row locked ``FOR UPDATE``).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import statistics
import time
from collections.abc import Callable
from typing import Any

import pytest
from nacl.signing import SigningKey
from pytest_benchmark.fixture import BenchmarkFixture

from aegis.audit import AuditLog, verify_database
from aegis.audit.chain import SignedRow, Tail
from aegis.audit.encoding import GENESIS, canonical_details, entry_hash
from aegis.audit.pg_store import PostgresStore

pytestmark = pytest.mark.usefixtures("postgres_server")

SEED = bytes(range(32))
FLOOR_BATCH = 300
RATIO_ROUNDS = 5
PROCESSES, CALLERS, PER_CALLER = 4, 64, 50
LOCK_BATCHES = 40


def _floor_loop(dsn: str, count: int = FLOOR_BATCH) -> None:
    """The unavoidable work per entry, bare: hash, sign, INSERT, COMMIT, one at a time."""
    import psycopg

    key = SigningKey(SEED)
    with psycopg.connect(dsn) as connection:
        connection.execute(  # the log's own columns and indexes
            "CREATE TABLE IF NOT EXISTS floor (LIKE aegis_audit.entries INCLUDING ALL)"
        )
        connection.execute("TRUNCATE floor")
        connection.commit()
        previous = GENESIS
        for seq in range(1, count + 1):
            text = canonical_details({"i": seq, "payload": "x" * 100})
            now = time.time_ns()
            digest = entry_hash(seq, now, "bench", text, previous)
            signature = key.sign(digest).signature
            connection.execute(
                "INSERT INTO floor VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (seq, now, "bench", text, previous, digest, signature),
            )
            connection.commit()
            previous = digest


def _single_caller(log: AuditLog) -> Callable[[], None]:
    def run() -> None:
        for i in range(FLOOR_BATCH):
            log.log_action_sync("bench", {"i": i, "payload": "x" * 100})

    return run


def test_postgres_single_caller_against_the_bare_loop(
    benchmark: BenchmarkFixture, postgres_dsn: str
) -> None:
    """Goal: >= 0.8 of the bare loop's rate, timed back to back (``rate_to_floor``)."""
    with AuditLog(postgres_dsn, signing_key=SEED) as log:
        run = _single_caller(log)
        benchmark(run)
        if not benchmark.disabled:
            ratios = []
            for _ in range(RATIO_ROUNDS):
                started = time.perf_counter()
                _floor_loop(postgres_dsn)
                floor = time.perf_counter() - started
                started = time.perf_counter()
                run()
                ratios.append(floor / (time.perf_counter() - started))
            benchmark.extra_info["rate_to_floor"] = round(statistics.median(ratios), 3)
        assert log.verify_sync().ok


def _spans_of(writers: list[Any], spans: Any) -> list[tuple[float, float]]:
    """Each writer's ``(started, finished)``, failing at once if a writer dies without one."""
    import queue

    finished: list[tuple[float, float]] = []
    while len(finished) < len(writers):
        try:
            finished.append(spans.get(timeout=0.5))
        except queue.Empty:
            dead = [w.exitcode for w in writers if w.exitcode not in (None, 0)]
            assert not dead, f"a writer process failed (exit codes {dead})"
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    return finished


def _rounds_of_writers(
    benchmark: BenchmarkFixture, target: Callable[..., None], args: tuple[object, ...], entries: int
) -> list[float]:
    """Rounds of PROCESSES writer processes started together (``target(*args, go, spans)``);
    the rate of each round from the first start to the last finish."""
    context = multiprocessing.get_context("spawn")
    rates: list[float] = []

    def run() -> None:
        go, spans = context.Event(), context.Queue()
        writers = [
            context.Process(target=target, args=(*args, go, spans)) for _ in range(PROCESSES)
        ]
        for writer in writers:
            writer.start()
        go.set()
        finished = _spans_of(writers, spans)
        rates.append(entries / (max(e for _, e in finished) - min(s for s, _ in finished)))

    benchmark.pedantic(run, rounds=1 if benchmark.disabled else 3, iterations=1)
    return rates


def _writer_process(dsn: str, go: Any, spans: Any) -> None:
    """Open the log, wait for the start signal, append, report ``(started, finished)``."""

    async def main() -> None:
        with AuditLog(dsn, signing_key=SEED) as log:

            async def caller(n: int) -> None:
                for i in range(PER_CALLER):
                    await log.log_action("bench", {"n": n, "i": i})

            await log.log_action("bench.ready", {})  # connected, and warmed up
            go.wait()
            started = time.perf_counter()
            await asyncio.gather(*(caller(n) for n in range(CALLERS)))
            spans.put((started, time.perf_counter()))

    asyncio.run(main())


def test_postgres_four_processes_of_64_callers(
    benchmark: BenchmarkFixture, postgres_dsn: str
) -> None:
    """Goal: >= 10,000 entries/s into one chain, from the first start to the last finish
    (4 x 64 x 50 entries per round; process start-up and connecting are not counted)."""
    AuditLog(postgres_dsn, signing_key=SEED).close()
    entries = PROCESSES * CALLERS * PER_CALLER
    rates = _rounds_of_writers(benchmark, _writer_process, (postgres_dsn,), entries)
    benchmark.extra_info["entries_per_s"] = round(statistics.median(rates))
    started = time.perf_counter()
    report = verify_database(postgres_dsn, bytes(SigningKey(SEED).verify_key))
    benchmark.extra_info["verify_entries_per_s"] = round(
        report.entries_checked / (time.perf_counter() - started)
    )
    assert report.ok


#: Any key of the benchmark's own, apart from the store's locks.
_HEAD_DDL_LOCK = 0x62656E6368686564


class _HeadRowLockStore(PostgresStore):
    """The alternative the store did not take: a one-row head table locked ``FOR UPDATE``
    (re-read by PostgreSQL after the wait, so the locking statement returns the current
    tail) and updated by every batch."""

    def __init__(self, dsn: str, public_key: bytes) -> None:
        super().__init__(dsn, public_key)
        with self._pool.connection() as connection, connection.transaction():
            # Four writers start at once; CREATE ... IF NOT EXISTS is not atomic, so they
            # take turns (the lock is released at the transaction's end).
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (_HEAD_DDL_LOCK,))
            connection.execute(
                "CREATE TABLE IF NOT EXISTS aegis_audit.bench_head (one boolean PRIMARY KEY, "
                "seq bigint, entry_hash bytea, timestamp_ns bigint)"
            )
            connection.execute(
                "INSERT INTO aegis_audit.bench_head SELECT true, seq, entry_hash, timestamp_ns "
                "FROM aegis_audit.entries UNION ALL SELECT true, 0, %s, 0 ORDER BY 2 DESC "
                "LIMIT 1 ON CONFLICT DO NOTHING",
                (GENESIS,),
            )

    def append(self, build: Callable[[Tail], list[SignedRow]]) -> list[SignedRow]:
        with self._pool.connection() as connection, connection.transaction():
            row = connection.execute(
                "SELECT seq, entry_hash, timestamp_ns FROM aegis_audit.bench_head FOR UPDATE"
            ).fetchone()
            assert row is not None
            rows = build(Tail(row[0], row[1], row[2]))
            connection.execute(
                "INSERT INTO aegis_audit.entries SELECT * FROM unnest(%s::bigint[], "
                "%s::bigint[], %s::text[], %s::text[], %s::bytea[], %s::bytea[], %s::bytea[])",
                list(map(list, zip(*rows, strict=True))),
            )
            last = rows[-1]
            connection.execute(
                "UPDATE aegis_audit.bench_head SET seq = %s, entry_hash = %s, timestamp_ns = %s",
                (last[0], last[5], last[1]),
            )
        return rows


def _store_writer(dsn: str, lock: str, go: Any, spans: Any) -> None:
    """Append ``LOCK_BATCHES`` batches of 64 through a store alone, after the start signal."""
    from aegis.audit.chain import chain_rows
    from aegis.audit.encoding import encode_entry
    from aegis.audit.signer import Signer

    public_key = bytes(SigningKey(SEED).verify_key)
    store = (PostgresStore if lock == "advisory" else _HeadRowLockStore)(dsn, public_key)
    signer = Signer(SigningKey(SEED))
    details = {"i": 1}
    batch = [encode_entry("bench", details)] * 64
    go.wait()
    started = time.perf_counter()
    for _ in range(LOCK_BATCHES):
        store.append(lambda tail: chain_rows(tail, batch, signer))
    spans.put((started, time.perf_counter()))
    store.close()
    signer.close()


@pytest.mark.parametrize("lock", ["advisory", "head-row"])
def test_postgres_tail_lock(benchmark: BenchmarkFixture, postgres_dsn: str, lock: str) -> None:
    """Four processes appending batches of 64 through the store alone, with either lock."""
    entries = PROCESSES * LOCK_BATCHES * 64
    rates = _rounds_of_writers(benchmark, _store_writer, (postgres_dsn, lock), entries)
    benchmark.extra_info["entries_per_s"] = round(statistics.median(rates))
    assert verify_database(postgres_dsn, bytes(SigningKey(SEED).verify_key)).ok
