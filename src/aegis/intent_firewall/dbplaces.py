"""Where a database connection goes and which database it opens.

``dbconnections.py`` says whether a URL, libpq or ADO string stays on this machine; this adds
Go's MySQL form (``user:pass@tcp(127.0.0.1:3306)/app_dev``, ``unix(/run/mysqld.sock)/app``,
``/app`` for the default local server) and the database each form names, which a reset of
its unqualified tables throws away with it. A host is local when it is a loopback address
(``127.1``, ``[::1]``, ``localhost``) or a socket path; anything not read is not local.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from aegis.intent_firewall.dbconnections import local_connection
from aegis.intent_firewall.hosts import host_of
from aegis.intent_firewall.loopback import literal_loopback

__all__ = ["connection_place", "go_dsn", "local_host"]

_GO_NETS = ("tcp", "tcp4", "tcp6", "unix")
_DATABASE_KEYS = frozenset({"dbname", "database", "initial catalog", "db"})
_MAX = 2048
#: Connection parameters that take the client somewhere its host does not say: a service
#: file entry (``?service=warehouse``), a replica set whose members the server lists.
_REDIRECTS = ("service=", "servicefile=", "replicaset=", "+srv:", "loadbalanced=")


def local_host(value: str) -> bool:
    """``localhost``, ``127.0.0.1:5432``, ``[::1]``, ``/var/run/postgresql``; several hosts
    separated by commas must all be."""
    if not value or len(value) > _MAX:
        return False
    for written in value.split(","):
        part = written.strip()
        if part.startswith("/") or literal_loopback(part.lower()):
            continue  # a socket directory, ::1, localhost
        host = host_of(part)
        if host is None or not literal_loopback(host):
            return False
    return True


def go_dsn(text: str) -> tuple[str, str] | None:
    """``(address, database)`` of Go's MySQL DSN, split as the driver splits it (the last
    ``/``, then the last ``@`` before it), or ``None`` when ``text`` is not of that form.
    ``address`` is empty for the default local server and a path for a socket."""
    if "://" in text or any(c.isspace() for c in text):
        return None
    head, slash, tail = text.rpartition("/")
    if not slash:
        return None
    network = head.rpartition("@")[2]
    database = tail.partition("?")[0]
    if not network:
        return "", database  # /app or user@/app: the local server
    net, paren, rest = network.partition("(")
    if not paren or net not in _GO_NETS or not rest.endswith(")"):
        return None
    address = rest[:-1]
    return (address, database) if "(" not in address and ")" not in address else None


def _database(text: str) -> str | None:
    if "://" in text:
        try:
            path = urlsplit(text).path
        except ValueError:
            return None
        return path.strip("/").split("/", 1)[0] or None
    pairs = [part.partition("=") for chunk in text.split(";") for part in chunk.split(" ")]
    for key, equals, value in pairs:
        if equals and key.strip().casefold() in _DATABASE_KEYS:
            return value.strip() or None
    return None if "=" in text else text.strip() or None


def _redirected(text: str) -> bool:
    """A parameter moves the connection (``_REDIRECTS``), or the host is a name under
    ``localhost`` that a resolver answers for (``db.localhost``, ``localhost.``)."""
    folded = text.casefold()
    if any(key in folded for key in _REDIRECTS):
        return True
    start = folded.find("localhost")
    while start != -1:
        end = start + len("localhost")
        if folded[start - 1 : start] == "." or folded[end : end + 1] == ".":
            return True
        start = folded.find("localhost", end)
    return False


def connection_place(text: str) -> tuple[bool, str | None]:
    """Whether the connection ``text`` stays on this machine, and the database it opens."""
    if len(text) > _MAX:
        return False, None
    if _redirected(text):
        return False, _database(text)
    dsn = go_dsn(text.strip())
    if dsn is not None:
        address, database = dsn
        local = not address or address.startswith("/") or local_host(address)
        return local and local_connection(database or "x"), database or None
    return local_connection(text), _database(text)
