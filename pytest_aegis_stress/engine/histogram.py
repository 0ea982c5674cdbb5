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

import struct
import zlib
from array import array

import numpy as np

__all__ = ["BUCKETS", "HIGHEST_NS", "LatencyHistogram", "bucket_high_value", "bucket_index"]

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
    shift = np.maximum(np.floor(np.log2(np.maximum(clipped, 1))).astype(np.int64) - _HALF_BITS, 0)
    return np.asarray(shift * _HALF + (clipped >> shift))


def bucket_high_value(index: int) -> int:
    """Largest value that falls into bucket ``index``."""
    if index < 2 * _HALF:
        return index
    shift = index // _HALF - 1
    return ((index - shift * _HALF + 1) << shift) - 1


class LatencyHistogram:
    """Latencies in nanoseconds; percentiles reported in milliseconds."""

    def __init__(self) -> None:
        self.counts = np.zeros(BUCKETS, dtype=np.int64)
        self.total = 0
        self.min_ns = 0
        self.max_ns = 0

    def record(self, latency_ns: int) -> None:
        """Record one value (for code that is not on a hot path)."""
        self.record_many(np.array([latency_ns], dtype=np.int64))

    def record_many(self, latencies_ns: array[int] | np.ndarray) -> None:
        """Record a batch of values in one vectorised pass."""
        values = np.asarray(latencies_ns, dtype=np.int64)
        if values.size == 0:
            return
        folded = np.bincount(bucket_index(values))
        self.counts[: folded.size] += folded
        low, high = int(values.min()), min(int(values.max()), HIGHEST_NS)
        self.min_ns = low if self.total == 0 else min(self.min_ns, low)
        self.max_ns = max(self.max_ns, high)
        self.total += int(values.size)

    def merge(self, other: LatencyHistogram) -> None:
        """Add another histogram's counts to this one (workers, processes, stages)."""
        if other.total == 0:
            return
        self.counts += other.counts
        self.min_ns = other.min_ns if self.total == 0 else min(self.min_ns, other.min_ns)
        self.max_ns = max(self.max_ns, other.max_ns)
        self.total += other.total

    @property
    def count(self) -> int:
        return self.total

    def percentile_ms(self, percentile: float) -> float:
        """Latency at ``percentile`` (0–100) in milliseconds, by nearest rank; 0.0 when empty.

        Like HdrHistogram, the answer is the highest value equivalent to the ranked sample
        (within 3 significant digits), never above the largest value recorded.
        """
        if self.total == 0:
            return 0.0
        rank = max(int(percentile / 100 * self.total + 0.5), 1)
        index = int(np.searchsorted(np.cumsum(self.counts), min(rank, self.total)))
        return min(bucket_high_value(index), self.max_ns) / 1e6

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
