"""Values that make an environment variable which loads code harmless.

``NODE_OPTIONS`` loads code with ``--require`` but only sizes the heap with
``--max-old-space-size=4096``; ``LD_LIBRARY_PATH`` pointing into the workspace's own build
loads the project's libraries, not someone else's. Which values are harmless is data
(``data/environment_values.toml``): option lists of known-safe options, search lists inside
the working directory, the empty value of a start-up hook, Python's warning filters with
built-in categories. A variable set to the value the policy already gives it (``HOME="$HOME"``
after ``env -i``) changes nothing. Anything else keeps the finding its name carries.
"""

from __future__ import annotations

import builtins
import posixpath
import tomllib
from importlib import resources

from aegis.intent_firewall.access import Scope

__all__ = ["entries_hold", "harmless_value"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall")
    .joinpath("data/environment_values.toml")
    .read_text(encoding="utf-8")
)
#: variable (lower case) -> its entry in the catalogue.
_ENTRIES: dict[str, dict[str, object]] = {
    name: entry for entry in _DATA["variable"] for name in entry["names"]
}
#: Characters that make a value more than plain words: never judged harmless here.
_SHELL_MARKS = frozenset("$`;|&<>(){}\\\n\r\"'*?[")
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
_MAX_VALUE = 1024


def _shape(value: str, shape: str) -> bool:
    if not value:
        return False
    if shape == "number":
        return value.replace(".", "", 1).isdigit() and value.isascii()
    if shape == "size":
        body = value[:-1] if value[-1] in "kKmMgGtT" else value
        return body.isdigit() and body.isascii()
    if shape == "identifier":
        return value.isascii() and value[0].isalpha() and value.replace("_", "a").isalnum()
    return shape == "word" and set(value) <= _WORD


def _option_listed(word: str, listed: list[str]) -> bool:
    for pattern in listed:
        head, marker, rest = pattern.partition("<")
        if not marker:
            if word == pattern:
                return True
        elif word.startswith(head) and _shape(word[len(head) :], rest.rstrip(">")):
            return True
    return False


def _options(value: str, entry: dict[str, object]) -> bool:
    listed = entry["options"]
    assert isinstance(listed, list)
    words = value.split()
    if not words:
        return True
    for word in words:
        name, equals, given = word.partition("=")
        spelled = name.replace("_", "-") + equals + given if entry.get("underscores") else word
        if not _option_listed(spelled, listed):
            return False
    return True


def _paths(value: str, scope: Scope, cwd: str | None) -> bool:
    """Every entry inside the working directory, once relative entries (and the empty one,
    the current directory) are resolved against where the command runs (``cd /tmp/x &&
    PYTHONPATH=. …`` is /tmp/x), and none written or linked by this request: a library
    copied or a link made into the entry just before it is searched is the request's, not
    the project's."""
    root = (scope.workspace or "").rstrip("/")
    if not root:
        return False
    for entry in value.split(":"):
        if entry.startswith("~") or (cwd is None and not entry.startswith("/")):
            return False
        normal = posixpath.normpath(posixpath.join(cwd or "/", entry))
        if not (normal == root or normal.startswith(root + "/")) or _touched(scope, normal):
            return False
    return True


def entries_hold(scope: Scope, value: str, cwd: str | None) -> bool:
    """Whether a search list's relative entries (``src``, ``./lib``) stay the workspace's
    where the command runs: not after ``cd /tmp``, not linked or written by this request.
    Without a known directory or workspace, the entries are taken as written."""
    root = (scope.workspace or "").rstrip("/")
    if cwd is None or not root:
        return True
    for written in value.split(":"):
        entry = written.strip("\"'")
        if entry.startswith(("$", "/", "~")):
            continue  # ./bin:$PATH; absolute entries are judged as written (tool directories)
        normal = posixpath.normpath(posixpath.join(cwd, entry))
        if not (normal == root or normal.startswith(root + "/")) or _touched(scope, normal):
            return False
    return True


def _touched(scope: Scope, entry: str) -> bool:
    """Whether this request writes or links the entry, something in it, or a directory
    above it."""
    changed = [*scope.written_paths, *(link for link, _ in scope.links)]
    return any(
        path == entry or path.startswith(entry + "/") or entry.startswith(path + "/")
        for path in changed
    )


def _warnings(value: str) -> bool:
    """``ignore``, ``error::DeprecationWarning``, ``default::UserWarning:app.module``: the
    category is imported by name, so only a built-in warning class or none."""
    for item in value.split(","):
        fields = item.split(":")
        if len(fields) > 5:
            return False
        category = fields[2].strip() if len(fields) > 2 else ""
        if category and not (
            category.isidentifier()
            and isinstance(getattr(builtins, category, None), type)
            and issubclass(getattr(builtins, category), Warning)
        ):
            return False
    return True


def _policy_value(scope: Scope, key: str, value: str) -> bool:
    """The value the policy already gives the variable: setting it changes nothing."""
    if key == "home":
        return value.rstrip("/") == scope.home.rstrip("/")
    return any(name.lower() == key and known == value for name, known in scope.environment)


def _kind_allows(  # noqa: PLR0911 (one answer per kind)
    kind: object, value: str, entry: dict[str, object], scope: Scope, cwd: str | None
) -> bool:
    if kind == "empty":
        return not value.strip()
    if kind == "number":
        return value.strip().isdigit() and value.isascii()
    if not _SHELL_MARKS.isdisjoint(value) or not value.isprintable():
        return False
    if kind == "options":
        return _options(value, entry)
    if kind == "paths":
        return scope.cwd_known and _paths(value, scope, cwd)
    if kind == "warnings":
        return _warnings(value)
    return kind == "literal"


def harmless_value(scope: Scope, key: str, value: str, cwd: str | None = None) -> bool:
    """Whether setting the variable ``key`` (lower case) to ``value`` cannot load code or
    redirect a program (see the module's text)."""
    if len(value) > _MAX_VALUE:
        return False
    if value and _policy_value(scope, key, value):
        return True
    entry = _ENTRIES.get(key)
    return entry is not None and _kind_allows(entry["kind"], value, entry, scope, cwd)
