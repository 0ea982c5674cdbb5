"""Benchmarks of the aegis components on one thread (``--benchmark-enable`` to measure)."""

from __future__ import annotations

import asyncio
import itertools
import time
import tracemalloc
from collections.abc import Callable, Iterator

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from aegis.evolution_core import EvolutionEngine
from aegis.hitl import HITLCollaborator, Priority
from aegis.intent_firewall import IntentFirewall, Request, Rule
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


# -- intent firewall -------------------------------------------------------------------------

FIREWALL_MIX = (
    [
        Request("read_file", {"path": "/tmp/test.txt"}, "User wants to read a file", 0.9),
        Request("list_directory", {"path": "/home/user"}, "User wants to list files", 0.95),
        Request("get_timestamp", {}, "User wants current time", 1.0),
    ]
    * 23
    + [Request("read_file", {"path": "/tmp/test.txt"}, "User wants to read a file", 0.9)]
    + [
        Request("execute_command", {"cmd": "rm -rf /"}, "User wants to delete everything", 0.3),
        Request("write_file", {"path": "/etc/passwd"}, "User wants to modify system file", 0.4),
    ]
    * 10
    + [
        Request("network_request", {"url": "http://unknown.com"}, "Unknown URL", 0.6),
        Request("execute_script", {"script": "user_provided.sh"}, "Run a script", 0.65),
    ]
    * 5
)


def _validating(firewall: IntentFirewall, requests: list[Request]) -> Callable[[], None]:
    """A batch of 1,000 validations cycling through ``requests``."""
    batch_requests = list(itertools.islice(itertools.cycle(requests), BATCH))
    validate = firewall.validate_request_sync

    def batch() -> None:
        for request in batch_requests:
            validate(request)

    return batch


@pytest.mark.parametrize(
    "requests",
    [FIREWALL_MIX[:1], FIREWALL_MIX[-16:-15], FIREWALL_MIX],
    ids=["safe", "unsafe", "spec-mix"],
)
def test_firewall_validate_request(benchmark: BenchmarkFixture, requests: list[Request]) -> None:
    """Goal for the spec mix: >= 100,000 validations/s, i.e. a batch of 1,000 in <= 10 ms."""
    benchmark(_validating(IntentFirewall(), requests))


def _uncacheable(request: Request) -> Request:
    """The same request with its parameters in a list, which the verdict cache skips."""
    return Request(
        request.action, {"wrapped": [dict(request.parameters)]}, request.context, request.confidence
    )


UNCACHED_MIX = [_uncacheable(request) for request in FIREWALL_MIX]


def test_firewall_spec_mix_uncached(benchmark: BenchmarkFixture) -> None:
    """Every request inspected afresh (no verdict cache), for comparison with the cached mix."""
    benchmark(_validating(IntentFirewall(), UNCACHED_MIX))


def test_firewall_spec_mix_latency_percentiles(benchmark: BenchmarkFixture) -> None:
    """Goal: p99 of one validation under 50 µs. Figures in extra_info, in µs."""
    firewall = IntentFirewall()
    requests = list(itertools.islice(itertools.cycle(FIREWALL_MIX), 20 * BATCH))
    clock = time.perf_counter_ns

    def timed() -> list[int]:
        latencies = []
        for request in requests:
            start = clock()
            firewall.validate_request_sync(request)
            latencies.append(clock() - start)
        return sorted(latencies)

    latencies = benchmark.pedantic(timed, rounds=3, iterations=1)
    for name, q in (("p50_us", 0.50), ("p99_us", 0.99), ("p999_us", 0.999)):
        benchmark.extra_info[name] = latencies[int(q * (len(latencies) - 1))] / 1000


@pytest.mark.parametrize("rule_count", [10, 10_000])
def test_firewall_cost_with_many_custom_rules(benchmark: BenchmarkFixture, rule_count: int) -> None:
    """Goal: 10,000 custom rules cost at most twice what 10 cost (no verdict cache)."""
    words = [f"forbidden{i:05d}token" for i in range(rule_count)]
    firewall = IntentFirewall(rules=[Rule(f"r{i}", rf"\b{w}\b") for i, w in enumerate(words)])
    benchmark(_validating(firewall, UNCACHED_MIX))
    blocked = firewall.validate_request_sync(
        Request("note", {"text": f"contains {words[-1]} here"})
    )
    assert blocked.matched_rules == (f"r{rule_count - 1}",)


# -- human in the loop -----------------------------------------------------------------------

PENDING = 100_000


def _loaded_collaborator(loop: asyncio.AbstractEventLoop) -> HITLCollaborator:
    hitl = HITLCollaborator(default_timeout=3600)
    context = {"detail": "x" * 1000}

    async def fill() -> None:
        for i in range(PENDING):
            await hitl.request_decision(f"question {i}", context, Priority((i % 4) + 1))

    loop.run_until_complete(fill())
    return hitl


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[asyncio.AbstractEventLoop, HITLCollaborator]]:
    loop = asyncio.new_event_loop()
    yield loop, _loaded_collaborator(loop)
    loop.close()


def test_hitl_request_and_approve_with_100k_pending(
    benchmark: BenchmarkFixture, loaded: tuple[asyncio.AbstractEventLoop, HITLCollaborator]
) -> None:
    """Goal: request_decision + approve <= 20 µs together with 100,000 pending (batch of 1,000)."""
    loop, hitl = loaded

    async def batch() -> None:
        for _ in range(BATCH):
            decision = await hitl.request_decision("q", {"detail": "x"}, Priority.HIGH)
            await hitl.approve(decision.id, "bench")

    benchmark(lambda: loop.run_until_complete(batch()))
    assert hitl.pending_count == PENDING


def test_hitl_pending_top_100_with_100k_pending(
    benchmark: BenchmarkFixture, loaded: tuple[asyncio.AbstractEventLoop, HITLCollaborator]
) -> None:
    """Goal: pending(limit=100) <= 1 ms with 100,000 pending."""
    _, hitl = loaded
    top = benchmark(hitl.pending, 100)
    assert [d.priority for d in top] == [Priority.CRITICAL] * 100


def test_hitl_memory_of_100k_pending(benchmark: BenchmarkFixture) -> None:
    """Goal: under 200 MB for 100,000 pending decisions of 1 KB context each."""

    def measure() -> float:
        loop = asyncio.new_event_loop()
        tracemalloc.start()
        hitl = HITLCollaborator(default_timeout=3600)

        async def fill() -> None:
            for i in range(PENDING):  # a distinct 1 KB context per decision
                await hitl.request_decision(f"q{i}", {"detail": f"{i:01000d}"}, Priority.LOW)

        loop.run_until_complete(fill())
        used = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        loop.close()
        assert hitl.pending_count == PENDING
        return used / 2**20

    megabytes = benchmark.pedantic(measure, rounds=1, iterations=1)
    benchmark.extra_info["traced_mb"] = megabytes
