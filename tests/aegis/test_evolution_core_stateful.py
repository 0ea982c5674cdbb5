"""After any sequence of operations, aggregates and patterns equal a brute-force recount."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from aegis.evolution_core import (
    DEFAULT_MAX_HISTORY,
    LOW_SCORE,
    MIN_EXPERIENCES,
    MIN_LOW_SCORES,
    EvolutionEngine,
    Experience,
    Outcome,
    PatternKind,
)
from aegis.evolution_core.aggregate import score_units

actions = st.sampled_from(["read", "write", "query", "send"])
scores = st.floats(min_value=0.0, max_value=1.0)


class EvolutionModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = 100.0
        self.engine = EvolutionEngine(max_history=25, clock=lambda: self.now)
        self.all: dict[int, Experience] = {}

    @rule(seconds=st.sampled_from([-5.0, 0.0, 0.5, 3.0]))
    def clock_steps(self, seconds: float) -> None:
        self.now += seconds  # backwards too: timestamps must still never go back

    @rule(concerns=st.sampled_from(["abc", None, [""], ("ok", 1), 7]))
    def bad_concerns_change_nothing(self, concerns: object) -> None:
        retained = self.engine.experiences()
        if retained:
            with pytest.raises((TypeError, ValueError), match="concerns"):
                asyncio.run(self.engine.learn_from_ethics(retained[0].id, 0.0, concerns))  # type: ignore[arg-type]
        assert self.engine.experiences() == retained

    @rule(action=actions, outcome=st.sampled_from(list(Outcome)), ethical=scores, safety=scores)
    def log(self, action: str, outcome: Outcome, ethical: float, safety: float) -> None:
        experience = self.engine.log_experience_sync(action, outcome, ethical, safety)
        self.all[experience.id] = experience

    @precondition(lambda self: bool(self.all))
    @rule(data=st.data(), score=scores, ethical=st.booleans())
    def learn(self, data: st.DataObject, score: float, ethical: bool) -> None:
        retained = [e.id for e in self.engine.experiences()]
        target = data.draw(st.sampled_from(retained))
        learn = self.engine.learn_from_ethics if ethical else self.engine.learn_from_safety
        self.all[target] = asyncio.run(learn(target, score, ["why"]))

    @invariant()
    def aggregates_match_a_recount(self) -> None:
        history = list(self.all.values())
        metrics = self.engine.metrics()
        counts = Counter(e.outcome for e in history)
        assert metrics.total_experiences == len(history)
        assert metrics.successes == counts[Outcome.SUCCESS]
        assert metrics.failures == counts[Outcome.FAILURE]
        if history:
            mean = sum(e.ethical_score for e in history) / len(history)
            assert abs(metrics.mean_ethical_score - mean) < 1e-9
            # Exactly the fixed-point sum: no order of logs and rescores makes it drift.
            units = sum(score_units(e.safety_score) for e in history)
            assert metrics.mean_safety_score == units / 2.0**53 / len(history)

    @invariant()
    def timestamps_follow_ids_and_since_is_a_suffix(self) -> None:
        retained = self.engine.experiences()
        stamps = [e.timestamp for e in retained]
        assert stamps == sorted(stamps)
        assert len(retained) <= 25 < DEFAULT_MAX_HISTORY
        for cut in {*stamps[:3], self.now}:
            selected = self.engine.experiences(since=cut)
            assert selected == retained[len(retained) - len(selected) :]

    @invariant()
    def patterns_match_a_recount(self) -> None:
        expected = set()
        by_action: dict[str, list[Experience]] = {}
        for e in self.all.values():
            by_action.setdefault(e.action, []).append(e)
        for action, items in by_action.items():
            rate = sum(e.outcome is Outcome.SUCCESS for e in items) / len(items)
            if len(items) >= MIN_EXPERIENCES:
                kind = (
                    PatternKind.SUCCESSFUL_ACTION
                    if rate > 0.8
                    else PatternKind.FAILURE_MODE
                    if rate < 0.3
                    else PatternKind.OPTIMIZATION_CANDIDATE
                )
                expected.add((kind, action, len(items)))
            low_ethics = sum(e.ethical_score < LOW_SCORE for e in items)
            low_safety = sum(e.safety_score < LOW_SCORE for e in items)
            if low_ethics >= MIN_LOW_SCORES:
                expected.add((PatternKind.ETHICAL_VIOLATION, action, low_ethics))
            if low_safety >= MIN_LOW_SCORES:
                expected.add((PatternKind.SAFETY_ISSUE, action, low_safety))
        patterns = self.engine.recognize_patterns_sync()
        assert {(p.kind, p.action, p.frequency) for p in patterns} == expected


TestEvolutionModel = EvolutionModel.TestCase
TestEvolutionModel.settings = settings(max_examples=60, stateful_step_count=40, deadline=None)
