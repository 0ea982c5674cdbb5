"""The machine itself, however it is spelled, and what on it is not a dev server.

``127.1``, ``0x7f.1``, ``2130706433``, ``[::1]``, ``[::ffff:127.0.0.1]``, ``localhost.``,
``app.localhost`` and ``0.0.0.0`` (a connection to it reaches the local host) all reach the
same machine: a policy that allows one loopback spelling allows them all, and one that
allows none allows none. Loopback is trusted for the app under test, not for the APIs that
also listen there: a path naming secrets, tokens or credentials, an admin or debug
endpoint, a cloud metadata path, or a query that climbs (``?file=../../etc/passwd``) on a
loopback host is *review*. The words and paths are
data (``loopback_sensitive_*`` in ``patterns.toml``).
"""

from __future__ import annotations

import ipaddress
from functools import cache
from urllib.parse import unquote

from aegis.intent_firewall.textchecks import patterns

__all__ = ["allows_loopback", "is_loopback", "literal_loopback", "sensitive_local_path"]


def is_loopback(host: str) -> bool:
    """``host`` (already normalised by :mod:`hosts`: lower case, no brackets, IPv4 forms
    folded) reaches this machine."""
    host = host.rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.partition("%")[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def literal_loopback(host: str) -> bool:
    """``host`` is ``localhost`` itself or a loopback address: no name that a resolver
    answers for (``db.localhost`` goes to DNS and its search domains on many machines, and
    ``localhost.`` is an absolute DNS name). What a relaxation takes as this machine."""
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_unspecified


def allows_loopback(allowed: frozenset[str]) -> bool:
    """Whether the policy names the machine itself under any spelling."""
    return any(is_loopback(host) for host in allowed)


@cache
def _data() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    data = patterns()
    return (
        tuple(data["loopback_sensitive_words"]),
        tuple(data["loopback_sensitive_prefixes"]),
        frozenset(str(port) for port in data["loopback_service_ports"]),
    )


@cache
def _status_paths() -> frozenset[str]:
    return frozenset(patterns()["loopback_status_paths"])


def _port(authority: str) -> str:
    host_port = authority.rpartition("@")[2]
    if host_port.startswith("["):
        host_port = host_port.partition("]")[2]
    return host_port.rpartition(":")[2] if ":" in host_port else ""


#: Schemes of clients that fetch whatever answers (or none written: curl and the like assume
#: http): a service port reached through one of them is the classic request smuggling shape.
_FETCHING_SCHEMES = frozenset(
    {"", "http", "https", "gopher", "dict", "ftp", "ftps", "tftp", "ws", "wss", "ldap", "file"}
)


def sensitive_local_path(url: str) -> str:
    """The part of a loopback URL's path that names a secret store, an admin API or cloud
    metadata, or the port of a service that does not speak HTTP; empty when there is none.
    The path is percent-decoded twice and read by its segments (``/api/v1/Secrets``,
    ``/%61dmin``); the query is the app's to read."""
    rest = url.partition("://")[2] if "://" in url else url
    slash = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    words, prefixes, service_ports = _data()
    port = _port(rest[:slash])
    scheme = url.partition("://")[0].casefold() if "://" in url else ""
    if port in service_ports and scheme in _FETCHING_SCHEMES:
        # a web client sent to a database's or cache's port speaks to it through a protocol
        # it was not written for (the SSRF shape); ``postgresql://localhost:5432`` is a
        # database client reaching its own server, judged by what it then runs
        return f"port {port}"
    # the path only: a query (?next=/admin) is read by the app under test, not routed
    end = min((i for i in (rest.find(c, slash) for c in "?#") if i >= 0), default=len(rest))
    path = unquote(unquote(rest[slash:end])).casefold().replace("\\", "/")
    path = _unversioned(path)
    if any(word in rest[end:].casefold() for word in patterns()["loopback_sensitive_query_words"]):
        return "debug console"  # /console?__debugger__=yes&cmd=…: a GET that runs code
    # a status page (Vault's /v1/sys/health, /actuator/health) names no secret
    if not (path.rstrip("/") in _status_paths() or _status_page(path)):
        for prefix in prefixes:
            if path.startswith(prefix) and not path.startswith(_HEALTH_PATHS):
                return prefix
        for segment in path.split("/"):
            for word in words:
                if word in segment:
                    return segment[:60]
    return _climbing_query(rest[end:])


#: Read-only health pages below an administration prefix (Elasticsearch's cluster health).
_HEALTH_PATHS = ("/_cluster/health", "/_cluster/stats", "/_nodes/stats")


#: A Spring service's status pages: its health, build information and counters, which
#: a developer polls while the app under test starts (``/actuator/env``, ``heapdump``,
#: ``configprops`` and the rest hold its secrets and stay findings).
_STATUS_PAGES = ("health", "info", "metrics", "prometheus")


def _status_page(path: str) -> bool:
    """``/actuator/health``, ``/actuator/metrics/jvm.memory.used``: one status page."""
    segments = path.strip("/").split("/")
    return (
        segments[0] == "actuator"
        and 1 < len(segments) <= _MAX_STATUS_DEPTH
        and segments[1] in _STATUS_PAGES
        and ".." not in path
    )


_MAX_STATUS_DEPTH = 3


def _unversioned(path: str) -> str:
    """``path`` without a leading dotted API version segment (Docker's
    ``/v1.43/containers/create``), so that a versioned spelling meets the same prefixes
    (``/v1/sys/`` is Vault's own prefix and stays)."""
    if path.startswith("/v") and len(path) > 2 and path[2].isdigit():
        segment, slash, rest = path[1:].partition("/")
        if slash and "." in segment and segment[1:].replace(".", "").isdigit():
            return "/" + rest
    return path


def _climbing_query(query: str) -> str:
    """``../`` in a query or fragment, plain or percent-encoded (``?file=../../etc/passwd``):
    the path traversal shape sent to the app under test, whatever file it climbs to."""
    decoded = unquote(unquote(query)).replace("\\", "/")
    return "../ in the query" if "../" in decoded or decoded.endswith("/..") else ""
