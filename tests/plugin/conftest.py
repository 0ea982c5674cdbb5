"""Layered fixtures for end-to-end plugin tests: a pytester project, then helpers on it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

INI = """
[pytest]
addopts = --strict-markers --strict-config -p no:cacheprovider -p no:randomly
asyncio_mode = strict
asyncio_default_fixture_loop_scope = function
junit_family = xunit1
filterwarnings =
    error
    # pytester runs pytest in this process, where the plugin is already imported
    ignore:Module already imported so cannot be rewritten:pytest.PytestAssertRewriteWarning
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A pytester directory with this project's strict settings and a CSV under reports/."""
    pytester.makefile(".ini", pytest=INI)
    return pytester


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as source:
        return list(csv.DictReader(source))


@pytest.fixture
def csv_rows(project: pytest.Pytester) -> object:
    """Rows of the project's default CSV, read when called."""

    def read() -> list[dict[str, str]]:
        return read_csv(project.path / "reports" / "stress_results.csv")

    return read
