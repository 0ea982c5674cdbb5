"""One worker's measurements: a raw buffer on the hot path, folded into histograms when full.

The hot loop only appends timestamps to an ``array('q')``; :meth:`Tally.flush` turns a full
buffer into latency histograms and a per-second completion series with NumPy. Tallies of
several workers (threads, tasks or processes) merge into one.
"""

from __future__ import annotations

from array import array
from typing import Any

import numpy as np

from pytest_aegis_stress.engine.histogram import LatencyHistogram

__all__ = ["MAX_ERROR_MESSAGES", "Tally"]

#: Failure messages kept per run; the rest are only counted.
MAX_ERROR_MESSAGES = 5
_NS_PER_S = 1_000_000_000


class Tally:
    """Measurements of operations that started at ``origin_ns``.

    Closed-loop records append ``(start, end)`` pairs; open-loop records append
    ``(intended, start, end)`` triples, from which the latency measured from the intended
    start (coordinated omission corrected) and the service time are both derived.
    """

    def __init__(self, origin_ns: int, *, open_loop: bool = False, flush_at: int = 1 << 13) -> None:
        self.origin_ns = origin_ns
        self.width = 3 if open_loop else 2
        self.flush_at = flush_at * self.width
        self.buffer: array[int] = array("q")
        self.latency = LatencyHistogram()
        self.service = LatencyHistogram() if open_loop else None
        self.series: list[int] = []
        self.completed = 0
        self.failed = 0
        self.late = 0
        self.errors: list[str] = []

    def fail(self, error: BaseException) -> None:
        self.failed += 1
        if len(self.errors) < MAX_ERROR_MESSAGES:
            self.errors.append(f"{type(error).__name__}: {error}")

    def pending(self) -> int:
        """Completed operations not yet flushed (an estimate while workers run)."""
        return len(self.buffer) // self.width

    def flush(self) -> None:
        if not self.buffer:
            return
        rows = np.frombuffer(self.buffer, dtype=np.int64).reshape(-1, self.width)
        self.buffer = array("q")
        ends = rows[:, -1]
        self.latency.record_many(ends - rows[:, 0])
        if self.service is not None:
            self.service.record_many(ends - rows[:, 1])
        self.completed += len(rows)
        seconds = np.bincount(np.maximum(ends - self.origin_ns, 0) // _NS_PER_S)
        self._add_series(seconds.tolist())

    def _add_series(self, counts: list[int]) -> None:
        if len(counts) > len(self.series):
            self.series.extend([0] * (len(counts) - len(self.series)))
        for second, count in enumerate(counts):
            self.series[second] += count

    def merge(self, other: Tally) -> None:
        """Fold another (flushed) tally into this one."""
        other.flush()
        self.flush()
        self.latency.merge(other.latency)
        if self.service is not None and other.service is not None:
            self.service.merge(other.service)
        self.completed += other.completed
        self.failed += other.failed
        self.late += other.late
        self.errors.extend(other.errors[: MAX_ERROR_MESSAGES - len(self.errors)])
        self._add_series(other.series)

    def to_wire(self) -> dict[str, Any]:
        """A picklable summary for sending from a worker process."""
        self.flush()
        return {
            "latency": self.latency.encode(),
            "completed": self.completed,
            "failed": self.failed,
            "errors": self.errors,
            "series": self.series,
        }

    @classmethod
    def from_wire(cls, origin_ns: int, wire: dict[str, Any]) -> Tally:
        tally = cls(origin_ns)
        tally.latency = LatencyHistogram.decode(wire["latency"])
        tally.completed = wire["completed"]
        tally.failed = wire["failed"]
        tally.errors = list(wire["errors"])
        tally.series = list(wire["series"])
        return tally
