"""Assemblies run by their host: ``dotnet /tmp/x.dll``, ``mono ~/Downloads/tool.exe``.

``dotnet build`` and ``dotnet test`` are the workspace's build; ``dotnet PATH.dll`` runs the
compiled program at PATH, as ``python PATH.py`` runs a script. An assembly from the
workspace (its own build output) or from the machine's tool stores is the machine's; one
from a scratch directory, Downloads or a cache is a program nobody built here: review
(``user-script``). The hosts and suffixes are data (``[assemblies]`` of build_tools.toml).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.buildinvocations import build_data, trusted_entry
from aegis.intent_firewall.workspacescripts import workspace_file

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["host_assembly"]


def host_assembly(judge: CommandJudge, name: str, args: list[Arg], feed: Feed) -> None:
    """``name`` is the program's base name; ``args`` its whole command line."""
    data = build_data()["assemblies"]
    if name not in data["hosts"]:
        return
    operand = next((a for a in args[1:] if not (a[0] or a[1]).startswith("-")), None)
    if operand is None or operand[0] is None:
        return
    value = operand[0]
    if "/" not in value and not value.lower().endswith(tuple(data["suffixes"])):
        return  # dotnet build, dotnet test: a command of the SDK, not a file
    if workspace_file(judge.scope, operand, feed.cwd) or trusted_entry(judge, value):
        return
    judge.hit(
        "user-script", f"{name} runs {operand[1][:80]}: an assembly from outside the workspace"
    )
