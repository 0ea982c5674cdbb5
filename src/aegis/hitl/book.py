"""The book of decisions: every decision, its queues and its expiry, under one lock.

Synchronous and free of audit logging, so that every state change (request, answer,
escalation, expiry) happens in one short critical section; the collaborator wraps it with
validation, the async API and the audit trail. Expiries noticed on the way are queued in
``expired`` for the collaborator to log.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aegis._locks import YieldingLock
from aegis.hitl.model import (
    Decision,
    DecisionEvent,
    DecisionStateError,
    DecisionStatus,
    EventKind,
    Priority,
)
from aegis.hitl.queue import LazyHeap

__all__ = ["PRIORITY_NAMES", "DecisionBook"]

PRIORITY_NAMES = {priority: priority.name.lower() for priority in Priority}
_PENDING = DecisionStatus.PENDING
_Waiter = tuple[asyncio.AbstractEventLoop, "asyncio.Future[Decision]"]


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
    waiters: list[_Waiter] | None = None

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


class DecisionBook:
    """Decisions by id, a priority heap and an expiry heap (both with lazy removal)."""

    def __init__(self, clock: Callable[[], float], *, keep_expired: bool) -> None:
        self._clock = clock
        #: Whether expiries are queued in ``expired`` (only while an audit log wants them).
        self.keep_expired = keep_expired
        self._lock = YieldingLock()
        self._entries: dict[str, _Entry] = {}
        self._pending_count = 0
        self._sequence = itertools.count()
        self._by_priority = LazyHeap(self._is_pending)
        self._by_expiry = LazyHeap(self._is_pending)
        #: ``(id, priority)`` of decisions that expired, oldest first, for the audit log
        #: (kept only with ``keep_expired``, so that a book without a log stays bounded).
        self.expired: deque[tuple[str, Priority]] = deque()

    def add(
        self,
        key: str,
        *,
        question: str,
        context: Mapping[str, Any] | str,
        priority: Priority,
        requester: str,
        seconds: float,
    ) -> Decision:
        with self._lock:
            now = self._expire_due()
            if key in self._entries:
                raise ValueError(f"a decision with id {key!r} already exists")
            entry = _Entry(
                key,
                question,
                context,
                priority,
                requester,
                now,
                now + seconds,
                next(self._sequence),
            )
            entry.history = (DecisionEvent(EventKind.REQUESTED, now, PRIORITY_NAMES[priority]),)
            self._entries[key] = entry
            self._pending_count += 1
            self._by_priority.push(-priority, entry.sequence, key, 0)
            self._by_expiry.push(entry.expires_at, entry.sequence, key, 0)
            return entry.snapshot()

    def answer(
        self, key: str, status: DecisionStatus, responder: str, reasoning: str | None
    ) -> Decision:
        """Answer a pending decision once; anything else raises DecisionStateError."""
        with self._lock:
            now, entry = self._pending_entry(key, status.value)
            entry.status, entry.responder, entry.reasoning = status, responder, reasoning
            entry.answered_at = now
            entry.version += 1
            self._pending_count -= 1
            entry.history += (DecisionEvent(EventKind(status.value), now, responder),)
            return self._settle(entry)

    def escalate(self, key: str) -> tuple[Decision, str]:
        """Raise the priority one class; returns the decision and the change, as text."""
        with self._lock:
            now, entry = self._pending_entry(key, "escalated")
            before = entry.priority
            entry.priority = Priority(min(before + 1, Priority.CRITICAL))
            entry.version += 1
            self._by_priority.push(-entry.priority, entry.sequence, entry.id, entry.version)
            self._by_expiry.push(entry.expires_at, entry.sequence, entry.id, entry.version)
            change = f"{PRIORITY_NAMES[before]} -> {PRIORITY_NAMES[entry.priority]}"
            entry.history += (DecisionEvent(EventKind.ESCALATED, now, change),)
            return entry.snapshot(), change

    def pending(self, limit: int | None) -> list[Decision]:
        with self._lock:
            self._expire_due()
            keys = self._by_priority.top(self._pending_count if limit is None else limit)
            return [self._entries[key].snapshot() for key in keys]

    def status(self, key: str) -> Decision:
        with self._lock:
            self._expire_due()
            return self._entry(key).snapshot()

    def pending_count(self) -> int:
        with self._lock:
            self._expire_due()
            return self._pending_count

    def watch(
        self, key: str, loop: asyncio.AbstractEventLoop, future: asyncio.Future[Decision]
    ) -> tuple[Decision | None, float]:
        """Resolve ``future`` when the decision settles: ``(None, seconds to its expiry)``,
        or ``(decision, 0)`` if it already has."""
        with self._lock:
            now = self._expire_due()
            entry = self._entry(key)
            if entry.status is not _PENDING:
                return entry.snapshot(), 0.0
            if entry.waiters is None:
                entry.waiters = []
            entry.waiters.append((loop, future))
            return None, max(entry.expires_at - now, 0.0)

    # -- with the lock held -------------------------------------------------------------------

    def _is_pending(self, key: str, version: int) -> bool:
        entry = self._entries.get(key)
        return entry is not None and entry.status is _PENDING and entry.version == version

    def _entry(self, key: str) -> _Entry:
        entry = self._entries.get(key)
        if entry is None:
            raise KeyError(f"no decision with id {key!r}")
        return entry

    def _pending_entry(self, key: str, change: str) -> tuple[float, _Entry]:
        """Expire what is due, then the entry if it is still pending; else a clear error."""
        now = self._expire_due()
        entry = self._entry(key)
        if entry.status is not _PENDING:
            raise DecisionStateError(
                f"decision {key!r} is {entry.status.value}; it cannot be {change}"
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
            if self.keep_expired:
                self.expired.append((entry.id, entry.priority))
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
