"""Argument checks of the human-in-the-loop queue.

Everything a call will write to the audit log is checked here, before the queue is touched:
a value the log cannot encode (a lone surrogate, an infinite timeout) must fail the call
while nothing has happened yet, not after the decision changed state.
"""

from __future__ import annotations

import math

from aegis._validation import as_float, describe, quote, require_text

__all__ = [
    "MAX_ID_CHARS",
    "MAX_TEXT_CHARS",
    "MAX_TIMEOUT",
    "require_age",
    "require_count",
    "require_decision_id",
    "require_encodable",
    "require_text_field",
    "require_timeout",
]

#: Far beyond any decision a person answers (about 31,700 years), and small enough that a
#: deadline ``now + timeout`` stays a finite float on any clock.
MAX_TIMEOUT = 1e12
#: Longest decision id, and longest question, requester, responder or reasoning.
MAX_ID_CHARS = 256
MAX_TEXT_CHARS = 65_536


def require_timeout(field: str, value: object) -> float:
    """A finite number of seconds in (0, MAX_TIMEOUT]; ``10**400`` is a ValueError too."""
    bounds = f"(finite, at most {MAX_TIMEOUT:g})"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{field} must be a number of seconds > 0, got {describe(value)} {bounds}")
    seconds = as_float(value)  # an int too large for a float is an infinity, refused below
    if not math.isfinite(seconds) or not 0.0 < seconds <= MAX_TIMEOUT:
        raise ValueError(f"{field} must be a number of seconds > 0, got {quote(value)} {bounds}")
    return seconds


def require_encodable(field: str, value: str, limit: int = MAX_TEXT_CHARS) -> str:
    """``value`` if it is UTF-8 text (no lone surrogates) of at most ``limit`` characters."""
    if len(value) > limit:
        raise ValueError(f"{field} must be at most {limit} characters, got {len(value)}")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise ValueError(
                f"{field} is not valid text: {error.reason} at index {error.start} "
                f"({value[max(error.start - 20, 0) : error.start + 1]!r})"
            ) from None
    return value


def require_text_field(field: str, value: object, *, allow_empty: bool = False) -> str:
    """A non-empty (unless ``allow_empty``) str the audit log can encode."""
    # The common case in one expression: short ASCII text is always encodable.
    if (
        type(value) is str
        and value.isascii()
        and 0 < len(value) <= MAX_TEXT_CHARS
        and not value.isspace()
    ):
        return value
    text = require_text(field, value, allow_empty=allow_empty)  # a plain str from here
    return require_encodable(field, text)


def require_decision_id(value: object) -> str:
    """A decision id: non-empty text of at most MAX_ID_CHARS, named ``decision_id`` in errors."""
    if (
        type(value) is str
        and value.isascii()
        and 0 < len(value) <= MAX_ID_CHARS
        and not value.isspace()
    ):
        return value
    if type(value) is not str:
        raise TypeError(f"decision_id must be a str, got {describe(value)}")
    if not value.strip():
        raise ValueError(f"decision_id must not be empty, got {quote(value)}")
    return require_encodable("decision_id", value, MAX_ID_CHARS)


def require_count(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or int.__int__(value) < 0:
        raise ValueError(f"{field} must be an int >= 0, got {describe(value)}")
    return int.__int__(value)  # a plain int: a subclass's comparisons cannot be trusted


def require_age(field: str, value: object) -> float | None:
    """None (no age limit) or a finite number of seconds >= 0."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{field} must be a number of seconds >= 0 or None, got {describe(value)}")
    seconds = as_float(value)  # an int too large for a float is an infinity, refused below
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(
            f"{field} must be a finite number of seconds >= 0 or None, got {quote(value)}"
        )
    return seconds
