"""A tree fetched and built on the same line: a stranger's build run unread.

``git clone https://github.com/r4nd0m/helpers /tmp/h && make -C /tmp/h install`` runs
whatever the stranger's Makefile says; the host is allowed and each command alone is
harmless, so neither is judged a finding. When a line fetches a tree (``git clone``, ``gh
repo clone``, ``svn checkout``, ``hg clone``, or an archive from ``curl``/``wget`` unpacked by
``tar``/``unzip``) and a later command on it builds, installs or runs a script (``make``,
``cmake``, ``./configure``, ``npm install``, ``pip install <dir>``, ``python x/setup.py``,
``sh x/install.sh``, ``cargo build``, ``./x``), that is ``user-script`` (*review*): nobody
has read the code. Cloning to read, or reading the clone's history, passes.
"""

from __future__ import annotations

from collections.abc import Iterable

from aegis.intent_firewall.shell import SimpleCommand

__all__ = ["fetched_build_findings"]

#: program → subcommand words, one or two, that write a tree or files fetched from elsewhere
#: (``git submodule add URL`` a new repository; ``gh release download`` a release's assets)
_CLONERS = {
    "git": frozenset({"clone", "submodule add"}),
    "gh": frozenset({"repo", "release download", "gist clone", "run download"}),
    "svn": frozenset({"checkout", "co", "export"}),
    "hg": frozenset({"clone"}),
}
_DOWNLOADERS = frozenset({"curl", "wget", "aria2c"})
_UNPACKERS = frozenset({"tar", "bsdtar", "unzip", "7z"})
_BUILDERS = frozenset(
    {"make", "gmake", "cmake", "ninja", "meson", "configure", "autoreconf", "autogen.sh",
     "scons", "bazel", "gradle", "gradlew", "mvn", "ant", "rake", "just", "task"}
)  # fmt: skip
#: program → subcommands that run the fetched tree's code (empty: every use does)
_RUNNERS = {
    "npm": frozenset({"install", "i", "ci", "run", "test", "start", "exec", "rebuild"}),
    "yarn": frozenset({"install", "run", "build", "test", "start", ""}),
    "pnpm": frozenset({"install", "i", "run", "build", "test", "start"}),
    "bun": frozenset({"install", "i", "run", "build", "test"}),
    "pip": frozenset({"install"}),
    "pip3": frozenset({"install"}),
    "pipx": frozenset({"install"}),
    "uv": frozenset({"pip", "run", "sync", "tool"}),
    "cargo": frozenset({"build", "install", "run", "test"}),
    "go": frozenset({"build", "install", "run", "generate", "test"}),
    "composer": frozenset({"install", "update"}),
    "bundle": frozenset({"install", "exec"}),
}
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "source", ".", "python", "python3",
                     "node", "ruby", "perl", "php"})  # fmt: skip


def fetched_build_findings(commands: Iterable[SimpleCommand]) -> list[tuple[str, str]]:
    """(rule, evidence) for a build of a tree fetched earlier on the same line."""
    fetched = ""
    downloaded = False
    for command in commands:
        values = [w.value if w.value is not None else w.written for w in command.words]
        program = command.program
        if fetched:
            why = _builds(program, values)
            if why:
                return [("user-script", f"{why} after {fetched}")]
        if program in _CLONERS and _fetches(_CLONERS[program], values):
            fetched = f"{program} {' '.join(values[1:3])}"[:80]
        elif program in _DOWNLOADERS:
            downloaded = True
        elif program in _UNPACKERS and (downloaded or _DOWNLOADERS & set(command.stdin_from)):
            fetched = f"an archive unpacked by {program}"
    return []


def _fetches(verbs: frozenset[str], values: list[str]) -> bool:
    """A fetching verb among the first words (``git -C x clone`` has an option first)."""
    return bool(verbs.intersection([*values[1:3], " ".join(values[1:3]), " ".join(values[2:4])]))


def _builds(program: str, values: list[str]) -> str:
    """What the command runs of a tree, or ``""``."""
    if program in _BUILDERS or program.endswith((".sh", "configure")):
        return " ".join(values[:3])[:80]
    runs = _RUNNERS.get(program)
    if runs is not None:
        subcommand = next((v for v in values[1:] if not v.startswith("-")), "")
        return " ".join(values[:3])[:80] if subcommand in runs else ""
    if program in _SHELLS:
        script = next((v for v in values[1:] if not v.startswith("-")), "")
        runs_file = "/" in script or script.endswith((".sh", ".py", ".js", ".rb", ".pl", ".php"))
        return f"{program} {script}"[:80] if runs_file else ""
    first = values[0] if values else ""
    return first[:80] if "/" in first and not first.startswith(("/usr/", "/bin/")) else ""
