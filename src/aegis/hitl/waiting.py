"""Waiting for a decision: woken by its answer or expiry, on the queue's own clock.

The wait and the deadline are measured on the same clock, the queue's. With the default
clock that is the clock asyncio sleeps on, so the task sleeps exactly until whichever comes
first. An injected clock can only be read: the task then reads it every
:data:`~aegis.hitl.expiry.POLL_SECONDS`. Either way the wait never outlasts ``timeout``
real seconds either, so a stopped fake clock cannot hang a waiter, and the error states
how long it waited on each clock.
"""

from __future__ import annotations

import asyncio
import time

from aegis.hitl.book import DecisionBook
from aegis.hitl.clock import QueueClock
from aegis.hitl.expiry import POLL_SECONDS
from aegis.hitl.model import Decision

__all__ = ["wait_until_settled"]


async def wait_until_settled(
    book: DecisionBook,
    key: str,
    seconds: float,
    clock: QueueClock,
    *,
    exact: bool,
) -> Decision:
    """The decision once settled; ``TimeoutError`` after ``seconds`` (see the module)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Decision] = loop.create_future()
    start_real, start_clock = time.monotonic(), clock.peek()
    decision, watching = book.watch(key, loop, future)
    if not watching:
        return decision
    try:
        while True:
            waited_real, now = time.monotonic() - start_real, clock.peek()
            waited_clock = now - start_clock
            left = seconds - max(waited_real, waited_clock)
            if left <= 0:
                break
            chunk = min(left, decision.expires_at - now)
            if not exact or chunk <= 0:  # an injected clock is read, not waited on
                chunk = min(left, POLL_SECONDS, chunk) if chunk > 0 else min(left, POLL_SECONDS)
            await asyncio.wait((future,), timeout=chunk)
            if future.done():
                return future.result()
            try:
                decision = book.status(key)  # expires it if its time has come
            except KeyError:  # settled and pruned at once: the wake-up is on its way
                return await asyncio.wait_for(future, POLL_SECONDS)
            if not decision.pending:
                return decision
    finally:
        book.unwatch(key, future)
        if not future.done():
            future.cancel()
    raise TimeoutError(
        f"decision {key!r} still pending after {seconds:g}s (waited {waited_real:.3f}s of "
        f"real time and {waited_clock:.3f}s on the queue's clock, which reads {now:g}; "
        f"the decision expires at {decision.expires_at:g})"
    )
