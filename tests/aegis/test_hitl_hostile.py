"""The queue against what nobody promised it: hostile values, clocks and event loops.

Every refusal is a TypeError, ValueError or KeyError that names the argument, whatever the
value's size or its type's methods; a clock that reads NaN or infinity cannot corrupt the
deadlines; a change or an expiry whose event loop closed mid-write does not wedge the
decision or the log; and the expiry timer outlives a log that cancels its writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import sys
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis.hitl import DecisionStatus, HITLCollaborator, Priority
from tests.aegis.hitl_support import (
    FakeClock,
    RecordingAudit,
    assert_trail_is_history,
    history_actions,
    trail_by_id,
)


class LyingStr(str):
    """A str whose methods claim whatever suits the attacker."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 1

    def upper(self) -> str:  # type: ignore[override]
        return "CRITICAL"

    def encode(self, *args: Any, **kwargs: Any) -> bytes:  # type: ignore[override]
        return b"fine"

    def isascii(self) -> bool:
        return True


class LyingInt(int):
    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 4


class Unprintable:
    def __repr__(self) -> str:
        raise RuntimeError("no repr for you")


HOSTILE = [
    None,
    b"bytes",
    10**5000,
    -(10**5000),
    float("nan"),
    float("inf"),
    True,
    LyingInt(2),
    LyingStr("x"),
    Unprintable(),
    "lone \ud800 surrogate",
    "x" * 10_000_000,
    [],
    {1: 2},
]

Call = Callable[[HITLCollaborator, object], Any]
CALLS: dict[str, tuple[str, Call]] = {
    "question": ("question", lambda h, v: h.request_decision(v, {}, "low")),  # type: ignore[arg-type]
    "context": ("context", lambda h, v: h.request_decision("q", v, "low")),  # type: ignore[arg-type]
    "priority": ("priority", lambda h, v: h.request_decision("q", {}, v)),  # type: ignore[arg-type]
    "timeout": ("timeout", lambda h, v: h.request_decision("q", {}, "low", v)),  # type: ignore[arg-type]
    "requester": ("requester", lambda h, v: h.request_decision("q", {}, "low", requester=v)),  # type: ignore[arg-type]
    "new id": ("decision_id", lambda h, v: h.request_decision("q", {}, "low", decision_id=v)),  # type: ignore[arg-type]
    "approve": ("decision_id", lambda h, v: h.approve(v, "alice")),  # type: ignore[arg-type]
    "responder": ("responder", lambda h, v: h.reject("known", v)),  # type: ignore[arg-type]
    "reasoning": ("reasoning", lambda h, v: h.approve("known", "alice", v)),  # type: ignore[arg-type]
    "escalate": ("decision_id", lambda h, v: h.escalate(v)),  # type: ignore[arg-type]
    "cancel": ("decision_id", lambda h, v: h.cancel(v)),  # type: ignore[arg-type]
    "wait": ("decision_id", lambda h, v: h.wait_for_decision(v, 0.01)),  # type: ignore[arg-type]
    "wait timeout": ("timeout", lambda h, v: h.wait_for_decision("known", v)),  # type: ignore[arg-type]
    "status": ("decision_id", lambda h, v: h.status(v)),  # type: ignore[arg-type]
    "waiters": ("decision_id", lambda h, v: h.waiter_count(v)),  # type: ignore[arg-type]
    "limit": ("limit", lambda h, v: h.pending(v)),  # type: ignore[arg-type]
    "default_timeout": ("default_timeout", lambda h, v: HITLCollaborator(v)),  # type: ignore[arg-type]
    "keep_decided": ("keep_decided", lambda h, v: HITLCollaborator(keep_decided=v)),  # type: ignore[arg-type]
    "keep_decided_for": (
        "keep_decided_for",
        lambda h, v: HITLCollaborator(keep_decided_for=v),  # type: ignore[arg-type]
    ),
}


async def _call(hitl: HITLCollaborator, call: Call, value: object) -> object:
    result = call(hitl, value)
    if isinstance(result, Coroutine):
        try:
            return await asyncio.wait_for(result, 2)
        except TimeoutError:
            # A legal wait that ran out (its documented outcome), or one the value made
            # longer than this guard (wait_for_decision(..., 5) waits five real seconds):
            # accepted either way; what it left behind is checked by the caller, once a
            # write the guard interrupted (shielded, so it goes on) has had its turns.
            for _ in range(20):
                await asyncio.sleep(0)
            return None
    return result


async def _refused_or_accepted(name: str, value: object) -> None:
    """The call succeeds, or raises a documented error naming its argument, with a short
    message; whatever happened, the audit trail is the queue's history."""
    audit = RecordingAudit()
    # A short default, so that a wait the value makes legal (None, 2) ends soon; a clock
    # that stands still, so that no decision expires while the trail is compared.
    hitl = HITLCollaborator(audit=audit, default_timeout=0.05, clock=FakeClock())
    await hitl.request_decision("q", {}, "low", decision_id="known")
    field, call = CALLS[name]
    try:
        await _call(hitl, call, value)
    except (TypeError, ValueError, KeyError) as error:
        message = str(error)
        assert field in message, message[:300]
        assert len(message) < 1_000, message[:300]
    # a timeout too small to move the deadline (6e-168 s) is due at once: settle what is due
    # and give its expiry's write its turns before the trail is compared
    assert hitl.pending_count >= 0
    for _ in range(20):
        await asyncio.sleep(0)
    assert_trail_is_history(hitl, audit.entries)
    hitl.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("name", sorted(CALLS))
async def test_every_argument_refuses_hostile_values_naming_itself(name: str) -> None:
    for value in HOSTILE:
        await _refused_or_accepted(name, value)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(CALLS)),
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=2**1000, max_value=2**20000),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(),
        st.binary(),
        st.lists(st.text(), max_size=3),
        st.dictionaries(st.integers(), st.text(), max_size=3),
    ),
)
def test_any_value_is_accepted_or_refused_naming_its_argument(name: str, value: object) -> None:
    asyncio.run(_refused_or_accepted(name, value))


@pytest.mark.asyncio
async def test_a_str_subclass_cannot_pass_for_another_priority_or_be_stored() -> None:
    hitl = HITLCollaborator()
    with pytest.raises(ValueError, match="priority must be one of"):
        await hitl.request_decision("q", {}, LyingStr("nonsense"))
    assert (await hitl.request_decision("q", {}, LyingInt(2))).priority is Priority.MEDIUM
    decision = await hitl.request_decision(LyingStr("q"), {}, "low", requester=LyingStr("r"))
    assert type(decision.question) is str
    assert type(decision.requester) is str
    answered = await hitl.approve(decision.id, LyingStr("alice"), LyingStr("why"))
    assert type(answered.responder) is str
    assert type(answered.reasoning) is str


@pytest.mark.asyncio
async def test_a_huge_negative_retention_age_names_its_argument() -> None:
    with pytest.raises(ValueError, match="keep_decided_for must be a finite number"):
        HITLCollaborator(keep_decided_for=-(10**400))


# -- clocks -----------------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize("reading", [float("nan"), float("inf"), -float("inf"), "soon", None])
async def test_a_clock_reading_nan_or_infinity_changes_nothing(reading: object) -> None:
    clock = FakeClock(100.0)
    audit = RecordingAudit()
    hitl = HITLCollaborator(default_timeout=10, audit=audit, clock=clock)
    first = await hitl.request_decision("q", {}, "high")
    clock.now = reading  # type: ignore[assignment]
    with pytest.raises(ValueError, match="clock must return a"):
        await hitl.request_decision("q", {}, "high")
    with pytest.raises(ValueError, match="clock must return a"):
        await hitl.approve(first.id, "alice")
    clock.now = 105.0
    assert [d.id for d in hitl.pending()] == [first.id]  # nothing queued with a NaN deadline
    clock.now = 111.0
    assert hitl.status(first.id).status is DecisionStatus.TIMED_OUT
    await hitl.flush_audit()
    assert_trail_is_history(hitl, audit.entries)
    hitl.close()


# -- event loops closed mid-write -------------------------------------------------------------


class SlowAudit(RecordingAudit):
    """Writes that take ``delay`` seconds when made from ``slow_thread``."""

    def __init__(self) -> None:
        super().__init__()
        self.delay = 0.0
        self.slow_thread: threading.Thread | None = threading.current_thread()

    async def log_action(self, action: str, details: Any) -> None:
        if self.delay and threading.current_thread() is self.slow_thread:
            await asyncio.sleep(self.delay)
        await super().log_action(action, details)


def _run_then_close(coroutine: Coroutine[Any, Any, Any], seconds: float) -> None:
    """Run on a loop of its own for a moment, then close that loop with the write unfinished
    (as a thread that shuts its loop down without waiting for it would)."""
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(asyncio.wait_for(coroutine, seconds))
    except TimeoutError:
        pass
    finally:
        loop.close()


def test_a_change_whose_loop_closed_mid_write_does_not_wedge_the_decision() -> None:
    audit = SlowAudit()
    hitl = HITLCollaborator(audit=audit, default_timeout=0.5)
    decision = asyncio.run(hitl.request_decision("q", {}, "high"))
    audit.delay = 30.0
    _run_then_close(hitl.approve(decision.id, "alice"), 0.05)
    audit.delay = 0.0
    assert hitl.status(decision.id).pending  # the approval never landed

    async def reject() -> Any:
        return await asyncio.wait_for(hitl.reject(decision.id, "bob"), 5)

    assert asyncio.run(reject()).status is DecisionStatus.REJECTED
    assert_trail_is_history(hitl, audit.entries)

    second = asyncio.run(hitl.request_decision("q", {}, "high", timeout=0.2))
    audit.delay = 30.0
    _run_then_close(hitl.escalate(second.id), 0.05)
    audit.delay = 0.0
    time.sleep(0.3)  # its deadline passes while the dead escalation is "in flight"
    assert hitl.status(second.id).status is DecisionStatus.TIMED_OUT
    asyncio.run(asyncio.wait_for(hitl.flush_audit(), 5))
    assert_trail_is_history(hitl, audit.entries)
    hitl.close()


def test_an_expiry_whose_writer_loop_closed_is_written_by_the_next() -> None:
    main = threading.current_thread()
    late = {"now": 100.0}

    def clock() -> float:  # only this thread sees the deadline pass, so it notices first
        return late["now"] if threading.current_thread() is main else 100.0

    audit = SlowAudit()
    hitl = HITLCollaborator(audit=audit, default_timeout=10, clock=clock)
    decision = asyncio.run(hitl.request_decision("q", {}, "high"))
    late["now"] = 200.0
    audit.delay = 30.0
    _run_then_close(hitl.request_decision("another", {}, "low"), 0.05)
    audit.delay = 0.0
    assert hitl.status(decision.id).status is DecisionStatus.TIMED_OUT
    asyncio.run(asyncio.wait_for(hitl.flush_audit(), 5))
    assert ("hitl.timed_out", {"id": decision.id, "priority": "high"}) in audit.entries
    assert_trail_is_history(hitl, audit.entries)
    hitl.close()


class CancellingAudit(RecordingAudit):
    """Cancels the first expiry written to it, as a log shutting down would."""

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = 0

    async def log_action(self, action: str, details: Any) -> None:
        if action == "hitl.timed_out" and not self.cancelled:
            self.cancelled += 1
            raise asyncio.CancelledError
        await super().log_action(action, details)


def test_the_expiry_timer_outlives_a_log_that_cancels_its_write() -> None:
    audit = CancellingAudit()
    hitl = HITLCollaborator(audit=audit)
    decision = asyncio.run(hitl.request_decision("q", {}, "high", timeout=0.05))
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and "hitl.timed_out" not in audit.actions_of(decision.id):
        time.sleep(0.02)  # no call on the queue: only the timer can write it
    assert audit.cancelled == 1
    assert audit.actions_of(decision.id) == ["hitl.requested", "hitl.timed_out"]
    hitl.close()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"clock": None}, "clock must be a callable"),
        ({"clock": 12.0}, "clock must be a callable"),
        ({"audit": 123}, "audit must be None or have an async log_action"),
        ({"audit": "log.db"}, "audit must be None or have an async log_action"),
    ],
)
def test_a_clock_or_audit_log_that_is_neither_is_refused_at_once(
    kwargs: dict[str, object], message: str
) -> None:
    """Not at the first request, as an AttributeError or a call on None."""
    with pytest.raises(TypeError, match=message):
        HITLCollaborator(**kwargs)  # type: ignore[arg-type]
    hitl = HITLCollaborator()
    if "audit" in kwargs:
        with pytest.raises(TypeError, match=message):
            hitl.audit = kwargs["audit"]  # type: ignore[assignment]
        assert hitl.audit is None


# -- races with a log that fails, cancels and stalls ------------------------------------------


class FlakyAudit(RecordingAudit):
    """Refuses one write in ten, cancels one in twenty, stalls one in ten (seeded)."""

    def __init__(self, seed: int) -> None:
        super().__init__()
        self._random = random.Random(seed)
        self._draw_lock = threading.Lock()

    async def log_action(self, action: str, details: Any) -> None:
        with self._draw_lock:
            draw = self._random.random()
        if draw < 0.1:
            raise OSError("the audit log refused the write")
        if draw < 0.15:
            raise asyncio.CancelledError
        if draw < 0.25:
            await asyncio.sleep(0.001)
        await super().log_action(action, details)


async def _mixed_operations(
    hitl: HITLCollaborator, ids: list[str], lock: threading.Lock, seed: float
) -> None:
    rng = random.Random(seed)
    for _ in range(30):
        operation = rng.choice("rrraejcwsp")
        with lock:
            key = rng.choice(ids) if ids else None
        try:
            if operation == "r" or key is None:
                timeout = rng.choice([0.01, 0.3, 5.0])
                decision = await hitl.request_decision("q", {}, "low", timeout=timeout)
                with lock:
                    ids.append(decision.id)
            elif operation == "a":
                await hitl.approve(key, "alice")
            elif operation == "j":
                await hitl.reject(key, "bob")
            elif operation == "c":
                await hitl.cancel(key)
            elif operation == "e":
                await hitl.escalate(key)
            elif operation == "w":
                with contextlib.suppress(TimeoutError):
                    await hitl.wait_for_decision(key, 0.01)
            elif operation == "s":
                hitl.status(key)
            else:
                hitl.pending(5)
        except (ValueError, OSError, asyncio.CancelledError):
            pass  # refused, or the log failed: then nothing happened


@pytest.mark.parametrize("seed", [1, 2])
def test_threads_and_tasks_racing_a_flaky_log_keep_trail_and_history_one(seed: int) -> None:
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        audit = FlakyAudit(seed)
        hitl = HITLCollaborator(audit=audit, keep_decided=100_000)
        ids: list[str] = []
        lock = threading.Lock()

        def thread_main(thread_seed: float) -> None:
            async def tasks() -> None:
                rng = random.Random(thread_seed)
                await asyncio.gather(
                    *(_mixed_operations(hitl, ids, lock, rng.random()) for _ in range(3))
                )

            asyncio.run(tasks())

        rng = random.Random(seed)
        threads = [threading.Thread(target=thread_main, args=(rng.random(),)) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert not any(thread.is_alive() for thread in threads), "an operation hung"
    finally:
        sys.setswitchinterval(before)
    time.sleep(0.35)  # the 0.3 s deadlines pass; 5 s ones stay pending
    hitl.pending()  # expires what is due
    deadline = time.monotonic() + 20  # failed expiry writes are retried by the timer
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, asyncio.CancelledError, TimeoutError):
            asyncio.run(asyncio.wait_for(hitl.flush_audit(), 5))
            break
    for key in ids:  # every decision has exactly the entries of its history
        decision = hitl.status(key)
        terminal = [event for event in decision.history[1:] if event.kind.value != "escalated"]
        assert len(terminal) <= 1, decision.history
    trail = trail_by_id(audit.entries)
    for key in ids:
        assert trail.get(key) == history_actions(hitl.status(key)), (key, trail.get(key))
    hitl.close()


def test_a_request_whose_loop_closed_mid_write_does_not_hold_its_id_forever() -> None:
    audit = SlowAudit()
    hitl = HITLCollaborator(audit=audit)
    audit.delay = 30.0
    _run_then_close(hitl.request_decision("q", {}, "low", decision_id="deploy-7"), 0.05)
    audit.delay = 0.0
    with pytest.raises(KeyError, match="decision_id 'deploy-7': no decision"):
        hitl.status("deploy-7")  # not "being logged" for ever
    again = asyncio.run(hitl.request_decision("q", {}, "low", decision_id="deploy-7"))
    assert again.pending
    assert_trail_is_history(hitl, audit.entries)
    hitl.close()
