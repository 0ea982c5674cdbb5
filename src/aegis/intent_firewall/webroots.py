"""Web server configuration written to serve a directory outside the workspace.

An nginx ``root``/``alias``, an Apache ``DocumentRoot``/``Alias`` or a Caddy ``root`` that
names the home directory, ``/``, ``/etc`` or another user's home publishes that tree (its
keys, tokens and history) to whoever reaches the server. A configuration file written with
such a line is ``sensitive-tree-read``; a root inside the working directory, or a web
directory of the system (``/var/www``, ``/srv``, ``/usr/share/nginx``), is what such files
are for. Only text under a content key is read, line by line, bounded in size.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import re2

from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.readings import CONTENT_KEYS
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["webroot_findings"]

_MAX_TEXT = 65536
_MARKS = ("root", "alias", "documentroot", "file_server")
#: ``root /x;``, ``alias /x/;``, ``DocumentRoot "/x"``, ``Alias /url /x``, ``root * /x``.
_DIRECTIVE = re2.compile(
    r"(?im)(?:^|[{;])[ \t]*(?:root|alias|documentroot)[ \t]+([^\n;{}#]{1,400})"
)
#: Directories that are web roots by convention.
_WEB_DIRECTORIES = ("/var/www", "/srv", "/usr/share/nginx", "/usr/share/caddy", "/var/lib/nginx")


def _served(text: str, cwd: str, home: str) -> str:
    """The first directory ``text`` serves outside the workspace and the web directories."""
    workspace = cwd.rstrip("/") + "/"
    for match in _DIRECTIVE.finditer(text):
        words = [word.strip("\"'") for word in match.group(1).split()]
        value = words[-1] if words else ""
        if not value.startswith(("/", "~")):
            continue  # relative to the server's prefix, or a variable
        resolved = resolve_path(value, cwd, home).rstrip("/") or "/"
        if cwd not in ("", "/") and (resolved + "/").startswith(workspace):
            continue
        if any((resolved + "/").startswith(web + "/") for web in _WEB_DIRECTORIES):
            continue
        return f"{match.group(0).strip()[:80]} serves {resolved}"
    return ""


def webroot_findings(parameters: Any, cwd: str, home: str) -> list[Hit]:
    """A finding for the first served directory outside the workspace in written content."""
    if not isinstance(parameters, Mapping):
        return []
    for key, value in list(parameters.items())[:64]:
        if key not in CONTENT_KEYS or not isinstance(value, str) or len(value) > _MAX_TEXT:
            continue
        lowered = value.lower()
        if not any(mark in lowered for mark in _MARKS):
            continue
        served = _served(value, cwd, home)
        if served:
            return [default_hit("sensitive-tree-read", served)]
    return []
