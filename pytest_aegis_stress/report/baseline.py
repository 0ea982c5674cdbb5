"""Comparison with an earlier results CSV: which figures regressed, and by how much."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pytest_aegis_stress.report.csv_file import read_rows

__all__ = ["Baseline", "column_for"]

_ALIASES = {
    "p50": "p50_ms",
    "p95": "p95_ms",
    "p99": "p99_ms",
    "p999": "p999_ms",
    "max": "max_ms",
    "memory": "peak_memory_mb",
}
#: Columns where a larger figure is better; for every other one, larger is a regression.
_HIGHER_IS_BETTER = {"throughput", "max_sustainable_rate", "ops_completed"}


def column_for(metric: str) -> str:
    return _ALIASES.get(metric, metric)


class Baseline:
    """The latest row per test name of an earlier CSV."""

    def __init__(self, rows: Mapping[str, Mapping[str, str]]) -> None:
        self.rows = rows

    @classmethod
    def load(cls, path: Path) -> Baseline:
        return cls({row["test_name"]: row for row in read_rows(path)})

    def regressions(self, row: Mapping[str, Any], limits: Mapping[str, float]) -> list[str]:
        """Messages for each figure of ``row`` worse than the baseline by more than its limit."""
        before = self.rows.get(str(row["test_name"]))
        if before is None:
            return []
        messages = []
        for metric, limit in limits.items():
            column = column_for(metric)
            old_text, new = before.get(column, ""), row.get(column)
            if old_text in ("", None) or new is None:
                continue
            old = float(old_text)
            change = (float(new) - old) / old if old else 0.0
            worse = -change if column in _HIGHER_IS_BETTER else change
            if worse > limit:
                messages.append(
                    f"{row['test_name']}: {metric} regressed {worse:.1%} "
                    f"(baseline {old:g}, now {float(new):g}; allowed {limit:.0%})"
                )
        return messages
