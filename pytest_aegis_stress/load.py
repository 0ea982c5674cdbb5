"""The load runner behind the ``stress`` fixture: closed loops, constant rates and ramps.

It never imports pytest: the fixture builds one per test and collects its results.
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

from pytest_aegis_stress.durations import parse_duration
from pytest_aegis_stress.loops import (
    Schedule,
    closed_loop,
    closed_loop_async,
    open_loop,
    open_loop_async,
)
from pytest_aegis_stress.resources import ResourceMonitor
from pytest_aegis_stress.results import StageResult, StressResult, set_latency
from pytest_aegis_stress.tally import Tally

__all__ = ["MODES", "Progress", "StressRunner"]

MODES = ("thread", "task", "process")
#: Ramp stages added past the schedule while looking for the knee.
MAX_EXTRA_STAGES = 12
Progress = Callable[[float, float, int, float], None]
"""``progress(elapsed_s, total_s, ops_completed, p95_ms)``, called about once a second."""


def _check_workers(workers: object) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be an int >= 1, got {workers!r}")
    return workers


def _check_rate(field: str, rate: object) -> float:
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
        raise ValueError(f"{field} must be a number of operations per second > 0, got {rate!r}")
    return float(rate)


def _process_worker(fn: Callable[[], Any], duration_ns: int) -> dict[str, Any]:
    start = time.perf_counter_ns()
    tally = Tally(start)
    if inspect.iscoroutinefunction(fn):
        asyncio.run(closed_loop_async(fn, tally, start + duration_ns, time.perf_counter_ns))
    else:
        closed_loop(fn, tally, start + duration_ns, time.perf_counter_ns)
    return tally.to_wire()


class StressRunner:
    """Drives callables under load and keeps every result it produced.

    ``name`` labels the results (the test's id); ``default_duration`` is used when a call
    gives none; ``on_result`` is told of each result as soon as it exists.
    """

    def __init__(
        self,
        name: str,
        default_duration: float,
        *,
        on_result: Callable[[StressResult], None] | None = None,
        progress: Progress | None = None,
        clock: Callable[[], int] = time.perf_counter_ns,
        sleep: Callable[[float], None] = time.sleep,
        monitor_interval: float = 0.1,
    ) -> None:
        self.name = name
        self.default_duration = default_duration
        self.results: list[StressResult] = []
        self._on_result = on_result
        self._progress = progress
        self._clock = clock
        self._sleep = sleep
        self._monitor_interval = monitor_interval

    # -- public API -------------------------------------------------------------------------

    def run(
        self,
        fn: Callable[[], Any],
        duration: float | str | None = None,
        workers: int = 1,
        mode: str = "thread",
        *,
        name: str | None = None,
    ) -> StressResult:
        """Closed loop: ``workers`` call ``fn`` back to back for ``duration`` seconds.

        ``mode`` is ``thread`` (one thread per worker), ``task`` (asyncio tasks on a loop the
        runner owns) or ``process`` (separate interpreters: real multi-core parallelism; ``fn``
        must then be picklable). A coroutine function always runs as tasks on the owned loop,
        except in process mode, where each process runs its own loop.
        """
        seconds = self._duration(duration)
        workers = _check_workers(workers)
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        is_async = inspect.iscoroutinefunction(fn)
        with self._measure(seconds) as monitor:
            origin = self._clock()
            if mode == "process":
                tallies = self._run_processes(fn, seconds, workers, origin)
            else:
                tallies = [Tally(origin) for _ in range(workers)]
                deadline = origin + int(seconds * 1e9)
                with self._ticking(seconds, tallies):
                    if mode == "task" or is_async:
                        self._in_own_loop(self._closed_tasks(fn, tallies, deadline, mode))
                    else:
                        self._in_threads(closed_loop, fn, tallies, deadline, self._clock)
            elapsed = (self._clock() - origin) / 1e9
        total = self._merge(tallies, origin)
        result = self._result(name, max(elapsed, seconds if mode == "process" else 0.0), total)
        result.workers, result.mode = workers, mode
        return self._finish(result, monitor)

    def constant_rate(
        self,
        fn: Callable[[], Any],
        rate: float,
        duration: float | str | None = None,
        *,
        workers: int = 1,
        name: str | None = None,
    ) -> StressResult:
        """Open loop: start ``fn`` ``rate`` times a second, on schedule, for ``duration``."""
        rate = _check_rate("rate", rate)
        seconds = self._duration(duration)
        with self._measure(seconds) as monitor:
            stage, tally, elapsed = self._stage(fn, rate, seconds, _check_workers(workers))
        result = self._result(name, elapsed, tally)
        self._fill_open_loop(result, [stage], workers)
        return self._finish(result, monitor)

    def ramp(
        self,
        fn: Callable[[], Any],
        start: float,
        step: float,
        every: float | str,
        duration: float | str | None = None,
        *,
        workers: int = 1,
        p95_bound: float | str | None = None,
        extend: bool = False,
        ceiling: float | None = None,
        name: str | None = None,
    ) -> StressResult:
        """Open loop at ``start`` ops/s, adding ``step`` every ``every`` seconds.

        With ``extend``, once the schedule is done and its last stage was sustained, the rate
        keeps doubling until a stage is not sustained or ``ceiling`` is passed, so that
        ``max_sustainable_rate`` is a real maximum rather than the top of the schedule.
        ``p95_bound`` (a duration such as ``"10ms"``) is the latency a sustained stage keeps.
        """
        first = _check_rate("start", start)
        increment = _check_rate("step", step) if step else 0.0
        stage_s = parse_duration(every, field="every")
        count = max(1, round(self._duration(duration) / stage_s))
        rates = [first + increment * k for k in range(count)]
        return self.stages(
            fn,
            rates,
            stage_s,
            workers=workers,
            p95_bound=p95_bound,
            extend=MAX_EXTRA_STAGES if extend else 0,
            ceiling=ceiling,
            name=name,
        )

    def stages(
        self,
        fn: Callable[[], Any],
        rates: list[float],
        every: float | str,
        *,
        workers: int = 1,
        p95_bound: float | str | None = None,
        extend: int = 0,
        ceiling: float | None = None,
        name: str | None = None,
    ) -> StressResult:
        """Open loop through any schedule: ``rates[k]`` ops/s for ``every`` seconds each.

        Bursts, recoveries and plateaus are schedules too. ``extend`` allows up to that many
        doubling stages after the last one while it is sustained (see :meth:`ramp`).
        """
        if not rates:
            raise ValueError("rates must list at least one stage")
        planned = [_check_rate("rates[]", rate) for rate in rates]
        stage_s = parse_duration(every, field="every")
        bound_ms = None if p95_bound is None else parse_duration(p95_bound, field="p95_bound") * 1e3
        workers = _check_workers(workers)
        most_stages = len(planned) + extend
        stages: list[StageResult] = []
        totals: list[Tally] = []
        elapsed = 0.0
        with self._measure(stage_s * len(planned)) as monitor:
            while planned:
                stage, tally, stage_elapsed = self._stage(fn, planned.pop(0), stage_s, workers)
                stages.append(stage)
                totals.append(tally)
                elapsed += stage_elapsed
                doubled = stage.offered_rate * 2
                if (
                    not planned
                    and len(stages) < most_stages
                    and stage.sustained(bound_ms)
                    and (ceiling is None or doubled <= ceiling)
                ):
                    planned.append(doubled)
        result = self._result(name, elapsed, self._merge(totals, totals[0].origin_ns))
        self._fill_open_loop(result, stages, workers)
        sustained = [s.offered_rate for s in stages if s.sustained(bound_ms)]
        result.max_sustainable_rate = max(sustained, default=0.0)
        return self._finish(result, monitor)

    # -- helpers ----------------------------------------------------------------------------

    def _duration(self, duration: float | str | None) -> float:
        if duration is None:
            return self.default_duration
        return parse_duration(duration)

    @contextmanager
    def _measure(self, seconds: float) -> Iterator[ResourceMonitor]:
        interval = max(self._monitor_interval, seconds / 2000)
        monitor = ResourceMonitor(interval).start()
        try:
            yield monitor
        finally:
            monitor.stop()

    @contextmanager
    def _ticking(self, total_s: float, tallies: list[Tally]) -> Iterator[None]:
        if self._progress is None:
            yield
            return
        progress, clock, stop = self._progress, self._clock, threading.Event()
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

    def _stage(
        self, fn: Callable[[], Any], rate: float, seconds: float, workers: int
    ) -> tuple[StageResult, Tally, float]:
        origin = self._clock()
        schedule = Schedule(origin, rate, int(seconds * 1e9))
        tallies = [Tally(origin, open_loop=True) for _ in range(workers)]
        with self._ticking(seconds, tallies):
            if inspect.iscoroutinefunction(fn):
                self._in_own_loop(self._open_tasks(fn, tallies, schedule))
            else:
                self._in_threads(open_loop, fn, tallies, schedule, self._clock, self._sleep)
        elapsed = max((self._clock() - origin) / 1e9, seconds)
        tally = self._merge(tallies, origin)
        assert tally.service is not None
        done = tally.completed + tally.failed
        stage = StageResult(
            offered_rate=rate,
            achieved_rate=tally.completed / elapsed,
            ops_completed=tally.completed,
            ops_failed=tally.failed,
            late_starts=tally.late,
            dropped_starts=max(schedule.planned - done, 0),
            p50_ms=tally.latency.percentile_ms(50),
            p95_ms=tally.latency.percentile_ms(95),
            p99_ms=tally.latency.percentile_ms(99),
            service_p95_ms=tally.service.percentile_ms(95),
        )
        return stage, tally, elapsed

    async def _closed_tasks(
        self, fn: Callable[[], Any], tallies: list[Tally], deadline: int, mode: str
    ) -> None:
        if inspect.iscoroutinefunction(fn):
            target = fn
        else:

            async def target() -> Any:
                return fn()

        await asyncio.gather(
            *(closed_loop_async(target, t, deadline, self._clock) for t in tallies)
        )

    async def _open_tasks(
        self, fn: Callable[[], Any], tallies: list[Tally], schedule: Schedule
    ) -> None:
        await asyncio.gather(*(open_loop_async(fn, t, schedule, self._clock) for t in tallies))

    @staticmethod
    def _in_own_loop(coroutine: Any) -> None:
        """Run on a loop the runner owns, in its own thread: a running test loop is no obstacle."""
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

    @staticmethod
    def _in_threads(
        loop: Callable[..., None], fn: Callable[[], Any], tallies: list[Tally], *args: Any
    ) -> None:
        threads = [
            threading.Thread(target=loop, args=(fn, tally, *args), name=f"stress-worker-{i}")
            for i, tally in enumerate(tallies)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _run_processes(
        self, fn: Callable[[], Any], seconds: float, workers: int, origin: int
    ) -> list[Tally]:
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

    @staticmethod
    def _merge(tallies: list[Tally], origin: int) -> Tally:
        total = Tally(origin, open_loop=tallies[0].service is not None)
        for tally in tallies:
            total.merge(tally)
        return total

    def _result(self, name: str | None, elapsed: float, tally: Tally) -> StressResult:
        result = StressResult(
            test_name=self.name if name is None else f"{self.name}::{name}",
            duration_s=elapsed,
            ops_completed=tally.completed,
            ops_failed=tally.failed,
            errors=tally.errors,
            throughput_series=tally.series,
            late_starts=tally.late,
        )
        set_latency(result, tally.latency)
        if tally.service is not None:
            result.service_p95_ms = tally.service.percentile_ms(95)
        return result

    @staticmethod
    def _fill_open_loop(result: StressResult, stages: list[StageResult], workers: int) -> None:
        result.stages = stages
        result.workers = workers
        result.mode = "open-loop"
        result.offered_rate = max(s.offered_rate for s in stages)
        result.dropped_starts = sum(s.dropped_starts for s in stages)

    def _finish(self, result: StressResult, monitor: ResourceMonitor) -> StressResult:
        summary = monitor.summary()
        result.avg_memory_mb = summary.avg_memory_mb
        result.peak_memory_mb = summary.peak_memory_mb
        result.memory_growth_mb = summary.memory_growth_mb
        result.memory_slope_mb_per_min = summary.memory_slope_mb_per_min
        result.avg_cpu_pct = summary.avg_cpu_pct
        self.results.append(result)
        if self._on_result is not None:
            self._on_result(result)
        return result
