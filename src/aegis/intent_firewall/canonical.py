"""Canonical forms, so that spelling tricks cannot carry a request past the rules.

Text: Unicode NFKC (fullwidth letters become ASCII), format characters removed (zero-width
spaces, bidi controls, soft hyphens), case folded. Paths: ``//etc/../etc/passwd`` is
``/etc/passwd``. Parameters: every string anywhere in nested containers is visited, and a
string that is itself JSON is parsed and visited too.
"""

from __future__ import annotations

import json
import posixpath
import unicodedata
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

__all__ = [
    "MAX_DEPTH",
    "TOO_DEEP",
    "canonical_text",
    "iter_strings",
    "looks_like_path",
    "normalize_path",
]

#: Nesting followed into containers and embedded JSON; deeper content is reported, not walked.
MAX_DEPTH = 16
#: Stands for the content below ``MAX_DEPTH``, so that the firewall can flag it.
TOO_DEEP = "<nested deeper than the firewall inspects>"


@lru_cache(maxsize=16384)
def canonical_text(text: str) -> str:
    """NFKC, no format characters, case folded."""
    normal = unicodedata.normalize("NFKC", text)
    if not normal.isascii():
        normal = "".join(ch for ch in normal if unicodedata.category(ch) != "Cf")
    return normal.casefold()


def looks_like_path(text: str) -> bool:
    """Absolute, home-relative, traversing or ``file:`` paths; not URLs or plain words."""
    if "://" in text and not text.startswith("file://"):
        return False
    return text.startswith(("/", "~", "file:")) or "../" in text or text.startswith("..")


@lru_cache(maxsize=16384)
def normalize_path(text: str) -> str:
    """The absolute path ``text`` names, resolved lexically.

    ``file://`` is stripped, repeated and trailing slashes collapse, ``.`` and ``..`` are
    resolved, and a relative path that climbs with ``..`` is anchored at ``/`` (the worst
    case of where it could land), so ``../../etc/passwd`` is ``/etc/passwd``.
    """
    path = text.removeprefix("file://").removeprefix("file:")
    if path.startswith("~"):
        path = "/root" + path[1:] if path == "~" or path.startswith("~/") else "/home/" + path[1:]
    climbs = not path.startswith("/") and path.split("/", 1)[0] == ".."
    normal = posixpath.normpath("/" + path if climbs else path)
    if normal.startswith("//"):
        normal = "/" + normal.lstrip("/")
    return normal


def iter_strings(
    value: Any, where: str = "parameters", depth: int = 0
) -> Iterator[tuple[str, str]]:
    """``(location, string)`` for every string in ``value``, keys included, JSON unpacked."""
    if depth > MAX_DEPTH:
        yield where, TOO_DEEP
        return
    if isinstance(value, str):
        yield where, value
        stripped = value.strip()
        if stripped[:1] in ("{", "[") and stripped[-1:] in ("}", "]"):
            try:
                parsed = json.loads(stripped)
            except ValueError:
                return
            yield from iter_strings(parsed, f"{where}<json>", depth + 1)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str):
                yield f"{where}.{key}<key>", key
            yield from iter_strings(item, f"{where}.{key}", depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from iter_strings(item, f"{where}[{index}]", depth + 1)
