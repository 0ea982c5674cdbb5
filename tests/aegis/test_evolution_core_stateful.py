"""After any sequence of operations, aggregates and patterns equal a brute-force recount."""

from __future__ import annotations

import asyncio
from collections import Counter

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from aegis.evolution_core import (
    LOW_SCORE,
    MIN_EXPERIENCES,
    MIN_LOW_SCORES,
    EvolutionEngine,
    Experience,
    Outcome,
    PatternKind,
)

actions = st.sampled_from(["read", "write", "query", "send"])
scores = st.floats(min_value=0.0, max_value=1.0)


class EvolutionModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.engine = EvolutionEngine(max_history=25)
        self.all: dict[int, Experience] = {}

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
        self.all[target] = asyncio.run(learn(target, score))

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
