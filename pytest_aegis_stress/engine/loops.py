"""The hot loops: closed-loop workers and open-loop (scheduled) workers, sync and async.

Each loop reads the clock, calls the operation, and appends timestamps to its tally; an
exception from the operation is a failed operation, never the end of the run. Clocks and
sleeps are parameters so that pacing can be tested with a fake clock.
"""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Awaitable, Callable

from pytest_aegis_stress.engine.tally import Tally

__all__ = ["Schedule", "closed_loop", "closed_loop_async", "open_loop", "open_loop_async"]

Clock = Callable[[], int]
#: Waits longer than this sleep; shorter ones spin, since a sleep overshoots by ~0.1 ms.
_SPIN_BELOW_NS = 2_000_000
#: Operations an async worker runs before it lets the other tasks have the loop.
_YIELD_EVERY = 32


def closed_loop(fn: Callable[[], object], tally: Tally, deadline_ns: int, clock: Clock) -> None:
    """Call ``fn`` back to back until ``deadline_ns``."""
    buffer, flush_at = tally.buffer, tally.flush_at
    while (start := clock()) < deadline_ns:
        try:
            fn()
        except Exception as error:
            tally.fail(error)
            continue
        end = clock()
        buffer.append(start)
        buffer.append(end)
        if len(buffer) >= flush_at:
            tally.flush()
            buffer = tally.buffer


async def closed_loop_async(
    fn: Callable[[], Awaitable[object]], tally: Tally, deadline_ns: int, clock: Clock
) -> None:
    """:func:`closed_loop` for a coroutine function.

    A coroutine that never suspends would hold the event loop for the whole run, so the loop
    yields to the other worker tasks every ``_YIELD_EVERY`` operations.
    """
    buffer, flush_at = tally.buffer, tally.flush_at
    since_yield = 0
    while (start := clock()) < deadline_ns:
        try:
            await fn()
        except Exception as error:
            tally.fail(error)
            continue
        end = clock()
        buffer.append(start)
        buffer.append(end)
        if len(buffer) >= flush_at:
            tally.flush()
            buffer = tally.buffer
        since_yield += 1
        if since_yield >= _YIELD_EVERY:
            since_yield = 0
            await asyncio.sleep(0)


class Schedule:
    """Intended start times ``start + i / rate`` shared by the workers of one open-loop run."""

    def __init__(self, start_ns: int, rate: float, duration_ns: int) -> None:
        self.start_ns = start_ns
        self.interval_ns = 1e9 / rate
        self.end_ns = start_ns + duration_ns
        self.planned = int(duration_ns * rate / 1e9)
        self._counter = itertools.count()
        self._lock = threading.Lock()

    def next_start(self) -> int | None:
        """The next unclaimed intended start, or None once the schedule is exhausted."""
        with self._lock:
            index = next(self._counter)
        if index >= self.planned:
            return None
        return self.start_ns + int(index * self.interval_ns)


def open_loop(
    fn: Callable[[], object],
    tally: Tally,
    schedule: Schedule,
    clock: Clock,
    sleep: Callable[[float], None] = time.sleep,
    *,
    late_after_ns: int = 1_000_000,
) -> None:
    """Start ``fn`` at each intended time; stop at the end of the schedule's window."""
    buffer, flush_at = tally.buffer, tally.flush_at
    while (intended := schedule.next_start()) is not None:
        now = clock()
        if now >= schedule.end_ns:
            return  # the rest of the schedule is dropped: it could not start in time
        while now < intended:
            remaining = intended - now
            sleep((remaining - _SPIN_BELOW_NS) / 1e9 if remaining > _SPIN_BELOW_NS else 0)
            now = clock()
        if now - intended > late_after_ns:
            tally.late += 1
        try:
            fn()
        except Exception as error:
            tally.fail(error)
            continue
        end = clock()
        buffer.append(intended)
        buffer.append(now)
        buffer.append(end)
        if len(buffer) >= flush_at:
            tally.flush()
            buffer = tally.buffer


async def open_loop_async(
    fn: Callable[[], Awaitable[object]],
    tally: Tally,
    schedule: Schedule,
    clock: Clock,
    late_after_ns: int = 1_000_000,
) -> None:
    """:func:`open_loop` for a coroutine function, waiting with the event loop."""
    buffer, flush_at = tally.buffer, tally.flush_at
    while (intended := schedule.next_start()) is not None:
        now = clock()
        if now >= schedule.end_ns:
            return
        while now < intended:
            remaining = intended - now
            await asyncio.sleep(
                (remaining - _SPIN_BELOW_NS) / 1e9 if remaining > _SPIN_BELOW_NS else 0
            )
            now = clock()
        if now - intended > late_after_ns:
            tally.late += 1
        try:
            await fn()
        except Exception as error:
            tally.fail(error)
            continue
        end = clock()
        buffer.append(intended)
        buffer.append(now)
        buffer.append(end)
        if len(buffer) >= flush_at:
            tally.flush()
            buffer = tally.buffer
