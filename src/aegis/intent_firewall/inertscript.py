"""JavaScript and Ruby one-liners that only print what the interpreter knows about itself:
``node -e 'console.log(process.version)'``, ``node -p process.versions.v8``, ``ruby -e 'puts
RUBY_VERSION'``.

Code handed to an interpreter is *review*; this is the same kind of exception as
``inertcode`` for Python, with a grammar small enough to check without a parser: statements
``PRINTER(ARGS)`` or ``PRINTER ARGS``, arguments joined by ``,`` and ``+``, each a plain
string, a number or a name from a closed list (``process.version``, ``RUBY_VERSION``,
``RbConfig::CONFIG["host_os"]``). No other call, no backtick, no interpolation (``#{}``,
``${}``), no assignment, no escape in a string. The names and printers are data
(``inert_script`` in ``patterns.toml``); anything else keeps its finding.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from aegis.intent_firewall.textchecks import patterns

__all__ = ["inert_script"]

_MAX_CODE = 400
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$")
_PUNCTUATION = frozenset("(),+[];\n")


@cache
def _language(name: str) -> dict[str, Any]:
    table: dict[str, dict[str, Any]] = patterns()["inert_script"]
    return dict(table.get(name, {}))


def _tokens(code: str) -> list[str] | None:
    """Names (dotted or ``::``-joined), strings, numbers and punctuation; ``None`` for any
    other character, an escape, an interpolation or an unterminated string."""
    out: list[str] = []
    index, length = 0, len(code)
    while index < length:
        char = code[index]
        if char in " \t\r":
            index += 1
        elif char in "'\"":
            end = code.find(char, index + 1)
            body = code[index + 1 : end]
            if end < 0 or "\\" in body or "#{" in body or "${" in body:
                return None
            out.append(code[index : end + 1])
            index = end + 1
        elif char in _NAME_CHARS or (char == ":" and code.startswith("::", index)):
            start = index
            while index < length and (
                code[index] in _NAME_CHARS or code[index] == "." or code.startswith("::", index)
            ):
                index += 2 if code.startswith("::", index) else 1
            out.append(code[start:index])
        elif char in _PUNCTUATION:
            out.append(char)
            index += 1
        else:
            return None
    return out


def _term(tokens: list[str], at: int, names: frozenset[str]) -> int:
    """The index past one argument term starting at ``at``, or -1."""
    if at >= len(tokens):
        return -1
    token = tokens[at]
    if token[0] in "'\"" or token.replace(".", "", 1).isdigit():
        return at + 1
    if token not in names:
        return -1
    at += 1
    while at + 2 < len(tokens) + 1 and tokens[at : at + 1] == ["["]:
        if at + 2 >= len(tokens) or tokens[at + 1][0] not in "'\"" or tokens[at + 2] != "]":
            return -1
        at += 3
    return at


def _arguments(tokens: list[str], at: int, names: frozenset[str]) -> int:
    """Terms joined by ``+`` and ``,``; the index past them, or -1."""
    at = _term(tokens, at, names)
    while at >= 0 and at < len(tokens) and tokens[at] in ("+", ","):
        at = _term(tokens, at + 1, names)
    return at


def inert_script(language: str, code: str, *, printed: bool = False) -> bool:
    """Whether ``code`` (for ``node``/``ruby`` -e, or node -p when ``printed``) only prints
    literals and the names the catalogue lists."""
    data = _language(language)
    if not data or len(code) > _MAX_CODE:
        return False
    tokens = _tokens(code)
    if not tokens:
        return False
    names, printers = frozenset(data["names"]), frozenset(data["printers"])
    at = 0
    while at < len(tokens):
        if tokens[at] in (";", "\n"):
            at += 1
            continue
        if printed:
            at = _arguments(tokens, at, names)
        elif tokens[at] in printers:
            paren = tokens[at + 1 : at + 2] == ["("]
            at = _arguments(tokens, at + 1 + paren, names)
            if paren:
                at = at + 1 if 0 <= at < len(tokens) and tokens[at] == ")" else -1
        else:
            return False
        if at < 0 or (at < len(tokens) and tokens[at] not in (";", "\n")):
            return False
    return True
