"""Argument checks of the evolution core: bounds, feedback concerns and query filters.

Each names the argument and the value it refused, so that a caller's mistake surfaces at the
call (``outcome='bogus'`` is an error, not an empty answer; ``'abc'`` is not three concerns).
"""

from __future__ import annotations

import math

from aegis._validation import require_text
from aegis.evolution_core.model import OUTCOMES, Outcome

__all__ = [
    "DEFAULT_MAX_ACTIONS",
    "DEFAULT_MAX_HISTORY",
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


def require_bound(field: str, value: object, default: int) -> int:
    """A positive int, or ``default`` for None."""
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{field} must be an int or None, got {value!r}")
    if value < 1:
        raise ValueError(f"{field} must be >= 1, got {value!r}")
    return value


def require_outcome(value: object) -> Outcome:
    kind = OUTCOMES.get(value) if isinstance(value, str) else None
    if kind is None:
        allowed = ", ".join(o.value for o in Outcome)
        raise ValueError(f"outcome must be one of {allowed}, got {value!r}")
    return kind


def require_concerns(value: object) -> tuple[str, ...]:
    """A tuple of non-empty strings from a list or tuple of them (a lone str is refused)."""
    if not isinstance(value, list | tuple):
        raise TypeError(
            f"concerns must be a list or tuple of str, got {type(value).__name__}: {value!r}"
        )
    return tuple(require_text(f"concerns[{i}]", concern) for i, concern in enumerate(value))


def require_filters(
    action: object, since: object, outcome: object
) -> tuple[str | None, float | None, Outcome | None]:
    """The filters of :meth:`EvolutionEngine.experiences`, checked."""
    if action is not None:
        require_text("action", action)
    if since is not None:
        if isinstance(since, bool) or not isinstance(since, int | float):
            raise TypeError(
                f"since must be a timestamp (int or float) or None, got "
                f"{type(since).__name__}: {since!r}"
            )
        if math.isnan(since):
            raise ValueError(f"since must not be NaN, got {since!r}")
    wanted = None if outcome is None else require_outcome(outcome)
    return action, since, wanted  # type: ignore[return-value]
