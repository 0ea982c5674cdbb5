"""The human-in-the-loop collaborator: a priority queue of decisions that never loses one.

It validates what callers pass, keeps the decisions in a :class:`DecisionBook`, and writes
every request, answer, escalation and expiry to the audit log when one is attached.
"""

from __future__ import annotations

import asyncio
import itertools
import math
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from aegis._validation import require_text
from aegis.hitl.book import PRIORITY_NAMES, DecisionBook
from aegis.hitl.model import Decision, DecisionStatus, Priority

__all__ = ["AuditSink", "HITLCollaborator"]


class AuditSink(Protocol):
    """What the collaborator needs of an audit log: ``AuditLog`` fits, so does any lookalike."""

    async def log_action(self, action: str, details: Mapping[str, Any]) -> object: ...


def _timeout(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise ValueError(f"timeout must be a number of seconds > 0, got {value!r}")
    if value <= 0:
        raise ValueError(f"timeout must be a number of seconds > 0, got {value!r}")
    return float(value)


class HITLCollaborator:
    """Queues decisions for a human, by priority then age, and enforces their timeouts.

    A decision not answered by its expiry is ``TIMED_OUT``, which is a denial: it can no
    longer be approved, and nothing is ever approved by default. Each decision is answered
    at most once, whatever the concurrency. Safe to share between threads and tasks.
    """

    def __init__(
        self,
        default_timeout: float = 300.0,
        audit: AuditSink | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.default_timeout = _timeout(default_timeout)
        self._book = DecisionBook(clock, keep_expired=audit is not None)
        self.audit = audit
        # Ids are a random per-collaborator prefix and a counter: unique, and far cheaper
        # than a fresh UUID per decision.
        self._id_prefix = uuid.uuid4().hex[:12]
        self._id_counter = itertools.count(1)

    @property
    def audit(self) -> AuditSink | None:
        """The log every request, answer, escalation and expiry is written to, if any."""
        return self._audit

    @audit.setter
    def audit(self, log: AuditSink | None) -> None:
        self._audit = log
        self._book.keep_expired = log is not None

    # -- requests and answers -----------------------------------------------------------------

    async def request_decision(
        self,
        question: str,
        context: Mapping[str, Any] | str,
        priority: Priority | str | int,
        timeout: float | None = None,
        *,
        requester: str = "agent",
        decision_id: str | None = None,
    ) -> Decision:
        """Queue a question for a human; returns the pending decision."""
        require_text("question", question)
        if not isinstance(context, Mapping | str):
            raise TypeError(f"context must be a mapping or str, got {type(context).__name__}")
        level = Priority.parse(priority)
        seconds = self.default_timeout if timeout is None else _timeout(timeout)
        if decision_id is None:
            key = f"{self._id_prefix}-{next(self._id_counter)}"
        else:
            key = require_text("decision_id", decision_id)
        require_text("requester", requester)
        try:
            decision = self._book.add(
                key,
                question=question,
                context=context,
                priority=level,
                requester=requester,
                seconds=seconds,
            )
        finally:
            if self._book.expired:  # expiries noticed on the way, logged before this request
                await self.flush_audit()
        if self.audit is not None:
            await self.audit.log_action(
                "hitl.requested",
                {
                    "id": key,
                    "question": question,
                    "priority": PRIORITY_NAMES[level],
                    "requester": requester,
                    "expires_in_s": seconds,
                },
            )
        return decision

    async def approve(
        self, decision_id: str, responder: str, reasoning: str | None = None
    ) -> Decision:
        """Approve a pending decision; an answered or expired one raises DecisionStateError."""
        return await self._answer(decision_id, DecisionStatus.APPROVED, responder, reasoning)

    async def reject(
        self, decision_id: str, responder: str, reasoning: str | None = None
    ) -> Decision:
        """Reject a pending decision; an answered or expired one raises DecisionStateError."""
        return await self._answer(decision_id, DecisionStatus.REJECTED, responder, reasoning)

    async def cancel(self, decision_id: str, reasoning: str | None = None) -> Decision:
        """Withdraw a pending decision (the requester no longer needs it)."""
        return await self._answer(decision_id, DecisionStatus.CANCELLED, "requester", reasoning)

    async def _answer(
        self, decision_id: str, status: DecisionStatus, responder: str, reasoning: str | None
    ) -> Decision:
        require_text("responder", responder)
        if reasoning is not None:
            require_text("reasoning", reasoning, allow_empty=True)
        try:
            decision = self._book.answer(decision_id, status, responder, reasoning)
        finally:
            if self._book.expired:
                await self.flush_audit()
        if self.audit is not None:
            await self.audit.log_action(
                f"hitl.{status.value}",
                {
                    "id": decision_id,
                    "responder": responder,
                    "reasoning": reasoning,
                    "priority": PRIORITY_NAMES[decision.priority],
                },
            )
        return decision

    async def escalate(self, decision_id: str) -> Decision:
        """Raise a pending decision's priority one class (CRITICAL stays CRITICAL)."""
        try:
            decision, change = self._book.escalate(decision_id)
        finally:
            if self._book.expired:
                await self.flush_audit()
        if self.audit is not None:
            await self.audit.log_action("hitl.escalated", {"id": decision_id, "change": change})
        return decision

    # -- reading ------------------------------------------------------------------------------

    def pending(self, limit: int | None = None) -> list[Decision]:
        """Pending decisions, highest priority first, oldest first within a priority."""
        if limit is not None and (
            isinstance(limit, bool) or not isinstance(limit, int) or limit < 0
        ):
            raise ValueError(f"limit must be an int >= 0 or None, got {limit!r}")
        return self._book.pending(limit)

    def status(self, decision_id: str) -> Decision:
        """The decision as it stands now (expired first, if its time has come)."""
        return self._book.status(decision_id)

    @property
    def pending_count(self) -> int:
        return self._book.pending_count()

    async def wait_for_decision(self, decision_id: str, timeout: float) -> Decision:
        """Wait until the decision is answered or expires; ``TimeoutError`` if ``timeout``
        (seconds) passes first. Woken by the answer itself, not by polling."""
        seconds = _timeout(timeout)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Decision] = loop.create_future()
        settled, until_expiry = self._book.watch(decision_id, loop, future)
        if settled is not None:
            return settled
        await self.flush_audit()
        try:
            return await asyncio.wait_for(asyncio.shield(future), min(seconds, until_expiry))
        except TimeoutError:
            decision = self.status(decision_id)  # expires it if its own time has come
            await self.flush_audit()
            if decision.pending:
                raise TimeoutError(
                    f"decision {decision_id!r} still pending after {seconds:g}s"
                ) from None
            return decision

    async def flush_audit(self) -> None:
        """Write expiries noticed by synchronous calls (``pending``, ``status``) to the log."""
        expired = self._book.expired
        while expired:
            try:
                key, priority = expired.popleft()
            except IndexError:  # another task took the last one
                return
            if self.audit is not None:
                await self.audit.log_action(
                    "hitl.timed_out", {"id": key, "priority": PRIORITY_NAMES[priority]}
                )
