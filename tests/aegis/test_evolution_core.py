"""Specification of the evolution core: reference scenarios, aggregates, bounds, bad input."""

from __future__ import annotations

import math
import threading

import pytest

from aegis.evolution_core import (
    EvolutionEngine,
    ImprovementKind,
    ImprovementPriority,
    Outcome,
    PatternKind,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.asyncio
async def test_five_successful_file_reads_make_a_successful_action_pattern() -> None:
    engine = EvolutionEngine()
    for _ in range(5):
        await engine.log_experience("file_read", "success", 0.9, 0.95)
    patterns = await engine.recognize_patterns()
    assert [(p.kind, p.action, p.frequency, p.success_rate) for p in patterns] == [
        (PatternKind.SUCCESSFUL_ACTION, "file_read", 5, 1.0)
    ]


@pytest.mark.asyncio
async def test_five_failed_queries_make_a_failure_mode_and_a_high_priority_improvement() -> None:
    engine = EvolutionEngine()
    for _ in range(5):
        await engine.log_experience("db_query", Outcome.FAILURE, 0.8, 0.9)
    patterns = await engine.recognize_patterns()
    assert [(p.kind, p.action) for p in patterns] == [(PatternKind.FAILURE_MODE, "db_query")]
    improvements = await engine.suggest_improvements()
    assert [(i.kind, i.priority, i.action) for i in improvements] == [
        (ImprovementKind.OPTIMIZATION, ImprovementPriority.HIGH, "db_query")
    ]


@pytest.mark.asyncio
async def test_twelve_successes_in_twenty_is_a_rate_of_sixty_percent() -> None:
    engine = EvolutionEngine()
    for i in range(20):
        await engine.log_experience("api_call", "success" if i < 12 else "failure", 0.9, 0.9)
    assert engine.success_rate("api_call") == pytest.approx(0.6)
    assert engine.success_rate() == pytest.approx(0.6)
    patterns = await engine.recognize_patterns()
    assert [p.kind for p in patterns] == [PatternKind.OPTIMIZATION_CANDIDATE]


@pytest.mark.asyncio
async def test_fewer_than_three_experiences_make_no_rate_pattern() -> None:
    engine = EvolutionEngine()
    await engine.log_experience("rare", "success", 0.9, 0.9)
    await engine.log_experience("rare", "success", 0.9, 0.9)
    assert await engine.recognize_patterns() == []


@pytest.mark.asyncio
async def test_two_low_scores_make_ethical_and_safety_patterns() -> None:
    engine = EvolutionEngine()
    await engine.log_experience("scrape", "success", 0.2, 0.4)
    await engine.log_experience("scrape", "success", 0.3, 0.1)
    kinds = [p.kind for p in await engine.recognize_patterns()]
    assert kinds == [PatternKind.ETHICAL_VIOLATION, PatternKind.SAFETY_ISSUE]
    improvements = await engine.suggest_improvements()
    assert {(i.kind, i.priority) for i in improvements} == {
        (ImprovementKind.ALIGNMENT, ImprovementPriority.CRITICAL),
        (ImprovementKind.SAFETY, ImprovementPriority.CRITICAL),
    }


@pytest.mark.asyncio
async def test_patterns_are_ordered_by_kind_then_action() -> None:
    engine = EvolutionEngine()
    for action, outcome in [("b", "success"), ("a", "failure"), ("a2", "success")]:
        for _ in range(3):
            await engine.log_experience(action, outcome, 0.9, 0.9)
    patterns = await engine.recognize_patterns()
    assert [(p.kind, p.action) for p in patterns] == [
        (PatternKind.SUCCESSFUL_ACTION, "a2"),
        (PatternKind.SUCCESSFUL_ACTION, "b"),
        (PatternKind.FAILURE_MODE, "a"),
    ]


@pytest.mark.asyncio
async def test_learning_rescores_the_experience_and_the_aggregates() -> None:
    engine = EvolutionEngine()
    first = await engine.log_experience("send", "success", 0.9, 0.9)
    await engine.log_experience("send", "success", 0.9, 0.9)
    await engine.learn_from_ethics(first.id, 0.1, ["no consent"])
    updated = await engine.learn_from_safety(first.id, 0.2, ("leaked data",))
    assert (updated.ethical_score, updated.safety_score) == (0.1, 0.2)
    assert [f.dimension for f in updated.feedback] == ["ethical", "safety"]
    assert updated.feedback[0].concerns == ("no consent",)
    assert engine.get(first.id) == updated
    assert engine.metrics().mean_ethical_score == pytest.approx(0.5)


@pytest.mark.asyncio
async def test_learning_about_an_unknown_id_is_a_key_error_naming_it() -> None:
    engine = EvolutionEngine()
    await engine.log_experience("x", "success", 0.9, 0.9)
    with pytest.raises(KeyError, match="42"):
        await engine.learn_from_ethics(42, 0.5)
    with pytest.raises(KeyError, match="'nope'"):
        await engine.learn_from_safety("nope", 0.5)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_max_history_drops_old_experiences_but_keeps_exact_aggregates() -> None:
    engine = EvolutionEngine(max_history=10)
    for i in range(100):
        await engine.log_experience("op", "success" if i % 4 else "failure", 0.9, 0.9)
    metrics = engine.metrics()
    assert (metrics.total_experiences, metrics.retained_experiences) == (100, 10)
    assert metrics.successes == 75
    assert [e.id for e in engine.experiences()] == list(range(91, 101))
    with pytest.raises(KeyError, match="1"):
        engine.get(1)
    await engine.learn_from_ethics(100, 0.0)
    assert engine.get(100).ethical_score == 0.0


@pytest.mark.asyncio
async def test_experiences_filter_by_action_time_and_outcome() -> None:
    clock = FakeClock()
    engine = EvolutionEngine(clock=clock)
    await engine.log_experience("a", "success", 0.9, 0.9)
    clock.now += 10
    await engine.log_experience("a", "failure", 0.9, 0.9)
    await engine.log_experience("b", "learning", 0.9, 0.9, context={"note": "x"})
    assert [e.id for e in engine.experiences(action="a")] == [1, 2]
    assert [e.id for e in engine.experiences(since=1005.0)] == [2, 3]
    assert [e.id for e in engine.experiences(outcome="learning")] == [3]
    assert engine.experiences(outcome="learning")[0].context == {"note": "x"}


def test_concurrent_logging_from_eight_threads_loses_nothing() -> None:
    engine = EvolutionEngine()
    per_thread = 2000

    def worker(n: int) -> None:
        for i in range(per_thread):
            engine.log_experience_sync(f"act{n % 3}", "success" if i % 2 else "failure", 0.9, 0.9)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    metrics = engine.metrics()
    assert metrics.total_experiences == 8 * per_thread
    assert metrics.successes == 8 * per_thread // 2
    assert sorted(e.id for e in engine.experiences()) == list(range(1, 8 * per_thread + 1))


@pytest.mark.parametrize(
    ("field", "kwargs", "error", "message"),
    [
        ("action", {"action": ""}, ValueError, "action must not be empty"),
        ("action", {"action": 3}, TypeError, "action must be a str"),
        ("outcome", {"outcome": "maybe"}, ValueError, "outcome must be one of .*'maybe'"),
        ("ethical_score", {"ethical_score": 1.5}, ValueError, "ethical_score .* 1.5"),
        ("ethical_score", {"ethical_score": math.nan}, ValueError, "ethical_score .* nan"),
        ("safety_score", {"safety_score": "high"}, TypeError, "safety_score .*'high'"),
        ("safety_score", {"safety_score": True}, TypeError, "safety_score"),
    ],
)
@pytest.mark.asyncio
async def test_bad_input_names_the_field_and_value(
    field: str, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    arguments: dict[str, object] = {
        "action": "a",
        "outcome": "success",
        "ethical_score": 0.5,
        "safety_score": 0.5,
    }
    arguments.update(kwargs)
    engine = EvolutionEngine()
    with pytest.raises(error, match=message):
        await engine.log_experience(**arguments)  # type: ignore[arg-type]
    assert engine.metrics().total_experiences == 0, f"bad {field} must not be recorded"


@pytest.mark.parametrize("bound", [0, -1, True, 2.5])
def test_max_history_must_be_a_positive_int(bound: object) -> None:
    with pytest.raises((TypeError, ValueError), match="max_history"):
        EvolutionEngine(max_history=bound)  # type: ignore[arg-type]
