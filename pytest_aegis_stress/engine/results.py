"""What a stress run measured, under the names the CSV and JUnit XML use."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from pytest_aegis_stress.engine.histogram import LatencyHistogram

__all__ = ["CSV_COLUMNS", "StageResult", "StressResult", "set_latency"]

#: The guide's eleven columns in its order, then this plugin's.
CSV_COLUMNS: tuple[str, ...] = (
    "test_name",
    "duration_s",
    "ops_completed",
    "ops_failed",
    "throughput",
    "error_rate",
    "p50_ms",
    "p95_ms",
    "p99_ms",
    "avg_memory_mb",
    "avg_cpu_pct",
    "p999_ms",
    "max_ms",
    "peak_memory_mb",
    "memory_growth_mb",
    "memory_slope_mb_per_min",
    "workers",
    "mode",
    "offered_rate",
    "max_sustainable_rate",
    "late_starts",
    "dropped_starts",
    "service_p95_ms",
    "failed_p95_ms",
    "failed_p99_ms",
    "insufficient_concurrency",
    "harness_cpu_pct",
    "tier",
    "outcome",
    "profile",
    "run_id",
    "timestamp",
    "versions",
)


@dataclass(slots=True)
class StageResult:
    """One step of an open-loop run: what was offered, what was served, how fast.

    Arrivals belong to the stage in which they were due, wherever they were served: a backlog
    carried past a boundary delays the next stage's starts and stays this stage's latency.
    """

    offered_rate: float
    achieved_rate: float
    ops_completed: int
    ops_failed: int
    late_starts: int
    dropped_starts: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    service_p95_ms: float
    #: Arrivals the stage scheduled.
    planned: int = 0
    #: Arrivals of the previous stage still waiting to start when this one opened.
    backlog_start: int = 0
    #: Arrivals of this stage still waiting to start when it closed.
    backlog_end: int = 0
    #: A start later than this after its intended time is late.
    late_after_ms: float = 1.0
    #: Completed and failed calls per second: the arrivals the operation kept up with.
    served_rate: float = 0.0

    def sustained(self, p95_bound_ms: float | None, *, max_error_rate: float | None = None) -> bool:
        """See :func:`pytest_aegis_stress.engine.sustain.sustainable`."""
        from pytest_aegis_stress.engine.sustain import sustainable

        return sustainable(self, p95_bound_ms=p95_bound_ms, max_error_rate=max_error_rate)


@dataclass(slots=True)
class StressResult:
    """One measured run. Attribute names are the CSV's column names."""

    test_name: str
    duration_s: float
    ops_completed: int
    ops_failed: int
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    p999_ms: float = 0.0
    max_ms: float = 0.0
    avg_memory_mb: float = 0.0
    avg_cpu_pct: float = 0.0
    peak_memory_mb: float = 0.0
    memory_growth_mb: float = 0.0
    memory_slope_mb_per_min: float = 0.0
    workers: int = 1
    mode: str = "thread"
    offered_rate: float | None = None
    max_sustainable_rate: float | None = None
    late_starts: int = 0
    dropped_starts: int = 0
    service_p95_ms: float | None = None
    failed_p50_ms: float = 0.0
    failed_p95_ms: float = 0.0
    failed_p99_ms: float = 0.0
    failed_max_ms: float = 0.0
    insufficient_concurrency: int = 0
    harness_cpu_pct: float = 0.0
    late_after_ms: float = 1.0
    tier: str = ""
    errors: list[str] = field(default_factory=list)
    throughput_series: list[int] = field(default_factory=list)
    #: ``[p50, p95, p99]`` in ms of the operations that completed in each second.
    latency_series: list[list[float]] = field(default_factory=list)
    #: ``[highest value in ns, count]`` of every latency bucket in use (completed calls).
    latency_histogram: list[list[int]] = field(default_factory=list)
    #: The same for failed calls.
    failed_histogram: list[list[int]] = field(default_factory=list)
    stages: list[StageResult] = field(default_factory=list)
    #: ``{"seconds": [...], "rss_mb": [...]}``: resident memory while the run was measured.
    memory_series: dict[str, list[float]] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        """Completed operations per second over the run."""
        return self.ops_completed / self.duration_s if self.duration_s > 0 else 0.0

    @property
    def error_rate(self) -> float:
        """Failed operations as a fraction of all attempted (0–1)."""
        total = self.ops_completed + self.ops_failed
        return self.ops_failed / total if total else 0.0

    def grade(self, value: float, *, minimum: float, acceptable: float, target: float) -> str:
        """Set and return :attr:`tier` for ``value`` against rising tier bounds.

        ``"below-minimum"`` when under all three; the highest tier reached otherwise.
        """
        tier = "below-minimum"
        for name, bound in (("minimum", minimum), ("acceptable", acceptable), ("target", target)):
            if value >= bound:
                tier = name
        self.tier = tier
        return tier

    def figures(self) -> dict[str, Any]:
        """Every CSV figure this result owns (the session adds outcome, profile, run id)."""
        row = {name: getattr(self, name) for name in CSV_COLUMNS if hasattr(self, name)}
        row["throughput"] = self.throughput
        row["error_rate"] = self.error_rate
        return row

    def to_dict(self) -> dict[str, Any]:
        """Everything, stages and time series included, for the JSON report."""
        data = dataclasses.asdict(self)
        data["throughput"] = self.throughput
        data["error_rate"] = self.error_rate
        return data


def set_latency(
    result: StressResult, histogram: LatencyHistogram, failed: LatencyHistogram | None = None
) -> StressResult:
    """Fill a result's percentile figures and histograms (completed calls, failed calls)."""
    result.p50_ms, result.p95_ms, result.p99_ms, result.p999_ms = histogram.percentiles_ms(
        (50.0, 95.0, 99.0, 99.9)
    )
    result.max_ms = histogram.max_ms()
    result.latency_histogram = [list(pair) for pair in histogram.buckets()]
    if failed is not None and failed.total:
        result.failed_p50_ms, result.failed_p95_ms, result.failed_p99_ms = failed.percentiles_ms(
            (50.0, 95.0, 99.0)
        )
        result.failed_max_ms = failed.max_ms()
        result.failed_histogram = [list(pair) for pair in failed.buckets()]
    return result
