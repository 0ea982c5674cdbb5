"""The session's stress state: rows for the CSV and JSON, checks, and the summary.

One :class:`StressSession` lives in ``config.stash``; hooks hand it plain data. Under
pytest-xdist only the controller writes files: workers attach their rows to test reports,
which xdist carries to the controller.
"""

from __future__ import annotations

import platform
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import version
from typing import Any

from pytest_aegis_stress.engine.results import StressResult
from pytest_aegis_stress.report.baseline import Baseline
from pytest_aegis_stress.report.csv_file import CsvReport
from pytest_aegis_stress.report.html import write_html
from pytest_aegis_stress.report.json_file import write_json
from pytest_aegis_stress.report.summary import concurrency_warnings, summary_table
from pytest_aegis_stress.report.thresholds import Threshold
from pytest_aegis_stress.settings import Settings

__all__ = ["StressSession"]


def _checks(result: StressResult, thresholds: Sequence[Threshold]) -> list[dict[str, Any]]:
    """Each threshold of the marker, with the figure it measured and whether it held."""
    return [
        {
            "metric": threshold.metric,
            "op": threshold.op,
            "bound": threshold.text,
            "measured": threshold.measure(result),
            "met": threshold.check(result) is None,
        }
        for threshold in thresholds
    ]


def _versions() -> str:
    return (
        f"python {platform.python_version()}; pytest-aegis-stress {version('pytest-aegis-stress')}"
    )


class StressSession:
    def __init__(
        self,
        settings: Settings,
        *,
        writes_files: bool,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.writes_files = writes_files
        self.run_id = uuid.uuid4().hex[:12]
        self.rows: list[dict[str, Any]] = []
        self.details: list[dict[str, Any]] = []
        self._clock = clock
        self._versions = _versions()
        self.csv = CsvReport(settings.csv) if settings.csv is not None and writes_files else None
        if self.csv is not None:
            self.csv.check_header()
        self.baseline = Baseline.load(settings.baseline) if settings.baseline else None

    def check(self, results: Iterable[StressResult], thresholds: list[Threshold]) -> list[str]:
        """Threshold violations and baseline regressions of one test's results."""
        problems: list[str] = []
        for result in results:
            problems.extend(m for t in thresholds if (m := t.check(result)) is not None)
            if self.baseline is not None and self.settings.compare_fail:
                problems.extend(
                    self.baseline.regressions(result.figures(), self.settings.compare_fail)
                )
        return problems

    def rows_for(
        self,
        results: Iterable[StressResult],
        outcome: str,
        thresholds: Sequence[Threshold] = (),
    ) -> list[dict[str, Any]]:
        """CSV rows for one test's results, stamped with outcome, profile and run; their
        details (for the JSON and HTML reports) add how each threshold fared."""
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(self._clock()))
        meta = {
            "outcome": outcome,
            "profile": self.settings.profile,
            "run_id": self.run_id,
            "timestamp": stamp,
            "versions": self._versions,
        }
        return [
            {
                **result.figures(),
                **meta,
                "_detail": {**result.to_dict(), "thresholds": _checks(result, thresholds)},
            }
            for result in results
        ]

    def record(self, rows: list[dict[str, Any]]) -> None:
        """Keep rows for the summary and append them to the CSV at once."""
        for row in rows:
            self.details.append({**row.pop("_detail", {}), **row})
            self.rows.append(row)
        if self.csv is not None:
            self.csv.append(rows)

    def finish(self) -> None:
        if not self.writes_files:
            return
        meta = {"run_id": self.run_id, "profile": self.settings.profile, "versions": self._versions}
        if self.settings.json is not None:
            write_json(self.settings.json, self.details, meta)
        if self.settings.html is not None:
            baseline = self.baseline.rows if self.baseline is not None else None
            written = time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(self._clock()))
            write_html(self.settings.html, self.details, {**meta, "written": written}, baseline)

    def summary(self) -> list[str]:
        return summary_table(self.rows) if self.rows else []

    def warnings(self) -> list[str]:
        """Results whose figures the harness's own limits shaped."""
        return concurrency_warnings(self.rows)
