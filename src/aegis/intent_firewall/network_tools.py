"""Network tools that can carry a shell: netcat's ``-e``, socat's ``EXEC:`` addresses, a
shell piped into or out of a connection (reverse shells), and their destinations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall import interpreters
from aegis.intent_firewall.access import judge_host
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg, Parsed, parse_options

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["file_server", "local_forward", "netcat", "socat"]

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
    listening = "listen" in parsed.modes
    for value, written, _ in parsed.operands[:1]:
        # a listener's lone number is its port; a client's is an address (nc 3232235777 443
        # is 192.168.1.1), judged as such
        if value is not None and not (listening and value.isdigit()):
            judge_host(judge.scope, value.strip("[]"), written)
    if listening and not _netcat_loopback(parsed):
        judge.hit("network-listener", f"{spec.name} listens: {' '.join(a[1] for a in args)[:80]}")
    shells = set(feed.stdin_programs) & (interpreters.SHELLS | interpreters.INTERPRETERS)
    if shells:
        judge.hit("reverse-shell", f"{sorted(shells)[0]} | {spec.name}")


def _netcat_loopback(parsed: Parsed) -> bool:
    """``nc -l 127.0.0.1 9000`` or ``nc -l -s ::1 -p 9000``: bound to loopback only. With
    ``-p`` the operand is, for some netcats, the peer allowed in, not the bind address."""
    source = [arg[0] for role, arg, option in parsed.options if option == "-s"]
    if source:
        return all(value is not None and _loopback(value) for value in source)
    ported = any(option == "-p" for _role, _arg, option in parsed.options)
    first = parsed.operands[0][0] if parsed.operands else None
    return not ported and first is not None and _loopback(first)


def _loopback(host: str) -> bool:
    return host.strip("[]").lower() in _LOOPBACK


def socat(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """socat joins two addresses. A listener bound to loopback (``bind=127.0.0.1``) whose
    other address is a connection judged by host (``TCP:127.0.0.1:8080``) is a local relay;
    a listener on every interface, or serving a file, a pipe or a program, is a finding."""
    listeners: list[str] = []  # listeners reachable from other machines
    loopback_listeners = 0
    local_relay = True  # every other address is a connection judged by its host
    for value, written, _ in args[1:]:
        if value is None or value.startswith("-"):
            continue
        kind, _, rest = value.partition(":")
        kind = kind.lower()
        if kind in _SOCAT_EXEC:
            judge.hit("reverse-shell", f"socat {value[:80]}")
            local_relay = False
        elif kind.endswith(("-listen", "-l")):
            bound = [o[5:] for o in rest.split(",")[1:] if o.lower().startswith("bind=")]
            if kind.startswith(("tcp", "udp")) and bound and all(map(_loopback, bound)):
                loopback_listeners += 1
            else:
                listeners.append(value)
        elif kind in _SOCAT_NETWORK:
            judge_host(judge.scope, rest.split(":", 1)[0].split(",", 1)[0], written)
        else:
            local_relay = False
    for value in listeners:
        judge.hit("network-listener", f"socat {value[:80]}")
    if loopback_listeners and not local_relay:
        shown = " ".join(a[1] for a in args[1:])[:80]
        judge.hit("network-listener", f"socat serves more than a local relay: {shown}")


def local_forward(judge: CommandJudge, program: str, forward: str, *, gateway: bool) -> None:
    """``ssh -L [BIND:]PORT:HOST:HOSTPORT``: a port on BIND (loopback when omitted) relayed
    to HOST as the server sees it. Loopback binds to allowed hosts are local tunnels; any
    other bind, a socket path or an unreadable spec is a listener finding."""
    parts = _colon_parts(forward)
    if len(parts) == 3:
        parts = ["*" if gateway else "127.0.0.1", *parts]
    if len(parts) != 4 or not parts[1].isdigit() or not parts[3].isdigit():
        judge.hit("network-listener", f"{program} -L {forward[:80]}")
        return
    if not _loopback(parts[0]):
        judge.hit("network-listener", f"{program} -L {forward[:80]} listens on {parts[0]}")
    judge_host(judge.scope, parts[2].strip("[]"), forward)


def _colon_parts(text: str) -> list[str]:
    """Split on ``:`` outside ``[…]`` (IPv6 addresses in brackets)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text[:256]:
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        if char == ":" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


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
