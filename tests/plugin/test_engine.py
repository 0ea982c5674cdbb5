"""The measurement engine against experiments whose true answers are known.

A fake clock makes the server exact: it advances only when the operation works or the
harness sleeps, so a run of a "500 µs operation" is a single server of exactly 2,000/s and
the percentiles of a stall can be computed by hand. Reads of the clock cost nothing and
sleeps land on time, so the harness adds nothing either (``spin_ns=0``).
"""

from __future__ import annotations

import math
import re
import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_aegis_stress.engine.histogram import LatencyHistogram
from pytest_aegis_stress.engine.load import StressRunner
from pytest_aegis_stress.engine.loops import wait_until
from pytest_aegis_stress.engine.recording import Buffer, Recording
from pytest_aegis_stress.engine.results import StageResult
from pytest_aegis_stress.engine.schedule import Schedule
from pytest_aegis_stress.engine.sustain import MAX_LATE_SHARE, sustainable

MS = 1_000_000


class ExactClock:
    """Nanoseconds that move only when the code under test works or sleeps."""

    def __init__(self, start: int = 10**12) -> None:
        self.now = start
        self.lock = threading.Lock()

    def __call__(self) -> int:
        return self.now

    def advance(self, ns: int) -> None:
        with self.lock:
            self.now += ns

    def sleep(self, seconds: float) -> None:
        self.advance(max(math.ceil(seconds * 1e9), 1))


def _runner(clock: ExactClock) -> StressRunner:
    return StressRunner("known", 1.0, clock=clock, sleep=clock.sleep, spin_ns=0)


class Server:
    """One exact server: each call takes ``service_ns``; the ``stall_at``-th call from
    ``stall_from_ns`` on takes ``stall_ns`` more; every ``fail_every``-th call raises."""

    def __init__(
        self,
        clock: ExactClock,
        service_ns: int,
        *,
        stall_from_ns: int | None = None,
        stall_ns: int = 0,
        fail_every: int = 0,
    ) -> None:
        self.clock = clock
        self.service_ns = service_ns
        self.stall_at = None if stall_from_ns is None else clock() + stall_from_ns
        self.stall_ns = stall_ns
        self.fail_every = fail_every
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1
        self.clock.advance(self.service_ns)
        if self.stall_at is not None and self.clock() >= self.stall_at:
            self.stall_at = None
            self.clock.advance(self.stall_ns)
        if self.fail_every and self.calls % self.fail_every == 0:
            raise RuntimeError("refused")


# -- the schedule -------------------------------------------------------------------------------


def test_a_schedule_spans_its_stages_without_restarting() -> None:
    schedule = Schedule(0, [1000, 2000], 1_000_000_000)
    assert schedule.planned == 3000
    assert schedule.intended(999) == 999 * MS
    assert schedule.intended(1000) == 1_000 * MS  # the second stage opens on its boundary
    assert schedule.intended(1001) == 1_000 * MS + MS // 2
    assert schedule.intended(3000) is None
    stages = schedule.stage_of(np.array([0, 999 * MS, 1000 * MS, 1999 * MS]))
    assert stages.tolist() == [0, 0, 1, 1]


# -- a stall, wherever it falls ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("stall_from_ms", "queued", "p95_ms"),
    [(1000, 200, 101), (1900, 100, 0.01)],
    ids=["middle", "100ms-before-end"],
)
def test_a_stall_is_in_the_percentiles_wherever_it_falls(
    stall_from_ms: int, queued: int, p95_ms: float
) -> None:
    """1,000/s for 2 s of a 10 µs operation; one call stalls 200 ms. Single server: the
    stalled call takes 200 ms and the arrivals behind it wait 199, 198 … ms: 200 of them in
    the middle, 100 when the stall starts 100 ms before the end (the window closes on them;
    they are served in the grace period and measured like any other)."""
    clock = ExactClock()
    server = Server(clock, 10_000, stall_from_ns=stall_from_ms * MS, stall_ns=200 * MS)
    result = _runner(clock).constant_rate(server, 1000, "2s", max_workers=1)
    assert result.ops_completed == 2000
    assert result.dropped_starts == 0
    # 2,000 samples: p99 is the 1,980th (the 21st oldest), p95 the 1,900th (the 101st).
    assert result.p99_ms == pytest.approx(181, abs=2)
    assert result.p95_ms == pytest.approx(p95_ms, rel=0.02)
    assert result.max_ms == pytest.approx(200, abs=1)
    assert result.late_starts == pytest.approx(queued, abs=2)
    assert result.service_p95_ms == pytest.approx(0.01, rel=1e-2)


def test_arrivals_still_queued_after_the_grace_period_are_measured_at_their_age() -> None:
    clock = ExactClock()
    server = Server(clock, 10_000, stall_from_ns=1900 * MS, stall_ns=200 * MS)
    result = _runner(clock).constant_rate(server, 1000, "2s", max_workers=1, grace="50ms")
    # The window closes at 2.0 s, the grace at 2.05 s; the stall ends at 2.1 s. The 99
    # arrivals behind the stalled call never start: each counts at its age at 2.05 s.
    assert result.dropped_starts == 99
    assert result.ops_completed == 2000 - 99
    assert sum(count for _, count in result.latency_histogram) == 2000
    assert result.max_ms == pytest.approx(200, abs=1)
    assert result.p99_ms == pytest.approx(132, abs=2)  # the 20th oldest: 150 - 19 + 1 ms


def test_a_ramp_carries_its_backlog_across_a_stage_boundary() -> None:
    """A 200 ms stall from 0.95 s: 50 arrivals of stage one wait past its end, and the first
    150 of stage two wait behind them. No fresh schedule wipes the queue."""
    clock = ExactClock()
    server = Server(clock, 10_000, stall_from_ns=950 * MS, stall_ns=200 * MS)
    result = _runner(clock).stages(server, [1000, 1000], "1s", max_workers=1)
    first, second = result.stages
    assert first.backlog_end == pytest.approx(50, abs=1)
    assert second.backlog_start == first.backlog_end
    assert second.late_starts == pytest.approx(150, abs=2)
    assert second.p95_ms == pytest.approx(101, abs=2)  # 1,000 samples: the 50th oldest
    assert result.ops_completed == 2000


# -- the sustainable stage ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("share", "expected"), [(0.95, True), (1.00, True), (1.05, False)], ids=str
)
def test_a_stage_is_sustainable_up_to_capacity_and_not_past_it(
    share: float, expected: bool
) -> None:
    """An exact 2,000/s server (500 µs a call) offered 95%, 100% and 105% of capacity."""
    clock = ExactClock()
    result = _runner(clock).constant_rate(Server(clock, 500_000), 2000 * share, "1s")
    (stage,) = result.stages
    assert sustainable(stage) is expected


def test_at_capacity_one_hiccup_makes_a_stage_unsustainable() -> None:
    """With no spare capacity a 5 ms delay is never made up: every later start is late."""
    clock = ExactClock()
    server = Server(clock, 500_000, stall_from_ns=100 * MS, stall_ns=5 * MS)
    (stage,) = _runner(clock).constant_rate(server, 2000, "1s", max_workers=1).stages
    assert stage.late_starts > 0.8 * stage.planned
    assert not sustainable(stage)
    assert stage.achieved_rate > 0.99 * stage.offered_rate  # achieved rate alone would pass


@pytest.mark.parametrize(
    ("service_ns", "rates", "knee"),
    [
        (252_500, [1000, 2000, 3000, 4000], 3000),  # capacity 3,960/s
        (500_000, [1000, 1500, 2040], 1500),  # capacity exactly 2,000/s
    ],
)
def test_the_knee_of_a_known_capacity(service_ns: int, rates: list[int], knee: int) -> None:
    clock = ExactClock()
    result = _runner(clock).stages(Server(clock, service_ns), rates, "1s", max_workers=1)
    assert result.max_sustainable_rate == knee


def test_failed_calls_count_as_served_and_error_rate_is_judged_apart() -> None:
    clock = ExactClock()
    server = Server(clock, 100_000, fail_every=10)
    (stage,) = _runner(clock).constant_rate(server, 1000, "1s").stages
    assert stage.ops_failed == 100
    assert stage.served_rate == pytest.approx(1000)
    assert stage.sustained(None)
    assert not stage.sustained(None, max_error_rate=0.05)


def test_the_late_share_is_the_stated_fraction() -> None:
    def stage(late: int) -> StageResult:
        return StageResult(1000, 1000, 1000, 0, late, 0, 1, 1, 1, 1, planned=1000)

    assert sustainable(stage(int(MAX_LATE_SHARE * 1000)))
    assert not sustainable(stage(int(MAX_LATE_SHARE * 1000) + 1))


# -- failed calls, late_after -------------------------------------------------------------------


def test_failed_calls_keep_their_latency_apart() -> None:
    clock = ExactClock()
    recording = Recording(clock())
    buffer = Buffer(recording)
    buffer.rows.extend([0, 1 * MS, 0, 2 * MS])
    buffer.fail(RuntimeError("x"), 0, 30 * MS)
    buffer.flush()
    runner = _runner(clock)
    result = runner._result(None, 1.0, [recording])
    assert (result.ops_completed, result.ops_failed) == (2, 1)
    assert result.max_ms == pytest.approx(2.0, rel=1e-3)
    assert result.failed_p95_ms == pytest.approx(30.0, rel=1e-3)
    assert result.errors == ["RuntimeError: x"]


def test_late_after_is_a_parameter() -> None:
    clock = ExactClock()
    server = Server(clock, 10_000, stall_from_ns=500 * MS, stall_ns=20 * MS)
    strict = _runner(clock).constant_rate(server, 1000, "1s", late_after="1ms")
    server = Server(clock, 10_000, stall_from_ns=500 * MS, stall_ns=20 * MS)
    lenient = _runner(clock).constant_rate(server, 1000, "1s", late_after="10ms")
    assert strict.late_starts == pytest.approx(19, abs=1)
    assert lenient.late_starts == pytest.approx(10, abs=1)
    assert lenient.late_after_ms == 10.0


# -- the per-second series ----------------------------------------------------------------------


def test_the_series_has_throughput_and_percentiles_per_second() -> None:
    recording = Recording(0)
    buffer = Buffer(recording)
    for second, latency in ((0, 1 * MS), (1, 2 * MS), (2, 4 * MS)):
        for i in range(100):
            end = second * 1_000_000_000 + i * 5 * MS + latency
            buffer.rows.extend([end - latency, end])
    buffer.flush()
    recording.finish()
    assert recording.series == [100, 100, 100]
    p99s = [p[2] for p in recording.series_percentiles]
    assert p99s == pytest.approx([1.0, 2.0, 4.0], rel=0.02)  # the series are coarse: 1.6%


def test_due_times_in_bulk_match_one_by_one() -> None:
    schedule = Schedule(10**9, [1000, 3000, 7], 1_000_000_000)
    bulk = [int(v) for _, times in schedule.due_from(500) for v in times]
    assert bulk == [schedule.intended(i) for i in range(500, schedule.planned)]
    assert [stage for stage, _ in schedule.due_from(3500)] == [1, 2]


# -- waiting for a start, percentile ranks -------------------------------------------------------


def test_a_start_is_waited_for_by_sleeping_then_spinning_the_last_stretch() -> None:
    """The sleep stops ``spin_ns`` short (a sleep wakes late); the rest is spun on the clock
    and counted as the harness's time."""

    class ReadingClock(ExactClock):
        def __call__(self) -> int:
            self.now += 1_000  # every reading takes a microsecond
            return self.now

    clock = ReadingClock()
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.sleep(seconds)

    buffer = Buffer(Recording(0))
    due = clock.now + 5 * MS
    started = wait_until(due, clock, sleep, buffer, spin_ns=250_000)
    assert slept == [pytest.approx((5 * MS - 1_000 - 250_000) / 1e9)]
    assert due <= started < due + 2_000
    assert buffer.harness_ns == pytest.approx(250_000, abs=2_000)


@pytest.mark.parametrize(
    ("count", "percentile", "rank"), [(10, 50, 5), (1000, 99, 990), (1000, 99.9, 999), (3, 50, 2)]
)
def test_percentiles_use_the_ceiling_rank(count: int, percentile: float, rank: int) -> None:
    histogram = LatencyHistogram()
    histogram.record_many(np.arange(1, count + 1) * 1_000)  # 1 µs, 2 µs, …
    assert histogram.percentile_ms(percentile) == pytest.approx(rank / 1000, rel=1e-3)


# -- every arrival accounted for, whatever the server -------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    rates=st.lists(st.integers(min_value=20, max_value=3000), min_size=1, max_size=3),
    service_us=st.integers(min_value=1, max_value=3000),
    stall_at_ms=st.integers(min_value=0, max_value=700),
    stall_ms=st.integers(min_value=0, max_value=400),
    grace_ms=st.integers(min_value=1, max_value=300),
    fail_every=st.sampled_from([0, 2, 7]),
)
def test_every_arrival_is_served_failed_or_dropped_exactly_once(
    rates: list[int],
    service_us: int,
    stall_at_ms: int,
    stall_ms: int,
    grace_ms: int,
    fail_every: int,
) -> None:
    clock = ExactClock()
    server = Server(
        clock,
        service_us * 1000,
        stall_from_ns=stall_at_ms * MS,
        stall_ns=stall_ms * MS,
        fail_every=fail_every,
    )
    result = _runner(clock).stages(server, rates, "250ms", max_workers=1, grace=f"{grace_ms}ms")
    for stage in result.stages:
        assert stage.ops_completed + stage.ops_failed + stage.dropped_starts == stage.planned
        assert stage.backlog_end >= stage.dropped_starts
        assert stage.late_starts <= stage.ops_completed + stage.ops_failed
        assert stage.p50_ms <= stage.p95_ms <= stage.p99_ms
    planned = sum(stage.planned for stage in result.stages)
    histogram_total = sum(count for _, count in result.latency_histogram)
    failed_total = sum(count for _, count in result.failed_histogram)
    assert histogram_total == planned - result.ops_failed  # the dropped are in it, at their age
    assert failed_total == result.ops_failed
    assert result.p50_ms <= result.p95_ms <= result.p99_ms <= result.p999_ms <= result.max_ms


@pytest.mark.parametrize(
    ("keyword", "value", "named"),
    [
        ("max_workers", 0, "max_workers must be an int >= 1, got 0"),
        ("max_workers", 2.5, "max_workers must be an int >= 1, got 2.5"),
        ("max_in_flight", True, "max_in_flight must be an int >= 1, got True"),
        ("late_after", "soon", "late_after: expected a number with a unit"),
        ("grace", "-1s", "grace: expected a number with a unit"),
        ("workers", 0, "workers must be an int >= 1, got 0"),
    ],
)
def test_bad_open_loop_arguments_name_the_field_and_value(
    keyword: str, value: object, named: str
) -> None:
    runner = _runner(ExactClock())
    with pytest.raises(ValueError, match=re.escape(named)):
        runner.constant_rate(lambda: None, 100, "100ms", **{keyword: value})  # type: ignore[arg-type]
