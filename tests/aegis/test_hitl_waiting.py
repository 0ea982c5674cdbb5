"""Waiters and event loops: findings 4 (waiters left behind, closed loops) and 5 (mixed
clocks in ``wait_for_decision``)."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from aegis.hitl import DecisionStatus, HITLCollaborator, Priority
from tests.aegis.hitl_support import FakeClock, RecordingAudit

# -- 4: waiters leave, closed loops are no-ops ------------------------------------------------


@pytest.mark.asyncio
async def test_4_timed_out_and_cancelled_waiters_leave_the_decision() -> None:
    hitl = HITLCollaborator()
    decision = await hitl.request_decision("Proceed?", {}, Priority.LOW)
    results = await asyncio.gather(
        *(hitl.wait_for_decision(decision.id, timeout=0.01) for _ in range(2000)),
        return_exceptions=True,
    )
    assert all(isinstance(r, TimeoutError) for r in results)
    assert hitl.waiter_count(decision.id) == 0
    tasks = [asyncio.create_task(hitl.wait_for_decision(decision.id, 30)) for _ in range(50)]
    await asyncio.sleep(0.01)
    assert hitl.waiter_count(decision.id) == 50
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert hitl.waiter_count(decision.id) == 0


def _strand_a_waiter(hitl: HITLCollaborator, decision_id: str) -> None:
    """A waiter whose loop is closed without it ever finishing (a thread's loop torn down)."""
    loop = asyncio.new_event_loop()
    task = loop.create_task(hitl.wait_for_decision(decision_id, 30))
    loop.run_until_complete(asyncio.sleep(0.01))
    assert not task.done()
    loop.close()


@pytest.mark.parametrize("with_log", [False, True])
def test_4_answering_a_decision_whose_waiter_loop_is_closed_works(with_log: bool) -> None:
    audit = RecordingAudit() if with_log else None
    hitl = HITLCollaborator(audit=audit)
    decision = asyncio.run(hitl.request_decision("Proceed?", {}, Priority.LOW))
    thread = threading.Thread(target=_strand_a_waiter, args=(hitl, decision.id))
    thread.start()
    thread.join()
    assert hitl.waiter_count(decision.id) == 1
    approved = asyncio.run(hitl.approve(decision.id, "alice"))
    assert approved.approved
    if audit is not None:
        assert audit.actions_of(decision.id) == ["hitl.requested", "hitl.approved"]
    hitl.close()


def test_4_an_expiry_with_a_waiter_on_a_closed_loop_does_not_break_other_requests() -> None:
    clock = FakeClock()
    audit = RecordingAudit()
    hitl = HITLCollaborator(default_timeout=5, audit=audit, clock=clock)
    decision = asyncio.run(hitl.request_decision("Proceed?", {}, Priority.LOW))
    _strand_a_waiter(hitl, decision.id)
    clock.now += 5
    other = asyncio.run(hitl.request_decision("Unrelated?", {}, Priority.LOW))
    assert [d.id for d in hitl.pending()] == [other.id]
    assert hitl.status(decision.id).status is DecisionStatus.TIMED_OUT
    asyncio.run(hitl.flush_audit())
    assert audit.actions_of(decision.id) == ["hitl.requested", "hitl.timed_out"]
    hitl.close()


@pytest.mark.asyncio
async def test_4_many_waiters_are_all_woken_by_one_answer() -> None:
    hitl = HITLCollaborator()
    decision = await hitl.request_decision("Proceed?", {}, Priority.LOW)
    waiters = [asyncio.create_task(hitl.wait_for_decision(decision.id, 30)) for _ in range(10_000)]
    await asyncio.sleep(0.05)
    await hitl.reject(decision.id, "bob")
    results = await asyncio.wait_for(asyncio.gather(*waiters), 30)
    assert {r.status for r in results} == {DecisionStatus.REJECTED}
    assert hitl.waiter_count(decision.id) == 0


# -- 5: one clock -----------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_5_a_frozen_injected_clock_times_out_after_the_real_seconds_and_says_so() -> None:
    """Before: it slept the injected time to expiry (0.2) as real seconds, then claimed 2s."""
    hitl = HITLCollaborator(clock=FakeClock())
    decision = await hitl.request_decision("Proceed?", {}, Priority.LOW, timeout=0.2)
    started = time.monotonic()
    with pytest.raises(TimeoutError) as raised:
        await hitl.wait_for_decision(decision.id, timeout=0.5)
    waited = time.monotonic() - started
    assert waited >= 0.5  # a lower bound: the wait is not cut short
    message = str(raised.value)
    assert "still pending after 0.5s" in message
    assert "0.000s on the queue's clock" in message
    real = float(message.split("(waited ")[1].split("s of real time", maxsplit=1)[0])
    assert 0.5 <= real <= waited + 0.001  # the message rounds to milliseconds


@pytest.mark.asyncio
async def test_5_the_wait_follows_the_injected_clock_to_the_deadline() -> None:
    """Before: with 30 s to wait and 5 injected seconds to expiry it slept 5 real seconds."""
    clock = FakeClock()
    hitl = HITLCollaborator(clock=clock)
    decision = await hitl.request_decision("Proceed?", {}, Priority.LOW, timeout=5)
    waiter = asyncio.create_task(hitl.wait_for_decision(decision.id, timeout=30))
    await asyncio.sleep(0.01)
    clock.now += 5
    settled = await asyncio.wait_for(waiter, 2)
    assert settled.status is DecisionStatus.TIMED_OUT


@pytest.mark.asyncio
async def test_5_the_wait_times_out_on_the_injected_clock_too() -> None:
    clock = FakeClock()
    hitl = HITLCollaborator(clock=clock)
    decision = await hitl.request_decision("Proceed?", {}, Priority.LOW, timeout=60)
    waiter = asyncio.create_task(hitl.wait_for_decision(decision.id, timeout=10))
    await asyncio.sleep(0.01)
    clock.now += 10
    with pytest.raises(TimeoutError, match=r"still pending after 10s .* 10\.000s on the queue's"):
        await asyncio.wait_for(waiter, 2)
    assert hitl.status(decision.id).pending


@pytest.mark.asyncio
async def test_5_waiting_on_the_default_clock_is_woken_by_the_expiry() -> None:
    hitl = HITLCollaborator()
    decision = await hitl.request_decision("Quick?", {}, Priority.CRITICAL, timeout=0.05)
    settled = await hitl.wait_for_decision(decision.id, timeout=10)
    assert settled.status is DecisionStatus.TIMED_OUT


@pytest.mark.asyncio
async def test_an_explicit_none_wait_means_the_default_timeout() -> None:
    hitl = HITLCollaborator(default_timeout=0.05)
    decision = await hitl.request_decision("Quick?", {}, Priority.LOW)
    settled = await hitl.wait_for_decision(decision.id, timeout=None)
    assert settled.status is DecisionStatus.TIMED_OUT
