"""Per-action running totals, and the rules that turn them into patterns and advice.

The rules are the reference's: with at least three experiences, an action that succeeds more
than 80% of the time is a successful action, less than 30% a failure mode, anything between an
optimisation candidate; two or more low ethics (or safety) scores make a violation (or issue).
They read only the totals, so they cost O(action types), never O(history).

Score sums are integers in fixed point (units of 2**-53): every score in [0, 1] maps to one
integer, so adding and later removing a score (a rescore) cancels exactly, and no run of
rescores can make the sums drift (floats did: a mean of -6.4e-19 after rescoring to 0.0).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from aegis._validation import quote
from aegis.evolution_core.model import (
    LOW_SCORE,
    MIN_EXPERIENCES,
    MIN_LOW_SCORES,
    EvolutionMetrics,
    Improvement,
    ImprovementKind,
    ImprovementPriority,
    Outcome,
    Pattern,
    PatternKind,
)

__all__ = ["SCORE_UNITS", "Aggregate", "improvements_for", "patterns_for", "score_units"]

_KIND_ORDER = list(PatternKind)
#: Fixed-point units per 1.0 of score: scaling by a power of two is exact for [0, 1].
SCORE_UNITS = float(2**53)


def score_units(score: float) -> int:
    """The fixed-point integer of a score in [0, 1] (the same score always gives the same)."""
    return int(score * SCORE_UNITS)


@dataclass(slots=True)
class Aggregate:
    """Running totals for one action type; updated per experience, never recomputed.

    ``first_id`` and ``last_id`` are the ids of the first and latest experience counted here:
    the engine evicts the least recently logged actions first, and a rescore of an experience
    older than ``first_id`` belongs to the totals it was counted in before.
    """

    count: int = 0
    outcomes: dict[Outcome, int] = field(default_factory=lambda: dict.fromkeys(Outcome, 0))
    ethical_units: int = 0
    safety_units: int = 0
    ethical_low: int = 0
    safety_low: int = 0
    first_id: int = 0
    last_id: int = 0

    def merge(self, other: Aggregate) -> None:
        self.count += other.count
        for outcome, count in other.outcomes.items():
            self.outcomes[outcome] += count
        self.ethical_units += other.ethical_units
        self.safety_units += other.safety_units
        self.ethical_low += other.ethical_low
        self.safety_low += other.safety_low

    def rescore(self, dimension: str, old: float, new: float) -> None:
        delta_low = (new < LOW_SCORE) - (old < LOW_SCORE)
        delta_units = score_units(new) - score_units(old)
        if dimension == "ethical":
            self.ethical_units += delta_units
            self.ethical_low += delta_low
        else:
            self.safety_units += delta_units
            self.safety_low += delta_low

    @property
    def success_rate(self) -> float:
        return self.outcomes[Outcome.SUCCESS] / self.count if self.count else 0.0

    def mean(self, units: int) -> float:
        """The mean score of ``units`` (a sum in fixed point) over ``count``; 1.0 if empty."""
        return units / SCORE_UNITS / self.count if self.count else 1.0


def patterns_for(aggregates: Iterable[tuple[str, Aggregate]]) -> list[Pattern]:
    """Patterns of every action, ordered by kind then action name."""
    patterns: list[Pattern] = []
    for action, aggregate in aggregates:
        count, rate = aggregate.count, aggregate.success_rate
        if count >= MIN_EXPERIENCES:
            if rate > 0.8:
                kind = PatternKind.SUCCESSFUL_ACTION
            elif rate < 0.3:
                kind = PatternKind.FAILURE_MODE
            else:
                kind = PatternKind.OPTIMIZATION_CANDIDATE
            patterns.append(Pattern(kind, action, count, rate))
        if aggregate.ethical_low >= MIN_LOW_SCORES:
            patterns.append(
                Pattern(PatternKind.ETHICAL_VIOLATION, action, aggregate.ethical_low, rate)
            )
        if aggregate.safety_low >= MIN_LOW_SCORES:
            patterns.append(Pattern(PatternKind.SAFETY_ISSUE, action, aggregate.safety_low, rate))
    patterns.sort(key=lambda p: (_KIND_ORDER.index(p.kind), p.action))
    return patterns


def improvements_for(
    rates: Iterable[tuple[float, str]], metrics: EvolutionMetrics
) -> list[Improvement]:
    """Optimisations for actions that mostly fail (lowest rate first); critical ones for
    mean ethics or safety scores below 0.7."""
    improvements = [
        Improvement(
            ImprovementKind.OPTIMIZATION,
            ImprovementPriority.HIGH if rate < 0.3 else ImprovementPriority.MEDIUM,
            action,
            f"{quote(action)} succeeds {rate:.0%} of the time; review how it is attempted",
        )
        for rate, action in sorted(rates)
        if rate < 0.5
    ]
    for kind, mean, label in (
        (ImprovementKind.ALIGNMENT, metrics.mean_ethical_score, "ethical"),
        (ImprovementKind.SAFETY, metrics.mean_safety_score, "safety"),
    ):
        if mean < 0.7:
            improvements.append(
                Improvement(
                    kind,
                    ImprovementPriority.CRITICAL,
                    None,
                    f"mean {label} score {mean:.2f} is below 0.70",
                )
            )
    return improvements
