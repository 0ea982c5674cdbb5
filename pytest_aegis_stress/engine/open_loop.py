"""One open-loop segment: a schedule run to its end on a thread pool or on tasks, drained.

:class:`~pytest_aegis_stress.engine.load.StressRunner` strings segments together (a ramp's
planned stages are one segment; each doubling stage that looks for the knee is another).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from pytest_aegis_stress.engine.arguments import OpenLoopOptions
from pytest_aegis_stress.engine.executors import Progress, run_in_own_loop, ticking
from pytest_aegis_stress.engine.loops import Clock
from pytest_aegis_stress.engine.open_tasks import open_tasks
from pytest_aegis_stress.engine.open_threads import OpenThreads
from pytest_aegis_stress.engine.recording import Recording
from pytest_aegis_stress.engine.schedule import Schedule

__all__ = ["run_segment", "start_pool"]


def start_pool(
    fn: Callable[[], Any],
    schedule: Schedule,
    recording: Recording,
    options: OpenLoopOptions,
    *,
    clock: Clock,
    sleep: Callable[[float], None],
    spin_ns: int,
) -> OpenThreads | None:
    """A started thread pool for a plain callable (None for a coroutine function)."""
    if inspect.iscoroutinefunction(fn):
        return None
    window_s = schedule.stage_ns * schedule.stages / 1e9
    pool = OpenThreads(
        fn,
        schedule,
        recording,
        clock,
        sleep,
        workers=options.workers,
        max_workers=options.max_workers,
        grace_ns=options.grace_ns(window_s),
        spin_ns=spin_ns,
    )
    pool.start_workers()
    return pool


def run_segment(
    fn: Callable[[], Any],
    schedule: Schedule,
    recording: Recording,
    options: OpenLoopOptions,
    pool: OpenThreads | None,
    *,
    clock: Clock,
    sleep: Callable[[float], None],
    spin_ns: int,
    progress: Progress | None,
) -> tuple[float, int, Callable[[], None]]:
    """Run one schedule to its end and drain it. Return the window's length (calls are
    counted for the window their arrivals were offered in, as a stage's achieved rate
    is: time spent draining a queue shows in latency and dropped starts, not as a
    longer run), the peak workers or tasks, and a function that folds the workers'
    last rows."""
    window_s = schedule.stage_ns * schedule.stages / 1e9
    # The pool or the dispatcher opens the window (moves the schedule to start) once
    # its threads are running.
    with ticking(progress, clock, window_s, recording):
        if pool is None:
            buffer, dispatch_ns = run_in_own_loop(
                open_tasks(
                    fn,
                    schedule,
                    recording,
                    clock,
                    sleep,
                    max_in_flight=options.max_in_flight,
                    grace_ns=options.grace_ns(window_s),
                    spin_ns=spin_ns,
                )
            )
            recording.harness_ns += buffer.harness_ns + dispatch_ns
            used = recording.peak_concurrency

            def leftover() -> None:
                recording.fold(buffer.take())

        else:
            pool.run()
            recording.harness_ns += pool.harness_cpu_ns
            used = pool.workers
            leftover = pool.fold_remaining
    return window_s, used, leftover
