"""Process ids of the agent's own processes as the operand of ``kill``.

``kill $(cat .run/uvicorn.pid)``, ``kill -9 $(lsof -t -i :3000)`` and ``kill $(pgrep -f
celery)`` hold values known only when the shell runs, but their shape is fixed: process ids
that a server in the workspace wrote, that listen on a port, that match a name. As the
operand of a plain ``kill`` run without privileges they signal only the agent's own user's
processes, so the catalogue (``data/value_shapes.toml``, shape ``pids``) accepts them there
and nowhere else: no wrapper (``sudo kill``), no other operand (``-1`` is every process),
a pid file only inside the workspace and only while no line of the request may write it.
"""

from __future__ import annotations

import posixpath
import tomllib
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope

__all__ = ["PID_ROOT", "kill_operand", "pid_root", "trusted_pid_source"]

_KILL = tomllib.loads(
    resources.files("aegis.intent_firewall")
    .joinpath("data/value_shapes.toml")
    .read_text(encoding="utf-8")
)["kill"]
_SIGNALS = frozenset(_KILL["signals"])
_TAKES_NAME = frozenset(_KILL["takes_name"])
_NAMES = frozenset(_KILL["names"])
#: The key, among a line's variables, holding the workspace a pid file must lie in.
PID_ROOT = "\x00pidroot"
#: Programs that write, move or link files: on any line, a pid file may be anyone's.
_WRITERS = frozenset({"cp", "mv", "ln", "tee", "install", "dd", "rsync", "tar", "unzip",
                      "sed", "perl", "truncate", "touch", "git", "curl",
                      "wget", "python", "python3", "node", "patch", "mkfifo"})  # fmt: skip
_NULL_SINKS = ("2>/dev/null", "&>/dev/null", ">/dev/null", "2>&1")


def pid_root(scope: Scope) -> str | None:
    """The workspace when a ``*.pid`` file read on these lines is the one found there: no
    line redirects output (but to /dev/null), runs a program that writes or links files, or
    names a pid file other than to read (``cat``) or remove (``rm``) it."""
    workspace = (scope.workspace or "").rstrip("/")
    if not workspace or not scope.cwd_known:
        return None
    for line in scope.lines:
        plain = line
        for sink in _NULL_SINKS:
            plain = plain.replace(sink, " ")
        if ">" in plain:
            return None
        words = plain.replace(")", " ").replace("(", " ").replace(";", " ").split()
        for index, word in enumerate(words):
            if word in _WRITERS:
                return None
            if ".pid" in word and not _read_or_removed(words, index):
                return None
    return workspace


def _read_or_removed(words: list[str], index: int) -> bool:
    before = words[index - 1] if index else ""
    if before in ("cat", "$(cat", "rm"):
        return True
    return before == "-f" and index > 1 and words[index - 2] == "rm"


def trusted_pid_source(text: str, variables: dict[str, str]) -> bool:
    """Whether the producer ``$(…)`` may stand for pids: ``cat FILE`` only for a file inside
    the workspace on lines that cannot write it (:func:`pid_root`); other producers always."""
    body = text[2:-1].split() if text.startswith("$(") else text[1:-1].split()
    if not body or body[0] != "cat":
        return True
    root = variables.get(PID_ROOT)
    if not root or len(body) != 2:
        return False
    name = body[1].strip("'\"")
    resolved = posixpath.normpath(posixpath.join(variables.get("PWD", ""), name))
    return resolved.startswith(root + "/")


def kill_operand(node: Any, source: bytes) -> bool:
    """Whether the word ``node`` is an operand of a plain ``kill`` whose other words are
    signal options or whole substitutions (each judged on its own)."""
    command = node.parent
    if command is None or command.type != "command":
        return False
    children = command.named_children
    if not children or children[0].type != "command_name":
        return False
    name = source[children[0].start_byte : children[0].end_byte]
    if name != b"kill" or len(children) > 9:
        return False
    expect_name = False
    for child in children[1:]:
        text = source[child.start_byte : child.end_byte].decode("utf-8", "replace")
        if expect_name:
            if text not in _NAMES:
                return False
            expect_name = False
        elif text in _TAKES_NAME:
            expect_name = True
        elif text not in _SIGNALS and not _whole_substitution(child):
            return False
    return not expect_name


def _whole_substitution(node: Any) -> bool:
    if node.type == "command_substitution":
        return True
    inner = node.named_children
    return node.type == "string" and len(inner) == 1 and inner[0].type == "command_substitution"
