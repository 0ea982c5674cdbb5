"""The love metric: how much an action left a system calmer, more ordered and better off."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from aegis._validation import require_unit_interval

__all__ = ["Snapshot", "love_metric"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A system's state: entropy and order in [0, 1], and the well-being of those affected."""

    entropy: float
    order: float
    well_being: Sequence[float] = ()

    def __post_init__(self) -> None:
        require_unit_interval("entropy", self.entropy)
        require_unit_interval("order", self.order)
        for value in self.well_being:
            require_unit_interval("well_being[]", value)

    @property
    def mean_well_being(self) -> float:
        return math.fsum(self.well_being) / len(self.well_being) if self.well_being else 0.0


def love_metric(before: Snapshot, after: Snapshot) -> float:
    """0.4 · entropy reduction + 0.3 · order gain + 0.3 · change in mean well-being, in [-1, 1]."""
    for name, value in (("before", before), ("after", after)):
        if not isinstance(value, Snapshot):
            raise TypeError(f"{name} must be a Snapshot, got {type(value).__name__}: {value!r}")
    return (
        0.4 * (before.entropy - after.entropy)
        + 0.3 * (after.order - before.order)
        + 0.3 * (after.mean_well_being - before.mean_well_being)
    )
