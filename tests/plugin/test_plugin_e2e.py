"""The plugin end to end, through pytester: what a user sees on the command line and in files."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

from pytest_aegis_stress.engine.results import CSV_COLUMNS, StageResult
from tests.plugin.conftest import INI

Rows = Callable[[], list[dict[str, str]]]

FAST_TESTS = """
import pytest

def noop():
    return None

@pytest.mark.stress
def test_fast(stress):
    result = stress.run(noop, duration="200ms")
    assert result.ops_completed > 0

@pytest.mark.stress(p95="1us")
def test_too_slow_for_its_bound(stress):
    stress.run(lambda: sum(range(2000)), duration="200ms")

def test_plain():
    pass
"""


def test_markers_are_registered_and_documented(project: pytest.Pytester) -> None:
    result = project.runpytest("--markers")
    result.stdout.fnmatch_lines(
        [
            "@pytest.mark.stress(duration=None, **thresholds):*",
            "@pytest.mark.endurance:*",
        ]
    )
    assert result.ret == 0


def test_help_lists_every_option(project: pytest.Pytester) -> None:
    result = project.runpytest("--help")
    for option in (
        "--stress-profile",
        "--stress-duration",
        "--stress-csv",
        "--stress-json",
        "--stress-html",
        "--stress-baseline",
        "--stress-compare-fail",
        "--stress-no-progress",
    ):
        result.stdout.fnmatch_lines([f"*{option}*"])
    result.stdout.fnmatch_lines(["*p95:20%,throughput:10%*"])
    assert result.ret == 0


def test_dash_m_stress_selects_only_stress_tests(project: pytest.Pytester) -> None:
    project.makepyfile(FAST_TESTS)
    result = project.runpytest("-m", "stress", "-k", "fast")
    result.assert_outcomes(passed=1, deselected=2)


def test_a_threshold_fails_only_its_test_with_figures_in_junit(
    project: pytest.Pytester, csv_rows: Rows
) -> None:
    project.makepyfile(FAST_TESTS)
    result = project.runpytest("--junitxml=junit.xml")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*test_too_slow_for_its_bound: p95 = *ms violates p95 <= 1us*"])
    tree = ET.parse(project.path / "junit.xml")
    cases = {case.get("name"): case for case in tree.iter("testcase")}
    assert cases["test_too_slow_for_its_bound"].find("failure") is not None
    properties = {p.get("name"): p.get("value") for p in cases["test_fast"].iter("property")}
    assert float(properties["throughput"]) > 0
    assert {"p50_ms", "p95_ms", "p99_ms", "ops_completed", "avg_memory_mb"} <= set(properties)
    assert cases["test_plain"].find("properties") is None
    outcomes = {row["test_name"]: row["outcome"] for row in csv_rows()}
    assert outcomes == {"test_fast": "passed", "test_too_slow_for_its_bound": "failed"}


def test_csv_header_is_written_once_and_rows_append_across_sessions(
    project: pytest.Pytester, csv_rows: Rows
) -> None:
    project.makepyfile(FAST_TESTS)
    project.runpytest("-k", "fast")
    project.runpytest("-k", "fast")
    lines = (project.path / "reports" / "stress_results.csv").read_text().splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    assert lines[0].startswith(
        "test_name,duration_s,ops_completed,ops_failed,throughput,error_rate,"
        "p50_ms,p95_ms,p99_ms,avg_memory_mb,avg_cpu_pct,"
    )
    rows = csv_rows()
    assert [row["test_name"] for row in rows] == ["test_fast", "test_fast"]
    assert rows[0]["run_id"] != rows[1]["run_id"]
    assert all(int(row["ops_completed"]) > 0 for row in rows)


def test_a_csv_with_other_columns_is_refused_not_mixed(project: pytest.Pytester) -> None:
    project.makepyfile(FAST_TESTS)
    (project.path / "old.csv").write_text("name,speed\nx,1\n")
    result = project.runpytest("--stress-csv=old.csv")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--stress-csv:*old.csv has other columns*"])
    assert (project.path / "old.csv").read_text() == "name,speed\nx,1\n"


DURATION_PROBE = """
import pytest

@pytest.mark.stress
def test_default(stress_duration, stress_profile):
    print(f"DURATION={stress_duration} PROFILE={stress_profile}")

@pytest.mark.stress(duration="3s")
def test_marked(stress_duration):
    print(f"MARKED={stress_duration}")

@pytest.mark.stress
@pytest.mark.endurance
def test_long(stress_duration):
    print(f"ENDURANCE={stress_duration}")
"""


@pytest.mark.parametrize(
    ("ini", "args", "expected"),
    [
        ("", [], ["DURATION=1.0 PROFILE=quick", "MARKED=3.0", "ENDURANCE=5.0"]),
        ("stress_profile = standard", [], ["DURATION=10.0 PROFILE=standard", "ENDURANCE=600.0"]),
        ("stress_profile = standard", ["--stress-profile=full"], ["DURATION=60.0 PROFILE=full"]),
        ("stress_duration = 2s", [], ["DURATION=2.0 *", "MARKED=2.0", "ENDURANCE=2.0"]),
        ("stress_duration = 2s", ["--stress-duration=500ms"], ["DURATION=0.5 *", "MARKED=0.5"]),
    ],
)
def test_durations_follow_option_then_marker_then_profile(
    project: pytest.Pytester, ini: str, args: list[str], expected: list[str]
) -> None:
    project.makefile(".ini", pytest=INI + ini + "\n")
    project.makepyfile(DURATION_PROBE)
    result = project.runpytest("-s", *args)
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines([f"*{line}*" for line in expected], consecutive=False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--stress-profile=huge"],
            "--stress-profile: expected one of quick, standard, full, got 'huge'",
        ),
        (["--stress-duration=soon"], "--stress-duration: expected a number with a unit*'soon'"),
        (["--stress-duration=-5s"], "--stress-duration: expected a number with a unit*'-5s'"),
        (["--stress-duration=0"], "--stress-duration: a duration must be positive, got '0'"),
        (["--stress-compare-fail=p95"], "--stress-compare-fail: expected METRIC:PCT%*'p95'*"),
        (["--stress-baseline=missing.csv"], "--stress-baseline: no such file*missing.csv*"),
        (["--stress-compare-fail=p95:10%"], "--stress-compare-fail needs --stress-baseline FILE"),
    ],
)
def test_bad_option_values_are_usage_errors_naming_the_option(
    project: pytest.Pytester, args: list[str], message: str
) -> None:
    project.makepyfile(FAST_TESTS)
    result = project.runpytest(*args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{message}*"])
    assert "Traceback" not in result.stderr.str()


def test_a_malformed_marker_fails_its_test_with_a_clear_message(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        import pytest

        @pytest.mark.stress(p95="fast")
        def test_bad(stress):
            pass
        """
    )
    result = project.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*stress threshold p95='fast' is not a valid bound*"])


def test_failing_operations_are_counted_not_raised(
    project: pytest.Pytester, csv_rows: Rows
) -> None:
    project.makepyfile(
        """
        import itertools
        import pytest

        counter = itertools.count()

        def flaky():
            if next(counter) % 4 == 0:
                raise RuntimeError("boom")

        @pytest.mark.stress(error_rate="<1%")
        def test_flaky(stress):
            result = stress.run(flaky, duration="200ms")
            assert result.ops_failed > 0
            assert result.errors[0] == "RuntimeError: boom"
        """
    )
    result = project.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*test_flaky: error_rate = 25.0*% violates error_rate < 1%"])
    row = csv_rows()[0]
    assert float(row["error_rate"]) == pytest.approx(0.25, abs=0.01)


def test_async_callables_under_strict_pytest_asyncio(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        import asyncio
        import pytest

        async def op():
            await asyncio.sleep(0)

        @pytest.mark.stress
        def test_sync_test_async_op(stress):
            result = stress.run(op, duration="200ms", workers=4, mode="task")
            assert result.ops_completed > 100 and result.workers == 4

        @pytest.mark.asyncio
        @pytest.mark.stress
        async def test_async_test_async_op(stress):
            result = stress.constant_rate(op, rate=500, duration="200ms")
            assert result.ops_completed == 100
        """
    )
    project.runpytest().assert_outcomes(passed=2)


def test_baseline_comparison_fails_regressed_tests(project: pytest.Pytester) -> None:
    project.makepyfile(FAST_TESTS)
    header = ",".join(CSV_COLUMNS)
    fields = dict.fromkeys(CSV_COLUMNS, "")
    fields.update(test_name="test_fast", throughput="1e12", p95_ms="0.000001")
    (project.path / "base.csv").write_text(header + "\n" + ",".join(fields.values()) + "\n")
    result = project.runpytest(
        "-k", "fast", "--stress-baseline=base.csv", "--stress-compare-fail=throughput:10%"
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*test_fast: throughput regressed *allowed 10%*"])


def test_json_report_holds_every_result_with_ramp_stages(project: pytest.Pytester) -> None:
    project.makepyfile(
        """
        import pytest

        @pytest.mark.stress
        def test_ramp(stress):
            result = stress.ramp(lambda: None, start=200, step=200, every="100ms", duration="300ms")
            assert [s.offered_rate for s in result.stages] == [200, 400, 600]
        """
    )
    project.runpytest("--stress-json=out/results.json").assert_outcomes(passed=1)
    document = json.loads((project.path / "out" / "results.json").read_text())
    (result,) = document["results"]
    assert result["test_name"] == "test_ramp"
    assert [stage["offered_rate"] for stage in result["stages"]] == [200, 400, 600]
    sustained = [s["offered_rate"] for s in result["stages"] if StageResult(**s).sustained(None)]
    assert result["max_sustainable_rate"] == max(sustained, default=0.0)
    assert result["outcome"] == "passed"


def test_stress_metrics_and_resource_monitor_record_hand_written_loops(
    project: pytest.Pytester, csv_rows: Rows
) -> None:
    project.makepyfile(
        """
        import pytest

        @pytest.mark.stress
        def test_loop(stress_metrics, resource_monitor):
            for _ in range(500):
                with stress_metrics.measure():
                    sum(range(100))
            stress_metrics.record(0.002)
            stress_metrics.record(0.001, ok=False)
        """
    )
    project.runpytest().assert_outcomes(passed=1)
    (row,) = csv_rows()
    assert (row["ops_completed"], row["ops_failed"], row["mode"]) == ("501", "1", "manual")
    # At least the 2 ms recorded by hand (a measured block descheduled longer may top it).
    assert float(row["max_ms"]) >= 2.0 * 0.999
    assert float(row["peak_memory_mb"]) > 0


def test_xdist_workers_send_results_to_one_complete_csv(
    project: pytest.Pytester, csv_rows: Rows
) -> None:
    project.makepyfile(
        """
        import pytest

        @pytest.mark.stress
        @pytest.mark.parametrize("n", range(6))
        def test_each(stress, n):
            stress.run(lambda: None, duration="100ms")
        """
    )
    result = project.runpytest_subprocess("-n", "2", "--junitxml=junit.xml")
    result.assert_outcomes(passed=6)
    rows = csv_rows()
    assert sorted(row["test_name"] for row in rows) == [f"test_each[{n}]" for n in range(6)]
    assert len({row["run_id"] for row in rows}) == 1
    properties = ET.parse(project.path / "junit.xml").getroot().iter("property")
    assert sum(p.get("name") == "throughput" for p in properties) == 6


def test_results_of_finished_tests_survive_a_killed_session(
    project: pytest.Pytester, csv_rows: Rows
) -> None:
    project.makepyfile(
        """
        import os, signal
        import pytest

        @pytest.mark.stress
        def test_first(stress):
            stress.run(lambda: None, duration="100ms")

        def test_killer():
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    project.runpytest_subprocess("-p", "no:xdist")
    assert [row["test_name"] for row in csv_rows()] == ["test_first"]


def test_summary_table_is_printed(project: pytest.Pytester) -> None:
    project.makepyfile(FAST_TESTS)
    result = project.runpytest("-k", "fast")
    result.stdout.fnmatch_lines(
        [
            "*stress results*",
            "test*ops/s*p50 ms*p95 ms*p99 ms*",
            "test_fast *passed",
            "results appended to *stress_results.csv",
        ]
    )


def test_process_mode_runs_workers_in_separate_interpreters(
    project: pytest.Pytester, csv_rows: Rows
) -> None:
    project.makepyfile(
        """
        import os
        import pytest

        def work():
            return os.getpid()

        @pytest.mark.stress
        def test_processes(stress):
            result = stress.run(work, duration="300ms", workers=2, mode="process")
            assert result.ops_completed > 0 and result.ops_failed == 0
            assert (result.workers, result.mode) == (2, "process")

        @pytest.mark.stress
        def test_unpicklable(stress):
            with pytest.raises(TypeError, match="needs a picklable callable"):
                stress.run(lambda: None, duration="100ms", mode="process")
        """
    )
    project.runpytest_subprocess().assert_outcomes(passed=2)
    assert [row["mode"] for row in csv_rows()] == ["process"]
