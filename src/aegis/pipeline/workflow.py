"""The pipeline: intent, ethics, human review when asked for, learning, audit."""

from __future__ import annotations

import enum
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aegis.audit import AuditEntry, AuditLog
from aegis.evolution_core import EvolutionEngine, Experience, Outcome
from aegis.hitl import Decision, HITLCollaborator, Priority
from aegis.intent_firewall import Decision as FirewallDecision
from aegis.intent_firewall import IntentFirewall, Request, Verdict
from aegis.love_engine import Action, EthicalScore, LoveEngine
from aegis.love_engine import Verdict as EthicsVerdict

__all__ = ["AegisPipeline", "Reviewer", "WorkflowOutcome", "WorkflowResult"]

Reviewer = Callable[[HITLCollaborator, Decision], Awaitable[Decision]]
STAGES = ("intent", "ethics", "review", "evolution", "audit")


class WorkflowOutcome(enum.StrEnum):
    EXECUTED = "executed"  # allowed, or approved by a human
    BLOCKED = "blocked"  # refused by the firewall, or denied by the ethics engine
    REJECTED = "rejected"  # refused, or not answered in time, by a human


@dataclass(frozen=True, slots=True)
class WorkflowResult:
    workflow_id: str
    outcome: WorkflowOutcome
    verdict: Verdict
    ethics: EthicalScore
    decision: Decision | None
    experience: Experience
    audit_entry: AuditEntry
    stage_ms: Mapping[str, float]

    @property
    def total_ms(self) -> float:
        return sum(self.stage_ms.values())

    @property
    def bottleneck(self) -> str:
        return max(self.stage_ms, key=lambda stage: self.stage_ms[stage])


class AegisPipeline:
    """Chains the five components for one requested action.

    The firewall's block and the ethics engine's deny refuse outright. Human review happens
    when the firewall asks for it or the ethics engine answers review (CRITICAL priority
    then). ``reviewer`` answers unattended (for instance a
    :class:`SimulatedReviewer`); without one, the pipeline waits up to ``review_timeout``
    seconds for a human, and no answer means *reject*. A rejection is learned from: the
    experience's safety score is lowered with the reviewer's reasoning.
    """

    def __init__(  # noqa: PLR0917 - the documented signature takes the five components
        self,
        firewall: IntentFirewall,
        love: LoveEngine,
        hitl: HITLCollaborator,
        evolution: EvolutionEngine,
        audit: AuditLog,
        reviewer: Reviewer | None = None,
        *,
        review_timeout: float = 300.0,
    ) -> None:
        self.firewall, self.love, self.hitl = firewall, love, hitl
        self.evolution, self.audit, self.reviewer = evolution, audit, reviewer
        self.review_timeout = review_timeout

    async def process(self, request: Request, action: Action) -> WorkflowResult:
        clock = time.perf_counter_ns
        stage_ns: dict[str, int] = dict.fromkeys(STAGES, 0)
        started = clock()
        verdict = await self.firewall.validate_request(request)
        stage_ns["intent"] = clock() - started

        started = clock()
        ethics = await self.love.check_ethics(action)
        stage_ns["ethics"] = clock() - started

        decision = None
        if verdict.decision is FirewallDecision.BLOCK or ethics.verdict is EthicsVerdict.DENY:
            outcome = WorkflowOutcome.BLOCKED
        elif verdict.decision is FirewallDecision.REVIEW or not ethics.ethical:
            started = clock()
            decision = await self._review(request, verdict, ethics)
            stage_ns["review"] = clock() - started
            outcome = WorkflowOutcome.EXECUTED if decision.approved else WorkflowOutcome.REJECTED
        else:
            outcome = WorkflowOutcome.EXECUTED

        started = clock()
        experience = await self._learn(request, outcome, verdict, ethics, decision)
        stage_ns["evolution"] = clock() - started

        started = clock()
        workflow_id = uuid.uuid4().hex
        entry = await self.audit.log_action(
            "pipeline.workflow",
            {
                "workflow_id": workflow_id,
                "action": request.action,
                "source": request.source,
                "outcome": outcome.value,
                "firewall": verdict.decision.value,
                "firewall_score": verdict.score,
                "rules": list(verdict.matched_rules),
                "ethics_score": ethics.score,
                "ethics_verdict": ethics.verdict.value,
                "decision_id": decision.id if decision else None,
                "experience_id": experience.id,
            },
        )
        stage_ns["audit"] = clock() - started
        stage_ms = {stage: ns / 1e6 for stage, ns in stage_ns.items()}
        return WorkflowResult(
            workflow_id, outcome, verdict, ethics, decision, experience, entry, stage_ms
        )

    async def _review(self, request: Request, verdict: Verdict, ethics: EthicalScore) -> Decision:
        priority = Priority.CRITICAL if not ethics.ethical else Priority.HIGH
        context: dict[str, Any] = {
            "action": request.action,
            "reasons": list(verdict.reasons),
            "concerns": list(ethics.concerns),
            "ethics_reasons": list(ethics.reasons),
            "firewall_score": verdict.score,
            "ethics_score": ethics.score,
        }
        question = f"Allow {request.action!r} requested by {request.source!r}?"
        pending = await self.hitl.request_decision(question, context, priority)
        if self.reviewer is not None:
            return await self.reviewer(self.hitl, pending)
        try:
            return await self.hitl.wait_for_decision(pending.id, self.review_timeout)
        except TimeoutError:
            return await self.hitl.cancel(pending.id, "no answer before the pipeline's timeout")

    async def _learn(
        self,
        request: Request,
        outcome: WorkflowOutcome,
        verdict: Verdict,
        ethics: EthicalScore,
        decision: Decision | None,
    ) -> Experience:
        result = {
            WorkflowOutcome.EXECUTED: Outcome.SUCCESS,
            WorkflowOutcome.BLOCKED: Outcome.FAILURE,
            WorkflowOutcome.REJECTED: Outcome.LEARNING,
        }[outcome]
        experience = await self.evolution.log_experience(
            request.action, result, ethics.score, verdict.score, {"source": request.source}
        )
        if outcome is WorkflowOutcome.REJECTED and decision is not None:
            reason = decision.reasoning or f"rejected ({decision.status.value})"
            experience = await self.evolution.learn_from_safety(
                experience.id, min(verdict.score, 0.3), [reason]
            )
        return experience
