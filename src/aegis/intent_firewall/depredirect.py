"""Dependencies redirected to another source than the one their name says.

A dependency file can keep a package's name and fetch its code from somewhere else: Go's
``replace golang.org/x/crypto => github.com/someone/crypto v…`` (also ``go mod edit
-replace``), Cargo's ``[patch.crates-io]`` / ``[replace]`` entries with ``git``,
``registry`` or an absolute path, npm's ``overrides``, Yarn's ``resolutions`` and pnpm's
overrides given a git URL, a ``user/repo`` shorthand, a tarball URL or an ``npm:`` alias to
another name, and a requirements file's ``--index-url``/``--extra-index-url``/
``--find-links``, uv's sources and the indexes of ``pyproject.toml`` and ``Pipfile`` to an
index that is not PyPI's. Every build after the change runs code
nobody reviewed under a trusted name: ``dependency-redirect`` (*review*). A replacement by a
relative directory (the workspace's ``=> ./lib``, a sibling checkout ``=> ../lib``, ``path =
"vendor/x"``), by another version of the same module, and an override to a version range
pass.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from typing import Any

import re2

from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["redirect_findings", "shell_redirects"]

_GO_REPLACE = re2.compile(
    r"(?m)^\s*(?:replace\s+)?([A-Za-z0-9][\w.\-/~]*)(?:\s+v\S+)?\s*=>\s*([^\s]+)"
)
_GO_EDIT = re2.compile(r"-replace[= ]\s*['\"]?([^=\s'\"]+)=([^\s'\"]+)")
_INDEX = re2.compile(
    r"(?m)^\s*(?:-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host)[\s=]+(\S+)"
)
_PYPI = (
    "https://pypi.org/", "https://files.pythonhosted.org/", "pypi.org", "files.pythonhosted.org",
)  # fmt: skip
_REDIRECTING = (
    "git+", "git:", "github:", "gitlab:", "bitbucket:", "http:", "https:", "npm:", "link:",
)  # fmt: skip
_MAX_TEXT = 131072


def redirect_findings(name: str, texts: list[str]) -> list[Hit]:
    """Findings on a dependency file named ``name`` (lower case) written with ``texts``."""
    for text in texts:
        found = _finding(name, text[:_MAX_TEXT])
        if found is not None:
            return [default_hit("dependency-redirect", f"{name}: {found[:140]}")]
    return []


def shell_redirects(line: str) -> list[Hit]:
    """``go mod edit -replace=OLD=NEW``: the same redirection written by the go tool."""
    if "-replace" not in line or "go" not in line:
        return []
    for match in _GO_EDIT.finditer(line[:_MAX_TEXT]):
        why = _go_target(match.group(1), match.group(2).split("@", 1)[0])
        if why:
            return [default_hit("dependency-redirect", f"go mod edit -replace {why}")]
    return []


def _finding(name: str, text: str) -> str | None:
    if name == "go.mod":  # printf's \t written as text indents a replace block's lines
        for match in _GO_REPLACE.finditer(text.replace("\\t", "\t")):
            if "=>" in match.group(0) and (why := _go_target(match.group(1), match.group(2))):
                return why
    elif name == "cargo.toml" and ("patch" in text or "replace" in text):
        return _cargo(text)
    elif name == "package.json":
        return _npm(text)
    elif name in ("pyproject.toml", "pipfile") and ("source" in text or "index" in text):
        return _python_sources(text)
    elif name.startswith(("requirements", "constraints")) or name.endswith("constraints.txt"):
        for match in _INDEX.finditer(text):
            url = match.group(1).strip("'\"")
            if not url.startswith(_PYPI):
                return f"package index {url[:100]}"
    return None


def _go_target(module: str, target: str) -> str:
    """Why replacing ``module`` by ``target`` redirects it; empty for a local directory
    inside the workspace or another version of the same module."""
    if target.startswith(("./", "../")) or target in (".", ".."):
        return ""  # a checkout on disk, in the workspace or beside it
    if target.casefold() == module.casefold():
        return ""
    return f"{module} => {target}"


def _cargo(text: str) -> str | None:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return "[patch] or [replace] that cannot be read" if "[patch" in text else None
    tables = [document.get("replace", {})]
    patch = document.get("patch", {})
    tables.extend(patch.values() if isinstance(patch, dict) else [])
    for table in tables:
        for crate, spec in table.items() if isinstance(table, dict) else []:
            if isinstance(spec, dict) and ("git" in spec or "registry" in spec):
                return f"{crate} from {spec.get('git') or spec.get('registry')}"
            if isinstance(spec, dict) and str(spec.get("path", "")).startswith(("/", "~")):
                return f"{crate} from {spec['path']}"
    return None


def _python_sources(text: str) -> str | None:
    """uv's ``[tool.uv.sources]`` from git or a URL, and package indexes that are not
    PyPI's (``[[tool.uv.index]]``, ``[[tool.poetry.source]]``, ``[[tool.pdm.source]]``,
    ``[[source]]`` of a Pipfile)."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    tool = document.get("tool", {})
    uv = tool.get("uv", {}) if isinstance(tool, dict) else {}
    uv = uv if isinstance(uv, dict) else {}
    sources = uv.get("sources", {})
    for package, spec in sources.items() if isinstance(sources, dict) else []:
        if isinstance(spec, dict) and ("git" in spec or "url" in spec):
            return f"{package} from {spec.get('git') or spec.get('url')}"
    indexes = [uv.get("index"), document.get("source")]
    for name in ("poetry", "pdm"):
        section = tool.get(name, {}) if isinstance(tool, dict) else {}
        indexes.append(section.get("source") if isinstance(section, dict) else None)
    for listed in indexes:
        for index in listed if isinstance(listed, list) else []:
            url = str(index.get("url", "")) if isinstance(index, dict) else ""
            if url and not url.startswith(_PYPI):
                return f"package index {url[:100]}"
    return None


def _npm(text: str) -> str | None:
    try:
        document = json.loads(text)
    except ValueError:
        try:  # an edit's fragment: "overrides": {…} as members of the object
            document = json.loads("{" + text.strip().strip(",") + "}")
        except ValueError:
            return None
    if not isinstance(document, dict):
        return None
    pnpm = document.get("pnpm")
    tables = [document.get("overrides"), document.get("resolutions")]
    tables.append(pnpm.get("overrides") if isinstance(pnpm, dict) else None)
    for name, spec in _leaves(tables):
        lowered = spec.strip().casefold()
        shorthand = "/" in lowered and not lowered.startswith(("file:", ".", "^", "~", "@"))
        if lowered.startswith(_REDIRECTING) or shorthand or lowered.startswith("file:/"):
            return f"{name} => {spec[:100]}"
    return None


def _leaves(tables: list[Any]) -> Iterator[tuple[str, str]]:
    stack = [("", table) for table in tables if isinstance(table, dict)]
    seen = 0
    while stack and seen < 4096:
        prefix, table = stack.pop()
        for key, value in table.items():
            seen += 1
            if isinstance(value, str):
                yield f"{prefix}{key}", value
            elif isinstance(value, dict):
                stack.append((f"{prefix}{key}>", value))
