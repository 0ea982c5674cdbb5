"""Benchmarks of the plugin's own overhead. Figures land in ``benchmark.extra_info``.

Run them for real with ``pytest tests/benchmarks --benchmark-enable``; in the ordinary suite
they run once each, as smoke tests of the code they measure.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from pytest_aegis_stress.engine.load import StressRunner
from pytest_aegis_stress.engine.loops import closed_loop
from pytest_aegis_stress.engine.recording import Buffer, Recording

WINDOW_NS = 200_000_000


def _noop() -> None:
    return None


def _bare_loop(deadline: int) -> int:
    """The least a timed loop does: read the clock, call the operation."""
    ops = 0
    clock = time.perf_counter_ns
    while clock() < deadline:
        _noop()
        ops += 1
    return ops


def _recorded_loop(deadline: int) -> int:
    recording = Recording(time.perf_counter_ns())
    closed_loop(_noop, Buffer(recording), deadline, time.perf_counter_ns)
    return recording.completed[0]


@pytest.mark.parametrize("loop", [_bare_loop, _recorded_loop], ids=["bare", "recorded"])
def test_cost_per_operation_of_a_timed_loop(benchmark: BenchmarkFixture, loop: object) -> None:
    """Recording cost = ns/op of ``recorded`` minus ns/op of ``bare`` (goal: <= 500 ns)."""
    counts: list[int] = []

    def window() -> None:
        counts.append(loop(time.perf_counter_ns() + WINDOW_NS))  # type: ignore[operator]

    benchmark.pedantic(window, rounds=5, iterations=1)
    best = max(counts)
    benchmark.extra_info["ns_per_op"] = WINDOW_NS / best
    assert best > 0


def _cpu_ns_per_op(loop: object) -> float:
    began = time.thread_time_ns()
    ops = loop(time.perf_counter_ns() + WINDOW_NS // 4)  # type: ignore[operator]
    return (time.thread_time_ns() - began) / max(ops, 1)


def test_recording_overhead_in_cpu_time_per_operation(benchmark: BenchmarkFixture) -> None:
    """CPU ns/op of the recorded loop minus the bare one, alternated in each round so that
    both see the same machine; the median over rounds (goal: <= 500 ns)."""
    overheads: list[float] = []

    def paired() -> None:
        bare = _cpu_ns_per_op(_bare_loop)
        overheads.append(_cpu_ns_per_op(_recorded_loop) - bare)

    benchmark.pedantic(paired, rounds=5, iterations=1)
    median = statistics.median(overheads)
    benchmark.extra_info["recording_cpu_ns_per_op_median"] = median
    benchmark.extra_info["recording_cpu_ns_per_op"] = overheads
    assert median < 10_000  # a smoke bound only: the figure is the benchmark's


def _spin(ns: int) -> None:
    end = time.perf_counter_ns() + ns
    while time.perf_counter_ns() < end:
        pass


def test_open_loop_pacing_at_twenty_thousand_per_second(benchmark: BenchmarkFixture) -> None:
    """Achieved ÷ offered rate for a 5 µs operation at 20,000 ops/s (goal: within 2%)."""
    runner = StressRunner("pacing", 2.0)

    def paced() -> float:
        result = runner.constant_rate(lambda: _spin(5_000), rate=20_000, duration="1s")
        return result.throughput / 20_000

    ratio = benchmark.pedantic(paced, rounds=1, iterations=1)
    benchmark.extra_info["achieved_over_offered"] = ratio
    assert ratio > 0


@pytest.mark.parametrize("seconds", [0.5, 2.0])
def test_histogram_memory_does_not_grow_with_duration(
    benchmark: BenchmarkFixture, seconds: float
) -> None:
    """Peak memory traced while one worker records for ``seconds`` (goal: < 1 MB, flat)."""

    def traced() -> int:
        tracemalloc.start()
        _recorded_loop(time.perf_counter_ns() + int(seconds * 1e9))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    peak = benchmark.pedantic(traced, rounds=1, iterations=1)
    benchmark.extra_info["peak_bytes"] = peak
    assert peak > 0
