"""Group commit: callers queue items; one leader writes everything queued in one go.

Whoever takes the leader's lock keeps committing batches while items are queued; the others
wait to be woken when their own item is done (threads on a lock of their own, asyncio tasks
on a future of their own loop). A lone caller commits its item at once; under contention,
one transaction serves many callers, and each returns only when its own item is committed.

Nothing on the way in blocks: the queue is a ``deque`` (append and popleft are atomic) and
leadership is a lock taken with ``blocking=False``. A lock that callers queue on is worse
than it looks in CPython: the waiter acquires it without the interpreter lock and then
waits for that, so every caller hands the interpreter to another; sixty-four threads
appending spent more time switching than signing.
"""

from __future__ import annotations

import _thread
import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["GroupCommitter"]

Item = TypeVar("Item")
Result = TypeVar("Result")
#: A lone asyncio caller still yields this often, so that callers who join can batch.
_YIELD_EVERY = 16
#: How long a thread leader waits, after a batch of several, for the next batch to gather.
_GATHER_SECONDS = 0.0001


@dataclass(slots=True)
class _Ticket(Generic[Item, Result]):
    item: Item
    latch: _thread.LockType | None = None
    loop: asyncio.AbstractEventLoop | None = None
    future: asyncio.Future[None] | None = None
    done: bool = False
    result: Result | None = None
    error: BaseException | None = None

    def outcome(self) -> Result:
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]

    def settle(
        self,
        result: Result | None,
        error: BaseException | None,
        running: asyncio.AbstractEventLoop | None,
    ) -> None:
        """Record the outcome, then wake the caller (a task may be attaching its future
        meanwhile: it sets the future before it reads ``done``, and this sets ``done``
        before it reads the future, so one of the two always sees the other)."""
        self.result, self.error = result, error
        self.done = True
        if self.latch is not None:
            self.latch.release()
            return
        future = self.future
        if future is not None:
            loop = self.loop
            assert loop is not None
            if loop is running:  # same thread: no need to wake the loop's selector
                _resolve(future)
            else:
                # A closed loop (before this call or during it) has no task left waiting.
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(_resolve, future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class GroupCommitter(Generic[Item, Result]):
    """Runs ``commit(items) -> results`` (one result per item, in order) for batches."""

    def __init__(self, commit: Callable[[Sequence[Item]], Sequence[Result]]) -> None:
        self._commit = commit
        self._queue: deque[_Ticket[Item, Result]] = deque()
        self._leader = _thread.allocate_lock()
        self._calls = 0
        self.last_batch = 0

    def run_sync(self, item: Item) -> Result:
        # A bare lock, taken now and released by the leader, is the cheapest one-shot wake-up
        # CPython offers: one futex, where an Event is a condition variable and three locks.
        latch = _thread.allocate_lock()
        latch.acquire()
        ticket: _Ticket[Item, Result] = _Ticket(item, latch=latch)
        self._queue.append(ticket)
        if self._leader.acquire(blocking=False):
            self._lead(ticket)
        latch.acquire()  # woken when the item is committed, or to take over as leader
        if not ticket.done:
            self._lead(ticket)  # the leader's lock was handed over with the wake-up
        return ticket.outcome()

    async def run(self, item: Item) -> Result:
        ticket: _Ticket[Item, Result] = _Ticket(item)
        self._calls += 1
        self._queue.append(ticket)
        if self._leader.acquire(blocking=False):
            try:
                if self.last_batch > 1 or self._calls % _YIELD_EVERY == 0:
                    await asyncio.sleep(0)  # let the other ready tasks queue theirs first
            finally:  # even if cancelled: the callers queued meanwhile need a leader
                self._lead(ticket)
            return ticket.outcome()
        ticket.loop = asyncio.get_running_loop()
        ticket.future = future = ticket.loop.create_future()
        if not ticket.done:
            await future
        return ticket.outcome()

    def _lead(self, own: _Ticket[Item, Result]) -> None:
        """Commit batches until the queue is empty, then give up the leader's lock.

        Once its own item is committed, a leader hands the lock to the thread whose item is
        next in the queue rather than leading on: otherwise, with threads queueing
        without pause, one caller would stay leader, and its call would not return, for as
        long as the load lasts. (A task is never handed the lock: it could be cancelled
        before taking it, and tasks on one loop cannot queue while the leader commits.)
        """
        queue, running = self._queue, _running_loop()
        while True:
            if own.done and queue and (successor := queue[0]).latch is not None:
                successor.latch.release()  # not done: it wakes to lead, the lock is its own
                return
            batch = [queue.popleft() for _ in range(len(queue))]
            if not batch:
                self._leader.release()
                # A caller who queued after the last batch, while this still led, saw the
                # lock taken and is waiting: lead again unless someone else has.
                if queue and self._leader.acquire(blocking=False):
                    continue
                return
            self.last_batch = len(batch)
            try:
                results: Sequence[Result | None] = self._commit([t.item for t in batch])
                error: BaseException | None = None
            except BaseException as failure:
                results, error = [None] * len(batch), failure
            for ticket, result in zip(batch, results, strict=True):
                ticket.settle(result, error, running)
            if running is None and len(batch) > 1:
                # The callers just woken are about to queue their next items: give them a
                # moment, so that they do it while no commit competes with them for the
                # interpreter lock, and so that the next batch is a full one.
                time.sleep(_GATHER_SECONDS)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
