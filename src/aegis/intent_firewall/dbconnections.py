"""Whether a database connection a tool is given stays on this machine.

A migration tool's connection may be written as a URL (``postgresql://localhost:5432/app``),
a URL with several hosts (``postgresql://localhost:5432,prod-db.internal:5432/app``) or with
the host as a query parameter (``postgresql:///app?host=prod-db.internal``), a libpq keyword
string (``host=prod-db.internal dbname=app``), an ADO string (``Server=prod-sql.corp;…``), or
a database name (``production``). The connection is local only when every host any of these
forms names is a loopback address or a socket directory, and no name in it says production;
anything not read here (a form not listed, an expansion) is not local (fail closed).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from aegis.intent_firewall.loopback import is_loopback

__all__ = ["local_connection"]

#: Keyword forms that name a host (libpq, ADO, JDBC property strings), folded.
_HOST_WORDS = frozenset(
    {"host", "hostaddr", "server", "data source", "datasource", "address", "addr",
     "network address", "hostname", "host_name"}
)  # fmt: skip
#: Words in a name that say the database is production's.
_PRODUCTION_WORDS = frozenset({"prod", "production", "prd", "live"})
_MAX = 2048


def _words(text: str) -> set[str]:
    return set("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def _local_host(host: str) -> bool:
    host = host.strip().rpartition("@")[2]
    if not host or host.startswith("/"):
        return True  # the default socket, or a socket directory
    if host.startswith("["):
        host = host[1:].partition("]")[0]  # [::1]:5432
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    if "," in host:
        return all(_local_host(part) for part in host.split(","))
    return is_loopback(host.strip("[]"))


def _keyword_hosts(text: str) -> list[str] | None:
    """The hosts of ``key=value`` pairs separated by blanks or ``;`` (``None``: not that
    form)."""
    pairs = [part for chunk in text.split(";") for part in chunk.split() if part]
    if not pairs or not all("=" in part for part in pairs):
        # ADO values may hold blanks (Data Source=…): read ; separated pairs as such
        pairs = [part.strip() for part in text.split(";") if part.strip()]
        if not pairs or not all("=" in part for part in pairs):
            return None
    hosts = []
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key.strip().casefold() in _HOST_WORDS:
            named = value.strip().removeprefix("tcp:")
            host, comma, port = named.rpartition(",")
            # SQL Server writes its port after a comma (Server=127.0.0.1,1433)
            hosts.append(host if comma and port.strip().isdigit() else named)
    return hosts


def _url_hosts(text: str) -> list[str] | None:
    if "://" not in text:
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return ["?"]
    hosts = parts.netloc.rpartition("@")[2].split(",")
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.casefold() in _HOST_WORDS:
            hosts.extend(value.split(","))
    return hosts


def local_connection(text: str) -> bool:
    """Whether the connection ``text`` reaches only this machine's databases."""
    if len(text) > _MAX or _words(text) & _PRODUCTION_WORDS:
        return False
    value = text.strip()
    if value.startswith("jdbc:"):
        value = value[5:]
    hosts = _url_hosts(value)
    if hosts is None:
        hosts = _keyword_hosts(value)
    if hosts is None:
        # a bare database name or a file: local unless it has a host part
        return ":" not in value and "@" not in value
    return all(_local_host(host) for host in hosts)
