"""XML namespace names: URLs that name a vocabulary and are never fetched.

``<svg xmlns="http://www.w3.org/2000/svg">`` or a Maven ``pom.xml``'s
``xmlns="http://maven.apache.org/POM/4.0.0"`` holds a URL only as a unique name: no XML
reader connects to it. Judged as places a written file reaches, every SVG icon and build
file would be a destination outside the policy. Only the value of an ``xmlns`` or
``xmlns:prefix`` attribute is such a name; ``xsi:schemaLocation`` (which a validating reader
may fetch), ``<!DOCTYPE … SYSTEM "…">`` and ``href`` stay destinations.

One scan of the text: each ``xmlns`` is looked at once, and only its own attribute value.
"""

from __future__ import annotations

__all__ = ["without_namespace_names"]

#: At most this many ``xmlns`` attributes are read; a text with more keeps its URLs.
MAX_NAMESPACES = 64
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")


def without_namespace_names(text: str) -> str:
    """``text`` with the value of each ``xmlns`` / ``xmlns:prefix`` attribute left out, so
    the URLs still in it are the ones something may fetch (the same URL given again as an
    ``href`` stays)."""
    kept: list[str] = []
    start = copied = 0
    for _ in range(MAX_NAMESPACES):
        index = text.find("xmlns", start)
        if index < 0:
            break
        start = index + 5
        if index and text[index - 1] not in " \t\r\n":
            continue  # part of another name (myxmlns=, data-xmlns=)
        span = _attribute_value(text, start)
        if span is not None:
            kept.append(text[copied : span[0]])
            copied = start = span[1]
    if not kept:
        return text
    kept.append(text[copied:])
    return "".join(kept)


def _attribute_value(text: str, at: int) -> tuple[int, int] | None:
    """Where the quoted value after ``xmlns`` at ``at`` lies (inside its quotes): an optional
    ``:prefix``, ``=`` and a quote; None when it is not that shape."""
    end = len(text)
    if at < end and text[at] == ":":
        at += 1
        while at < end and text[at] in _NAME_CHARS:
            at += 1
    while at < end and text[at] in " \t":
        at += 1
    if at >= end or text[at] != "=":
        return None
    at += 1
    while at < end and text[at] in " \t":
        at += 1
    if at >= end or text[at] not in "\"'":
        return None
    close = text.find(text[at], at + 1)
    if close < 0:
        return None
    value = text[at + 1 : close]
    if not value or any(c in value for c in " \t\r\n<>"):
        return None
    return at + 1, close
