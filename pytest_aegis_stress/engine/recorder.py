"""``stress_metrics``: the same figures as the load runner, for loops a test writes itself."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pytest_aegis_stress.engine.assemble import result_from
from pytest_aegis_stress.engine.recording import Buffer, Recording
from pytest_aegis_stress.engine.results import StressResult

__all__ = ["MetricsRecorder"]


class _FailedError(Exception):
    """Stands for a failure recorded with ``ok=False`` and no exception."""


class MetricsRecorder:
    """Collects latencies of hand-measured operations into a constant-memory recording.

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
        self._recording = Recording(self._started)
        self._buffer = Buffer(self._recording)

    def record(self, latency_s: float, ok: bool = True) -> None:
        """Record one operation that took ``latency_s`` seconds and just ended."""
        end = self._clock()
        start = end - int(latency_s * 1e9)
        if ok:
            self._append(start, end)
        else:
            self._buffer.fail(_FailedError("operation reported as failed"), start, end)

    @contextmanager
    def measure(self) -> Iterator[None]:
        """Time the block; an exception in it is recorded as a failure and re-raised."""
        start = self._clock()
        try:
            yield
        except Exception as error:
            self._buffer.fail(error, start, self._clock())
            raise
        self._append(start, self._clock())

    def _append(self, start: int, end: int) -> None:
        """Buffer one operation, folding the buffer once full so memory stays bounded."""
        rows = self._buffer.rows
        rows.append(start)
        rows.append(end)
        if len(rows) >= self._buffer.flush_at:
            self._buffer.flush()

    @property
    def ops_completed(self) -> int:
        return self._recording.completed[0] + len(self._buffer.rows) // 2

    @property
    def ops_failed(self) -> int:
        return self._recording.failed[0] + len(self._buffer.failures) // 2

    def result(self) -> StressResult:
        """What was recorded so far, as a result timed from creation until now."""
        self._buffer.flush()
        elapsed = (self._clock() - self._started) / 1e9
        result = result_from(self.name, elapsed, [self._recording])
        result.mode = "manual"
        return result
