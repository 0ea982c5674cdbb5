"""Specification of the human-in-the-loop collaborator."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping
from typing import Any

import pytest

from aegis.hitl import (
    DecisionStateError,
    DecisionStatus,
    EventKind,
    HITLCollaborator,
    Priority,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class RecordingAudit:
    """An audit sink that keeps what it is given, in order."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, dict[str, Any]]] = []

    async def log_action(self, action: str, details: Mapping[str, Any]) -> None:
        self.entries.append((action, dict(details)))


@pytest.mark.asyncio
async def test_pending_is_ordered_by_priority_then_age() -> None:
    hitl = HITLCollaborator()
    for name, priority in [
        ("low", Priority.LOW),
        ("critical", Priority.CRITICAL),
        ("medium", Priority.MEDIUM),
        ("high", Priority.HIGH),
    ]:
        await hitl.request_decision(f"{name}?", {}, priority, decision_id=name)
    assert [d.id for d in hitl.pending()] == ["critical", "high", "medium", "low"]
    await hitl.request_decision("second high?", {}, "high", decision_id="high-2")
    assert [d.id for d in hitl.pending(limit=3)] == ["critical", "high", "high-2"]
    assert hitl.pending(limit=0) == []


@pytest.mark.asyncio
async def test_an_answer_takes_the_decision_out_of_the_queue_once() -> None:
    hitl = HITLCollaborator()
    decision = await hitl.request_decision("Deploy?", {"service": "api"}, Priority.HIGH)
    approved = await hitl.approve(decision.id, "alice", "looks fine")
    assert (approved.status, approved.approved, approved.responder) == (
        DecisionStatus.APPROVED,
        True,
        "alice",
    )
    assert [e.kind for e in approved.history] == [EventKind.REQUESTED, EventKind.APPROVED]
    assert hitl.pending() == []
    with pytest.raises(
        DecisionStateError, match=f"'{decision.id}' is approved; it cannot be rejected"
    ):
        await hitl.reject(decision.id, "bob")
    with pytest.raises(KeyError, match="'missing'"):
        await hitl.approve("missing", "alice")


@pytest.mark.asyncio
async def test_a_timeout_is_a_denial_that_cannot_be_approved_later() -> None:
    clock = FakeClock()
    audit = RecordingAudit()
    hitl = HITLCollaborator(default_timeout=60, audit=audit, clock=clock)
    critical = await hitl.request_decision("Wipe staging?", "ctx", Priority.CRITICAL)
    quick = await hitl.request_decision("Restart?", "ctx", Priority.LOW, timeout=5)
    clock.now += 5
    assert hitl.status(quick.id).status is DecisionStatus.TIMED_OUT
    assert not hitl.status(quick.id).approved
    assert [d.id for d in hitl.pending()] == [critical.id]
    clock.now += 55
    with pytest.raises(DecisionStateError, match="is timed_out; it cannot be approved"):
        await hitl.approve(critical.id, "late-alice")
    assert hitl.status(critical.id).status is DecisionStatus.TIMED_OUT
    assert hitl.pending_count == 0
    assert [a for a, _ in audit.entries] == [
        "hitl.requested",
        "hitl.requested",
        "hitl.timed_out",
        "hitl.timed_out",
    ]


@pytest.mark.asyncio
async def test_expiries_are_logged_only_while_a_log_is_attached() -> None:
    clock = FakeClock()
    hitl = HITLCollaborator(default_timeout=5, clock=clock)
    unlogged = await hitl.request_decision("Before the log?", "ctx", Priority.LOW)
    clock.now += 5
    assert hitl.status(unlogged.id).status is DecisionStatus.TIMED_OUT  # nothing kept for a log
    audit = RecordingAudit()
    hitl.audit = audit
    logged = await hitl.request_decision("With the log?", "ctx", Priority.LOW)
    clock.now += 5
    assert hitl.pending_count == 0
    await hitl.flush_audit()
    assert [action for action, _ in audit.entries] == ["hitl.requested", "hitl.timed_out"]
    assert audit.entries[0][1]["id"] == logged.id
    assert audit.entries[1][1] == {"id": logged.id, "priority": "low"}


@pytest.mark.asyncio
async def test_escalation_raises_one_class_and_is_recorded() -> None:
    hitl = HITLCollaborator()
    low = await hitl.request_decision("a", {}, Priority.LOW, decision_id="a")
    await hitl.request_decision("b", {}, Priority.MEDIUM, decision_id="b")
    escalated = await hitl.escalate(low.id)
    assert escalated.priority is Priority.MEDIUM
    assert [d.id for d in hitl.pending()] == ["a", "b"]  # same class now; "a" is older
    for _ in range(4):
        escalated = await hitl.escalate(low.id)
    assert escalated.priority is Priority.CRITICAL
    assert [e.detail for e in escalated.history if e.kind is EventKind.ESCALATED][:2] == [
        "low -> medium",
        "medium -> high",
    ]
    assert len(hitl.pending()) == 2


@pytest.mark.asyncio
async def test_waiting_is_woken_by_the_answer() -> None:
    hitl = HITLCollaborator()
    decision = await hitl.request_decision("Proceed?", {}, Priority.MEDIUM)
    waiter = asyncio.create_task(hitl.wait_for_decision(decision.id, timeout=30))
    await asyncio.sleep(0)
    await hitl.reject(decision.id, "carol", "not now")
    answered = await asyncio.wait_for(waiter, 5)
    assert (answered.status, answered.reasoning) == (DecisionStatus.REJECTED, "not now")
    assert (await hitl.wait_for_decision(decision.id, timeout=1)).status is DecisionStatus.REJECTED


@pytest.mark.asyncio
async def test_waiting_past_the_timeout_raises_and_past_expiry_denies() -> None:
    hitl = HITLCollaborator()
    decision = await hitl.request_decision("Proceed?", {}, Priority.MEDIUM)
    with pytest.raises(TimeoutError, match=r"still pending after 0\.01s"):
        await hitl.wait_for_decision(decision.id, timeout=0.01)
    short = await hitl.request_decision("Quick?", {}, Priority.CRITICAL, timeout=0.02)
    expired = await hitl.wait_for_decision(short.id, timeout=10)
    assert expired.status is DecisionStatus.TIMED_OUT


@pytest.mark.asyncio
async def test_every_request_and_answer_is_audited() -> None:
    audit = RecordingAudit()
    hitl = HITLCollaborator(audit=audit)
    first = await hitl.request_decision("q1", {}, Priority.LOW, decision_id="d1")
    await hitl.escalate(first.id)
    await hitl.approve("d1", "alice")
    await hitl.request_decision("q2", {}, Priority.LOW, decision_id="d2")
    await hitl.cancel("d2")
    assert audit.entries == [
        (
            "hitl.requested",
            {
                "id": "d1",
                "question": "q1",
                "priority": "low",
                "requester": "agent",
                "expires_in_s": 300.0,
            },
        ),
        ("hitl.escalated", {"id": "d1", "change": "low -> medium"}),
        (
            "hitl.approved",
            {"id": "d1", "responder": "alice", "reasoning": None, "priority": "medium"},
        ),
        (
            "hitl.requested",
            {
                "id": "d2",
                "question": "q2",
                "priority": "low",
                "requester": "agent",
                "expires_in_s": 300.0,
            },
        ),
        (
            "hitl.cancelled",
            {"id": "d2", "responder": "requester", "reasoning": None, "priority": "low"},
        ),
    ]


def test_concurrent_requesters_and_approvers_answer_each_decision_exactly_once() -> None:
    hitl = HITLCollaborator()
    requested: list[str] = []
    answers: dict[str, list[str]] = {}
    answers_lock = threading.Lock()
    done = threading.Event()

    def requester(n: int) -> None:
        async def main() -> None:
            for i in range(1000):
                priority = Priority((i % 4) + 1)
                decision = await hitl.request_decision(f"q{n}-{i}", {"n": n}, priority)
                requested.append(decision.id)

        asyncio.run(main())

    def approver(n: int) -> None:
        async def main() -> None:
            while not (done.is_set() and hitl.pending_count == 0):
                for decision in hitl.pending(limit=20):
                    try:
                        answer = await (hitl.approve if n % 2 else hitl.reject)(
                            decision.id, f"a{n}"
                        )
                    except DecisionStateError:
                        continue  # another approver answered it first
                    with answers_lock:
                        answers.setdefault(answer.id, []).append(answer.status.value)

        asyncio.run(main())

    requesters = [threading.Thread(target=requester, args=(n,)) for n in range(8)]
    approvers = [threading.Thread(target=approver, args=(n,)) for n in range(4)]
    for thread in requesters + approvers:
        thread.start()
    for thread in requesters:
        thread.join()
    done.set()
    for thread in approvers:
        thread.join()
    assert len(requested) == len(set(requested)) == 8000
    assert set(answers) == set(requested)
    assert all(len(statuses) == 1 for statuses in answers.values())
    for decision_id, (status,) in answers.items():
        final = hitl.status(decision_id)
        assert final.status.value == status
        assert [e.kind for e in final.history][-1].value == status


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"question": ""}, ValueError, "question must not be empty"),
        ({"question": 7}, TypeError, "question must be a str"),
        (
            {"priority": "urgent"},
            ValueError,
            "priority must be one of low, medium, high, critical, got 'urgent'",
        ),
        ({"priority": 9}, ValueError, "priority must be one of .* got 9"),
        ({"timeout": -1}, ValueError, "timeout must be a number of seconds > 0, got -1"),
        ({"timeout": float("nan")}, ValueError, "timeout .* nan"),
        ({"context": 3}, TypeError, "context must be a mapping or str"),
    ],
)
async def test_bad_requests_are_refused_clearly(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    arguments: dict[str, object] = {"question": "q", "context": {}, "priority": "low"}
    arguments.update(kwargs)
    hitl = HITLCollaborator()
    with pytest.raises(error, match=message):
        await hitl.request_decision(**arguments)  # type: ignore[arg-type]
    assert hitl.pending() == []


@pytest.mark.asyncio
async def test_duplicate_ids_are_refused() -> None:
    hitl = HITLCollaborator()
    await hitl.request_decision("q", {}, "low", decision_id="same")
    with pytest.raises(ValueError, match="a decision with id 'same' already exists"):
        await hitl.request_decision("q", {}, "high", decision_id="same")
    assert len(hitl.pending()) == 1
