"""The expiry journal: expiries waiting to be written to the audit log, oldest first.

Expiries happen under the book's lock, from whichever call (or the timer) notices them; they
are written afterwards, outside it. One writer at a time takes them, so they reach the log
in the order they happened, and a failed write puts its expiry back first in line, as does a
writer whose event loop closed mid-write (its task can never finish).
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque

from aegis.hitl.model import Priority

__all__ = ["ExpiryJournal"]


class ExpiryJournal:
    """``(id, priority)`` of decisions that expired and are not yet in the log."""

    __slots__ = ("_lock", "_writing", "in_flight", "items", "keeping")

    def __init__(self, *, keeping: bool) -> None:
        #: Whether expiries are kept (only while an audit log wants them, so that a queue
        #: without one stays bounded).
        self.keeping = keeping
        #: Read without the lock for a cheap "anything to write?" (a deque's length is atomic).
        self.items: deque[tuple[str, Priority]] = deque()
        self.in_flight = 0
        #: The expiry being written and the loop writing it.
        self._writing: tuple[tuple[str, Priority], asyncio.AbstractEventLoop] | None = None
        self._lock = threading.Lock()

    def record(self, key: str, priority: Priority) -> None:
        if self.keeping:
            self.items.append((key, priority))

    def take(self) -> tuple[str, Priority] | None:
        """The oldest expiry to write, unless another is being written (one writer at a
        time keeps the log in the order they happened). Called from a running loop."""
        with self._lock:
            if self.in_flight and self._writing is not None and self._writing[1].is_closed():
                self.items.appendleft(self._writing[0])  # its writer can never finish
                self.in_flight, self._writing = 0, None
            if not self.items or self.in_flight:
                return None
            self.in_flight += 1
            item = self.items.popleft()
            self._writing = (item, asyncio.get_running_loop())
            return item

    def written(self, item: tuple[str, Priority], ok: bool) -> None:
        with self._lock:
            if self._writing is None or self._writing[0] is not item:
                return  # given up for dead (its loop closed), and put back already
            self.in_flight, self._writing = 0, None
            if not ok:
                self.items.appendleft(item)  # first again, in order
