"""The plugin's plain classes, specified without pytest's machinery."""

from __future__ import annotations

import math
import random
import threading

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_aegis_stress.engine.durations import format_duration, parse_duration
from pytest_aegis_stress.engine.histogram import LatencyHistogram
from pytest_aegis_stress.engine.loops import closed_loop
from pytest_aegis_stress.engine.recorder import MetricsRecorder
from pytest_aegis_stress.engine.recording import MAX_ERROR_MESSAGES, Buffer, Recording
from pytest_aegis_stress.engine.resources import MAX_SAMPLES, ResourceMonitor, memory_slope
from pytest_aegis_stress.engine.results import CSV_COLUMNS, StressResult
from pytest_aegis_stress.options import parse_compare
from pytest_aegis_stress.progress import LiveLine, progress_wanted
from pytest_aegis_stress.report.baseline import Baseline
from pytest_aegis_stress.report.csv_file import CsvReport
from pytest_aegis_stress.report.thresholds import parse_thresholds


class FakeClock:
    """Nanoseconds that advance only when the code under test sleeps or works."""

    def __init__(self, start: int = 10**12) -> None:
        self.now = start
        self.lock = threading.Lock()

    def __call__(self) -> int:
        return self.now

    def advance(self, ns: float) -> None:
        with self.lock:
            self.now += int(ns)

    def sleep(self, seconds: float) -> None:
        self.advance(max(seconds * 1e9, 1_000))  # a real sleep always takes some time


# -- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("500ms", 0.5),
        ("30s", 30.0),
        ("5m", 300.0),
        ("2h", 7200.0),
        ("1.5", 1.5),
        (" 250us ", 250e-6),
        (".5s", 0.5),
        (3, 3.0),
        (0.25, 0.25),
    ],
)
def test_durations_parse_every_documented_form(text: str | float, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "soon", "5 minutes", "-1s", "0", "1e9999", "nan", True])
def test_bad_durations_name_the_field_and_value(text: object) -> None:
    with pytest.raises(
        ValueError, match=r"--stress-duration: .*" + repr(text).replace(".", r"\.")[:3]
    ):
        parse_duration(text, field="--stress-duration")  # type: ignore[arg-type]


@given(st.floats(min_value=1e-6, max_value=1e6))
def test_formatted_durations_parse_back(seconds: float) -> None:
    assert parse_duration(format_duration(seconds)) == pytest.approx(seconds, rel=1e-5)


# -- thresholds -----------------------------------------------------------------------------


def _result(**figures: float) -> StressResult:
    result = StressResult(
        "t", duration_s=1.0, ops_completed=int(figures.pop("ops", 1000)), ops_failed=0
    )
    for name, value in figures.items():
        setattr(result, name, value)
    return result


def test_thresholds_default_to_upper_bounds_except_throughput() -> None:
    thresholds = {
        t.metric: t
        for t in parse_thresholds(
            {"p95": "10ms", "throughput": "5000/s", "error_rate": "1%", "memory_growth": "20MB"}
        )
    }
    assert (thresholds["p95"].op, thresholds["p95"].bound) == ("<=", 10.0)
    assert (thresholds["throughput"].op, thresholds["throughput"].bound) == (">=", 5000.0)
    assert thresholds["error_rate"].bound == pytest.approx(0.01)
    assert thresholds["memory_growth"].bound == 20.0


def test_a_threshold_message_names_the_figure_and_the_bound() -> None:
    (p95,) = parse_thresholds({"p95": "<10ms"})
    assert p95.check(_result(p95_ms=9.9)) is None
    assert p95.check(_result(p95_ms=12.5)) == "t: p95 = 12.5ms violates p95 < 10ms"
    (rate,) = parse_thresholds({"throughput": ">=5000/s"})
    assert rate.check(_result(ops=4000)) == "t: throughput = 4,000/s violates throughput >= 5000/s"
    (growth,) = parse_thresholds({"memory_growth": "<512KB"})
    assert growth.check(_result(memory_growth_mb=0.6)) is not None


@pytest.mark.parametrize(
    ("metric", "value"), [("p95", "quick"), ("speed", "1"), ("throughput", "")]
)
def test_bad_thresholds_are_refused_by_name(metric: str, value: str) -> None:
    with pytest.raises(ValueError, match=metric):
        parse_thresholds({metric: value})


# -- histogram ------------------------------------------------------------------------------


@given(st.lists(st.integers(min_value=1, max_value=10**11), min_size=1, max_size=3000))
def test_percentiles_are_within_three_significant_digits_of_exact(values: list[int]) -> None:
    """Against the exact value at the ceiling rank (``ceil(p/100 * n)``, at least 1)."""
    histogram = LatencyHistogram()
    histogram.record_many(np.array(values, dtype=np.int64))
    ordered = sorted(values)
    for percentile in (50, 95, 99, 99.9, 100):
        rank = max(math.ceil(round(percentile * len(ordered) / 100, 6)), 1) - 1
        exact_ms = ordered[rank] / 1e6
        assert histogram.percentile_ms(percentile) == pytest.approx(exact_ms, rel=1e-3)
    assert histogram.count == len(values)


def test_batch_recording_equals_recording_one_by_one() -> None:
    values = [random.Random(7).randrange(1, 10**9) for _ in range(5000)]
    batch, single = LatencyHistogram(), LatencyHistogram()
    batch.record_many(np.array(values))
    for value in values:
        single.record(value)
    assert [batch.percentile_ms(p) for p in (1, 50, 99.99)] == [
        single.percentile_ms(p) for p in (1, 50, 99.99)
    ]


def test_histograms_merge_and_travel_between_processes() -> None:
    left, right = LatencyHistogram(), LatencyHistogram()
    left.record_many(np.full(100, 1_000_000))
    right.record_many(np.full(100, 3_000_000))
    copy = LatencyHistogram.decode(right.encode())
    left.merge(copy)
    assert left.count == 200
    assert left.percentile_ms(25) == pytest.approx(1.0, rel=1e-3)
    assert left.percentile_ms(75) == pytest.approx(3.0, rel=1e-3)


def test_an_empty_histogram_reports_zeros() -> None:
    empty = LatencyHistogram()
    assert (empty.percentile_ms(99), empty.max_ms(), empty.count) == (0.0, 0.0, 0)


# -- recording and closed loop ----------------------------------------------------------------


def test_a_recording_keeps_bounded_buffers_and_a_per_second_series() -> None:
    recording = Recording(0)
    buffer = Buffer(recording)
    for i in range(10_000):  # one op every 0.5 ms, each taking 0.1 ms
        buffer.rows.extend((i * 500_000, i * 500_000 + 100_000))
        if len(buffer.rows) >= buffer.flush_at:
            buffer.flush()
            assert len(buffer.rows) == 0
    buffer.flush()
    recording.finish()
    assert recording.completed == [10_000]
    assert recording.series == [2000] * 5
    assert recording.latency[0].percentile_ms(50) == pytest.approx(0.1, rel=1e-3)


def test_closed_loop_counts_exceptions_as_failures_and_keeps_a_few_messages() -> None:
    clock = FakeClock()
    calls = 0

    def operation() -> None:
        nonlocal calls
        calls += 1
        clock.advance(10_000)
        if calls % 2:
            raise ValueError(f"bad {calls}")

    recording = Recording(clock())
    closed_loop(operation, Buffer(recording), clock() + 100_000_000, clock)
    assert (recording.completed, recording.failed) == ([5000], [5000])
    assert (
        recording.errors == [f"ValueError: bad {n}" for n in (1, 3, 5, 7, 9)][:MAX_ERROR_MESSAGES]
    )
    assert recording.latency[0].percentile_ms(99) == pytest.approx(0.01, rel=1e-3)
    assert recording.failed_latency.percentile_ms(99) == pytest.approx(0.01, rel=1e-3)


# -- resources ------------------------------------------------------------------------------


def test_memory_slope_ignores_warm_up_and_measures_growth() -> None:
    times = [float(t) for t in range(100)]
    flat_after_warmup = [1000.0 if t < 20 else 50.0 for t in range(100)]
    assert memory_slope(times, flat_after_warmup) == pytest.approx(0.0)
    leaking = [5.0 * t for t in range(100)]
    assert memory_slope(times, leaking) == pytest.approx(5.0)


def test_the_monitor_summarises_samples_and_bounds_their_number() -> None:
    readings = iter((float(i * 1024 * 1024), 50.0) for i in range(10 * MAX_SAMPLES))
    ticks = iter(range(10 * MAX_SAMPLES))
    monitor = ResourceMonitor(0.1, sampler=lambda: next(readings), clock=lambda: float(next(ticks)))
    for _ in range(3 * MAX_SAMPLES):
        monitor.sample_now()
    assert len(monitor.rss) < MAX_SAMPLES
    summary = monitor.summary()
    assert summary.peak_memory_mb == pytest.approx(3 * MAX_SAMPLES - 1)
    assert summary.memory_slope_mb_per_min == pytest.approx(60.0, rel=0.01)
    assert summary.avg_cpu_pct == 50.0


def test_a_started_monitor_samples_this_process() -> None:
    with ResourceMonitor(0.01) as monitor:
        blob = bytearray(32 * 1024 * 1024)
        monitor.sample_now()
    summary = monitor.summary()
    assert summary.samples >= 2
    assert summary.peak_memory_mb >= 32
    del blob


# -- results, baseline, CSV -----------------------------------------------------------------


def test_grade_records_the_highest_tier_reached() -> None:
    result = _result()
    assert result.grade(4000, minimum=1000, acceptable=5000, target=10000) == "minimum"
    assert result.tier == "minimum"
    assert result.grade(500, minimum=1000, acceptable=5000, target=10000) == "below-minimum"
    assert result.grade(10000, minimum=1000, acceptable=5000, target=10000) == "target"


def test_baseline_flags_only_regressions_beyond_their_limit() -> None:
    baseline = Baseline({"t": {"test_name": "t", "p95_ms": "10", "throughput": "1000"}})
    limits = parse_compare("p95:20%,throughput:10%")
    assert baseline.regressions({"test_name": "t", "p95_ms": 11.9, "throughput": 901}, limits) == []
    messages = baseline.regressions({"test_name": "t", "p95_ms": 12.5, "throughput": 850}, limits)
    assert [m.split(":")[1].split()[0] for m in messages] == ["p95", "throughput"]
    assert baseline.regressions({"test_name": "new", "p95_ms": 99.0}, limits) == []


@pytest.mark.parametrize("text", ["p95", "p95:x%", "speed:10%", "p95:10"])
def test_bad_compare_items_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=text.split(",", maxsplit=1)[0][:3]):
        parse_compare(text)


def test_csv_appends_under_one_header(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "deep" / "r.csv"  # type: ignore[operator]
    report = CsvReport(path)
    report.check_header()
    report.append([_result().figures()])
    report.append([_result().figures(), _result().figures()])
    lines = path.read_text().splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    assert len(lines) == 4
    report.check_header()


# -- progress --------------------------------------------------------------------------------


def test_the_progress_line_shows_only_on_a_terminal_outside_ci() -> None:
    assert progress_wanted(True, isatty=True, environ={})
    assert not progress_wanted(True, isatty=True, environ={"CI": "true"})
    assert not progress_wanted(True, isatty=False, environ={})
    assert not progress_wanted(False, isatty=True, environ={})


def test_the_progress_line_reports_rate_and_p95_then_clears() -> None:
    written: list[str] = []
    line = LiveLine("test_x", write=written.append)
    with line.clearing():
        line(1.0, 2.0, 100, 1.5)  # runs shorter than MIN_SECONDS show nothing
        line(1.0, 60.0, 1000, 1.5)
        line(2.0, 60.0, 3000, 2.25)
    assert "test_x    1.0s/60s  1,000 ops/s  p95 1.500 ms" in written[0]
    assert "2,000 ops/s  p95 2.250 ms" in written[1]
    assert written[-1].strip() == ""


def test_hand_recorded_operations_keep_a_bounded_buffer() -> None:
    clock = FakeClock()
    recorder = MetricsRecorder("loop", clock=clock)
    flush_at = recorder._buffer.flush_at
    for index in range(flush_at * 2):
        if index % 2:
            with recorder.measure():
                clock.advance(500_000)  # a measured block of 0.5 ms
        else:
            clock.advance(2_000_000)
            recorder.record(0.001)
        assert len(recorder._buffer.rows) < flush_at
    result = recorder.result()
    assert result.ops_completed == flush_at * 2
    assert result.max_ms == pytest.approx(1.0, rel=1e-3)
