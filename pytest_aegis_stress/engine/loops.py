"""The hot loops of closed-loop runs, and the precise wait that open-loop starts use.

Each loop reads the clock, calls the operation, and appends timestamps to its worker's
:class:`~pytest_aegis_stress.engine.recording.Buffer`; an exception from the operation is a
failed operation (its latency kept apart), never the end of the run. Clocks and sleeps are
parameters so that timing logic can be tested with a fake clock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from pytest_aegis_stress.engine.recording import Buffer

__all__ = [
    "SPIN_NS",
    "Clock",
    "closed_loop",
    "closed_loop_async",
    "wait_until",
]

Clock = Callable[[], int]
#: The last stretch before a start is spun on the clock, not slept: a sleep wakes 50–80 µs
#: late on an idle Linux machine (the timer slack), and ``sleep(0)`` costs as much; either
#: would be charged to the operation's latency. Not longer: spinning is CPU the operation
#: cannot use, and on a busy machine a sleep wakes milliseconds late, which no spin saves.
SPIN_NS = 120_000
#: Operations an async worker runs before it lets the other tasks have the loop.
_YIELD_EVERY = 32


def wait_until(
    due_ns: int,
    clock: Clock,
    sleep: Callable[[float], None],
    buffer: Buffer,
    spin_ns: int = SPIN_NS,
) -> int:
    """Return the clock at or just after ``due_ns``: sleep most of the way, spin the last
    ``spin_ns``. The spun time is harness CPU and is added to ``buffer.harness_ns``.

    While this thread's sleeps wake later than ``spin_ns`` anyway (a machine busier than
    its cores), spinning buys no precision and takes CPU the operation needs: it then
    sleeps all the way, and spins again once its sleeps are punctual.
    """
    now = clock()
    if now >= due_ns:
        return now
    spin = spin_ns if buffer.sleep_lag_ns <= spin_ns else 0
    if due_ns - now > spin:
        wake = due_ns - spin
        sleep((wake - now) / 1e9)
        now = clock()
        buffer.sleep_lag_ns += (max(now - wake, 0) - buffer.sleep_lag_ns) // 8
    spun_from = now
    while now < due_ns:
        now = clock()
    buffer.harness_ns += now - spun_from
    return now


def closed_loop(fn: Callable[[], object], buffer: Buffer, deadline_ns: int, clock: Clock) -> None:
    """Call ``fn`` back to back until ``deadline_ns``."""
    rows, flush_at = buffer.rows, buffer.flush_at
    while (start := clock()) < deadline_ns:
        try:
            fn()
        except Exception as error:
            buffer.fail(error, start, clock())
            rows = buffer.rows
            continue
        end = clock()
        rows.append(start)
        rows.append(end)
        if len(rows) >= flush_at:
            buffer.flush()
            rows = buffer.rows
    buffer.flush()


async def closed_loop_async(
    fn: Callable[[], Awaitable[object]], buffer: Buffer, deadline_ns: int, clock: Clock
) -> None:
    """:func:`closed_loop` for a coroutine function.

    A coroutine that never suspends would hold the event loop for the whole run, so the loop
    yields to the other worker tasks every ``_YIELD_EVERY`` operations.
    """
    rows, flush_at = buffer.rows, buffer.flush_at
    since_yield = 0
    while (start := clock()) < deadline_ns:
        try:
            await fn()
        except Exception as error:
            buffer.fail(error, start, clock())
            rows = buffer.rows
            continue
        end = clock()
        rows.append(start)
        rows.append(end)
        if len(rows) >= flush_at:
            buffer.flush()
            rows = buffer.rows
        since_yield += 1
        if since_yield >= _YIELD_EVERY:
            since_yield = 0
            await asyncio.sleep(0)
    buffer.flush()
