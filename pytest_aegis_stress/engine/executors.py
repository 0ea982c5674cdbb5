"""Where the worker loops run: threads, an event loop of the runner's own, or processes.

Each executor starts one closed-loop worker per buffer and returns once every worker has
finished; the loops live in :mod:`pytest_aegis_stress.engine.loops`, the open-loop pools in
:mod:`~pytest_aegis_stress.engine.open_threads` and :mod:`~pytest_aegis_stress.engine.open_tasks`.
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

from pytest_aegis_stress.engine.loops import closed_loop, closed_loop_async
from pytest_aegis_stress.engine.recording import Buffer, Recording

__all__ = [
    "Progress",
    "closed_tasks",
    "run_in_own_loop",
    "run_in_processes",
    "run_in_threads",
    "ticking",
]

Progress = Callable[[float, float, int, float], None]
"""``progress(elapsed_s, total_s, ops_completed, p95_ms)``, called about once a second."""


def run_in_own_loop(coroutine: Any) -> Any:
    """Run on a loop of its own, in its own thread: a running test loop is no obstacle."""
    failure: list[BaseException] = []
    answer: list[Any] = []

    def main() -> None:
        try:
            answer.append(asyncio.run(coroutine))
        except BaseException as error:
            failure.append(error)

    thread = threading.Thread(target=main, name="stress-loop")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return answer[0]


def run_in_threads(
    fn: Callable[[], Any], buffers: list[Buffer], deadline: int, clock: Callable[[], int]
) -> None:
    """A closed loop per buffer, each in its own thread."""
    threads = [
        threading.Thread(
            target=closed_loop, args=(fn, buffer, deadline, clock), name=f"stress-worker-{i}"
        )
        for i, buffer in enumerate(buffers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


async def closed_tasks(
    fn: Callable[[], Any], buffers: list[Buffer], deadline: int, clock: Callable[[], int]
) -> None:
    """One closed-loop task per buffer; a plain function is called from the tasks."""
    if inspect.iscoroutinefunction(fn):
        target = fn
    else:

        async def target() -> Any:
            return fn()

    await asyncio.gather(*(closed_loop_async(target, b, deadline, clock) for b in buffers))


def _process_worker(fn: Callable[[], Any], duration_ns: int) -> dict[str, Any]:
    start = time.perf_counter_ns()
    recording = Recording(start)
    buffer = Buffer(recording)
    if inspect.iscoroutinefunction(fn):
        asyncio.run(closed_loop_async(fn, buffer, start + duration_ns, time.perf_counter_ns))
    else:
        closed_loop(fn, buffer, start + duration_ns, time.perf_counter_ns)
    return recording.to_wire()


def run_in_processes(
    fn: Callable[[], Any], seconds: float, workers: int, recording: Recording
) -> None:
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
        wires = [future.result() for future in futures]
    for wire in wires:
        recording.absorb(wire)


@contextmanager
def ticking(
    progress: Progress | None, clock: Callable[[], int], total_s: float, recording: Recording
) -> Iterator[None]:
    """Report ``recording`` to ``progress`` about once a second while the block runs."""
    if progress is None:
        yield
        return
    stop = threading.Event()
    started = clock()

    def tick() -> None:
        while not stop.wait(1.0):
            ops = sum(recording.series)
            progress((clock() - started) / 1e9, total_s, ops, recording.latest_p95_ms())

    ticker = threading.Thread(target=tick, name="stress-progress", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        stop.set()
        ticker.join()
