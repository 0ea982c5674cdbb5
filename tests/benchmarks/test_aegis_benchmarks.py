"""Benchmarks of the aegis components on one thread (``--benchmark-enable`` to measure)."""

from __future__ import annotations

import itertools
import tracemalloc

from pytest_benchmark.fixture import BenchmarkFixture

from aegis.evolution_core import EvolutionEngine
from aegis.love_engine import Action, LoveEngine, State

BATCH = 1000

LOVE_MIX = (
    [
        Action("User wants to read a file", "read_file", "Low"),
        Action("User wants to check the time", "get_timestamp", "None"),
    ]
    * 5
    + [
        Action(
            "User wants to execute a script that modifies system files", "execute_script", "High"
        ),
        Action("User wants to send data to an external API", "network_request", "Medium"),
    ]
    * 3
    + [Action("User wants to do something but I'm not sure what", "unknown", "Unknown")] * 4
)


def test_love_engine_check_ethics(benchmark: BenchmarkFixture) -> None:
    """Goal: >= 50,000 calls/s, i.e. a batch of 1,000 in <= 20 ms."""
    engine = LoveEngine()
    state = State("Normal operation", (), "Healthy")
    actions = list(itertools.islice(itertools.cycle(LOVE_MIX), BATCH))

    def batch() -> None:
        for action in actions:
            engine.check_ethics_sync(action, state)

    benchmark(batch)
    benchmark.extra_info["calls_per_batch"] = BATCH


def test_love_engine_check_ethics_uncached(benchmark: BenchmarkFixture) -> None:
    """Actions with parameters are scored afresh each time (only per-text signals are cached)."""
    engine = LoveEngine()
    actions = [
        Action(a.description, a.intent, a.potential_impact, {"path": "/tmp/x", "consent": True})
        for a in itertools.islice(itertools.cycle(LOVE_MIX), BATCH)
    ]

    def batch() -> None:
        for action in actions:
            engine.check_ethics_sync(action)

    benchmark(batch)


def test_evolution_log_experience(benchmark: BenchmarkFixture) -> None:
    """Goal: >= 200,000 calls/s, i.e. a batch of 1,000 in <= 5 ms."""
    engine = EvolutionEngine(max_history=100_000)
    outcomes = ["success"] * 6 + ["failure"] * 3 + ["learning"]
    calls = [(f"action_{i % 20}", outcomes[i % 10], 0.9, 0.8, "x" * 100) for i in range(BATCH)]
    log = engine.log_experience_sync

    def batch() -> None:
        for call in calls:
            log(*call)

    benchmark(batch)
    benchmark.extra_info["calls_per_batch"] = BATCH


def test_evolution_memory_per_experience(benchmark: BenchmarkFixture) -> None:
    """Goal: < 500 bytes per experience with a distinct 100-byte context."""

    def measure() -> float:
        engine = EvolutionEngine()
        actions = [f"action_{i}" for i in range(20)]
        count = 20_000
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for i in range(count):  # the 100-byte context is made, and counted, per experience
            engine.log_experience_sync(actions[i % 20], "success", 0.9, 0.8, f"{i:0100d}")
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        return (after - before) / count

    per_experience = benchmark.pedantic(measure, rounds=1, iterations=1)
    benchmark.extra_info["bytes_per_experience"] = per_experience
    assert per_experience > 0


def test_evolution_recognize_patterns_over_a_million(benchmark: BenchmarkFixture) -> None:
    """Goal: <= 10 ms with 1,000,000 experiences logged."""
    engine = EvolutionEngine(max_history=1000)
    for i in range(1_000_000):
        engine.log_experience_sync(f"action_{i % 50}", "success" if i % 3 else "failure", 0.9, 0.4)
    benchmark(engine.recognize_patterns_sync)
    assert engine.metrics().total_experiences == 1_000_000
