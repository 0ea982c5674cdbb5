"""Writing to the audit log: each change after its entry (write-ahead), and the expiries.

A change and its entry succeed or fail together. The failure points, in order: the
arguments are checked and encoded before anything (a call refused there changed nothing);
the expiries noticed on the way are written; the change's own entry is written; only then is
the change applied. If a write fails, the change is dropped (``abort``) and the error raised,
so a caller who gets an exception can rely on nothing having happened.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

from aegis.hitl.book import PRIORITY_NAMES
from aegis.hitl.expiry import ExpiryTimer
from aegis.hitl.journal import ExpiryJournal

__all__ = ["AuditSink", "AuditWriter"]

T = TypeVar("T")
#: Seconds a flush waits for an expiry another task is writing.
_OTHER_WRITER_PATIENCE = 30.0


class AuditSink(Protocol):
    """What the collaborator needs of an audit log: ``AuditLog`` fits, so does any lookalike."""

    async def log_action(self, action: str, details: Mapping[str, Any]) -> object: ...


class AuditWriter:
    """Writes a queue's entries to whichever log ``audit()`` returns at the time."""

    def __init__(
        self,
        journal: ExpiryJournal,
        timer: ExpiryTimer,
        audit: Callable[[], AuditSink | None],
    ) -> None:
        self._journal = journal
        self._timer = timer
        self._audit = audit

    async def write_ahead(
        self,
        audit: AuditSink,
        action: str,
        details: Mapping[str, Any],
        commit: Callable[[], T],
        abort: Callable[[], None],
    ) -> T:
        """Write the entry, then ``commit``; ``abort`` if the write fails.

        Runs in a task of its own, shielded: a caller cancelled while the entry is being
        written does not leave the log and the queue disagreeing; the change lands (or is
        dropped) with its entry all the same.
        """
        journal = self._journal
        ended = False

        def end_once() -> None:
            # the flight is ended once: a second abort (a failed write seen both here and in
            # ``settle``) would end the flight another change has begun since on the decision
            nonlocal ended
            if not ended:
                ended = True
                abort()

        async def write_then_apply() -> T:
            nonlocal ended
            try:
                if journal.items:  # expiries noticed on the way, logged first
                    await self.flush()
                await audit.log_action(action, details)
            except BaseException:
                end_once()
                raise
            ended = True
            return commit()

        def settle(task: asyncio.Task[T]) -> None:
            if task.cancelled():
                end_once()  # cancelled before it ran: nothing was written
            else:
                task.exception()  # retrieved: the caller may have been cancelled
            if journal.items:
                self._timer.wake()

        task = asyncio.ensure_future(write_then_apply())
        task.add_done_callback(settle)
        return await asyncio.shield(task)

    async def flush(self) -> None:
        """Write the journal's expiries, one writer at a time, and return once none is left
        unwritten (waiting for another writer's, if one is under way)."""
        journal = self._journal
        patience = _OTHER_WRITER_PATIENCE
        while True:
            item = journal.take()
            if item is None:
                if not journal.in_flight:
                    return
                if patience <= 0:  # its loop stopped mid-write: the timer retries later
                    raise TimeoutError("an expiry being written by another task did not finish")
                patience -= 0.001
                await asyncio.sleep(0.001)
                continue
            audit = self._audit()
            try:
                if audit is not None:
                    await audit.log_action(
                        "hitl.timed_out", {"id": item[0], "priority": PRIORITY_NAMES[item[1]]}
                    )
            except BaseException:
                journal.written(item, ok=False)
                raise
            journal.written(item, ok=True)

    async def flush_noticed(self) -> None:
        """Write expiries a call noticed; a failure stays queued for the timer to retry."""
        if self._journal.items and self._audit() is not None:
            try:
                await self.flush()
            except Exception:
                self._timer.wake()
