"""Command text a tool call says is encoded: read decoded, never as written.

``{"command_b64": "bnBtIHJ1biBsaW50"}`` and ``{"command": "…", "encoding": "base64"}`` run
``npm run lint``: the harness decodes the value before the shell sees it. The blob itself is
no command line (read as one, its letters become an unknown program), so a value under a
key that says it is encoded, or under a command key beside an ``encoding`` that says base64,
is judged as the text it decodes to and only as that. A value that does not decode to text
stays an opaque value (review), and one that is not base64 at all is also read as written.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.vocabulary import COMMAND_KEYS

__all__ = ["declared_key", "decoded_text", "is_blob"]

#: Sibling keys that name how the values beside them are encoded.
_ENCODING_KEYS = ("encoding", "command_encoding", "cmd_encoding", "input_encoding")
#: Their values that say base64.
_BASE64_NAMES = frozenset({"base64", "b64", "base64url", "base-64", "base64-url"})
#: Keys whose value is a command line, a script or a shell's input.
_RUN_KEYS = COMMAND_KEYS | frozenset({"cmd", "command", "script", "code", "stdin", "input"})
_BLOB_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=")
_ENCODED_PARTS = ("base64", "b64", "encoded")


def _declares_base64(mapping: Mapping[Any, Any]) -> bool:
    for name in _ENCODING_KEYS:
        value = mapping.get(name)
        if isinstance(value, str) and value.strip().casefold() in _BASE64_NAMES:
            return True
    return False


def declared_key(key: str, value: object, mapping: Mapping[Any, Any]) -> str:
    """``key`` as the value beside it declares it: ``command`` becomes ``command_b64`` in a
    mapping whose ``encoding`` is base64 (a command key only: file content may be bytes;
    and only for a value in the base64 alphabet: ``input: ./image.b64`` is a file name)."""
    if (
        key in _RUN_KEYS
        and _declares_base64(mapping)
        and isinstance(value, str)
        and is_blob(value)
        and not any(part in key for part in _ENCODED_PARTS)
    ):
        return f"{key}_b64"
    return key


def _joined(text: str) -> str | None:
    """``text`` without its line breaks (base64 tools wrap at 76 columns) when every line
    is in the base64 alphabet (standard or URL-safe); a blank inside a line is a word
    break, so ``rm -rf /`` is no blob."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if not lines or not all(line and _BLOB_CHARS.issuperset(line) for line in lines):
        return None
    return "".join(lines)


def is_blob(text: str) -> bool:
    """Whether ``text`` is written in the base64 alphabet only (lines wrapped or not)."""
    return _joined(text) is not None


def decoded_text(text: str) -> str | None:
    """The UTF-8 text a base64 value encodes (padding optional, either alphabet), or
    ``None`` when it does not decode to text."""
    joined = _joined(text)
    if joined is None:
        return None
    body = joined.rstrip("=").replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
