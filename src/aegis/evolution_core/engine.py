"""The evolution engine: the history of experiences, and the totals kept in step with it.

The history is a list indexed by id, so feedback finds its experience in O(1), and
``max_history`` drops the oldest while the totals in :mod:`.aggregate` keep counting them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from aegis._locks import YieldingLock
from aegis._validation import require_text, require_unit_interval
from aegis.evolution_core.aggregate import Aggregate, improvements_for, patterns_for
from aegis.evolution_core.model import (
    OUTCOMES,
    EvolutionMetrics,
    Experience,
    Feedback,
    Improvement,
    Outcome,
    Pattern,
)

__all__ = ["EvolutionEngine"]


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
        self._lock = YieldingLock()
        self._aggregates: dict[str, Aggregate] = {}
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
        kind = OUTCOMES.get(outcome) if isinstance(outcome, str) else None
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
                aggregate = self._aggregates[action] = Aggregate()
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
        with self._lock:  # O(action types): cheap enough to hold the lock throughout
            return patterns_for(self._aggregates.items())

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
            rates = [(g.success_rate, a) for a, g in self._aggregates.items()]
        return improvements_for(rates, self.metrics())

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

    def _totals(self) -> Aggregate:
        """Totals over every action type: O(action types), kept off the logging hot path."""
        total = Aggregate()
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
