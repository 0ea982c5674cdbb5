"""The report's load charts: throughput and latency over time, ramps, concurrency sweeps.

Each builder returns None when its result lacks the data, so the page only has charts that
show something. Titles and hover labels are escaped: plotly reads a subset of HTML in text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pytest_aegis_stress.report.html_series import (
    Sweep,
    as_float,
    knee_index,
    latency_series,
    listed,
    number,
    stages,
)
from pytest_aegis_stress.report.html_style import COLOURS, Figure, lay_out

__all__ = ["ramp_chart", "sweep_chart", "timeline_chart"]

#: The right-hand axis picks its own round ticks and leaves the grid to the left one.
_RIGHT_AXIS = {"tickmode": "auto", "showgrid": False}

Result = Mapping[str, Any]


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
            go.Bar(x=seconds, y=series, name="ops/s", marker_color=COLOURS["ops"], opacity=0.6),
            secondary_y=False,
        )
    for label, values in percentiles.items():
        figure.add_trace(
            go.Scatter(
                x=seconds[: len(values)],
                y=values,
                name=f"{label} ms",
                mode="lines+markers",
                line={"color": COLOURS[label]},
            ),
            secondary_y=True,
        )
    figure.update_xaxes(title_text="second of the run", rangemode="tozero")
    figure.update_yaxes(title_text="completed ops/s", secondary_y=False, rangemode="tozero")
    figure.update_yaxes(
        title_text="latency (ms)", secondary_y=True, rangemode="tozero", **_RIGHT_AXIS
    )
    title = "Throughput" + (" and latency percentiles" if percentiles else "") + " over time"
    return lay_out(figure, title, bargap=0.1)


_STAGE_COUNTS = (
    ("ops_failed", "failed"),
    ("late_starts", "late"),
    ("dropped_starts", "dropped"),
    ("backlog_end", "waiting at the end"),
)


def _stage_note(stage: Mapping[str, Any]) -> str:
    """What went wrong in a stage, for its hover label: failed, late, dropped, backlog."""
    parts = [
        f"{value:,.0f} {label}" for key, label in _STAGE_COUNTS if (value := number(stage, key))
    ]
    return f"({', '.join(parts)})" if parts else ""


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
            marker_color=COLOURS["ops"],
            text=[_stage_note(s) for s in steps],
            textposition="none",
            hovertemplate="%{y:,.0f}/s %{text}",
        ),
        secondary_y=False,
    )
    figure.add_trace(
        go.Scatter(
            x=labels,
            y=[number(s, "offered_rate") for s in steps],
            name="offered ops/s",
            mode="lines+markers",
            line={"color": COLOURS["offered"], "dash": "dash"},
        ),
        secondary_y=False,
    )
    figure.add_trace(
        go.Scatter(
            x=labels,
            y=[number(s, "p95_ms") for s in steps],
            name="p95 ms",
            mode="lines+markers",
            line={"color": COLOURS["p95"]},
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
    figure.update_yaxes(title_text="p95 (ms)", secondary_y=True, rangemode="tozero", **_RIGHT_AXIS)
    return lay_out(figure, "Ramp: offered vs achieved rate, p95 per stage")


def sweep_chart(sweep: Sweep) -> Figure:
    """Throughput (bars) and scaling efficiency (line, %) against the number of workers."""
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    workers = [str(w) for w in sweep.workers]
    figure.add_trace(
        go.Bar(x=workers, y=list(sweep.throughput), name="ops/s", marker_color=COLOURS["ops"]),
        secondary_y=False,
    )
    figure.add_trace(
        go.Scatter(
            x=workers,
            y=[100 * e for e in sweep.efficiency],
            name="scaling efficiency %",
            mode="lines+markers",
            line={"color": COLOURS["p95"]},
        ),
        secondary_y=True,
    )
    figure.update_xaxes(title_text="workers", type="category")
    figure.update_yaxes(title_text="ops/s", secondary_y=False, rangemode="tozero")
    top = max([110.0, *(105 * e for e in sweep.efficiency)])
    figure.update_yaxes(
        title_text="efficiency (%)", secondary_y=True, range=[0, top], **_RIGHT_AXIS
    )
    return lay_out(figure, f"Concurrency sweep: {sweep.name}")
