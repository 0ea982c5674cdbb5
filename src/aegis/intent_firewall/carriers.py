"""Text that carries other text: base64 blobs, TOML documents and tool calls written as XML.

An agent harness may decode a base64 argument, load a TOML configuration or execute an
``<invoke name="bash"><parameter name="command">…</parameter></invoke>`` block found in a
model's reply; what they carry is judged like any other parameter. Each reader is bounded
and linear: RE2 for the XML shapes (no XML parser, so no entity expansion), a character
check before any base64 decoding, and TOML only after its bracket depth is measured.
"""

from __future__ import annotations

import base64
import binascii
import html
import tomllib
from functools import cache
from typing import Any

import re2

from aegis.intent_firewall.embedded import nesting_depth

__all__ = ["decoded_base64", "decoded_hex", "load_toml", "xml_tool_call"]

_BASE64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")
#: Shorter blobs are identifiers or hashes far more often than hidden text.
_MIN_BASE64 = 16
_MAX_XML_FIELDS = 32
#: Tags that hold a tool's name, and tags or ``name="…"`` parameters that hold its input.
_TOOL_NAME = (
    r"<\s*(?:invoke|tool_call|function_call|tool|function|tool_use)\s+name\s*=\s*"
    r"[\"']?([\w.:-]{1,64})"
)
_NAME_TAG = r"<\s*(?:name|tool_name|tool|function|function_name)\s*>\s*([\w.:-]{1,64})\s*<"
_NAMED_FIELD = (
    r"<\s*(?:parameter|param|arg|argument)\s+name\s*=\s*[\"']?([\w-]{1,64})[\"']?\s*>([^<]*)"
)
_FIELD_TAG = (
    r"<\s*(command|cmd|code|script|input|query|sql|path|file|url|arguments|args)\s*>([^<]*)"
)


@cache
def _pattern(source: str) -> Any:
    options = re2.Options()
    options.max_mem = 8 << 20
    options.log_errors = False
    return re2.compile(source, options)


for _source in (_TOOL_NAME, _NAME_TAG, _NAMED_FIELD, _FIELD_TAG):
    _pattern(_source)  # compiled at import, not inside the first request that needs them


def xml_tool_call(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """The tool name and the (field, value) pairs of a tool call written as XML in ``text``,
    or ``None`` when it holds none. Entities (``&amp;``) are read as a harness would."""
    if "</" not in text:
        return None
    lowered = text.casefold()
    named = _pattern(_TOOL_NAME).search(lowered) or _pattern(_NAME_TAG).search(lowered)
    fields: list[tuple[str, str]] = []
    for source in (_NAMED_FIELD, _FIELD_TAG):
        for match in _pattern(source).finditer(text):
            fields.append((match.group(1).casefold(), html.unescape(match.group(2))))
            if len(fields) >= _MAX_XML_FIELDS:
                break
    if not fields:
        return None
    return (named.group(1) if named else ""), fields


def decoded_base64(text: str) -> str | None:
    """The text a base64 blob encodes, when it is one and decodes to readable UTF-8."""
    stripped = text.strip()
    if len(stripped) < _MIN_BASE64 or not _BASE64_CHARS.issuperset(stripped):
        return None
    if stripped.isalpha() or stripped.isdigit():
        return None  # a word or a number, not an encoding
    padded = stripped + "=" * (-len(stripped) % 4)
    try:
        raw = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        decoded = raw.decode("utf-8")
    except (ValueError, binascii.Error):
        return None
    return decoded if _readable(decoded) else None


def _readable(text: str) -> bool:
    return bool(text.strip()) and text.translate(_WHITESPACE).isprintable()


_WHITESPACE = {ord("\n"): " ", ord("\r"): " ", ord("\t"): " "}


def decoded_hex(text: str) -> str | None:
    """The readable UTF-8 text a hex string encodes, or ``None`` (digests stay ``None``)."""
    try:
        decoded = bytes.fromhex(text.strip()).decode("utf-8")
    except ValueError:
        return None
    return decoded if _readable(decoded) else None


def load_toml(text: str, max_depth: int) -> tuple[Any, bool]:
    """The TOML document (``None`` when it is not TOML) and whether it nests too deep."""
    if nesting_depth(text, max_depth) > max_depth:
        return None, True
    try:
        return tomllib.loads(text), False
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None, False
