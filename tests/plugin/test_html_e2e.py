"""``--stress-html`` through pytester: the option, its ini twin, xdist, baselines, the extra."""

from __future__ import annotations

import json
import sys

import pytest

from pytest_aegis_stress.engine.results import CSV_COLUMNS
from tests.plugin.conftest import INI

#: A small real run with every kind of result the report draws: a concurrency sweep, an
#: open-loop ramp, a constant rate with a threshold that fails, and a hand-written loop.
REPORTED_TESTS = """
import pytest

def work():
    return sum(range(200))

@pytest.mark.stress(throughput=">=1/s")
@pytest.mark.parametrize("workers", [1, 2])
def test_sweep(stress, workers):
    stress.run(work, duration="300ms", workers=workers)

@pytest.mark.stress
def test_ramp(stress):
    stress.ramp(work, start=200, step=200, every="150ms", duration="450ms")

@pytest.mark.stress(p99="1us")
def test_bounded(stress):
    stress.constant_rate(work, rate=500, duration="300ms")

@pytest.mark.stress
def test_manual(stress_metrics, resource_monitor):
    for _ in range(300):
        with stress_metrics.measure():
            work()
"""


def _chart_ids(page: str) -> int:
    return page.count('<div id="chart-')


def test_the_html_report_draws_every_result_with_its_thresholds(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(REPORTED_TESTS)
    result = project.runpytest("--stress-html=out/report.html", "--stress-json=out/r.json")
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines(["HTML report: *report.html"])
    page = (project.path / "out" / "report.html").read_text(encoding="utf-8")
    for name in ("test_sweep[1]", "test_sweep[2]", "test_ramp", "test_bounded", "test_manual"):
        assert f">{name}</a>" in page
    assert "Concurrency sweep: test_sweep" in page
    assert "Ramp: offered vs achieved rate" in page  # its knee depends on the machine's load
    assert '<span class="chip failed"' in page  # test_bounded's p99 bound
    assert '<span class="chip met"' in page  # test_sweep's throughput bound
    # sweep + per result: timeline, spectrum, memory; the ramp adds its stage chart.
    assert _chart_ids(page) == 1 + 5 * 3 + 1
    details = json.loads((project.path / "out" / "r.json").read_text())["results"]
    bounded = next(r for r in details if r["test_name"] == "test_bounded")
    assert bounded["thresholds"] == [
        {"metric": "p99", "op": "<=", "bound": "1us", "measured": bounded["p99_ms"], "met": False}
    ]
    assert len(bounded["memory_series"]["seconds"]) == len(bounded["memory_series"]["rss_mb"]) > 1


def test_the_ini_twin_writes_the_report_relative_to_the_root(project: pytest.Pytester) -> None:
    project.makefile(".ini", pytest=INI + "stress_html = reports/stress.html\n")
    project.makepyfile(REPORTED_TESTS)
    project.runpytest("-k", "manual").assert_outcomes(passed=1, deselected=4)
    assert (project.path / "reports" / "stress.html").is_file()


def test_under_xdist_the_controller_alone_writes_one_complete_report(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(REPORTED_TESTS)
    result = project.runpytest_subprocess("-n", "2", "--stress-html=report.html")
    result.assert_outcomes(passed=4, failed=1)
    page = (project.path / "report.html").read_text(encoding="utf-8")
    assert page.count('<td class="name">') == 5
    assert not list(project.path.glob("*.tmp"))


def test_with_a_baseline_the_report_sets_current_beside_baseline(
    project: pytest.Pytester,
) -> None:
    project.makepyfile(REPORTED_TESTS)
    fields = dict.fromkeys(CSV_COLUMNS, "")
    fields.update(test_name="test_manual", throughput="1e12", p95_ms="1e-9")
    header = ",".join(CSV_COLUMNS)
    (project.path / "base.csv").write_text(header + "\n" + ",".join(fields.values()) + "\n")
    result = project.runpytest("-k", "manual", "--stress-baseline=base.csv", "--stress-html=r.html")
    result.assert_outcomes(passed=1, deselected=4)
    page = (project.path / "r.html").read_text(encoding="utf-8")
    assert '<table class="baseline">' in page
    assert "Against the baseline" in page
    assert page.count("num delta-worse") == 2  # throughput fell, p95 rose


def test_without_plotly_the_option_is_a_usage_error_naming_the_extra(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.makepyfile(REPORTED_TESTS)
    monkeypatch.setitem(sys.modules, "plotly", None)  # what an absent package looks like
    result = project.runpytest("--stress-html=report.html")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--stress-html: *pip install pytest-aegis-stress[[]html[]]*"])
    assert not (project.path / "report.html").exists()
    monkeypatch.delitem(sys.modules, "plotly")
    project.runpytest("-k", "manual").assert_outcomes(passed=1, deselected=4)
