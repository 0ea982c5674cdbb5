"""The human-in-the-loop collaborator: a priority queue of decisions that never loses one."""

from __future__ import annotations

import asyncio
import itertools
import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from aegis._validation import require_text
from aegis.hitl.model import (
    Decision,
    DecisionEvent,
    DecisionStateError,
    DecisionStatus,
    EventKind,
    Priority,
)
from aegis.hitl.queue import LazyHeap

__all__ = ["AuditSink", "HITLCollaborator"]

_NAME = {priority: priority.name.lower() for priority in Priority}
_PENDING = DecisionStatus.PENDING


class AuditSink(Protocol):
    """What the collaborator needs of an audit log: ``AuditLog`` fits, so does any lookalike."""

    async def log_action(self, action: str, details: Mapping[str, Any]) -> object: ...


@dataclass(slots=True)
class _Entry:
    id: str
    question: str
    context: Mapping[str, Any] | str
    priority: Priority
    requester: str
    created_at: float
    expires_at: float
    sequence: int
    status: DecisionStatus = DecisionStatus.PENDING
    responder: str | None = None
    reasoning: str | None = None
    answered_at: float | None = None
    version: int = 0
    history: tuple[DecisionEvent, ...] = ()
    #: Tasks in ``wait_for_decision``; None until the first one, to keep 100K entries small.
    waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[Decision]]] | None = None

    def snapshot(self) -> Decision:
        return Decision(
            self.id,
            self.question,
            self.context,
            self.priority,
            self.requester,
            self.created_at,
            self.expires_at,
            self.status,
            self.responder,
            self.reasoning,
            self.answered_at,
            tuple(self.history),
        )


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
        self.audit = audit
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self._pending_count = 0
        self._sequence = itertools.count()
        self._by_priority = LazyHeap(self._is_pending)
        self._by_expiry = LazyHeap(self._is_pending)
        self._audit_outbox: deque[tuple[str, dict[str, Any]]] = deque()
        # Ids are a random per-collaborator prefix and a counter: unique, and far cheaper
        # than a fresh UUID per decision.
        self._id_prefix = uuid.uuid4().hex[:12]
        self._id_counter = itertools.count(1)

    def _new_id(self) -> str:
        return f"{self._id_prefix}-{next(self._id_counter)}"

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
        key = self._new_id() if decision_id is None else require_text("decision_id", decision_id)
        require_text("requester", requester)
        try:
            with self._lock:
                now = self._expire_due()
                if key in self._entries:
                    raise ValueError(f"a decision with id {key!r} already exists")
                entry = _Entry(
                    key,
                    question,
                    context,
                    level,
                    requester,
                    now,
                    now + seconds,
                    next(self._sequence),
                )
                entry.history = (DecisionEvent(EventKind.REQUESTED, now, _NAME[level]),)
                self._entries[key] = entry
                self._pending_count += 1
                self._by_priority.push(-level, entry.sequence, key, 0)
                self._by_expiry.push(entry.expires_at, entry.sequence, key, 0)
                decision = entry.snapshot()
        finally:
            if self._audit_outbox:
                await self.flush_audit()  # expiries noticed on the way, before this request
        if self.audit is not None:
            await self.audit.log_action(
                "hitl.requested",
                {
                    "id": key,
                    "question": question,
                    "priority": _NAME[level],
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
            with self._lock:
                now, entry = self._pending_entry(decision_id, status.value)
                entry.status, entry.responder, entry.reasoning = status, responder, reasoning
                entry.answered_at = now
                entry.version += 1
                self._pending_count -= 1
                entry.history += (DecisionEvent(EventKind(status.value), now, responder),)
                decision = self._settle(entry)
        finally:
            if self._audit_outbox:
                await self.flush_audit()
        if self.audit is not None:
            await self.audit.log_action(
                f"hitl.{status.value}",
                {
                    "id": decision_id,
                    "responder": responder,
                    "reasoning": reasoning,
                    "priority": _NAME[entry.priority],
                },
            )
        return decision

    async def escalate(self, decision_id: str) -> Decision:
        """Raise a pending decision's priority one class (CRITICAL stays CRITICAL)."""
        try:
            with self._lock:
                now, entry = self._pending_entry(decision_id, "escalated")
                before = entry.priority
                entry.priority = Priority(min(before + 1, Priority.CRITICAL))
                entry.version += 1
                self._by_priority.push(-entry.priority, entry.sequence, entry.id, entry.version)
                self._by_expiry.push(entry.expires_at, entry.sequence, entry.id, entry.version)
                detail = f"{_NAME[before]} -> {_NAME[entry.priority]}"
                entry.history += (DecisionEvent(EventKind.ESCALATED, now, detail),)
                decision = entry.snapshot()
        finally:
            if self._audit_outbox:
                await self.flush_audit()
        if self.audit is not None:
            await self.audit.log_action("hitl.escalated", {"id": decision_id, "change": detail})
        return decision

    # -- reading ------------------------------------------------------------------------------

    def pending(self, limit: int | None = None) -> list[Decision]:
        """Pending decisions, highest priority first, oldest first within a priority."""
        if limit is not None and (
            isinstance(limit, bool) or not isinstance(limit, int) or limit < 0
        ):
            raise ValueError(f"limit must be an int >= 0 or None, got {limit!r}")
        with self._lock:
            self._expire_due()
            keys = self._by_priority.top(self._pending_count if limit is None else limit)
            return [self._entries[key].snapshot() for key in keys]

    def status(self, decision_id: str) -> Decision:
        """The decision as it stands now (expired first, if its time has come)."""
        with self._lock:
            self._expire_due()
            return self._entry(decision_id).snapshot()

    @property
    def pending_count(self) -> int:
        with self._lock:
            self._expire_due()
            return self._pending_count

    async def wait_for_decision(self, decision_id: str, timeout: float) -> Decision:
        """Wait until the decision is answered or expires; ``TimeoutError`` if ``timeout``
        (seconds) passes first. Woken by the answer itself, not by polling."""
        seconds = _timeout(timeout)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Decision] = loop.create_future()
        with self._lock:
            now = self._expire_due()
            entry = self._entry(decision_id)
            if entry.status is not _PENDING:
                return entry.snapshot()
            if entry.waiters is None:
                entry.waiters = []
            entry.waiters.append((loop, future))
            until_expiry = max(entry.expires_at - now, 0.0)
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
        while self._audit_outbox:
            try:
                action, details = self._audit_outbox.popleft()
            except IndexError:  # another task took the last one
                return
            if self.audit is not None:
                await self.audit.log_action(action, details)

    # -- internals (call with the lock held) --------------------------------------------------

    def _is_pending(self, key: str, version: int) -> bool:
        entry = self._entries.get(key)
        return entry is not None and entry.status is _PENDING and entry.version == version

    def _entry(self, decision_id: str) -> _Entry:
        entry = self._entries.get(decision_id)
        if entry is None:
            raise KeyError(f"no decision with id {decision_id!r}")
        return entry

    def _pending_entry(self, decision_id: str, change: str) -> tuple[float, _Entry]:
        """Expire what is due, then the entry if it is still pending; else a clear error."""
        now = self._expire_due()
        entry = self._entry(decision_id)
        if entry.status is not _PENDING:
            raise DecisionStateError(
                f"decision {decision_id!r} is {entry.status.value}; it cannot be {change}"
            )
        return now, entry

    def _expire_due(self) -> float:
        now = self._clock()
        while (head := self._by_expiry.peek()) is not None and head[0] <= now:
            entry = self._entries[head[1]]
            self._by_expiry.pop()
            entry.status, entry.answered_at = DecisionStatus.TIMED_OUT, now
            entry.version += 1
            self._pending_count -= 1
            entry.history += (DecisionEvent(EventKind.EXPIRED, now, "timeout means deny"),)
            self._settle(entry)
            if self.audit is not None:
                self._audit_outbox.append(
                    ("hitl.timed_out", {"id": entry.id, "priority": _NAME[entry.priority]})
                )
        if self._pending_count * 2 + 64 < len(self._by_priority) + len(self._by_expiry):
            self._by_priority.compact(self._pending_count)
            self._by_expiry.compact(self._pending_count)
        return now

    @staticmethod
    def _settle(entry: _Entry) -> Decision:
        decision = entry.snapshot()
        for loop, future in entry.waiters or ():
            loop.call_soon_threadsafe(_resolve, future, decision)
        entry.waiters = None
        return decision


def _resolve(future: asyncio.Future[Decision], decision: Decision) -> None:
    if not future.done():
        future.set_result(decision)
