"""``package.json`` and ``composer.json`` written with ``scripts``: configuration that runs
commands.

``npm install`` runs ``preinstall``/``install``/``postinstall``/``prepare``; ``npm test`` and
``npm run build`` run the scripts of those names; ``composer install`` runs
``post-install-cmd``. Writing ``"postinstall": "curl … | sh"`` and then running an allowed
install is the same as running the command, in two requests. Each script is judged as the
shell command line it is, as ``hookcontent`` judges a git hook: the write is allowed when
every script is, and keeps a ``run-script`` finding naming the first script that is not,
beside that script's own findings. Fail closed: a manifest whose content is not JSON, a
script that is neither a string nor (composer) a list of strings, a composer PHP callback
(``Vendor\\Class::method``) or more scripts than are judged are findings too. An edit that
gives a fragment (``new_str``) is read as the members it holds; those under npm's and
composer's script names are judged. A ``pyproject.toml``'s task-runner tables (poe, pdm,
taskipy, hatch environments' scripts) are judged the same way; a Python callable given as a
task (``call``, ``script``) is no command line.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterator
from typing import Any

from aegis.intent_firewall.items import Item
from aegis.intent_firewall.manifests import CONTENT_KEYS
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["run_script_findings"]

_MANIFESTS = frozenset({"package.json", "composer.json", "pyproject.toml"})
#: pyproject.toml's task runners: (table path, whether each entry is a table of tables as
#: hatch's environments are).
_TASK_TABLES = (
    (("tool", "poe", "tasks"), False),
    (("tool", "pdm", "scripts"), False),
    (("tool", "taskipy", "tasks"), False),
    (("tool", "hatch", "envs"), True),
)
#: Keys of a task given as a table whose value is a command line.
_TASK_COMMAND_KEYS = ("cmd", "shell")
_PATH_KEYS = frozenset(
    {"path", "file", "filename", "file_path", "filepath", "target", "target_file", "dest",
     "destination", "output", "uri"}
)  # fmt: skip
_FRAGMENT_KEYS = frozenset(
    {"new_str", "new_string", "insert_text", "new_text", "replacement", "new_content"}
)
#: Script names npm and composer run by themselves or that a workspace command runs, read in
#: an edit's fragment ("version" and "dependencies" are also fields of the manifest: a
#: fragment's "version": "1.2.4" is no script).
_SCRIPT_NAMES = frozenset(
    {"preinstall", "install", "postinstall", "prepare", "prepublish", "prepublishonly",
     "prepack", "postpack", "publish", "postpublish", "preversion", "postversion",
     "pretest", "test", "posttest", "prestart", "start", "poststart", "prebuild", "build",
     "postbuild", "dev", "lint", "format", "clean", "watch", "serve", "ci", "typecheck",
     "pre-install-cmd", "post-install-cmd", "pre-update-cmd",
     "post-update-cmd", "post-autoload-dump", "post-root-package-install",
     "post-create-project-cmd", "pre-autoload-dump", "post-package-install"}
)  # fmt: skip
_MAX_SCRIPTS = 64
_MAX_TEXT = 65536

JudgeLine = Callable[[str], list[Hit]]


def run_script_findings(items: list[Item], judge_line: JudgeLine) -> list[Hit]:
    """Findings on the scripts of a ``package.json`` or ``composer.json`` this request
    writes; ``judge_line(command)`` returns what the firewall finds in one command line."""
    manifest = None
    for item in items:  # a loop, not a generator: this runs for every request
        manifest = _manifest(item)
        if manifest is not None:
            break
    if manifest is None:
        return []
    hits: list[Hit] = []
    for item in items:
        if not _is_content(item) or item.argv is not None:
            continue
        scripts = _scripts(manifest, item)
        if scripts is None:
            return [_finding(f"{manifest} content that cannot be read ({item.where})")]
        for count, (name, command) in enumerate(scripts):
            if count >= _MAX_SCRIPTS:
                return [*hits, _finding(f"more than {_MAX_SCRIPTS} scripts in {manifest}")]
            found = judge_line(command) if command is not None else []
            if command is None or found:
                shown = command[:80] if command is not None else "(not a command line)"
                return [*found, _finding(f"{manifest} script {name!r}: {shown!r}")]
    return hits


def _is_content(item: Item) -> bool:
    """A file's text, also when the walk found it to be JSON (key ``<json>``, the
    parameter's own name last in ``where``)."""
    if item.key in CONTENT_KEYS:
        return True
    return item.key == "<json>" and item.where.rsplit(".", 1)[-1] in CONTENT_KEYS


def _finding(evidence: str) -> Hit:
    return default_hit("run-script", evidence)


def _manifest(item: Item) -> str | None:
    if item.key not in _PATH_KEYS:
        return None
    name = item.text.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return name if name in _MANIFESTS else None


def _scripts(manifest: str, item: Item) -> list[tuple[str, str | None]] | None:
    """(name, command line) of each script the text holds (``None`` as the command for one
    that is not a command line); ``None`` when the text cannot be read."""
    text = item.text
    if len(text) > _MAX_TEXT:
        return None
    fragment = item.where.rsplit(".", 1)[-1] in _FRAGMENT_KEYS
    if manifest == "pyproject.toml":
        return _pyproject_tasks(text, fragment=fragment)
    document = _json(text, fragment=fragment)
    if not isinstance(document, dict):
        return [] if fragment and '"' not in text else None
    if fragment and "scripts" not in document:
        opened = document.get("_")  # the object a fragment's leading closer ends
        everything = {**document, **opened} if isinstance(opened, dict) else document
        members = {
            k: v
            for k, v in everything.items()
            if str(k).lower() in _SCRIPT_NAMES and isinstance(v, str | list)
        }
        return list(_commands(manifest, members))
    scripts = document.get("scripts", {})
    if not isinstance(scripts, dict):
        return [("scripts", None)]
    return list(_commands(manifest, scripts))


def _pyproject_tasks(text: str, *, fragment: bool) -> list[tuple[str, str | None]] | None:
    """The tasks poe, pdm, taskipy and hatch run from a ``pyproject.toml``: a string is a
    command line, a table's ``cmd``/``shell`` too; a Python callable (``call``, ``script``)
    or any other shape is no command line. A fragment that is not TOML names no task."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return [] if fragment else None
    found: list[tuple[str, str | None]] = []
    for path, nested in _TASK_TABLES:
        table: Any = document
        for part in path:
            table = table.get(part) if isinstance(table, dict) else None
        if not isinstance(table, dict):
            continue
        groups = [env.get("scripts", {}) for env in table.values() if isinstance(env, dict)]
        for tasks in groups if nested else [table]:
            if isinstance(tasks, dict):
                found.extend(_task_lines(".".join(path), tasks))
    return found


def _task_lines(where: str, tasks: dict[str, Any]) -> Iterator[tuple[str, str | None]]:
    for name, value in list(tasks.items())[: _MAX_SCRIPTS + 1]:
        shown = f"{where}.{name}"
        task = value
        if isinstance(value, dict):
            keys = [key for key in _TASK_COMMAND_KEYS if key in value]
            plain = bool(keys) and set(value) <= {*keys, "help", "env", "cwd"}
            task = value.get(keys[0]) if plain else None
        lines = task if isinstance(task, list) else [task]
        for line in lines:
            yield shown, line if isinstance(line, str) and line.strip() else None


def _json(text: str, *, fragment: bool) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        if not fragment:
            return None
    for candidate in _fragment_forms(text):
        try:  # "test": "jest", "postinstall": "…": members of an object
            return json.loads(candidate)
        except ValueError:
            continue
    return None


_CLOSER = {"{": "}", "[": "]"}
_OPENER = {"}": "{", "]": "["}


def _fragment_forms(text: str) -> Iterator[str]:
    """A fragment as whole JSON: its members in braces, and the same with the brackets it
    leaves open closed and the ones it closes opened (``"scripts": {\n "test": "jest",``
    is the start of an object)."""
    members = _without_dangling_key(text.strip().strip(","))
    yield "{" + members + "}"
    stack: list[str] = []
    opened = ""
    in_string = escaped = False
    for char in members:
        if in_string:
            escaped = not escaped and char == "\\"
            in_string = escaped or char != '"'
        elif char == '"':
            in_string = True
        elif char in _CLOSER:
            stack.append(char)
        elif char in _OPENER:
            if stack:
                stack.pop()
            else:
                opened = _OPENER[char] + opened
    if in_string or not (stack or opened):
        return
    closed = members.rstrip().rstrip(",") + "".join(_CLOSER[c] for c in reversed(stack))
    yield "{" + opened + closed + "}" if not opened else "{" + _wrap(opened, closed) + "}"


def _without_dangling_key(members: str) -> str:
    """A fragment that ends where the edit stopped, at the next key (``},\n  "license"``):
    that key's value is outside the fragment, so the key is left out."""
    head, comma, tail = members.rpartition(",")
    key = tail.strip().rstrip(":").rstrip()
    if comma and len(key) >= 2 and key[0] == key[-1] == '"' and '"' not in key[1:-1]:
        return head.rstrip()
    return members


def _wrap(opened: str, closed: str) -> str:
    """``closed`` after the openers it closes, each ``{`` of them given a key to sit under."""
    prefix = "".join('"_": {' if c == "{" else '"_": [' for c in opened)
    return prefix + closed


def _commands(manifest: str, scripts: dict[Any, Any]) -> Iterator[tuple[str, str | None]]:
    for name, value in list(scripts.items())[: _MAX_SCRIPTS + 1]:
        lines = value if isinstance(value, list) and manifest == "composer.json" else [value]
        for line in lines:
            yield str(name), _command(manifest, line)


def _command(manifest: str, line: object) -> str | None:  # noqa: PLR0911 (one per form)
    """The shell line a script runs; ``None`` for what is not one."""
    if not isinstance(line, str) or not line.strip() or "\x00" in line:
        return None
    if manifest != "composer.json":
        return line
    stripped = line.strip()
    if stripped.startswith("@php "):
        return "php " + stripped[5:]
    if stripped.startswith("@composer "):
        return "composer " + stripped[10:]
    if stripped.startswith("@putenv ") or "::" in stripped.split(" ", 1)[0]:
        return None  # environment changes and PHP callbacks run PHP, not a command line
    if stripped.startswith("@"):
        return "true"  # another script of the same file, judged under its own name
    return stripped
