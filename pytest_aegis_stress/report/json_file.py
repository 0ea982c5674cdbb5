"""The JSON report: every result in full, stages, histograms and series included.

The document's shape is stable (fields are only ever added) so that other tools, such as the
HTML report, can read it::

    {
      "run_id": "3f2c9a1b7d4e", "profile": "quick", "versions": "python 3.11.7; ...",
      "results": [
        {
          # identity and outcome
          "test_name": "test_ramp::knee", "outcome": "passed", "tier": "minimum",
          "profile": "quick", "run_id": "...", "timestamp": "2026-11-30T09:41:46+0000",
          "mode": "open-loop",             # or thread, task, process, manual
          "workers": 1,                     # threads or tasks in flight at the peak
          # totals (the CSV's columns, same names and units)
          "duration_s": 4.0, "ops_completed": 12000, "ops_failed": 0,
          "throughput": 3000.0, "error_rate": 0.0,
          "p50_ms": 0.01, "p95_ms": 0.02, "p99_ms": 0.05, "p999_ms": 1.2, "max_ms": 3.1,
          "failed_p50_ms": 0.0, "failed_p95_ms": 0.0, "failed_p99_ms": 0.0,
          "failed_max_ms": 0.0,
          "service_p95_ms": 0.01,           # open loop: from the actual start; else null
          "offered_rate": 4000.0, "max_sustainable_rate": 3000.0,   # open loop, else null
          "late_starts": 0, "dropped_starts": 0, "late_after_ms": 1.0,
          "insufficient_concurrency": 0, "harness_cpu_pct": 12.5,
          "avg_memory_mb": 80.1, "peak_memory_mb": 81.0, "memory_growth_mb": 0.01,
          "memory_slope_mb_per_min": 0.0, "avg_cpu_pct": 40.2,
          "errors": ["RuntimeError: ..."],  # the first five messages
          # per second since the start, by completion time (index = second)
          "throughput_series": [2990, 3001, ...],         # completed calls
          "latency_series": [[p50_ms, p95_ms, p99_ms], ...],
          # the whole latency distribution: [highest value in ns, count] per bucket in
          # use, rising, three significant digits; failed calls apart
          "latency_histogram": [[9983, 12], [10007, 40], ...],
          "failed_histogram": [],
          # resident memory while measured: seconds since the first sample, MB (<= 400)
          "memory_series": {"seconds": [0.0, 0.1, ...], "rss_mb": [80.1, 80.2, ...]},
          # each marker threshold, the figure it measured (in its unit) and whether it held
          "thresholds": [{"metric": "p95", "op": "<=", "bound": "10ms",
                          "measured": 3.2, "met": true}],
          # open loop: one entry per stage, in order
          "stages": [
            {"offered_rate": 1000.0, "achieved_rate": 1000.0, "served_rate": 1000.0,
             "ops_completed": 1000, "ops_failed": 0, "planned": 1000,
             "late_starts": 0, "dropped_starts": 0, "backlog_start": 0, "backlog_end": 0,
             "late_after_ms": 1.0, "p50_ms": 0.01, "p95_ms": 0.02, "p99_ms": 0.04,
             "service_p95_ms": 0.01}
            # , then the next stage's entry, and so on
          ]
        }
      ]
    }

Whether a stage was sustainable is not stored: it follows from the stage's figures by
:func:`pytest_aegis_stress.engine.sustain.sustainable`, and a stage whose offered rate
equals ``max_sustainable_rate`` is the knee.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

__all__ = ["write_json"]


def write_json(path: Path, results: Sequence[Mapping[str, Any]], meta: Mapping[str, Any]) -> None:
    """Write the document atomically (a temporary file renamed over ``path``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {**meta, "results": list(results)}
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(json.dumps(document, indent=2, default=str), encoding="utf-8")
    temporary.replace(path)
