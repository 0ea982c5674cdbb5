"""pytest hooks of pytest-aegis-stress.

Module-level hooks add the options and register one :class:`StressPlugin` per session; its
methods are the remaining hooks. All are thin: they turn pytest objects into calls on plain
classes (:class:`~pytest_aegis_stress.session.StressSession`, the load runner).
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from pytest_aegis_stress.fixtures import (
    resource_monitor,
    stress,
    stress_duration,
    stress_metrics,
    stress_profile,
)
from pytest_aegis_stress.markers import read_marks, register_markers
from pytest_aegis_stress.options import add_options, read_settings
from pytest_aegis_stress.progress import progress_wanted
from pytest_aegis_stress.session import StressSession
from pytest_aegis_stress.state import SESSION_KEY, TEST_KEY, TestState

RUN_ID_KEY = "aegis_stress_run_id"

__all__ = [
    "StressPlugin",
    "resource_monitor",
    "stress",
    "stress_duration",
    "stress_metrics",
    "stress_profile",
]


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    register_markers(config)
    settings = read_settings(config)
    worker_input = getattr(config, "workerinput", None)
    try:
        session = StressSession(settings, writes_files=worker_input is None)
    except ValueError as error:
        raise pytest.UsageError(f"--stress-csv: {error}") from None
    if worker_input is not None:
        session.run_id = worker_input.get(RUN_ID_KEY, session.run_id)
    config.stash[SESSION_KEY] = session
    config.pluginmanager.register(StressPlugin(config, session), "aegis-stress-session")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """pytest-xdist: give each worker the controller's run id, so all rows share it."""
    node.workerinput[RUN_ID_KEY] = node.config.stash[SESSION_KEY].run_id


def _properties(rows: list[dict[str, Any]]) -> list[tuple[str, object]]:
    """JUnit properties: ``throughput`` for a test with one result, ``NAME.throughput`` else."""
    properties: list[tuple[str, object]] = []
    for row in rows:
        prefix = "" if len(rows) == 1 else f"{row['test_name']}."
        properties.extend(
            (prefix + key, value)
            for key, value in row.items()
            if not key.startswith("_") and value not in (None, "")
        )
    return properties


class StressPlugin:
    """The session's hooks, bound to its :class:`StressSession`."""

    def __init__(self, config: pytest.Config, session: StressSession) -> None:
        self.config = config
        self.session = session

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        problem: str | None = None
        try:
            marks = read_marks(item)
        except ValueError as error:
            problem = str(error)
        if problem is not None:  # failed outside the handler: reported once, not chained
            pytest.fail(problem, pytrace=False)
        settings = self.session.settings
        default = settings.defaults.endurance if marks.is_endurance else settings.defaults.duration
        capture = self.config.pluginmanager.getplugin("capturemanager")
        item.stash[TEST_KEY] = TestState(
            name=item.nodeid.split("::", 1)[-1],
            marks=marks,
            duration=settings.duration or marks.duration or default,
            progress=progress_wanted(
                settings.progress and self.session.writes_files,
                isatty=self.config.get_terminal_writer().hasmarkup,
            ),
            suspend_capture=(
                capture.global_and_fixture_disabled if capture else TestState.suspend_capture
            ),
        )

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, object, object]:
        outcome = yield
        state = item.stash.get(TEST_KEY, None)
        if state is not None:
            problems = self.session.check(state.results(), state.marks.thresholds)
            if problems:
                pytest.fail("\n".join(problems), pytrace=False)
        return outcome

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        state = item.stash.get(TEST_KEY, None)
        if call.when == "call" and state is not None:
            rows = self.session.rows_for(state.results(), report.outcome, state.marks.thresholds)
            if rows:
                # A plain attribute: pytest-xdist carries it to the controller with the report.
                report.stress_rows = rows  # type: ignore[attr-defined]
                item.user_properties.extend(_properties(rows))
        return report

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        rows = getattr(report, "stress_rows", None)
        if rows and self.session.writes_files:
            self.session.record(rows)

    def pytest_sessionfinish(self) -> None:
        self.session.finish()

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        lines = self.session.summary()
        if not lines:
            return
        terminalreporter.write_sep("-", "stress results")
        for line in lines:
            terminalreporter.write_line(line)
        for warning in self.session.warnings():
            terminalreporter.write_line(f"warning: {warning}", yellow=True)
        if self.session.csv is not None:
            terminalreporter.write_line(f"results appended to {self.session.csv.path}")
        if self.session.settings.html is not None:
            terminalreporter.write_line(f"HTML report: {self.session.settings.html}")
