"""Endurance: a steady load at half the measured maximum, and bursts at twice it."""

from __future__ import annotations

import gc
import itertools
import math
import statistics
from collections.abc import Callable

import pytest

from aegis.audit import AuditLog
from aegis.evolution_core import EvolutionEngine
from aegis.intent_firewall import IntentFirewall
from aegis.love_engine import LoveEngine
from pytest_aegis_stress import StressRunner
from stress_tests import workloads
from stress_tests.profiles import Scale

pytestmark = [pytest.mark.stress, pytest.mark.endurance]


def all_components(audit: AuditLog) -> Callable[[], None]:
    """One unit of agent work: firewall, ethics, learning, and an audit entry every 10th."""
    firewall, love, evolution = IntentFirewall(), LoveEngine(), EvolutionEngine(max_history=50_000)
    requests = workloads.cycle(workloads.FIREWALL_MIX)
    actions = workloads.cycle(workloads.LOVE_MIX)
    counter = itertools.count()

    def work() -> None:
        request, expected = next(requests)
        verdict = firewall.validate_request_sync(request)
        if verdict.decision is not expected:
            raise AssertionError(f"{request.action}: {verdict.decision}")
        ethics = love.check_ethics_sync(next(actions))
        evolution.log_experience_sync(
            request.action, "success" if verdict.allowed else "failure", ethics.score, verdict.score
        )
        if next(counter) % 10 == 0:
            audit.log_action_sync("endurance.work", {"action": request.action})

    return work


#: Seconds of the closed-loop capacity probe: the median of its whole seconds is the
#: capacity, so one quiet or busy second of this shared machine does not set the rates of
#: the whole test.
PROBE_SECONDS = 3.0


def measured_maximum(stress: StressRunner, work: Callable[[], None]) -> float:
    gc.collect()  # garbage of earlier tests is not this work's cost
    probe = stress.run(work, duration=PROBE_SECONDS, name="capacity-probe")
    whole_seconds = probe.throughput_series[: int(PROBE_SECONDS)]
    return statistics.median(whole_seconds) if whole_seconds else probe.throughput


def test_endurance_steady(stress: StressRunner, scale: Scale, audit_log: AuditLog) -> None:
    work = all_components(audit_log)
    rate = 0.5 * measured_maximum(stress, work)
    windows = max(2, round(scale.steady_seconds / scale.steady_window))
    result = stress.stages(work, [rate] * windows, scale.steady_window, name="steady")
    first, last = result.stages[0], result.stages[-1]
    assert result.error_rate < 0.001, result.errors
    assert abs(last.achieved_rate - first.achieved_rate) <= 0.1 * first.achieved_rate
    # No lasting degradation: the service time of the last window stays near the first's.
    # (Measured uncorrected, so a single pause that delays queued starts is not read as
    # a trend; the corrected figures are in the result.)
    assert last.service_p95_ms <= 3 * first.service_p95_ms + 5.0
    assert result.memory_growth_mb < 200
    if scale.steady_seconds >= 60:  # shorter runs are all warm-up: their slope is noise
        assert result.memory_slope_mb_per_min < 20, "memory keeps growing after warm-up"
    assert audit_log.verify_sync().ok


def test_endurance_burst(stress: StressRunner, scale: Scale, audit_log: AuditLog) -> None:
    work = all_components(audit_log)
    maximum = measured_maximum(stress, work)
    normal, burst, window = 0.5 * maximum, 2.0 * maximum, min(1.0, scale.burst_normal / 2)
    per_normal = max(2, round(scale.burst_normal / window))
    per_burst = max(1, round(scale.burst_peak / window))
    cycle = [normal] * per_normal + [burst] * per_burst
    # A burst at twice the capacity leaves a queue as long as the burst, which half the
    # capacity drains in twice the burst's time: the last windows come after that.
    settle = per_normal + 2 * per_burst + 1
    rates = [normal] * per_normal + cycle * scale.burst_cycles + [normal] * settle
    # The queue the bursts leave is carried from window to window; when the machine is
    # slower than the probe found it, it outlasts the schedule, and the grace period lets it
    # drain so that every arrival is measured (none dropped).
    result = stress.stages(work, rates, window, name="burst", grace="60s")
    assert result.dropped_starts == 0
    baseline = result.stages[0].service_p95_ms
    burst_errors = [
        s.ops_failed / max(1, s.ops_completed + s.ops_failed)
        for s, r in zip(result.stages, rates, strict=True)
        if r == burst
    ]
    assert max(burst_errors) < 0.05
    # Recovery: after each burst, the service time is back near normal within 30 s.
    recovery_limit = math.ceil(30 / window)
    index = 0
    while index < len(rates):
        if rates[index] == burst and (index + 1 == len(rates) or rates[index + 1] != burst):
            after = result.stages[index + 1 : index + 1 + recovery_limit]
            assert any(s.service_p95_ms <= max(3 * baseline, 1.0) for s in after), (
                f"no recovery within 30 s of the burst ending at stage {index}"
            )
        index += 1
    # No lasting degradation: the last window's calls cost what the first's did, and it was
    # served at its offered rate (counted for it, wherever the queue put them).
    last = result.stages[-1]
    assert last.service_p95_ms <= max(3 * baseline, 1.0)
    assert last.achieved_rate >= 0.9 * normal
    assert audit_log.verify_sync().ok
