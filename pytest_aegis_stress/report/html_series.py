"""The figures behind each chart of the HTML report, read from results as the JSON has them.

Results are plain mappings (what ``--stress-json`` writes), and any field may be missing: a
closed-loop result has no stages, a hand-written loop no memory series, a result from an
older version no histogram. Every reader here returns ``None`` or an empty list for what is
not there, so the page draws the charts it can and leaves the others out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "MemoryFit",
    "Spectrum",
    "Sweep",
    "as_float",
    "base_name",
    "failed_spectrum",
    "histogram_buckets",
    "knee_index",
    "latency_series",
    "listed",
    "memory_fit",
    "number",
    "percentile_spectrum",
    "stages",
    "sweeps",
]

Result = Mapping[str, Any]

#: Percentiles of the spectrum when the full histogram is known (HdrHistogram's ladder).
SPECTRUM_PERCENTILES = (0.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 99.999)
#: Summary figures that stand in for the histogram when a result has none.
_SUMMARY_PERCENTILES = (("p50_ms", 50.0), ("p95_ms", 95.0), ("p99_ms", 99.0), ("p999_ms", 99.9))
#: Share of a run ignored before the memory slope is fitted, as the resource sampler does.
MEMORY_WARMUP = 0.2


def number(result: Result, key: str) -> float | None:
    """``result[key]`` as a finite float, or None when missing, empty or not a number."""
    return as_float(result.get(key))


def as_float(value: object) -> float | None:
    """``value`` as a finite float (numbers and numeric text), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float | str) or value == "":
        return None
    try:
        converted = float(value)
    except (ValueError, OverflowError):  # text that is no number; an int beyond float
        return None
    return converted if math.isfinite(converted) else None


def listed(value: object) -> list[Any]:
    """``value`` if it is a list (JSON's only sequence), else an empty list."""
    return value if isinstance(value, list) else []


def base_name(test_name: str) -> str:
    """The test function of a result: ``test_x[workers=4]::probe`` → ``test_x::probe``."""
    head, bracket, rest = test_name.partition("[")
    if not bracket:
        return test_name
    _, closing, tail = rest.rpartition("]")
    return head + tail if closing else head


@dataclass(frozen=True, slots=True)
class Sweep:
    """Results of one test function at several worker counts, in rising order."""

    name: str
    workers: tuple[int, ...]
    throughput: tuple[float, ...]
    efficiency: tuple[float, ...]
    tests: tuple[str, ...]


def _sweep(name: str, members: list[tuple[int, float, str]]) -> Sweep:
    members.sort()
    first_workers, first_throughput, _ = members[0]
    per_worker = first_throughput / first_workers
    # The project's definition: throughput at N / (N x throughput at 1), from the smallest N.
    return Sweep(
        name=name,
        workers=tuple(w for w, _, _ in members),
        throughput=tuple(t for _, t, _ in members),
        efficiency=tuple(t / (w * per_worker) if per_worker > 0 else 0.0 for w, t, _ in members),
        tests=tuple(test for _, _, test in members),
    )


def sweeps(results: Iterable[Result]) -> list[Sweep]:
    """Concurrency sweeps: functions with results at two or more distinct worker counts."""
    groups: dict[str, dict[int, tuple[float, str]]] = {}
    for result in results:
        name = str(result.get("test_name", ""))
        workers, throughput = number(result, "workers"), number(result, "throughput")
        if "[" not in name or workers is None or workers < 1 or throughput is None:
            continue
        groups.setdefault(base_name(name), {}).setdefault(int(workers), (throughput, name))
    return [
        _sweep(name, [(w, t, test) for w, (t, test) in by_workers.items()])
        for name, by_workers in groups.items()
        if len(by_workers) >= 2
    ]


def stages(result: Result) -> list[Mapping[str, Any]]:
    """The ramp stages of a result (empty for closed loops and hand-written loops)."""
    value = result.get("stages")
    if not isinstance(value, list):
        return []
    return [stage for stage in value if isinstance(stage, Mapping)]


def knee_index(result: Result) -> int | None:
    """Index of the highest sustained stage: the one offering ``max_sustainable_rate``."""
    best = number(result, "max_sustainable_rate")
    steps = stages(result)
    if best is None or best <= 0 or not steps:
        return None
    matching = [i for i, stage in enumerate(steps) if number(stage, "offered_rate") == best]
    sustained = [i for i in matching if steps[i].get("sustained", True) is not False]
    chosen = sustained or matching
    return chosen[-1] if chosen else None


def latency_series(result: Result) -> dict[str, list[float]]:
    """Per-second ``p50``/``p95``/``p99`` (ms) when the result carries them, else ``{}``.

    ``latency_series`` is a list of ``[p50, p95, p99]`` per second as the engine writes it;
    a mapping of columns (``{"p50_ms": [...]}``) or a list of row mappings is read too. A
    second with nothing completed is a gap, not a zero.
    """
    raw = result.get("latency_series")
    columns: dict[str, list[float]] = {}
    for position, label in enumerate(("p50", "p95", "p99")):
        values: list[Any] = []
        if isinstance(raw, Mapping):
            values = listed(raw.get(f"{label}_ms")) or listed(raw.get(label))
        elif isinstance(raw, list):
            values = [_column(row, position, f"{label}_ms") for row in raw]
        cleaned = [as_float(value) for value in values]
        if any(v is not None for v in cleaned):
            columns[label] = [math.nan if v is None else v for v in cleaned]
    return columns


def _column(row: object, position: int, key: str) -> object:
    if isinstance(row, Mapping):
        return row.get(key)
    if isinstance(row, list) and position < len(row):
        return row[position]
    return None


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
