"""Argument checks of the evolution core: bounds, feedback concerns and query filters.

Each names the argument and the value it refused, so that a caller's mistake surfaces at the
call (``outcome='bogus'`` is an error, not an empty answer; ``'abc'`` is not three concerns).
"""

from __future__ import annotations

import math
import sys

from aegis._validation import as_float, describe, quote, require_text
from aegis.evolution_core.model import OUTCOMES, Outcome

__all__ = [
    "DEFAULT_MAX_ACTIONS",
    "DEFAULT_MAX_HISTORY",
    "MAX_BOUND",
    "MAX_FEEDBACK",
    "require_bound",
    "require_concerns",
    "require_filters",
    "require_outcome",
]

#: Experiences kept in memory by default (about 25 MB at ~250 bytes each).
DEFAULT_MAX_HISTORY = 100_000
#: Distinct action types whose totals are kept by default; the least recently logged beyond
#: it are folded into the engine-wide totals.
DEFAULT_MAX_ACTIONS = 10_000
#: Largest ``max_history`` or ``max_actions`` (a deque's length is a C ``ssize_t``).
MAX_BOUND = sys.maxsize
#: Later judgements kept per experience, the most recent: rescoring one experience over and
#: over must not grow it without end (nor make each rescore slower than the last).
MAX_FEEDBACK = 16


def require_bound(field: str, value: object, default: int) -> int:
    """A positive int, or ``default`` for None."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{field} must be an int or None, got {describe(value)}")
    number = int.__int__(value)  # a plain int: a subclass's comparisons cannot be trusted
    if not 1 <= number <= MAX_BOUND:
        raise ValueError(f"{field} must be an int in [1, {MAX_BOUND}], got {quote(value)}")
    return number


def require_outcome(value: object) -> Outcome:
    kind = OUTCOMES.get(str.__str__(value)) if isinstance(value, str) else None
    if kind is None:
        allowed = ", ".join(o.value for o in Outcome)
        raise ValueError(f"outcome must be one of {allowed}, got {quote(value)}")
    return kind


def require_concerns(value: object) -> tuple[str, ...]:
    """A tuple of non-empty strings from a list or tuple of them (a lone str is refused)."""
    if not isinstance(value, list | tuple):
        raise TypeError(f"concerns must be a list or tuple of str, got {describe(value)}")
    return tuple(require_text(f"concerns[{i}]", concern) for i, concern in enumerate(value))


def require_filters(
    action: object, since: object, outcome: object
) -> tuple[str | None, float | None, Outcome | None]:
    """The filters of :meth:`EvolutionEngine.experiences`, checked."""
    text = None if action is None else require_text("action", action)
    moment = None
    if since is not None:
        if isinstance(since, bool) or not isinstance(since, int | float):
            raise TypeError(
                f"since must be a timestamp (int or float) or None, got {describe(since)}"
            )
        moment = as_float(since)  # an int too large for a float is before or after all
        if math.isnan(moment):
            raise ValueError(f"since must not be NaN, got {quote(since)}")
    wanted = None if outcome is None else require_outcome(outcome)
    return text, moment, wanted
