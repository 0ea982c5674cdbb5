"""One parser for every duration the plugin reads: options, ini values and markers."""

from __future__ import annotations

import math
import re

__all__ = ["format_duration", "parse_duration"]

_UNITS = {"us": 1e-6, "µs": 1e-6, "ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
_DURATION = re.compile(r"\s*(?P<number>\d+(?:\.\d*)?|\.\d+)\s*(?P<unit>us|µs|ms|s|m|h)?\s*")


def parse_duration(text: str | float, *, field: str = "duration") -> float:
    """Seconds in ``text``: ``250us``, ``500ms``, ``30s``, ``5m``, ``2h`` or plain seconds.

    A bad value raises ``ValueError`` naming ``field`` and the value, so a caller can turn it
    into a usage error instead of a traceback.
    """
    if isinstance(text, bool):
        raise ValueError(f"{field}: expected a duration such as 30s, got {text!r}")
    if isinstance(text, int | float):
        seconds = float(text)
    else:
        match = _DURATION.fullmatch(text)
        if match is None:
            raise ValueError(
                f"{field}: expected a duration such as 500ms, 30s, 5m, 2h or 1.5, got {text!r}"
            )
        seconds = float(match["number"]) * _UNITS[match["unit"] or "s"]
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(f"{field}: a duration must be positive, got {text!r}")
    return seconds


def format_duration(seconds: float) -> str:
    """Shortest form that :func:`parse_duration` reads back: ``250ms``, ``90s``, ``5m``, ``2h``."""
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
