"""The ``stress`` and ``endurance`` markers, registered and read through typed functions."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from pytest_aegis_stress.engine.durations import parse_duration
from pytest_aegis_stress.report.thresholds import THRESHOLD_METRICS, Threshold, parse_thresholds

__all__ = ["StressMarks", "read_marks", "register_markers"]

STRESS_HELP = (
    "stress(duration=None, **thresholds): a stress test. Optional duration ('30s') and "
    f"thresholds on its results ({', '.join(THRESHOLD_METRICS)}), e.g. p95='10ms', "
    "throughput='>=5000/s', error_rate='<1%', memory_growth='<20MB'; a threshold that is not "
    "met fails the test with the measured figure."
)
ENDURANCE_HELP = (
    "endurance: a long-running stress test; its default duration is the profile's endurance "
    "duration. Skip these with -m 'stress and not endurance'."
)


@dataclass(frozen=True, slots=True)
class StressMarks:
    is_stress: bool
    is_endurance: bool
    duration: float | None
    thresholds: list[Threshold]


def register_markers(config: pytest.Config) -> None:
    config.addinivalue_line("markers", STRESS_HELP)
    config.addinivalue_line("markers", ENDURANCE_HELP)


def read_marks(item: pytest.Item) -> StressMarks:
    """The stress settings of one test; a malformed marker is a ``ValueError`` naming it."""
    marker = item.get_closest_marker("stress")
    keywords = dict(marker.kwargs) if marker is not None else {}
    if marker is not None and marker.args:
        raise ValueError(
            f"{item.nodeid}: @pytest.mark.stress takes keywords only, got {marker.args!r}"
        )
    raw_duration = keywords.pop("duration", None)
    try:
        duration = None if raw_duration is None else parse_duration(raw_duration, field="duration")
        thresholds = parse_thresholds(keywords)
    except ValueError as error:
        raise ValueError(f"{item.nodeid}: @pytest.mark.stress: {error}") from None
    return StressMarks(
        is_stress=marker is not None,
        is_endurance=item.get_closest_marker("endurance") is not None,
        duration=duration,
        thresholds=thresholds,
    )
