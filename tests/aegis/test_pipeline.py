"""Specification of the pipeline, one route at a time."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from aegis.audit import AuditLog
from aegis.evolution_core import EvolutionEngine, Outcome
from aegis.hitl import Decision, DecisionStatus, HITLCollaborator, Priority
from aegis.intent_firewall import IntentFirewall, Request
from aegis.love_engine import Action, LoveEngine
from aegis.pipeline import STAGES, AegisPipeline, SimulatedReviewer, WorkflowOutcome

SAFE = (
    Request("read_file", {"path": "/tmp/notes.txt"}, "", 0.9),
    Action("User wants to read a file", "read_file", "Low"),
)
UNSAFE = (
    Request("execute_command", {"cmd": "rm -rf /"}, "", 0.3),
    Action("Delete everything", "execute_command", "Critical"),
)
RISKY = (
    Request("network_request", {"url": "http://unknown.example"}, "", 0.6),
    Action("User wants to fetch a page", "network_request", "Medium"),
)
UNETHICAL = (
    Request("send_email", {"to": "all"}, "", 0.9),
    Action(
        "Send marketing email to 50,000 users without consent",
        "send_bulk_email",
        "High",
        {"recipients": 50_000, "consent": False},
    ),
)


class Approver:
    """Approves everything: stands for a human who says yes."""

    async def __call__(self, hitl: HITLCollaborator, decision: Decision) -> Decision:
        return await hitl.approve(decision.id, "alice", "fine")


class Rejecter:
    async def __call__(self, hitl: HITLCollaborator, decision: Decision) -> Decision:
        return await hitl.reject(decision.id, "bob", "too risky")


@pytest_asyncio.fixture
async def parts() -> AsyncIterator[tuple[HITLCollaborator, EvolutionEngine, AuditLog]]:
    async with AuditLog() as audit:
        yield HITLCollaborator(audit=audit), EvolutionEngine(), audit


def make(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog], reviewer: object = None
) -> AegisPipeline:
    hitl, evolution, audit = parts
    return AegisPipeline(IntentFirewall(), LoveEngine(), hitl, evolution, audit, reviewer)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_a_safe_request_is_executed_without_review(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    result = await make(parts, Rejecter()).process(*SAFE)
    assert (result.outcome, result.decision) == (WorkflowOutcome.EXECUTED, None)
    assert result.experience.outcome is Outcome.SUCCESS
    assert result.audit_entry.details["outcome"] == "executed"
    assert set(result.stage_ms) == set(STAGES)
    assert result.stage_ms["review"] == 0
    assert result.bottleneck in STAGES


@pytest.mark.asyncio
async def test_an_unsafe_request_is_blocked_without_review(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    result = await make(parts, Approver()).process(*UNSAFE)
    assert (result.outcome, result.decision) == (WorkflowOutcome.BLOCKED, None)
    assert result.experience.outcome is Outcome.FAILURE
    assert result.audit_entry.details["rules"] == ["recursive-delete-system"]


@pytest.mark.asyncio
async def test_a_risky_request_approved_by_a_human_is_executed(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    result = await make(parts, Approver()).process(*RISKY)
    assert result.outcome is WorkflowOutcome.EXECUTED
    assert result.decision is not None
    assert (result.decision.status, result.decision.priority) == (
        DecisionStatus.APPROVED,
        Priority.HIGH,
    )
    actions = [e.action for e in await parts[2].query()]
    assert actions == ["pipeline.workflow", "hitl.approved", "hitl.requested"]


@pytest.mark.asyncio
async def test_a_rejection_is_learned_from(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    result = await make(parts, Rejecter()).process(*RISKY)
    assert result.outcome is WorkflowOutcome.REJECTED
    assert result.experience.outcome is Outcome.LEARNING
    assert result.experience.safety_score == 0.3
    assert result.experience.feedback[0].concerns == ("too risky",)


@pytest.mark.asyncio
async def test_an_unethical_action_goes_to_critical_review_and_the_simulated_reviewer_refuses(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    result = await make(parts, SimulatedReviewer(seed=1)).process(*UNETHICAL)
    assert result.decision is not None
    assert result.decision.priority is Priority.CRITICAL
    assert result.outcome is WorkflowOutcome.REJECTED
    assert not result.ethics.ethical


@pytest.mark.asyncio
async def test_without_a_reviewer_an_unanswered_review_is_a_rejection(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    hitl, evolution, audit = parts
    pipeline = AegisPipeline(
        IntentFirewall(), LoveEngine(), hitl, evolution, audit, review_timeout=0.01
    )
    result = await pipeline.process(*RISKY)
    assert result.outcome is WorkflowOutcome.REJECTED
    assert result.decision is not None
    assert result.decision.status is DecisionStatus.CANCELLED


def test_the_simulated_reviewer_is_reproducible() -> None:
    reviewer = SimulatedReviewer(seed=7, approve_rate=0.5)
    decisions = [
        Decision(
            str(i),
            f"q{i}",
            {},
            Priority.HIGH,
            "a",
            0,
            1,
            DecisionStatus.PENDING,
            None,
            None,
            None,
            (),
        )
        for i in range(200)
    ]
    first = [reviewer.approves(d) for d in decisions]
    assert first == [SimulatedReviewer(seed=7, approve_rate=0.5).approves(d) for d in decisions]
    assert 60 < sum(first) < 140
    with pytest.raises(ValueError, match="approve_rate must be in"):
        SimulatedReviewer(approve_rate=2)
