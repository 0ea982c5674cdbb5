"""A lock for short critical sections shared by many threads under the interpreter lock.

A plain ``threading.Lock`` convoys there: a thread preempted inside the section keeps the
lock; each waiter then blocks in ``acquire``, is handed the lock without the interpreter
lock, and waits for that while holding the lock, so every later operation costs two thread
switches. Four threads logging experiences managed a third of what one did alone.
:class:`YieldingLock` never waits inside ``acquire`` at first: it gives up the interpreter
lock (``time.sleep(0)``) so that the holder can finish, then tries again. The sections it
guards are pure Python and short; should one take long, waiters fall back to blocking.
"""

from __future__ import annotations

import _thread
import time
from types import TracebackType

__all__ = ["YieldingLock"]

#: Yields before a waiter blocks: far more than a short section needs to finish.
SPINS = 64


class YieldingLock:
    """A non-reentrant mutual-exclusion lock, used as ``with lock:``."""

    __slots__ = ("_lock",)

    def __init__(self) -> None:
        self._lock = _thread.allocate_lock()

    def acquire(self) -> None:
        lock = self._lock
        if lock.acquire(False):
            return
        for _ in range(SPINS):
            time.sleep(0)  # the holder, preempted inside its section, runs and releases
            if lock.acquire(False):
                return
        lock.acquire()

    def release(self) -> None:
        self._lock.release()

    def locked(self) -> bool:
        return self._lock.locked()

    def __enter__(self) -> None:
        if not self._lock.acquire(False):  # the uncontended case without a second call
            self.acquire()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._lock.release()
