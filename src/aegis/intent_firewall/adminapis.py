"""State-changing requests to the administration APIs that listen on the local host.

Loopback is allowed for the app under test, and its reads and writes pass; the same
machine also runs control planes that answer on their own ports or paths without a
password: Caddy's admin API (``POST localhost:2019/load`` replaces the server
configuration), Envoy's and Istio's admin ports (``/quitquitquit``), Consul, Nomad and
Vault agents, Kong's admin port, Prometheus's ``/-/reload`` and TSDB admin, the Jenkins
script console (``/scriptText``), WireMock's ``/__admin``, a Spring actuator. A method that
changes state (anything but GET, HEAD, OPTIONS) sent to one of them reconfigures or stops
a service, or runs code in it: ``local-control-api`` (*review*). Reading one stays the
loopback rules' business (``loopback.py``). Ports and paths are data
(``loopback_admin_ports`` and ``loopback_admin_prefixes`` in ``patterns.toml``).
"""

from __future__ import annotations

from functools import cache
from urllib.parse import unquote

from aegis.intent_firewall.hosts import url_host
from aegis.intent_firewall.loopback import is_loopback
from aegis.intent_firewall.textchecks import patterns

__all__ = ["admin_api"]

_READING = frozenset({"GET", "HEAD", "OPTIONS"})


@cache
def _data() -> tuple[frozenset[str], tuple[str, ...]]:
    data = patterns()
    ports = frozenset(str(port) for port in data["loopback_admin_ports"])
    return ports, tuple(data["loopback_admin_prefixes"])


def admin_api(method: str, url: str) -> str:
    """What names ``url`` as a local administration API when ``method`` changes state
    (``"port 2019"``, ``"/quitquitquit"``); empty otherwise."""
    if method.strip().upper() in _READING or "://" not in url:
        return ""
    parsed = url_host(url)
    if parsed is None or not is_loopback(parsed[1]):
        return ""
    rest = url.partition("://")[2]
    slash = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority = rest[:slash].rpartition("@")[2]
    if authority.startswith("["):
        authority = authority.partition("]")[2]
    port = authority.rpartition(":")[2] if ":" in authority else ""
    ports, prefixes = _data()
    if port in ports:
        return f"port {port}"
    path = unquote(unquote(rest[slash:].partition("?")[0].partition("#")[0])).casefold()
    for prefix in prefixes:
        if path == prefix.rstrip("/") or path.startswith(prefix):
            return prefix
    return ""
