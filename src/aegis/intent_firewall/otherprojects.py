"""Commands that act on the project in their working directory, run in another project.

``git push``, ``dvc push``, ``dvc gc``, ``make deploy``, ``npm publish`` and ``terraform
apply`` act on whatever repository, data, Makefile, package or state their working
directory holds. Inside the workspace that is the agent's project; after ``cd
../other-project`` (or with ``git -C``, ``make -C``, ``--prefix``, ``-chdir=``) it is a
project the agent was not given, and its remotes, caches, targets and releases are someone
else's. Such a command is ``other-project`` (*review*) unless its verb only reads
(``git status``, ``dvc diff``, ``npm ls``): the verbs are data (``data/projects.toml``).
Work in a directory below the workspace is the workspace's own. One pass over the words.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import TYPE_CHECKING

from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.paths import resolve_path

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["other_project"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/projects.toml").read_text()
)
_READS: dict[str, frozenset[str]] = {name: frozenset(v) for name, v in _DATA["reads"].items()}
_DIRECTORY_OPTIONS: dict[str, frozenset[str]] = {
    name: frozenset(v) for name, v in _DATA["directory_options"].items()
}
#: Words looked at before the verb (options and their values).
_MAX_WORDS = 16


def _inside(path: str, workspace: str) -> bool:
    return path == workspace or path.startswith(workspace.rstrip("/") + "/")


def _verb_and_directory(name: str, words: list[Arg]) -> tuple[str | None, str | None]:
    """The first word that is not an option (None when it is dynamic or missing), and the
    directory an option names instead of the working directory (``-C dir``, ``-chdir=dir``)."""
    options = _DIRECTORY_OPTIONS.get(name, frozenset())
    directory: str | None = None
    index = 0
    while index < min(len(words), _MAX_WORDS):
        value = words[index][0]
        if value is None:
            return None, directory
        option, _, attached = value.partition("=")
        if option in options:
            if attached or "=" in value:
                directory = attached
            elif index + 1 < len(words):
                directory = words[index + 1][0] or "/"
                index += 1
        elif not value.startswith("-") or value in _READS.get(name, ()):
            return value, directory
        index += 1
    return "", directory


def other_project(judge: CommandJudge, name: str, args: list[Arg], feed: Feed) -> None:
    """``other-project`` for a project tool whose verb acts, run on a directory outside the
    workspace."""
    workspace = judge.scope.workspace
    if workspace is None or workspace == "/" or not judge.scope.cwd_known:
        return
    words = args[1:]
    if name == "docker" and words[:1] and words[0][0] == "compose":
        name, words = "docker-compose", words[1:]
    reads = _READS.get(name)
    if reads is None:
        return
    verb, directory = _verb_and_directory(name, words)
    where = resolve_path(directory, feed.cwd, judge.scope.home) if directory else feed.cwd
    if _inside(where, workspace) or (verb and verb in reads):
        return
    shown = " ".join(arg[1] for arg in args)[:80]
    judge.hit("other-project", f"{shown} acts on the project in {where}")
