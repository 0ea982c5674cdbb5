"""Token buckets per identity, bounded, and not reset by inventing identities.

Each identity gets ``rate`` requests a second with bursts up to ``burst``. The identity is
what the firewall is told (``Request.source`` by default, or the ``identity`` function the
deployment passes, e.g. an authenticated agent id); a caller who invents a new identity per
request gains nothing, because a bucket for a new identity is only created with a token
from one shared bucket of newcomers (the same rate and burst). The table holds at most
``max_identities`` buckets; when it is full, buckets that have refilled completely (whose
loss costs nothing) are dropped first, and if none has, newcomers are refused.
"""

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
        max_identities: int = 10000,
    ) -> None:
        self.rate = require_positive("rate_limit", rate)
        self.burst = require_positive("burst", burst if burst is not None else rate)
        self.max_identities = int(require_positive("max_identities", max_identities))
        self._clock = clock
        self._lock = YieldingLock()
        self._buckets: dict[str, tuple[float, float]] = {}
        self._newcomers = (self.burst, clock())

    def __len__(self) -> int:
        return len(self._buckets)

    def _refill(self, tokens: float, then: float, now: float) -> float:
        return min(self.burst, tokens + max(0.0, now - then) * self.rate)

    def _admit(self, now: float) -> bool:
        """Take a newcomer token and make room in the table; False if either fails."""
        tokens = self._refill(*self._newcomers, now)
        if tokens < 1.0:
            self._newcomers = (tokens, now)
            return False
        if len(self._buckets) >= self.max_identities:
            full = [
                key
                for key, (left, then) in self._buckets.items()
                if self._refill(left, then, now) >= self.burst
            ][: max(1, self.max_identities // 10)]
            if not full:
                self._newcomers = (tokens, now)
                return False
            for key in full:
                del self._buckets[key]
        self._newcomers = (tokens - 1.0, now)
        return True

    def allow(self, identity: str) -> bool:
        """Take a token for ``identity`` if one is left."""
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(identity)
            if bucket is None:
                if not self._admit(now):
                    return False
                bucket = (self.burst, now)
            tokens = self._refill(*bucket, now)
            allowed = tokens >= 1.0
            self._buckets[identity] = (tokens - 1.0 if allowed else tokens, now)
        return allowed
