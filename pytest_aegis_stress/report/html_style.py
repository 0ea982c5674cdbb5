"""The report's look: the page's stylesheet (inline, so the file needs nothing beside it)
and the layout and colours every chart shares.

Colours say the same thing everywhere: green for met, passed and better; red for failed and
worse; amber for the middle tiers. Text carries the meaning too (✓/✗, the outcome word),
so the table still reads in grey print or to a colour-blind reader.
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["COLOURS", "PAGE_STYLE", "Figure", "lay_out"]

Figure = Any  # plotly ships no type information

#: One colour per quantity, the same in every chart.
COLOURS = {"ops": "#4c78a8", "p50": "#54a24b", "p95": "#f58518", "p99": "#e45756"}
COLOURS |= {"offered": "#9d9d9d", "memory": "#72b7b2", "fit": "#b279a2"}


def lay_out(figure: Figure, title: str, **extra: Any) -> Figure:
    """The shared layout: escaped title, white template, legend on top, ``extra`` over it."""
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


PAGE_STYLE = """
:root { --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9;
        --mid-bg: #fff8c5; --grey: #6e7781; --line: #d0d7de; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328;
       margin: 0 auto; padding: 16px 24px 48px; max-width: 1500px; }
header p { color: var(--grey); margin: 2px 0; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px;
     margin-top: 28px; }
h3 { font-size: 15px; margin: 0 0 4px; font-family: ui-monospace, monospace; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: left;
         vertical-align: top; }
div.wide { overflow-x: auto; }
table.summary { font-size: 13px; }
td.mode, td.outcome, td[class^="tier"] { white-space: nowrap; }
th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
td.name { font-family: ui-monospace, monospace; font-size: 12px; }
td.name a { color: inherit; }
tr.outcome-passed td.outcome { background: var(--ok-bg); color: var(--ok); }
tr.outcome-failed td.outcome { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
tr.outcome-skipped td.outcome { color: var(--grey); }
tr.outcome-failed td.name { border-left: 4px solid var(--bad); }
tr.outcome-passed td.name { border-left: 4px solid var(--ok); }
td.tier-target { background: var(--ok-bg); color: var(--ok); }
td.tier-acceptable { background: #eaf5ea; color: var(--ok); }
td.tier-minimum { background: var(--mid-bg); }
td.tier-below-minimum { background: var(--bad-bg); color: var(--bad); }
.chip { display: inline-block; border-radius: 10px; padding: 0 7px; margin: 1px 0;
        font-size: 12px; white-space: nowrap; }
.chip.met { background: var(--ok-bg); color: var(--ok); }
.chip.failed { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
.none { color: var(--grey); }
section.result { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px;
                 margin: 14px 0; }
section.result.outcome-failed { border-left: 5px solid var(--bad); }
section.result.outcome-passed { border-left: 5px solid var(--ok); }
.badge { font-family: system-ui, sans-serif; font-size: 12px; font-weight: 400;
         color: var(--grey); }
p.figures { color: var(--grey); margin: 0 0 6px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr));
          gap: 8px; }
/* auto-fill, not auto-fit: a chart is drawn as soon as it is parsed, at the width of its cell
   then, and auto-fit would give the first chart of a row the whole row. */
.chart { min-height: 330px; min-width: 0; }
table.baseline { margin-top: 8px; }
.delta-worse { color: var(--bad); font-weight: 600; }
.delta-better { color: var(--ok); }
.delta-same { color: var(--grey); }
"""
