"""From the tallies of a run to the results a test reads: merging, stages, resources.

Plain functions over plain objects, so the figures a run reports can be checked with
hand-made tallies and no load at all.
"""

from __future__ import annotations

from pytest_aegis_stress.engine.resources import ResourceSummary
from pytest_aegis_stress.engine.results import StageResult, StressResult, set_latency
from pytest_aegis_stress.engine.tally import Tally

__all__ = ["add_resources", "fill_open_loop", "merge_tallies", "result_from", "stage_from"]


def merge_tallies(tallies: list[Tally], origin: int) -> Tally:
    """One tally holding every worker's operations, series aligned on ``origin``."""
    total = Tally(origin, open_loop=tallies[0].service is not None)
    for tally in tallies:
        total.merge(tally)
    return total


def stage_from(rate: float, planned: int, elapsed: float, tally: Tally) -> StageResult:
    """The figures of one open-loop stage that offered ``rate`` and planned ``planned`` starts."""
    assert tally.service is not None, "an open-loop stage keeps service times"
    done = tally.completed + tally.failed
    return StageResult(
        offered_rate=rate,
        achieved_rate=tally.completed / elapsed,
        ops_completed=tally.completed,
        ops_failed=tally.failed,
        late_starts=tally.late,
        dropped_starts=max(planned - done, 0),
        p50_ms=tally.latency.percentile_ms(50),
        p95_ms=tally.latency.percentile_ms(95),
        p99_ms=tally.latency.percentile_ms(99),
        service_p95_ms=tally.service.percentile_ms(95),
    )


def result_from(test_name: str, elapsed: float, tally: Tally) -> StressResult:
    result = StressResult(
        test_name=test_name,
        duration_s=elapsed,
        ops_completed=tally.completed,
        ops_failed=tally.failed,
        errors=tally.errors,
        throughput_series=tally.series,
        late_starts=tally.late,
    )
    set_latency(result, tally.latency)
    if tally.service is not None:
        result.service_p95_ms = tally.service.percentile_ms(95)
    return result


def fill_open_loop(result: StressResult, stages: list[StageResult], workers: int) -> None:
    result.stages = stages
    result.workers = workers
    result.mode = "open-loop"
    result.offered_rate = max(s.offered_rate for s in stages)
    result.dropped_starts = sum(s.dropped_starts for s in stages)


def add_resources(result: StressResult, summary: ResourceSummary) -> None:
    result.avg_memory_mb = summary.avg_memory_mb
    result.peak_memory_mb = summary.peak_memory_mb
    result.memory_growth_mb = summary.memory_growth_mb
    result.memory_slope_mb_per_min = summary.memory_slope_mb_per_min
    result.avg_cpu_pct = summary.avg_cpu_pct
    result.memory_series = summary.memory_series
