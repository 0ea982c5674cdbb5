"""The public calls' arguments, checked once: counts, rates, and how an open loop is staffed.

A bad value is a ``ValueError`` that names the argument and the value.
"""

from __future__ import annotations

from dataclasses import dataclass

from pytest_aegis_stress.engine.durations import parse_duration

__all__ = [
    "GRACE_MAX_S",
    "GRACE_MIN_S",
    "GRACE_SHARE",
    "OpenLoopOptions",
    "check_count",
    "check_rate",
]

#: Bounds of the default grace period for queued arrivals after an open-loop window: the
#: larger of GRACE_MIN_S and GRACE_SHARE of the window, at most GRACE_MAX_S (k6's
#: gracefulStop is 30 s).
GRACE_MIN_S, GRACE_SHARE, GRACE_MAX_S = 1.0, 0.1, 30.0


def check_count(field: str, value: object) -> int:
    """``value`` if it is an int of at least 1; else a ``ValueError`` naming ``field``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{field} must be an int >= 1, got {value!r}")
    return value


def check_rate(field: str, rate: object) -> float:
    """``rate`` as a float if it is a positive number; else a ``ValueError`` naming ``field``."""
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
        raise ValueError(f"{field} must be a number of operations per second > 0, got {rate!r}")
    return float(rate)


@dataclass(frozen=True, slots=True)
class OpenLoopOptions:
    """How an open-loop run is staffed and judged (validated once, from the public call)."""

    workers: int
    max_workers: int
    max_in_flight: int
    late_after_ns: int
    grace_s: float | None

    @classmethod
    def of(
        cls,
        workers: object,
        max_workers: object,
        max_in_flight: object,
        late_after: float | str,
        grace: float | str | None,
    ) -> OpenLoopOptions:
        initial = check_count("workers", workers)
        return cls(
            workers=initial,
            max_workers=initial if max_workers is None else check_count("max_workers", max_workers),
            max_in_flight=check_count("max_in_flight", max_in_flight),
            late_after_ns=int(parse_duration(late_after, field="late_after") * 1e9),
            grace_s=None if grace is None else parse_duration(grace, field="grace"),
        )

    def grace_ns(self, window_s: float) -> int:
        if self.grace_s is not None:
            return int(self.grace_s * 1e9)
        return int(min(max(GRACE_MIN_S, GRACE_SHARE * window_s), GRACE_MAX_S) * 1e9)
