"""Checking details before they are encoded, without recursion and within bounds.

The walk names the first value that cannot be stored exactly (``details['a'][2]``): a type
JSON cannot carry, a key that is not text, a non-finite number, nesting past
:data:`~aegis.audit.limits.MAX_DEPTH`, a container holding itself, more than
:data:`~aegis.audit.limits.MAX_DETAILS_BYTES` once written out, text UTF-8 cannot encode.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from aegis.audit.limits import MAX_DEPTH, MAX_DETAILS_BYTES

__all__ = ["check_details"]


class _Frame(NamedTuple):
    """A value met by the walk, with the way to it (built into text only for an error)."""

    value: Any
    depth: int
    key: object
    parent: _Frame | None


def _path(frame: _Frame | None) -> str:
    keys = []
    while frame is not None and frame.parent is not None:
        keys.append(f"[{frame.key!r}]")
        frame = frame.parent
    return "details" + "".join(reversed(keys))


def _unencodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_scalar(frame: _Frame, explain: bool) -> int:
    """Refuse a scalar JSON cannot carry exactly; return the least bytes it encodes to."""
    value = frame.value
    if value is None or isinstance(value, bool):
        return 4
    if isinstance(value, str):
        if explain and _unencodable(value):
            raise ValueError(f"{_path(frame)} holds a lone surrogate, which UTF-8 cannot encode")
        return len(value) + 2
    if isinstance(value, int):
        if explain:
            try:
                return len(int.__repr__(value))
            except ValueError:
                raise ValueError(f"{_path(frame)} is an int too long to write out") from None
        return 1
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TypeError(f"{_path(frame)} is {value!r}; audit details must be finite numbers")
        return 1
    raise TypeError(
        f"{_path(frame)} is a {type(value).__name__} ({value!r:.80}); audit details must be "
        f"JSON-serialisable (dict, list, str, int, float, bool, None)"
    )


def _children(frame: _Frame, explain: bool) -> tuple[list[_Frame], int]:
    """The frames of a container's items, and the least bytes its keys encode to."""
    value, depth = frame.value, frame.depth + 1
    if isinstance(value, Mapping):
        children, size = [], 2
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{_path(frame)} has a key {key!r}; audit detail keys must be str")
            if explain and _unencodable(key):
                raise ValueError(
                    f"{_path(frame)} has a key {key!r} with a lone surrogate, which UTF-8 "
                    "cannot encode"
                )
            children.append(_Frame(item, depth, key, frame))
            size += len(key) + 4
        return children, size
    return [_Frame(item, depth, index, frame) for index, item in enumerate(value)], 2


def check_details(details: Mapping[str, Any], *, explain: bool = False) -> None:
    """Raise TypeError or ValueError naming the first value that cannot be stored exactly.

    Iterative, so no shape of input can exhaust the stack; bounded, because every value
    costs at least one byte of the encoding and the walk stops once the least possible size
    passes :data:`MAX_DETAILS_BYTES` (a structure sharing one list many times over stays
    small in memory but not when written out). ``explain`` adds the checks that cost more
    and that the encoder makes anyway (text UTF-8 can carry, ints short enough to write).
    """
    budget = MAX_DETAILS_BYTES
    open_containers: dict[int, _Frame] = {}
    stack: list[_Frame | int] = [_Frame(details, 1, None, None)]
    while stack:
        frame = stack.pop()
        if isinstance(frame, int):  # every child of that container has been walked
            del open_containers[frame]
            continue
        value = frame.value
        if isinstance(value, Mapping | list | tuple):
            identity = id(value)
            if identity in open_containers:
                raise ValueError(f"{_path(frame)} contains itself; audit details must be a tree")
            if frame.depth > MAX_DEPTH:
                raise ValueError(
                    f"{_path(frame)} is nested {frame.depth} deep; audit details may nest at "
                    f"most {MAX_DEPTH} deep"
                )
            children, size = _children(frame, explain)
            open_containers[identity] = frame
            stack.append(identity)
            stack.extend(reversed(children))
        else:
            size = _check_scalar(frame, explain)
        budget -= size
        if budget < 0:
            raise ValueError(
                f"details encode to more than {MAX_DETAILS_BYTES} bytes; audit details may "
                f"take at most {MAX_DETAILS_BYTES} bytes"
            )
