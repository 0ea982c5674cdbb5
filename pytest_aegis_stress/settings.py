"""Resolved settings and the plugin's profile table; plain data, no pytest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_CSV", "PROFILES", "Profile", "Settings"]

DEFAULT_CSV = "reports/stress_results.csv"


@dataclass(frozen=True, slots=True)
class Profile:
    """Default timed durations, in seconds, for stress and endurance tests."""

    duration: float
    endurance: float


#: Durations that tests get from ``stress_duration`` when neither option nor marker sets one.
PROFILES = {
    "quick": Profile(duration=1.0, endurance=5.0),
    "standard": Profile(duration=10.0, endurance=600.0),
    "full": Profile(duration=60.0, endurance=86_400.0),
}


@dataclass(frozen=True, slots=True)
class Settings:
    profile: str
    duration: float | None
    csv: Path | None
    json: Path | None
    baseline: Path | None
    compare_fail: dict[str, float]
    progress: bool
    html: Path | None = None

    @property
    def defaults(self) -> Profile:
        return PROFILES[self.profile]
