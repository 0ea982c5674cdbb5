"""Input checks shared by the components.

Every public operation validates its arguments up front so that bad input fails loudly with
the field name and the offending value, instead of surfacing later as a wrong score or a
corrupted record.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

__all__ = ["require_mapping", "require_positive", "require_text", "require_unit_interval"]


def require_text(field: str, value: object, *, allow_empty: bool = False) -> str:
    """Return ``value`` if it is a string (non-empty unless ``allow_empty``)."""
    if not isinstance(value, str):
        raise TypeError(f"{field} must be a str, got {type(value).__name__}: {value!r}")
    if not allow_empty and not value.strip():
        raise ValueError(f"{field} must not be empty, got {value!r}")
    return value


def require_unit_interval(field: str, value: object) -> float:
    """Return ``value`` as a float if it is a real number in [0, 1] (NaN is refused)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(
            f"{field} must be a number in [0, 1], got {type(value).__name__}: {value!r}"
        )
    number = float(value)
    if math.isnan(number) or not 0.0 <= number <= 1.0:
        raise ValueError(f"{field} must be in [0, 1], got {value!r}")
    return number


def require_positive(field: str, value: object, *, allow_zero: bool = False) -> float:
    """Return ``value`` as a float if it is a finite number > 0 (or >= 0 with ``allow_zero``)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{field} must be a number, got {type(value).__name__}: {value!r}")
    number = float(value)
    if not math.isfinite(number) or number < 0.0 or (number == 0.0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{field} must be a finite number {bound}, got {value!r}")
    return number


def require_mapping(field: str, value: object) -> Mapping[str, Any]:
    """Return ``value`` if it is a mapping."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{field} must be a mapping, got {type(value).__name__}: {value!r}")
    return value
