"""The running summary behind ``evaluate_alignment``: every evaluation, counted once.

Scoring threads hand their results over with one ``deque.append`` (atomic, and no lock to
queue on) and the results are folded into the totals in batches, under a lock taken only by
whoever folds. A lock per evaluation made threads wait on each other: four scoring threads
managed a third of what one did alone.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Protocol

__all__ = ["AlignmentReport", "AlignmentTally"]

#: Results queued before the thread that queues one more folds them into the totals.
FOLD_AT = 1024


class Scored(Protocol):
    @property
    def score(self) -> float: ...
    @property
    def ethical(self) -> bool: ...
    @property
    def dimensions(self) -> Mapping[str, float]: ...


@dataclass(frozen=True, slots=True)
class AlignmentReport:
    """A summary of every evaluation the engine has made so far."""

    evaluations: int
    mean_score: float
    ethical_rate: float
    dimension_means: Mapping[str, float]
    weakest_dimension: str | None


class AlignmentTally:
    """Exact totals over every result recorded, safe to share between threads."""

    def __init__(self, dimensions: tuple[str, ...]) -> None:
        self._queued: deque[Scored] = deque()
        self._fold_lock = threading.Lock()
        self._evaluations = 0
        self._ethical = 0
        self._score_sum = 0.0
        self._dimension_sums = dict.fromkeys(dimensions, 0.0)

    def record(self, result: Scored) -> None:
        self._queued.append(result)
        if len(self._queued) >= FOLD_AT and self._fold_lock.acquire(blocking=False):
            try:
                self._fold()
            finally:
                self._fold_lock.release()

    def report(self) -> AlignmentReport:
        with self._fold_lock:
            self._fold()
            count = self._evaluations
            if count == 0:
                return AlignmentReport(0, 0.0, 0.0, MappingProxyType({}), None)
            means = {name: total / count for name, total in self._dimension_sums.items()}
            return AlignmentReport(
                evaluations=count,
                mean_score=self._score_sum / count,
                ethical_rate=self._ethical / count,
                dimension_means=MappingProxyType(means),
                weakest_dimension=min(means, key=lambda name: (means[name], name)),
            )

    def _fold(self) -> None:
        """Move every queued result into the totals (call with the fold lock held)."""
        queued, sums = self._queued, self._dimension_sums
        while queued:
            result = queued.popleft()  # appends from other threads may go on meanwhile
            self._evaluations += 1
            self._ethical += result.ethical
            self._score_sum += result.score
            for name, value in result.dimensions.items():
                sums[name] += value
