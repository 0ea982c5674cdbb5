"""The book of decisions: the requests and changes callers make to its records.

Without an audit log a change is made at once. With one, it is made in two steps around the
log write (write-ahead): ``begin`` checks it is legal and marks the decision *in flight*, the
caller writes the entry, then ``finish_*`` applies it, or ``abort`` drops it if the write
failed. A decision's other changes wait while one is in flight, so its entries reach the log
in the order its changes are applied, whatever the threads. A request reserves its id, is
written, and only then is added: nobody can answer a decision the log never saw requested.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from aegis.hitl.entry import Entry
from aegis.hitl.model import Decision, DecisionEvent, DecisionStatus, EventKind, Priority
from aegis.hitl.records import PRIORITY_NAMES, DecisionRecords

__all__ = ["PRIORITY_NAMES", "Begun", "DecisionBook"]


class Begun(NamedTuple):
    """A change checked and marked in flight: the decision before it, and when it happens."""

    decision: Decision
    at: float


class DecisionBook(DecisionRecords):
    """A :class:`DecisionRecords` with the operations that change it."""

    # -- requests -----------------------------------------------------------------------------

    def reserve(self, key: str | None) -> str:
        """Hold an id (issued if None) for a request being written to the log."""
        with self._lock:
            self._expire_due()
            key = self._issue() if key is None else self._check_free(key)
            self._ids.reserved[key] = asyncio.get_running_loop()
            return key

    def release(self, key: str) -> None:
        """Give back a reserved id whose request failed (an issued one is not reused)."""
        with self._lock:
            self._ids.abandon(key)

    def add(
        self,
        key: str | None,
        *,
        question: str,
        context: Mapping[str, Any] | str,
        priority: Priority,
        requester: str,
        seconds: float,
        explicit: bool,
        reserved: bool = False,
    ) -> Decision:
        """Queue a decision: ``key`` reserved before, or checked (issued if None) now."""
        with self._lock:
            now = self._expire_due()
            if reserved:
                assert key is not None
                self._ids.reserved.pop(key, None)
            else:
                key = self._issue() if key is None else self._check_free(key)
            entry = Entry(
                key,
                question,
                context,
                priority,
                requester,
                now,
                now + seconds,
                sequence := next(self._versions),
                explicit,
                sequence,
            )
            entry.history = (DecisionEvent(EventKind.REQUESTED, now, PRIORITY_NAMES[priority]),)
            self._entries[key] = entry
            self._pending_count += 1
            self._by_priority.push(-priority, entry.sequence, key, entry.version)
            self._by_expiry.push(entry.expires_at, entry.sequence, key, entry.version)
            return entry.snapshot()

    # -- answers and escalations --------------------------------------------------------------

    def answer(
        self,
        key: str,
        status: DecisionStatus,
        responder: str,
        reasoning: str | None,
        loop: Callable[[], asyncio.AbstractEventLoop],
    ) -> Decision | asyncio.Future[None]:
        """Answer now (no log to write first); a future to await if a change is in flight."""
        with self._lock:
            now, entry = self._pending_entry(key, status.value)
            if entry.in_flight:
                return self._queue_behind(entry, loop)
            return self._apply_answer(entry, status, responder, reasoning, now)

    def escalate(
        self, key: str, loop: Callable[[], asyncio.AbstractEventLoop]
    ) -> tuple[Decision, str | None] | asyncio.Future[None]:
        """Escalate now; the change as text, or None for a CRITICAL decision (unchanged)."""
        with self._lock:
            now, entry = self._pending_entry(key, "escalated")
            if entry.in_flight:
                return self._queue_behind(entry, loop)
            if entry.priority is Priority.CRITICAL:
                return entry.snapshot(), None
            return self._apply_escalation(entry, now)

    def begin(
        self, key: str, change: str, loop: Callable[[], asyncio.AbstractEventLoop]
    ) -> Begun | asyncio.Future[None]:
        """Check a change is legal and mark the decision in flight (see the module)."""
        with self._lock:
            now, entry = self._pending_entry(key, change)
            if entry.in_flight:
                return self._queue_behind(entry, loop)
            if change == "escalated" and entry.priority is Priority.CRITICAL:
                return Begun(entry.snapshot(), now)  # nothing to change, nothing in flight
            entry.in_flight, entry.flight_loop = True, loop()
            return Begun(entry.snapshot(), now)

    def finish_answer(
        self, key: str, status: DecisionStatus, responder: str, reasoning: str | None, at: float
    ) -> Decision:
        with self._lock:
            entry = self._entries[key]
            entry.end_flight()
            entry.overdue = False  # answered before its deadline: the answer stands
            return self._apply_answer(entry, status, responder, reasoning, at)

    def finish_escalation(self, key: str, at: float) -> Decision:
        with self._lock:
            entry = self._entries[key]
            entry.end_flight()
            decision, _ = self._apply_escalation(entry, at)
            if entry.overdue:  # its deadline passed meanwhile: escalated, then expired
                return self._expire(entry, max(self.clock.latest(), at))
            return decision

    def check_flight(self, key: str) -> None:
        """Drop the change in flight on ``key`` if its loop has closed since (it can never
        land), waking the changes queued behind it."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.in_flight:
                self._drop_dead_flight(entry)

    def abort(self, key: str) -> None:
        """Drop the change in flight (its log write failed); expire the decision if due."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or not entry.in_flight:
                return
            entry.end_flight()
            if entry.overdue:
                self._expire(entry, self.clock.latest())

    def _queue_behind(
        self, entry: Entry, running_loop: Callable[[], asyncio.AbstractEventLoop]
    ) -> asyncio.Future[None]:
        """A future resolved when the change in flight lands (``running_loop`` is asked for
        only here, off the common path)."""
        loop = running_loop()
        future: asyncio.Future[None] = loop.create_future()
        if entry.queued is None:
            entry.queued = []
        entry.queued.append((loop, future))
        return future
