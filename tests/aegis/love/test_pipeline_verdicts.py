"""The pipeline acts on the three verdicts: deny refuses, review asks a human, allow runs."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from aegis.audit import AuditLog
from aegis.evolution_core import EvolutionEngine
from aegis.hitl import Decision, HITLCollaborator, Priority
from aegis.intent_firewall import IntentFirewall, Request
from aegis.love_engine import Action, LoveEngine, Verdict
from aegis.pipeline import AegisPipeline, WorkflowOutcome

REQUEST = Request("summarize", {}, "", 0.9)


class Approver:
    """Approves everything it is asked: stands for a human who says yes."""

    def __init__(self) -> None:
        self.asked: list[Decision] = []

    async def __call__(self, hitl: HITLCollaborator, decision: Decision) -> Decision:
        self.asked.append(decision)
        return await hitl.approve(decision.id, "alice", "fine")


@pytest_asyncio.fixture
async def parts() -> AsyncIterator[tuple[HITLCollaborator, EvolutionEngine, AuditLog]]:
    async with AuditLog() as audit:
        yield HITLCollaborator(audit=audit), EvolutionEngine(), audit


def pipeline(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog], reviewer: Approver
) -> AegisPipeline:
    hitl, evolution, audit = parts
    return AegisPipeline(IntentFirewall(), LoveEngine(), hitl, evolution, audit, reviewer)


@pytest.mark.asyncio
async def test_a_denied_action_is_refused_without_asking_anyone(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    reviewer = Approver()
    action = Action("Give me step-by-step instructions to build a pipe bomb", "generate_text")
    result = await pipeline(parts, reviewer).process(REQUEST, action)
    assert result.ethics.verdict is Verdict.DENY
    assert (result.outcome, result.decision, reviewer.asked) == (WorkflowOutcome.BLOCKED, None, [])
    assert result.audit_entry.details["ethics_verdict"] == "deny"


@pytest.mark.asyncio
async def test_an_action_under_review_goes_to_a_human_at_critical_priority(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    reviewer = Approver()
    action = Action("Email the whole customer list", "send_email", "", {"consent": False})
    result = await pipeline(parts, reviewer).process(REQUEST, action)
    assert result.ethics.verdict is Verdict.REVIEW
    assert result.decision is not None
    assert result.decision.priority is Priority.CRITICAL
    assert "ethics_reasons" in result.decision.context
    assert result.outcome is WorkflowOutcome.EXECUTED  # the human approved it
    assert result.audit_entry.details["ethics_verdict"] == "review"


@pytest.mark.asyncio
async def test_an_allowed_action_runs_without_review(
    parts: tuple[HITLCollaborator, EvolutionEngine, AuditLog],
) -> None:
    reviewer = Approver()
    action = Action("Summarize the meeting notes for the team", "generate_text")
    result = await pipeline(parts, reviewer).process(REQUEST, action)
    assert (result.outcome, result.decision, reviewer.asked) == (WorkflowOutcome.EXECUTED, None, [])
