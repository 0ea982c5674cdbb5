"""Input checks shared by the components.

Every public operation validates its arguments up front so that bad input fails loudly with
the field name and the offending value, instead of surfacing later as a wrong score or a
corrupted record.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

__all__ = [
    "as_float",
    "describe",
    "quote",
    "require_mapping",
    "require_positive",
    "require_text",
    "require_unit_interval",
]

#: Characters of a refused value quoted in an error: enough to recognise it, and a 10 MB
#: string or a 5,000-digit int still makes a short message.
_QUOTED_CHARS = 200


def quote(value: object) -> str:
    """The repr of a refused value, cut short, for an error message.

    Never raises: a repr that fails (a hostile ``__repr__``, an int past the interpreter's
    digit limit) is replaced by a description, so the error still names its field."""
    # The base types' own methods: a subclass may override any of them.
    if isinstance(value, int) and not isinstance(value, bool):
        bits = int.bit_length(value)
        if bits > 512:
            return f"an int of {bits} bits"
        value = int.__int__(value)
    elif isinstance(value, str):
        value = str.__str__(value)
    elif isinstance(value, bytes):
        value = bytes.__getitem__(value, slice(None))
    if isinstance(value, str | bytes) and len(value) > _QUOTED_CHARS:
        return f"{value[:_QUOTED_CHARS]!r}... ({len(value)} long)"
    try:
        shown = repr(value)
    except Exception as error:  # a hostile __repr__
        return f"an unprintable {type(value).__name__} ({type(error).__name__})"
    if len(shown) > _QUOTED_CHARS:
        shown = f"{shown[:_QUOTED_CHARS]}... ({len(shown)} characters)"
    return shown


def describe(value: object) -> str:
    """``type: repr`` of a refused value, as :func:`quote` cuts it."""
    return f"{type(value).__name__}: {quote(value)}"


def as_float(value: int | float) -> float:
    """``value`` as a float; an int too large for one becomes an infinity (out of any range
    a caller checks, instead of an ``OverflowError`` that names no field)."""
    if isinstance(value, int):
        number = int.__int__(value)
        try:
            return float(number)
        except OverflowError:
            return math.inf if number > 0 else -math.inf
    return float.__float__(value)


def require_text(field: str, value: object, *, allow_empty: bool = False) -> str:
    """Return ``value`` if it is a string (non-empty unless ``allow_empty``)."""
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a str, got {describe(value)}")
    if type(value) is not str:  # a subclass's __eq__, __hash__ or strip cannot be trusted
        value = str.__str__(value)
    if not allow_empty and not value.strip():
        raise ValueError(f"{field} must not be empty, got {quote(value)}")
    return value


def require_unit_interval(field: str, value: object) -> float:
    """Return ``value`` as a float if it is a real number in [0, 1] (NaN is refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{field} must be a number in [0, 1], got {describe(value)}")
    number = as_float(value)
    if math.isnan(number) or not 0.0 <= number <= 1.0:
        raise ValueError(f"{field} must be in [0, 1], got {quote(value)}")
    return number


def require_positive(field: str, value: object, *, allow_zero: bool = False) -> float:
    """Return ``value`` as a float if it is a finite number > 0 (or >= 0 with ``allow_zero``)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{field} must be a number, got {describe(value)}")
    number = as_float(value)
    if not math.isfinite(number) or number < 0.0 or (number == 0.0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{field} must be a finite number {bound}, got {quote(value)}")
    return number


def require_mapping(field: str, value: object) -> Mapping[str, Any]:
    """Return ``value`` if it is a mapping."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{field} must be a mapping, got {describe(value)}")
    return value
