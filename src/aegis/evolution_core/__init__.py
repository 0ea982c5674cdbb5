"""Evolution core: learns from what the agent did and how it turned out.

Every experience updates per-action aggregates in O(1), so recognising patterns and
suggesting improvements cost O(number of action types) however long the history grows, and
``max_history`` can bound the memory of an endless run while the aggregates stay exact over
everything ever logged.
"""

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
