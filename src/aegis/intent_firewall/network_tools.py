"""Network tools that can carry a shell: netcat's ``-e``, socat's ``EXEC:`` addresses, a
shell piped into or out of a connection (reverse shells), and their destinations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall import interpreters
from aegis.intent_firewall.access import judge_host
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg, parse_options

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["netcat", "socat"]

_SOCAT_NETWORK = (
    "tcp",
    "tcp4",
    "tcp6",
    "udp",
    "udp4",
    "udp6",
    "openssl",
    "ssl",
    "sctp",
    "socks",
    "socks4",
    "socks4a",
    "socks5",
    "proxy",
    "dccp",
)
_SOCAT_EXEC = ("exec", "system")


def netcat(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    parsed = parse_options(spec, args[1:])
    judge.options(parsed, feed)
    for value, written, _ in parsed.operands[:1]:
        if value is not None and not value.isdigit():
            judge_host(judge.scope, value.strip("[]"), written)
    shells = set(feed.stdin_programs) & (interpreters.SHELLS | interpreters.INTERPRETERS)
    if shells:
        judge.hit("reverse-shell", f"{sorted(shells)[0]} | {spec.name}")


def socat(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    for value, written, _ in args[1:]:
        if value is None or value.startswith("-"):
            continue
        kind, _, rest = value.partition(":")
        kind = kind.lower()
        if kind in _SOCAT_EXEC:
            judge.hit("reverse-shell", f"socat {value[:80]}")
        elif kind.endswith("-listen") or kind.endswith("-l"):
            judge.hit("network-listener", f"socat {value[:80]}")
        elif kind in _SOCAT_NETWORK:
            judge_host(judge.scope, rest.split(":", 1)[0].split(",", 1)[0], written)


_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def file_server(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``python -m http.server``: the tree it serves is read by whoever connects, and any
    address but loopback (the default is every interface) lets others connect."""
    parsed = parse_options(spec, args[1:])
    served: Arg = (feed.cwd, feed.cwd, False)
    bind: str | None = None
    for _role, arg, option in parsed.options:
        if option in ("-d", "--directory"):
            served = arg
        elif option in ("-b", "--bind"):
            bind = arg[0]
        elif option == "--cgi":
            judge.hit("interpreter-code", f"{spec.name} --cgi runs the scripts it serves")
    if bind is None or bind.lower() not in _LOOPBACK:
        judge.hit("network-listener", f"{spec.name} serves on {bind or 'every interface'}")
    judge.path(served, "read-tree", feed.cwd)
