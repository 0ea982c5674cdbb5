"""Everything one run measures, allocated before its window opens.

Workers append raw timestamps to a :class:`Buffer` of their own (the hot path: a few
``array.append`` calls); a full buffer is folded into the run's shared :class:`Recording`
under a lock, with NumPy. The recording holds per-stage latency and service histograms, the
latency of failed calls, late and unserved starts per stage, and a per-second series of
completions and p50/p95/p99. Histograms are created before the measured window and merged
after it, so the harness's own memory does not read as the operation's growth.
"""

from __future__ import annotations

import threading
import time
from array import array
from collections.abc import Callable
from typing import Any

import numpy as np

from pytest_aegis_stress.engine.histogram import (
    COARSE_BUCKETS,
    COARSE_SHIFT,
    LatencyHistogram,
    bucket_index,
    coarse_percentiles_ms,
    tally_buckets,
)
from pytest_aegis_stress.engine.schedule import Schedule

__all__ = ["MAX_ERROR_MESSAGES", "SERIES_PERCENTILES", "Buffer", "Recording"]

#: Failure messages kept per run; the rest are only counted.
MAX_ERROR_MESSAGES = 5
#: The percentiles of the per-second series.
SERIES_PERCENTILES = (50.0, 95.0, 99.0)
#: Seconds a per-second histogram stays open for late-folded buffers before it is summarised.
SERIES_LAG_S = 3
#: Schedules with up to this many stages get their histograms resident before the window.
RESIDENT_STAGES = 32
#: Per-second histograms kept at once (the open seconds and the one being filled).
SERIES_RING = SERIES_LAG_S + 2
_NS_PER_S = 1_000_000_000
#: Rows a buffer holds before it is folded (3 x 8 bytes each: below malloc's mmap threshold,
#: so the allocator reuses the same memory instead of mapping and unmapping it).
FLUSH_ROWS = 4096


Parts = tuple["array[int]", "array[int]", list[str]]
"""A buffer's contents: ok rows, failed rows, failure messages."""


class Buffer:
    """One worker's raw measurements: ``(start, end)`` or ``(intended, start, end)`` rows."""

    __slots__ = (
        "errors",
        "failures",
        "flush_at",
        "harness_ns",
        "recording",
        "rows",
        "sink",
        "sleep_lag_ns",
    )

    def __init__(self, recording: Recording, sink: Callable[[Parts], object] | None = None) -> None:
        self.recording = recording
        #: Where full buffers go instead of being folded here (another thread folds them).
        self.sink = sink
        self.rows: array[int] = array("q")
        self.failures: array[int] = array("q")
        self.errors: list[str] = []
        self.flush_at = FLUSH_ROWS * recording.width
        #: Time this worker spent on the harness: spinning for a start, folding buffers.
        self.harness_ns = 0
        #: How late this worker's sleeps wake, smoothed (see ``loops.wait_until``).
        self.sleep_lag_ns = 0

    def fail(self, error: BaseException, *times: int) -> None:
        """Keep a failed call's timestamps (its latency is kept apart) and its message."""
        self.failures.extend(times)
        if len(self.errors) < MAX_ERROR_MESSAGES:
            self.errors.append(f"{type(error).__name__}: {error}")
        if len(self.failures) >= self.flush_at:
            self.flush()

    def take(self) -> Parts:
        """The buffered rows, failures and messages; the buffer starts empty again."""
        parts = (self.rows, self.failures, self.errors)
        self.rows, self.failures, self.errors = array("q"), array("q"), []
        return parts

    def flush(self) -> None:
        """Fold the buffer into the recording, or hand it to the sink."""
        if self.sink is not None:
            self.sink(self.take())
            return
        began = time.thread_time_ns()
        self.recording.fold(self.take())
        self.harness_ns += time.thread_time_ns() - began


class Recording:
    """The shared measurements of one run of ``stages`` stages (one for a closed loop)."""

    def __init__(
        self,
        origin_ns: int,
        *,
        schedule: Schedule | None = None,
        late_after_ns: int = 1_000_000,
    ) -> None:
        self.origin_ns = origin_ns
        self.schedule = schedule
        self.open_loop = schedule is not None
        self.width = 3 if self.open_loop else 2
        self.late_after_ns = late_after_ns
        stages = schedule.stages if schedule is not None else 1
        # Resident from the start: a histogram's pages would otherwise be first written, and
        # counted as growth, as values land in them during the window. Past RESIDENT_STAGES
        # stages (540 KB each) only the pages values land in are ever made resident.
        resident = stages <= RESIDENT_STAGES
        self.latency = [LatencyHistogram(resident=resident) for _ in range(stages)]
        self.service = (
            [LatencyHistogram(resident=resident) for _ in range(stages)] if self.open_loop else []
        )
        self.failed_latency = LatencyHistogram(resident=True)
        self.completed = [0] * stages
        self.failed = [0] * stages
        self.late = [0] * stages
        self.unserved = [0] * stages
        #: Arrivals of each stage not started when the stage's window closed.
        self.backlog_end = [0] * stages
        self.errors: list[str] = []
        self.series: list[int] = []
        self.series_percentiles: list[list[float]] = []
        #: Coarse histograms of the seconds still open, a ring allocated with the recording.
        self._seconds = np.zeros((SERIES_RING, COARSE_BUCKETS), dtype=np.int64)
        self._closed_before = 0
        self.harness_ns = 0
        self.insufficient_concurrency = 0
        self.peak_concurrency = 0
        self._lock = threading.Lock()

    # -- folding ------------------------------------------------------------------------------

    def fold(self, parts: Parts) -> None:
        """Add a worker's rows, failures and messages (see :meth:`Buffer.take`)."""
        rows, failures, errors = parts
        with self._lock:
            if rows:
                self._fold_ok(np.frombuffer(rows, dtype=np.int64).reshape(-1, self.width))
            if failures:
                self._fold_failed(np.frombuffer(failures, dtype=np.int64).reshape(-1, self.width))
            self.errors.extend(errors[: MAX_ERROR_MESSAGES - len(self.errors)])

    def _stages(self, intended: np.ndarray) -> np.ndarray | None:
        if self.schedule is None or self.schedule.stages == 1:
            return None
        return self.schedule.stage_of(intended)

    def _each_stage(self, stages: np.ndarray | None, count: int) -> list[tuple[int, Any]]:
        if stages is None:
            return [(0, slice(None))]
        return [(int(k), stages == k) for k in np.unique(stages)] if count else []

    def _fold_ok(self, rows: np.ndarray) -> None:
        intended, ends = rows[:, 0], rows[:, -1]
        latency = ends - intended
        indices = bucket_index(latency)
        whole = tally_buckets(indices)  # one tally serves the stage and the second when alone
        stages = self._stages(intended)
        for stage, rows_of in self._each_stage(stages, len(rows)):
            mine = rows[rows_of]
            tallied = whole if stages is None else tally_buckets(indices[rows_of])
            self.latency[stage].add(tallied, latency[rows_of])
            self.completed[stage] += len(mine)
            if self.open_loop:
                self.service[stage].record_many(mine[:, 2] - mine[:, 1])
                self._count_starts(stage, mine[:, 0], mine[:, 1])
        self._fold_seconds((ends - self.origin_ns) // _NS_PER_S, indices, whole)

    def _fold_failed(self, rows: np.ndarray) -> None:
        intended = rows[:, 0]
        self.failed_latency.record_many(rows[:, -1] - intended)
        stages = self._stages(intended)
        for stage, rows_of in self._each_stage(stages, len(rows)):
            mine = rows[rows_of]
            self.failed[stage] += len(mine)
            if self.open_loop:
                self._count_starts(stage, mine[:, 0], mine[:, 1])

    def _count_starts(self, stage: int, intended: np.ndarray, starts: np.ndarray) -> None:
        assert self.schedule is not None
        self.late[stage] += int(np.count_nonzero(starts - intended > self.late_after_ns))
        closed = self.schedule.boundary_ns(stage + 1)
        self.backlog_end[stage] += int(np.count_nonzero(starts >= closed))

    def unserved_at(self, first_index: int, at_ns: int) -> None:
        """Arrivals from ``first_index`` on never started: each enters the latency histogram
        at its age at ``at_ns`` (a lower bound of the latency it would have had)."""
        assert self.schedule is not None
        with self._lock:
            for stage, due in self.schedule.due_from(first_index):
                self.latency[stage].record_many(np.maximum(at_ns - due, 0))
                self.unserved[stage] += len(due)
                self.backlog_end[stage] += len(due)

    # -- the per-second series ------------------------------------------------------------------

    def _fold_seconds(
        self, seconds: np.ndarray, indices: np.ndarray, whole: tuple[np.ndarray, np.ndarray]
    ) -> None:
        seconds = np.maximum(seconds, 0)
        first, last = int(seconds.min()), int(seconds.max())
        if last >= len(self.series):
            self.series.extend([0] * (last + 1 - len(self.series)))
        for second in range(first, last + 1):
            in_second = None if first == last else seconds == second
            tallied = whole if in_second is None else _tally_or_none(indices[in_second])
            if tallied is None:
                continue
            self.series[second] += int(tallied[1].sum())
            if second < self._closed_before:
                continue  # its percentiles were already summarised; the histograms have it
            self._close_seconds(second - SERIES_RING + 1)  # its slot in the ring is free
            np.add.at(self._seconds[second % SERIES_RING], tallied[0] >> COARSE_SHIFT, tallied[1])
        self._close_seconds(len(self.series) - SERIES_LAG_S)

    def _close_seconds(self, before: int) -> None:
        while self._closed_before < before:
            counts = self._seconds[self._closed_before % SERIES_RING]
            self.series_percentiles.append(coarse_percentiles_ms(counts, SERIES_PERCENTILES))
            counts[:] = 0
            self._closed_before += 1

    def finish(self) -> None:
        """Summarise every open second (after the workers have flushed)."""
        with self._lock:
            self._close_seconds(len(self.series))

    def latest_p95_ms(self) -> float:
        """The p95 of the latest summarised second (for the progress line)."""
        return self.series_percentiles[-1][1] if self.series_percentiles else 0.0

    # -- totals ---------------------------------------------------------------------------------

    def to_wire(self) -> dict[str, Any]:
        """A picklable summary for sending a closed loop's figures from a worker process."""
        self.finish()
        return {
            "latency": self.latency[0].encode(),
            "failed_latency": self.failed_latency.encode(),
            "completed": self.completed[0],
            "failed": self.failed[0],
            "errors": self.errors,
            "series": self.series,
            "series_percentiles": self.series_percentiles,
        }

    def absorb(self, wire: dict[str, Any]) -> None:
        """Add a worker process's figures. Its per-second percentiles are combined as the
        completion-weighted mean of the processes' (an approximation, unlike every other
        figure, which merges exactly)."""
        self.latency[0].merge(LatencyHistogram.decode(wire["latency"]))
        self.failed_latency.merge(LatencyHistogram.decode(wire["failed_latency"]))
        self.completed[0] += wire["completed"]
        self.failed[0] += wire["failed"]
        self.errors.extend(wire["errors"][: MAX_ERROR_MESSAGES - len(self.errors)])
        mine, theirs = self.series, list(wire["series"])
        weighted = _weighted(mine, self.series_percentiles, theirs, wire["series_percentiles"])
        self.series = [
            (mine[i] if i < len(mine) else 0) + (theirs[i] if i < len(theirs) else 0)
            for i in range(max(len(mine), len(theirs)))
        ]
        self.series_percentiles = weighted
        self._closed_before = len(self.series)


def _tally_or_none(indices: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The tally of a batch's buckets, or None for an empty batch."""
    return tally_buckets(indices) if indices.size else None


def _weighted(
    counts_a: list[int], pcts_a: list[list[float]], counts_b: list[int], pcts_b: list[list[float]]
) -> list[list[float]]:
    seconds = max(len(pcts_a), len(pcts_b))
    merged = []
    for i in range(seconds):
        a = counts_a[i] if i < len(pcts_a) else 0
        b = counts_b[i] if i < len(pcts_b) else 0
        if a + b == 0:
            merged.append([0.0 for _ in SERIES_PERCENTILES])
            continue
        pa = pcts_a[i] if i < len(pcts_a) else [0.0] * len(SERIES_PERCENTILES)
        pb = pcts_b[i] if i < len(pcts_b) else [0.0] * len(SERIES_PERCENTILES)
        merged.append([(x * a + y * b) / (a + b) for x, y in zip(pa, pb, strict=True)])
    return merged
