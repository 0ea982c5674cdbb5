"""The book of decisions: every decision, its queues, its expiry and its retention, under one
lock.

Synchronous and free of audit logging, so that every state change happens in one short
critical section. With an audit log, a change is made in two steps around the log write
(write-ahead): ``begin_*`` checks it is legal and marks the decision *in flight*, the caller
writes the entry, then ``finish_*`` applies it, or ``abort`` drops it if the write failed.
A decision's other changes wait while one is in flight, so its entries reach the log in the
order its changes are applied, whatever the threads. A request reserves its id, is written,
and only then is added: nobody can answer a decision the log never saw requested.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from aegis._locks import YieldingLock
from aegis.hitl.entry import Entry
from aegis.hitl.ids import DecisionIds
from aegis.hitl.journal import ExpiryJournal
from aegis.hitl.model import (
    Decision,
    DecisionEvent,
    DecisionPrunedError,
    DecisionStateError,
    DecisionStatus,
    EventKind,
    Priority,
)
from aegis.hitl.queue import LazyHeap
from aegis.hitl.retention import Retention

__all__ = ["PRIORITY_NAMES", "Begun", "DecisionBook"]

PRIORITY_NAMES = {priority: priority.name.lower() for priority in Priority}
_PENDING = DecisionStatus.PENDING
#: Operations between checks for heaps full of stale items (each check is O(1)).
_COMPACTION_PERIOD = 64


class Begun(NamedTuple):
    """A change checked and marked in flight: the decision before it, and when it happens."""

    decision: Decision
    at: float


class DecisionBook:
    """Decisions by id, a priority heap and an expiry heap (both with lazy removal)."""

    def __init__(
        self,
        clock: Callable[[], float],
        *,
        keep_expired: bool,
        retention: Retention,
        id_prefix: str,
    ) -> None:
        self._clock = clock
        #: Expiries for the audit log (kept only while one is attached).
        self.expired = ExpiryJournal(keeping=keep_expired)
        self.retention = retention
        self._ages_out = retention.keep_for is not None
        self._until_compaction = _COMPACTION_PERIOD
        self._lock = YieldingLock()
        self._entries: dict[str, Entry] = {}
        self._ids = DecisionIds(id_prefix)
        self._pending_count = 0
        # One counter for sequences and versions: versions are unique across the book, so a
        # stale heap item of a pruned decision never matches a later one reusing its id, and
        # a new decision's version is its sequence number (one int object for both).
        self._versions = itertools.count()
        self._by_priority = LazyHeap(self._is_pending)
        self._by_expiry = LazyHeap(self._is_pending)

    # -- requests -----------------------------------------------------------------------------

    def reserve(self, key: str | None) -> str:
        """Hold an id (issued if None) for a request being written to the log."""
        with self._lock:
            self._expire_due()
            key = self._issue() if key is None else self._check_free(key)
            self._ids.reserved.add(key)
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
                self._ids.reserved.discard(key)
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
            entry.in_flight = True
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
                return self._expire(entry, max(self._clock(), at))
            return decision

    def abort(self, key: str) -> None:
        """Drop the change in flight (its log write failed); expire the decision if due."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or not entry.in_flight:
                return
            entry.end_flight()
            if entry.overdue:
                self._expire(entry, self._clock())

    # -- reading ------------------------------------------------------------------------------

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

    def next_expiry(self) -> float | None:
        """Expire what is due; then the earliest deadline still ahead, if any."""
        with self._lock:
            self._expire_due()
            head = self._by_expiry.peek()
            return None if head is None else head[0]

    def watch(
        self, key: str, loop: asyncio.AbstractEventLoop, future: asyncio.Future[Decision]
    ) -> tuple[Decision, bool]:
        """The decision, and whether ``future`` will be resolved when it settles (False if it
        already has)."""
        with self._lock:
            self._expire_due()
            entry = self._entry(key)
            if entry.status is not _PENDING:
                return entry.snapshot(), False
            if entry.waiters is None:
                entry.waiters = {}
            entry.waiters[future] = loop
            return entry.snapshot(), True

    def unwatch(self, key: str, future: asyncio.Future[Decision]) -> None:
        """Forget a waiter that gave up (timed out or cancelled)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.waiters:
                entry.waiters.pop(future, None)

    def waiter_count(self, key: str) -> int:
        with self._lock:
            return len(self._entry(key).waiters or ())

    # -- with the lock held -------------------------------------------------------------------

    def _is_pending(self, key: str, version: int) -> bool:
        entry = self._entries.get(key)
        return entry is not None and entry.status is _PENDING and entry.version == version

    def _issue(self) -> str:
        return self._ids.issue(self._taken)

    def _taken(self, key: str) -> bool:
        return key in self._entries or self.retention.remembers(key)

    def _check_free(self, key: str) -> str:
        if key in self._entries or key in self._ids.reserved:
            raise ValueError(f"a decision with id {key!r} already exists")
        if self.retention.remembers(key) or self._ids.was_issued(key):
            raise ValueError(
                f"a decision with id {key!r} already existed (decided, then pruned from "
                f"memory); ids are not reused"
            )
        return key

    def _entry(self, key: str) -> Entry:
        entry = self._entries.get(key)
        if entry is None:
            if key in self._ids.reserved:
                raise KeyError(f"decision {key!r} is not queued yet: its request is being logged")
            if key in self._ids.abandoned:
                raise KeyError(f"decision {key!r} was never queued: its request failed")
            if self.retention.remembers(key) or self._ids.was_issued(key):
                raise DecisionPrunedError(
                    f"decision {key!r} was decided and has left memory "
                    f"({self.retention.describe()}); its record is in the audit log"
                )
            raise KeyError(f"no decision with id {key!r}")
        return entry

    def _pending_entry(self, key: str, change: str) -> tuple[float, Entry]:
        """Expire what is due, then the entry if it is still pending; else a clear error."""
        now = self._expire_due()
        entry = self._entry(key)
        if entry.status is not _PENDING:
            raise DecisionStateError(
                f"decision {key!r} is {entry.status.value}; it cannot be {change}"
            )
        return now, entry

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

    def _apply_answer(
        self,
        entry: Entry,
        status: DecisionStatus,
        responder: str,
        reasoning: str | None,
        now: float,
    ) -> Decision:
        entry.status, entry.responder, entry.reasoning = status, responder, reasoning
        entry.answered_at = now
        entry.version = next(self._versions)
        self._pending_count -= 1
        entry.history += (DecisionEvent(EventKind(status.value), now, responder),)
        return self._settle(entry, now)

    def _apply_escalation(self, entry: Entry, now: float) -> tuple[Decision, str]:
        before = entry.priority
        entry.priority = Priority(min(before + 1, Priority.CRITICAL))
        entry.version = next(self._versions)
        self._by_priority.push(-entry.priority, entry.sequence, entry.id, entry.version)
        self._by_expiry.push(entry.expires_at, entry.sequence, entry.id, entry.version)
        change = f"{PRIORITY_NAMES[before]} -> {PRIORITY_NAMES[entry.priority]}"
        entry.history += (DecisionEvent(EventKind.ESCALATED, now, change),)
        return entry.snapshot(), change

    def _expire_due(self) -> float:
        now = self._clock()
        expiries = self._by_expiry
        while (head := expiries.peek()) is not None and head[0] <= now:
            expiries.pop()
            entry = self._entries[head[1]]
            if entry.in_flight:  # decided by the change in flight (see ``abort``)
                entry.overdue = True
            else:
                self._expire(entry, now)
        self._until_compaction -= 1
        if not self._until_compaction:  # amortised: each heap checks whether it is sparse
            self._until_compaction = _COMPACTION_PERIOD
            self._by_priority.compact(self._pending_count)
            expiries.compact(self._pending_count)
        if self._ages_out:
            self.retention.prune(now, self._forget)
        return now

    def _expire(self, entry: Entry, now: float) -> Decision:
        entry.status, entry.answered_at = DecisionStatus.TIMED_OUT, now
        entry.version = next(self._versions)
        entry.overdue = False
        self._pending_count -= 1
        entry.history += (DecisionEvent(EventKind.EXPIRED, now, "timeout means deny"),)
        self.expired.record(entry.id, entry.priority)
        return self._settle(entry, now)

    def _settle(self, entry: Entry, now: float) -> Decision:
        decision = entry.snapshot()
        if entry.waiters:
            entry.wake_waiters(decision)
        retention = self.retention
        decided = retention.decided
        decided.append((entry.id, now, entry.explicit))
        if len(decided) > retention.keep or retention.keep_for is not None:
            retention.prune(now, self._forget)
        return decision

    def _forget(self, key: str) -> None:
        del self._entries[key]
