"""The HTML report without a browser: the figures behind each chart, the tables, the page."""

from __future__ import annotations

import json
import math
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_aegis_stress.engine.resources import MIB, SERIES_POINTS, memory_series
from pytest_aegis_stress.report.html import render_html, write_html
from pytest_aegis_stress.report.html_charts import ramp_chart
from pytest_aegis_stress.report.html_series import (
    base_name,
    knee_index,
    latency_series,
    sweeps,
)
from pytest_aegis_stress.report.html_shapes import memory_fit, percentile_spectrum
from pytest_aegis_stress.report.html_tables import (
    anchor,
    baseline_deltas,
    baseline_table,
    summary_table,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("test_x", "test_x"),
        ("test_x[workers=4]", "test_x"),
        ("test_x[a-[b]]::probe", "test_x::probe"),
        ("test_x[unclosed", "test_x"),
    ],
)
def test_base_name_drops_the_parameters(name: str, expected: str) -> None:
    assert base_name(name) == expected


def _closed(name: str, workers: int, throughput: float) -> dict[str, Any]:
    return {"test_name": name, "workers": workers, "throughput": throughput, "mode": "thread"}


def test_a_sweep_groups_one_function_at_several_worker_counts() -> None:
    results = [
        _closed("test_io[workers=4]", 4, 3200.0),
        _closed("test_io[workers=1]", 1, 1000.0),
        _closed("test_io[workers=2]", 2, 1800.0),
        _closed("test_cpu[workers=1]", 1, 500.0),  # one worker count only: no sweep
        _closed("test_plain", 1, 10.0),
    ]
    (sweep,) = sweeps(results)
    assert sweep.name == "test_io"
    assert sweep.workers == (1, 2, 4)
    assert sweep.throughput == (1000.0, 1800.0, 3200.0)
    assert sweep.efficiency == pytest.approx((1.0, 0.9, 0.8))


def test_sweep_efficiency_is_relative_to_the_smallest_worker_count() -> None:
    results = [_closed("t[w2]", 2, 2000.0), _closed("t[w8]", 8, 4000.0)]
    (sweep,) = sweeps(results)
    assert sweep.efficiency == pytest.approx((1.0, 0.5))


def test_open_loop_results_are_no_sweep_whatever_their_pool_grew_to() -> None:
    results = [
        {**_closed("test_rate[100]", 3, 100.0), "offered_rate": 100.0},
        {**_closed("test_rate[200]", 7, 200.0), "offered_rate": 200.0},
    ]
    assert sweeps(results) == []


def _ramp(rates: list[float], achieved: list[float], best: float | None) -> dict[str, Any]:
    return {
        "test_name": "test_ramp",
        "max_sustainable_rate": best,
        "stages": [
            {"offered_rate": o, "achieved_rate": a, "p95_ms": 1.0}
            for o, a in zip(rates, achieved, strict=True)
        ],
    }


def test_the_knee_is_the_last_stage_offering_the_sustainable_rate() -> None:
    assert knee_index(_ramp([100, 200, 300], [100, 200, 150], 200)) == 1
    assert knee_index(_ramp([100, 200, 100], [100, 200, 100], 200)) == 1
    assert knee_index(_ramp([100, 200], [50, 60], 0.0)) is None
    assert knee_index({"max_sustainable_rate": 100}) is None


def test_the_ramp_chart_marks_the_knee_and_tells_what_each_stage_lost() -> None:
    result = _ramp([100, 200, 400], [100, 200, 250], 200)
    result["stages"][2].update(late_starts=1200, dropped_starts=0, backlog_end=35)
    figure = ramp_chart(result)
    achieved, offered, p95 = figure.data
    assert list(p95.y) == [1.0, 1.0, 1.0]
    assert list(achieved.y) == [100, 200, 250]
    assert list(offered.y) == [100, 200, 400]
    assert list(achieved.text) == ["", "", "(1,200 late, 35 waiting at the end)"]
    (knee,) = figure.layout.annotations
    assert knee.text == "knee: 200/s sustained"
    assert knee.x == "2: 200/s"
    assert ramp_chart(_ramp([100], [100], 100)) is None  # one stage: a constant rate


def test_a_stage_marked_unsustained_is_not_the_knee() -> None:
    result = _ramp([100, 100], [100, 90], 100)
    result["stages"][1]["sustained"] = False
    assert knee_index(result) == 0


def test_the_spectrum_without_a_histogram_uses_the_summary_percentiles() -> None:
    result = {"p50_ms": 1.0, "p95_ms": 2.0, "p99_ms": 4.0, "p999_ms": 8.0, "max_ms": 9.0}
    spectrum = percentile_spectrum(result)
    assert spectrum is not None
    assert not spectrum.exact
    assert spectrum.percentiles == (50.0, 95.0, 99.0, 99.9, 100.0)
    assert spectrum.latency_ms == (1.0, 2.0, 4.0, 8.0, 9.0)
    assert percentile_spectrum({"p50_ms": 0.0, "max_ms": 0.0}) is None
    assert percentile_spectrum({}) is None


def test_the_spectrum_from_bucket_counts_takes_the_ceiling_rank() -> None:
    # 100 values: 90 at 1 ms, 9 at 10 ms, 1 at 100 ms.
    result = {
        "latency_histogram": [[10_000_000, 9], [1_000_000, 90], [100_000_000, 1]],
        "max_ms": 100.0,
    }
    spectrum = percentile_spectrum(result)
    assert spectrum is not None
    assert spectrum.exact
    at = dict(zip(spectrum.percentiles, spectrum.latency_ms, strict=True))
    assert (at[50.0], at[90.0], at[95.0], at[99.0], at[99.5], at[100.0]) == (
        1.0,
        1.0,
        10.0,
        10.0,
        100.0,
        100.0,
    )


def test_latency_series_reads_columns_or_rows_and_keeps_gaps() -> None:
    columns = {"latency_series": {"p50_ms": [1, 2], "p95_ms": [3, None], "p99_ms": []}}
    series = latency_series(columns)
    assert series["p50"] == [1.0, 2.0]
    assert series["p95"][0] == 3.0
    assert math.isnan(series["p95"][1])
    assert "p99" not in series
    rows = {"latency_series": [{"p50_ms": 1, "p95_ms": 2, "p99_ms": 3}]}
    assert latency_series(rows) == {"p50": [1.0], "p95": [2.0], "p99": [3.0]}
    engine = latency_series({"latency_series": [[1, 2, 3], [], [4, 5, 6]]})
    assert engine["p99"][::2] == [3.0, 6.0]
    assert math.isnan(engine["p99"][1])
    assert latency_series({"latency_series": "nonsense"}) == {}
    stalled = {"latency_series": [[1, 2, 3], [0, 0, 0]], "throughput_series": [10, 0]}
    assert math.isnan(latency_series(stalled)["p50"][1])


def test_the_memory_line_has_the_reported_slope_through_the_settled_mean() -> None:
    seconds = [float(s) for s in range(11)]
    rss = [100.0 + 0.5 * s for s in seconds]  # 0.5 MB/s = 30 MB/min
    result = {
        "memory_series": {"seconds": seconds, "rss_mb": rss},
        "memory_slope_mb_per_min": 30.0,
    }
    fit = memory_fit(result)
    assert fit is not None
    assert fit.line_seconds == (2.0, 10.0)  # the first fifth is warm-up
    assert fit.line_mb == pytest.approx((101.0, 105.0))
    assert memory_fit({"memory_series": {"seconds": [0.0], "rss_mb": [1.0]}}) is None
    assert memory_fit({}) is None


def test_baseline_deltas_know_which_direction_is_worse() -> None:
    current = {"throughput": 900.0, "p95_ms": 1.2, "error_rate": 0.0}
    baseline = {"throughput": "1000", "p95_ms": "1.0", "error_rate": "0", "max_ms": "3"}
    deltas = {d.field: d for d in baseline_deltas(current, baseline)}
    assert set(deltas) == {"throughput", "p95_ms", "error_rate"}
    assert deltas["throughput"].change == pytest.approx(-0.1)
    assert deltas["throughput"].worse
    assert deltas["p95_ms"].change == pytest.approx(0.2)
    assert deltas["p95_ms"].worse
    assert deltas["error_rate"].change is None
    assert not deltas["error_rate"].worse
    table = baseline_table(deltas.values())
    assert "-10.0%" in table
    assert "+20.0%" in table
    assert "n/a" in table
    assert baseline_deltas(current, None) == []
    # The baseline CSV keeps six significant digits: a rounding difference is no change.
    (rounded,) = baseline_deltas({"p99_ms": 160.7004}, {"p99_ms": "160.7"})
    assert rounded.change == 0.0
    assert not rounded.worse
    assert "±0" in baseline_table([rounded])


def test_the_summary_colours_outcomes_tiers_and_thresholds() -> None:
    results = [
        {
            "test_name": "test_<b>[x]",
            "outcome": "failed",
            "tier": "minimum",
            "throughput": 1234.5,
            "p99_ms": 2141.7,
            "thresholds": [
                {"metric": "p95", "op": "<=", "bound": "10ms", "met": False, "measured": 12.0},
                {"metric": "throughput", "op": ">=", "bound": "1000/s", "met": True},
            ],
        }
    ]
    table = summary_table(results)
    assert "test_&lt;b&gt;[x]" in table
    assert "<b>" not in table
    assert 'class="outcome-failed"' in table
    assert 'class="tier-minimum"' in table
    assert 'class="chip failed"' in table
    assert "✗ p95 &lt;= 10ms" in table
    assert 'title="measured 12 ms"' in table
    assert 'class="chip met"' in table
    assert "1,234" in table
    assert "2,142" in table  # a latency past a second, in whole ms, not 2.14e+03
    assert f'href="#{anchor("test_<b>[x]")}"' in table


class _Elements(HTMLParser):
    """Counts start tags, and keeps external references, of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.external: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith(("#", "data:")):
                self.external.append(value)
            if name == "id" and value:
                self.ids.append(value)


def _figures(page: str) -> list[dict[str, Any]]:
    """The plotly figures of a page, as the drawing script will read them."""
    marker = '<script type="application/json" data-chart="'
    figures = []
    for block in page.split(marker)[1:]:
        body = block.split('">', 1)[1].split("</script>", 1)[0]
        figures.append(json.loads(body))
    return figures


SAMPLE = [
    {**_closed("test_io[workers=1]", 1, 1000.0), "throughput_series": [990, 1010]},
    {**_closed("test_io[workers=2]", 2, 1900.0), "outcome": "failed", "errors": ["E: <x>"]},
    {**_ramp([100, 200], [100, 150], 100), "mode": "open-loop", "p50_ms": 0.1, "max_ms": 2.0},
]


def test_the_page_is_self_contained_with_one_chart_per_figure(tmp_path: Path) -> None:
    path = tmp_path / "out" / "report.html"
    meta = {"run_id": "abc123", "profile": "quick", "written": "2026-01-02 03:04:05 UTC"}
    write_html(path, SAMPLE, meta)
    page = path.read_text(encoding="utf-8")
    elements = _Elements()
    elements.feed(page)
    assert elements.external == []
    assert "Content-Security-Policy" in page
    assert "default-src 'none'" in page
    assert len(elements.ids) == len(set(elements.ids))
    charts = [i for i in elements.ids if i.startswith("chart-")]
    # the sweep, the first result's timeline, the ramp and the ramp's spectrum
    assert len(charts) == 4
    assert "E: &lt;x&gt;" in page
    assert "run_id abc123 · profile quick" in page
    assert "written 2026-01-02 03:04:05 UTC" in page
    layouts = [figure["layout"] for figure in _figures(page)]
    annotations = [note["text"] for layout in layouts for note in layout.get("annotations", [])]
    assert annotations == ["knee: 100/s sustained"]
    assert not list(tmp_path.joinpath("out").glob("*.tmp"))


def test_text_from_a_run_cannot_end_a_script_or_inject_markup() -> None:
    hostile = "</script><script>alert(1)</script><!--"
    results = [
        {**_closed(f"test_x[{hostile}]", 1, 10.0), "throughput_series": [10], "errors": [hostile]},
        {**_closed(f"test_x[{hostile}2]", 2, 10.0), "thresholds": [{"metric": hostile}]},
    ]
    page = render_html(results, {"run_id": hostile})
    elements = _Elements()
    elements.feed(page)
    charts = page.count('<div id="chart-')
    assert charts == 2  # the sweep and the first result's timeline
    # plotly.js, one JSON block per chart, the drawing script: nothing more.
    assert elements.tags["script"] == 1 + charts + 1
    assert "<script>alert" not in page


_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
)
_INNER_KEYS = st.sampled_from(
    [
        "seconds",
        "rss_mb",
        "p50_ms",
        "upper_ns",
        "counts",
        "offered_rate",
        "achieved_rate",
        "p95_ms",
        "sustained",
        "metric",
        "op",
        "bound",
        "met",
        "measured",
    ]
)
_ANY_VALUE = st.one_of(
    _SCALAR,
    st.lists(_SCALAR, max_size=4),
    st.dictionaries(_INNER_KEYS, st.one_of(_SCALAR, st.lists(_SCALAR, max_size=4)), max_size=3),
    st.lists(st.dictionaries(_INNER_KEYS, _SCALAR, max_size=4), max_size=3),
    st.lists(st.lists(_SCALAR, max_size=3), max_size=3),
)
_FIELDS = st.sampled_from(
    [
        "test_name",
        "workers",
        "throughput",
        "stages",
        "max_sustainable_rate",
        "p50_ms",
        "max_ms",
        "memory_series",
        "latency_series",
        "histogram",
        "latency_histogram",
        "failed_histogram",
        "failed_max_ms",
        "throughput_series",
        "thresholds",
        "errors",
        "outcome",
        "tier",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.dictionaries(_FIELDS, _ANY_VALUE, max_size=8), max_size=3))
def test_any_partial_or_odd_result_renders_without_error(results: list[dict[str, Any]]) -> None:
    page = render_html(results, {})
    assert page.startswith("<!DOCTYPE html>")
    assert page.endswith("</html>")


@pytest.mark.parametrize("samples", [0, 1, 2, 399, 400, 401, 4095])
def test_the_memory_series_is_bounded_relative_and_keeps_the_last_sample(samples: int) -> None:
    times = [100.0 + 0.1 * i for i in range(samples)]
    rss = [float(80 * MIB + i * 1024) for i in range(samples)]
    series = memory_series(times, rss)
    assert len(series["seconds"]) == len(series["rss_mb"]) <= SERIES_POINTS
    if samples:
        assert series["seconds"][0] == 0.0
        assert series["seconds"][-1] == pytest.approx(times[-1] - times[0], abs=1e-3)
        assert series["rss_mb"][-1] == pytest.approx(rss[-1] / MIB, abs=1e-3)
        assert series["seconds"] == sorted(series["seconds"])
