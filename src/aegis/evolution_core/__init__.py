"""Evolution core: learns from what the agent did and how it turned out.

Every experience updates per-action aggregates in O(1), so recognising patterns and
suggesting improvements cost O(number of action types) however long the history grows.
Memory is bounded by default: ``max_history`` experiences and the totals of ``max_actions``
action types are kept, while the engine-wide totals stay exact over everything ever logged
(score sums are fixed-point integers, so rescoring cannot make them drift).
"""

from aegis.evolution_core.checks import DEFAULT_MAX_ACTIONS, DEFAULT_MAX_HISTORY
from aegis.evolution_core.engine import EvolutionEngine
from aegis.evolution_core.model import (
    LOW_SCORE,
    MIN_EXPERIENCES,
    MIN_LOW_SCORES,
    EvolutionMetrics,
    Experience,
    Feedback,
    Improvement,
    ImprovementKind,
    ImprovementPriority,
    Outcome,
    Pattern,
    PatternKind,
)

__all__ = [
    "DEFAULT_MAX_ACTIONS",
    "DEFAULT_MAX_HISTORY",
    "LOW_SCORE",
    "MIN_EXPERIENCES",
    "MIN_LOW_SCORES",
    "EvolutionEngine",
    "EvolutionMetrics",
    "Experience",
    "Feedback",
    "Improvement",
    "ImprovementKind",
    "ImprovementPriority",
    "Outcome",
    "Pattern",
    "PatternKind",
]
