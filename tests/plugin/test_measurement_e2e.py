"""Small real experiments through pytest: concurrency, memory, units, the files' precision.

Each asserts an outcome that a wrong harness would miss (a rate achieved, a cap reported, a
figure kept), never how long something took.
"""

from __future__ import annotations

import json

import pytest

from pytest_aegis_stress.engine.durations import parse_duration
from pytest_aegis_stress.report.csv_file import format_cell
from pytest_aegis_stress.report.thresholds import parse_thresholds

from .conftest import read_csv


def test_a_slow_coroutine_gets_one_task_per_arrival_by_default(project: pytest.Pytester) -> None:
    """A 5 ms coroutine at 1,000/s needs about five in flight; one worker would serve ~190/s."""
    project.makepyfile(
        """
        import asyncio
        import pytest

        async def five_ms():
            await asyncio.sleep(0.005)

        @pytest.mark.stress
        def test_slow_coroutine(stress):
            result = stress.constant_rate(five_ms, rate=1000, duration="1s")
            assert result.throughput >= 0.99 * 1000, result
            assert result.workers >= 5  # tasks in flight at the peak
            assert result.insufficient_concurrency == 0
        """
    )
    project.runpytest().assert_outcomes(passed=1)


def test_a_blocking_callable_gets_a_growing_thread_pool_when_allowed(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(
        """
        import time
        import pytest

        @pytest.mark.stress
        def test_blocking(stress):
            result = stress.constant_rate(
                lambda: time.sleep(0.005), rate=500, duration="1s", max_workers=32
            )
            assert result.workers > 1
            assert result.ops_completed == 500
            assert result.throughput >= 0.95 * 500, result

        @pytest.mark.stress
        def test_serial_by_default(stress):
            result = stress.constant_rate(lambda: time.sleep(0.005), rate=500, duration="500ms")
            assert result.workers == 1
            assert result.insufficient_concurrency > 0  # blocked, not computing, at the cap
        """
    )
    result = project.runpytest()
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*warning: test_serial_by_default: * starts waited*"])


def test_a_computing_callable_gets_no_threads_that_would_only_contend_for_the_gil(
    project: pytest.Pytester,
) -> None:
    """A 2 ms busy loop offered at twice its capacity: more threads could not help, so the
    pool stays small (one thread, or two when a loaded machine deschedules the first long
    enough to look blocked), far from the eight it may grow to."""
    project.makepyfile(
        """
        import time
        import pytest

        def busy():
            end = time.perf_counter_ns() + 2_000_000
            while time.perf_counter_ns() < end:
                pass

        @pytest.mark.stress
        def test_computing(stress):
            result = stress.constant_rate(busy, rate=1000, duration="1s", max_workers=8)
            assert result.workers <= 2
            assert result.insufficient_concurrency == 0
            assert not result.stages[0].sustained(None)
        """
    )
    project.runpytest().assert_outcomes(passed=1)


def test_reaching_the_concurrency_cap_is_recorded_and_warned_about(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(
        """
        import asyncio
        import pytest

        async def twenty_ms():
            await asyncio.sleep(0.02)

        @pytest.mark.stress
        def test_capped(stress):
            result = stress.constant_rate(twenty_ms, rate=500, duration="500ms", max_in_flight=2)
            assert result.insufficient_concurrency > 0
            # Two in flight serve 100/s: of 250 arrivals, those not served by the end of the
            # grace period (1 s) are dropped, and every one is in the latency histogram.
            assert result.dropped_starts > 0
            assert result.ops_completed + result.dropped_starts == 250
            assert sum(count for _, count in result.latency_histogram) == 250
        """
    )
    result = project.runpytest()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*warning: test_capped: * starts waited for a free worker*"])


def test_an_open_loop_of_a_no_op_does_not_read_the_harness_as_growth(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(
        """
        import pytest

        @pytest.mark.stress(memory_growth="<0.2MB")
        def test_constant(stress):
            result = stress.constant_rate(lambda: None, rate=1000, duration="2s")
            assert 0 < result.harness_cpu_pct  # reported apart from the process's

        @pytest.mark.stress(memory_growth="<5MB")
        def test_sixteen_stages(stress):
            result = stress.ramp(lambda: None, start=100, step=100, every="125ms", duration="2s")
            assert len(result.stages) == 16
        """
    )
    project.runpytest("-p", "no:randomly").assert_outcomes(passed=2)


def test_a_coroutine_in_thread_mode_reports_the_task_mode_it_ran_in(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(
        """
        import pytest

        async def op():
            pass

        @pytest.mark.stress
        def test_mode(stress):
            assert stress.run(op, duration="50ms").mode == "task"
        """
    )
    project.runpytest().assert_outcomes(passed=1)


def test_json_has_each_result_s_histogram_and_per_second_series(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        import pytest

        def sometimes():
            sometimes.calls = getattr(sometimes, "calls", 0) + 1
            if sometimes.calls % 10 == 0:
                raise ValueError("no")

        @pytest.mark.stress
        def test_series(stress):
            stress.constant_rate(sometimes, rate=500, duration="2500ms")
        """
    )
    project.runpytest("--stress-json=out.json").assert_outcomes(passed=1)
    (result,) = json.loads((project.path / "out.json").read_text())["results"]
    recorded = sum(count for _, count in result["latency_histogram"])
    assert recorded == result["ops_completed"] == 1125
    assert sum(count for _, count in result["failed_histogram"]) == result["ops_failed"] == 125
    assert len(result["latency_series"]) == len(result["throughput_series"]) >= 2
    assert all(len(point) == 3 for point in result["latency_series"])
    assert result["failed_p95_ms"] > 0


def test_the_csv_keeps_six_significant_figures(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        import pytest

        @pytest.mark.stress
        def test_tiny(stress_metrics):
            for _ in range(100):
                stress_metrics.record(29e-9)
        """
    )
    project.runpytest().assert_outcomes(passed=1)
    (row,) = read_csv(project.path / "reports" / "stress_results.csv")
    assert float(row["p50_ms"]) == pytest.approx(0.000029, rel=1e-3)


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.000029, "0.000029"), (25673.4321, "25673.4"), (105.91234, "105.912"), (3.0, "3")],
)
def test_cells_are_six_significant_figures_in_positional_notation(value: float, text: str) -> None:
    assert format_cell(value) == text


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1500ns", 1.5e-6), ("250us", 250e-6), ("250µs", 250e-6), ("5ms", 0.005), ("1h", 3600.0)],
)
def test_every_duration_unit_is_read(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)
    (threshold,) = parse_thresholds({"p99": text})
    assert threshold.bound == pytest.approx(seconds * 1000)


@pytest.mark.parametrize("bare", [5, "5", "0.5"])
def test_a_latency_bound_without_a_unit_is_refused(bare: object) -> None:
    with pytest.raises(ValueError, match=r"p95=.* has no unit.*accepted: .*1500ns"):
        parse_thresholds({"p95": bare})


def test_a_bad_marker_argument_is_reported_once_naming_test_and_forms(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(
        """
        import pytest

        @pytest.mark.stress(p95=5)
        def test_bad(stress):
            pass
        """
    )
    result = project.runpytest("-rN")  # the short summary would repeat it (in full under CI)
    result.assert_outcomes(errors=1)
    output = result.stdout.str()
    assert output.count("test_bad: @pytest.mark.stress: stress threshold p95=5 has no unit") == 1
    assert "During handling" not in output
    assert "1500ns, 250us (or µs), 5ms, 30s, 5m, 2h" in output


def test_pytest_fail_inside_an_open_loop_operation_fails_the_test(
    project: pytest.Pytester,
) -> None:
    """Not a failed operation (those are ``Exception``s) but the end of the run, raised in
    the test: no worker is left waiting."""
    project.makepyfile(
        """
        import pytest

        calls = []

        def gives_up():
            calls.append(1)
            if len(calls) == 50:
                pytest.fail("the operation gave up")

        @pytest.mark.stress
        def test_gives_up(stress):
            stress.constant_rate(gives_up, rate=1000, duration="1s", workers=2)
        """
    )
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*the operation gave up*"])


def test_pytest_fail_inside_an_open_loop_coroutine_fails_the_test(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(
        """
        import pytest

        calls = []

        async def gives_up():
            calls.append(1)
            if len(calls) == 50:
                pytest.fail("the coroutine gave up")

        @pytest.mark.stress
        def test_gives_up(stress):
            stress.constant_rate(gives_up, rate=1000, duration="1s")
        """
    )
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*the coroutine gave up*"])
