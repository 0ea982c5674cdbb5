"""Editor settings that name a program the editor runs.

``.vscode/settings.json`` with ``"python.defaultInterpreterPath": "/tmp/.py/python"`` or
``"git.path": "/dev/shm/g/git"`` makes the editor start that file whenever the project is
opened: the workspace's settings become a launcher for a binary planted elsewhere. A
setting whose key names an executable (the last part of the key ends in ``path``,
``executable``, ``command``, ``runtime``, ``interpreter``, ``binary``, ``shell``,
``program``; every ``terminal.integrated.*`` key; a launch configuration's ``program``)
given a path outside the workspace that is not a system program directory (``/usr``,
``/bin``, ``/opt``, ``/nix``, …: the agent cannot plant a file there without another
finding) is ``editor-executable`` (*review*): scratch directories, the home and other
users' trees are where such a binary would be planted. Paths in the workspace
(``${workspaceFolder}/.venv/bin/python``, ``.venv/bin/python``) and bare names looked up
on ``PATH`` pass. Read from a file tool's content or fragment (JSON with comments read as
text: every ``"key": "value"`` pair and the strings of a list value) and from edits given
as ``{key, value}`` fields.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from typing import Any

import re2

from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["settings_findings"]

_SUFFIXES = (
    "path", "executable", "command", "runtime", "interpreter", "binary", "shell", "program",
    "exe", "cmd", "runtimeexecutable",
)  # fmt: skip
_SYSTEM = ("/usr/", "/bin/", "/sbin/", "/opt/", "/nix/", "/snap/", "/lib/", "/applications/")
_PAIR = re2.compile(r'"([^"\n]+)"\s*:\s*("(?:[^"\\\n]|\\.)*"|\[[^\]]*\])')
_STRING = re2.compile(r'"((?:[^"\\\n]|\\.)*)"')
_WORKSPACE_VARIABLES = ("${workspacefolder}", "${workspaceroot}", "${cwd}", "${filedirname}")
_MAX_TEXT = 65536


def settings_findings(
    path: str, texts: list[str], frozen: Mapping[Any, Any], where: tuple[str, str]
) -> list[Hit]:
    """Findings on editor settings written at ``path`` (lower case, ``/`` separators)."""
    name = path.rsplit("/", 1)[-1]
    editor_dir = "/.vscode/" in "/" + path or "/.cursor/" in "/" + path
    if not (name.endswith(".code-workspace") or (editor_dir and name in _FILES)):
        return []
    cwd = where[0]
    for key, value in _pairs(texts, frozen):
        if _names_executable(key) and _planted(value, cwd):
            return [default_hit("editor-executable", f"{key[:80]}: {value[:100]!r} in {path}")]
    return []


_FILES = frozenset({"settings.json", "launch.json", "tasks.json"})


def _pairs(texts: list[str], frozen: Mapping[Any, Any]) -> Iterator[tuple[str, str]]:
    for text in texts:
        for match in _PAIR.finditer(text[:_MAX_TEXT]):
            key, value = match.group(1), match.group(2)
            if value.startswith("["):
                for item in _STRING.finditer(value):
                    yield key, item.group(1)
                # launch.json's "configurations": [{"runtimeExecutable": …}]: pairs inside
                for inner in _PAIR.finditer(value[1:]):
                    if not inner.group(2).startswith("["):
                        yield inner.group(1), inner.group(2)[1:-1]
            else:
                yield key, value[1:-1]
    for edit in _edits(frozen):
        key, value = edit.get("key") or edit.get("setting"), edit.get("value")
        if isinstance(key, str) and isinstance(value, str):
            yield key, value


def _edits(frozen: Mapping[Any, Any]) -> Iterator[Mapping[Any, Any]]:
    for value in frozen.values():
        for edit in value if isinstance(value, list | tuple) else [value]:
            if isinstance(edit, Mapping):
                yield edit


def _names_executable(key: str) -> bool:
    key = key.casefold()
    last = key.rsplit(".", 1)[-1]
    return key.startswith("terminal.integrated.") or last.endswith(_SUFFIXES) or key in _LOADER_KEYS


#: Environment variables (in a terminal's or a launch configuration's ``env``) that name a
#: library or script every program started there loads first.
_LOADER_KEYS = frozenset(
    {"ld_preload", "ld_audit", "dyld_insert_libraries", "bash_env", "pythonstartup"}
)


def _planted(value: str, cwd: str) -> bool:
    """A program path outside the workspace that is not in a system program directory."""
    value = value.strip().replace("\\", "/")
    lowered = value.casefold()
    if not value or lowered.startswith(_WORKSPACE_VARIABLES):
        return "/../" in lowered  # ${workspaceFolder}/../../x climbs out
    if lowered.startswith(("${userhome}", "${env:home}", "~", "$home")):
        return True
    if not value.startswith("/"):  # a name found on PATH, or a path in the workspace
        return "/" in value and posixpath.normpath(value).startswith("..")
    resolved = posixpath.normpath(value)
    root = cwd.rstrip("/")
    inside = bool(root) and (resolved == root or resolved.startswith(root + "/"))
    return not inside and not (resolved + "/").casefold().startswith(_SYSTEM)
