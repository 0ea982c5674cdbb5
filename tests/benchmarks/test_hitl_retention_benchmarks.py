"""Memory of the human-in-the-loop queue with its default retention
(``--benchmark-enable`` to measure)."""

from __future__ import annotations

import asyncio
import tracemalloc

from pytest_benchmark.fixture import BenchmarkFixture

from aegis.hitl import DEFAULT_KEEP_DECIDED, HITLCollaborator, Priority

PENDING = 100_000
DECIDED = 2 * DEFAULT_KEEP_DECIDED


def test_hitl_memory_of_100k_pending_and_the_default_history(benchmark: BenchmarkFixture) -> None:
    """Goal: under 200 MB for 100,000 pending decisions and the retained history, 1 KB of
    context each, with twice the default retention decided (half of it pruned)."""

    def measure() -> float:
        loop = asyncio.new_event_loop()
        tracemalloc.start()
        hitl = HITLCollaborator(default_timeout=3600)

        async def fill() -> None:
            for i in range(PENDING):  # a distinct 1 KB context per decision
                await hitl.request_decision(f"q{i}", {"detail": f"{i:01000d}"}, Priority.LOW)
            for i in range(DECIDED):
                decision = await hitl.request_decision(
                    f"d{i}", {"detail": f"{i:01000d}"}, Priority.HIGH
                )
                await hitl.approve(decision.id, "reviewer", "within policy")

        loop.run_until_complete(fill())
        used = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        loop.close()
        assert hitl.pending_count == PENDING
        return used / 2**20

    megabytes = benchmark.pedantic(measure, rounds=1, iterations=1)
    benchmark.extra_info["traced_mb"] = megabytes
    assert megabytes < 200
