"""The terminal's summary table of a session's results."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["concurrency_warnings", "summary_table"]

_SUMMARY = (
    ("test", "test_name", "{}"),
    ("ops/s", "throughput", "{:,.0f}"),
    ("p50 ms", "p50_ms", "{:.3f}"),
    ("p95 ms", "p95_ms", "{:.3f}"),
    ("p99 ms", "p99_ms", "{:.3f}"),
    ("errors", "error_rate", "{:.2%}"),
    ("peak MB", "peak_memory_mb", "{:.1f}"),
    ("max rate", "max_sustainable_rate", "{:,.0f}"),
    ("tier", "tier", "{}"),
    ("outcome", "outcome", "{}"),
)


def summary_table(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Fixed-width lines of the key figures, one row per result."""
    cells = [[title for title, _, _ in _SUMMARY]]
    cells.extend(
        [
            "" if row.get(key) in (None, "") else pattern.format(row[key])
            for _, key, pattern in _SUMMARY
        ]
        for row in rows
    )
    widths = [max(len(line[i]) for line in cells) for i in range(len(_SUMMARY))]
    return [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in cells
    ]


def concurrency_warnings(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """One line per result whose open loop hit its concurrency cap: its figures then describe
    the cap as much as the operation."""
    return [
        f"{row['test_name']}: {row['insufficient_concurrency']} starts waited for a free "
        f"worker at the concurrency cap (raise max_workers for a plain callable, "
        f"max_in_flight for a coroutine function)"
        for row in rows
        if row.get("insufficient_concurrency")
    ]
