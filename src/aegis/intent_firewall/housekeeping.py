"""Development housekeeping that only throws away what a build or a test makes again.

- ``docker image prune`` without ``-a`` removes dangling images only (layers no tag and no
  container refers to); with ``-a`` it is limited to the project's own images by a
  ``--filter label=KEY=VALUE``; ``docker builder prune`` empties the build cache. Container,
  volume, network and system prunes (a stopped container's files, a volume's database)
  keep ``destructive-command``.
- ``redis-cli FLUSHDB`` on a loopback server (no ``-h``, or ``127.0.0.1``, ``localhost``,
  ``::1``) with a database chosen by a non-zero index (``-n 15``) empties that one numbered
  database, the test suite's scratch space by the usual convention. ``FLUSHALL`` (every
  database), the default database 0 (where an application keeps its data), a URL (``-u``)
  or another host keep the finding.
- ``ansible-playbook --check`` (or ``-C``) is a dry run of a playbook of the workspace
  (judged as the workspace's own script is, see ``workspacescripts``) against this machine
  only (``-i 'localhost,'``, ``-c local``). Real runs, other inventories, privilege
  (``--become``), module paths, vault files and any option not listed here stay
  ``unknown-program``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.workspacescripts import workspace_script

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["ansible_playbook", "docker_prune_kept", "redis_scratch_flush"]

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def docker_prune_kept(group: str, sub: str, words: list[str]) -> bool:
    """``docker image prune`` of dangling or labelled images, ``docker builder prune``."""
    if sub != "prune" or group not in ("image", "builder"):
        return False
    if group == "builder":
        return True
    every = any(
        word in ("-a", "--all") or (word[:1] == "-" and word[1:2] != "-" and "a" in word[1:])
        for word in words
    )
    return not every or _labelled(words)


def _labelled(words: list[str]) -> bool:
    """A ``--filter label=KEY=VALUE`` (or ``label=KEY``) that narrows the prune."""
    for index, word in enumerate(words):
        if word == "--filter":
            value = words[index + 1] if index + 1 < len(words) else ""
        elif word.startswith("--filter="):
            value = word.removeprefix("--filter=")
        else:
            continue
        if value.startswith("label=") and len(value) > len("label="):
            return True
    return False


def redis_scratch_flush(words: list[str]) -> bool:
    """``redis-cli [-h loopback] [-p PORT] -n N FLUSHDB [ASYNC|SYNC]`` with N > 0."""
    host, database, operands = "127.0.0.1", "0", []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in ("-h", "-n", "-p"):
            if word == "-h":
                host = following
            elif word == "-n":
                database = following
            elif not following.isdigit():
                return False
            index += 2
            continue
        if word.startswith("-"):
            return False  # -u URL, --tls, -a PASSWORD …: not modelled here
        operands.append(word.lower())
        index += 1
    flush = operands[:1] == ["flushdb"] and set(operands[1:]) <= {"async", "sync"}
    return (
        flush
        and len(operands) <= 2
        and host in _LOOPBACK
        and database.isdigit()
        and int(database) > 0
    )


_ANSIBLE_VALUES = frozenset(
    {"-i", "--inventory", "-c", "--connection", "-l", "--limit", "-t", "--tags", "--skip-tags",
     "-e", "--extra-vars", "-f", "--forks"}
)  # fmt: skip
_ANSIBLE_FLAGS = frozenset(
    {"--check", "-C", "--diff", "-D", "--list-tasks", "--list-hosts", "--list-tags",
     "--syntax-check", "-v", "-vv", "-vvv", "-vvvv", "--flush-cache"}
)  # fmt: skip


def _ansible_words(args: list[Arg]) -> tuple[dict[str, str], set[str], list[Arg]] | None:
    values: dict[str, str] = {}
    flags: set[str] = set()
    playbooks: list[Arg] = []
    index = 1
    while index < len(args):
        word = args[index][0]
        if word is None:
            return None
        name, equals, attached = word.partition("=") if word.startswith("--") else (word, "", "")
        if name in _ANSIBLE_VALUES:
            if not equals:
                index += 1
                attached = args[index][0] or "" if index < len(args) else ""
            values[name.lstrip("-")[:1] if len(name) == 2 else name] = attached
        elif word in _ANSIBLE_FLAGS:
            flags.add(word)
        elif word.startswith("-"):
            return None
        else:
            playbooks.append(args[index])
        index += 1
    return values, flags, playbooks


def _local_only(values: dict[str, str]) -> bool:
    inventory = values.get("i", values.get("--inventory", ""))
    hosts = [h.strip() for h in inventory.split(",")]
    if not inventory.endswith(",") or not all(h in _LOOPBACK for h in hosts if h):
        return False
    connection = values.get("c", values.get("--connection", "local"))
    extra = values.get("e", values.get("--extra-vars", ""))
    return connection == "local" and not extra.startswith("@") and "{" not in extra


def ansible_playbook(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``ansible-playbook -i 'localhost,' -c local PLAYBOOK --check``: see the module text."""
    parsed = _ansible_words(args)
    dry = parsed is not None and parsed[1] & {"--check", "-C", "--syntax-check", "--list-tasks",
                                               "--list-hosts", "--list-tags"}  # fmt: skip
    if parsed is None or not dry or not _local_only(parsed[0]) or len(parsed[2]) != 1:
        judge.hit("unknown-program", f"program {spec.name!r} outside a local dry run")
        return
    playbook = parsed[2][0]
    if not workspace_script(judge.scope, playbook, feed):
        judge.hit("unknown-program", f"{spec.name} runs {playbook[1]!r}, not a workspace playbook")
        return
    judge.path(playbook, "read", feed.cwd)
