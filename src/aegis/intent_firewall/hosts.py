"""Network destinations, parsed the way a client would parse them.

``http://evil.example\\@localhost`` goes to ``evil.example`` (WHATWG treats ``\\`` as ``/``
in special schemes, so the ``@`` is in the path, not in the user information);
``http:evil.example`` and ``http:///evil.example`` go to ``evil.example`` too; hosts are
percent-decoded, IDNA-encoded and lower case; ``0x7f.1`` and ``2130706433`` are
``127.0.0.1``. A destination is allowed when its host is in ``allowed_hosts`` or below one.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import unquote

from aegis.intent_firewall.storage import storage_scheme

__all__ = ["MAX_URLS", "host_allowed", "host_of", "url_host", "urls_in"]

#: Destinations looked at per string; more than that is itself a finding for the caller.
MAX_URLS = 32
_SPECIAL = frozenset({"http", "https", "ws", "wss", "ftp", "file"})
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789+.-")
_URL_END = frozenset(" \t\r\n\"'<>`|;(){}[]^")


def _normal_host(host: str) -> str:
    host = unquote(host).strip().rstrip(".").lower()
    if host.startswith("[") and "]" in host:
        return host[1 : host.index("]")]
    if host and not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return host
    if host and all(ch in "0123456789abcdefx." for ch in host) and host[0].isdigit():
        try:
            return socket.inet_ntoa(socket.inet_aton(host))
        except OSError:
            return host
    return host


def _authority_host(authority: str) -> str:
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        return _normal_host(host.partition("]")[0] + "]")
    return _normal_host(host.partition(":")[0])


@lru_cache(maxsize=4096)
def url_host(text: str) -> tuple[str, str] | None:
    """``(scheme, host)`` of a URL, or ``None`` when ``text`` is not a URL with a host."""
    scheme, colon, rest = text.strip().partition(":")
    scheme = scheme.lower()
    if not colon or not scheme or not set(scheme) <= _SCHEME_CHARS or not scheme[0].isalpha():
        return None
    if scheme in _SPECIAL:
        rest = rest.replace("\\", "/")
        if scheme == "file":
            # file:///home/x: the authority between "//" and the next "/" is empty, so the
            # URL names a local path ("home" is its first directory, not a host)
            if not rest.startswith("//"):
                return None
            rest = rest[2:]
        else:
            rest = rest.lstrip("/")
    elif rest.startswith("//") and not storage_scheme(scheme + "://"):
        rest = rest[2:]
    else:
        return None  # s3://bucket: a resource reached through the provider (storage.py)
    end = len(rest)
    for stop in "/?#":
        index = rest.find(stop)
        if index >= 0:
            end = min(end, index)
    host = _authority_host(rest[:end])
    if scheme == "file" and host in ("", "localhost"):
        return None
    return (scheme, host) if host else None


def host_of(value: str) -> str | None:
    """The host a value names: a URL, ``user@host:path``, ``host:port`` or a bare host."""
    value = value.strip()
    parsed = url_host(value)
    if parsed is not None:
        return parsed[1]
    if "://" in value or not value or " " in value:
        return None
    if "(" in value and (dsn := _go_dsn_address(value)) is not None:
        return dsn or None  # user@tcp(127.0.0.1:3306)/app, as Go's MySQL driver splits it
    head = value.split("/", 1)[0]
    host = _authority_host(head)
    if host.startswith("."):
        return None  # a dot file (.env, .gitignore): an empty first label never resolves
    if "." not in host and ":" not in host and host != "localhost":
        return None  # a bare word is a name (a git remote, a service), not a host
    return host or None


def _go_dsn_address(value: str) -> str | None:
    from aegis.intent_firewall.dbplaces import go_dsn

    dsn = go_dsn(value)
    if dsn is None:
        return None
    return "" if not dsn[0] or dsn[0].startswith("/") else _authority_host(dsn[0])


def host_allowed(host: str, allowed: frozenset[str]) -> bool:
    """Whether ``host`` is an allowed host or a subdomain of one."""
    if host in allowed:
        return True
    labels = host.split(".")
    return any(".".join(labels[i:]) in allowed for i in range(1, len(labels)))


def urls_in(text: str) -> Iterator[str]:
    """Every ``scheme://…`` span in free text (at most :data:`MAX_URLS`), found by one scan."""
    start, found = 0, 0
    while found < MAX_URLS:
        index = text.find("://", start)
        if index < 0:
            return
        begin = index
        while begin > 0 and text[begin - 1] in _SCHEME_CHARS:
            begin -= 1
        end = index + 3
        while end < len(text) and text[end] not in _URL_END:
            end += 1
        if begin < index:
            found += 1
            yield text[begin:end]
        start = end
