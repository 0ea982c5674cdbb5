"""Concurrency sweeps: the same answers, nothing lost, whatever the number of workers.

Python threads share one interpreter lock and this machine has two cores, so CPU-bound code
cannot scale linearly; these tests assert correctness and that throughput does not collapse,
and record scaling efficiency (throughput at N / (N x throughput at 1)) as it is.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from collections.abc import Callable

import pytest

from aegis.audit import AuditLog
from aegis.evolution_core import EvolutionEngine
from aegis.hitl import DecisionStateError, EventKind, HITLCollaborator
from aegis.intent_firewall import IntentFirewall
from aegis.love_engine import LoveEngine
from pytest_aegis_stress import StressResult, StressRunner
from stress_tests import workloads
from stress_tests.profiles import Scale

pytestmark = pytest.mark.stress

#: Throughput with one worker, per test, for the scaling efficiency of the others.
_SINGLE: dict[str, float] = {}


def record_scaling(
    name: str, result: StressResult, workers: int, record_property: Callable[[str, object], None]
) -> None:
    if workers == 1:
        _SINGLE[name] = result.throughput
    per_worker = result.throughput / workers
    record_property("per_worker_throughput", round(per_worker, 1))
    if name in _SINGLE and _SINGLE[name] > 0:
        efficiency = result.throughput / (workers * _SINGLE[name])
        record_property("scaling_efficiency", round(efficiency, 3))
        # Contention may cost, but must not collapse throughput below a fifth of one worker's.
        assert result.throughput > 0.2 * _SINGLE[name], f"throughput collapsed: {efficiency:.2f}"


def test_concurrent_intent_validation(
    stress: StressRunner, scale: Scale, workers: int, record_property: Callable[[str, object], None]
) -> None:
    firewall = IntentFirewall()
    sequential = {id(r): firewall.validate_request_sync(r) for r, _ in workloads.FIREWALL_MIX}
    mix = workloads.cycle([r for r, _ in workloads.FIREWALL_MIX])

    def validate() -> None:
        request = next(mix)
        if firewall.validate_request_sync(request) != sequential[id(request)]:
            raise AssertionError(f"{request.action}: verdict differs from the sequential run")

    result = stress.run(validate, duration=scale.concurrent_seconds, workers=workers)
    assert (result.ops_failed, result.workers) == (0, workers), result.errors
    record_scaling("intent", result, workers, record_property)


def test_concurrent_ethics(
    stress: StressRunner, scale: Scale, workers: int, record_property: Callable[[str, object], None]
) -> None:
    engine = LoveEngine()
    expected = {id(a): LoveEngine().check_ethics_sync(a).score for a in workloads.LOVE_MIX}
    mix = workloads.cycle(workloads.LOVE_MIX)

    def score() -> None:
        action = next(mix)
        if engine.check_ethics_sync(action).score != expected[id(action)]:
            raise AssertionError(f"{action.intent}: score differs across workers")

    result = stress.run(score, duration=scale.concurrent_seconds, workers=workers)
    assert result.ops_failed == 0, result.errors
    record_scaling("ethics", result, workers, record_property)


def test_concurrent_evolution(
    stress: StressRunner, scale: Scale, workers: int, record_property: Callable[[str, object], None]
) -> None:
    engine = EvolutionEngine()
    counter = itertools.count()
    mix = workloads.EVOLUTION_MIX

    def log() -> None:
        engine.log_experience_sync(*mix[next(counter) % len(mix)])

    result = stress.run(log, duration=scale.concurrent_seconds, workers=workers)
    assert result.ops_failed == 0, result.errors
    assert engine.metrics().total_experiences == result.ops_completed
    sequential = EvolutionEngine()
    for index in range(result.ops_completed):
        sequential.log_experience_sync(*mix[index % len(mix)])
    assert engine.recognize_patterns_sync() == sequential.recognize_patterns_sync()
    record_scaling("evolution", result, workers, record_property)


def test_concurrent_audit(
    stress: StressRunner,
    scale: Scale,
    workers: int,
    audit_log: AuditLog,
    record_property: Callable[[str, object], None],
) -> None:
    counter = itertools.count()

    def log() -> None:
        audit_log.log_action_sync("stress.concurrent", {"n": next(counter)})

    result = stress.run(log, duration=scale.concurrent_seconds, workers=workers)
    assert result.ops_failed == 0, result.errors
    report = audit_log.verify_sync()
    assert report.ok, report.findings  # one linear chain, every signature valid
    numbers = sorted(e.details["n"] for e in audit_log.query_sync())
    assert numbers == list(range(result.ops_completed))  # every entry present, once
    record_scaling("audit", result, workers, record_property)


def test_concurrent_hitl(stress: StressRunner, scale: Scale) -> None:
    """8 requesting workers, 4 approving ones; every decision answered exactly once."""
    # Every decision's history is read back afterwards: none may leave memory meanwhile.
    hitl = HITLCollaborator(default_timeout=3600, keep_decided=10**9)
    priorities = workloads.cycle(workloads.PRIORITY_MIX)
    requested: list[str] = []
    answers: dict[str, str] = {}
    answers_lock = threading.Lock()
    stop = threading.Event()
    order_violations: list[str] = []

    async def request() -> None:
        decision = await hitl.request_decision("Proceed?", {"n": len(requested)}, next(priorities))
        requested.append(decision.id)

    def approver(n: int) -> None:
        async def answer() -> None:
            while not (stop.is_set() and hitl.pending_count == 0):
                batch = hitl.pending(limit=16)
                keys = [(-d.priority, d.created_at) for d in batch]
                if keys != sorted(keys):
                    order_violations.append(str(keys))
                for decision in batch:
                    try:
                        answered = await (hitl.approve if n % 2 else hitl.reject)(
                            decision.id, f"r{n}"
                        )
                    except DecisionStateError:
                        continue
                    with answers_lock:
                        if decision.id in answers:
                            raise AssertionError(f"{decision.id} answered twice")
                        answers[decision.id] = answered.status.value

        asyncio.run(answer())

    approvers = [threading.Thread(target=approver, args=(n,)) for n in range(4)]
    for thread in approvers:
        thread.start()
    try:
        result = stress.run(request, duration=scale.concurrent_seconds, workers=8, mode="task")
    finally:
        stop.set()
        for thread in approvers:
            thread.join()
    assert result.ops_failed == 0, result.errors
    assert len(requested) == len(set(requested)) == result.ops_completed
    assert set(answers) == set(requested)  # no decision lost, none left pending
    assert not order_violations
    for decision_id in requested[:: max(1, len(requested) // 200)]:
        history = [event.kind for event in hitl.status(decision_id).history]
        assert history[0] is EventKind.REQUESTED
        assert history[1:] in ([EventKind.APPROVED], [EventKind.REJECTED])
