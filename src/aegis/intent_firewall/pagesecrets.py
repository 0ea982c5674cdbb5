"""Code run in a web page that reads the page's tokens.

A browser tool's ``evaluate``/``execute_script`` runs JavaScript with the page's session:
``localStorage.getItem('auth_token')``, ``document.cookie``, ``JSON.stringify(sessionStorage)``
or ``indexedDB`` hand the logged-in user's tokens to whoever reads the result, the agent's
context or a ``fetch``/``sendBeacon`` to anywhere. Such code is ``page-secret-read``
(*review*) when it

- reads web storage other than by a written-out key that names no secret
  (``getItem('theme')`` passes; ``getItem('tok'+'en')``, ``localStorage[k]``,
  ``Object.keys(localStorage)``, ``var s = localStorage`` do not);
- reads the cookies (``document.cookie``, ``document['coo'+'kie']``, any ``document[…]``
  not written out, ``cookieStore``, a browser context's ``cookies()``/``storageState``);
- opens or lists IndexedDB databases.

Writing storage (``setItem``, ``removeItem``, ``clear``, ``document.cookie = …``) passes. Only
requests whose action names a page or a script run in one are read (a source file written
with the same code is the application's, not a read); the scan is linear over bounded text.
"""

from __future__ import annotations

from collections.abc import Mapping

import re2

from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["page_secret_findings"]

_PAGE_WORDS = frozenset(
    {"evaluate", "eval", "javascript", "js", "page", "browser", "playwright", "puppeteer",
     "console", "devtools", "inject", "selenium", "webdriver", "cdp", "chrome", "tab"}
)  # fmt: skip
_FILE_WORDS = frozenset({"file", "write", "edit", "save", "patch", "commit", "note", "message"})
_MAX_TEXT = 65536
_MAX_VALUES = 64
_STORAGE = re2.compile(r"(?i)\b(local|session)storage\b")
#: What may follow a storage name without reading it, or reading one harmless key.
_HARMLESS_USE = re2.compile(
    r"""(?i)^\s*(\.\s*(setitem|removeitem|clear|length)\b|\.\s*getitem\s*\(\s*(['"`])([a-z0-9_.:-]{1,64})(['"`])\s*\)|\[\s*(['"])([a-z0-9_.:-]{1,64})(['"])\s*\]|\.\s*([a-z_][a-z0-9_]{0,63})\b(\s*[^(a-z0-9_\s]|\s*$))"""
)
_SECRET_WORDS = ("token", "auth", "jwt", "session", "secret", "key", "pass", "pwd", "cred",
                 "cookie", "bearer", "refresh", "access", "id_token", "api", "sid", "csrf",
                 "xsrf", "oauth", "login", "user")  # fmt: skip
_COOKIES = re2.compile(
    r"(?i)(\bdocument\s*\[|\bcookiestore\b|\.\s*cookies\s*\(|\bstoragestate\s*\(|\bindexeddb\b"
    r"|\b(chrome|browser)\s*\.\s*cookies\b)"
)
_DOCUMENT_COOKIE = re2.compile(r"(?i)\bdocument\s*\.\s*cookie\b")
#: ``document.cookie = "…"`` sets a cookie (``==`` compares, and reads it).
_ASSIGNED = re2.compile(r"^\s*=[^=]")


def _storage_reads(text: str) -> str | None:
    """The first storage use in ``text`` that reads more than one harmless key."""
    for found in _STORAGE.finditer(text):
        rest = text[found.end() : found.end() + 120]
        use = _HARMLESS_USE.match(rest)
        if use is None:
            return text[found.start() : found.end() + 40]
        key = (use.group(4) or use.group(7) or use.group(9) or "").lower()
        if any(word in key for word in _SECRET_WORDS):
            return text[found.start() : found.end() + 40]
    return None


def _cookie_reads(text: str) -> str | None:
    """The first read of the page's cookies or databases in ``text``."""
    for found in _DOCUMENT_COOKIE.finditer(text):
        if _ASSIGNED.match(text[found.end() : found.end() + 4]) is None:
            return str(found.group(0))
    other = _COOKIES.search(text)
    return None if other is None else str(other.group(0))


def page_secret_findings(words: frozenset[str], frozen: object) -> list[Hit]:
    """``page-secret-read`` for page code in the string values of ``frozen``."""
    if not words & _PAGE_WORDS or words & _FILE_WORDS or not isinstance(frozen, Mapping):
        return []
    for value in list(frozen.values())[:_MAX_VALUES]:
        if not isinstance(value, str):
            continue
        text = value[:_MAX_TEXT]
        read = _storage_reads(text) or _cookie_reads(text)
        if read is not None:
            return [default_hit("page-secret-read", f"{read[:80]!r} run in a page")]
    return []
