"""Installer index variables: ``PIP_INDEX_URL=https://pypi.org/simple pip install …``.

Such a variable redirects where an installer fetches packages, so it was an override to
review whatever it named. What it names is a network destination like any URL: one on an
allowed host is the installer's ordinary source, one anywhere else is judged as a
destination. A value that is not a list of plain http(s) URLs (a path, a switch, a text with
shell syntax) is still an override to review. The variable names are data
(``data/vocabulary.toml``: ``index_variables``, ``index_variable_shapes``).
"""

from __future__ import annotations

import tomllib
from importlib import resources

from aegis.intent_firewall.access import Scope, judge_url

__all__ = ["index_variable", "judge_index"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/vocabulary.toml").read_text()
)
_NAMES = frozenset(_DATA["index_variables"])
_SHAPES = tuple((str(pair[0]), str(pair[1])) for pair in _DATA["index_variable_shapes"])
#: GOPROXY's keywords beside URLs: fetch from the origin (go's default tail) or not at all.
_KEYWORDS = frozenset({"direct", "off"})
#: Characters no index URL holds: a value with them is not judged as a list of URLs.
_ODD = frozenset(";&$`<>()\"'\\{}\n\r")
_MAX_ENTRIES = 16


def index_variable(key: str) -> bool:
    """``key`` (lower case) names an installer's index or registry."""
    return key in _NAMES or any(
        key.startswith(head) and key.endswith(tail) and len(key) > len(head) + len(tail)
        for head, tail in _SHAPES
    )


def judge_index(scope: Scope, value: str, written: str) -> bool:
    """Judge every URL of an index variable's ``value`` as a destination; False (nothing
    judged) when the value is not a short list of http(s) URLs, so the caller reviews it."""
    if any(c in _ODD for c in value):
        return False
    entries = [e for e in value.replace(",", " ").replace("|", " ").split() if e]
    if not entries or len(entries) > _MAX_ENTRIES:
        return False
    urls = [e for e in entries if e.lower() not in _KEYWORDS]
    if not urls or not all(u.lower().startswith(("https://", "http://")) for u in urls):
        return False
    for url in urls:
        judge_url(scope, url, written, "/")
    return True
