"""JSON written with a key twice in one object.

``{"cell_type": "markdown", "source": [...], "cell_type": "code"}`` is a markdown cell to a
reader that keeps the first value and a code cell to Jupyter, which keeps the last; npm,
VS Code and most JSON readers keep the last, some keep the first, some refuse the file.
Whichever value the firewall reads, the program that loads the file may read the other:
a key given twice with different text or structure is ``duplicate-key`` (*review*).
Repeated keys whose values are all numbers, booleans or null carry no command, code or
setting of that kind and pass, as do repeats of the same value. JSON nested deeper than
the firewall parses is left to the other checks (``embedded.nesting_depth`` first).
"""

from __future__ import annotations

import json
from typing import Any

from aegis.intent_firewall.embedded import nesting_depth
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["duplicate_key_findings"]

_MAX_TEXT = 262144
_MAX_DEPTH = 64


class _DuplicateKeyError(Exception):
    """A key given twice with values that differ in kind."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen and seen[key] != value and not (_scalar(seen[key]) and _scalar(value)):
            raise _DuplicateKeyError(key)
        seen[key] = value
    return seen


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, bool | int | float)


def duplicate_key_findings(path: str, texts: list[str]) -> list[Hit]:
    """``duplicate-key`` for JSON text written at ``path`` that names a key twice."""
    for text in texts:
        stripped = text.lstrip()
        if not stripped.startswith(("{", "[")) or len(text) > _MAX_TEXT:
            continue
        if nesting_depth(text, _MAX_DEPTH) > _MAX_DEPTH:
            continue
        try:
            json.loads(text, object_pairs_hook=_pairs)
        except _DuplicateKeyError as duplicate:
            key = str(duplicate)[:60]
            return [default_hit("duplicate-key", f"{key!r} given twice in {path[-80:]}")]
        except (ValueError, RecursionError):
            continue
    return []
