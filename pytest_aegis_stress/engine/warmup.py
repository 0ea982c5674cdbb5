"""The harness's own code paths, run once per process before any measured window.

Their first-use costs (lazily imported NumPy internals, a thread's first allocations, the
folding's temporaries reaching their size) would otherwise read as the operation's growth.
"""

from __future__ import annotations

import time

import numpy as np

from pytest_aegis_stress.engine.assemble import result_from, stages_from
from pytest_aegis_stress.engine.open_threads import OpenThreads
from pytest_aegis_stress.engine.recording import FLUSH_ROWS, Buffer, Recording
from pytest_aegis_stress.engine.schedule import Schedule

__all__ = ["warm_up"]

_warmed_up = False


def _nothing() -> None:
    """The warm-up's operation."""


def warm_up() -> None:
    """Run the harness's own code paths once, outside any measured window, so that their
    first-use costs (lazily imported NumPy internals, interned objects) are not read as the
    operation's memory growth."""
    global _warmed_up  # noqa: PLW0603 - a once-per-process flag
    if _warmed_up:
        return
    rows = FLUSH_ROWS
    schedule = Schedule(0, [rows / 2.0, rows / 2.0], 1_000_000_000)  # two stages of a second
    recording = Recording(0, schedule=schedule)
    for _ in range(2):  # a full buffer, twice: the folding's temporaries reach their size
        buffer = Buffer(recording)
        spread = np.geomspace(1_000, 10**9, rows).astype(np.int64)  # a wide latency range
        due = np.arange(rows, dtype=np.int64) * (2_000_000_000 // rows)
        buffer.rows.extend(np.column_stack((due, due + spread // 2, due + spread)).ravel())
        buffer.fail(RuntimeError("warm-up"), 0, 1, 2)
        recording.fold(buffer.take())
    recording.unserved_at(schedule.planned - 1, 3_000_000_000)
    stages_from(recording, schedule)[-1].sustained(1.0)
    result_from("warm-up", 1.0, [recording])
    # A pool's whole life once, on a tiny schedule: thread start, lead, finish and exit.
    tiny = Schedule(time.perf_counter_ns(), [1000.0], 5_000_000)
    pool = OpenThreads(
        _nothing,
        tiny,
        Recording(0, schedule=tiny),
        time.perf_counter_ns,
        time.sleep,
        workers=1,
        max_workers=1,
        grace_ns=0,
    )
    pool.run()
    pool.fold_remaining()
    _warmed_up = True
