"""Packages an agent installs: typosquats of popular names and publicly reported malware.

An install command (``pip install reqeusts``, ``npm i crossenv``, ``cargo add serd``) or a
dependency file written by a tool (``requirements.txt``, ``package.json``, ``Gemfile``,
``Cargo.toml``, ``go.mod``, ``pyproject.toml``, ``Pipfile``) names packages that run code
at install or import time. A name listed as malicious (``data/packages.toml``, from public
advisories; ``name@version`` for hijacked releases) blocks. A name that is not itself
popular but lies one edit from a popular one of the same registry (a letter dropped,
doubled, replaced or swapped with its neighbour, a digit for a letter, ``-`` for ``_``) is
``package-typosquat`` (review): the agent may have meant the popular package, or an
attacker may have registered the misspelling. Other unknown names pass: most packages are
neither popular nor squats, and reviewing every one would teach people to click through.

The neighbourhood check is linear in the name: every popular name is indexed once by the
strings one deletion away from it (a symmetric deletion index), so a requested name is
compared with the few popular names sharing such a string, each in one pass.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["ECOSYSTEM_OF_PROGRAM", "PackageIndex", "index_for", "normalise", "package_finding"]

#: Which registry an installer's words name (the catalogue entry's first word).
ECOSYSTEM_OF_PROGRAM: Mapping[str, str] = {
    "pip": "pypi", "pip3": "pypi", "uv": "pypi", "poetry": "pypi", "pipx": "pypi",
    "pipenv": "pypi", "pdm": "pypi", "npm": "npm", "yarn": "npm", "pnpm": "npm", "bun": "npm",
    "gem": "rubygems", "bundle": "rubygems", "cargo": "crates", "go": "go",
}  # fmt: skip

#: Longer names are not package names any registry accepts; they are not compared.
_MAX_NAME = 214
_PEP503_SEPARATORS = "-_."


#: How near each kind of edit keeps a name to the one meant, nearest first: a swap or a
#: separator keeps every letter, a replacement keeps the length, then a letter more or
#: fewer. ``neighbour`` names the nearest popular name, so the same request always gets
#: the same reason.
_EDIT_NEARNESS: Mapping[str, int] = {
    "separator changed": 0,
    "swapped letters": 0,
    "digit for a letter": 1,
    "letter replaced": 1,
    "doubled letter": 2,
    "letter dropped": 2,
    "letter added": 2,
}


@dataclass(frozen=True, slots=True)
class PackageIndex:
    """One registry's popular, malicious and vouched-for names, with the deletion index."""

    popular: frozenset[str]
    malicious: frozenset[str]
    legitimate: frozenset[str]
    #: popular names by each string one deletion away from them
    near: Mapping[str, tuple[str, ...]]
    min_length: int
    #: each popular name's place in the data file's list (most downloaded first)
    rank: Mapping[str, int]

    def neighbour(self, name: str) -> tuple[str, str] | None:
        """The popular name ``name`` is one edit from, and the edit; None when none is.
        Of several, the nearest edit (see ``_EDIT_NEARNESS``), then the most downloaded,
        then the first in alphabetical order: never what a set's order happens to be."""
        if name in self.popular or name in self.legitimate or len(name) > _MAX_NAME:
            return None
        candidates: list[str] = list(self.near.get(name, ()))  # name lacks one letter
        for variant in _deletions(name):
            if variant in self.popular:  # name has one letter more
                candidates.append(variant)
            candidates.extend(self.near.get(variant, ()))  # replaced or swapped
        best: tuple[int, int, str, str] | None = None
        for popular in candidates:
            edit = one_edit(name, popular)
            if edit is None:
                continue
            if len(popular) < self.min_length and edit != "swapped letters":
                continue
            found = (_EDIT_NEARNESS[edit], self.rank.get(popular, len(self.rank)), popular, edit)
            if best is None or found < best:
                best = found
        return None if best is None else (best[2], best[3])


def _deletions(name: str) -> set[str]:
    return {name[:i] + name[i + 1 :] for i in range(len(name))}


def one_edit(typed: str, meant: str) -> str | None:
    """How ``typed`` differs from ``meant`` by one edit (linear), or None."""
    if typed == meant or abs(len(typed) - len(meant)) > 1:
        return None
    i = 0
    while i < min(len(typed), len(meant)) and typed[i] == meant[i]:
        i += 1
    if len(typed) == len(meant):
        return _same_length_edit(typed, meant, i)
    if len(typed) > len(meant):
        if typed[i + 1 :] != meant[i:]:
            return None
        return "doubled letter" if i > 0 and typed[i] == typed[i - 1] else "letter added"
    return "letter dropped" if typed[i:] == meant[i + 1 :] else None


def _same_length_edit(typed: str, meant: str, i: int) -> str | None:
    """The edit between two names of one length that first differ at ``i``."""
    if typed[i + 1 :] == meant[i + 1 :]:
        if typed[i] in "-_." and meant[i] in "-_.":
            return "separator changed"
        return (
            "digit for a letter" if typed[i].isdigit() != meant[i].isdigit() else "letter replaced"
        )
    swapped = i + 1 < len(typed) and typed[i] == meant[i + 1] and typed[i + 1] == meant[i]
    return "swapped letters" if swapped and typed[i + 2 :] == meant[i + 2 :] else None


def normalise(ecosystem: str, name: str) -> str:
    """The form two names are compared in: case-folded; PEP 503 for PyPI."""
    name = name.strip().lower()
    if ecosystem != "pypi":
        return name
    out: list[str] = []
    for char in name:
        if char in _PEP503_SEPARATORS:
            if out and out[-1] == "-":
                continue
            out.append("-")
        else:
            out.append(char)
    return "".join(out)


@cache
def _data() -> Mapping[str, object]:
    text = resources.files("aegis.intent_firewall").joinpath("data/packages.toml").read_text()
    return tomllib.loads(text)


@cache
def index_for(ecosystem: str) -> PackageIndex:
    """The index of one registry (built once per process)."""
    data = _data()
    min_length = int(data["limits"]["min_length"])  # type: ignore[index]

    def names(section: str) -> frozenset[str]:
        listed: Iterable[str] = data[section].get(ecosystem, ())  # type: ignore[attr-defined]
        return frozenset(normalise(ecosystem, n) for n in listed)

    popular = names("popular")
    rank: dict[str, int] = {}
    for name in data["popular"].get(ecosystem, ()):  # type: ignore[attr-defined]
        rank.setdefault(normalise(ecosystem, name), len(rank))
    near: dict[str, list[str]] = {}
    for name in popular:
        for variant in _deletions(name):
            near.setdefault(variant, []).append(name)
    return PackageIndex(
        popular=popular,
        malicious=names("malicious"),
        legitimate=names("legitimate"),
        near={k: tuple(v) for k, v in near.items()},
        min_length=min_length,
        rank=rank,
    )


def package_finding(ecosystem: str, name: str, version: str = "") -> tuple[str, str] | None:
    """``(rule, evidence)`` for installing ``name`` (at ``version``) from ``ecosystem``."""
    index = index_for(ecosystem)
    key = normalise(ecosystem, name)
    if not key:
        return None
    shown = f"{name}@{version}" if version else name
    if key in index.malicious or (
        version and f"{key}@{normalise(ecosystem, version)}" in index.malicious
    ):
        return "malicious-package", f"{ecosystem} package {shown!r} is reported as malicious"
    if ecosystem == "go":
        return _go_neighbour(index, key, shown)
    found = index.neighbour(key)
    if found is None:
        return None
    popular, edit = found
    return (
        "package-typosquat",
        f"{ecosystem} package {shown!r} is one edit from the popular {popular!r} ({edit})",
    )


def _go_neighbour(index: PackageIndex, path: str, shown: str) -> tuple[str, str] | None:
    """A Go module path is compared by its first two and three segments (the module, not
    a package below it): ``github.com/gin-gonic/gin/binding`` is ``…/gin-gonic/gin``."""
    parts = path.split("/")
    for count in (3, 2):
        module = "/".join(parts[:count])
        if module in index.malicious:
            return "malicious-package", f"go module {shown!r} is reported as malicious"
        if module in index.popular:
            return None
    for count in (3, 2):
        found = index.neighbour("/".join(parts[:count])) if len(parts) >= count else None
        if found is not None:
            popular, edit = found
            return (
                "package-typosquat",
                f"go module {shown!r} is one edit from the popular {popular!r} ({edit})",
            )
    return None


def requested(ecosystem: str, spec: str) -> tuple[str, str] | None:
    """The name and pinned version an install operand asks for (``requests[socks]==2.31``,
    ``@scope/pkg@^1``, ``serde@1.0``, ``rails:7.0``); None for a URL, path or file."""
    spec = spec.strip().strip("'\"")
    if not spec or "://" in spec or spec.startswith((".", "/", "~", "-", "git+", "file:")):
        return None
    if ecosystem in ("npm", "crates", "go"):
        name, at, version = (
            spec[1:].rpartition("@") if spec.startswith("@") else spec.rpartition("@")
        )
        if not at:
            return spec, ""
        return ("@" + name if spec.startswith("@") else name), version.lstrip(
            "v" if ecosystem == "go" else ""
        )
    if ecosystem == "rubygems":
        # rails:7.0, or rake -v 13.1.0 as a gem install line gives it
        name, _, version = spec.partition(":") if ":" in spec else spec.partition(" ")
        version = version.strip().removeprefix("--version").removeprefix("-v").strip(" '\"")
        return name.strip(), version
    end = len(spec)
    for index, char in enumerate(spec):
        if char in "[=<>!~;@ (,":
            end = index
            break
    name = spec[:end]
    rest = spec[end:].lstrip()
    version = rest[2:].strip() if rest.startswith("==") else ""
    if name.endswith((".whl", ".tar.gz", ".zip")) or "/" in name:
        return None
    return name, version


def installer_finding(program: str, operand: str) -> tuple[str, str] | None:
    """``(rule, evidence)`` for one operand of an install command (``pip install X``): the
    registry is the one the installer (the catalogue entry's first word) fetches from."""
    ecosystem = ECOSYSTEM_OF_PROGRAM.get(program.split(" ", 1)[0])
    if ecosystem is None:
        return None
    asked = requested(ecosystem, operand)
    if asked is None:
        return None
    name, version = asked
    if ecosystem == "npm" and version.startswith("npm:"):
        # lodash@npm:loadsh installs loadsh under the name lodash: the alias is what runs
        aliased = requested("npm", version[4:])
        found = package_finding("npm", *aliased) if aliased is not None else None
        if found is not None:
            return found
    return package_finding(ecosystem, name, version)
