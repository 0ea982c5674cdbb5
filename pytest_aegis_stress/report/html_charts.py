"""The report's charts, as plotly figures built from the readers of :mod:`html_series`.

Each builder returns None when its result lacks the data, so the page only has charts that
show something. Titles and hover labels are escaped: plotly reads a subset of HTML in text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pytest_aegis_stress.report.html_series import (
    Spectrum,
    Sweep,
    as_float,
    failed_spectrum,
    knee_index,
    latency_series,
    listed,
    memory_fit,
    number,
    percentile_spectrum,
    stages,
)
from pytest_aegis_stress.report.html_tables import Delta

__all__ = [
    "baseline_chart",
    "memory_chart",
    "ramp_chart",
    "spectrum_chart",
    "sweep_chart",
    "timeline_chart",
]

Result = Mapping[str, Any]
Figure = Any  # plotly ships no type information

_COLOURS = {"ops": "#4c78a8", "p50": "#54a24b", "p95": "#f58518", "p99": "#e45756"}
_COLOURS |= {"offered": "#9d9d9d", "memory": "#72b7b2", "fit": "#b279a2"}


def _layout(figure: Figure, title: str, **extra: Any) -> Figure:
    settings: dict[str, Any] = {"hovermode": "x unified", **extra}
    figure.update_layout(
        title={"text": escape(title), "font": {"size": 14}},
        template="plotly_white",
        height=330,
        margin={"l": 60, "r": 60, "t": 60, "b": 45},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        **settings,
    )
    return figure


def timeline_chart(result: Result) -> Figure | None:
    """Throughput per second (bars) and, when kept, p50/p95/p99 per second (lines, ms)."""
    counted = [as_float(v) for v in listed(result.get("throughput_series"))]
    series = counted if any(v is not None for v in counted) else []
    percentiles = latency_series(result)
    if not series and not percentiles:
        return None
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    seconds = list(range(max(len(series), *(len(v) for v in percentiles.values()), 0)))
    if series:
        figure.add_trace(
            go.Bar(x=seconds, y=series, name="ops/s", marker_color=_COLOURS["ops"], opacity=0.6),
            secondary_y=False,
        )
    for label, values in percentiles.items():
        figure.add_trace(
            go.Scatter(
                x=seconds[: len(values)],
                y=values,
                name=f"{label} ms",
                mode="lines+markers",
                line={"color": _COLOURS[label]},
            ),
            secondary_y=True,
        )
    figure.update_xaxes(title_text="second of the run", rangemode="tozero")
    figure.update_yaxes(title_text="completed ops/s", secondary_y=False, rangemode="tozero")
    figure.update_yaxes(title_text="latency (ms)", secondary_y=True, rangemode="tozero")
    title = "Throughput" + (" and latency percentiles" if percentiles else "") + " over time"
    return _layout(figure, title, bargap=0.1)


def ramp_chart(result: Result) -> Figure | None:
    """Offered against achieved rate per stage, p95 per stage, the sustainable knee marked."""
    steps = stages(result)
    if len(steps) < 2:  # a constant rate is one stage: its timeline says it all
        return None
    labels = [f"{i + 1}: {number(s, 'offered_rate') or 0:,.0f}/s" for i, s in enumerate(steps)]
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    figure.add_trace(
        go.Bar(
            x=labels,
            y=[number(s, "achieved_rate") for s in steps],
            name="achieved ops/s",
            marker_color=_COLOURS["ops"],
        ),
        secondary_y=False,
    )
    figure.add_trace(
        go.Scatter(
            x=labels,
            y=[number(s, "offered_rate") for s in steps],
            name="offered ops/s",
            mode="lines+markers",
            line={"color": _COLOURS["offered"], "dash": "dash"},
        ),
        secondary_y=False,
    )
    figure.add_trace(
        go.Scatter(
            x=labels,
            y=[number(s, "p95_ms") for s in steps],
            name="p95 ms",
            mode="lines+markers",
            line={"color": _COLOURS["p95"]},
        ),
        secondary_y=True,
    )
    knee = knee_index(result)
    if knee is not None:
        figure.add_vline(x=knee, line={"color": "#2ca02c", "width": 2, "dash": "dot"})
        figure.add_annotation(
            x=labels[knee],
            y=1,
            yref="paper",
            text=f"knee: {number(result, 'max_sustainable_rate') or 0:,.0f}/s sustained",
            showarrow=False,
            yanchor="top",
            bgcolor="rgba(255,255,255,0.85)",
            font={"color": "#2ca02c"},
        )
    figure.update_xaxes(title_text="stage: offered rate", type="category")
    figure.update_yaxes(title_text="ops/s", secondary_y=False, rangemode="tozero")
    figure.update_yaxes(title_text="p95 (ms)", secondary_y=True, rangemode="tozero")
    return _layout(figure, "Ramp: offered vs achieved rate, p95 per stage")


def sweep_chart(sweep: Sweep) -> Figure:
    """Throughput (bars) and scaling efficiency (line, %) against the number of workers."""
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    workers = [str(w) for w in sweep.workers]
    figure.add_trace(
        go.Bar(x=workers, y=list(sweep.throughput), name="ops/s", marker_color=_COLOURS["ops"]),
        secondary_y=False,
    )
    figure.add_trace(
        go.Scatter(
            x=workers,
            y=[100 * e for e in sweep.efficiency],
            name="scaling efficiency %",
            mode="lines+markers",
            line={"color": _COLOURS["p95"]},
        ),
        secondary_y=True,
    )
    figure.update_xaxes(title_text="workers", type="category")
    figure.update_yaxes(title_text="ops/s", secondary_y=False, rangemode="tozero")
    top = max([110.0, *(105 * e for e in sweep.efficiency)])
    figure.update_yaxes(title_text="efficiency (%)", secondary_y=True, range=[0, top])
    return _layout(figure, f"Concurrency sweep: {sweep.name}")


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
            line={"color": _COLOURS["memory"]},
        )
    )
    figure.add_trace(
        go.Scatter(
            x=list(fit.line_seconds),
            y=list(fit.line_mb),
            name=f"fitted slope {fit.slope_mb_per_min:+.3g} MB/min",
            mode="lines",
            line={"color": _COLOURS["fit"], "dash": "dash", "width": 3},
        )
    )
    figure.update_xaxes(title_text="seconds since the run started")
    figure.update_yaxes(title_text="resident memory (MB)")
    return _layout(figure, "Resident memory over time")


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
    figure = go.Figure(_spectrum_trace(spectrum, top, "completed", _COLOURS["p99"]))
    if failed is not None:
        figure.add_trace(_spectrum_trace(failed, top, "failed", _COLOURS["offered"]))
    ticks = [1.0, 2.0, 10.0, 100.0, 1e3, 1e4, 1e5]
    shown = [t for t in ticks if t <= top / 10 * 1.001] + [top]
    names = [_percentile_label(100 * (1 - 1 / t)) for t in shown[:-1]] + ["max"]
    figure.update_xaxes(
        type="log", title_text="percentile", tickvals=shown, ticktext=names, showspikes=False
    )
    figure.update_yaxes(type="log", title_text="latency (ms)")
    source = "full histogram" if spectrum.exact else "summary percentiles"
    return _layout(figure, f"Latency percentile spectrum ({source})", hovermode="closest")


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
    return _layout(figure, "Against the baseline", hovermode="closest", showlegend=False)
