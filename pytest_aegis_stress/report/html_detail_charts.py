"""The report's detail charts: latency spectrum, memory over time, change against baseline."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from pytest_aegis_stress.report.html_shapes import (
    Spectrum,
    failed_spectrum,
    memory_fit,
    percentile_spectrum,
)
from pytest_aegis_stress.report.html_style import COLOURS, Figure, lay_out
from pytest_aegis_stress.report.html_tables import Delta

__all__ = ["baseline_chart", "memory_chart", "spectrum_chart"]

Result = Mapping[str, Any]


def memory_chart(result: Result) -> Figure | None:
    """Resident memory over time, with the fitted growth line over the settled part."""
    fit = memory_fit(result)
    if fit is None:
        return None
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=list(fit.seconds),
            y=list(fit.rss_mb),
            name="resident MB",
            mode="lines",
            line={"color": COLOURS["memory"]},
        )
    )
    figure.add_trace(
        go.Scatter(
            x=list(fit.line_seconds),
            y=list(fit.line_mb),
            name=f"fitted slope {fit.slope_mb_per_min:+.3g} MB/min",
            mode="lines",
            line={"color": COLOURS["fit"], "dash": "dash", "width": 3},
        )
    )
    figure.update_xaxes(title_text="seconds since the run started")
    figure.update_yaxes(title_text="resident memory (MB)")
    return lay_out(figure, "Resident memory over time")


def _percentile_label(percentile: float) -> str:
    return "max" if percentile >= 100 else f"{percentile:g}%"


def _spectrum_x(percentile: float, top: float) -> float:
    """HdrHistogram's axis: 1 / (1 - q), so each added nine is one step on a log scale."""
    return top if percentile >= 100 else 1 / (1 - percentile / 100)


def _spectrum_trace(spectrum: Spectrum, top: float, name: str, colour: str) -> Any:
    return go.Scatter(
        x=[_spectrum_x(p, top) for p in spectrum.percentiles],
        y=[max(v, 1e-6) for v in spectrum.latency_ms],  # a log axis has no zero
        mode="lines+markers",
        name=name,
        line={"color": colour},
        text=[_percentile_label(p) for p in spectrum.percentiles],
        hovertemplate=f"{name} %{{text}}: %{{y:.4g}} ms<extra></extra>",
    )


def spectrum_chart(result: Result) -> Figure | None:
    """Latency by percentile, on log axes, from the histogram when the result has one; the
    failed calls' spectrum beside it when they were kept."""
    spectrum = percentile_spectrum(result)
    if spectrum is None:
        return None
    failed = failed_spectrum(result)
    finite = [p for p in spectrum.percentiles if p < 100]
    top = 10 * _spectrum_x(max(finite, default=99.0), 0)
    figure = go.Figure(_spectrum_trace(spectrum, top, "completed", COLOURS["p99"]))
    if failed is not None:
        figure.add_trace(_spectrum_trace(failed, top, "failed", COLOURS["offered"]))
    ticks = [2.0, 10.0, 100.0, 1e3, 1e4, 1e5]  # 50% on; 0% would crowd it
    shown = [t for t in ticks if t <= top / 10 * 1.001] + [top]
    names = [_percentile_label(100 * (1 - 1 / t)) for t in shown[:-1]] + ["max"]
    figure.update_xaxes(
        type="log", title_text="percentile", tickvals=shown, ticktext=names, showspikes=False
    )
    values = [max(v, 1e-6) for v in spectrum.latency_ms]
    decades = math.log10(max(values) / min(values))
    # A tick per decade over a wide range; 1-2-5 steps over a narrow one (plotly's default
    # labels every digit there, which reads as noise).
    figure.update_yaxes(type="log", title_text="latency (ms)", dtick=1 if decades >= 2 else "D2")
    source = "full histogram" if spectrum.exact else "summary percentiles"
    return lay_out(figure, f"Latency percentile spectrum ({source})", hovermode="closest")


def baseline_chart(deltas: Sequence[Delta]) -> Figure | None:
    """Relative change of each compared figure; red where it got worse, green where better."""
    shown = [d for d in deltas if d.change is not None and math.isfinite(d.change)]
    if not shown:
        return None
    figure = go.Figure(
        go.Bar(
            x=[100 * (d.change or 0.0) for d in shown],
            y=[d.label for d in shown],
            orientation="h",
            marker_color=["#e45756" if d.worse else "#54a24b" for d in shown],
            text=[f"{d.current:.4g} vs {d.baseline:.4g}" for d in shown],
            hovertemplate="%{y}: %{x:+.1f}% (%{text})<extra></extra>",
        )
    )
    figure.update_xaxes(title_text="change against the baseline (%)", zeroline=True)
    figure.update_yaxes(autorange="reversed")
    return lay_out(figure, "Against the baseline", hovermode="closest", showlegend=False)
