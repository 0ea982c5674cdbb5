"""``stress_metrics``: the same figures as the load runner, for loops a test writes itself."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pytest_aegis_stress.engine.results import StressResult, set_latency
from pytest_aegis_stress.engine.tally import Tally

__all__ = ["MetricsRecorder"]


class _FailedError(Exception):
    """Stands for a failure recorded with ``ok=False`` and no exception."""


class MetricsRecorder:
    """Collects latencies of hand-measured operations into a constant-memory tally.

    >>> recorder = MetricsRecorder("demo")
    >>> with recorder.measure():
    ...     pass
    >>> recorder.ops_completed
    1
    """

    def __init__(self, name: str, *, clock: Callable[[], int] = time.perf_counter_ns) -> None:
        self.name = name
        self._clock = clock
        self._started = clock()
        self._tally = Tally(self._started)

    def record(self, latency_s: float, ok: bool = True) -> None:
        """Record one operation that took ``latency_s`` seconds and just ended."""
        if ok:
            end = self._clock()
            self._append(end - int(latency_s * 1e9), end)
        else:
            self._tally.fail(_FailedError("operation reported as failed"))

    @contextmanager
    def measure(self) -> Iterator[None]:
        """Time the block; an exception in it is recorded as a failure and re-raised."""
        start = self._clock()
        try:
            yield
        except Exception as error:
            self._tally.fail(error)
            raise
        self._append(start, self._clock())

    def _append(self, start: int, end: int) -> None:
        """Buffer one operation, folding the buffer once full so memory stays bounded."""
        buffer = self._tally.buffer
        buffer.append(start)
        buffer.append(end)
        if len(buffer) >= self._tally.flush_at:
            self._tally.flush()

    @property
    def ops_completed(self) -> int:
        return self._tally.completed + self._tally.pending()

    @property
    def ops_failed(self) -> int:
        return self._tally.failed

    def result(self) -> StressResult:
        """What was recorded so far, as a result timed from creation until now."""
        self._tally.flush()
        elapsed = (self._clock() - self._started) / 1e9
        result = StressResult(
            test_name=self.name,
            duration_s=elapsed,
            ops_completed=self._tally.completed,
            ops_failed=self._tally.failed,
            errors=list(self._tally.errors),
            throughput_series=list(self._tally.series),
            mode="manual",
        )
        return set_latency(result, self._tally.latency)
