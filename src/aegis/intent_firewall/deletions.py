"""Tools that delete files, judged as the ``rm -r`` of their operands.

``fs.rm {path: ./dist, recursive: true, force: true}``, ``remove_paths {paths: […]}``,
``delete {path: node_modules}`` and ``delete_file {path: /tmp/agent-scratch/plan.txt}`` do
what ``rm -rf ./dist`` and kin do, and get the same answer: the command line built here is
judged by the shell rules (the workspace and ``$TMPDIR`` are cleanup; the workspace itself,
``.git``, the home, system, credential and start-up paths keep their findings). As with the
move and copy tools (``operations.py``), only what is certain is read this way (fail
closed): the name must say nothing but deleting files (``delete_bucket``, ``delete_user``
or ``delete_production_files`` are not file deletions), every parameter must be an operand,
a flag of ``rm`` or a note (``data/operations.toml``, ``[file_deletion]``), and every
operand a plain text: no expansion (``$HOME``, backquotes, ``%VAR%``), nothing empty,
nothing but texts in a list. A key whose last word names a path (``targetPath``,
``source_dir``) holds operands too, however the tool spells it. Anything else is not read
here and the action's own ``destructive-action`` stands. Operands are always deleted as
trees (``rm -r``), the worse reading; globs are the shell's to judge (``../../*`` is
``/home``). A glob given with the root it is matched under (``{glob: 'tmp/**/*.partial',
root: /home/agent/project}``) is deleted as that glob joined to the root, so a glob
climbing out of the root, or a root outside the workspace, is judged where it lands. A glob of
nothing but wildcards at the working directory or an absolute root (``*``, ``.*``, ``**/*``)
and a ``host:path`` operand are not read (review).
"""

from __future__ import annotations

import posixpath
import tomllib
from collections.abc import Mapping
from importlib import resources

from aegis.intent_firewall.vocabulary import ARGUMENT_KEYS, RECURSIVE_KEYS

__all__ = ["DELETE_VERBS", "deletion_command", "tool_arguments"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/operations.toml").read_text()
)["file_deletion"]
DELETE_VERBS = frozenset(_DATA["verbs"])
_NOUNS = frozenset(_DATA["nouns"])
_OPERAND_KEYS = frozenset(_DATA["operand_keys"])
_NAMED_OPERAND_KEYS = frozenset(_DATA["named_operand_keys"])
_FLAG_KEYS = frozenset(_DATA["flag_keys"]) | {key.replace("_", "") for key in RECURSIVE_KEYS}
_NOTE_KEYS = frozenset(_DATA["note_keys"])
_GLOB_KEYS = frozenset(_DATA["glob_keys"])
_ROOT_KEYS = frozenset(_DATA["root_keys"])
#: Nouns that say the operands are files, so that ``name``/``target`` hold them too.
_FILE_NOUNS = frozenset(
    {"file", "files", "path", "paths", "dir", "dirs", "directory", "directories", "folder",
     "folders", "fs", "filesystem", "tree"}
)  # fmt: skip
#: Last words of a key that say its value is a path (``targetPath``, ``output_file``).
_PATH_NOUNS = frozenset({"path", "paths", "file", "files", "dir", "dirs", "directory",
                         "directories", "folder", "folders", "filename", "filenames"})  # fmt: skip
_MAX_OPERANDS = 16
_MAX_KEYS = 16
#: Characters a tool or shell may expand into something else: not read here.
_EXPANDING = frozenset("$`%\x00\n\r")


def _compact(key: str) -> str:
    return "".join(char for char in key.casefold() if char.isalnum())


def deletion_command(words: frozenset[str], parameters: object) -> list[str] | None:
    """``["rm", "-r", "--", *operands]`` for a tool of ``words`` that only deletes files
    and whose every parameter is understood; ``None`` for anything else."""
    if not words & DELETE_VERBS or not words <= DELETE_VERBS | _NOUNS:
        return None
    if not isinstance(parameters, Mapping) or not 0 < len(parameters) <= _MAX_KEYS:
        return None
    operand_keys = _OPERAND_KEYS | (_NAMED_OPERAND_KEYS if words & _FILE_NOUNS else frozenset())
    root = _glob_root(parameters)
    operands: list[str] = []
    for key, value in parameters.items():
        compact = _compact(key) if isinstance(key, str) else ""
        if root is not None and compact in _ROOT_KEYS:
            continue  # the root globs are matched under: not deleted itself
        globs = root is not None and compact in _GLOB_KEYS
        found = _operands(value) if globs else _parameter(key, value, operand_keys)
        if found is None:
            return None
        if any(_sweeping(operand) for operand in found):
            return None  # every file of the root or the working directory: review
        if globs:
            found = [posixpath.join(str(root), glob) for glob in found]
        operands.extend(found)
    if not 0 < len(operands) <= _MAX_OPERANDS or any(map(_remote, operands)):
        return None  # nothing, too much, or another machine's path: left at review
    return ["rm", "-r", "--", *operands]


#: Characters of a glob segment that names no file in particular (``*``, ``.*``, ``**``).
_SWEEPING = frozenset("*?.[]!^")


def _sweeping(operand: str) -> bool:
    """A glob made of nothing but wildcards and dots (``*``, ``.*``, ``**/*``) matched at
    the working directory or at the root it is given with: every file there, dot
    directories such as ``.git`` included. Under a named directory (``build/*``) it is that
    directory's cleanup, judged by the shell rules."""
    parts = [part for part in posixpath.normpath(operand).split("/") if part not in ("", ".")]
    directory = 0
    while directory < len(parts) and not _SWEEPING.intersection(parts[directory]):
        directory += 1
    globs = parts[directory:]
    if not globs or not all(
        set(part) <= _SWEEPING and ("*" in part or "?" in part) for part in globs
    ):
        return False
    return directory == 0 and not operand.startswith(("/", "~"))


def _remote(operand: str) -> bool:
    """``prod-db:/var/lib/postgresql/data``: a host and a path (scp, rsync), not a local
    name (``C:\\x`` has a one-letter head; ``./a:b`` a slash before the colon)."""
    head, colon, _ = operand.partition(":")
    return bool(colon) and len(head) > 1 and "/" not in head


def _glob_root(parameters: Mapping[object, object]) -> str | None:
    """The root the globs are matched under, when the parameters hold a glob key and exactly
    one root key with one plain text (``{glob: '*.tmp', root: ./out}``); else ``None``."""
    keys = [_compact(key) for key in parameters if isinstance(key, str) and len(key) <= 64]
    roots = [key for key in parameters if isinstance(key, str) and _compact(key) in _ROOT_KEYS]
    if not _GLOB_KEYS.intersection(keys) or len(roots) != 1:
        return None
    found = _operands(parameters[roots[0]])
    return found[0] if found is not None and len(found) == 1 else None


def _parameter(key: object, value: object, operand_keys: frozenset[str]) -> list[str] | None:
    """The operands one parameter gives (none for a flag or a note), or ``None`` when the
    parameter is not understood."""
    if not isinstance(key, str) or len(key) > 64:
        return None
    compact = _compact(key)
    if compact in operand_keys or _last_word(key) in _PATH_NOUNS:
        return _operands(value)  # path, files, targetPath, source_dir
    if compact in _NOTE_KEYS:
        return [] if isinstance(value, str) else None
    return [] if compact in _FLAG_KEYS and isinstance(value, (bool, int, str)) else None


def _last_word(key: str) -> str:
    """The last word of a camelCase or snake_case key (``targetPath``: ``path``,
    ``SOURCE_DIR``: ``dir``, ``profile``: ``profile``), lower case."""
    last = key.replace("-", "_").rsplit("_", 1)[-1]
    if last.isupper():
        return last.lower()
    start = max((i for i, char in enumerate(last) if char.isupper()), default=0)
    return last[start:].lower()


def _operands(value: object) -> list[str] | None:
    """The texts of one operand parameter (a text or a list of texts), or ``None`` when any
    is empty, not a text, or would be expanded before it is deleted."""
    values = list(value[: _MAX_OPERANDS + 1]) if isinstance(value, (list, tuple)) else [value]
    if not values:
        return None
    found = []
    for item in values:
        if not isinstance(item, str) or not item.strip() or not _EXPANDING.isdisjoint(item):
            return None
        found.append(item.strip())
    return found


def tool_arguments(parameters: object, where: str) -> Mapping[str, object] | None:
    """The arguments given beside a tool call's name found at ``where``
    (``parameters.name``, ``parameters.params.name``): the mapping under an argument key
    (``arguments``, ``args``, ``input`` …) of the mapping holding the name. ``None`` when
    the path is not plain keys, or there is not exactly one such mapping."""
    keys = where.split(".")[1:-1] if where.startswith("parameters.") else None
    if keys is None or len(keys) > 4 or any(not key or "[" in key for key in keys):
        return None
    node = parameters
    for key in keys:
        node = node.get(key) if isinstance(node, Mapping) else None
    if not isinstance(node, Mapping):
        return None
    found = [
        value
        for key, value in list(node.items())[:64]
        if isinstance(key, str) and key.casefold() in ARGUMENT_KEYS and isinstance(value, Mapping)
    ]
    return found[0] if len(found) == 1 else None
