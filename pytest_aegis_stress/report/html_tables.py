"""The HTML report's tables: the summary of every result, and current against baseline.

Plain strings built with :func:`html.escape` on every value that came from a run (test
names carry parameters, error messages carry anything), so the page shows them as text.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from pytest_aegis_stress.report.html_series import as_float, number

__all__ = ["SAME_WITHIN", "Delta", "anchor", "baseline_deltas", "baseline_table", "summary_table"]

Result = Mapping[str, Any]

#: (title, field, format) of the summary's figure columns.
_FIGURES = (
    ("ops/s", "throughput", "{:,.0f}"),
    ("p50 ms", "p50_ms", "{:.3g}"),
    ("p95 ms", "p95_ms", "{:.3g}"),
    ("p99 ms", "p99_ms", "{:.3g}"),
    ("errors", "error_rate", "{:.2%}"),
    ("peak MB", "peak_memory_mb", "{:,.1f}"),
    ("max rate", "max_sustainable_rate", "{:,.0f}"),
)
#: (label, field) compared with the baseline, and whether a larger figure is better.
_COMPARED = (
    ("throughput (ops/s)", "throughput", True),
    ("p50 (ms)", "p50_ms", False),
    ("p95 (ms)", "p95_ms", False),
    ("p99 (ms)", "p99_ms", False),
    ("p99.9 (ms)", "p999_ms", False),
    ("max (ms)", "max_ms", False),
    ("error rate", "error_rate", False),
    ("peak memory (MB)", "peak_memory_mb", False),
    ("memory growth (MB)", "memory_growth_mb", False),
    ("max sustainable rate (ops/s)", "max_sustainable_rate", True),
)
#: A relative change this small is no change: the baseline CSV keeps six significant digits.
SAME_WITHIN = 0.0005
_TIERS = ("target", "acceptable", "minimum", "below-minimum")
#: The unit of each threshold's measured figure, as the session records it.
_UNITS = dict.fromkeys(("p50", "p95", "p99", "p999", "max"), " ms")
_UNITS |= {"throughput": " ops/s", "memory_growth": " MB", "error_rate": " (fraction)"}


def anchor(test_name: str) -> str:
    """An HTML-safe id for a result's section, the same in every run (unlike ``hash``)."""
    safe = "".join(c if c.isalnum() else "-" for c in test_name)
    return f"r-{safe.strip('-')}-{zlib.crc32(test_name.encode()):08x}"


def _cell(result: Result, key: str, pattern: str) -> str:
    value = number(result, key)
    if value is None:
        return ""
    if pattern == "{:.3g}" and abs(value) >= 1000:  # 2140, not 2.14e+03
        pattern = "{:,.0f}"
    return escape(pattern.format(value))


def _thresholds(result: Result) -> str:
    checks = result.get("thresholds")
    if not isinstance(checks, list) or not checks:
        return '<span class="none">—</span>'
    chips = []
    for check in checks:
        if not isinstance(check, Mapping):
            continue
        met = check.get("met") is True
        text = f"{check.get('metric', '?')} {check.get('op', '')} {check.get('bound', '')}"
        measured = as_float(check.get("measured"))
        unit = _UNITS.get(str(check.get("metric")), "")
        title = "" if measured is None else f"measured {measured:.4g}{unit}"
        chips.append(
            f'<span class="chip {"met" if met else "failed"}" title="{escape(str(title))}">'
            f"{'✓' if met else '✗'} {escape(text)}</span>"
        )
    return " ".join(chips)


def summary_table(results: Sequence[Result]) -> str:
    """Every result in one table: figures, tier, thresholds and outcome, coloured."""
    head = "".join(f"<th>{escape(title)}</th>" for title, _, _ in _FIGURES)
    rows = []
    for result in results:
        name = str(result.get("test_name", ""))
        outcome = str(result.get("outcome", ""))
        tier = str(result.get("tier") or "")
        tier_class = f"tier-{tier}" if tier in _TIERS else ""
        figures = "".join(
            f'<td class="num">{_cell(result, key, pattern)}</td>' for _, key, pattern in _FIGURES
        )
        rows.append(
            f'<tr class="outcome-{escape(outcome)}">'
            f'<td class="name"><a href="#{anchor(name)}">{escape(name)}</a></td>'
            f'<td class="mode">{escape(str(result.get("mode", "")))}</td>{figures}'
            f'<td class="{tier_class}">{escape(tier) or "—"}</td>'
            f'<td class="thresholds">{_thresholds(result)}</td>'
            f'<td class="outcome">{escape(outcome)}</td></tr>'
        )
    return (
        '<div class="wide"><table class="summary"><thead><tr><th>test</th><th>mode</th>'
        f"{head}<th>tier</th><th>thresholds</th><th>outcome</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


@dataclass(frozen=True, slots=True)
class Delta:
    """One figure now and in the baseline; ``change`` is relative, ``worse`` its direction."""

    label: str
    field: str
    current: float
    baseline: float
    change: float | None
    worse: bool


def baseline_deltas(result: Result, baseline: Mapping[str, Any] | None) -> list[Delta]:
    """The compared figures that both the result and its baseline row have."""
    if not baseline:
        return []
    deltas = []
    for label, field, higher_is_better in _COMPARED:
        now, before = number(result, field), number(baseline, field)
        if now is None or before is None:
            continue
        change = (now - before) / abs(before) if before else None
        if change is not None and abs(change) < SAME_WITHIN:
            change = 0.0
        worse = change is not None and (change < 0 if higher_is_better else change > 0)
        deltas.append(Delta(label, field, now, before, change, worse))
    return deltas


def _show(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def baseline_table(deltas: Iterable[Delta]) -> str:
    """Current and baseline side by side, with the relative change coloured by direction."""
    rows = []
    for delta in deltas:
        if delta.change is None or delta.change == 0:
            change, tone = "±0" if delta.change is not None else "n/a", "same"
        else:
            tone = "worse" if delta.worse else "better"
            # Past ten times, a ratio reads better than a percentage with eight digits.
            ratio = delta.current / delta.baseline
            change = f"×{ratio:.3g}" if abs(delta.change) >= 10 else f"{delta.change:+.1%}"
        rows.append(
            f"<tr><td>{escape(delta.label)}</td><td class='num'>{_show(delta.current)}</td>"
            f"<td class='num'>{_show(delta.baseline)}</td>"
            f"<td class='num delta-{tone}'>{escape(change)}</td></tr>"
        )
    return (
        '<table class="baseline"><thead><tr><th>figure</th><th>current</th><th>baseline</th>'
        f"<th>change</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
