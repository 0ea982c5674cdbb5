"""Per-source token buckets: ``rate`` requests a second on average, bursts up to ``burst``."""

from __future__ import annotations

import time
from collections.abc import Callable

from aegis._locks import YieldingLock
from aegis._validation import require_positive

__all__ = ["RateLimiter"]


class RateLimiter:
    def __init__(
        self,
        rate: float,
        burst: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = require_positive("rate_limit", rate)
        self.burst = require_positive("burst", burst if burst is not None else rate)
        self._clock = clock
        self._lock = YieldingLock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, source: str) -> bool:
        """Take a token for ``source`` if one is left."""
        now = self._clock()
        with self._lock:
            tokens, then = self._buckets.get(source, (self.burst, now))
            tokens = min(self.burst, tokens + (now - then) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[source] = (tokens - 1.0 if allowed else tokens, now)
        return allowed
