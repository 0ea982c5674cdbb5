"""The changes callers make to decisions: requests, answers and escalations.

Each is validated first; without an audit log it is made at once. With one it is
write-ahead: the entry is written, then the change applied (or dropped if the write fails),
so a call that raises has changed nothing, and a decision's entries reach the log in the
order of its history, whatever the threads and loops. :class:`DecisionChanges` is the half
of :class:`~aegis.hitl.HITLCollaborator` that makes them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any, cast

from aegis._validation import describe
from aegis.hitl.book import PRIORITY_NAMES, Begun, DecisionBook
from aegis.hitl.checks import require_decision_id, require_text_field, require_timeout
from aegis.hitl.expiry import POLL_SECONDS, ExpiryTimer
from aegis.hitl.model import Decision, DecisionStatus, Priority
from aegis.hitl.writer import AuditSink, AuditWriter

__all__ = ["DecisionChanges"]


class DecisionChanges:
    """Requests, answers and escalations, on the book, timer and writer of its subclass."""

    default_timeout: float
    _audit: AuditSink | None
    _book: DecisionBook
    _timer: ExpiryTimer
    _writer: AuditWriter

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
        """Queue a question for a human; returns the pending decision.

        ``timeout`` is finite seconds > 0, or None for ``default_timeout``. With a log, the
        decision is queued only once its request is written."""
        question = require_text_field("question", question)
        if not isinstance(context, Mapping | str):
            raise TypeError(f"context must be a mapping or str, got {describe(context)}")
        level = Priority.parse(priority)
        seconds = self.default_timeout if timeout is None else require_timeout("timeout", timeout)
        requester = require_text_field("requester", requester)
        explicit = decision_id is not None
        wanted = require_decision_id(decision_id) if explicit else None
        audit = self._audit
        if audit is None:
            return self._book.add(
                wanted,
                question=question,
                context=context,
                priority=level,
                requester=requester,
                seconds=seconds,
                explicit=explicit,
            )
        try:
            key = self._book.reserve(wanted)
        except ValueError:
            await self._writer.flush_noticed()
            raise
        details = {
            "id": key,
            "question": question,
            "priority": PRIORITY_NAMES[level],
            "requester": requester,
            "expires_in_s": seconds,
        }

        def commit() -> Decision:
            decision = self._book.add(
                key,
                question=question,
                context=context,
                priority=level,
                requester=requester,
                seconds=seconds,
                explicit=explicit,
                reserved=True,
            )
            self._timer.wake()
            return decision

        return await self._writer.write_ahead(
            audit, "hitl.requested", details, commit, lambda: self._book.release(key)
        )

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
        key = require_decision_id(decision_id)
        responder = require_text_field("responder", responder)
        if reasoning is not None:
            reasoning = require_text_field("reasoning", reasoning, allow_empty=True)
        book = self._book
        audit, result = await self._step(
            key, status.value, lambda loop: book.answer(key, status, responder, reasoning, loop)
        )
        if audit is None:
            return cast(Decision, result)
        result = cast(Begun, result)
        at = result.at
        details = {
            "id": key,
            "responder": responder,
            "reasoning": reasoning,
            "priority": PRIORITY_NAMES[result.decision.priority],
        }
        return await self._writer.write_ahead(
            audit,
            f"hitl.{status.value}",
            details,
            lambda: book.finish_answer(key, status, responder, reasoning, at),
            lambda: book.abort(key),
        )

    async def escalate(self, decision_id: str) -> Decision:
        """Raise a pending decision's priority one class. A CRITICAL decision is returned
        unchanged, with no new event or log entry: its escalation was recorded once."""
        key = require_decision_id(decision_id)
        book = self._book
        audit, result = await self._step(key, "escalated", lambda loop: book.escalate(key, loop))
        if audit is None:
            return cast(tuple[Decision, str | None], result)[0]
        result = cast(Begun, result)
        before = result.decision.priority
        if before is Priority.CRITICAL:
            return result.decision  # nothing was marked in flight
        at = result.at
        change = f"{PRIORITY_NAMES[before]} -> {PRIORITY_NAMES[Priority(before + 1)]}"
        return await self._writer.write_ahead(
            audit,
            "hitl.escalated",
            {"id": key, "change": change},
            lambda: book.finish_escalation(key, at),
            lambda: book.abort(key),
        )

    async def _step(
        self,
        key: str,
        change: str,
        at_once: Callable[[Callable[[], asyncio.AbstractEventLoop]], object],
    ) -> tuple[AuditSink | None, object]:
        """Make a change ``at_once`` without a log, or begin it for a write-ahead with one;
        again after a change in flight on the same decision has landed."""
        loop = asyncio.get_running_loop  # called only to wait for a change in flight
        while True:
            audit = self._audit
            try:
                result = at_once(loop) if audit is None else self._book.begin(key, change, loop)
            except Exception:
                await self._writer.flush_noticed()
                raise
            if not isinstance(result, asyncio.Future):
                return audit, result
            while not result.done():  # the flight's own loop may close: look now and then
                await asyncio.wait((result,), timeout=POLL_SECONDS)
                if not result.done():
                    self._book.check_flight(key)
