"""Commands after a ``cd`` that need not have succeeded.

``cd build; rm -rf *`` empties ``build`` when it exists and the workspace root when it does
not: after ``;``, a new line, ``&`` or ``|`` the next command runs whatever the ``cd`` did,
and after ``||`` it runs exactly when the ``cd`` failed. The parser follows the ``cd``, so the
rest of the line is judged there; this module finds the rest of the line that must also be
judged in the directory the ``cd`` left (``judge_shell`` does both). A ``cd`` joined by
``&&`` guards the chain it starts (``cd x && make; rm -rf *`` still deletes wherever the
line is when the ``cd`` failed); ``|| exit``/``|| return`` and ``set -e`` guard the rest.
The scan is one linear pass outside quotes; the caller bounds how often it recurses.
"""

from __future__ import annotations

__all__ = ["unguarded_rest"]

_STARTS = frozenset(";&|\n({")
_GUARDS = ("exit", "return")
_ERREXIT = ("set -e", "set -o errexit", "set -eu", "set -euo")
_MAX_CDS = 4


def unguarded_rest(text: str) -> str | None:
    """The text after the first ``cd`` whose failure the next command does not wait for,
    or ``None`` (no such ``cd``, a guarded line, or too many ``cd`` to follow)."""
    if text.count("cd") > _MAX_CDS * 4 or any(mark in text for mark in _ERREXIT):
        return None
    index, length, quote, start = 0, len(text), "", True
    while index < length:
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "\\":
            index += 1
        elif char in _STARTS:
            start = True
        elif char in " \t":
            pass
        elif start and _is_cd(text, index):
            rest = _after_cd(text, index)
            if rest is not None:
                return rest
            start = False
        else:
            start = False
        index += 1
    return None


def _is_cd(text: str, index: int) -> bool:
    for word in ("cd", "pushd"):
        end = index + len(word)
        if text.startswith(word, index) and (end == len(text) or text[end] in " \t"):
            return True
    return False


def _after_cd(text: str, index: int) -> str | None:
    """The rest of the line after the separator that ends the ``cd`` at ``index`` when that
    separator does not wait for it to succeed."""
    quote, length, chained = "", len(text), False
    while index < length:
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in ")}":
            return None
        elif char in ";\n|&":
            pair = text[index : index + 2]
            if pair == "&&" or (chained and char == "|" and pair != "||"):
                # cd x && a | b; c: the chain waits for the cd, what follows it does not
                chained = True
                index += 2 if pair == "&&" else 1
                continue
            skip = 2 if pair == "||" else 1
            rest = _closed(text[index + skip :])
            if pair == "||" and rest.lstrip(" \t{").startswith(_GUARDS):
                return None
            return rest if rest.strip() else None
        index += 1
    return None


def _closed(rest: str) -> str:
    """``rest`` up to a bracket it does not open (the end of a subshell or group)."""
    depth, quote = 0, ""
    for index, char in enumerate(rest):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "({":
            depth += 1
        elif char in ")}":
            if depth == 0:
                return rest[:index]
            depth -= 1
    return rest
