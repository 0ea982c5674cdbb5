"""HTTP requests that change or delete what they name: the method and the URL together.

``{"method": "DELETE", "url": "https://api.github.com/repos/org/service"}`` deletes a
repository on an allowed host; the host check alone allows it. A method that changes state
on a remote host, or any non-reading method on a path that names a whole collection or a
bulk operation (``/_all``, ``_delete_by_query``), is *review*. A single item of the local
app under test (``DELETE http://localhost:8000/api/items/42``) stays allowed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.adminapis import admin_api
from aegis.intent_firewall.ghverbs import github_api_host, github_api_write
from aegis.intent_firewall.hosts import url_host

__all__ = ["METHODS", "METHOD_KEYS", "http_method_findings"]

_METHOD_KEYS = ("method", "verb", "http_method", "httpmethod", "request_method")
#: The same, for checks that skip this one when no key is among them.
METHOD_KEYS = _METHOD_KEYS
_URL_KEYS = ("url", "endpoint", "uri", "href", "target", "api", "path")
_CHANGING = frozenset({"DELETE", "PUT", "PATCH"})
_READING = frozenset({"GET", "HEAD", "OPTIONS"})
#: Method words a client such as httpie takes as an operand (``http DELETE URL``).
METHODS = _CHANGING | _READING | {"POST"}
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"})  # noqa: S104
_BULK_SEGMENTS = ("_all", "*", "delete_by_query", "_bulk", "truncate", "purge", "drop", "wipe")


def _value(parameters: Mapping[Any, Any], keys: tuple[str, ...]) -> str | None:
    for name, value in parameters.items():
        if isinstance(name, str) and name.casefold() in keys and isinstance(value, str):
            return value
    return None


def http_method_findings(parameters: object) -> list[tuple[str, str]]:
    """(rule, evidence) for a state-changing HTTP request in ``parameters``."""
    if not isinstance(parameters, Mapping):
        return []
    method = _value(parameters, _METHOD_KEYS)
    return [] if method is None else _method_findings(parameters, method)


def _method_findings(parameters: Mapping[Any, Any], method: str) -> list[tuple[str, str]]:  # noqa: PLR0911
    url = _value(parameters, _URL_KEYS)
    if url is None or "://" not in url:
        return []
    method = method.strip().upper()
    if method in _READING:
        return []
    if admin := admin_api(method, url):
        return [("local-control-api", f"{method} {url[:120]}: {admin} is an administration API")]
    parsed = url_host(url)
    host = parsed[1] if parsed is not None else ""
    path = url.split("://", 1)[1].partition("/")[2].split("?", 1)[0].lower()
    evidence = f"{method} {url[:120]}"
    if method in _CHANGING and host not in _LOOPBACK:
        return [("destructive-action", f"{evidence} changes a remote resource")]
    if github_api_host(host) and github_api_write(method, path):
        # POST https://api.github.com/gists, …/keys: an allowed host, a lasting change
        return [("destructive-action", f"{evidence} writes on GitHub")]
    if any(segment in path for segment in _BULK_SEGMENTS):
        return [("destructive-action", f"{evidence} names a whole collection")]
    return []
