"""The network destinations a literal handed to an acting SQL function names.

``http_post('https://collector.example/x', …)``, ``dblink_connect('host=db.example …')``
and ``send_mail('drop@evil.example', …)`` reach whatever their literal names: the literal is
not data, and each destination in it is judged against ``allowed_hosts`` like any other URL
or host. Only what can be read off the text counts; a literal naming no destination leaves
the statement's own findings to decide.
"""

from __future__ import annotations

from aegis.intent_firewall.hosts import urls_in

__all__ = ["destinations"]

#: libpq and ODBC connection-string keys that name the server reached.
_HOST_KEYS = ("host=", "hostaddr=", "server=", "data source=", "address=")
_MAX_DESTINATIONS = 16


def destinations(text: str) -> list[str]:
    """URLs, connection-string hosts and mail domains in ``text`` (at most 16)."""
    found = list(urls_in(text))
    lowered = text.lower()
    for key in _HOST_KEYS:
        start = lowered.find(key)
        if start >= 0 and (start == 0 or not lowered[start - 1].isalnum()):
            value = text[start + len(key) :].split(None, 1)
            if value:
                found.append(value[0].strip("'\";,"))
    if "://" not in text and " " not in text.strip() and text.count("@") == 1:
        domain = text.strip().rpartition("@")[2]
        if "." in domain:
            found.append(domain)
    return found[:_MAX_DESTINATIONS]
