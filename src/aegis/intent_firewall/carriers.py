"""Text that carries other text: base64 blobs and hex strings.

An agent harness may decode a base64 argument (or a hex one under a ``*_hex`` key); what
they carry is judged like any other parameter. Each reader is bounded and linear: a
character check before any decoding, and only readable UTF-8 is kept. (TOML documents and
tool calls written as XML are read by :mod:`aegis.intent_firewall.embedded`.)
"""

from __future__ import annotations

import base64
import binascii

__all__ = ["CARRIER_CHARS", "decoded_base64", "decoded_hex"]

_BASE64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")
#: Every character either reader accepts in a word without blanks (hex digits are base64
#: characters): a word with any other is neither, told without a call to either.
CARRIER_CHARS = _BASE64_CHARS
#: Shorter blobs are identifiers or hashes far more often than hidden text.
_MIN_BASE64 = 16


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


#: Characters ``bytes.fromhex`` accepts: hex digits and ASCII whitespace between bytes.
_HEX_TEXT = frozenset("0123456789abcdefABCDEF \t\n\r\v\f")


def decoded_hex(text: str) -> str | None:
    """The readable UTF-8 text a hex string encodes, or ``None`` (digests stay ``None``)."""
    if not _HEX_TEXT.issuperset(text):
        return None  # what bytes.fromhex refuses, told without its exception
    try:
        decoded = bytes.fromhex(text.strip()).decode("utf-8")
    except ValueError:
        return None
    return decoded if _readable(decoded) else None
