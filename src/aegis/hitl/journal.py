"""The expiry journal: expiries waiting to be written to the audit log, oldest first.

Expiries happen under the book's lock, from whichever call (or the timer) notices them; they
are written afterwards, outside it. One writer at a time takes them, so they reach the log
in the order they happened, and a failed write puts its expiry back first in line.
"""

from __future__ import annotations

import threading
from collections import deque

from aegis.hitl.model import Priority

__all__ = ["ExpiryJournal"]


class ExpiryJournal:
    """``(id, priority)`` of decisions that expired and are not yet in the log."""

    __slots__ = ("_lock", "in_flight", "items", "keeping")

    def __init__(self, *, keeping: bool) -> None:
        #: Whether expiries are kept (only while an audit log wants them, so that a queue
        #: without one stays bounded).
        self.keeping = keeping
        #: Read without the lock for a cheap "anything to write?" (a deque's length is atomic).
        self.items: deque[tuple[str, Priority]] = deque()
        self.in_flight = 0
        self._lock = threading.Lock()

    def record(self, key: str, priority: Priority) -> None:
        if self.keeping:
            self.items.append((key, priority))

    def take(self) -> tuple[str, Priority] | None:
        """The oldest expiry to write, unless another is being written (one writer at a
        time keeps the log in the order they happened)."""
        with self._lock:
            if not self.items or self.in_flight:
                return None
            self.in_flight += 1
            return self.items.popleft()

    def written(self, item: tuple[str, Priority], ok: bool) -> None:
        with self._lock:
            self.in_flight -= 1
            if not ok:
                self.items.appendleft(item)  # first again, in order
