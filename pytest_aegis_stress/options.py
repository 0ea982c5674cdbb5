"""Command-line options and their ini twins, resolved once into :class:`Settings`.

Every option defaults to None so that the ini value applies when the command line is silent;
the command line wins when both are given. A bad value is a usage error naming the option.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pytest_aegis_stress.engine.durations import parse_duration
from pytest_aegis_stress.engine.results import CSV_COLUMNS
from pytest_aegis_stress.report.baseline import column_for
from pytest_aegis_stress.report.html import MissingExtraError, require_plotly
from pytest_aegis_stress.settings import DEFAULT_CSV, PROFILES, Settings

__all__ = ["add_options", "parse_compare", "read_settings"]

_COMPARE_ITEM = re.compile(r"(?P<metric>[a-z0-9_]+):(?P<pct>\d+(?:\.\d+)?)%")


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("aegis-stress", "stress testing (pytest-aegis-stress)")
    specs = [
        (
            "--stress-profile",
            "stress_profile",
            "quick",
            "profile of durations and sizes: quick (default), standard or full",
        ),
        (
            "--stress-duration",
            "stress_duration",
            None,
            "timed duration of every stress test, over profile and markers (500ms, 30s, 5m, 2h)",
        ),
        (
            "--stress-csv",
            "stress_csv",
            DEFAULT_CSV,
            f"CSV file that results are appended to (default {DEFAULT_CSV}; 'none' to disable)",
        ),
        (
            "--stress-json",
            "stress_json",
            None,
            "also write every result, with ramp stages, as JSON",
        ),
        (
            "--stress-html",
            "stress_html",
            None,
            "also write a self-contained HTML report with charts (needs the [html] extra)",
        ),
        (
            "--stress-baseline",
            "stress_baseline",
            None,
            "earlier results CSV to compare against, by test name",
        ),
        (
            "--stress-compare-fail",
            "stress_compare_fail",
            None,
            "fail tests that regressed past the baseline, e.g. p95:20%,throughput:10%",
        ),
    ]
    for flag, ini, default, text in specs:
        # argparse formats help with %, so a literal % is doubled there (not in the ini help).
        group.addoption(flag, dest=ini, default=None, metavar="VALUE", help=text.replace("%", "%%"))
        parser.addini(ini, text, default=default)
    group.addoption(
        "--stress-no-progress",
        dest="stress_no_progress",
        action="store_true",
        default=None,
        help="no live progress line during long stress runs (it is off in CI anyway)",
    )
    parser.addini("stress_no_progress", "no live progress line", type="bool", default=False)


def _value(config: pytest.Config, name: str) -> str | None:
    given = config.getoption(name)
    value = given if given is not None else config.getini(name)
    return None if value in (None, "") else str(value)


def _path(config: pytest.Config, name: str) -> Path | None:
    """A path option: relative to the working directory when given on the command line,
    to the root directory when it comes from the ini file."""
    value = _value(config, name)
    if value is None or value.lower() == "none":
        return None
    base = Path.cwd() if config.getoption(name) is not None else config.rootpath
    return base / value


def parse_compare(text: str | None) -> dict[str, float]:
    """``p95:20%,throughput:10%`` → ``{"p95": 0.2, "throughput": 0.1}``."""
    if not text:
        return {}
    limits = {}
    for item in text.split(","):
        match = _COMPARE_ITEM.fullmatch(item.strip())
        if match is None or column_for(match["metric"]) not in CSV_COLUMNS:
            raise ValueError(item)
        limits[match["metric"]] = float(match["pct"]) / 100
    return limits


def read_settings(config: pytest.Config) -> Settings:
    """Resolve options and ini values, or raise ``pytest.UsageError`` naming the bad one."""
    profile = _value(config, "stress_profile") or "quick"
    if profile not in PROFILES:
        raise pytest.UsageError(
            f"--stress-profile: expected one of {', '.join(PROFILES)}, got {profile!r}"
        )
    raw_duration = _value(config, "stress_duration")
    try:
        duration = (
            None
            if raw_duration is None
            else parse_duration(raw_duration, field="--stress-duration")
        )
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None
    compare_text = _value(config, "stress_compare_fail")
    try:
        compare = parse_compare(compare_text)
    except ValueError as error:
        raise pytest.UsageError(
            f"--stress-compare-fail: expected METRIC:PCT% items such as p95:20%,throughput:10%, "
            f"got {compare_text!r} (bad item {error})"
        ) from None
    baseline = _path(config, "stress_baseline")
    if compare and baseline is None:
        raise pytest.UsageError("--stress-compare-fail needs --stress-baseline FILE")
    if baseline is not None and not baseline.is_file():
        raise pytest.UsageError(f"--stress-baseline: no such file {str(baseline)!r}")
    html = _path(config, "stress_html")
    if html is not None:
        try:
            require_plotly()
        except MissingExtraError as error:
            raise pytest.UsageError(f"--stress-html: {error}") from None
    no_progress = config.getoption("stress_no_progress") or config.getini("stress_no_progress")
    return Settings(
        profile=profile,
        duration=duration,
        csv=_path(config, "stress_csv"),
        json=_path(config, "stress_json"),
        html=html,
        baseline=baseline,
        compare_fail=compare,
        progress=not no_progress,
    )
