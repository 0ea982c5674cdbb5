"""Authorities that hold a character no host name can hold.

The canonical text folds look-alikes to ASCII so that ``ɡithub`` and ``github`` read alike;
that folding also turns U+2044 FRACTION SLASH, U+2215 DIVISION SLASH or U+29F8 BIG SOLIDUS
into ``/`` and U+2024 ONE DOT LEADER or U+FE52 SMALL FULL STOP into ``.``. A client does
none of that when it splits a URL: it ends the authority only at an ASCII ``/``, ``?`` or
``#``, so ``https://github.com⁄acme⁄app.git`` names the host ``github.com⁄acme⁄app.git``
(which IDNA rejects or sends somewhere else), never ``github.com``. Even a mark that NFKC or
IDNA maps to ``.`` (U+3002 IDEOGRAPHIC FULL STOP, U+FF0E) is not how an allowed host is
written. So every word of a value (a URL, a git remote, an scp-like ``host:path``, the value of a
``--host`` option or a ``host`` key) is read once as written: when its authority, split the
way a client splits it, holds a non-ASCII character that is not a letter or a digit
(punctuation, a symbol, a space, a format character or a combining mark, in the host, the
user information or the port alike) and its folded reading names an allowed host, the
destination is not that host: a finding naming the character. The folded readings judged
elsewhere never see the character, so this runs on the raw value.
"""

from __future__ import annotations

import unicodedata

from aegis.intent_firewall.hosts import host_allowed, host_of
from aegis.intent_firewall.loopback import is_loopback
from aegis.intent_firewall.text import canonical_text

__all__ = ["foreign_authorities"]

#: ASCII characters that end a word of a value (a shell word, an option's ``=`` value).
_WORD_ENDS = frozenset(" \t\r\n\"'<>`|;,(){}[]^=")
#: ASCII characters where a client ends an authority.
_AUTHORITY_ENDS = "/?#\\"
#: Words looked at per value; the value's other checks judge the rest.
_MAX_WORDS = 256
_MAX_WORD = 2048


def _words(text: str) -> list[str]:
    """The words of ``text`` that hold a character outside ASCII (at most _MAX_WORDS)."""
    words: list[str] = []
    start = 0
    for index, char in enumerate(text + " "):
        if char in _WORD_ENDS:
            word = text[start:index]
            if word and not word.isascii() and len(word) <= _MAX_WORD:
                words.append(word)
                if len(words) >= _MAX_WORDS:
                    break
            start = index + 1
    return words


def _authority(word: str) -> str:
    """The authority of ``word`` as a client splits it: after ``scheme://`` (or from the
    start for ``user@host:path`` and bare hosts) up to the first ASCII ``/``, ``?``, ``#``."""
    rest = word.partition("://")[2] if "://" in word else word
    end = len(rest)
    for stop in _AUTHORITY_ENDS:
        index = rest.find(stop)
        if 0 <= index < end:
            end = index
    return rest[:end]


def _foreign(char: str) -> bool:
    """Not a character a host label holds after IDNA: neither ASCII nor a letter or digit."""
    return not char.isascii() and unicodedata.category(char)[0] not in "LN"


def _named(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


def foreign_authorities(text: str, allowed: frozenset[str]) -> list[str]:
    """Evidence for each word of ``text`` whose authority holds a character no host name can
    hold while its folded reading names an allowed (or loopback) host."""
    found: list[str] = []
    for word in _words(text):
        odd = next((char for char in _authority(word) if _foreign(char)), None)
        if odd is None:
            continue
        host = host_of(canonical_text(word))
        if host and (host_allowed(host, allowed) or is_loopback(host)):
            found.append(f"{_named(odd)} in the authority of {word[:120]!r}, not the host {host!r}")
    return found
