"""One parser for every duration the plugin reads: options, ini values and markers."""

from __future__ import annotations

import math
import re

__all__ = ["DURATION_FORMS", "format_duration", "parse_duration"]

_UNITS = {
    "ns": 1e-9,
    "us": 1e-6,
    "µs": 1e-6,
    "μs": 1e-6,  # the Greek letter mu, which keyboards also type
    "ms": 0.001,
    "s": 1.0,
    "m": 60.0,
    "h": 3600.0,
}
#: The forms every duration the plugin reads accepts, for error messages.
DURATION_FORMS = "a number with a unit: 1500ns, 250us (or µs), 5ms, 30s, 5m, 2h"
_DURATION = re.compile(r"\s*(?P<number>\d+(?:\.\d*)?|\.\d+)\s*(?P<unit>ns|us|µs|μs|ms|s|m|h)?\s*")


def parse_duration(
    text: str | float, *, field: str = "duration", require_unit: bool = False
) -> float:
    """Seconds in ``text``: ``1500ns``, ``250us``/``250µs``, ``500ms``, ``30s``, ``5m``, ``2h``.

    A bare number is seconds, unless ``require_unit`` (latency bounds, where a bare ``5``
    could as well mean milliseconds) makes it an error. A bad value raises ``ValueError``
    naming ``field``, the value and the accepted forms, so a caller can turn it into a usage
    error instead of a traceback.
    """
    if isinstance(text, bool):
        raise ValueError(f"{field}: expected {DURATION_FORMS}; got {text!r}")
    if isinstance(text, int | float):
        if require_unit:
            raise ValueError(f"{field}: {text!r} has no unit; write it with one ({DURATION_FORMS})")
        seconds = float(text)
    else:
        match = _DURATION.fullmatch(text)
        if match is None:
            raise ValueError(f"{field}: expected {DURATION_FORMS}; got {text!r}")
        if match["unit"] is None and require_unit:
            raise ValueError(f"{field}: {text!r} has no unit; write it with one ({DURATION_FORMS})")
        seconds = float(match["number"]) * _UNITS[match["unit"] or "s"]
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(f"{field}: a duration must be positive, got {text!r}")
    return seconds


def format_duration(seconds: float) -> str:
    """Shortest form that :func:`parse_duration` reads back: ``250ms``, ``90s``, ``5m``, ``2h``."""
    if seconds < 1e-6:
        return f"{_plain(seconds * 1e9)}ns"
    if seconds < 0.001:
        return f"{_plain(seconds * 1e6)}us"
    if seconds < 1:
        return f"{_plain(seconds * 1000)}ms"
    for unit, size in (("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{_plain(seconds / size)}{unit}"
    return f"{_plain(seconds)}s"


def _plain(number: float) -> str:
    """Positional notation without trailing zeros (never an exponent)."""
    return f"{number:.6f}".rstrip("0").rstrip(".")
