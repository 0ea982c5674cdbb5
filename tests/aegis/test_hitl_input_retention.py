"""Input and identity (finding 6) and retention of decided decisions (finding 7)."""

from __future__ import annotations

import asyncio
import tracemalloc

import pytest

from aegis.hitl import (
    DecisionPrunedError,
    DecisionStateError,
    DecisionStatus,
    EventKind,
    HITLCollaborator,
    Priority,
)
from tests.aegis.hitl_support import FakeClock, RecordingAudit

# -- 6: timeouts, ids, escalation -------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "timeout", [float("inf"), -float("inf"), 10**400, -(10**400), 0, -1, float("nan"), 1e13]
)
async def test_6_timeouts_must_be_finite_and_positive(timeout: float) -> None:
    hitl = HITLCollaborator()
    with pytest.raises(ValueError, match="timeout must be a number of seconds > 0"):
        await hitl.request_decision("q", {}, "low", timeout=timeout)
    with pytest.raises(ValueError, match="default_timeout must be a number of seconds > 0"):
        HITLCollaborator(default_timeout=timeout)
    decision = await hitl.request_decision("q", {}, "low")
    with pytest.raises(ValueError, match="timeout must be a number of seconds > 0"):
        await hitl.wait_for_decision(decision.id, timeout=timeout)
    assert [d.id for d in hitl.pending()] == [decision.id]


@pytest.mark.asyncio
async def test_6_an_explicit_none_timeout_means_the_default() -> None:
    clock = FakeClock()
    hitl = HITLCollaborator(default_timeout=42, clock=clock)
    decision = await hitl.request_decision("q", {}, "low", timeout=None)
    assert decision.expires_at - decision.created_at == 42
    assert HITLCollaborator(default_timeout=None).default_timeout == 300.0


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("bad_id", "error"),
    [
        (None, TypeError),
        (123, TypeError),
        (b"id", TypeError),
        (["a"], TypeError),
        ("", ValueError),
        ("  ", ValueError),
        ("x" * 257, ValueError),
        ("a\ud800", ValueError),
    ],
)
async def test_6_malformed_ids_are_refused_naming_decision_id(
    bad_id: object, error: type[Exception]
) -> None:
    hitl = HITLCollaborator()
    calls = [
        lambda: hitl.approve(bad_id, "alice"),  # type: ignore[arg-type]
        lambda: hitl.reject(bad_id, "alice"),  # type: ignore[arg-type]
        lambda: hitl.cancel(bad_id),  # type: ignore[arg-type]
        lambda: hitl.escalate(bad_id),  # type: ignore[arg-type]
        lambda: hitl.wait_for_decision(bad_id, 1),  # type: ignore[arg-type]
    ]
    if bad_id is not None:  # None asks request_decision for an automatic id
        calls.append(lambda: hitl.request_decision("q", {}, "low", decision_id=bad_id))  # type: ignore[arg-type]
    for call in calls:
        with pytest.raises(error, match="decision_id"):
            await call()
    with pytest.raises(error, match="decision_id"):
        hitl.status(bad_id)  # type: ignore[arg-type]
    assert hitl.pending() == []


@pytest.mark.asyncio
async def test_6_an_explicit_id_equal_to_the_next_automatic_one_does_not_collide() -> None:
    hitl = HITLCollaborator()
    first = await hitl.request_decision("q", {}, "low")
    prefix, number = first.id.rsplit("-", 1)
    upcoming = [f"{prefix}-{int(number) + n}" for n in (1, 2)]
    for explicit in upcoming:
        await hitl.request_decision("explicit", {}, "low", decision_id=explicit)
    automatic = await hitl.request_decision("automatic", {}, "low")
    assert automatic.id not in upcoming
    assert len({d.id for d in hitl.pending()}) == 4


@pytest.mark.asyncio
@pytest.mark.parametrize("with_log", [False, True])
async def test_6_escalating_a_critical_decision_is_recorded_once(with_log: bool) -> None:
    audit = RecordingAudit() if with_log else None
    hitl = HITLCollaborator(audit=audit)
    decision = await hitl.request_decision("q", {}, Priority.HIGH)
    for _ in range(10_000 if not with_log else 200):
        escalated = await hitl.escalate(decision.id)
    assert escalated.priority is Priority.CRITICAL
    kinds = [e.kind for e in hitl.status(decision.id).history]
    assert kinds == [EventKind.REQUESTED, EventKind.ESCALATED]
    if audit is not None:
        assert audit.actions_of(decision.id) == ["hitl.requested", "hitl.escalated"]
    hitl.close()


# -- 7: retention -----------------------------------------------------------------------------


async def _decide(hitl: HITLCollaborator, count: int, **kwargs: str) -> list[str]:
    ids = []
    for i in range(count):
        decision = await hitl.request_decision(f"q{i}", {"detail": "x" * 100}, "low", **kwargs)
        await hitl.approve(decision.id, "alice")
        ids.append(decision.id)
    return ids


@pytest.mark.asyncio
async def test_7_decided_decisions_leave_memory_after_the_count() -> None:
    """Before: 100,000 decided decisions held 62 MB and nothing could prune them."""
    hitl = HITLCollaborator(keep_decided=1000)
    await _decide(hitl, 1000)  # warm: the retained history at its full size
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    ids = await _decide(hitl, 20_000)
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert grown < 2 * 2**20, f"{grown / 2**20:.1f} MB kept for 1,000 decided"
    assert hitl.status(ids[-1]).approved
    with pytest.raises(
        DecisionPrunedError, match=r"decided and has left memory.*keep_decided=1000"
    ):
        hitl.status(ids[0])
    with pytest.raises(KeyError):  # still a KeyError for callers that catch that
        hitl.status(ids[-1001])
    with pytest.raises(DecisionStateError, match="left memory"):
        await hitl.approve(ids[0], "late")
    with pytest.raises(KeyError, match="no decision with id 'never-seen'"):
        hitl.status("never-seen")


@pytest.mark.asyncio
async def test_7_decided_decisions_leave_memory_after_the_age() -> None:
    clock = FakeClock()
    hitl = HITLCollaborator(clock=clock, keep_decided_for=60)
    (old,) = await _decide(hitl, 1)
    clock.now += 30
    (recent,) = await _decide(hitl, 1)
    pending = await hitl.request_decision("still open", {}, "low", timeout=3600)
    clock.now += 30
    with pytest.raises(DecisionPrunedError, match="keep_decided_for=60s"):
        hitl.status(old)
    assert hitl.status(recent).approved
    assert hitl.status(pending.id).pending  # pending decisions are never pruned
    clock.now += 30
    with pytest.raises(DecisionPrunedError):
        hitl.status(recent)


@pytest.mark.asyncio
async def test_7_pruned_explicit_ids_are_remembered_and_not_reused() -> None:
    hitl = HITLCollaborator(keep_decided=0)
    decision = await hitl.request_decision("q", {}, "low", decision_id="deploy-42")
    answered = await hitl.reject(decision.id, "bob")
    assert answered.status is DecisionStatus.REJECTED  # the answer itself is returned
    with pytest.raises(DecisionPrunedError, match="'deploy-42'"):
        hitl.status("deploy-42")
    with pytest.raises(ValueError, match="already existed"):
        await hitl.request_decision("again", {}, "low", decision_id="deploy-42")


@pytest.mark.asyncio
async def test_7_expired_decisions_are_pruned_too() -> None:
    clock = FakeClock()
    hitl = HITLCollaborator(default_timeout=1, clock=clock, keep_decided=2)
    ids = [(await hitl.request_decision(f"q{i}", {}, "low")).id for i in range(5)]
    clock.now += 1
    assert hitl.pending_count == 0
    assert [hitl.status(i).status for i in ids[-2:]] == [DecisionStatus.TIMED_OUT] * 2
    for key in ids[:3]:
        with pytest.raises(DecisionPrunedError):
            hitl.status(key)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"keep_decided": -1}, "keep_decided must be an int >= 0"),
        ({"keep_decided": 1.5}, "keep_decided must be an int >= 0"),
        ({"keep_decided_for": -1}, "keep_decided_for must be a finite number"),
        ({"keep_decided_for": float("inf")}, "keep_decided_for must be a finite number"),
        ({"keep_decided_for": "1h"}, "keep_decided_for must be a number"),
    ],
)
def test_7_retention_settings_are_checked(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        HITLCollaborator(**kwargs)  # type: ignore[arg-type]


def test_7_waiters_get_the_answer_even_if_it_is_pruned_at_once() -> None:
    async def main() -> None:
        hitl = HITLCollaborator(keep_decided=0)
        decision = await hitl.request_decision("q", {}, "low")
        waiter = asyncio.create_task(hitl.wait_for_decision(decision.id, 10))
        await asyncio.sleep(0.01)
        await hitl.approve(decision.id, "alice")
        assert (await asyncio.wait_for(waiter, 5)).approved

    asyncio.run(main())


@pytest.mark.asyncio
async def test_an_id_whose_request_failed_or_is_being_logged_says_so() -> None:
    audit = RecordingAudit()
    hitl = HITLCollaborator(audit=audit)
    audit.fail = "*"
    with pytest.raises(OSError, match="refused"):
        await hitl.request_decision("q", {}, "low")
    audit.fail = None
    later = await hitl.request_decision("q", {}, "low")
    prefix, number = later.id.rsplit("-", 1)
    failed = f"{prefix}-{int(number) - 1}"
    with pytest.raises(KeyError, match="was never queued: its request failed"):
        hitl.status(failed)
    hitl.close()


@pytest.mark.asyncio
async def test_a_decision_is_invisible_until_its_request_is_logged() -> None:
    seen: list[str] = []

    class LookingAudit(RecordingAudit):
        async def log_action(self, action: str, details: dict[str, object]) -> None:  # type: ignore[override]
            if action == "hitl.requested":
                key = str(details["id"])
                with pytest.raises(KeyError, match="not queued yet") as raised:
                    hitl.status(key)
                seen.append(str(raised.value))
                assert hitl.pending() == []
                with pytest.raises(KeyError, match="not queued yet"):
                    await hitl.approve(key, "too-early")
            await super().log_action(action, details)

    hitl = HITLCollaborator(audit=LookingAudit())
    decision = await hitl.request_decision("q", {}, "low")
    assert len(seen) == 1
    assert hitl.status(decision.id).pending
    hitl.close()
