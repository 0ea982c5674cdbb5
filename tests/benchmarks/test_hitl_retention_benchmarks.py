"""Memory of the human-in-the-loop queue with its default retention
(``--benchmark-enable`` to measure)."""

from __future__ import annotations

import asyncio
import tracemalloc

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from aegis.hitl import DEFAULT_KEEP_DECIDED, HITLCollaborator, Priority

PENDING = 100_000
DECIDED = 2 * DEFAULT_KEEP_DECIDED


@pytest.mark.parametrize("context_bytes", [100, 1000])
def test_hitl_memory_of_100k_pending_and_the_default_history(
    benchmark: BenchmarkFixture, context_bytes: int
) -> None:
    """Goal: 100,000 pending decisions and the history the default retention keeps (twice
    ``DEFAULT_KEEP_DECIDED`` decided, half of them pruned) well under 200 MB with a
    100-byte context each; the 1 KB case is recorded beside it (the contexts alone are
    about 120 MB there)."""

    def measure() -> float:
        loop = asyncio.new_event_loop()
        tracemalloc.start()
        hitl = HITLCollaborator(default_timeout=3600)

        async def fill() -> None:
            for i in range(PENDING):  # a distinct context per decision
                context = {"detail": f"{i:0{context_bytes}d}"}
                await hitl.request_decision(f"q{i}", context, Priority.LOW)
            for i in range(DECIDED):
                context = {"detail": f"{i:0{context_bytes}d}"}
                decision = await hitl.request_decision(f"d{i}", context, Priority.HIGH)
                await hitl.approve(decision.id, "reviewer", "within policy")

        loop.run_until_complete(fill())
        used = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        loop.close()
        assert hitl.pending_count == PENDING
        return used / 2**20

    megabytes = benchmark.pedantic(measure, rounds=1, iterations=1)
    benchmark.extra_info["traced_mb"] = megabytes
    if context_bytes == 100:
        assert megabytes < 150
