"""Decision ids: issued automatically, reserved while a request is logged, or abandoned.

Automatic ids are a random per-queue prefix and a counter: unique, far cheaper than a fresh
UUID per decision, and skipping any id a caller took explicitly, so the two never collide.
The counter also tells, without keeping anything, that an automatic id missing from the queue
was issued once (and so was decided and pruned, or abandoned).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

__all__ = ["MAX_ABANDONED", "DecisionIds"]

#: Issued ids whose request failed, remembered so that asking about one says so.
MAX_ABANDONED = 10_000


class DecisionIds:
    """The ids in play besides the queued decisions. Not thread-safe: the book calls it
    under its lock."""

    __slots__ = ("_next", "abandoned", "prefix", "reserved")

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._next = 1
        #: Ids of requests being written to the audit log (not queued yet), and the loop of
        #: the task writing each: once it is closed, that request can never be queued.
        self.reserved: dict[str, asyncio.AbstractEventLoop] = {}
        self.abandoned: dict[str, None] = {}

    def issue(self, taken: Callable[[str], bool]) -> str:
        """The next automatic id that is neither reserved nor ``taken``."""
        while True:
            key = f"{self.prefix}{self._next}"
            self._next += 1
            if key not in self.reserved and not taken(key):
                return key

    def was_issued(self, key: str) -> bool:
        """Whether ``key`` is an automatic id already handed out (or skipped as taken)."""
        if not key.startswith(self.prefix):
            return False
        number = key[len(self.prefix) :]
        return (
            number.isascii()
            and number.isdigit()
            and number == str(int(number))
            and int(number) < self._next
        )

    def drop_if_dead(self, key: str) -> None:
        """Abandon ``key`` if the loop writing its request has closed mid-write."""
        loop = self.reserved.get(key)
        if loop is not None and loop.is_closed():
            self.abandon(key)

    def abandon(self, key: str) -> None:
        """A reserved id whose request failed: freed, and never issued again."""
        self.reserved.pop(key, None)
        if self.was_issued(key):
            self.abandoned[key] = None
            if len(self.abandoned) > MAX_ABANDONED:
                del self.abandoned[next(iter(self.abandoned))]
