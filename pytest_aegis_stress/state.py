"""Per-test and per-session state, kept in pytest's stash under these keys."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field

import pytest

from pytest_aegis_stress.engine.load import StressRunner
from pytest_aegis_stress.engine.recorder import MetricsRecorder
from pytest_aegis_stress.engine.resources import ResourceMonitor
from pytest_aegis_stress.engine.results import StressResult
from pytest_aegis_stress.markers import StressMarks
from pytest_aegis_stress.session import StressSession

__all__ = ["SESSION_KEY", "TEST_KEY", "TestState"]


@dataclass
class TestState:
    """What one test measured: its runners, recorder and monitor, and the rows they made."""

    __test__ = False  # not a test class, whatever pytest's collector thinks of the name

    name: str
    marks: StressMarks
    duration: float
    progress: bool = False
    suspend_capture: Callable[[], AbstractContextManager[object]] = nullcontext
    runners: list[StressRunner] = field(default_factory=list)
    recorder: MetricsRecorder | None = None
    monitor: ResourceMonitor | None = None
    rows: list[dict[str, object]] = field(default_factory=list)

    def results(self) -> list[StressResult]:
        """Every result of the test: the runners', then the recorder's (with the monitor's
        memory figures when both were used)."""
        results = [result for runner in self.runners for result in runner.results]
        if self.recorder is not None and (self.recorder.ops_completed or self.recorder.ops_failed):
            manual = self.recorder.result()
            if self.monitor is not None:
                summary = self.monitor.stop()
                manual.avg_memory_mb = summary.avg_memory_mb
                manual.peak_memory_mb = summary.peak_memory_mb
                manual.memory_growth_mb = summary.memory_growth_mb
                manual.memory_slope_mb_per_min = summary.memory_slope_mb_per_min
                manual.avg_cpu_pct = summary.avg_cpu_pct
                manual.memory_series = summary.memory_series
            results.append(manual)
        return results


SESSION_KEY = pytest.StashKey[StressSession]()
TEST_KEY = pytest.StashKey[TestState]()
