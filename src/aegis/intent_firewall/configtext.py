"""Parameters that are configuration given as data (``{"privileged": true, "volumes":
["/:/host"]}``), written out as text and judged by the rules for that configuration as
text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.textchecks import (
    config_escape,
    config_exec,
)

__all__ = ["config_text", "structured_config"]

_MAX_CONFIG_TEXT = 8192


def structured_config(frozen: Any, *, settings: bool) -> list[Hit]:
    """Parameters that are configuration as data (``{"privileged": true, "volumes":
    ["/:/host"]}``) judged by the same rules as that configuration written as text; flat
    strings only when they are a container's ``settings`` (``{"pid_mode": "host"}``)."""
    if not isinstance(frozen, dict) or (not settings and _all_strings(frozen)):
        return []  # flat strings: each is already judged as text
    text = config_text(frozen, _MAX_CONFIG_TEXT)
    canonical = text.lower()  # every string in it is judged canonically on its own
    hits = []
    if config_escape(canonical) is not None:
        hits.append(
            default_hit("container-escape", f"configuration reaching the host: {text[:100]}")
        )
    if config_exec(canonical) is not None:
        hits.append(
            default_hit("interpreter-code", f"configuration that runs commands: {text[:100]}")
        )
    return hits


def _all_strings(mapping: dict[Any, Any]) -> bool:
    """Whether every value of ``mapping`` is a ``str`` (a loop: this runs for every request)."""
    for value in mapping.values():  # noqa: SIM110 (a generator costs more per request)
        if type(value) is not str:
            return False
    return True


#: Ints written out in full up to this size (about 1,200 digits).
_MAX_INT_BITS = 4096


def config_text(value: Any, budget: int) -> str:
    """``value`` written as JSON-like text of at most about ``budget`` characters, each
    shared container once (a diamond of references is not unfolded). Iterative."""
    out: list[str] = []
    size = 0
    seen: set[int] = set()
    stack: list[Any] = [value]
    while stack and size < budget:
        item = stack.pop()
        kind = type(item)
        if kind is _Raw:
            piece = item.text
        elif kind is str:
            piece = _json_string(item)  # what json.dumps writes for it, without its dispatch
        elif kind is int:
            # json.dumps writes an int as its repr; a number of thousands of digits (which
            # Python will not even turn into text) stands as a placeholder
            piece = repr(item) if item.bit_length() <= _MAX_INT_BITS else '"…"'
        elif isinstance(item, dict | list | tuple | set | frozenset):
            if id(item) in seen:
                piece = '"…"'
            else:
                seen.add(id(item))
                stack.extend(reversed(_pieces(item)))
                continue
        elif isinstance(item, bool) or item is None:
            piece = json.dumps(item)
        else:
            piece = json.dumps(item if isinstance(item, int | float | str) else str(item))
        out.append(piece)
        size += len(piece)
    return "".join(out)[:budget]


class _Raw:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


_LEFT_BRACE, _RIGHT_BRACE, _LEFT_BRACKET, _RIGHT_BRACKET = map(_Raw, "{}[]")
_COMMA, _NOTHING = _Raw(", "), _Raw("")
#: json.dumps(text) for a string (ASCII-escaped, the default), as one C call.
_json_string: Callable[[str], str] = json.encoder.encode_basestring_ascii


def _pieces(container: Any) -> list[Any]:
    """The tokens of one container: brackets, keys and values in order."""
    if isinstance(container, dict):
        pieces: list[Any] = [_LEFT_BRACE]
        for index, (name, item) in enumerate(container.items()):
            pieces += [_COMMA if index else _NOTHING, _Raw(_json_string(str(name)) + ": "), item]
        pieces.append(_RIGHT_BRACE)
        return pieces
    pieces = [_LEFT_BRACKET]
    for index, item in enumerate(container):
        pieces += [_COMMA if index else _NOTHING, item]
    pieces.append(_RIGHT_BRACKET)
    return pieces
