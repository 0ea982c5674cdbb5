"""Where the worker loops run: threads, an event loop of the runner's own, or processes.

Each executor starts one worker per :class:`~pytest_aegis_stress.engine.tally.Tally` and returns
once every worker has finished; the loops themselves live in
:mod:`pytest_aegis_stress.engine.loops`.
"""

from __future__ import annotations

import asyncio
import inspect
import pickle
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from typing import Any

from pytest_aegis_stress.engine.loops import (
    Schedule,
    closed_loop,
    closed_loop_async,
    open_loop_async,
)
from pytest_aegis_stress.engine.tally import Tally

__all__ = [
    "Progress",
    "closed_tasks",
    "open_tasks",
    "run_in_own_loop",
    "run_in_processes",
    "run_in_threads",
    "ticking",
]

Progress = Callable[[float, float, int, float], None]
"""``progress(elapsed_s, total_s, ops_completed, p95_ms)``, called about once a second."""


def run_in_own_loop(coroutine: Any) -> None:
    """Run on a loop of its own, in its own thread: a running test loop is no obstacle."""
    failure: list[BaseException] = []

    def main() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as error:
            failure.append(error)

    thread = threading.Thread(target=main, name="stress-loop")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def run_in_threads(
    loop: Callable[..., None], fn: Callable[[], Any], tallies: list[Tally], *args: Any
) -> None:
    """``loop(fn, tally, *args)`` in one thread per tally."""
    threads = [
        threading.Thread(target=loop, args=(fn, tally, *args), name=f"stress-worker-{i}")
        for i, tally in enumerate(tallies)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


async def closed_tasks(
    fn: Callable[[], Any], tallies: list[Tally], deadline: int, clock: Callable[[], int]
) -> None:
    """One closed-loop task per tally; a plain function is called from the tasks."""
    if inspect.iscoroutinefunction(fn):
        target = fn
    else:

        async def target() -> Any:
            return fn()

    await asyncio.gather(*(closed_loop_async(target, t, deadline, clock) for t in tallies))


async def open_tasks(
    fn: Callable[[], Any], tallies: list[Tally], schedule: Schedule, clock: Callable[[], int]
) -> None:
    """One open-loop task per tally, sharing ``schedule``."""
    await asyncio.gather(*(open_loop_async(fn, t, schedule, clock) for t in tallies))


def _process_worker(fn: Callable[[], Any], duration_ns: int) -> dict[str, Any]:
    start = time.perf_counter_ns()
    tally = Tally(start)
    if inspect.iscoroutinefunction(fn):
        asyncio.run(closed_loop_async(fn, tally, start + duration_ns, time.perf_counter_ns))
    else:
        closed_loop(fn, tally, start + duration_ns, time.perf_counter_ns)
    return tally.to_wire()


def run_in_processes(
    fn: Callable[[], Any], seconds: float, workers: int, origin: int
) -> list[Tally]:
    """Closed loops in ``workers`` fresh interpreters (spawned: no state leaks in by fork)."""
    try:
        pickle.dumps(fn)
    except Exception as error:
        raise TypeError(
            f"mode='process' needs a picklable callable such as a module-level function, "
            f"got {fn!r}: {error}"
        ) from error
    context = get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(_process_worker, fn, int(seconds * 1e9)) for _ in range(workers)]
        return [Tally.from_wire(origin, future.result()) for future in futures]


@contextmanager
def ticking(
    progress: Progress | None, clock: Callable[[], int], total_s: float, tallies: list[Tally]
) -> Iterator[None]:
    """Report ``tallies`` to ``progress`` about once a second while the block runs."""
    if progress is None:
        yield
        return
    stop = threading.Event()
    started = clock()

    def tick() -> None:
        while not stop.wait(1.0):
            ops = sum(t.completed + t.pending() for t in tallies)
            p95 = max((t.latency.percentile_ms(95) for t in tallies), default=0.0)
            progress((clock() - started) / 1e9, total_s, ops, p95)

    ticker = threading.Thread(target=tick, name="stress-progress", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        stop.set()
        ticker.join()
