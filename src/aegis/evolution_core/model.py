"""What the evolution core records and reports: experiences, patterns, improvements."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "LOW_SCORE",
    "MIN_EXPERIENCES",
    "MIN_LOW_SCORES",
    "OUTCOMES",
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

#: Scores below this count as a violation (ethics) or an issue (safety).
LOW_SCORE = 0.5
#: Repeated low scores for one action that make a pattern.
MIN_LOW_SCORES = 2
#: Experiences of one action needed before its success rate says anything.
MIN_EXPERIENCES = 3


class Outcome(enum.StrEnum):
    SUCCESS = "success"
    FAILURE = "failure"
    LEARNING = "learning"


OUTCOMES: dict[str, Outcome] = {outcome.value: outcome for outcome in Outcome}


class PatternKind(enum.StrEnum):
    SUCCESSFUL_ACTION = "successful_action"
    FAILURE_MODE = "failure_mode"
    OPTIMIZATION_CANDIDATE = "optimization_candidate"
    ETHICAL_VIOLATION = "ethical_violation"
    SAFETY_ISSUE = "safety_issue"


class ImprovementKind(enum.StrEnum):
    OPTIMIZATION = "optimization"
    ALIGNMENT = "alignment"
    SAFETY = "safety"


class ImprovementPriority(enum.IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4


@dataclass(frozen=True, slots=True)
class Feedback:
    """A later judgement of an experience: which dimension, the new score, why."""

    dimension: str
    score: float
    concerns: tuple[str, ...]


class Experience(NamedTuple):
    """One logged experience. A named tuple: cheap to create and small in memory, which
    matters at hundreds of thousands of experiences per second."""

    id: int
    action: str
    outcome: Outcome
    ethical_score: float
    safety_score: float
    context: object
    timestamp: float
    feedback: tuple[Feedback, ...] = ()


@dataclass(frozen=True, slots=True)
class Pattern:
    kind: PatternKind
    action: str
    frequency: int
    success_rate: float


@dataclass(frozen=True, slots=True)
class Improvement:
    kind: ImprovementKind
    priority: ImprovementPriority
    action: str | None
    description: str


@dataclass(frozen=True, slots=True)
class EvolutionMetrics:
    total_experiences: int
    retained_experiences: int
    action_types: int
    successes: int
    failures: int
    learnings: int
    success_rate: float
    mean_ethical_score: float
    mean_safety_score: float
