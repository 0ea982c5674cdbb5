"""The collaborator against a plain model, over any sequence of operations (Hypothesis)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from aegis.hitl import DecisionStateError, DecisionStatus, HITLCollaborator, Priority


class HITLModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = 0.0
        self.loop = asyncio.new_event_loop()
        self.hitl = HITLCollaborator(default_timeout=10, clock=lambda: self.now)
        # id -> [priority, sequence, status, expires_at]
        self.model: dict[str, list[Any]] = {}
        self.sequence = 0

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        return self.loop.run_until_complete(coroutine)

    def expire(self) -> None:
        for record in self.model.values():
            if record[2] is DecisionStatus.PENDING and record[3] <= self.now:
                record[2] = DecisionStatus.TIMED_OUT

    @rule(priority=st.sampled_from(list(Priority)), timeout=st.sampled_from([1.0, 5.0, 10.0]))
    def request(self, priority: Priority, timeout: float) -> None:
        self.expire()
        decision = self.run(self.hitl.request_decision("q", {}, priority, timeout))
        self.model[decision.id] = [
            priority,
            self.sequence,
            DecisionStatus.PENDING,
            self.now + timeout,
        ]
        self.sequence += 1

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data(), approve=st.booleans())
    def answer(self, data: st.DataObject, approve: bool) -> None:
        self.expire()
        target = data.draw(st.sampled_from(sorted(self.model)))
        method = self.hitl.approve if approve else self.hitl.reject
        if self.model[target][2] is DecisionStatus.PENDING:
            decision = self.run(method(target, "human"))
            self.model[target][2] = decision.status
            assert decision.status is (
                DecisionStatus.APPROVED if approve else DecisionStatus.REJECTED
            )
        else:
            try:
                self.run(method(target, "human"))
            except DecisionStateError:
                pass
            else:
                raise AssertionError(f"{target} was answered twice")

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def escalate(self, data: st.DataObject) -> None:
        self.expire()
        target = data.draw(st.sampled_from(sorted(self.model)))
        if self.model[target][2] is DecisionStatus.PENDING:
            self.run(self.hitl.escalate(target))
            self.model[target][0] = Priority(min(self.model[target][0] + 1, Priority.CRITICAL))

    @rule(seconds=st.sampled_from([0.5, 1.0, 3.0]))
    def advance(self, seconds: float) -> None:
        self.now += seconds

    @invariant()
    def pending_matches_the_model(self) -> None:
        self.expire()
        expected = sorted(
            (key for key, record in self.model.items() if record[2] is DecisionStatus.PENDING),
            key=lambda key: (-self.model[key][0], self.model[key][1]),
        )
        assert [d.id for d in self.hitl.pending()] == expected
        assert [d.id for d in self.hitl.pending(limit=2)] == expected[:2]
        for key, record in self.model.items():
            status = self.hitl.status(key)
            assert (status.status, status.priority) == (record[2], record[0])

    def teardown(self) -> None:
        self.loop.close()


TestHITLModel = HITLModel.TestCase
TestHITLModel.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
