"""Marker thresholds: ``p95="10ms"``, ``throughput=">=5000/s"``, ``memory_growth="<20MB"``."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pytest_aegis_stress.engine.durations import DURATION_FORMS, parse_duration
from pytest_aegis_stress.engine.results import StressResult

__all__ = ["THRESHOLD_METRICS", "Threshold", "parse_thresholds"]

# metric -> (result attribute, default comparison, unit parser, unit shown in messages)
_LATENCY = {"p50": "p50_ms", "p95": "p95_ms", "p99": "p99_ms", "p999": "p999_ms", "max": "max_ms"}
THRESHOLD_METRICS = (*_LATENCY, "throughput", "error_rate", "memory_growth")
_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    "<": operator.lt,
    ">=": operator.ge,
    ">": operator.gt,
}
_SPEC = re.compile(r"\s*(?P<op><=|>=|<|>)?\s*(?P<value>.+?)\s*")
_SIZES = {"b": 1 / 2**20, "kb": 1 / 1024, "mb": 1.0, "gb": 1024.0}
_LATENCY_FORMS = f"an optional <, <=, >, >= and {DURATION_FORMS} (a bare number is refused)"
_FORMS = {
    **dict.fromkeys(_LATENCY, _LATENCY_FORMS),
    "throughput": "an optional comparison and operations per second: '>=5000/s', '>1,000'",
    "error_rate": "an optional comparison and a fraction or percentage: '<1%', '<=0.01'",
    "memory_growth": "an optional comparison and a size in B, KB, MB or GB: '<20MB'",
}


@dataclass(frozen=True, slots=True)
class Threshold:
    """A bound on one figure of a result, in the figure's own unit (ms, ops/s, 0–1, MB)."""

    metric: str
    op: str
    bound: float
    text: str

    def check(self, result: StressResult) -> str | None:
        """None when met; otherwise a message with the measured figure and the bound."""
        measured = self.measure(result)
        if _OPERATORS[self.op](measured, self.bound):
            return None
        return (
            f"{result.test_name}: {self.metric} = {self._show(measured)} "
            f"violates {self.metric} {self.op} {self.text}"
        )

    def measure(self, result: StressResult) -> float:
        if self.metric in _LATENCY:
            return float(getattr(result, _LATENCY[self.metric]))
        if self.metric == "memory_growth":
            return result.memory_growth_mb
        return float(getattr(result, self.metric))

    def _show(self, value: float) -> str:
        if self.metric in _LATENCY:
            return f"{value:.4g}ms"
        if self.metric == "throughput":
            return f"{value:,.0f}/s"
        if self.metric == "error_rate":
            return f"{value:.3%}"
        return f"{value:.2f}MB"


def _parse_value(metric: str, text: str) -> float:
    lowered = text.strip().lower()
    if metric in _LATENCY:
        return parse_duration(text.strip(), field=metric, require_unit=True) * 1000.0
    if metric == "throughput":
        return float(lowered.removesuffix("/s").replace(",", "").replace("_", ""))
    if metric == "error_rate":
        return float(lowered[:-1]) / 100 if lowered.endswith("%") else float(lowered)
    match = re.fullmatch(r"(-?[\d.]+)\s*(b|kb|mb|gb)?", lowered)
    if match is None:
        raise ValueError(text)
    return float(match[1]) * _SIZES[match[2] or "mb"]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def parse_thresholds(spec: Mapping[str, object]) -> list[Threshold]:
    """Parse marker keywords into thresholds; a bad one raises ``ValueError`` naming it.

    Latency, error rate and memory bounds default to ``<=``, throughput to ``>=``.
    """
    thresholds = []
    for metric, raw in spec.items():
        if metric not in THRESHOLD_METRICS:
            raise ValueError(
                f"unknown stress threshold {metric}={raw!r}; known: {', '.join(THRESHOLD_METRICS)}"
            )
        text = str(raw)
        match = _SPEC.fullmatch(text)
        if match is None:
            raise ValueError(f"stress threshold {metric}={raw!r} is empty")
        op = match["op"] or (">=" if metric == "throughput" else "<=")
        try:
            bound = _parse_value(metric, match["value"])
        except ValueError:
            unitless = metric in _LATENCY and _is_number(match["value"])
            reason = " has no unit (is 5 five seconds or five milliseconds?)" if unitless else ""
            raise ValueError(
                f"stress threshold {metric}={raw!r}{reason or ' is not a valid bound'}; "
                f"accepted: {_FORMS[metric]}"
            ) from None
        thresholds.append(Threshold(metric, op, bound, match["value"]))
    return thresholds
