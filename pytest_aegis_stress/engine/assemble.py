"""From a run's recording to the results a test reads: totals, stages, resources.

Plain functions over plain objects, called after the measured window closes (merging
allocates), so the figures a run reports can be checked with hand-made recordings and no
load at all.
"""

from __future__ import annotations

from pytest_aegis_stress.engine.histogram import LatencyHistogram
from pytest_aegis_stress.engine.recording import MAX_ERROR_MESSAGES, Recording
from pytest_aegis_stress.engine.resources import ResourceSummary
from pytest_aegis_stress.engine.results import StageResult, StressResult, set_latency
from pytest_aegis_stress.engine.schedule import Schedule

__all__ = ["add_resources", "result_from", "stages_from"]


def stages_from(recording: Recording, schedule: Schedule) -> list[StageResult]:
    """The figures of each stage of an open-loop run."""
    stage_s = schedule.stage_ns / 1e9
    stages = []
    for k, rate in enumerate(schedule.rates):
        completed, failed = recording.completed[k], recording.failed[k]
        p50, p95, p99 = recording.latency[k].percentiles_ms((50.0, 95.0, 99.0))
        stages.append(
            StageResult(
                offered_rate=rate,
                achieved_rate=completed / stage_s,
                ops_completed=completed,
                ops_failed=failed,
                late_starts=recording.late[k],
                dropped_starts=recording.unserved[k],
                p50_ms=p50,
                p95_ms=p95,
                p99_ms=p99,
                service_p95_ms=recording.service[k].percentile_ms(95),
                planned=schedule.planned_per_stage[k],
                backlog_start=recording.backlog_end[k - 1] if k else 0,
                backlog_end=recording.backlog_end[k],
                late_after_ms=recording.late_after_ns / 1e6,
                served_rate=(completed + failed) / stage_s,
            )
        )
    return stages


def result_from(test_name: str, elapsed: float, recordings: list[Recording]) -> StressResult:
    """The run's result: every stage's histograms merged, series joined end to end."""
    for recording in recordings:
        recording.finish()
    result = StressResult(
        test_name=test_name,
        duration_s=elapsed,
        ops_completed=sum(sum(r.completed) for r in recordings),
        ops_failed=sum(sum(r.failed) for r in recordings),
        errors=[e for r in recordings for e in r.errors][:MAX_ERROR_MESSAGES],
        throughput_series=[n for r in recordings for n in r.series],
        latency_series=[list(p) for r in recordings for p in r.series_percentiles],
        late_starts=sum(sum(r.late) for r in recordings),
        dropped_starts=sum(sum(r.unserved) for r in recordings),
        insufficient_concurrency=sum(r.insufficient_concurrency for r in recordings),
        late_after_ms=recordings[0].late_after_ns / 1e6,
    )
    merged = LatencyHistogram()
    failed = LatencyHistogram()
    service = LatencyHistogram()
    for recording in recordings:
        for histogram in recording.latency:
            merged.merge(histogram)
        for histogram in recording.service:
            service.merge(histogram)
        failed.merge(recording.failed_latency)
    set_latency(result, merged, failed)
    if recordings[0].open_loop:
        result.service_p95_ms = service.percentile_ms(95)
    if elapsed > 0:
        harness_s = sum(r.harness_ns for r in recordings) / 1e9
        result.harness_cpu_pct = harness_s / elapsed * 100
    return result


def add_resources(result: StressResult, summary: ResourceSummary) -> None:
    result.avg_memory_mb = summary.avg_memory_mb
    result.peak_memory_mb = summary.peak_memory_mb
    result.memory_growth_mb = summary.memory_growth_mb
    result.memory_slope_mb_per_min = summary.memory_slope_mb_per_min
    result.avg_cpu_pct = summary.avg_cpu_pct
    if elapsed := result.duration_s:
        result.harness_cpu_pct += summary.sampler_cpu_s / elapsed * 100
    result.memory_series = summary.memory_series
