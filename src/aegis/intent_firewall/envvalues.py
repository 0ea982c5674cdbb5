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

__all__ = ["harmless_value"]

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


def _paths(value: str, workspace: str | None) -> bool:
    """Every entry inside the working directory: relative and not climbing out, or absolute
    below the configured working directory (``/work/app/build/lib``)."""
    root = (workspace or "").rstrip("/")
    for entry in value.split(":"):
        if not entry:
            continue  # an empty entry: the current directory, the workspace
        if entry.startswith("~"):
            return False
        normal = posixpath.normpath(entry)
        if normal.startswith("/"):
            if not root or not (normal == root or normal.startswith(root + "/")):
                return False
        elif normal == ".." or normal.startswith("../"):
            return False
    return True


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


def _kind_allows(kind: object, value: str, entry: dict[str, object], scope: Scope) -> bool:  # noqa: PLR0911 (one answer per kind)
    if kind == "empty":
        return not value.strip()
    if kind == "number":
        return value.strip().isdigit() and value.isascii()
    if not _SHELL_MARKS.isdisjoint(value) or not value.isprintable():
        return False
    if kind == "options":
        return _options(value, entry)
    if kind == "paths":
        return _paths(value, scope.workspace if scope.cwd_known else None)
    if kind == "warnings":
        return _warnings(value)
    return kind == "literal"


def harmless_value(scope: Scope, key: str, value: str) -> bool:
    """Whether setting the variable ``key`` (lower case) to ``value`` cannot load code or
    redirect a program (see the module's text)."""
    if len(value) > _MAX_VALUE:
        return False
    if value and _policy_value(scope, key, value):
        return True
    entry = _ENTRIES.get(key)
    return entry is not None and _kind_allows(entry["kind"], value, entry, scope)
