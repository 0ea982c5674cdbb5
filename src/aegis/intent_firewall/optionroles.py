"""Option values and operands with roles beyond a plain path: modes, sizes, SQL, ssh
options, package specifications, and the sources and target of a copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_host, judge_url
from aegis.intent_firewall.options import Arg, Parsed

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["copy_operands", "package", "valued"]


def valued(judge: CommandJudge, role: str, arg: Arg, option: str, *, cwd: str, feed: Feed) -> None:
    """Option values with roles beyond paths and URLs (see the catalogue's header)."""
    value = arg[0] or ""
    if role == "value" and value.startswith(("/", "~", "../")):
        judge.path(arg, "read", cwd)  # an unknown option's path value: assume it is read
    elif role == "mode":
        from aegis.intent_firewall.modes import check_mode

        check_mode(judge, value)
    elif role == "size":
        from aegis.intent_firewall.modes import check_size

        check_size(judge, option, value)
    elif role == "sql":
        from aegis.intent_firewall.clients import sql_text

        sql_text(judge, value)
    elif role == "ssh-option":
        from aegis.intent_firewall.clients import ssh_option

        ssh_option(judge, value, feed)
    elif role == "dir-write":
        judge.path(arg, "write", cwd)
    elif role == "key-file":
        judge.path(arg, "read", cwd)


def package(judge: CommandJudge, arg: Arg, cwd: str) -> None:
    value = arg[0] or ""
    if "://" in value or value.startswith("git+") or " @ " in value or "@" in value:
        url = value.split("@", 1)[1].strip() if " @ " in value else value
        judge_url(judge.scope, url.removeprefix("git+"), arg[1], cwd)


def copy_operands(judge: CommandJudge, operands: list[Arg], parsed: Parsed, cwd: str) -> None:
    last = len(operands) - 1
    for index, arg in enumerate(operands):
        value = arg[0]
        if value is not None and ":" in value and not value.startswith(("/", ".", "~")):
            host = value.split(":", 1)[0].rpartition("@")[2]
            if host and "/" not in host:
                judge_host(judge.scope, host, arg[1])
                continue
        if index < last or last == 0:
            recursive = any(
                f in parsed.flags for f in ("-r", "-R", "-a", "--recursive", "--archive")
            )
            source = "read-tree" if recursive else "read"
            judge.path(arg, "delete" if "move" in parsed.modes else source, cwd)
        else:
            judge.path(arg, "write", cwd)
            if "sync-delete" in parsed.modes:
                judge.path(arg, "delete", cwd)
