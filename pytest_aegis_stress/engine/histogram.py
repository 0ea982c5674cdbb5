"""Constant-memory, mergeable latency histograms with 3 significant digits.

The layout is HdrHistogram's log-linear one (2,048 linear sub-buckets, then a doubling
bucket per power of two), so percentiles are exact to 3 significant digits from 1 ns to
one hour in a fixed 270 KB array. It is kept in NumPy rather than in the ``hdrhistogram``
package because hot loops record in batches: the package records one bucket per Python call
(about 1.5 µs each, and a noisy microsecond-scale workload touches hundreds of buckets per
batch), whereas a NumPy ``bincount`` folds a whole batch in one step, which keeps the
plugin's cost per operation under its 0.5 µs budget.
"""

from __future__ import annotations

import math
import struct
import zlib
from array import array

import numpy as np

__all__ = [
    "BUCKETS",
    "COARSE_BUCKETS",
    "COARSE_SHIFT",
    "HIGHEST_NS",
    "LatencyHistogram",
    "bucket_high_value",
    "bucket_index",
    "coarse_percentiles_ms",
    "tally_buckets",
]

#: One hour, in nanoseconds: the largest latency tracked; longer ones are clamped to it.
HIGHEST_NS = 3_600_000_000_000
_HALF = 1024  # half the linear sub-bucket count: 2,048 sub-buckets give 3 significant digits
_HALF_BITS = 10
_TOP_SHIFT = int(HIGHEST_NS).bit_length() - 1 - _HALF_BITS
BUCKETS = (_TOP_SHIFT + 2) * _HALF
_HEADER = struct.Struct("<qqq")  # total, min, max


def bucket_index(values: np.ndarray) -> np.ndarray:
    """Counts-array index of each value (nanoseconds, clamped to [0, HIGHEST_NS])."""
    clipped = np.clip(values, 0, HIGHEST_NS).astype(np.int64)
    _, exponent = np.frexp(np.maximum(clipped, 1))  # the bit length, without a logarithm
    shift = np.maximum(exponent.astype(np.int64) - (_HALF_BITS + 1), 0)
    return np.asarray(shift * _HALF + (clipped >> shift))


def tally_buckets(indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct bucket indices of a batch and how often each occurs (rising order)."""
    low = int(indices.min())
    counts = np.bincount(indices - low)  # a span, not the whole range: no large temporary
    used = np.flatnonzero(counts)
    return used + low, counts[used]


def bucket_high_value(index: int) -> int:
    """Largest value that falls into bucket ``index``."""
    if index < 2 * _HALF:
        return index
    shift = index // _HALF - 1
    return ((index - shift * _HALF + 1) << shift) - 1


def _rank(percentile: float, total: int) -> int:
    """HdrHistogram's rank: the ceiling of ``percentile / 100 × total``, at least 1."""
    return min(max(math.ceil(round(percentile * total / 100, 6)), 1), total)


#: The per-second series keep 1 bucket in 2**COARSE_SHIFT: 64 per power of two, within 1.6%,
#: in a 17 KB array instead of 270 KB (a chart needs no more, and a ring of them is cheap).
COARSE_SHIFT = 4
COARSE_BUCKETS = BUCKETS >> COARSE_SHIFT


def coarse_percentiles_ms(counts: np.ndarray, percentiles: tuple[float, ...]) -> list[float]:
    """Percentiles, in ms, of a coarse histogram (bucket ``i`` holds the fine buckets
    ``i << COARSE_SHIFT`` … ``((i + 1) << COARSE_SHIFT) - 1``); zeros when empty."""
    total = int(counts.sum())
    if total == 0:
        return [0.0 for _ in percentiles]
    used = np.flatnonzero(counts)
    running = np.cumsum(counts[used])
    answers = []
    for percentile in percentiles:
        coarse = int(used[int(np.searchsorted(running, _rank(percentile, total)))])
        answers.append(bucket_high_value(((coarse + 1) << COARSE_SHIFT) - 1) / 1e6)
    return answers


class LatencyHistogram:
    """Latencies in nanoseconds; percentiles reported in milliseconds."""

    def __init__(self, *, resident: bool = False) -> None:
        self.counts = np.zeros(BUCKETS, dtype=np.int64)
        if resident:  # write every page now, so none is first touched inside a window
            self.counts.fill(0)
        self.total = 0
        self.min_ns = 0
        self.max_ns = 0

    def record(self, latency_ns: int) -> None:
        """Record one value (for code that is not on a hot path)."""
        self.record_many(np.array([latency_ns], dtype=np.int64))

    def record_many(self, latencies_ns: array[int] | np.ndarray) -> None:
        """Record a batch of values in one vectorised pass.

        Only the buckets the batch touches are written, so a histogram allocated before a
        measured window adds to resident memory only the pages its values land in.
        """
        values = np.asarray(latencies_ns, dtype=np.int64)
        if values.size:
            self.add(tally_buckets(bucket_index(values)), values)

    def add(self, tallied: tuple[np.ndarray, np.ndarray], values: np.ndarray) -> None:
        """Record ``values`` whose buckets were already tallied (by :func:`tally_buckets`)."""
        if values.size == 0:
            return
        buckets, counts = tallied
        self.counts[buckets] += counts
        low, high = int(values.min()), min(int(values.max()), HIGHEST_NS)
        self.min_ns = low if self.total == 0 else min(self.min_ns, low)
        self.max_ns = max(self.max_ns, high)
        self.total += int(values.size)

    def merge(self, other: LatencyHistogram) -> None:
        """Add another histogram's counts to this one (workers, processes, stages)."""
        if other.total == 0:
            return
        used = np.flatnonzero(other.counts)
        self.counts[used] += other.counts[used]
        self.min_ns = other.min_ns if self.total == 0 else min(self.min_ns, other.min_ns)
        self.max_ns = max(self.max_ns, other.max_ns)
        self.total += other.total

    @property
    def count(self) -> int:
        return self.total

    def percentile_ms(self, percentile: float) -> float:
        """Latency at ``percentile`` (0–100) in milliseconds; 0.0 when empty.

        The rank is the ceiling of ``percentile / 100 × count`` (at least 1), HdrHistogram's
        definition: p50 of ten values is the fifth, p99 of 1,000 the 990th. The answer is the
        highest value equivalent to the ranked sample (within 3 significant digits), never
        above the largest value recorded.
        """
        return self.percentiles_ms((percentile,))[0]

    def percentiles_ms(self, percentiles: tuple[float, ...]) -> list[float]:
        """Several percentiles at once, reading only the buckets in use."""
        if self.total == 0:
            return [0.0 for _ in percentiles]
        used = np.flatnonzero(self.counts)
        running = np.cumsum(self.counts[used])
        answers = []
        for percentile in percentiles:
            rank = _rank(percentile, self.total)
            index = int(used[int(np.searchsorted(running, rank))])
            answers.append(min(bucket_high_value(index), self.max_ns) / 1e6)
        return answers

    def buckets(self) -> list[tuple[int, int]]:
        """``(highest value in ns, count)`` of every bucket in use, in rising order."""
        used = np.flatnonzero(self.counts)
        return [(min(bucket_high_value(int(i)), self.max_ns), int(self.counts[i])) for i in used]

    def max_ms(self) -> float:
        return self.max_ns / 1e6

    def encode(self) -> bytes:
        """Compressed form for sending between processes."""
        header = _HEADER.pack(self.total, self.min_ns, self.max_ns)
        return header + zlib.compress(self.counts.tobytes(), 1)

    @classmethod
    def decode(cls, encoded: bytes) -> LatencyHistogram:
        histogram = cls()
        histogram.total, histogram.min_ns, histogram.max_ns = _HEADER.unpack_from(encoded)
        raw = zlib.decompress(encoded[_HEADER.size :])
        histogram.counts = np.frombuffer(raw, dtype=np.int64).copy()
        return histogram
