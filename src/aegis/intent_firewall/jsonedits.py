"""Edits of a JSON document by pointer: the pointer is a place in the file, the value is text.

``json_edit {file: package.json, pointer: /scripts, value: {build: tsc -p ., prepare:
husky}}`` sets the manifest's ``scripts``. The pointer (RFC 6901; also a JSONPath, a key path
or an XPath under keys named so: :data:`POINTER_KEYS`) names members of the document the
file key names, not a file: ``/scripts`` is not the directory ``/scripts``. What the edit
writes is judged as the members it makes (:func:`edited_manifest_items`): the value placed
under the pointer's members, handed to the run-script reading of ``package.json`` and
``composer.json`` (``runscripts.py``), so a script written this way is judged as the command
line it is (``prepare: curl … | sh`` keeps its findings).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.items import Item

__all__ = ["POINTER_KEYS", "document_pointer", "edited_manifest_items"]

#: Keys whose value is a place inside a document, not a file.
POINTER_KEYS = frozenset(
    {"pointer", "json_pointer", "jsonpointer", "json_path", "jsonpath", "yaml_path",
     "yamlpath", "key_path", "keypath", "xpath", "field_path", "fieldpath"}
)  # fmt: skip
#: Action words of tools that edit or read a structured document by a place in it.
_DOCUMENT_WORDS = frozenset(
    {"json", "yaml", "yml", "toml", "xml", "jsonpatch", "manifest", "jq", "yq", "ini"}
)
#: First segments that name a directory of the file system, not a member of a document:
#: ``/etc/shadow`` or ``/home/agent/.npmrc`` under a pointer key is still a path.
_ROOT_DIRECTORIES = frozenset(
    {"bin", "boot", "dev", "etc", "home", "lib", "lib32", "lib64", "libx32", "media", "mnt",
     "opt", "proc", "root", "run", "sbin", "snap", "srv", "sys", "tmp", "usr", "var",
     "users", "private", "system", "library", "applications", "volumes", "workspace",
     "workspaces", "nix", "gnu"}
)  # fmt: skip
_FILE_KEYS = ("file", "path", "filename", "file_path", "filepath", "target")
_VALUE_KEYS = ("value", "new_value", "json", "data")
_MAX_NODES = 256
_MAX_PARTS = 8


def document_pointer(key: str, text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` under ``key`` is a place in a document rather than a file: only under
    a pointer key of a tool that edits a structured document (``json_edit``,
    ``set_json_value``), and only when it is written as a pointer (``/compilerOptions/strict``)
    whose segments cannot name a file-system location: no ``~``, no dot segment or dot name,
    no first segment that is a root directory, no backslash or drive. Anything else is judged
    as the path it may be (fail closed)."""
    if key not in POINTER_KEYS or not words & _DOCUMENT_WORDS:
        return False
    value = text.strip()
    if not value.startswith("/") or value.startswith("//") or "\\" in value or ":" in value:
        return False
    parts = value[1:].split("/")
    if any(not part or part.startswith((".", "~", "$")) for part in parts):
        return False
    return parts[0].casefold() not in _ROOT_DIRECTORIES


def _plain(value: Any, budget: list[int]) -> Any:
    """``value`` as JSON-ready dicts and lists (frozen copies too), at most a few hundred
    values; ``None`` past that (the edit is then not read)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise ValueError("too many values")
    if isinstance(value, Mapping):
        return {str(k): _plain(v, budget) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, budget) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError("not JSON")


def _first(parameters: Mapping[Any, Any], keys: tuple[str, ...] | frozenset[str]) -> Any:
    for key in keys:
        if key in parameters:
            return parameters[key]
    return None


def edited_manifest_items(parameters: object) -> list[Item]:
    """The file named and the document members an edit by pointer writes, as a file key's
    item and a content item (empty when the parameters are not such an edit)."""
    if not isinstance(parameters, Mapping) or len(parameters) > 16:
        return []
    if not any(isinstance(k, str) and k.casefold() in POINTER_KEYS for k in parameters):
        return []  # the common request: no pointer, nothing more to look at
    folded = {k.casefold(): v for k, v in parameters.items() if isinstance(k, str)}
    pointer, file = _first(folded, POINTER_KEYS), _first(folded, _FILE_KEYS)
    value = _first(folded, _VALUE_KEYS)
    if not isinstance(pointer, str) or not isinstance(file, str) or value is None:
        return []
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    if len(parts) > _MAX_PARTS or (pointer and not pointer.startswith("/")):
        return []
    try:
        document = _plain(value, [_MAX_NODES])
    except ValueError:
        return []
    for part in reversed(parts):
        document = {part: document}
    text = json.dumps(document)
    return [Item("parameters.<file>", file, "file"), Item("parameters.<edit>", text, "content")]
