"""Packages installed from an impostor's repository or from an index that is not the registry.

``pip install git+https://github.com/aiohttp-dev/aiohttp@main`` replaces a core dependency
with a fork held by an organisation named to look official; the host is allowed
(github.com), so the host check passes it. A VCS, archive or shorthand install (``git+…``,
``…/archive/main.zip``, ``…/tarball/main``, ``github:o/r``, npm's ``o/r``, ``"pkg @ git+…"``,
``cargo install --git``) from a code host is ``dependency-redirect`` (*review*) when the
owner is shaped like an impostor of the repository (``aiohttp-dev/aiohttp``,
``requests-org/requests``: the repository's name plus a word) or one edit from a popular
GitHub owner (``packages.toml``); ``pallets/flask@main`` or an organisation's own SDK at a
tag pass, as do hosts the host check judges. An index, registry or gem source other than
the public registries themselves (``--extra-index-url https://test.pypi.org/simple``,
``gem --source https://gems.github.com``) is the same finding.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources

import re2

from aegis.intent_firewall.shell import SimpleCommand
from aegis.intent_firewall.supplychain import index_for, normalise, one_edit

__all__ = ["url_install_findings"]

#: installer → the subcommands that install (empty: the program installs itself)
_INSTALLERS = {
    "pip": frozenset({"install", "download", "wheel"}),
    "pip3": frozenset({"install", "download", "wheel"}),
    "pipx": frozenset({"install", "inject", "run"}),
    "uv": frozenset({"pip", "add", "tool", "install"}),
    "poetry": frozenset({"add"}),
    "pdm": frozenset({"add"}),
    "npm": frozenset({"install", "i", "add", "ci", "exec", "x"}),
    "yarn": frozenset({"add", "global", "dlx"}),
    "pnpm": frozenset({"add", "install", "i", "dlx"}),
    "bun": frozenset({"add", "install", "i", "x"}),
    "npx": frozenset(),
    "cargo": frozenset({"install", "add"}),
    "gem": frozenset({"install", "i"}),
}
_NPM_FAMILY = frozenset({"npm", "yarn", "pnpm", "bun", "npx"})
_SOURCE_OPTIONS = frozenset(
    {"--git", "--source", "-s", "--extra-index-url", "--find-links", "-f", "--registry",
     "--index"}
)  # fmt: skip
_VCS_PREFIXES = ("git+", "hg+", "svn+", "bzr+", "github:", "gitlab:", "bitbucket:", "gist:")
_SHORTHAND_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_./")
_CODE_HOSTS = frozenset({"github.com", "gitlab.com", "bitbucket.org", "codeberg.org"})
_REGISTRIES = frozenset(
    {"pypi.org", "files.pythonhosted.org", "pypi.python.org", "registry.npmjs.org",
     "registry.yarnpkg.com", "rubygems.org", "index.crates.io", "crates.io",
     "static.crates.io", "github.com/rust-lang/crates.io-index"}
)  # fmt: skip
_URL = re2.compile(r"(?i)^(?:[a-z+]+://)?(?:[^@/]+@)?([a-z0-9.-]+)[:/]([^/]+)/([^/@#?]+)")
_MIN_NAME = 4
#: options of the npm family whose next word is a value, never a package
_VALUE_OPTIONS = frozenset(
    {"--prefix", "-C", "--cwd", "--dir", "--out", "-o", "--workspace", "-w", "--filter",
     "--tag", "--cache", "--userconfig", "--globalconfig", "--modules-folder", "--cache-folder"}
)  # fmt: skip


def url_install_findings(commands: Iterable[SimpleCommand]) -> list[tuple[str, str]]:
    """(rule, evidence) for the first install from an impostor or another index."""
    for command in commands:
        values = [w.value if w.value is not None else w.written for w in command.words]
        program = command.program
        if program.startswith("python") and values[1:3] == ["-m", "pip"]:
            program, values = "pip", values[2:]
        subcommands = _INSTALLERS.get(program)
        if subcommands is None:
            continue
        if subcommands and not any(v in subcommands for v in values[1:3]):
            continue
        why = _source(program, values[1:])
        if why:
            return [("dependency-redirect", f"{program} {why}")]
    return []


def _source(program: str, operands: list[str]) -> str:
    """Why the operands of an install fetch code from an impostor or another index."""
    for index, value in enumerate(operands):
        option, _, joined = value.partition("=")
        if option in _SOURCE_OPTIONS:
            if (option == "-s" and program != "gem") or (option == "-f" and program[:3] != "pip"):
                continue
            given = joined or (operands[index + 1] if index + 1 < len(operands) else "")
            why = _impostor(given) if option == "--git" else _other_index(given)
            if why:
                return f"{option} {given[:80]}: {why}"
        elif option in ("-i", "--index-url") and program[:3] == "pip":
            given = joined or (operands[index + 1] if index + 1 < len(operands) else "")
            why = _other_index(given)
            if why:
                return f"{option} {given[:80]}: {why}"
        elif not value.startswith("-"):
            # after an option only a written URL counts: --prefix packages/web is no shorthand
            after_option = index > 0 and operands[index - 1] in _VALUE_OPTIONS
            why = _impostor(_spec_url(program, value, shorthand=not after_option))
            if why:
                return f"installs {value[:100]!r}: {why}"
    return ""


def _other_index(url: str) -> str:
    if "://" not in url:
        return ""
    host = url.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0].casefold()
    return "" if host in _REGISTRIES else f"the index {host!r} is not the public registry"


def _spec_url(program: str, value: str, *, shorthand: bool = True) -> str:
    """The repository URL an operand installs from, or ``""``."""
    folded = value.casefold()
    if " @ " in folded:
        folded = folded.split(" @ ", 1)[1].strip()
    for prefix in _VCS_PREFIXES:
        if folded.startswith(prefix):
            rest = folded[len(prefix) :]
            return rest if "://" in rest or "@" in rest else f"github.com/{rest}"
    if "://" in folded:
        return folded
    shorthand = (
        shorthand
        and program in _NPM_FAMILY
        and program != "npx"
        and folded.count("/") == 1
        and not folded.startswith(("@", "."))
        and set(folded.split("#")[0]) <= _SHORTHAND_CHARS
    )
    return f"github.com/{folded}" if shorthand else ""


def _impostor(url: str) -> str:
    match = _URL.match(url.strip()) if url else None
    if match is None or match.group(1).casefold() not in _CODE_HOSTS:
        return ""
    owner, repository = match.group(2).casefold(), match.group(3).casefold()
    repository = repository.removesuffix(".git")
    plain_owner, plain_name = _plain(owner), _plain(repository)
    if (
        len(plain_name) >= _MIN_NAME
        and plain_owner != plain_name
        and (plain_owner.startswith(plain_name) or plain_owner.endswith(plain_name))
    ):
        return f"the owner {owner!r} is named after the package"
    for popular in _owners():
        if owner != popular and one_edit(owner, popular) and len(popular) >= _MIN_NAME + 1:
            return f"the owner {owner!r} is one edit from {popular!r}"
    base, dash, word = repository.rpartition("-")
    if dash and word in _FORK_WORDS and _popular_package(base):
        return f"{repository!r} is the popular package {base!r} with {word!r} added"
    return ""


#: Words a fork's name adds to the package it stands in for (``colorama-fixed``).
_FORK_WORDS = frozenset(
    {"fixed", "fix", "patched", "patch", "hotfix", "fork", "forked", "latest", "new", "secure",
     "updated", "update", "pro", "plus", "lite", "next", "improved", "unofficial"}
)  # fmt: skip


def _popular_package(name: str) -> bool:
    """Whether ``name`` is a popular PyPI or npm package (``packages.toml``)."""
    return any(
        normalise(ecosystem, name) in index_for(ecosystem).popular for ecosystem in ("pypi", "npm")
    )


def _plain(name: str) -> str:
    return "".join(c for c in name if c.isalnum())


@cache
def _owners() -> frozenset[str]:
    text = resources.files("aegis.intent_firewall").joinpath("data/packages.toml").read_text()
    return frozenset(owner.casefold() for owner in tomllib.loads(text)["action_owners"])
