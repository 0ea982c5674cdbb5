"""Integration: the whole pipeline under rising load, and the learning loop."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable

import pytest

from aegis.audit import AuditLog
from aegis.evolution_core import EvolutionEngine
from aegis.hitl import HITLCollaborator
from aegis.intent_firewall import IntentFirewall
from aegis.love_engine import LoveEngine
from aegis.pipeline import STAGES, AegisPipeline, SimulatedReviewer
from pytest_aegis_stress import ResourceMonitor, StressRunner
from stress_tests import profiles, workloads
from stress_tests.profiles import Scale

pytestmark = pytest.mark.stress


def test_e2e_pipeline(
    stress: StressRunner,
    scale: Scale,
    audit_log: AuditLog,
    assert_tier: Callable[..., str],
    record_property: Callable[[str, object], None],
) -> None:
    evolution = EvolutionEngine(max_history=100_000)
    hitl = HITLCollaborator(default_timeout=60, audit=audit_log)
    pipeline = AegisPipeline(
        IntentFirewall(), LoveEngine(), hitl, evolution, audit_log, SimulatedReviewer(seed=42)
    )
    pairs = workloads.cycle(
        list(
            zip(
                [r for r, _ in workloads.FIREWALL_MIX],
                itertools.islice(itertools.cycle(workloads.LOVE_MIX), len(workloads.FIREWALL_MIX)),
                strict=True,
            )
        )
    )
    stage_totals = dict.fromkeys(STAGES, 0.0)
    workflow_ids: list[str] = []

    async def workflow() -> None:
        result = await pipeline.process(*next(pairs))
        workflow_ids.append(result.workflow_id)
        for stage, ms in result.stage_ms.items():
            stage_totals[stage] += ms

    result = stress.ramp(
        workflow,
        start=100,
        step=100,
        every=scale.pipeline_every,
        duration=scale.pipeline_every * scale.pipeline_stages,
        p95_bound="100ms",
        late_after="100ms",  # late against the objective, not the scheduler's wake-up lag
        extend=True,
        ceiling=20_000,
    )
    assert result.ops_failed == 0, result.errors
    bottleneck = max(stage_totals, key=lambda stage: stage_totals[stage])
    record_property("bottleneck_stage", bottleneck)
    for stage, total in stage_totals.items():
        record_property(f"stage_{stage}_ms_mean", round(total / max(1, len(workflow_ids)), 4))
    logged = {e.details["workflow_id"] for e in audit_log.query_sync(actions=["pipeline.workflow"])}
    assert logged == set(workflow_ids)  # every workflow's audit entry is present
    report = audit_log.verify_sync()
    assert report.ok, report.findings
    assert_tier(result, result.max_sustainable_rate or 0, profiles.PIPELINE)


def test_learning_loop(
    stress: StressRunner,
    scale: Scale,
    resource_monitor: ResourceMonitor,
    record_property: Callable[[str, object], None],
) -> None:
    engine = EvolutionEngine(max_history=20_000)
    mix = workloads.cycle(workloads.EVOLUTION_MIX)
    learning_s = [0.0]
    recognition_s: list[float] = []
    loop = asyncio.new_event_loop()

    def act() -> None:
        action, outcome, ethical, safety = next(mix)
        experience = engine.log_experience_sync(action, outcome, ethical, safety)
        if experience.id % 100 == 0:  # learning every 100 actions
            started = time.perf_counter()
            loop.run_until_complete(engine.learn_from_ethics(experience.id, 0.2, ["review"]))
            loop.run_until_complete(engine.suggest_improvements())
            learning_s[0] += time.perf_counter() - started
        if experience.id % 1000 == 0:  # pattern recognition every 1,000
            started = time.perf_counter()
            engine.recognize_patterns_sync()
            recognition_s.append(time.perf_counter() - started)

    try:
        result = stress.constant_rate(
            act, rate=scale.learning_rate, duration=scale.learning_seconds
        )
    finally:
        loop.close()
    assert result.ops_failed == 0, result.errors
    overhead = learning_s[0] / result.duration_s
    record_property("learning_overhead", round(overhead, 5))
    assert overhead < 0.10
    assert recognition_s
    assert max(recognition_s) < 1.0
    assert engine.metrics().retained_experiences <= 20_000  # memory bounded by max_history
    assert result.throughput >= 0.9 * scale.learning_rate
