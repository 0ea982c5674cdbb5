"""The load runner behind the ``stress`` fixture: closed loops, constant rates and ramps.

It never imports pytest: the fixture builds one per test and collects its results.

Open-loop runs follow a schedule of arrivals (see :mod:`~pytest_aegis_stress.engine.schedule`)
and measure each operation from its *intended* start. Concurrency is explicit, as in k6's
arrival-rate executors: a coroutine function gets one task per arrival, up to
``max_in_flight`` (10,000 unless given); a plain callable gets a pool of ``workers`` threads
that grows to ``max_workers`` — by default ``workers``, as k6's ``maxVUs`` defaults to its
``preAllocatedVUs``, because a plain callable is not known to be thread-safe. When arrivals
wait because every worker is blocked (not computing) at the cap, the result counts them as
``insufficient_concurrency`` and the terminal says so.

Arrivals still queued when the window closes are served during a grace period (by default
the larger of 1 s and a tenth of the window, at most 30 s) and measured as usual; any still
waiting after it enter the latency histogram at their age when the grace ran out and are
counted as ``dropped_starts``, so a stall at any point of a window shows in the
percentiles. Histograms are allocated before the measured window and merged after it.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from pytest_aegis_stress.engine.arguments import OpenLoopOptions, check_count, check_rate
from pytest_aegis_stress.engine.assemble import add_resources, result_from, stages_from
from pytest_aegis_stress.engine.durations import parse_duration
from pytest_aegis_stress.engine.executors import (
    Progress,
    closed_tasks,
    run_in_own_loop,
    run_in_processes,
    run_in_threads,
    ticking,
)
from pytest_aegis_stress.engine.loops import SPIN_NS
from pytest_aegis_stress.engine.open_loop import run_segment, start_pool
from pytest_aegis_stress.engine.open_tasks import DEFAULT_MAX_IN_FLIGHT
from pytest_aegis_stress.engine.open_threads import OpenThreads
from pytest_aegis_stress.engine.recording import Buffer, Recording
from pytest_aegis_stress.engine.resources import ResourceMonitor
from pytest_aegis_stress.engine.results import StressResult
from pytest_aegis_stress.engine.schedule import Schedule
from pytest_aegis_stress.engine.warmup import warm_up

__all__ = ["DEFAULT_MAX_IN_FLIGHT", "MODES", "Progress", "StressRunner"]

MODES = ("thread", "task", "process")
#: Ramp stages added past the schedule while looking for the knee.
MAX_EXTRA_STAGES = 12


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
        spin_ns: int = SPIN_NS,
    ) -> None:
        self.name = name
        self.default_duration = default_duration
        self.results: list[StressResult] = []
        self._on_result = on_result
        self._progress = progress
        self._clock = clock
        self._sleep = sleep
        self._monitor_interval = monitor_interval
        self._spin_ns = spin_ns

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
        except in process mode, where each process runs its own loop; the result's ``mode``
        says which ran.
        """
        seconds = self._duration(duration)
        workers = check_count("workers", workers)
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        if mode == "thread" and inspect.iscoroutinefunction(fn):
            mode = "task"
        recording = Recording(0)
        buffers = [Buffer(recording) for _ in range(workers)]
        with self._measure(seconds) as monitor:
            origin = recording.origin_ns = self._clock()
            if mode == "process":
                run_in_processes(fn, seconds, workers, recording)
            else:
                deadline = origin + int(seconds * 1e9)
                with ticking(self._progress, self._clock, seconds, recording):
                    if mode == "task":
                        run_in_own_loop(closed_tasks(fn, buffers, deadline, self._clock))
                    else:
                        run_in_threads(fn, buffers, deadline, self._clock)
            elapsed = (self._clock() - origin) / 1e9
        recording.harness_ns = sum(b.harness_ns for b in buffers)
        result = self._result(
            name, max(elapsed, seconds if mode == "process" else 0.0), [recording]
        )
        result.workers, result.mode = workers, mode
        return self._finish(result, monitor)

    def constant_rate(
        self,
        fn: Callable[[], Any],
        rate: float,
        duration: float | str | None = None,
        *,
        workers: int = 1,
        max_workers: int | None = None,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        late_after: float | str = "1ms",
        grace: float | str | None = None,
        name: str | None = None,
    ) -> StressResult:
        """Open loop: start ``fn`` ``rate`` times a second, on schedule, for ``duration``.

        A coroutine function gets one task per arrival, up to ``max_in_flight``; a plain
        callable a pool of ``workers`` threads growing to ``max_workers`` (default: no
        growth; pass e.g. ``max_workers=64`` for a blocking, thread-safe callable). A start
        more than ``late_after`` behind its intended time is late. Arrivals queued at the
        window's end are served for up to ``grace`` (see the module's notes), then measured
        at their age.
        """
        options = OpenLoopOptions.of(workers, max_workers, max_in_flight, late_after, grace)
        seconds = self._duration(duration)
        rate = check_rate("rate", rate)
        return self._open_loop(fn, [rate], seconds, options, name=name)

    def ramp(
        self,
        fn: Callable[[], Any],
        start: float,
        step: float,
        every: float | str,
        duration: float | str | None = None,
        *,
        workers: int = 1,
        max_workers: int | None = None,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        late_after: float | str = "1ms",
        grace: float | str | None = None,
        p95_bound: float | str | None = None,
        extend: bool = False,
        ceiling: float | None = None,
        name: str | None = None,
    ) -> StressResult:
        """Open loop at ``start`` ops/s, adding ``step`` every ``every`` seconds.

        The stages share one schedule, so a backlog built in one stage delays the next.
        ``max_sustainable_rate`` is the highest offered rate of a sustainable stage (see
        :func:`~pytest_aegis_stress.engine.sustain.sustainable`); ``p95_bound`` (a duration
        such as ``"10ms"``) is the latency a sustainable stage keeps. With ``extend``, once the
        schedule is done and its last stage was sustainable, the rate keeps doubling until a
        stage is not or ``ceiling`` is passed, so that ``max_sustainable_rate`` is a real
        maximum rather than the top of the schedule. The other parameters are
        :meth:`constant_rate`'s.
        """
        first = check_rate("start", start)
        increment = check_rate("step", step) if step else 0.0
        stage_s = parse_duration(every, field="every")
        count = max(1, round(self._duration(duration) / stage_s))
        return self.stages(
            fn,
            [first + increment * k for k in range(count)],
            stage_s,
            workers=workers,
            max_workers=max_workers,
            max_in_flight=max_in_flight,
            late_after=late_after,
            grace=grace,
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
        max_workers: int | None = None,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        late_after: float | str = "1ms",
        grace: float | str | None = None,
        p95_bound: float | str | None = None,
        extend: int = 0,
        ceiling: float | None = None,
        name: str | None = None,
    ) -> StressResult:
        """Open loop through any schedule: ``rates[k]`` ops/s for ``every`` seconds each.

        Bursts, recoveries and plateaus are schedules too. ``extend`` allows up to that many
        doubling stages after the last one while it is sustainable (see :meth:`ramp`); each
        runs as a window of its own once the previous one drained, which is sound because it
        follows a sustainable stage, whose queue was empty.
        """
        if not rates:
            raise ValueError("rates must list at least one stage")
        planned = [check_rate("rates[]", rate) for rate in rates]
        options = OpenLoopOptions.of(workers, max_workers, max_in_flight, late_after, grace)
        stage_s = parse_duration(every, field="every")
        bound_ms = None if p95_bound is None else parse_duration(p95_bound, field="p95_bound") * 1e3
        return self._open_loop(
            fn,
            planned,
            stage_s,
            options,
            name=name,
            bound_ms=bound_ms,
            extend=extend,
            ceiling=ceiling,
        )

    # -- helpers ----------------------------------------------------------------------------

    def _duration(self, duration: float | str | None) -> float:
        if duration is None:
            return self.default_duration
        return parse_duration(duration)

    @contextmanager
    def _measure(self, seconds: float) -> Iterator[ResourceMonitor]:
        warm_up()
        interval = max(self._monitor_interval, seconds / 2000)
        monitor = ResourceMonitor(interval).start()
        try:
            yield monitor
        finally:
            monitor.stop()

    def _open_loop(
        self,
        fn: Callable[[], Any],
        rates: list[float],
        stage_s: float,
        options: OpenLoopOptions,
        *,
        name: str | None,
        bound_ms: float | None = None,
        extend: int = 0,
        ceiling: float | None = None,
    ) -> StressResult:
        stage_ns = int(stage_s * 1e9)
        segment = Schedule(0, rates, stage_ns)
        recording = Recording(0, schedule=segment, late_after_ns=options.late_after_ns)
        segments: list[tuple[Schedule, Recording]] = []
        leftovers: list[Callable[[], None]] = []
        workers = 0
        elapsed = 0.0
        pool = self._start_pool(fn, segment, recording, options)  # threads start before the window
        with self._measure(stage_s * len(rates)) as monitor:
            while True:
                seconds, used, leftover = run_segment(
                    fn,
                    segment,
                    recording,
                    options,
                    pool,
                    clock=self._clock,
                    sleep=self._sleep,
                    spin_ns=self._spin_ns,
                    progress=self._progress,
                )
                segments.append((segment, recording))
                leftovers.append(leftover)
                elapsed += seconds
                workers = max(workers, used)
                if extend <= 0:
                    break
                leftover()
                last = stages_from(recording, segment)[-1]
                doubled = last.offered_rate * 2
                if not last.sustained(bound_ms) or (ceiling is not None and doubled > ceiling):
                    break
                extend -= 1
                segment = Schedule(0, [doubled], stage_ns)
                recording = Recording(0, schedule=segment, late_after_ns=options.late_after_ns)
                pool = self._start_pool(fn, segment, recording, options)
        for leftover in leftovers:  # after the window: folding allocates
            leftover()
        stages = [s for schedule, rec in segments for s in stages_from(rec, schedule)]
        result = self._result(name, elapsed, [rec for _, rec in segments])
        result.stages = stages
        result.workers = workers
        result.mode = "open-loop"
        result.offered_rate = max(s.offered_rate for s in stages)
        result.max_sustainable_rate = max(
            (s.offered_rate for s in stages if s.sustained(bound_ms)), default=0.0
        )
        return self._finish(result, monitor)

    def _start_pool(
        self,
        fn: Callable[[], Any],
        schedule: Schedule,
        recording: Recording,
        options: OpenLoopOptions,
    ) -> OpenThreads | None:
        return start_pool(
            fn,
            schedule,
            recording,
            options,
            clock=self._clock,
            sleep=self._sleep,
            spin_ns=self._spin_ns,
        )

    def _result(
        self, name: str | None, elapsed: float, recordings: list[Recording]
    ) -> StressResult:
        return result_from(
            self.name if name is None else f"{self.name}::{name}", elapsed, recordings
        )

    def _finish(self, result: StressResult, monitor: ResourceMonitor) -> StressResult:
        add_resources(result, monitor.summary())
        self.results.append(result)
        if self._on_result is not None:
            self._on_result(result)
        return result
