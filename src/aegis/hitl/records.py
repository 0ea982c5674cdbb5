"""The records of a decision book: every decision, its queues, its expiry and its
retention, under one lock, and the transitions that change them.

Synchronous and free of audit logging, so that every state change happens in one short
critical section. :class:`~aegis.hitl.book.DecisionBook` adds the requests and changes
callers make, in one step or in two around an audit write.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable

from aegis._locks import YieldingLock
from aegis.hitl.clock import QueueClock
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

__all__ = ["PRIORITY_NAMES", "DecisionRecords"]

PRIORITY_NAMES = {priority: priority.name.lower() for priority in Priority}
_PENDING = DecisionStatus.PENDING
#: Operations between checks for heaps full of stale items (each check is O(1)).
_COMPACTION_PERIOD = 64


class DecisionRecords:
    """Decisions by id, a priority heap and an expiry heap (both with lazy removal)."""

    def __init__(
        self,
        clock: Callable[[], float],
        *,
        keep_expired: bool,
        retention: Retention,
        id_prefix: str,
    ) -> None:
        self.clock = QueueClock(clock)
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
        self._ids.drop_if_dead(key)
        if key in self._entries or key in self._ids.reserved:
            raise ValueError(f"decision_id {key!r}: a decision with id {key!r} already exists")
        if self.retention.remembers(key) or self._ids.was_issued(key):
            raise ValueError(
                f"decision_id {key!r}: a decision with this id already existed (decided, "
                f"then pruned from memory); ids are not reused"
            )
        return key

    def _entry(self, key: str) -> Entry:
        entry = self._entries.get(key)
        if entry is None:
            self._ids.drop_if_dead(key)
            if key in self._ids.reserved:
                raise KeyError(
                    f"decision_id {key!r}: the decision is not queued yet: its request is "
                    f"being logged"
                )
            if key in self._ids.abandoned:
                raise KeyError(
                    f"decision_id {key!r}: the decision was never queued: its request failed"
                )
            if self.retention.remembers(key) or self._ids.was_issued(key):
                raise DecisionPrunedError(
                    f"decision_id {key!r}: the decision was decided and has left memory "
                    f"({self.retention.describe()}); its record is in the audit log"
                )
            raise KeyError(f"decision_id {key!r}: no decision with id {key!r}")
        return entry

    def _pending_entry(self, key: str, change: str) -> tuple[float, Entry]:
        """Expire what is due, then the entry if it is still pending; else a clear error."""
        now = self._expire_due()
        entry = self._entry(key)
        if entry.in_flight:
            self._drop_dead_flight(entry)
        if entry.status is not _PENDING:
            raise DecisionStateError(
                f"decision {key!r} is {entry.status.value}; it cannot be {change}"
            )
        return now, entry

    def _drop_dead_flight(self, entry: Entry) -> bool:
        """End a change in flight whose writer's loop has closed (it can never land),
        expiring the decision if its deadline passed meanwhile; True if it was dropped."""
        loop = entry.flight_loop
        if loop is None or not loop.is_closed():
            return False
        entry.end_flight()
        if entry.overdue:
            self._expire(entry, self.clock.latest())
        return True

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
        now = self.clock.now()
        expiries = self._by_expiry
        while (head := expiries.peek()) is not None and head[0] <= now:
            expiries.pop()
            entry = self._entries[head[1]]
            if entry.in_flight and not self._drop_dead_flight(entry):
                entry.overdue = True  # decided by the change in flight (see ``abort``)
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
