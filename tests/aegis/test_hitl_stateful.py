"""The collaborator against a plain model, over any sequence of operations (Hypothesis).

The model covers priorities and ages, expiry on a clock that also steps back, escalation
(a CRITICAL decision stays as it is, once), retention (only the last ``KEEP`` decided stay),
input the log cannot encode, and an audit log that fails now and then: whatever happens, a
call that raised changed nothing, and each decision's audit trail is its history.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from aegis.hitl import (
    DecisionPrunedError,
    DecisionStateError,
    DecisionStatus,
    HITLCollaborator,
    Priority,
)
from tests.aegis.hitl_support import RecordingAudit, history_actions, trail_by_id

KEEP = 4
PRIORITY, SEQUENCE, STATUS, EXPIRES = range(4)


class HITLModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = 0.0
        self.loop = asyncio.new_event_loop()
        self.audit = RecordingAudit()
        self.hitl = HITLCollaborator(
            default_timeout=10, clock=lambda: self.now, audit=self.audit, keep_decided=KEEP
        )
        # id -> [priority, sequence, status, expires_at]
        self.model: dict[str, list[Any]] = {}
        self.decided: list[str] = []  # in the order they settled
        self.sequence = 0

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> Any:
        return self.loop.run_until_complete(coroutine)

    def expire(self) -> None:
        due = [
            key
            for key, record in self.model.items()
            if record[STATUS] is DecisionStatus.PENDING and record[EXPIRES] <= self.now
        ]
        for key in sorted(due, key=lambda k: (self.model[k][EXPIRES], self.model[k][SEQUENCE])):
            self.model[key][STATUS] = DecisionStatus.TIMED_OUT
            self.decided.append(key)

    def retained(self) -> dict[str, list[Any]]:
        pruned = set(self.decided[:-KEEP]) if len(self.decided) > KEEP else set()
        return {key: record for key, record in self.model.items() if key not in pruned}

    @property
    def failing(self) -> bool:
        return self.audit.fail is not None

    @rule(priority=st.sampled_from(list(Priority)), timeout=st.sampled_from([1.0, 5.0, 10.0]))
    def request(self, priority: Priority, timeout: float) -> None:
        self.expire()
        if self.failing:
            with pytest.raises(OSError, match="refused"):
                self.run(self.hitl.request_decision("q", {}, priority, timeout))
            return
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
        if target not in self.retained():
            with pytest.raises(DecisionPrunedError):
                self.run(method(target, "human"))
        elif self.model[target][STATUS] is not DecisionStatus.PENDING:
            with pytest.raises(DecisionStateError):
                self.run(method(target, "human"))
        elif self.failing:
            with pytest.raises(OSError, match="refused"):
                self.run(method(target, "human"))
        else:
            decision = self.run(method(target, "human"))
            self.model[target][STATUS] = decision.status
            self.decided.append(target)
            assert decision.status is (
                DecisionStatus.APPROVED if approve else DecisionStatus.REJECTED
            )

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def escalate(self, data: st.DataObject) -> None:
        self.expire()
        target = data.draw(st.sampled_from(sorted(self.model)))
        record = self.model[target]
        if target in self.retained() and record[STATUS] is DecisionStatus.PENDING:
            if self.failing and record[PRIORITY] is not Priority.CRITICAL:
                with pytest.raises(OSError, match="refused"):
                    self.run(self.hitl.escalate(target))
                return
            self.run(self.hitl.escalate(target))  # CRITICAL: unchanged, nothing written
            record[PRIORITY] = Priority(min(record[PRIORITY] + 1, Priority.CRITICAL))

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data(), field=st.sampled_from(["reasoning", "responder"]))
    def unencodable_input_changes_nothing(self, data: st.DataObject, field: str) -> None:
        target = data.draw(st.sampled_from(sorted(self.model)))
        arguments = {"responder": "human", "reasoning": "ok", field: "bad \udc80 text"}
        with pytest.raises(ValueError, match=f"{field} is not valid text"):
            self.run(self.hitl.approve(target, **arguments))

    @rule(fail=st.booleans())
    def audit_log_health(self, fail: bool) -> None:
        self.audit.fail = "*" if fail else None

    @rule(seconds=st.sampled_from([-1.0, 0.5, 1.0, 3.0]))
    def advance(self, seconds: float) -> None:
        self.now += seconds  # backwards too: nothing un-expires, nothing is approved late

    @invariant()
    def pending_matches_the_model(self) -> None:
        self.expire()
        expected = sorted(
            (key for key, record in self.model.items() if record[STATUS] is DecisionStatus.PENDING),
            key=lambda key: (-self.model[key][PRIORITY], self.model[key][SEQUENCE]),
        )
        assert [d.id for d in self.hitl.pending()] == expected
        assert [d.id for d in self.hitl.pending(limit=2)] == expected[:2]
        retained = self.retained()
        for key, record in self.model.items():
            if key not in retained:
                with pytest.raises(DecisionPrunedError):
                    self.hitl.status(key)
                continue
            status = self.hitl.status(key)
            assert (status.status, status.priority) == (record[STATUS], record[PRIORITY])
            if status.approved:
                assert status.answered_at is not None
                assert status.answered_at < status.expires_at

    @invariant()
    def the_audit_trail_is_each_decisions_history(self) -> None:
        if not self.failing:
            self.run(self.hitl.flush_audit())
        trail = trail_by_id(self.audit.entries)
        for key in self.retained():
            history = history_actions(self.hitl.status(key))
            actions = trail.get(key, [])
            if self.failing:  # expiries may wait for the log to come back
                assert actions == history[: len(actions)]
                assert len(actions) >= len(history) - 1
            else:
                assert actions == history
        assert set(trail) == set(self.model)

    def teardown(self) -> None:
        self.hitl.close()
        self.loop.close()


TestHITLModel = HITLModel.TestCase
TestHITLModel.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
