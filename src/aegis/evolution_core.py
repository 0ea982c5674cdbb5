"""Evolution core: learns from what the agent did and how it turned out.

Every experience updates per-action aggregates in O(1), so recognising patterns and
suggesting improvements cost O(number of action types) however long the history grows, and
``max_history`` can bound the memory of an endless run while the aggregates stay exact over
everything ever logged.
"""

from __future__ import annotations

import enum
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from aegis._validation import require_text, require_unit_interval

__all__ = [
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


_OUTCOMES: dict[str, Outcome] = {outcome.value: outcome for outcome in Outcome}


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


@dataclass(slots=True)
class _Aggregate:
    """Running totals for one action type; updated per experience, never recomputed."""

    count: int = 0
    outcomes: dict[Outcome, int] = field(default_factory=lambda: dict.fromkeys(Outcome, 0))
    ethical_sum: float = 0.0
    safety_sum: float = 0.0
    ethical_low: int = 0
    safety_low: int = 0

    def add(self, outcome: Outcome, ethical: float, safety: float) -> None:
        self.count += 1
        self.outcomes[outcome] += 1
        self.ethical_sum += ethical
        self.safety_sum += safety
        self.ethical_low += ethical < LOW_SCORE
        self.safety_low += safety < LOW_SCORE

    def merge(self, other: _Aggregate) -> None:
        self.count += other.count
        for outcome, count in other.outcomes.items():
            self.outcomes[outcome] += count
        self.ethical_sum += other.ethical_sum
        self.safety_sum += other.safety_sum
        self.ethical_low += other.ethical_low
        self.safety_low += other.safety_low

    def rescore(self, dimension: str, old: float, new: float) -> None:
        delta_low = (new < LOW_SCORE) - (old < LOW_SCORE)
        if dimension == "ethical":
            self.ethical_sum += new - old
            self.ethical_low += delta_low
        else:
            self.safety_sum += new - old
            self.safety_low += delta_low

    @property
    def success_rate(self) -> float:
        return self.outcomes[Outcome.SUCCESS] / self.count if self.count else 0.0


class EvolutionEngine:
    """Logs experiences and derives patterns and improvements from running aggregates.

    Safe to share between threads and asyncio tasks: every mutation holds one lock, so no
    experience is lost or counted twice.
    """

    def __init__(
        self, max_history: int | None = None, *, clock: Callable[[], float] = time.time
    ) -> None:
        if max_history is not None:
            if isinstance(max_history, bool) or not isinstance(max_history, int):
                raise TypeError(f"max_history must be an int or None, got {max_history!r}")
            if max_history < 1:
                raise ValueError(f"max_history must be >= 1, got {max_history!r}")
        self._max_history = max_history
        self._clock = clock
        self._lock = threading.Lock()
        self._aggregates: dict[str, _Aggregate] = {}
        # Ids are sequential, so the history is a list indexed by ``id - _first_id``; dropped
        # entries become None and the list is compacted once half of it is dead.
        self._history: list[Experience | None] = []
        self._first_id = 1
        self._dropped = 0
        self._next_id = 1

    async def log_experience(
        self,
        action: str,
        outcome: Outcome | str,
        ethical_score: float,
        safety_score: float,
        context: object = None,
    ) -> Experience:
        """Record one experience and return it with its id."""
        return self.log_experience_sync(action, outcome, ethical_score, safety_score, context)

    def log_experience_sync(
        self,
        action: str,
        outcome: Outcome | str,
        ethical_score: float,
        safety_score: float,
        context: object = None,
    ) -> Experience:
        """Synchronous twin of :meth:`log_experience`, for threads and tight loops."""
        # Fast paths for the common well-typed call; the validators explain anything else.
        if type(action) is not str or not action or action.isspace():
            require_text("action", action)
        kind = _OUTCOMES.get(outcome) if isinstance(outcome, str) else None
        if kind is None:
            allowed = ", ".join(o.value for o in Outcome)
            raise ValueError(f"outcome must be one of {allowed}, got {outcome!r}")
        ethical, safety = ethical_score, safety_score
        if type(ethical) is not float or not 0.0 <= ethical <= 1.0:
            ethical = require_unit_interval("ethical_score", ethical_score)
        if type(safety) is not float or not 0.0 <= safety <= 1.0:
            safety = require_unit_interval("safety_score", safety_score)
        timestamp = self._clock()
        with self._lock:
            experience = Experience(
                self._next_id, action, kind, ethical, safety, context, timestamp
            )
            self._next_id += 1
            aggregate = self._aggregates.get(action)
            if aggregate is None:
                aggregate = self._aggregates[action] = _Aggregate()
            aggregate.add(kind, ethical, safety)
            history = self._history
            history.append(experience)
            if self._max_history is not None and len(history) - self._dropped > self._max_history:
                self._drop_oldest()
        return experience

    @property
    def retained(self) -> int:
        """How many experiences are kept in memory (all of them unless ``max_history``)."""
        return len(self._history) - self._dropped

    def _drop_oldest(self) -> None:
        self._history[self._dropped] = None
        self._dropped += 1
        if self._dropped * 2 >= len(self._history):
            del self._history[: self._dropped]
            self._first_id += self._dropped
            self._dropped = 0

    async def learn_from_ethics(
        self, experience_id: int, score: float, concerns: tuple[str, ...] | list[str] = ()
    ) -> Experience:
        """Replace an experience's ethical score with a later judgement."""
        return self._learn("ethical", experience_id, score, concerns)

    async def learn_from_safety(
        self, experience_id: int, score: float, concerns: tuple[str, ...] | list[str] = ()
    ) -> Experience:
        """Replace an experience's safety score with a later judgement."""
        return self._learn("safety", experience_id, score, concerns)

    def _learn(
        self,
        dimension: str,
        experience_id: int,
        score: float,
        concerns: tuple[str, ...] | list[str],
    ) -> Experience:
        new = require_unit_interval("score", score)
        notes = tuple(require_text("concerns[]", c) for c in concerns)
        with self._lock:
            index = self._index_of(experience_id)
            old_experience = self._history[index]
            if old_experience is None:
                raise KeyError(f"no experience with id {experience_id!r} (dropped by max_history)")
            old = (
                old_experience.ethical_score
                if dimension == "ethical"
                else old_experience.safety_score
            )
            feedback = (*old_experience.feedback, Feedback(dimension, new, notes))
            if dimension == "ethical":
                updated = old_experience._replace(ethical_score=new, feedback=feedback)
            else:
                updated = old_experience._replace(safety_score=new, feedback=feedback)
            self._history[index] = updated
            self._aggregates[updated.action].rescore(dimension, old, new)
        return updated

    def _index_of(self, experience_id: int) -> int:
        if isinstance(experience_id, bool) or not isinstance(experience_id, int):
            raise KeyError(f"no experience with id {experience_id!r}")
        index = experience_id - self._first_id
        if not 0 <= index < len(self._history):
            raise KeyError(f"no experience with id {experience_id!r}")
        return index

    async def recognize_patterns(self) -> list[Pattern]:
        """Patterns per action type, ordered by kind then action name."""
        return self.recognize_patterns_sync()

    def recognize_patterns_sync(self) -> list[Pattern]:
        """Synchronous twin of :meth:`recognize_patterns`."""
        with self._lock:
            snapshot = [
                (a, g.count, g.success_rate, g.ethical_low, g.safety_low)
                for a, g in self._aggregates.items()
            ]
        patterns: list[Pattern] = []
        for action, count, rate, ethical_low, safety_low in snapshot:
            if count >= MIN_EXPERIENCES:
                if rate > 0.8:
                    kind = PatternKind.SUCCESSFUL_ACTION
                elif rate < 0.3:
                    kind = PatternKind.FAILURE_MODE
                else:
                    kind = PatternKind.OPTIMIZATION_CANDIDATE
                patterns.append(Pattern(kind, action, count, rate))
            if ethical_low >= MIN_LOW_SCORES:
                patterns.append(Pattern(PatternKind.ETHICAL_VIOLATION, action, ethical_low, rate))
            if safety_low >= MIN_LOW_SCORES:
                patterns.append(Pattern(PatternKind.SAFETY_ISSUE, action, safety_low, rate))
        order = list(PatternKind)
        patterns.sort(key=lambda p: (order.index(p.kind), p.action))
        return patterns

    def success_rate(self, action: str | None = None) -> float:
        """Share of successes for ``action``, or over every action when None."""
        with self._lock:
            if action is None:
                return self._totals().success_rate
            aggregate = self._aggregates.get(action)
            if aggregate is None:
                raise KeyError(f"no experience logged for action {action!r}")
            return aggregate.success_rate

    def metrics(self) -> EvolutionMetrics:
        with self._lock:
            total = self._totals()
            count = total.count
            return EvolutionMetrics(
                total_experiences=count,
                retained_experiences=self.retained,
                action_types=len(self._aggregates),
                successes=total.outcomes[Outcome.SUCCESS],
                failures=total.outcomes[Outcome.FAILURE],
                learnings=total.outcomes[Outcome.LEARNING],
                success_rate=total.success_rate,
                mean_ethical_score=total.ethical_sum / count if count else 1.0,
                mean_safety_score=total.safety_sum / count if count else 1.0,
            )

    async def suggest_improvements(self) -> list[Improvement]:
        """Optimisations for actions that mostly fail; critical ones for low mean scores."""
        with self._lock:
            rates = sorted((g.success_rate, a) for a, g in self._aggregates.items())
        improvements = [
            Improvement(
                ImprovementKind.OPTIMIZATION,
                ImprovementPriority.HIGH if rate < 0.3 else ImprovementPriority.MEDIUM,
                action,
                f"{action!r} succeeds {rate:.0%} of the time; review how it is attempted",
            )
            for rate, action in rates
            if rate < 0.5
        ]
        metrics = self.metrics()
        if metrics.mean_ethical_score < 0.7:
            improvements.append(
                Improvement(
                    ImprovementKind.ALIGNMENT,
                    ImprovementPriority.CRITICAL,
                    None,
                    f"mean ethical score {metrics.mean_ethical_score:.2f} is below 0.70",
                )
            )
        if metrics.mean_safety_score < 0.7:
            improvements.append(
                Improvement(
                    ImprovementKind.SAFETY,
                    ImprovementPriority.CRITICAL,
                    None,
                    f"mean safety score {metrics.mean_safety_score:.2f} is below 0.70",
                )
            )
        return improvements

    def experiences(
        self,
        action: str | None = None,
        since: float | None = None,
        outcome: Outcome | str | None = None,
    ) -> list[Experience]:
        """Retained experiences, oldest first, filtered by action, time and outcome."""
        wanted = None if outcome is None else Outcome(outcome)
        with self._lock:
            retained = list(self._iter_retained())
        return [
            e
            for e in retained
            if (action is None or e.action == action)
            and (since is None or e.timestamp >= since)
            and (wanted is None or e.outcome is wanted)
        ]

    def _totals(self) -> _Aggregate:
        """Totals over every action type: O(action types), kept off the logging hot path."""
        total = _Aggregate()
        for aggregate in self._aggregates.values():
            total.merge(aggregate)
        return total

    def _iter_retained(self) -> Iterator[Experience]:
        for experience in self._history[self._dropped :]:
            if experience is not None:
                yield experience

    def get(self, experience_id: int) -> Experience:
        """The experience with this id; ``KeyError`` if unknown or dropped."""
        with self._lock:
            experience = self._history[self._index_of(experience_id)]
        if experience is None:
            raise KeyError(f"no experience with id {experience_id!r} (dropped by max_history)")
        return experience
