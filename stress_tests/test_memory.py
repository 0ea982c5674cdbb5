"""Memory: resident memory measured while the components fill, growth per item, slope."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable

import pytest

from aegis.audit import AuditLog
from aegis.evolution_core import EvolutionEngine
from aegis.hitl import HITLCollaborator, Priority
from pytest_aegis_stress import MetricsRecorder, ResourceMonitor
from stress_tests import workloads
from stress_tests.profiles import Scale

pytestmark = pytest.mark.stress

MIB = 1024 * 1024
#: The spec's bounds per size: 10K, 100K, 1M items (evolution, audit) or 1K, 10K, 100K (HITL).
EVOLUTION_BOUND_MB = {10_000: 100, 100_000: 1_000, 1_000_000: 10_000}
AUDIT_BOUND_MB = {10_000: 50, 100_000: 500, 1_000_000: 5_000}


def _bound(table: dict[int, int], size: int) -> float:
    return next((mb for n, mb in sorted(table.items()) if size <= n), max(table.values()))


def test_evolution_memory(
    scale: Scale,
    stress_metrics: MetricsRecorder,
    resource_monitor: ResourceMonitor,
    record_property: object,
) -> None:
    size = max(scale.memory_sizes)
    for payload in scale.evolution_payloads:
        engine = EvolutionEngine()
        resource_monitor.sample_now()
        before = resource_monitor.rss[-1]
        slowest_recognition = 0.0
        for index in range(size):
            action, outcome, ethical, safety = workloads.EVOLUTION_MIX[index % 10]
            with stress_metrics.measure():
                engine.log_experience_sync(action, outcome, ethical, safety, f"{index:0{payload}d}")
            if index % 1000 == 999:
                started = time.perf_counter()
                engine.recognize_patterns_sync()
                slowest_recognition = max(slowest_recognition, time.perf_counter() - started)
        resource_monitor.sample_now()
        grown_mb = (resource_monitor.rss[-1] - before) / MIB
        record_property(f"bytes_per_experience_{payload}B", round(grown_mb * MIB / size))  # type: ignore[operator]
        assert engine.metrics().total_experiences == size
        assert grown_mb < _bound(EVOLUTION_BOUND_MB, size)
        assert slowest_recognition < 1.0
        del engine


def test_audit_memory(
    scale: Scale,
    tmp_path_factory: pytest.TempPathFactory,
    stress_metrics: MetricsRecorder,
    resource_monitor: ResourceMonitor,
) -> None:
    size = max(scale.memory_sizes)
    detail = {"payload": "x" * 400, "component": "stress"}
    with AuditLog(tmp_path_factory.mktemp("audit-memory") / "audit.db") as log:
        resource_monitor.sample_now()
        before = resource_monitor.rss[-1]

        async def fill(count: int) -> None:
            async def caller(n: int) -> None:
                for _ in range(count // 16):
                    started = time.perf_counter()
                    await log.log_action(f"action{n % 6}", detail)
                    stress_metrics.record(time.perf_counter() - started)

            await asyncio.gather(*(caller(n) for n in range(16)))

        written = 0
        while written < size:
            step = min(10_000, size - written)
            asyncio.run(fill(step))
            written = log.size
            report = log.verify_sync()  # full verification every 10K entries
            assert report.ok, report.findings
        resource_monitor.sample_now()
        grown_mb = (resource_monitor.rss[-1] - before) / MIB
        assert grown_mb < _bound(AUDIT_BOUND_MB, size)
        started = time.perf_counter()
        latest = log.query_sync(actions=["action3"], limit=100)
        assert (time.perf_counter() - started) * 1e3 < 100
        assert len(latest) == 100
        statement, parameters = AuditLog.query_sql(latest[-1].timestamp, None, ["action3"], 100)
        with sqlite3.connect(log.path) as connection:
            plan = " ".join(
                r[3] for r in connection.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            )
        assert "INDEX" in plan, plan


def test_hitl_queue_memory(
    scale: Scale,
    stress_metrics: MetricsRecorder,
    resource_monitor: ResourceMonitor,
    assert_within: Callable[[str, float, float], None],
) -> None:
    size = max(scale.memory_sizes)
    hitl = HITLCollaborator(default_timeout=3600)
    bound_mb = {1_000: 10, 10_000: 100, 100_000: 1_000}

    async def fill() -> list[str]:
        ids = []
        for index in range(size):
            with stress_metrics.measure():
                decision = await hitl.request_decision(
                    f"q{index}", {"detail": f"{index:01000d}"}, Priority((index % 4) + 1)
                )
            ids.append(decision.id)
        return ids

    resource_monitor.sample_now()
    before = resource_monitor.rss[-1]
    ids = asyncio.run(fill())
    resource_monitor.sample_now()
    grown_mb = (resource_monitor.rss[-1] - before) / MIB
    assert hitl.pending_count == size
    assert grown_mb < _bound(bound_mb, size)
    sample = ids[:: max(1, size // 100)]  # answer and list while the queue is full
    p95_ms = workloads.queue_operation_p95_ms(hitl, sample)
    assert_within(f"queue_operation_p95_ms_with_{size}_held", p95_ms, 10.0)
