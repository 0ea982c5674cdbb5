"""Dependency files and install calls given as data: the packages they name.

Writing ``reqeusts==2.31`` into ``requirements.txt`` (or ``crossenv`` into
``package.json``) installs it at the next, allowed ``pip install -r`` or ``npm ci``: the
names such a file carries are judged as the install command would be
(:mod:`~aegis.intent_firewall.supplychain`). A structured tool call that installs a package
(``{"action": "install_package", "manager": "npm", "package": "loadsh"}``) is judged the
same way. Files are read with their own format's parser where the standard library has one
(JSON, TOML) and line by line otherwise; at most 512 names a request.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from aegis.intent_firewall.items import Item
from aegis.intent_firewall.packagespecs import PACKAGE_SPEC_KEYS
from aegis.intent_firewall.querypayloads import field_payload_findings
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.supplychain import ECOSYSTEM_OF_PROGRAM, package_finding, requested

__all__ = [
    "install_call_findings",
    "manifest_findings",
    "manifest_kind",
    "shell_manifest_findings",
    "supply_chain_findings",
]

_MAX_NAMES = 512
#: Parameter keys that carry a file's new text (write, create, edit and patch tools).
CONTENT_KEYS = frozenset(
    {"content", "contents", "text", "body", "data", "file_text", "new_str", "new_string",
     "new_content", "code", "source", "insert_text", "new_text", "replacement"}
)  # fmt: skip
_PATH_KEYS = frozenset(
    {"path", "file", "filename", "file_path", "filepath", "target", "target_file", "dest",
     "destination", "name", "output", "uri"}
)  # fmt: skip
_PACKAGE_KEYS = PACKAGE_SPEC_KEYS | {"name", "names", "module"}
_MANAGER_KEYS = frozenset({"manager", "package_manager", "ecosystem", "registry", "tool",
                           "installer", "language"})  # fmt: skip
_MANAGER_WORDS: Mapping[str, str] = {
    **ECOSYSTEM_OF_PROGRAM, "pypi": "pypi", "python": "pypi", "node": "npm", "javascript": "npm",
    "rubygems": "rubygems", "ruby": "rubygems", "crates": "crates", "rust": "crates",
    "crates.io": "crates", "golang": "go",
}  # fmt: skip


def manifest_kind(path: str) -> str | None:
    """The dependency file format ``path`` names, by its base name."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if name.startswith("requirements") and name.endswith((".txt", ".in")):
        return "requirements"
    if name.endswith("constraints.txt"):
        return "requirements"
    return _MANIFEST_NAMES.get(name)


#: Dependency files known by their whole base name (built once, not per path).
_MANIFEST_NAMES: Mapping[str, str] = {
    "package.json": "package.json",
    "gemfile": "gemfile",
    "cargo.toml": "cargo.toml",
    "go.mod": "go.mod",
    "pyproject.toml": "pyproject.toml",
    "pipfile": "pipfile",
}


#: What the base name of every dependency file :func:`manifest_kind` knows contains (so a
#: line holding none of them writes none, and its words need not be read one by one).
_MANIFEST_MARKS = ("requirements", "constraints.txt", *_MANIFEST_NAMES)


def manifest_findings(items: list[Item]) -> list[Hit]:
    """Findings on the packages a dependency file written by this request names."""
    kind = None
    for item in items:  # a loop, not a generator: this runs for every request
        if item.key in _PATH_KEYS:
            kind = manifest_kind(item.text)
            if kind is not None:
                break
    if kind is None:
        return []
    hits: list[Hit] = []
    for item in items:
        if _is_content(item):
            hits.extend(_judged(_names(kind, item.text)))
    return hits


def _is_content(item: Item) -> bool:
    """A file's text, also when the walk found it to be JSON (key ``<json>``, the
    parameter's own name last in ``where``)."""
    if item.key in CONTENT_KEYS:
        return True
    return item.key.startswith("<") and item.where.rsplit(".", 1)[-1] in CONTENT_KEYS


#: Action words of a call that fetches the packages it names (pip_download fetches, and a
#: package's build runs its setup code, as an install does).
_FETCHING = frozenset({"install", "add", "download"})
_INSTALL_HINTS = _FETCHING | {"dependency", "dependencies", "package", "require"}


def install_call_findings(words: frozenset[str], items: list[Item]) -> list[Hit]:
    """A structured call that installs or adds a package (``install_package``,
    ``add_dependency``) under a manager the action or a parameter names."""
    if not words & _INSTALL_HINTS:
        return []
    ecosystem = next((_MANAGER_WORDS[w] for w in sorted(words) if w in _MANAGER_WORDS), None)
    for item in items:
        if item.key in _MANAGER_KEYS and item.text.lower() in _MANAGER_WORDS:
            ecosystem = _MANAGER_WORDS[item.text.lower()]
    if ecosystem is None or not words & _FETCHING:
        return []
    asked = (
        requested(ecosystem, item.text) for item in items[:_MAX_NAMES] if item.key in _PACKAGE_KEYS
    )
    return _judged((ecosystem, *a) for a in asked if a is not None)


def _judged(names: Iterable[tuple[str, str, str]]) -> list[Hit]:
    hits: list[Hit] = []
    for count, (ecosystem, name, version) in enumerate(names):
        if count >= _MAX_NAMES:
            break
        found = package_finding(ecosystem, name, version)
        if found is not None:
            hits.append(default_hit(*found))
    return hits


def _names(kind: str, text: str) -> Iterator[tuple[str, str, str]]:
    """``(ecosystem, name, version)`` for each package the file names."""
    if kind == "requirements":
        yield from _requirement_lines(text)
    elif kind == "gemfile":
        yield from _gem_lines(text)
    elif kind == "go.mod":
        yield from _go_lines(text)
    elif kind == "package.json":
        try:
            document = json.loads(text)
        except ValueError:
            return
        yield from _npm_dependencies(document)
    else:
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return
        yield from _toml_dependencies(kind, document)


def _requirement_lines(text: str) -> Iterator[tuple[str, str, str]]:
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith(("#", "-")):
            asked = requested("pypi", line)
            if asked is not None:
                yield ("pypi", *asked)


def _gem_lines(text: str) -> Iterator[tuple[str, str, str]]:
    """``gem 'name', '1.0'`` lines (the words between the first quotes)."""
    for line in text.splitlines():
        words = line.strip()
        if not words.startswith("gem ") and not words.startswith("gem("):
            continue
        quoted = [
            part for index, part in enumerate(words.replace('"', "'").split("'")) if index % 2
        ]
        if quoted:
            version = quoted[1].lstrip("=~<> ") if len(quoted) > 1 else ""
            yield "rubygems", quoted[0], version


def _go_lines(text: str) -> Iterator[tuple[str, str, str]]:
    """``require path v1.2.3`` and the lines of a ``require ( … )`` block."""
    block = False
    for line in text.splitlines():
        words = line.split("//", 1)[0].split()
        if not words:
            continue
        if words[0] == "require":
            if words[1:2] == ["("]:
                block = True
                continue
            words = words[1:]
        elif block and words[0] == ")":
            block = False
            continue
        elif not block:
            continue
        if words:
            yield "go", words[0], words[1].lstrip("v") if len(words) > 1 else ""


def _npm_dependencies(document: Any) -> Iterator[tuple[str, str, str]]:
    if not isinstance(document, dict):
        return
    for section in ("dependencies", "devDependencies", "optionalDependencies",
                    "peerDependencies", "bundledDependencies", "overrides"):  # fmt: skip
        deps = document.get(section)
        if isinstance(deps, dict):
            for name, version in deps.items():
                pinned = version.lstrip("=v") if isinstance(version, str) else ""
                yield "npm", str(name), pinned
        elif isinstance(deps, list):
            yield from (("npm", name, "") for name in deps if isinstance(name, str))


def _toml_dependencies(kind: str, document: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    if kind == "cargo.toml":
        tables = [document.get(s) for s in ("dependencies", "dev-dependencies",
                                           "build-dependencies")]  # fmt: skip
        tables += [t.get("dependencies") for t in _values(document.get("target"))]
        for table in tables:
            for name, spec in _items(table):
                real = spec.get("package", name) if isinstance(spec, dict) else name
                yield "crates", str(real), ""
        return
    if kind == "pipfile":
        for section in ("packages", "dev-packages"):
            for name, _ in _items(document.get(section)):
                yield "pypi", name, ""
        return
    yield from _pyproject_dependencies(document)


def _pyproject_dependencies(document: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """PEP 621 dependencies, optional ones and groups, and Poetry's tables."""
    project = document.get("project")
    strings: list[object] = []
    if isinstance(project, dict):
        strings += list(project.get("dependencies") or [])
        for group in _values(project.get("optional-dependencies")):
            strings += list(group) if isinstance(group, list) else []
    for group in _values(document.get("dependency-groups")):
        strings += list(group) if isinstance(group, list) else []
    for spec in strings:
        asked = requested("pypi", spec) if isinstance(spec, str) else None
        if asked is not None:
            yield ("pypi", *asked)
    poetry = (
        document.get("tool", {}).get("poetry", {}) if isinstance(document.get("tool"), dict) else {}
    )
    for section in ("dependencies", "dev-dependencies"):
        for name, _ in _items(poetry.get(section) if isinstance(poetry, dict) else None):
            if name.lower() != "python":
                yield "pypi", name, ""


def _items(table: object) -> list[tuple[str, object]]:
    return [(str(k), v) for k, v in table.items()] if isinstance(table, dict) else []


def _values(table: object) -> list[Any]:
    return list(table.values()) if isinstance(table, dict) else []


def supply_chain_findings(words: frozenset[str], items: list[Item]) -> list[Hit]:
    """Both of the above for one request's parameters (``words``: its action's words), and
    payloads in the form fields of a request to a URL (querypayloads.py)."""
    fields = [default_hit(*found) for found in field_payload_findings(items)]
    written: list[Hit] = []
    for item in items:  # a loop, not generators: this runs for every request
        if item.key in _LINE_KEYS:
            written += shell_manifest_findings(item.text)
    installs = install_call_findings(words, items) if not words.isdisjoint(_INSTALL_HINTS) else []
    return [*manifest_findings(items), *installs, *fields, *written]


_LINE_KEYS = frozenset({"command", "cmd", "script", "shell", "bash", "sh"})
_MAX_LINE = 16384


def shell_manifest_findings(line: str) -> list[Hit]:
    """A dependency file written by a command line: ``echo 'reqeusts' >> requirements.txt``,
    ``printf …``, ``cat > package.json <<EOF … EOF``, ``tee Gemfile``. The text written is
    the heredoc's body or the words echoed, read with the file's own parser."""
    lowered = line.partition("\n")[0].lower()
    if not any(mark in lowered for mark in _MANIFEST_MARKS):
        return []  # every file name manifest_kind knows holds one of these
    written = written_by_line(line, manifest_kind)
    if written is None:
        return []
    kind = manifest_kind(written[0])
    return _judged(_names(kind, written[1])) if kind is not None else []


def written_by_line(line: str, known: Callable[[str], object]) -> tuple[str, str] | None:
    """(file, text) for the first word of a command line's redirections and ``tee``
    operands that ``known`` accepts, with the heredoc's body or the words echoed as the
    text it gets; ``None`` when the line writes no such file."""
    if (">" not in line and "tee" not in line) or len(line) > _MAX_LINE:
        return None
    head, _, body = line.partition("\n")
    for word in head.replace(">", " ").split():
        stripped = word.strip("'\"")
        if not known(stripped):
            continue
        if "<<" in head and body:
            text = body.rsplit("\n", 1)[0] if body.rstrip().count("\n") else body
        else:
            text = _echoed(head)
        return stripped, text
    return None


def _echoed(head: str) -> str:
    """The text ``echo``/``printf`` writes (quotes dropped, ``\\n`` as a line break)."""
    words = head.split(None, 1)
    if len(words) < 2 or words[0] not in ("echo", "printf"):
        return ""
    text = words[1]
    for flag in ("-e ", "-n ", "-en ", "-ne "):
        text = text.removeprefix(flag)
    quote = text[:1]
    if quote in ("'", '"') and quote in text[1:]:  # a quoted text may hold > and |
        text = text[1 : text.index(quote, 1)]
    else:
        text = text.split(">", 1)[0].split("|", 1)[0]
    # printf and echo -e (and sh's echo) read \n and \t: a recipe line starts with a tab
    return text.strip().strip("'\"").replace("\\n", "\n").replace("\\t", "\t")
