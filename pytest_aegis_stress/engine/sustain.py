"""The rule that says whether an open-loop stage was sustainable, in one place.

A stage is sustainable when all of these hold:

1. **Its starts kept up**: late starts (more than ``late_after`` behind their intended time)
   and dropped starts (never started) are at most :data:`MAX_LATE_SHARE` of the arrivals it
   planned. A failed call started on time is a start that kept up: errors are judged apart.
2. **Its backlog did not grow**: the arrivals still waiting when the stage closed are no
   more than those waiting when it opened, plus the larger of 1% of its arrivals and what
   one ``late_after`` of arrivals brings (a hiccup just before the close is not a trend).
   A queue that grows, however slowly, means the offered rate is above capacity.
3. **Its latency bound held**: p95 at most ``p95_bound_ms``, when a bound is given.
4. **Its error rate held**: at most ``max_error_rate``, when a bound is given.

Achieved rate alone is not enough: a stage a few percent above capacity achieves nearly its
offered rate while its queue, its late starts and its latency grow without bound.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pytest_aegis_stress.engine.results import StageResult

__all__ = ["MAX_LATE_SHARE", "sustainable"]

#: Share of a stage's arrivals that may start late or never while it still counts as kept up.
#: A stage past capacity starts nearly all of them late (the queue only grows); on a busy
#: shared machine, a stage well within capacity can start a few percent late from the
#: scheduler's wake-up lag alone.
MAX_LATE_SHARE = 0.10


def sustainable(
    stage: StageResult,
    *,
    p95_bound_ms: float | None = None,
    max_error_rate: float | None = None,
    max_late_share: float = MAX_LATE_SHARE,
) -> bool:
    """Whether ``stage`` was sustainable (see the module's rule)."""
    planned = max(stage.planned, stage.ops_completed + stage.ops_failed + stage.dropped_starts)
    if planned == 0:
        return False
    kept_up = stage.late_starts + stage.dropped_starts <= max_late_share * planned
    allowance = max(stage.offered_rate * stage.late_after_ms / 1000, 0.01 * planned)
    steady = stage.backlog_end <= stage.backlog_start + max(allowance, 1.0)
    fast_enough = p95_bound_ms is None or stage.p95_ms <= p95_bound_ms
    attempted = stage.ops_completed + stage.ops_failed
    error_rate = stage.ops_failed / attempted if attempted else 0.0
    clean_enough = max_error_rate is None or error_rate <= max_error_rate
    return kept_up and steady and fast_enough and clean_enough
