"""``--stress-html``: one self-contained page with a summary table and charts per result.

The page embeds plotly's JavaScript once and every figure as data, so a CI artifact opens
in any browser with no network; its Content-Security-Policy forbids loading anything from
outside the file. Plotly is an optional extra and is imported only when a page is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from pytest_aegis_stress.report.html_script import DRAW_SCRIPT
from pytest_aegis_stress.report.html_series import base_name, number, sweeps
from pytest_aegis_stress.report.html_style import PAGE_STYLE
from pytest_aegis_stress.report.html_tables import (
    anchor,
    baseline_deltas,
    baseline_table,
    summary_table,
)

__all__ = ["HTML_EXTRA", "MissingExtraError", "render_html", "require_plotly", "write_html"]

HTML_EXTRA = "pip install pytest-aegis-stress[html]"
#: Nothing may be fetched: scripts, styles and images all live in the page.
_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; "
    "style-src 'unsafe-inline'; img-src data: blob:; font-src data:"
)
_JSON_IN_HTML = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))

Result = Mapping[str, Any]


class MissingExtraError(ImportError):
    """The HTML report was asked for, but its optional dependency is not installed."""


def require_plotly() -> None:
    """Raise :class:`MissingExtraError`, naming the extra to install, if plotly is missing."""
    try:
        import plotly  # noqa: F401
    except ImportError:
        raise MissingExtraError(
            f"the HTML report needs plotly, which is not installed; {HTML_EXTRA}"
        ) from None


class _Charts:
    """Turns figures into empty ``<div>`` elements with their figure beside them as JSON,
    drawn by :data:`DRAW_SCRIPT` once the page has loaded; ids are unique in the page."""

    def __init__(self) -> None:
        self.count = 0

    def div(self, figure: Any) -> str:
        import plotly.io as pio

        if figure is None:
            return ""
        self.count += 1
        chart_id = f"chart-{self.count}"
        # As JSON unicode escapes, "<", ">" and "&" cannot end the script element or open a
        # comment inside it, whatever a test name or an error message holds.
        data = pio.to_json(figure, validate=False)
        for character, escaped in _JSON_IN_HTML:
            data = data.replace(character, escaped)
        return (
            f'<div class="chart"><div id="{chart_id}" class="plotly-graph-div"></div>'
            f'<script type="application/json" data-chart="{chart_id}">{data}</script></div>'
        )


def _figures_line(result: Result) -> str:
    """One line of context: how the load was driven and how much of it there was."""
    parts = [f"{result.get('mode') or '?'} mode"]
    for key, pattern in (
        ("workers", "{:,.0f} worker(s)"),
        ("ops_completed", "{:,.0f} ops"),
        ("ops_failed", "{:,.0f} failed"),
        ("duration_s", "in {:.2f} s"),
        ("offered_rate", "offered up to {:,.0f}/s"),
        ("late_starts", "{:,.0f} late starts"),
        ("dropped_starts", "{:,.0f} dropped starts"),
        ("avg_cpu_pct", "CPU {:.0f}%"),
    ):
        value = number(result, key)
        if value is not None and (value != 0 or key in ("ops_completed", "duration_s")):
            parts.append(pattern.format(value))
    return escape(" · ".join(parts))


def _result_section(
    result: Result, charts: _Charts, baseline: Mapping[str, Mapping[str, Any]] | None
) -> str:
    from pytest_aegis_stress.report import html_charts as load
    from pytest_aegis_stress.report import html_detail_charts as detail

    name = str(result.get("test_name", ""))
    deltas = baseline_deltas(result, (baseline or {}).get(name))
    drawn = "".join(
        charts.div(figure)
        for figure in (
            load.timeline_chart(result),
            load.ramp_chart(result),
            detail.spectrum_chart(result),
            detail.memory_chart(result),
            detail.baseline_chart(deltas),
        )
    )
    raw_errors = result.get("errors")
    errors = [str(e) for e in raw_errors] if isinstance(raw_errors, list) else []
    error_list = (
        "<details><summary>first errors</summary><ul>"
        + "".join(f"<li><code>{escape(e)}</code></li>" for e in errors)
        + "</ul></details>"
        if errors
        else ""
    )
    # The table sits in the grid beside the chart of the same changes.
    comparison = f'<div class="chart">{baseline_table(deltas)}</div>' if deltas else ""
    outcome = escape(str(result.get("outcome", "")))
    return (
        f'<section class="result outcome-{outcome}" id="{anchor(name)}">'
        f'<h3>{escape(name)} <span class="badge">{outcome}</span></h3>'
        f'<p class="figures">{_figures_line(result)}</p>{error_list}'
        f'<div class="charts">{drawn}{comparison}</div></section>'
    )


def render_html(
    results: Sequence[Result],
    meta: Mapping[str, Any],
    baseline: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """The whole page as a string (``require_plotly`` first). ``meta`` gives the run's
    ``run_id``, ``profile``, ``versions`` and the time the page was ``written``."""
    from plotly.offline import get_plotlyjs

    from pytest_aegis_stress.report.html_charts import sweep_chart

    charts = _Charts()
    found = sweeps(results)
    sweep_part = "".join(charts.div(sweep_chart(sweep)) for sweep in found)
    sections = "".join(_result_section(result, charts, baseline) for result in results)
    outcomes = [str(r.get("outcome", "")) for r in results]
    counts = ", ".join(f"{outcomes.count(o)} {escape(o)}" for o in sorted(set(outcomes)))
    facts = " · ".join(
        escape(f"{key} {meta[key]}") for key in ("run_id", "profile", "versions") if meta.get(key)
    )
    written = f" · written {escape(str(meta['written']))}" if meta.get("written") else ""
    tests = len({base_name(str(r.get("test_name", ""))) for r in results})
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Stress report {escape(str(meta.get('run_id', '')))}</title>"
        f"<style>{PAGE_STYLE}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head><body>'
        f"<header><h1>Stress report</h1><p>{facts}</p>"
        f"<p>{len(results)} results of {tests} tests: {counts or 'none'}{written}</p></header>"
        f"<h2>Summary</h2>{summary_table(results)}"
        + (f'<h2>Concurrency sweeps</h2><div class="charts">{sweep_part}</div>' if found else "")
        + f"<h2>Results</h2>{sections}<script>{DRAW_SCRIPT}</script></body></html>"
    )


def write_html(
    path: Path,
    results: Sequence[Result],
    meta: Mapping[str, Any],
    baseline: Mapping[str, Mapping[str, Any]] | None = None,
) -> None:
    """Write the page atomically: a reader never sees half a file."""
    page = render_html(results, meta, baseline)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(path)
