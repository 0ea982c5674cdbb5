"""The human-in-the-loop collaborator: a priority queue of decisions that never loses one.

It keeps the decisions in a :class:`DecisionBook` and, with an audit log attached, makes
every change and its audit entry one: the entry is written first and the change applied only
once it is (write-ahead; the changes are in :mod:`aegis.hitl.changes`), so a call that raises
has changed nothing, and a decision's entries reach the log in the order of its history
(requested, then escalated, then answered or expired) whatever the threads and loops.
Expiries are written by an :class:`ExpiryTimer` when they happen. This module builds the
queue and reads it.
"""

from __future__ import annotations

import time
import uuid
import weakref
from collections.abc import Callable

from aegis._validation import describe
from aegis.hitl.book import DecisionBook
from aegis.hitl.changes import DecisionChanges
from aegis.hitl.checks import (
    require_age,
    require_count,
    require_decision_id,
    require_timeout,
)
from aegis.hitl.expiry import ExpiryTimer
from aegis.hitl.model import Decision
from aegis.hitl.retention import DEFAULT_KEEP_DECIDED, Retention
from aegis.hitl.waiting import wait_until_settled
from aegis.hitl.writer import AuditSink, AuditWriter

__all__ = ["DEFAULT_TIMEOUT", "AuditSink", "HITLCollaborator"]

#: Seconds a decision waits for its answer unless told otherwise (None means this).
DEFAULT_TIMEOUT = 300.0


class HITLCollaborator(DecisionChanges):
    """Queues decisions for a human, by priority then age, and enforces their timeouts.

    A decision not answered by its expiry is ``TIMED_OUT``, which is a denial: it can no
    longer be approved, and nothing is ever approved by default. Each decision is answered
    at most once, whatever the concurrency. Safe to share between threads and tasks.

    Decided decisions stay in memory for ``keep_decided`` more decisions (default 10,000)
    and, if given, ``keep_decided_for`` seconds of ``clock``; then they leave it (their record
    lives on in the audit log) and ``status`` of one raises :class:`DecisionPrunedError`.
    With the defaults, 100,000 pending decisions with a 100-byte context each plus the
    retained history measured 116 MB under tracemalloc
    (``tests/benchmarks/test_hitl_retention_benchmarks.py``); with 1 KB contexts, 210 MB,
    of which the callers' contexts are about 120 MB.
    """

    def __init__(
        self,
        default_timeout: float | None = DEFAULT_TIMEOUT,
        audit: AuditSink | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        keep_decided: int = DEFAULT_KEEP_DECIDED,
        keep_decided_for: float | None = None,
    ) -> None:
        self.default_timeout = (
            DEFAULT_TIMEOUT
            if default_timeout is None
            else require_timeout("default_timeout", default_timeout)
        )
        if not callable(clock):
            raise TypeError(f"clock must be a callable returning seconds, got {describe(clock)}")
        retention = Retention(
            require_count("keep_decided", keep_decided),
            require_age("keep_decided_for", keep_decided_for),
        )
        # Automatic ids are a random per-collaborator prefix and a counter: unique, far
        # cheaper than a fresh UUID per decision, and skipping any id taken explicitly.
        self._book = DecisionBook(
            clock,
            keep_expired=audit is not None,
            retention=retention,
            id_prefix=f"{uuid.uuid4().hex[:12]}-",
        )
        self._clock = clock
        self._timer = ExpiryTimer(weakref.ref(self), self._book, exact=clock is time.monotonic)
        weakref.finalize(self, self._timer.stop)
        self._writer = AuditWriter(self._book.expired, self._timer, _current_audit(self))
        self._audit: AuditSink | None = None
        self.audit = audit

    @property
    def audit(self) -> AuditSink | None:
        """The log every request, answer, escalation and expiry is written to, if any."""
        return self._audit

    @audit.setter
    def audit(self, log: AuditSink | None) -> None:
        if log is not None and not callable(getattr(log, "log_action", None)):
            raise TypeError(
                f"audit must be None or have an async log_action(action, details), "
                f"got {describe(log)}"
            )
        self._audit = log
        self._book.expired.keeping = log is not None
        if log is not None and self._book.pending_count():
            self._timer.wake()

    def close(self) -> None:
        """Stop the expiry timer (it also stops on its own once idle or collected)."""
        self._timer.stop()

    # -- reading ------------------------------------------------------------------------------

    def pending(self, limit: int | None = None) -> list[Decision]:
        """Pending decisions, highest priority first, oldest first within a priority."""
        if limit is not None and (
            isinstance(limit, bool) or not isinstance(limit, int) or limit < 0
        ):
            raise ValueError(f"limit must be an int >= 0 or None, got {describe(limit)}")
        decisions = self._book.pending(limit)
        if self._book.expired.items:
            self._timer.wake()
        return decisions

    def status(self, decision_id: str) -> Decision:
        """The decision as it stands now (expired first, if its time has come).

        ``KeyError`` for an unknown id; :class:`DecisionPrunedError` (a ``KeyError``) for one
        decided and since pruned by the retention."""
        key = require_decision_id(decision_id)
        try:
            return self._book.status(key)
        finally:
            if self._book.expired.items:
                self._timer.wake()

    def waiter_count(self, decision_id: str) -> int:
        """Tasks now in ``wait_for_decision`` on this decision (those that gave up leave)."""
        return self._book.waiter_count(require_decision_id(decision_id))

    @property
    def pending_count(self) -> int:
        count = self._book.pending_count()
        if self._book.expired.items:
            self._timer.wake()
        return count

    async def wait_for_decision(self, decision_id: str, timeout: float | None) -> Decision:
        """Wait until the decision is answered or expires; ``TimeoutError`` if ``timeout``
        passes first (None: ``default_timeout``). Woken by the answer itself, not by polling.

        ``timeout`` is measured on the queue's clock, like the deadline, and never lasts
        longer than as many real seconds (so a stopped injected clock cannot hang it); the
        error says both figures."""
        key = require_decision_id(decision_id)
        seconds = self.default_timeout if timeout is None else require_timeout("timeout", timeout)
        decision = await wait_until_settled(
            self._book, key, seconds, self._book.clock, exact=self._clock is time.monotonic
        )
        await self._writer.flush_noticed()
        return decision

    async def flush_audit(self) -> None:
        """Write the expiries noticed so far to the log (the expiry timer does this on its
        own; this waits for it), and return once none is left unwritten."""
        await self._writer.flush()


def _current_audit(collaborator: HITLCollaborator) -> Callable[[], AuditSink | None]:
    """The collaborator's log at the time of the call, without keeping it alive."""
    ref = weakref.ref(collaborator)

    def current() -> AuditSink | None:
        owner = ref()
        return None if owner is None else owner.audit

    return current
