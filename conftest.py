"""Shared by every test folder: Hypothesis profiles sized for a 2-core CI machine."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", parent=settings.get_profile("default"), max_examples=50, derandomize=True
)
settings.load_profile("ci" if os.environ.get("CI") else "default")
