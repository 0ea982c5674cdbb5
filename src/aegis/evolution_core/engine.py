"""The evolution engine: the history of experiences, and the totals kept in step with it.

The history is a bounded deque indexed by id, so feedback finds its experience quickly. Memory is
bounded twice over: ``max_history`` experiences are kept (the oldest are dropped), and the
totals of at most ``max_actions`` action types (the least recently logged are folded into one
bucket that keeps the engine-wide totals exact). Both have bounded defaults.
"""

from __future__ import annotations

import heapq
import time
from collections import deque
from collections.abc import Callable

from aegis._locks import YieldingLock
from aegis._validation import describe, quote, require_text, require_unit_interval
from aegis.evolution_core.aggregate import (
    SCORE_UNITS,
    Aggregate,
    improvements_for,
    patterns_for,
)
from aegis.evolution_core.checks import (
    DEFAULT_MAX_ACTIONS,
    DEFAULT_MAX_HISTORY,
    MAX_FEEDBACK,
    require_bound,
    require_concerns,
    require_filters,
    require_outcome,
)
from aegis.evolution_core.model import (
    LOW_SCORE,
    OUTCOMES,
    EvolutionMetrics,
    Experience,
    Feedback,
    Improvement,
    Outcome,
    Pattern,
)

__all__ = ["EvolutionEngine"]

#: Fixed-point units of recently seen scores, bounded (cleared when full).
_UNITS: dict[float, int] = {}
_UNITS_CAP = 4096
_PLAIN_OUTCOMES = (str, Outcome)


def _units(score: float) -> int:
    if len(_UNITS) >= _UNITS_CAP:
        _UNITS.clear()
    units = _UNITS[score] = int(score * SCORE_UNITS)
    return units


class EvolutionEngine:
    """Logs experiences and derives patterns and improvements from running aggregates.

    ``max_history`` (default :data:`DEFAULT_MAX_HISTORY`; None means the default) bounds the
    experiences kept; ``max_actions`` (default :data:`DEFAULT_MAX_ACTIONS`) bounds the action
    types whose own totals are kept: beyond it, the least recently logged are evicted in
    batches (so up to an eighth more may be held for a moment), their counts staying in the
    engine-wide :meth:`metrics`. Timestamps are read under the lock and never go back, so
    ids and timestamps agree and ``experiences(since=...)`` is always a suffix.

    Safe to share between threads and asyncio tasks: every mutation holds one lock, so no
    experience is lost or counted twice.
    """

    def __init__(
        self,
        max_history: int | None = None,
        *,
        clock: Callable[[], float] = time.time,
        max_actions: int | None = None,
    ) -> None:
        self._max_history = require_bound("max_history", max_history, DEFAULT_MAX_HISTORY)
        self._max_actions = require_bound("max_actions", max_actions, DEFAULT_MAX_ACTIONS)
        self._clock = clock
        self._lock = YieldingLock()
        self._aggregates: dict[str, Aggregate] = {}
        #: Totals of the action types evicted beyond ``max_actions``.
        self._evicted = Aggregate()
        # Ids are sequential, so the history is indexed by ``id - (next id - its length)``;
        # a bounded deque drops the oldest in C, with nothing to count on the hot path.
        self._history: deque[Experience] = deque(maxlen=self._max_history)
        self._next_id = 1
        self._last_timestamp = -float("inf")

    @property
    def max_history(self) -> int:
        return self._max_history

    @property
    def max_actions(self) -> int:
        return self._max_actions

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
            action = require_text("action", action)  # a plain str, whatever was given
        # Only a plain str or an Outcome is looked up as it is: a subclass's hash may lie.
        kind = OUTCOMES.get(outcome) if type(outcome) in _PLAIN_OUTCOMES else None
        if kind is None:
            kind = require_outcome(outcome)
        ethical, safety = ethical_score, safety_score
        if type(ethical) is not float or not 0.0 <= ethical <= 1.0:
            ethical = require_unit_interval("ethical_score", ethical_score)
        if type(safety) is not float or not 0.0 <= safety <= 1.0:
            safety = require_unit_interval("safety_score", safety_score)
        # Scores repeat (a scorer gives a few distinct values), and a float's conversion to
        # fixed point costs several times a dict lookup.
        ethical_units = _UNITS.get(ethical)
        if ethical_units is None:
            ethical_units = _units(ethical)
        safety_units = _UNITS.get(safety)
        if safety_units is None:
            safety_units = _units(safety)
        return self._append(action, kind, ethical, safety, context, ethical_units, safety_units)

    def _append(  # noqa: PLR0917 (positional: the hot path, called once per experience)
        self,
        action: str,
        kind: Outcome,
        ethical: float,
        safety: float,
        context: object,
        ethical_units: int,
        safety_units: int,
    ) -> Experience:
        """Record a checked experience.

        A function of its own, short, because tracemalloc finds the line of each allocation
        by scanning the function's line table from its start: allocations at the end of one
        long function made logging half again slower under tracemalloc (not without it).
        """
        with self._lock:
            # Read under the lock and never earlier than the last, so that ids and
            # timestamps agree whatever the threads and however the clock steps.
            timestamp = self._clock()
            if timestamp >= self._last_timestamp:  # False for NaN: a bad reading is the last
                self._last_timestamp = timestamp
            else:
                timestamp = self._last_timestamp
            key = self._next_id
            self._next_id = key + 1
            experience = Experience(key, action, kind, ethical, safety, context, timestamp)
            aggregate = self._aggregates.get(action)
            if aggregate is None:
                aggregate = self._new_aggregate(action, key)
            aggregate.count += 1
            aggregate.outcomes[kind] += 1
            aggregate.ethical_units += ethical_units
            aggregate.safety_units += safety_units
            if ethical < LOW_SCORE:
                aggregate.ethical_low += 1
            if safety < LOW_SCORE:
                aggregate.safety_low += 1
            aggregate.last_id = key
            self._history.append(experience)
        return experience

    @property
    def retained(self) -> int:
        """How many experiences are kept in memory (at most ``max_history``)."""
        return len(self._history)

    def _new_aggregate(self, action: str, first_id: int) -> Aggregate:
        aggregates = self._aggregates
        if len(aggregates) >= self._max_actions + self._max_actions // 8:
            # Evict in a batch (O(n log k) once per n/8 new actions), not one by one.
            victims = heapq.nsmallest(
                len(aggregates) - self._max_actions + 1,
                aggregates.items(),
                key=lambda item: item[1].last_id,
            )
            for name, victim in victims:
                self._evicted.merge(victim)
                del aggregates[name]
        aggregate = aggregates[action] = Aggregate(first_id=first_id)
        return aggregate

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
        notes = require_concerns(concerns)
        with self._lock:
            index = self._index_of(experience_id)
            old_experience = self._history[index]
            kept = old_experience.feedback[1 - MAX_FEEDBACK :]  # the most recent, bounded
            feedback = (*kept, Feedback(dimension, new, notes))
            if dimension == "ethical":
                old = old_experience.ethical_score
                updated = old_experience._replace(ethical_score=new, feedback=feedback)
            else:
                old = old_experience.safety_score
                updated = old_experience._replace(safety_score=new, feedback=feedback)
            self._history[index] = updated
            aggregate = self._aggregates.get(updated.action)
            if aggregate is None or updated.id < aggregate.first_id:
                aggregate = self._evicted  # counted there when its action was evicted
            aggregate.rescore(dimension, old, new)
        return updated

    def _index_of(self, experience_id: int) -> int:
        if isinstance(experience_id, bool) or not isinstance(experience_id, int):
            # A KeyError, as for any id that names no experience; the message says why.
            raise KeyError(f"experience_id must be an int, got {describe(experience_id)}")
        number = int.__int__(experience_id)  # a subclass's arithmetic cannot be trusted
        retained = len(self._history)
        index = number - (self._next_id - retained)
        if not 0 <= index < retained:
            dropped = 0 < number < self._next_id
            reason = " (dropped by max_history)" if dropped else ""
            raise KeyError(f"no experience with experience_id {quote(number)}{reason}")
        return index

    async def recognize_patterns(self) -> list[Pattern]:
        """Patterns per action type, ordered by kind then action name."""
        return self.recognize_patterns_sync()

    def recognize_patterns_sync(self) -> list[Pattern]:
        """Synchronous twin of :meth:`recognize_patterns`."""
        with self._lock:  # O(action types), at most ``max_actions``: cheap enough to hold
            return patterns_for(self._aggregates.items())

    def success_rate(self, action: str | None = None) -> float:
        """Share of successes for ``action``, or over every action when None."""
        if action is not None:
            action = require_text("action", action)
        with self._lock:
            if action is None:
                return self._totals().success_rate
            aggregate = self._aggregates.get(action)
            if aggregate is None:
                raise KeyError(
                    f"no totals for action {quote(action)}: never logged, or evicted as one of "
                    f"the least recently logged beyond max_actions={self._max_actions}"
                )
            return aggregate.success_rate

    def metrics(self) -> EvolutionMetrics:
        with self._lock:
            total = self._totals()
            return EvolutionMetrics(
                total_experiences=total.count,
                retained_experiences=self.retained,
                action_types=len(self._aggregates),
                successes=total.outcomes[Outcome.SUCCESS],
                failures=total.outcomes[Outcome.FAILURE],
                learnings=total.outcomes[Outcome.LEARNING],
                success_rate=total.success_rate,
                mean_ethical_score=total.mean(total.ethical_units),
                mean_safety_score=total.mean(total.safety_units),
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
        action, since, wanted = require_filters(action, since, outcome)
        with self._lock:
            retained = list(self._history)
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
        total.merge(self._evicted)
        for aggregate in self._aggregates.values():
            total.merge(aggregate)
        return total

    def get(self, experience_id: int) -> Experience:
        """The experience with this id; ``KeyError`` if unknown or dropped."""
        with self._lock:
            return self._history[self._index_of(experience_id)]
