"""Every default rule applied to one canonical string, as the string's use calls for.

:func:`analyze` is a pure function of its arguments and is cached, since agents repeat
the same requests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache, partial
from typing import NamedTuple
from urllib.parse import urlsplit

from aegis.intent_firewall.canonical import looks_like_path
from aegis.intent_firewall.commands import KNOWN_PROGRAMS, check_command
from aegis.intent_firewall.paths import check_path
from aegis.intent_firewall.rules import DEFAULT_RULES, Hit, default_hit
from aegis.intent_firewall.shell import ShellParseError, parse_command_line

__all__ = ["DEFAULT_RULES", "Context", "Hit", "analyze", "check_url", "default_hit"]

_FORK_BOMB = re.compile(r"(\S+)\s*\(\s*\)\s*\{[^}]*\1\s*\|\s*\1\s*&")
_NETWORK_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "ws", "wss", "sftp", "scp"})


class Context(NamedTuple):
    """How a string is used: as a command line, a network destination, a file to write."""

    command: bool
    network: bool
    write: bool
    allowed_hosts: frozenset[str]


def check_url(allowed_hosts: frozenset[str], text: str) -> Iterator[Hit]:
    """Review a network URL whose host is not allowed (subdomains of allowed hosts are)."""
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return
    if parts.scheme not in _NETWORK_SCHEMES or not host:
        return
    if not any(host == allowed or host.endswith("." + allowed) for allowed in allowed_hosts):
        yield default_hit("unknown-network-destination", text)


@lru_cache(maxsize=16384)
def analyze(canonical: str, context: Context) -> tuple[Hit, ...]:
    """Every default rule that fires on one canonical string used as ``context`` says."""
    hits: list[Hit] = []
    urls = partial(check_url, context.allowed_hosts)
    if _FORK_BOMB.search(canonical):
        hits.append(default_hit("fork-bomb", canonical))
    try:
        commands = parse_command_line(canonical)
    except ShellParseError:
        commands = []
        if context.command:
            hits.append(default_hit("unparseable-command", canonical))
    for command in commands:
        # Outside a command context, prose ("how does /etc/passwd work") is not a command:
        # only lines that start with a program the rules know are read as one.
        if context.command or command.program in KNOWN_PROGRAMS or command.wrappers:
            hits.extend(check_command(command, urls))
    if looks_like_path(canonical) and " " not in canonical:
        hits.extend(check_path(canonical, write=context.write))
    if context.network:
        hits.extend(urls(canonical))
    return tuple(dict.fromkeys(hits))
