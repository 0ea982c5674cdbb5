"""The expiry timer: expires decisions at their deadline and writes the expiries to the log.

Why a thread of its own: the queue is used from asyncio tasks on any number of loops and from
plain threads (``status``, ``pending``); none of those loops can be relied on to be running,
or even open, when a deadline comes. So a collaborator with an audit log owns one daemon
thread, with a private event loop for the log's coroutine API, that sleeps until the
earliest deadline, expires what is due and writes it.

Clocks: with the default clock (``time.monotonic``, the clock of thread waits and asyncio
loops alike) it sleeps exactly until the deadline. An injected clock cannot be waited on, only
read: the timer reads it every :data:`POLL_SECONDS` of real time, so a fake clock moved past a
deadline is noticed within that, and at once by any call on the queue, which also wakes the
timer to write what it noticed.

The thread starts when there is something to expire or write, and stops after
:data:`LINGER_SECONDS` idle, when the log is detached, or when the collaborator is closed or
collected. A failed write stays queued, first in line, and is retried with backoff.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from typing import Protocol

from aegis.hitl.book import DecisionBook

__all__ = ["LINGER_SECONDS", "POLL_SECONDS", "ExpiryTimer"]

#: How often an injected clock is read while a deadline is ahead.
POLL_SECONDS = 0.05
#: How long an idle timer waits for new work before its thread ends.
LINGER_SECONDS = 1.0
#: Longest single sleep (a thread wait cannot take an arbitrarily large timeout).
_MAX_SLEEP = 3600.0
_MAX_BACKOFF = 5.0


class _Owner(Protocol):
    @property
    def audit(self) -> object | None: ...

    async def flush_audit(self) -> None: ...


class ExpiryTimer:
    """Wakes at the next deadline of ``book``; ``wake()`` when the earliest may have moved."""

    def __init__(
        self,
        owner: weakref.ref[_Owner],
        book: DecisionBook,
        *,
        exact: bool,
    ) -> None:
        self._owner = owner
        self._book = book
        self._exact = exact
        self._condition = threading.Condition(threading.Lock())
        self._thread: threading.Thread | None = None
        self._kicked = False
        self._stopped = False

    @property
    def running(self) -> bool:
        return self._thread is not None

    def wake(self) -> None:
        """Look again now (a new deadline, or expiries noticed by a call); start if idle."""
        with self._condition:
            if self._stopped:
                return
            self._kicked = True
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="aegis-hitl-expiry", daemon=True
                )
                self._thread.start()
            else:
                self._condition.notify()

    def stop(self) -> None:
        with self._condition:
            self._stopped = True
            self._condition.notify()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        backoff = 0.0
        try:
            while True:
                with self._condition:
                    self._kicked = False
                owner = self._owner()
                if owner is None or owner.audit is None:
                    del owner
                    if self._end_unless_kicked():
                        break
                    continue
                try:
                    deadline = self._book.next_expiry()  # expires what is due
                    if self._book.expired.items:
                        loop.run_until_complete(owner.flush_audit())
                    backoff = 0.0
                except (Exception, asyncio.CancelledError):  # the log failed: kept, in order
                    deadline = None
                    backoff = min(max(backoff * 2, POLL_SECONDS), _MAX_BACKOFF)
                del owner
                if not self._sleep(self._delay(deadline, backoff)):
                    break
        finally:
            loop.close()
            with self._condition:  # however it ended, a later ``wake`` starts a new thread
                if self._thread is threading.current_thread():
                    self._thread = None

    def _delay(self, deadline: float | None, backoff: float) -> float | None:
        """Seconds of real time to sleep; None when there is nothing left to wait for."""
        if backoff:
            return backoff
        if deadline is None:
            return None
        remaining = max(deadline - self._book.clock.peek(), 0.0)
        return min(remaining, _MAX_SLEEP if self._exact else POLL_SECONDS)

    def _sleep(self, seconds: float | None) -> bool:
        """Sleep unless woken; False when the thread should end (decided under the
        condition, so that a ``wake`` either sees the thread gone or is seen by it)."""
        with self._condition:
            if not self._kicked and not self._stopped:
                woken = self._condition.wait(LINGER_SECONDS if seconds is None else seconds)
                if seconds is None and not woken and not self._kicked:
                    self._thread = None  # idle for LINGER_SECONDS: end
                    return False
            return self._carry_on()

    def _carry_on(self) -> bool:
        if self._stopped:
            self._thread = None
            return False
        return True

    def _end_unless_kicked(self) -> bool:
        with self._condition:
            if self._kicked and not self._stopped:
                return False
            self._thread = None
            return True
