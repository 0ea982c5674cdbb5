"""A service's token sent to that service: ``curl -H "Authorization: Bearer $GITHUB_TOKEN"
https://api.github.com/repos/acme/widgets/pulls``.

Reading a variable that holds a secret is ``secret-environment`` wherever it goes: the
line decides who sees the value. One use is what the token exists for: an HTTP client
giving it in an ``Authorization`` header to the hosts of the service that issued it, over
https, with no other URL on the command. The variables and their hosts are data
(``data/service_tokens.toml``); a token in a body, a query, a URL's user part, another
header, to any other host or by any other program keeps its findings.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from aegis.intent_firewall.hosts import url_host
from aegis.intent_firewall.shellmodel import SimpleCommand

__all__ = ["token_to_its_service"]

_CLIENTS = frozenset({"curl", "wget", "http", "https", "xh"})
_HEADER_OPTIONS = frozenset({"-H", "--header"})
_SCHEMES = ("bearer ", "token ")


@cache
def _services() -> dict[str, frozenset[str]]:
    text = resources.files("aegis.intent_firewall").joinpath("data/service_tokens.toml")
    hosts: dict[str, frozenset[str]] = {}
    for service in tomllib.loads(text.read_text())["service"]:
        for variable in service["variables"]:
            hosts[variable] = frozenset(service["hosts"])
    return hosts


def _variable(construct: str) -> str:
    """``parameter expansion $GITHUB_TOKEN`` / ``${GITHUB_TOKEN}`` -> ``GITHUB_TOKEN``."""
    name = construct.removeprefix("parameter expansion ")
    if name.startswith("${") and name.endswith("}"):
        return name[2:-1]
    return name[1:] if name.startswith("$") else ""


def token_to_its_service(command: SimpleCommand, index: int, construct: str) -> bool:
    """The expansion ``construct`` in word ``index`` of ``command`` is a service's token in
    an Authorization header of a client request to that service alone."""
    hosts = _services().get(_variable(construct))
    words = command.words
    if hosts is None or command.program not in _CLIENTS or not 0 < index < len(words):
        return False
    header = _header(command, index, construct)
    if header is None:
        return False
    name, _, rest = header.partition(":")
    rest = rest.strip().lower()
    if name.strip().lower() != "authorization" or not rest.startswith(_SCHEMES):
        return False
    if rest.split(None, 1)[1:] != [_written_form(construct).lower()]:
        return False  # the header is the scheme and the token, nothing else
    return _only_service_urls(command, index, hosts)


def _header(command: SimpleCommand, index: int, construct: str) -> str | None:
    """The header word ``index`` gives the client (``-H``/``--header`` of curl, ``--header``
    of wget: ``wget -H`` spans hosts), when the construct is its one expansion."""
    words = command.words
    word = words[index]
    if word.constructs != [construct] or len(word.fields) > 1:
        return None
    header = word.written.strip("\"'")
    before = words[index - 1].written
    if command.program == "wget":
        if header.lower().startswith("--header="):
            return header.partition("=")[2].strip("\"'")
        return header if before == "--header" else None
    if command.program == "curl" and before not in _HEADER_OPTIONS:
        return None
    return header


def _written_form(construct: str) -> str:
    return construct.removeprefix("parameter expansion ")


def _only_service_urls(command: SimpleCommand, index: int, hosts: frozenset[str]) -> bool:
    urls = [
        w.value for i, w in enumerate(command.words) if i != index and w.value and "://" in w.value
    ]
    if not urls:
        return False
    for url in urls:
        parsed = url_host(url)
        if not url.lower().startswith("https://") or parsed is None or parsed[1] not in hosts:
            return False
    return not any(w.constructs for i, w in enumerate(command.words) if i not in (0, index))
