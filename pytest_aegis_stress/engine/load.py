"""The load runner behind the ``stress`` fixture: closed loops, constant rates and ramps.

It never imports pytest: the fixture builds one per test and collects its results.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from pytest_aegis_stress.engine.assemble import (
    add_resources,
    fill_open_loop,
    merge_tallies,
    result_from,
    stage_from,
)
from pytest_aegis_stress.engine.durations import parse_duration
from pytest_aegis_stress.engine.executors import (
    Progress,
    closed_tasks,
    open_tasks,
    run_in_own_loop,
    run_in_processes,
    run_in_threads,
    ticking,
)
from pytest_aegis_stress.engine.loops import Schedule, closed_loop, open_loop
from pytest_aegis_stress.engine.resources import ResourceMonitor
from pytest_aegis_stress.engine.results import StageResult, StressResult
from pytest_aegis_stress.engine.tally import Tally

__all__ = ["MODES", "Progress", "StressRunner"]

MODES = ("thread", "task", "process")
#: Ramp stages added past the schedule while looking for the knee.
MAX_EXTRA_STAGES = 12


def _check_workers(workers: object) -> int:
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be an int >= 1, got {workers!r}")
    return workers


def _check_rate(field: str, rate: object) -> float:
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
        raise ValueError(f"{field} must be a number of operations per second > 0, got {rate!r}")
    return float(rate)


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
                tallies = run_in_processes(fn, seconds, workers, origin)
            else:
                tallies = [Tally(origin) for _ in range(workers)]
                deadline = origin + int(seconds * 1e9)
                with ticking(self._progress, self._clock, seconds, tallies):
                    if mode == "task" or is_async:
                        run_in_own_loop(closed_tasks(fn, tallies, deadline, self._clock))
                    else:
                        run_in_threads(closed_loop, fn, tallies, deadline, self._clock)
            elapsed = (self._clock() - origin) / 1e9
        total = merge_tallies(tallies, origin)
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
        fill_open_loop(result, [stage], workers)
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
        result = self._result(name, elapsed, merge_tallies(totals, totals[0].origin_ns))
        fill_open_loop(result, stages, workers)
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

    def _stage(
        self, fn: Callable[[], Any], rate: float, seconds: float, workers: int
    ) -> tuple[StageResult, Tally, float]:
        origin = self._clock()
        schedule = Schedule(origin, rate, int(seconds * 1e9))
        tallies = [Tally(origin, open_loop=True) for _ in range(workers)]
        with ticking(self._progress, self._clock, seconds, tallies):
            if inspect.iscoroutinefunction(fn):
                run_in_own_loop(open_tasks(fn, tallies, schedule, self._clock))
            else:
                run_in_threads(open_loop, fn, tallies, schedule, self._clock, self._sleep)
        elapsed = max((self._clock() - origin) / 1e9, seconds)
        tally = merge_tallies(tallies, origin)
        stage = stage_from(rate, schedule.planned, elapsed, tally)
        return stage, tally, elapsed

    def _result(self, name: str | None, elapsed: float, tally: Tally) -> StressResult:
        return result_from(self.name if name is None else f"{self.name}::{name}", elapsed, tally)

    def _finish(self, result: StressResult, monitor: ResourceMonitor) -> StressResult:
        add_resources(result, monitor.summary())
        self.results.append(result)
        if self._on_result is not None:
            self._on_result(result)
        return result
