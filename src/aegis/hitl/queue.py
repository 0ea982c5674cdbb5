"""Heaps with lazy removal: pending decisions by priority then age, and by expiry time.

Answering or escalating a decision does not search the heap: the entry is left in place and
skipped when it reaches the top (its version no longer matches). So every operation costs
O(log n), and ``top(k)`` O(k log n), however many decisions are pending.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable

__all__ = ["LazyHeap"]


class LazyHeap:
    """Keys ordered by ``(rank, sequence)``; an entry counts while ``is_live(key, version)``."""

    def __init__(self, is_live: Callable[[str, int], bool]) -> None:
        self._heap: list[tuple[float, int, str, int]] = []
        self._is_live = is_live

    def push(self, rank: float, sequence: int, key: str, version: int) -> None:
        heapq.heappush(self._heap, (rank, sequence, key, version))

    def compact(self, live: int) -> None:
        """Drop stale entries once they outnumber the ``live`` ones (amortised O(1) each)."""
        if len(self._heap) > 2 * live + 64:
            self._heap = [entry for entry in self._heap if self._is_live(entry[2], entry[3])]
            heapq.heapify(self._heap)

    def _drop_stale(self) -> None:
        heap = self._heap
        while heap and not self._is_live(heap[0][2], heap[0][3]):
            heapq.heappop(heap)

    def peek(self) -> tuple[float, str] | None:
        """Rank and key of the first live entry."""
        self._drop_stale()
        return (self._heap[0][0], self._heap[0][2]) if self._heap else None

    def pop(self) -> str | None:
        self._drop_stale()
        return heapq.heappop(self._heap)[2] if self._heap else None

    def top(self, count: int) -> list[str]:
        """The first ``count`` live keys in order, leaving them in the heap."""
        taken: list[tuple[float, int, str, int]] = []
        while len(taken) < count:
            self._drop_stale()
            if not self._heap:
                break
            taken.append(heapq.heappop(self._heap))
        for entry in taken:
            heapq.heappush(self._heap, entry)
        return [entry[2] for entry in taken]

    def __len__(self) -> int:
        return len(self._heap)
