"""The queue's clock: an injected time source, read so that it cannot corrupt the queue.

Deadlines live in heaps ordered by time, so one NaN or infinity read from a clock would
break the heap's order (a NaN deadline never comes, and hides those behind it) or make a
decision that never expires. So every reading is checked: a non-number or a non-finite one
is a ``ValueError`` naming the clock, and the call that read it changes nothing. A clock
that steps back is taken at its word (a deadline already passed stays passed: nothing
un-expires, and nothing is approved at or after its deadline).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from aegis._validation import as_float, describe, quote

__all__ = ["QueueClock"]


class QueueClock:
    """Checked readings of ``read``. The book reads it (``now``) under its lock; the
    expiry timer and waiters only ``peek``."""

    __slots__ = ("_read", "last")

    def __init__(self, read: Callable[[], float]) -> None:
        self._read = read
        #: The latest good reading.
        self.last = 0.0

    def now(self) -> float:
        """The time now; ``ValueError`` if the clock reads a non-number, NaN or infinity."""
        reading = self._read()
        if type(reading) is float and -math.inf < reading < math.inf:  # the common case
            self.last = reading
            return reading
        self.last = number = self._checked(reading)
        return number

    def latest(self) -> float:
        """The time now, or the latest good reading if the clock fails: for the steps that
        finish a change already decided, which must not fail half way."""
        try:
            return self.now()
        except Exception:
            return self.last

    def peek(self) -> float:
        """A reading for a wait outside the book's lock (stored nowhere); the latest good
        reading if the clock fails now."""
        try:
            return self._checked(self._read())
        except Exception:
            return self.last

    @staticmethod
    def _checked(reading: object) -> float:
        if isinstance(reading, bool) or not isinstance(reading, int | float):
            raise ValueError(f"clock must return a number of seconds, got {describe(reading)}")
        number = as_float(reading)
        if not math.isfinite(number):
            raise ValueError(f"clock must return a finite number of seconds, got {quote(reading)}")
        return number
