"""The bounds every entry keeps, and reading details back without trusting the file.

Details are written only after :mod:`aegis.audit.encoding` has checked them against these
bounds, but the file can be edited behind the log's back: text read back is decoded only
once it is known to be within them, so no row can make a read recurse without bound.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

__all__ = [
    "MAX_ACTION_BYTES",
    "MAX_DEPTH",
    "MAX_DETAILS_BYTES",
    "decode_details",
    "nesting_depth",
]

#: Containers nested in details, the details mapping itself included.
MAX_DEPTH = 64
#: The canonical JSON of one entry's details, in UTF-8.
MAX_DETAILS_BYTES = 1 << 20
#: An action name, in UTF-8.
MAX_ACTION_BYTES = 1024


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` in JSON text, by one linear pass (no recursion).

    Brackets inside strings do not count; a backslash escapes the next character.
    """
    depth = deepest = 0
    in_string = escaped = False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    return deepest


def decode_details(text: str) -> Mapping[str, Any]:
    """The details mapping of stored JSON text; ValueError if it is not one within bounds.

    Counting brackets is done in C and bounds the depth from above: only text with more
    than :data:`MAX_DEPTH` of them is scanned in Python, before the parser (which recurses
    per level) may see it.
    """
    if len(text) > MAX_DETAILS_BYTES:
        raise ValueError(f"details of {len(text)} characters exceed {MAX_DETAILS_BYTES} bytes")
    if text.count("[") + text.count("{") > MAX_DEPTH and nesting_depth(text) > MAX_DEPTH:
        raise ValueError(f"details nest deeper than {MAX_DEPTH}")
    details = json.loads(text)
    if not isinstance(details, dict):
        raise ValueError(f"details are a {type(details).__name__}, not a JSON object")
    return details
