"""Group commit: callers queue items; one leader writes everything queued in one go.

Whoever finds no leader becomes one and keeps committing batches while items are queued;
the others wait to be woken when their own item is done (threads on a lock, asyncio tasks
on a future of their own loop). A lone caller commits its item at once; under contention,
one transaction serves many callers, and each returns only when its own item is committed.
"""

from __future__ import annotations

import _thread
import asyncio
import threading
import time
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

    def wake(self, running: asyncio.AbstractEventLoop | None) -> None:
        if self.latch is not None:
            self.latch.release()
        elif self.future is not None and self.loop is not None:
            if self.loop is running:  # same thread: no need to wake the loop's selector
                _resolve(self.future)
            else:
                self.loop.call_soon_threadsafe(_resolve, self.future)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class GroupCommitter(Generic[Item, Result]):
    """Runs ``commit(items) -> results`` (one result per item, in order) for batches."""

    def __init__(self, commit: Callable[[Sequence[Item]], Sequence[Result]]) -> None:
        self._commit = commit
        self._lock = threading.Lock()
        self._queue: list[_Ticket[Item, Result]] = []
        self._leading = False
        self._calls = 0
        self.last_batch = 0

    def run_sync(self, item: Item) -> Result:
        # A bare lock, taken now and released by the leader, is the cheapest one-shot wake-up
        # CPython offers: one futex, where an Event is a condition variable and three locks.
        latch = _thread.allocate_lock()
        latch.acquire()
        ticket: _Ticket[Item, Result] = _Ticket(item, latch=latch)
        if self._enqueue(ticket):
            self._lead()
        latch.acquire()
        return ticket.outcome()

    async def run(self, item: Item) -> Result:
        ticket: _Ticket[Item, Result] = _Ticket(item)
        self._calls += 1
        if self._enqueue(ticket):
            if self.last_batch > 1 or self._calls % _YIELD_EVERY == 0:
                await asyncio.sleep(0)  # let the other ready tasks queue theirs first
            self._lead()
        while True:
            with self._lock:
                if ticket.done:
                    return ticket.outcome()
                if not self._leading:
                    self._leading = True
                    future = None
                else:
                    ticket.loop = asyncio.get_running_loop()
                    ticket.future = future = ticket.loop.create_future()
            if future is None:
                self._lead()
            else:
                await future

    def _enqueue(self, ticket: _Ticket[Item, Result]) -> bool:
        """Queue ``ticket``; True if the caller is to lead."""
        with self._lock:
            self._queue.append(ticket)
            if self._leading:
                return False
            self._leading = True
            return True

    def _lead(self) -> None:
        running = _running_loop()
        while True:
            with self._lock:
                batch, self._queue = self._queue, []
                if not batch:
                    self._leading = False
                    return
                self.last_batch = len(batch)
            try:
                results: Sequence[Result] | None = self._commit([t.item for t in batch])
                error: BaseException | None = None
            except BaseException as failure:
                results, error = None, failure
            with self._lock:
                for index, ticket in enumerate(batch):
                    ticket.done = True
                    ticket.error = error
                    ticket.result = None if results is None else results[index]
            for ticket in batch:
                ticket.wake(running)
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
