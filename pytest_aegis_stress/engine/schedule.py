"""When each arrival of an open-loop run is due: one schedule across all of a run's stages.

A ramp is one schedule whose rate changes at stage boundaries, not a fresh schedule per
stage: arrivals that could not start before a boundary stay queued and delay the next
stage's arrivals, as they would delay a real server's next requests.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["Schedule"]


class Schedule:
    """Intended start times at ``rates[k]`` per second for ``stage_ns`` each, from ``start_ns``.

    Arrival ``i`` of stage ``k`` is due at ``start_ns + k × stage_ns + i / rates[k]``. The
    schedule itself is plain arithmetic; callers claim indices in order (under their own lock).
    """

    def __init__(self, start_ns: int, rates: Sequence[float], stage_ns: int) -> None:
        if not rates:
            raise ValueError("a schedule needs at least one stage")
        self.start_ns = start_ns
        self.stage_ns = stage_ns
        self.rates = [float(rate) for rate in rates]
        self.planned_per_stage = [int(stage_ns * rate / 1e9) for rate in self.rates]
        self.first_index = [0]
        for count in self.planned_per_stage:
            self.first_index.append(self.first_index[-1] + count)
        self.planned = self.first_index[-1]
        self.end_ns = start_ns + stage_ns * len(self.rates)
        self._stage = 0

    def begin(self, start_ns: int) -> None:
        """Move the whole schedule to start at ``start_ns`` (when the window opens)."""
        self.end_ns += start_ns - self.start_ns
        self.start_ns = start_ns

    @property
    def stages(self) -> int:
        return len(self.rates)

    def boundary_ns(self, stage: int) -> int:
        """When ``stage`` begins (``stage == stages`` gives the end of the window)."""
        return self.start_ns + stage * self.stage_ns

    def intended(self, index: int) -> int | None:
        """Due time of arrival ``index`` (claimed in rising order), None past the last."""
        if index >= self.planned:
            return None
        stage = self._stage
        while index >= self.first_index[stage + 1]:
            stage += 1
        while index < self.first_index[stage]:
            stage -= 1
        self._stage = stage
        offset = (index - self.first_index[stage]) * 1e9 / self.rates[stage]
        return self.boundary_ns(stage) + math.floor(offset)

    def due_from(self, first: int) -> list[tuple[int, np.ndarray]]:
        """Due times of arrivals ``first`` … the last, as ``(stage, times)`` per stage."""
        runs = []
        for stage in range(self.stages):
            low, high = max(first, self.first_index[stage]), self.first_index[stage + 1]
            if low >= high:
                continue
            offsets = np.arange(low - self.first_index[stage], high - self.first_index[stage])
            due = self.boundary_ns(stage) + np.floor(offsets * 1e9 / self.rates[stage])
            runs.append((stage, due.astype(np.int64)))
        return runs

    def stage_of(self, intended_ns: np.ndarray) -> np.ndarray:
        """Stage index of each intended start, for attributing results to stages."""
        edges = np.array([self.boundary_ns(k) for k in range(1, self.stages)], dtype=np.int64)
        return np.searchsorted(edges, intended_ns, side="right")
