"""pytest-aegis-stress: stress testing as pytest tests.

Drive any callable, sync or async, closed-loop or at an open-loop arrival rate, and get
throughput, coordinated-omission-corrected latency percentiles and memory growth as
numbers: appended to a CSV, attached to JUnit XML, summarised in the terminal.

The plugin loads through its ``pytest11`` entry point; tests use its fixtures
(``stress``, ``stress_duration``, ``stress_metrics``, ``resource_monitor``) and markers
(``stress``, ``endurance``).
"""

from pytest_aegis_stress.durations import parse_duration
from pytest_aegis_stress.histogram import LatencyHistogram
from pytest_aegis_stress.load import StressRunner
from pytest_aegis_stress.recorder import MetricsRecorder
from pytest_aegis_stress.resources import ResourceMonitor, ResourceSummary
from pytest_aegis_stress.results import StageResult, StressResult
from pytest_aegis_stress.thresholds import Threshold, parse_thresholds

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
]
