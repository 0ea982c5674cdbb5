"""Open loop for coroutine functions: one task per arrival, up to ``max_in_flight``.

A dispatcher thread waits for each arrival's time — sleeping, then spinning the last stretch,
as the thread pool's leader does — and hands it to the event loop, which starts a task for
it; a slow coroutine never delays the next start (k6's arrival-rate executors do the same
with virtual users). The waiting is done off the loop because the loop's own timers wake
up to a millisecond late, and polling the loop instead would keep a CPU busy.

When ``max_in_flight`` tasks are running, the arrival waits for one to finish — still
measured from its intended start — and each such wait counts as ``insufficient_concurrency``.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable

from pytest_aegis_stress.engine.loops import SPIN_NS, Clock, wait_until
from pytest_aegis_stress.engine.recording import Buffer, Recording
from pytest_aegis_stress.engine.schedule import Schedule

__all__ = ["DEFAULT_MAX_IN_FLIGHT", "open_tasks"]

#: Tasks in flight at once unless the caller says otherwise.
DEFAULT_MAX_IN_FLIGHT = 10_000


class _Run:
    """One run's state, shared by the dispatcher thread and the event loop."""

    def __init__(
        self,
        fn: Callable[[], Awaitable[object]],
        recording: Recording,
        clock: Clock,
        max_in_flight: int,
    ) -> None:
        self.fn = fn
        self.recording = recording
        self.clock = clock
        self.loop = asyncio.get_running_loop()
        self.buffer = Buffer(recording)
        self.timing = Buffer(recording)  # the dispatcher's: only its spin time is used
        self.room = threading.Semaphore(max_in_flight)
        self.tasks: set[asyncio.Task[None]] = set()
        self.dispatched: asyncio.Future[None] = self.loop.create_future()
        #: Set when the loop side is done (normally or not): the dispatcher stops.
        self.stopped = False
        self.failure: BaseException | None = None

    async def one(self, intended: int) -> None:
        """One arrival's call, measured from its intended start."""
        clock, buffer = self.clock, self.buffer
        start = clock()
        try:
            await self.fn()
        except Exception as error:
            buffer.fail(error, intended, start, clock())
        except BaseException as error:  # not a failed call: the end of the run
            self.abort(error)
        else:
            end = clock()
            rows = buffer.rows
            rows.append(intended)
            rows.append(start)
            rows.append(end)
            if len(rows) >= buffer.flush_at:
                buffer.flush()
        finally:
            self.room.release()

    def launch(self, intended: int) -> None:
        task = self.loop.create_task(self.one(intended))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        self.recording.peak_concurrency = max(self.recording.peak_concurrency, len(self.tasks))

    def abort(self, error: BaseException) -> None:
        """End the run with ``error`` (raised by open_tasks once the loop side stops)."""
        self.stopped = True
        if self.failure is None:
            self.failure = error
        if not self.dispatched.done():
            self.dispatched.set_exception(error)

    def settle(self, error: BaseException | None) -> None:
        if self.dispatched.done():
            return
        if error is None:
            self.dispatched.set_result(None)
        else:
            self.dispatched.set_exception(error)


async def open_tasks(
    fn: Callable[[], Awaitable[object]],
    schedule: Schedule,
    recording: Recording,
    clock: Clock,
    sleep: Callable[[float], None],
    *,
    max_in_flight: int,
    grace_ns: int,
    spin_ns: int = SPIN_NS,
) -> tuple[Buffer, int]:
    """Run the schedule. Return the tasks' buffer, still holding its last rows (for the
    caller to fold after its window), and the dispatcher's harness time in ns."""
    run = _Run(fn, recording, clock, max_in_flight)

    def dispatch() -> None:
        failure: BaseException | None = None
        try:
            # The window opens now, with the loop and this thread running: their start-up
            # is not charged to the first arrivals.
            origin = recording.origin_ns = clock()
            schedule.begin(origin)
            deadline = schedule.end_ns + grace_ns
            index = 0
            while (intended := schedule.intended(index)) is not None and not run.stopped:
                if clock() > deadline:
                    recording.unserved_at(index, deadline)
                    break
                wait_until(intended, clock, sleep, run.timing, spin_ns)
                if not run.room.acquire(blocking=False):
                    recording.insufficient_concurrency += 1
                    run.room.acquire()
                run.loop.call_soon_threadsafe(run.launch, intended)
                index += 1
        except BaseException as error:  # handed to the loop, which re-raises it
            failure = error
        with contextlib.suppress(RuntimeError):  # the loop is gone if the run ended early
            run.loop.call_soon_threadsafe(run.settle, failure)

    dispatcher = threading.Thread(target=dispatch, name="stress-dispatch")
    dispatcher.start()
    try:
        await run.dispatched
        while run.tasks:
            await asyncio.gather(*run.tasks)
        if run.failure is not None:
            raise run.failure
    finally:
        # Normally the dispatcher is done; after an operation raised something that is not
        # an Exception (pytest.fail, KeyboardInterrupt), it is told to stop, and a wait for
        # a free slot is released.
        run.stopped = True
        run.room.release()
        dispatcher.join()
    return run.buffer, run.timing.harness_ns
