"""Resident memory and CPU of this process, sampled in the background.

Growth is judged by the least-squares slope of resident memory after a warm-up share of the
run, so allocator noise and first-use caches do not read as a leak. Samples are decimated
when the buffer fills, so a day-long run keeps a bounded number of them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import psutil

__all__ = ["ResourceMonitor", "ResourceSummary", "memory_series", "memory_slope"]

MIB = 1024 * 1024
#: Samples kept before every other one is dropped and the interval doubled.
MAX_SAMPLES = 4096
#: Points of the memory series a result carries (every n-th sample, the last one always).
SERIES_POINTS = 400


@dataclass(frozen=True, slots=True)
class ResourceSummary:
    samples: int
    avg_memory_mb: float
    peak_memory_mb: float
    memory_growth_mb: float
    memory_slope_mb_per_min: float
    avg_cpu_pct: float
    #: CPU time of the sampling thread itself (part of the harness's share).
    sampler_cpu_s: float = 0.0
    #: Resident memory over the run, for charts: seconds since the first sample, and MB.
    memory_series: dict[str, list[float]] = field(default_factory=dict)


def memory_slope(times: list[float], rss: list[float], warmup: float = 0.2) -> float:
    """Least-squares slope of ``rss`` per unit of ``times``, after the ``warmup`` share."""
    start = int(len(times) * warmup)
    xs, ys = times[start:], rss[start:]
    if len(xs) < 2:
        return 0.0
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return 0.0
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def memory_series(times: list[float], rss: list[float]) -> dict[str, list[float]]:
    """At most :data:`SERIES_POINTS` samples, as seconds since the first one and MB."""
    stride = max(1, -(-len(times) // SERIES_POINTS))
    picked = list(range(0, len(times), stride))
    if picked and picked[-1] != len(times) - 1:
        picked[-1] = len(times) - 1
    return {
        "seconds": [round(times[i] - times[0], 3) for i in picked],
        "rss_mb": [round(rss[i] / MIB, 3) for i in picked],
    }


def _process_sampler() -> Callable[[], tuple[float, float]]:
    process = psutil.Process()
    process.cpu_percent(None)  # the first reading only primes the counter

    def sample() -> tuple[float, float]:
        return float(process.memory_info().rss), process.cpu_percent(None)

    return sample


class ResourceMonitor:
    """Samples resident memory (bytes) and CPU (%) every ``interval`` seconds until stopped."""

    def __init__(
        self,
        interval: float = 0.1,
        *,
        warmup: float = 0.2,
        sampler: Callable[[], tuple[float, float]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = interval
        self.warmup = warmup
        self._sample = sampler or _process_sampler()
        self._clock = clock
        self.times: list[float] = []
        self.rss: list[float] = []
        self.cpu: list[float] = []
        # Exact over every sample, whatever decimation dropped.
        self._count = 0
        self._rss_sum = 0.0
        self._rss_peak = 0.0
        self._cpu_sum = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._sampler_cpu_s = 0.0

    def sample_now(self) -> None:
        """Take one sample (the background thread calls this; tests may too)."""
        rss, cpu = self._sample()
        with self._lock:
            self._count += 1
            self._rss_sum += rss
            self._rss_peak = max(self._rss_peak, rss)
            if self._count > 1:  # the first CPU reading covers time before the run
                self._cpu_sum += cpu
            self.times.append(self._clock())
            self.rss.append(rss)
            self.cpu.append(cpu)
            if len(self.times) >= MAX_SAMPLES:
                del self.times[1::2], self.rss[1::2], self.cpu[1::2]
                self.interval *= 2

    def start(self) -> ResourceMonitor:
        if self._thread is None:
            self.sample_now()
            self._thread = threading.Thread(target=self._run, name="stress-resources", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample_now()
        self._sampler_cpu_s = time.thread_time()

    def stop(self) -> ResourceSummary:
        """Stop sampling (idempotent) and summarise."""
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None
            self.sample_now()
        return self.summary()

    def summary(self) -> ResourceSummary:
        with self._lock:
            times, rss = list(self.times), list(self.rss)
            count, rss_sum, peak, cpu_sum = (
                self._count,
                self._rss_sum,
                self._rss_peak,
                self._cpu_sum,
            )
        if not rss:
            return ResourceSummary(0, 0.0, 0.0, 0.0, 0.0, 0.0)
        settled = rss[int(len(rss) * self.warmup) :] or rss
        return ResourceSummary(
            samples=count,
            avg_memory_mb=rss_sum / count / MIB,
            peak_memory_mb=peak / MIB,
            memory_growth_mb=(settled[-1] - settled[0]) / MIB,
            memory_slope_mb_per_min=memory_slope(times, rss, self.warmup) * 60 / MIB,
            avg_cpu_pct=cpu_sum / (count - 1) if count > 1 else 0.0,
            sampler_cpu_s=self._sampler_cpu_s,
            memory_series=memory_series(times, rss),
        )

    def __enter__(self) -> ResourceMonitor:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
