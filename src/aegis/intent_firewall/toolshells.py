"""Build tools whose operands are commands of their own shell (``sbt 'eval …' test``).

Each operand of such a tool is a command line the tool runs: ``;`` separates commands,
``~`` re-runs one on every change and ``+``/``++VERSION`` runs it per Scala version. The first
word of every command is looked up in the tool's catalogue entry, so that ``eval`` (Scala
evaluated), ``set`` (a setting whose value is Scala) or ``console`` are findings wherever
they stand, while a project's own tasks (``test``, ``testOnly x.Spec``) are the build it is.
With no command operand the tool reads its commands from standard input: anything piped or
redirected in is code fed to an interpreter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["command_names", "judge_tool_commands"]

_MAX_COMMANDS = 32


def command_names(line: str) -> list[str]:
    """The command names of one operand: the first word of each ``;``-separated command,
    without the ``~``, ``+`` and ``++VERSION`` prefixes that only repeat it."""
    names: list[str] = []
    for segment in line.split(";")[:_MAX_COMMANDS]:
        words = segment.split()
        while words:
            first = words[0].lstrip("~")
            if first.startswith("+"):
                first = first.lstrip("+")
                if not first or first[0].isdigit():  # ++2.13.12 test: a version, then the task
                    words = words[1:]
                    continue
            if first:
                names.append(first)
            break
    return names


def judge_tool_commands(
    judge: CommandJudge, spec: Program, operands: list[Arg], feed: Feed, first: str | None
) -> None:
    """Every command of every operand; ``first`` is the operand the subcommand lookup
    judges on its own (not reported twice)."""
    if not operands and (feed.stdin_programs or feed.stdin_text is not None):
        source = feed.stdin_programs[-1] if feed.stdin_programs else "a here-document"
        judge.hit("pipe-into-interpreter", f"{spec.name} reads its commands from {source}")
    elif not operands and feed.stdin_redirected:
        judge.hit("pipe-into-interpreter", f"{spec.name} reads its commands from a file")
    for value, written, _glob in operands[:_MAX_COMMANDS]:
        if value is None:
            judge.hit("shell-expansion", f"{spec.name} runs {written[:100]}")
            continue
        for name in command_names(value):
            if value == first and name == first:
                continue
            sub = spec.subcommands.get(name)
            if sub is not None and sub.finding:
                judge.hit(sub.finding, f"{spec.name} command {value[:100]!r}")
