"""The fixtures a stress test asks for: ``stress``, ``stress_duration``, ``stress_metrics``,
``resource_monitor`` and ``stress_profile``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pytest_aegis_stress.engine.load import StressRunner
from pytest_aegis_stress.engine.recorder import MetricsRecorder
from pytest_aegis_stress.engine.resources import ResourceMonitor
from pytest_aegis_stress.progress import LiveLine
from pytest_aegis_stress.state import SESSION_KEY, TEST_KEY, TestState

__all__ = ["resource_monitor", "stress", "stress_duration", "stress_metrics", "stress_profile"]


def _state(request: pytest.FixtureRequest) -> TestState:
    state: TestState = request.node.stash[TEST_KEY]
    return state


@pytest.fixture
def stress_profile(request: pytest.FixtureRequest) -> str:
    """The active profile: ``quick``, ``standard`` or ``full``."""
    return request.config.stash[SESSION_KEY].settings.profile


@pytest.fixture
def stress_duration(request: pytest.FixtureRequest) -> float:
    """Seconds this test should run: ``--stress-duration``, else the marker's ``duration``,
    else the profile's default (its endurance duration for ``endurance`` tests)."""
    return _state(request).duration


@pytest.fixture
def stress(request: pytest.FixtureRequest, stress_duration: float) -> Iterator[StressRunner]:
    """The load runner; every result it returns is recorded for the CSV and JUnit XML."""
    state = _state(request)
    live = LiveLine(state.name, suspend_capture=state.suspend_capture) if state.progress else None
    runner = StressRunner(state.name, stress_duration, progress=live)
    state.runners.append(runner)
    if live is None:
        yield runner
    else:
        with live.clearing():
            yield runner


@pytest.fixture
def stress_metrics(request: pytest.FixtureRequest) -> MetricsRecorder:
    """A recorder for hand-written loops: ``record(latency_s, ok=True)`` or ``measure()``."""
    state = _state(request)
    state.recorder = MetricsRecorder(state.name)
    return state.recorder


@pytest.fixture
def resource_monitor(request: pytest.FixtureRequest) -> Iterator[ResourceMonitor]:
    """Resident memory and CPU sampled in the background for the whole test."""
    state = _state(request)
    state.monitor = ResourceMonitor().start()
    yield state.monitor
    state.monitor.stop()
