"""A decision and its audit record are one: written first, applied after, in causal order.

Numbered as the findings they guard: 1 (state changed before the write, no rollback),
2 (audit order not causal under threads), 3 (an expiry seen by ``status`` only audited at
the next async call).
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from aegis.audit import AuditLog
from aegis.hitl import DecisionStateError, DecisionStatus, HITLCollaborator, Priority
from tests.aegis.hitl_support import (
    FakeClock,
    RecordingAudit,
    assert_trail_is_history,
    entries_of,
)

LONE_SURROGATE = "fine until \ud800 here"


@pytest.fixture
def tiny_switch_interval() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


@pytest.fixture
def audit_log() -> Iterator[AuditLog]:
    with AuditLog() as log:
        yield log


# -- 1: write-ahead ---------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_1_a_reasoning_the_log_cannot_encode_changes_nothing(audit_log: AuditLog) -> None:
    """Failure point one: the input is refused before the queue or the log is touched."""
    hitl = HITLCollaborator(audit=audit_log)
    decision = await hitl.request_decision("Deploy?", {}, Priority.HIGH)
    with pytest.raises(ValueError, match=r"reasoning is not valid text: surrogates not allowed"):
        await hitl.approve(decision.id, "alice", LONE_SURROGATE)
    assert hitl.status(decision.id).status is DecisionStatus.PENDING
    assert [e.action for e in await audit_log.query()] == ["hitl.requested"]
    approved = await hitl.approve(decision.id, "alice", "fine")  # a retry is not refused
    assert approved.approved
    assert_trail_is_history(hitl, entries_of(await audit_log.query()))
    assert (await audit_log.verify()).ok


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"question": LONE_SURROGATE}, "question"),
        ({"requester": LONE_SURROGATE}, "requester"),
        ({"timeout": float("inf")}, "timeout"),
        ({"decision_id": LONE_SURROGATE}, "decision_id"),
    ],
)
async def test_1_a_bad_request_queues_nothing_and_logs_nothing(
    audit_log: AuditLog, kwargs: dict[str, object], field: str
) -> None:
    arguments: dict[str, object] = {"question": "q", "context": {}, "priority": "low"}
    arguments.update(kwargs)
    hitl = HITLCollaborator(audit=audit_log)
    with pytest.raises(ValueError, match=field):
        await hitl.request_decision(**arguments)  # type: ignore[arg-type]
    assert hitl.pending() == []
    assert audit_log.size == 0


@pytest.mark.asyncio
@pytest.mark.parametrize("operation", ["request", "approve", "reject", "cancel", "escalate"])
async def test_1_a_failed_audit_write_leaves_the_decision_as_it_was(operation: str) -> None:
    """Failure point two: the log refuses the entry, and the change is dropped with it."""
    audit = RecordingAudit()
    hitl = HITLCollaborator(audit=audit)
    decision = await hitl.request_decision("Proceed?", {}, Priority.LOW, decision_id="d1")
    audit.fail = "*"
    calls = {
        "request": lambda: hitl.request_decision("Again?", {}, "low", decision_id="d2"),
        "approve": lambda: hitl.approve("d1", "alice"),
        "reject": lambda: hitl.reject("d1", "alice"),
        "cancel": lambda: hitl.cancel("d1"),
        "escalate": lambda: hitl.escalate("d1"),
    }
    with pytest.raises(OSError, match="refused"):
        await calls[operation]()
    assert hitl.status("d1") == decision  # same status, priority and history
    assert [d.id for d in hitl.pending()] == ["d1"]
    assert audit.entries == [("hitl.requested", audit.entries[0][1])]
    audit.fail = None
    await calls[operation]()  # the retry succeeds: nothing half-done was left behind
    assert_trail_is_history(hitl, audit.entries)


@pytest.mark.asyncio
async def test_1_with_the_log_closed_approve_changes_nothing_and_a_retry_works() -> None:
    log = AuditLog()
    hitl = HITLCollaborator(audit=log)
    decision = await hitl.request_decision("Deploy?", {}, Priority.HIGH)
    log.close()
    with pytest.raises(ValueError, match="closed"):
        await hitl.approve(decision.id, "alice")
    assert hitl.status(decision.id).pending
    with AuditLog() as fresh:
        hitl.audit = fresh
        assert (await hitl.approve(decision.id, "alice")).approved
        assert [e.action for e in await fresh.query()] == ["hitl.approved"]


def test_1_concurrent_approvals_with_bad_strings_are_all_or_nothing(
    audit_log: AuditLog, tiny_switch_interval: None
) -> None:
    """Of 300 approvals from 6 threads, the 3 with a lone surrogate change nothing and the
    297 others are approved and audited; the log verifies and equals the queue's history."""
    hitl = HITLCollaborator(audit=audit_log)
    ids = asyncio.run(_request_many(hitl, 300))
    bad = set(ids[::100])
    refused: list[str] = []

    def approver(chunk: list[str]) -> None:
        async def main() -> None:
            for decision_id in chunk:
                reasoning = LONE_SURROGATE if decision_id in bad else "ok"
                try:
                    await hitl.approve(decision_id, "alice", reasoning)
                except ValueError:
                    refused.append(decision_id)

        asyncio.run(main())

    threads = [threading.Thread(target=approver, args=(ids[n::6],)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(refused) == bad
    assert {d.id for d in hitl.pending()} == bad
    entries = audit_log.query_sync()
    assert sum(e.action == "hitl.approved" for e in entries) == 297
    assert_trail_is_history(hitl, entries_of(entries))
    assert audit_log.verify_sync().ok


async def _request_many(hitl: HITLCollaborator, count: int) -> list[str]:
    return [(await hitl.request_decision(f"q{i}", {}, "low")).id for i in range(count)]


# -- 2: causal order under threads --------------------------------------------------------


def test_2_audit_order_is_each_decisions_history_under_racing_threads(
    audit_log: AuditLog, tiny_switch_interval: None
) -> None:
    """One requester, one approver and one escalator thread, every switch a microsecond
    apart: each decision's entries are requested < escalated* < answered, as its history."""
    hitl = HITLCollaborator(audit=audit_log)
    done = threading.Event()
    requested: list[str] = []

    def requester() -> None:
        async def main() -> None:
            for i in range(300):
                decision = await hitl.request_decision(f"q{i}", {}, "low")
                requested.append(decision.id)

        asyncio.run(main())
        done.set()

    def answerer(escalate: bool) -> None:
        async def main() -> None:
            while not (done.is_set() and hitl.pending_count == 0):
                for decision in hitl.pending(limit=8):
                    try:
                        if escalate:
                            await hitl.escalate(decision.id)
                        else:
                            await hitl.approve(decision.id, "alice")
                    except DecisionStateError:
                        pass  # answered meanwhile
                await asyncio.sleep(0)
                if escalate and done.is_set():
                    return

        asyncio.run(main())

    threads = [
        threading.Thread(target=requester),
        threading.Thread(target=answerer, args=(False,)),
        threading.Thread(target=answerer, args=(True,)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    entries = audit_log.query_sync()
    trail = assert_trail_is_history(hitl, entries_of(entries))
    assert set(trail) == set(requested)
    assert all(actions[-1] == "hitl.approved" for actions in trail.values())
    assert audit_log.verify_sync().ok


# -- 3: expiries audited when they happen -----------------------------------------------------


def _wait_for(predicate: object, seconds: float = 5.0) -> bool:
    """Poll a condition that another thread makes true (bounded; not a timing assertion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.005)
    return False


def test_3_an_expiry_seen_only_by_status_is_audited_without_another_call() -> None:
    clock, audit = FakeClock(), RecordingAudit()
    hitl = HITLCollaborator(default_timeout=5, audit=audit, clock=clock)
    decision = asyncio.run(hitl.request_decision("Proceed?", {}, Priority.LOW))
    clock.now += 5
    assert hitl.status(decision.id).status is DecisionStatus.TIMED_OUT
    assert _wait_for(lambda: audit.actions_of(decision.id) == ["hitl.requested", "hitl.timed_out"])
    hitl.close()


def test_3_an_expiry_nobody_asks_about_is_audited_at_its_deadline() -> None:
    audit = RecordingAudit()
    hitl = HITLCollaborator(audit=audit)
    decision = asyncio.run(hitl.request_decision("Proceed?", {}, Priority.LOW, timeout=0.05))
    assert _wait_for(lambda: audit.actions_of(decision.id)[-1:] == ["hitl.timed_out"])
    assert audit.entries[-1][1] == {"id": decision.id, "priority": "low"}
    hitl.close()


def test_3_a_fake_clock_moved_past_a_deadline_is_noticed_by_the_timer() -> None:
    clock, audit = FakeClock(), RecordingAudit()
    hitl = HITLCollaborator(default_timeout=5, audit=audit, clock=clock)
    ids = [
        asyncio.run(hitl.request_decision(f"q{i}", {}, Priority.LOW, timeout=1 + i)).id
        for i in range(3)
    ]
    clock.now += 2.5  # no call on the queue after this
    assert _wait_for(lambda: sum(a == "hitl.timed_out" for a, _ in audit.entries) == 2)
    assert [audit.actions_of(i)[-1] for i in ids] == [
        "hitl.timed_out",
        "hitl.timed_out",
        "hitl.requested",
    ]
    hitl.close()


def test_3_a_failed_expiry_write_is_kept_and_retried_in_order() -> None:
    clock, audit = FakeClock(), RecordingAudit()
    hitl = HITLCollaborator(default_timeout=5, audit=audit, clock=clock)
    first = asyncio.run(hitl.request_decision("a", {}, "low", timeout=1))
    second = asyncio.run(hitl.request_decision("b", {}, "low", timeout=2))
    audit.fail = "hitl.timed_out"
    clock.now += 3
    assert hitl.pending_count == 0
    with pytest.raises(OSError, match="refused"):
        asyncio.run(hitl.flush_audit())
    audit.fail = None
    asyncio.run(hitl.flush_audit())
    expired = [d["id"] for a, d in audit.entries if a == "hitl.timed_out"]
    assert expired == [first.id, second.id]
    hitl.close()


@pytest.mark.asyncio
async def test_3_an_answer_racing_the_deadline_is_either_answered_or_expired_never_both() -> None:
    """The write of an approval made before the deadline is slow; the deadline passes during
    it. The approval stands (it was made in time), and no expiry is logged after it."""
    clock = FakeClock()

    class SlowAudit(RecordingAudit):
        async def log_action(self, action: str, details: dict[str, object]) -> None:  # type: ignore[override]
            if action == "hitl.approved":
                clock.now += 10  # the deadline passes while the entry is written
                assert hitl.status(str(details["id"])).pending  # in flight: not expired
            await super().log_action(action, details)

    audit = SlowAudit()
    hitl = HITLCollaborator(default_timeout=5, audit=audit, clock=clock)
    decision = await hitl.request_decision("q", {}, "low")
    approved = await hitl.approve(decision.id, "alice")
    assert approved.approved
    assert approved.answered_at is not None
    assert approved.answered_at < approved.expires_at
    await hitl.flush_audit()
    assert audit.actions_of(decision.id) == ["hitl.requested", "hitl.approved"]
    hitl.close()


@pytest.mark.asyncio
async def test_3_when_the_racing_write_fails_the_overdue_decision_expires() -> None:
    clock = FakeClock()

    class FailingLateAudit(RecordingAudit):
        async def log_action(self, action: str, details: dict[str, object]) -> None:  # type: ignore[override]
            if action == "hitl.approved":
                clock.now += 10
                assert hitl.status(str(details["id"])).pending
                raise OSError("the audit log refused hitl.approved")
            await super().log_action(action, details)

    audit = FailingLateAudit()
    hitl = HITLCollaborator(default_timeout=5, audit=audit, clock=clock)
    decision = await hitl.request_decision("q", {}, "low")
    with pytest.raises(OSError, match="refused"):
        await hitl.approve(decision.id, "alice")
    assert hitl.status(decision.id).status is DecisionStatus.TIMED_OUT
    await hitl.flush_audit()
    assert audit.actions_of(decision.id) == ["hitl.requested", "hitl.timed_out"]
    hitl.close()


@pytest.mark.asyncio
async def test_cancelling_a_caller_mid_write_keeps_log_and_queue_in_step() -> None:
    release = asyncio.Event()

    class HeldAudit(RecordingAudit):
        async def log_action(self, action: str, details: dict[str, object]) -> None:  # type: ignore[override]
            if action == "hitl.approved":
                await release.wait()
            await super().log_action(action, details)

    audit = HeldAudit()
    hitl = HITLCollaborator(audit=audit)
    decision = await hitl.request_decision("q", {}, "low")
    caller = asyncio.create_task(hitl.approve(decision.id, "alice"))
    await asyncio.sleep(0.01)
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    release.set()
    for _ in itertools.repeat(None, 100):
        if not hitl.status(decision.id).pending:
            break
        await asyncio.sleep(0.001)
    assert hitl.status(decision.id).approved  # written, so applied
    assert audit.actions_of(decision.id) == ["hitl.requested", "hitl.approved"]
    hitl.close()
