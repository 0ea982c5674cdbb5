"""The figures behind the HTML report's load charts, read from results as the JSON has them.

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
    "Sweep",
    "as_float",
    "base_name",
    "knee_index",
    "latency_series",
    "listed",
    "number",
    "stages",
    "sweeps",
]

Result = Mapping[str, Any]


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
    """Concurrency sweeps: closed-loop results of one parametrised function at two or more
    worker counts. Open-loop results are left out: their workers are what the pool grew to
    under the offered rate, an outcome of the load rather than a setting of it."""
    groups: dict[str, dict[int, tuple[float, str]]] = {}
    for result in results:
        name = str(result.get("test_name", ""))
        workers, throughput = number(result, "workers"), number(result, "throughput")
        open_loop = number(result, "offered_rate") is not None or bool(stages(result))
        if "[" not in name or open_loop or workers is None or workers < 1 or throughput is None:
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
    second with nothing completed (none in ``throughput_series``) is a gap, not a zero.
    """
    raw = result.get("latency_series")
    counts = [as_float(count) for count in listed(result.get("throughput_series"))]
    columns: dict[str, list[float]] = {}
    for position, label in enumerate(("p50", "p95", "p99")):
        values: list[Any] = []
        if isinstance(raw, Mapping):
            values = listed(raw.get(f"{label}_ms")) or listed(raw.get(label))
        elif isinstance(raw, list):
            values = [_column(row, position, f"{label}_ms") for row in raw]
        cleaned = [as_float(value) for value in values]
        # The engine writes zeros for a second in which nothing completed.
        cleaned = [None if i < len(counts) and counts[i] == 0 else v for i, v in enumerate(cleaned)]
        if any(v is not None for v in cleaned):
            columns[label] = [math.nan if v is None else v for v in cleaned]
    return columns


def _column(row: object, position: int, key: str) -> object:
    if isinstance(row, Mapping):
        return row.get(key)
    if isinstance(row, list) and position < len(row):
        return row[position]
    return None
