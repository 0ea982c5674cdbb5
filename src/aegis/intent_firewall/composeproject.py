"""``docker compose down -v``: the verbs that stop or remove a compose project's services.

``down`` (with ``-v``, the project's named volumes), ``rm``, ``kill``, ``stop``, ``restart``
and ``pause`` act on the containers and volumes of one compose project: the one defined by
the compose file found from the working directory, or named by ``-f``/``--file`` and
``--project-directory``. When that file lies in the workspace (or the temporary directory),
the project is the workspace's own, built from it and rebuilt by ``up``, and the command is
what an agent runs between test runs. Anything else stays a destructive finding: a file or
directory outside the workspace, a project named with ``-p``/``--project-name`` (any
project on the machine), a compose file read from standard input, a value only known at run
time, or a policy that names no workspace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.paths import resolve_path

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["PROJECT_VERBS", "compose_words", "judge_project", "project_verb"]

#: Verbs that stop, kill or remove the project's containers (and, for down -v, volumes).
PROJECT_VERBS = frozenset({"down", "rm", "kill", "stop", "restart", "pause"})
#: Global options of compose that take a value (written apart or with ``=``).
_VALUES = frozenset(
    {"-f", "--file", "-p", "--project-name", "--project-directory", "--env-file", "--profile",
     "--ansi", "--parallel", "--progress"}
)  # fmt: skip
#: Global flags of compose that change nothing about which project is meant.
_FLAGS = frozenset({"--compatibility", "--dry-run", "--all-resources", "--verbose", "--no-ansi"})
_WHERE = frozenset({"-f", "--file", "--project-directory"})
_NAMED = frozenset({"-p", "--project-name"})
_SCRATCH = ("/tmp/", "/var/tmp/")  # noqa: S108


def compose_words(args: list[Arg]) -> tuple[list[tuple[str, Arg]], Arg | None, list[Arg]]:
    """The global options (option, value) before the verb, the verb and its arguments."""
    options: list[tuple[str, Arg]] = []
    index = 0
    while index < len(args):
        word = args[index][0]
        if word is None or not word.startswith("-") or word == "-":
            return options, args[index], args[index + 1 :]
        option, equals, attached = word.partition("=")
        if word[:2] in ("-f", "-p") and len(word) > 2 and not equals:
            option, equals, attached = word[:2], "=", word[2:]  # -fcompose.yml
        if option not in _VALUES and option not in _FLAGS:
            options.append(("?", args[index]))  # an option not modelled: not the own project
        elif option in _VALUES:
            if equals:
                options.append((option, (attached, args[index][1], args[index][2])))
            elif index + 1 < len(args):
                options.append((option, args[index + 1]))
                index += 1
            else:
                options.append((option, (None, args[index][1], False)))
        index += 1
    return options, None, []


def project_verb(options: list[tuple[str, Arg]], verb: Arg | None, rest: list[Arg]) -> str | None:
    """The stopping or removing verb of the command, if any. After an option that is not
    modelled, the verb may be any later word (the option may have taken the one read as
    the verb): any of them that is such a verb counts (fail closed)."""
    words = [verb[0] if verb is not None else None, *(a[0] for a in rest)]
    if not any(option == "?" for option, _ in options):
        words = words[:1]
    return next((w for w in words if w in PROJECT_VERBS), None)


def _inside(path: str, root: str) -> bool:
    root = root.rstrip("/")
    return path == root or path.startswith(root + "/")


def _own(judge: CommandJudge, options: list[tuple[str, Arg]], feed: Feed) -> bool:
    """Whether the project acted on is the one defined in the workspace."""
    workspace = judge.scope.workspace
    if workspace is None or not judge.scope.cwd_known:
        return False
    workspace = resolve_path(workspace, "/", judge.scope.home)
    places = [feed.cwd]
    for option, (value, _written, glob) in options:
        if option in _NAMED or option == "?":
            return False  # -p names any project on the machine
        if option in _WHERE:
            if value is None or glob or value in ("", "-"):
                return False  # known at run time only, or read from standard input
            places.append(resolve_path(value, feed.cwd, judge.scope.home))
    return all(
        _inside(resolve_path(place, "/", judge.scope.home), workspace) or place.startswith(_SCRATCH)
        for place in places
    )


def judge_project(
    judge: CommandJudge, options: list[tuple[str, Arg]], verb: str, rest: list[Arg], feed: Feed
) -> None:
    """A stopping or removing verb outside the workspace's own project is destructive."""
    if verb not in PROJECT_VERBS or _own(judge, options, feed):
        return
    words = " ".join(a[1] for a in rest)
    judge.hit("destructive-command", f"compose {verb} {words}"[:120].rstrip())
