"""The shapes behind the HTML report's detail charts: latency spectra and memory over time.

Read tolerantly from result mappings, as :mod:`html_series` does: what a result lacks gives
None, and the chart is left out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pytest_aegis_stress.report.html_series import as_float, listed, number

__all__ = [
    "MemoryFit",
    "Spectrum",
    "failed_spectrum",
    "histogram_buckets",
    "memory_fit",
    "percentile_spectrum",
]

Result = Mapping[str, Any]

#: Percentiles of the spectrum when the full histogram is known (HdrHistogram's ladder).
SPECTRUM_PERCENTILES = (0.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.999)
#: Summary figures that stand in for the histogram when a result has none.
_SUMMARY_PERCENTILES = (("p50_ms", 50.0), ("p95_ms", 95.0), ("p99_ms", 99.0), ("p999_ms", 99.9))
#: Share of a run ignored before the memory slope is fitted, as the resource sampler does.
MEMORY_WARMUP = 0.2


@dataclass(frozen=True, slots=True)
class Spectrum:
    """Latency (ms) at each percentile; ``exact`` when read from the full histogram."""

    percentiles: tuple[float, ...]
    latency_ms: tuple[float, ...]
    exact: bool


def histogram_buckets(result: Result, key: str = "latency_histogram") -> list[tuple[float, int]]:
    """``(upper bound in ms, count)`` of each bucket in use of one of the result's histograms.

    The engine writes ``[[highest value in ns, count], ...]``; ``{"upper_ns": [...],
    "counts": [...]}`` is read too.
    """
    raw = result.get(key)
    if isinstance(raw, Mapping):
        values = listed(raw.get("upper_ns")) or listed(raw.get("values_ns"))
        pairs = list(zip(values, listed(raw.get("counts")), strict=False))
    else:
        pairs = [
            tuple(item)[:2] for item in listed(raw) if isinstance(item, list) and len(item) >= 2
        ]
    buckets = []
    for value, count in pairs:
        upper = as_float(value)
        if (
            upper is not None
            and isinstance(count, int)
            and not isinstance(count, bool)
            and count > 0
        ):
            buckets.append((upper / 1e6, count))
    return sorted(buckets)


def _spectrum_of(buckets: list[tuple[float, int]], maximum: float | None) -> Spectrum:
    total = sum(count for _, count in buckets)
    points: list[float] = []
    cumulative, position = 0, 0
    for percentile in SPECTRUM_PERCENTILES:
        rank = max(math.ceil(percentile / 100 * total), 1)  # HdrHistogram's ceiling rank
        while cumulative < rank:
            cumulative += buckets[position][1]
            position += 1
        points.append(buckets[position - 1][0])
    top = maximum if maximum is not None else buckets[-1][0]
    points = [min(p, top) for p in points]
    return Spectrum((*SPECTRUM_PERCENTILES, 100.0), (*points, top), exact=True)


def percentile_spectrum(result: Result) -> Spectrum | None:
    """The latency percentile spectrum, from the histogram when present, else the summary."""
    buckets = histogram_buckets(result) or histogram_buckets(result, "histogram")
    maximum = number(result, "max_ms")
    if buckets:
        return _spectrum_of(buckets, maximum)
    known = [(p, v) for key, p in _SUMMARY_PERCENTILES if (v := number(result, key)) is not None]
    if maximum is not None:
        known.append((100.0, maximum))
    if not known or all(v == 0 for _, v in known):
        return None
    return Spectrum(tuple(p for p, _ in known), tuple(v for _, v in known), exact=False)


def failed_spectrum(result: Result) -> Spectrum | None:
    """The spectrum of failed calls' latency, when the result kept their histogram."""
    buckets = histogram_buckets(result, "failed_histogram")
    return _spectrum_of(buckets, number(result, "failed_max_ms")) if buckets else None


@dataclass(frozen=True, slots=True)
class MemoryFit:
    """Resident memory over time and the fitted growth line over the settled part."""

    seconds: tuple[float, ...]
    rss_mb: tuple[float, ...]
    line_seconds: tuple[float, float]
    line_mb: tuple[float, float]
    slope_mb_per_min: float


def _memory_points(result: Result) -> list[tuple[float, float]]:
    raw = result.get("memory_series")
    pairs: list[tuple[Any, ...]]
    if isinstance(raw, Mapping):
        pairs = list(zip(listed(raw.get("seconds")), listed(raw.get("rss_mb")), strict=False))
    else:
        pairs = [tuple(item)[:2] for item in listed(raw) if isinstance(item, list)]
    floats = [tuple(as_float(v) for v in pair) for pair in pairs]
    return [
        (s, mb) for s, mb in (f for f in floats if len(f) == 2) if s is not None and mb is not None
    ]


def memory_fit(result: Result) -> MemoryFit | None:
    """Memory points and the slope line the run reported (through the settled mean)."""
    points = _memory_points(result)
    if len(points) < 2:
        return None
    seconds, rss = zip(*points, strict=True)
    settled = points[int(len(points) * MEMORY_WARMUP) :]
    slope = number(result, "memory_slope_mb_per_min")
    if slope is None:
        slope = 0.0
    # A least-squares line passes through the mean point, so the reported slope through the
    # mean of the settled samples is the fitted line.
    mean_s = sum(s for s, _ in settled) / len(settled)
    mean_mb = sum(m for _, m in settled) / len(settled)
    start, end = settled[0][0], settled[-1][0]
    per_second = slope / 60
    return MemoryFit(
        seconds=tuple(seconds),
        rss_mb=tuple(rss),
        line_seconds=(start, end),
        line_mb=(mean_mb + per_second * (start - mean_s), mean_mb + per_second * (end - mean_s)),
        slope_mb_per_min=slope,
    )
