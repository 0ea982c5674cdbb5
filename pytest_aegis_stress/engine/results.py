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
    "tier",
    "outcome",
    "profile",
    "run_id",
    "timestamp",
    "versions",
)


@dataclass(slots=True)
class StageResult:
    """One step of a ramp: what was offered, what was achieved, how fast."""

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

    def sustained(self, p95_bound_ms: float | None) -> bool:
        """Achieved at least 95% of the offered rate, with p95 within the bound if given."""
        fast_enough = p95_bound_ms is None or self.p95_ms <= p95_bound_ms
        return self.achieved_rate >= 0.95 * self.offered_rate and fast_enough


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
    tier: str = ""
    errors: list[str] = field(default_factory=list)
    throughput_series: list[int] = field(default_factory=list)
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


def set_latency(result: StressResult, histogram: LatencyHistogram) -> StressResult:
    """Fill a result's percentile figures from one histogram."""
    result.p50_ms = histogram.percentile_ms(50)
    result.p95_ms = histogram.percentile_ms(95)
    result.p99_ms = histogram.percentile_ms(99)
    result.p999_ms = histogram.percentile_ms(99.9)
    result.max_ms = histogram.max_ms()
    return result
