"""The HTML report opened in a real browser: Debian's Chromium, driven by Playwright.

Skipped with the reason when Chromium or Playwright is missing, except under CI
(``CI=true``), where ``.ci/run`` installs Chromium and a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pytest_aegis_stress.engine.results import CSV_COLUMNS
from tests.plugin.test_html_e2e import REPORTED_TESTS

#: Chromium as a sandboxed CI job can run it: no GPU, no sandbox, no background traffic.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: An image from outside, added to the page: its policy must refuse it before any request.
OUTSIDE_PROBE = """
() => new Promise(resolve => {
    document.addEventListener('securitypolicyviolation',
        event => resolve(event.effectiveDirective), {once: true});
    const image = new Image();
    image.src = 'https://example.invalid/probe.png';
    document.body.appendChild(image);
})
"""
#: Every chart has drawn: its SVG exists, has size, and holds at least one trace.
CHART_STATES = """
() => [...document.querySelectorAll('.plotly-graph-div')].map(div => {
    const svg = div.querySelector('svg.main-svg');
    const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    return {id: div.id, width: box.width, height: box.height,
            traces: div.querySelectorAll('g.trace, g.barlayer .point').length};
})
"""
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


def _chromium() -> str:
    """The browser's path, or skip (fail under CI) saying what is missing."""
    missing = []
    path = shutil.which("chromium")
    if path is None:
        missing.append("Debian's chromium (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -e '.[test]')")
    if missing:
        reason = "the browser test needs " + " and ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + "; .ci/run installs both", pytrace=False)
        pytest.skip(reason)
    assert path is not None
    return path


@dataclass
class Visit:
    """What a page did in Chromium: console errors, requests that left the file, charts."""

    console: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    charts: list[dict[str, Any]] = field(default_factory=list)
    refused_by: str = ""
    seconds: float = 0.0


def visit(path: Path, screenshot: Path | None = None) -> Visit:
    """Open ``path`` in headless Chromium with every request that leaves the file refused,
    wait until the page says each chart was tried, and read what happened."""
    chromium = _chromium()
    from playwright.sync_api import Route, sync_playwright

    seen = Visit()

    def refuse_the_network(route: Route) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            seen.outside.append(route.request.url)
            route.abort()

    started = time.perf_counter()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.route("**/*", refuse_the_network)
            page.on(
                "request",
                lambda r: None if r.url.startswith(LOCAL_SCHEMES) else seen.outside.append(r.url),
            )
            page.on("console", lambda m: seen.console.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: seen.console.append(str(error)))
            page.goto(path.as_uri(), wait_until="load", timeout=60_000)
            # A function, not an expression: the page's policy forbids eval.
            page.wait_for_function(
                "() => document.body.hasAttribute('data-charts-drawn')", timeout=120_000
            )
            seen.seconds = time.perf_counter() - started
            seen.charts = page.evaluate(CHART_STATES)
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
            # Last, as it adds a console error and a request of its own.
            before = len(seen.console), len(seen.outside)
            seen.refused_by = page.evaluate(OUTSIDE_PROBE)
            del seen.console[before[0] :], seen.outside[before[1] :]
        finally:
            browser.close()
    return seen


@pytest.fixture
def report(project: pytest.Pytester) -> Path:
    """A report of a small real stress run, compared with a baseline so that every kind of
    chart is on the page."""
    project.makepyfile(REPORTED_TESTS)
    fields = dict.fromkeys(CSV_COLUMNS, "")
    fields.update(test_name="test_ramp", throughput="450", p95_ms="2.5", p99_ms="4")
    header = ",".join(CSV_COLUMNS)
    (project.path / "base.csv").write_text(header + "\n" + ",".join(fields.values()) + "\n")
    result = project.runpytest("--stress-html=report.html", "--stress-baseline=base.csv")
    result.assert_outcomes(passed=4, failed=1)
    return project.path / "report.html"


def _drawn(chart: dict[str, Any]) -> bool:
    return bool(chart["width"] > 100 and chart["height"] > 100 and chart["traces"])


def test_the_report_draws_every_chart_offline_without_errors(
    report: Path, request: pytest.FixtureRequest
) -> None:
    expected = report.read_text(encoding="utf-8").count('<div id="chart-')
    shot = request.config.rootpath / "reports" / "html-report-browser-test.png"
    seen = visit(report, screenshot=shot)
    assert seen.console == []
    assert seen.outside == []
    assert seen.refused_by == "img-src"
    assert expected >= 18
    assert len(seen.charts) == expected
    assert [c["id"] for c in seen.charts if not _drawn(c)] == []
    assert shot.stat().st_size > 20_000
    print(f"{expected} charts drawn {seen.seconds:.1f} s after launching Chromium; see {shot}")


def test_a_chart_that_cannot_draw_is_a_console_error_not_a_hang(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    broken = page.replace('data-chart="chart-2">{', 'data-chart="chart-2">{oops', 1)
    assert broken != page
    report.write_text(broken, encoding="utf-8")
    seen = visit(report)
    assert len(seen.console) == 1
    assert seen.console[0].startswith("chart-2: SyntaxError")
    assert [c["id"] for c in seen.charts if not _drawn(c)] == ["chart-2"]


def test_a_missing_browser_skips_here_and_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Debian's chromium"):
        _chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"chromium.*\.ci/run installs both"):
        _chromium()
