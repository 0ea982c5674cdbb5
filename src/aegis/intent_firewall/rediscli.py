"""The command a ``redis-cli`` (or ``valkey-cli``) line sends, found past its options.

``redis-cli -n 0 -r 5 CONFIG SET dir /home/agent/.ssh``: options come before the command and
some take a value (``-r``, ``-i``, ``-n``, ``--rdb FILE``), so the command is the first word
left once they are read with their values. Redis has hundreds of commands and many change the
server rather than a key (``FCALL``, ``FUNCTION``, ``SWAPDB``, ``CLIENT KILL``, ``MONITOR``,
``SENTINEL``, ``RESTORE``, ``REPLICAOF``, ``CONFIG``), so the commands are an allow-list of
reads and ordinary writes of keys (data in ``operations.toml``, ``[redis_cli]``); every other
command, an option that runs a script or streams or dumps the dataset (``--eval``, ``--pipe``,
``--replica``, ``--rdb``, ``--cluster``), and an option this reader does not know is review.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources

__all__ = ["redis_command_findings", "redis_line_findings"]


@cache
def _catalogue() -> dict[str, frozenset[str]]:
    data = tomllib.loads(
        resources.files("aegis.intent_firewall.data").joinpath("operations.toml").read_text()
    )["redis_cli"]
    return {key: frozenset(str(word).casefold() for word in words) for key, words in data.items()}


def _command(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """The command words after the options, and the options that make the line review."""
    data = _catalogue()
    index = 0
    flagged: list[str] = []
    while index < len(words):
        word = words[index]
        folded = word.casefold()
        if not word.startswith("-") or word == "-":
            break
        name = folded.split("=", 1)[0]
        if name in data["review_options"]:
            flagged.append(word)
            index += 1 if "=" in word or name not in data["value_options"] else 2
        elif name in data["value_options"]:
            index += 1 if "=" in word else 2
        elif name in data["flag_options"]:
            index += 1
        else:
            flagged.append(word)  # an option not read here may take the command as its value
            index += 1
    return list(words[index:]), flagged


def redis_command_findings(words: Sequence[str]) -> list[tuple[str, str]]:
    """(rule, detail) for the argument words of ``redis-cli`` (without the program)."""
    command, flagged = _command(words)
    findings = [("destructive-command", f"redis-cli {option}") for option in flagged[:3]]
    if command:
        findings.extend(redis_line_findings(command))
    return findings


def redis_line_findings(command: Sequence[str]) -> list[tuple[str, str]]:
    """(rule, detail) for one Redis command given as its words: none for a listed one."""
    if not command:
        return []
    data = _catalogue()
    name = command[0].casefold()
    pair = f"{name} {command[1].casefold()}" if len(command) > 1 else name
    if name in data["commands"] or pair in data["commands"]:
        return []
    shown = " ".join(command)[:100]
    return [("destructive-command", f"redis command not known to be a read or key write {shown!r}")]
