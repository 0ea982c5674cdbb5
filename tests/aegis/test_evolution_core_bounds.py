"""The evolution core stays bounded, exact and strict: memory, sums, clocks and arguments."""

from __future__ import annotations

import asyncio
import itertools
import random
import sys
import threading
import tracemalloc
from collections.abc import Iterator

import pytest

from aegis.evolution_core import (
    DEFAULT_MAX_ACTIONS,
    DEFAULT_MAX_HISTORY,
    EvolutionEngine,
    Outcome,
)


@pytest.fixture
def tiny_switch_interval() -> Iterator[None]:
    """Threads switch every microsecond, so that races show up in a short run."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_distinct_actions_do_not_grow_memory_past_max_actions() -> None:
    """Finding 8: 60,000 distinct action names with 100 experiences retained held 26.5 MB."""
    engine = EvolutionEngine(max_history=100, max_actions=1000)
    tracemalloc.start()
    for i in range(60_000):
        engine.log_experience_sync(f"action-{i}", "success", 0.9, 0.8)
    used = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    metrics = engine.metrics()
    assert metrics.action_types <= 1000 + 1000 // 8
    assert (metrics.total_experiences, metrics.successes) == (60_000, 60_000)
    assert metrics.mean_ethical_score == pytest.approx(0.9)
    assert used < 2 * 2**20, f"{used / 2**20:.1f} MB held for 100 experiences"
    # The most recently logged actions keep their own totals; the evicted are folded.
    assert engine.success_rate("action-59999") == 1.0
    with pytest.raises(KeyError, match=r"'action-0'.*max_actions=1000"):
        engine.success_rate("action-0")


def test_the_default_bounds_history_and_action_types() -> None:
    """Finding 8: with the default ``max_history=None`` memory grew without limit."""
    for engine in (EvolutionEngine(), EvolutionEngine(max_history=None)):
        assert (engine.max_history, engine.max_actions) == (
            DEFAULT_MAX_HISTORY,
            DEFAULT_MAX_ACTIONS,
        )
    engine = EvolutionEngine(max_actions=None)
    for _ in range(DEFAULT_MAX_HISTORY + 50):
        engine.log_experience_sync("op", "success", 0.5, 0.5)
    assert engine.retained == DEFAULT_MAX_HISTORY
    assert engine.metrics().total_experiences == DEFAULT_MAX_HISTORY + 50


@pytest.mark.asyncio
async def test_rescoring_an_evicted_actions_experience_keeps_the_totals_exact() -> None:
    engine = EvolutionEngine(max_history=100, max_actions=1)
    first = await engine.log_experience("a", "success", 1.0, 1.0)
    for name in "bcdef":  # evicts "a"
        await engine.log_experience(name, "success", 1.0, 1.0)
    await engine.log_experience("a", "failure", 1.0, 1.0)  # "a" again: fresh totals
    await engine.learn_from_ethics(first.id, 0.0)
    metrics = engine.metrics()
    assert metrics.mean_ethical_score == pytest.approx(6 / 7)
    assert engine.success_rate("a") == 0.0


@pytest.mark.parametrize(
    ("concerns", "error", "message"),
    [
        ("abc", TypeError, "concerns must be a list or tuple of str, got str: 'abc'"),
        (None, TypeError, "concerns must be a list or tuple of str, got NoneType: None"),
        (["fine", ""], ValueError, r"concerns\[1\] must not be empty"),
        (["fine", 3], TypeError, r"concerns\[1\] must be a str"),
    ],
)
@pytest.mark.asyncio
async def test_concerns_are_validated(
    concerns: object, error: type[Exception], message: str
) -> None:
    """Finding 8: ``'abc'`` was stored as three concerns and ``None`` crashed."""
    engine = EvolutionEngine()
    experience = await engine.log_experience("a", "success", 0.9, 0.9)
    with pytest.raises(error, match=message):
        await engine.learn_from_ethics(experience.id, 0.1, concerns)  # type: ignore[arg-type]
    assert engine.get(experience.id) == experience  # nothing happened


def test_ids_and_timestamps_agree_under_threads(tiny_switch_interval: None) -> None:
    """Finding 8: timestamps were read outside the lock (513 inversions in 24,000)."""
    ticks = itertools.count()
    engine = EvolutionEngine(clock=lambda: float(next(ticks)), max_history=30_000)

    def worker(n: int) -> None:
        for _ in range(3000):
            engine.log_experience_sync(f"act{n % 3}", "success", 0.9, 0.9)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    history = engine.experiences()
    assert len(history) == 24_000
    stamps = [e.timestamp for e in history]
    assert stamps == sorted(stamps)
    for cut in (0.0, 100.5, 12_000.0, 23_999.0, 30_000.0):
        selected = engine.experiences(since=cut)
        assert selected == history[len(history) - len(selected) :], f"since={cut}"


def test_a_clock_stepping_back_does_not_reorder_timestamps() -> None:
    times = iter([10.0, 20.0, 5.0, 30.0])
    engine = EvolutionEngine(clock=lambda: next(times))
    for _ in range(4):
        engine.log_experience_sync("a", "success", 0.9, 0.9)
    assert [e.timestamp for e in engine.experiences()] == [10.0, 20.0, 20.0, 30.0]
    assert [e.id for e in engine.experiences(since=15.0)] == [2, 3, 4]


@pytest.mark.asyncio
async def test_rescoring_cannot_make_the_sums_drift() -> None:
    """Finding 8: a mean of -6.4e-19 after rescoring everything to 0.0."""
    engine = EvolutionEngine()
    rng = random.Random(17)
    ids = [
        (await engine.log_experience("a", "success", rng.random(), rng.random())).id
        for _ in range(500)
    ]
    for _ in range(3):
        for key in ids:
            await engine.learn_from_ethics(key, rng.random())
            await engine.learn_from_safety(key, rng.random())
    for key in ids:
        await engine.learn_from_ethics(key, 0.0)
        await engine.learn_from_safety(key, 0.1)
    metrics = engine.metrics()
    assert metrics.mean_ethical_score == 0.0
    assert metrics.mean_safety_score == pytest.approx(0.1, abs=1e-15)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"outcome": "bogus"}, ValueError, "outcome must be one of success, failure, learning"),
        ({"outcome": 3}, ValueError, "outcome must be one of .* got 3"),
        ({"action": 123}, TypeError, "action must be a str, got int: 123"),
        ({"action": ""}, ValueError, "action must not be empty"),
        ({"since": "yesterday"}, TypeError, "since must be a timestamp .*'yesterday'"),
        ({"since": float("nan")}, ValueError, "since must not be NaN"),
    ],
)
def test_query_arguments_are_validated(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    """Finding 8: ``outcome='bogus'`` did not name the field; ``action=123`` found nothing."""
    engine = EvolutionEngine()
    engine.log_experience_sync("a", Outcome.SUCCESS, 0.9, 0.9)
    with pytest.raises(error, match=message):
        engine.experiences(**kwargs)  # type: ignore[arg-type]


def test_success_rate_refuses_a_non_text_action() -> None:
    with pytest.raises(TypeError, match="action must be a str"):
        EvolutionEngine().success_rate(123)  # type: ignore[arg-type]


@pytest.mark.parametrize("bound", [0, -1, True, 2.5, "10"])
def test_max_actions_must_be_a_positive_int(bound: object) -> None:
    with pytest.raises((TypeError, ValueError), match="max_actions"):
        EvolutionEngine(max_actions=bound)  # type: ignore[arg-type]


def test_patterns_are_served_from_bounded_totals() -> None:
    engine = EvolutionEngine(max_history=10, max_actions=50)
    for i in range(5000):
        engine.log_experience_sync(f"a{i % 400}", "failure", 0.1, 0.9)
    patterns = asyncio.run(engine.recognize_patterns())
    assert len({p.action for p in patterns}) <= 50 + 50 // 8
