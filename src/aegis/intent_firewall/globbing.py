"""Globs and brace expansions, matched and expanded in bounded time without ``re``.

A glob in a sensitive place is judged by what it could match: ``/e?c/sh?dow`` is tested
against the catalogue's sensitive paths with a wildcard matcher that walks pattern and
path once, remembering only the last ``*`` (no backtracking blow-up). Brace expansion
stops at :data:`MAX_ALTERNATIVES` words.
"""

from __future__ import annotations

import itertools

__all__ = [
    "MAX_ALTERNATIVES",
    "expand_braces",
    "glob_match",
    "glob_reaches",
    "has_braces",
    "has_glob",
]

MAX_ALTERNATIVES = 16
_MAX_PATTERN = 512
_MAX_BRACE_WORD = 256


def has_glob(raw: str) -> bool:
    """Unescaped ``*``, ``?`` or ``[`` in an unquoted word."""
    escaped = False
    for char in raw:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "*?[":
            return True
    return False


def has_braces(raw: str) -> bool:
    open_at = raw.find("{")
    return open_at >= 0 and "}" in raw[open_at:] and ("," in raw or ".." in raw)


def _class_match(pattern: str, start: int, char: str) -> tuple[bool, int]:
    """Match ``char`` against the ``[...]`` class at ``start``; return (matched, next index)."""
    index = start + 1
    negate = index < len(pattern) and pattern[index] in "!^"
    if negate:
        index += 1
    matched = False
    first = True
    while index < len(pattern) and (first or pattern[index] != "]"):
        first = False
        low = pattern[index]
        if index + 2 < len(pattern) and pattern[index + 1] == "-" and pattern[index + 2] != "]":
            matched = matched or low <= char <= pattern[index + 2]
            index += 3
        else:
            matched = matched or low == char
            index += 1
    if index >= len(pattern):
        return char == "[", start + 1  # an unclosed [ is a literal
    return matched != negate, index + 1


def glob_match(pattern: str, path: str) -> bool:
    """Whether the shell glob ``pattern`` matches ``path`` (``*`` does not cross ``/``)."""
    if len(pattern) > _MAX_PATTERN:
        return True  # fail closed: too long to judge, assume it could match
    p = s = 0
    star_p = star_s = -1
    while s < len(path):
        if p < len(pattern):
            char = pattern[p]
            if char == "*":
                star_p, star_s = p, s
                p += 1
                continue
            if char == "?" and path[s] != "/":
                p, s = p + 1, s + 1
                continue
            if char == "[" and path[s] != "/":
                matched, after = _class_match(pattern, p, path[s])
                if matched:
                    p, s = after, s + 1
                    continue
            elif char == "\\" and p + 1 < len(pattern) and pattern[p + 1] == path[s]:
                p, s = p + 2, s + 1
                continue
            elif char == path[s]:
                p, s = p + 1, s + 1
                continue
        if star_p >= 0 and path[star_s] != "/":
            star_s += 1
            p, s = star_p + 1, star_s
            continue
        return False
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)


def glob_reaches(pattern: str, directory: str) -> bool:
    """Whether ``pattern`` names something strictly below ``directory``: its first as many
    components match it and more follow (``~/.a?s/c*ls`` reaches ``~/.aws``, so it may be
    any file the catalogue places there)."""
    depth = directory.count("/")
    if pattern.count("/") <= depth:
        return False
    head = "/".join(pattern.split("/", depth + 1)[: depth + 1])
    return glob_match(head, directory)


def _split_alternatives(body: str) -> list[str] | None:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(body):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    if len(parts) > 1:
        return parts
    low, sep, high = body.partition("..")
    if sep and low.lstrip("-").isdigit() and high.lstrip("-").isdigit():
        a, b = int(low), int(high)
        step = 1 if b >= a else -1
        return [str(n) for n in itertools.islice(range(a, b + step, step), MAX_ALTERNATIVES)]
    if sep and len(low) == 1 and len(high) == 1:
        step = 1 if high >= low else -1
        span = range(ord(low), ord(high) + step, step)
        return [chr(c) for c in itertools.islice(span, MAX_ALTERNATIVES)]
    return None


def expand_braces(text: str) -> list[str]:
    """Bash brace expansion of ``text``, at most :data:`MAX_ALTERNATIVES` results."""
    if len(text) > _MAX_BRACE_WORD:
        return [text]  # the caller already reports the brace expansion; too long to unfold
    results: list[str] = []
    pending = [text]
    steps = 0
    while pending and len(results) < MAX_ALTERNATIVES and steps < 4 * MAX_ALTERNATIVES:
        steps += 1
        item = pending.pop()
        open_at = _outer_brace(item)
        if open_at is None:
            results.append(item)
            continue
        start, end = open_at
        alternatives = _split_alternatives(item[start + 1 : end])
        if alternatives is None:
            results.append(item)
            continue
        prefix, suffix = item[:start], item[end + 1 :]
        pending.extend(prefix + alt + suffix for alt in reversed(alternatives))
    return results or [text]


def _outer_brace(item: str) -> tuple[int, int] | None:
    start = item.find("{")
    while start >= 0:
        depth = 0
        for index in range(start, len(item)):
            if item[index] == "{":
                depth += 1
            elif item[index] == "}":
                depth -= 1
                if depth == 0:
                    body = item[start + 1 : index]
                    if "," in body or ".." in body:
                        return start, index
                    break
        start = item.find("{", start + 1)
    return None
