"""pytest-aegis-stress: stress testing as pytest tests.

Drive any callable, sync or async, closed-loop or at an open-loop arrival rate, and get
throughput, coordinated-omission-corrected latency percentiles and memory growth as
numbers: appended to a CSV, attached to JUnit XML, summarised in the terminal.

The plugin loads through its ``pytest11`` entry point; tests use its fixtures
(``stress``, ``stress_duration``, ``stress_metrics``, ``resource_monitor``) and markers
(``stress``, ``endurance``).
"""

from pytest_aegis_stress.engine.durations import parse_duration
from pytest_aegis_stress.engine.histogram import LatencyHistogram
from pytest_aegis_stress.engine.load import StressRunner
from pytest_aegis_stress.engine.recorder import MetricsRecorder
from pytest_aegis_stress.engine.resources import ResourceMonitor, ResourceSummary
from pytest_aegis_stress.engine.results import StageResult, StressResult
from pytest_aegis_stress.engine.sustain import sustainable
from pytest_aegis_stress.report.thresholds import Threshold, parse_thresholds

__all__ = [
    "LatencyHistogram",
    "MetricsRecorder",
    "ResourceMonitor",
    "ResourceSummary",
    "StageResult",
    "StressResult",
    "StressRunner",
    "Threshold",
    "parse_duration",
    "parse_thresholds",
    "sustainable",
]
