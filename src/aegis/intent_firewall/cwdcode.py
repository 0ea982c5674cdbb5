"""Code a program loads from the directory it runs in, after a ``cd`` out of the workspace.

``python -c 'import torch'`` and ``python -m pytest`` put the working directory first on
``sys.path``: a ``torch.py`` or ``pytest/`` there is what runs. ``node -e 'require("x")'``
searches ``./node_modules`` first. Test runners and builds read their configuration and
hooks from it (``conftest.py``, ``Makefile``, ``package.json`` scripts, ``build.rs``,
``tox.ini``). Inside the workspace that is the workspace's own code, judged like ``make``;
after ``cd /tmp/x``, ``pushd ~/Downloads`` or ``cd ../other`` it is whatever someone left
there, and the line is a user script. A version or help query loads nothing and stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.access import UNKNOWN_WORKSPACE
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.targets import targets

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope
    from aegis.intent_firewall.commands import Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["cwd_code", "cwd_outside_workspace"]

#: Interpreters whose inline code, module or standard-input script imports from the working
#: directory first (a script operand imports from the script's own directory instead).
_IMPORTERS = frozenset({"python", "python2", "python3", "pypy", "pypy3", "node", "nodejs"})
#: Options of those interpreters that say the code is not a file operand.
_NO_SCRIPT = frozenset({"-c", "-m", "-e", "-p", "--eval", "--print", "-i", "-"})
#: Programs that read the project in the working directory and run code it holds.
_PROJECT_RUNNERS = frozenset(
    {
        *("pytest", "py.test", "tox", "nox", "hatch", "pdm", "poetry", "pre-commit"),
        *("make", "gmake", "just", "task", "rake", "cmake", "meson", "ninja", "scons"),
        *("npm", "yarn", "pnpm", "bun", "npx", "pnpx", "deno", "jest", "vitest", "mocha"),
        *("cargo", "go", "gradle", "gradlew", "mvn", "mvnw", "sbt", "ant", "dotnet", "mix"),
        *("bundle", "composer", "phpunit", "rspec", "swift", "uv", "pipenv", "ipython"),
    }
)
_HARMLESS = frozenset({"--version", "-V", "--help", "-h", "version", "help"})


def cwd_outside_workspace(scope: Scope, cwd: str) -> bool:
    """Whether ``cwd`` (as the line's ``cd`` left it) lies outside the workspace. With no
    workspace configured the line starts in a stand-in directory; a workspace that is a
    system directory (``/``) says nothing about where its code is, and nothing is flagged."""
    if not scope.cwd_known or not scope.workspace:
        root = UNKNOWN_WORKSPACE
        if cwd == "/":
            return False  # no cd on the line: wherever the agent works
    else:
        root = resolve_path(scope.workspace, "/", scope.home).rstrip("/")
        if not root or targets().is_system_dir(root, scope.home):
            return False
    return not (cwd == root or cwd.startswith(root + "/"))


def cwd_code(scope: Scope, name: str, args: list[Arg], feed: Feed) -> None:
    """``user-script`` when ``name`` loads code of a working directory outside the workspace."""
    if name not in _IMPORTERS and name not in _PROJECT_RUNNERS:
        return
    words = [arg[0] for arg in args[1:]]
    if any(word in _HARMLESS for word in words) and len(words) <= 2:
        return
    if name in _IMPORTERS and not _without_script(words, feed):
        return
    if not cwd_outside_workspace(scope, feed.cwd):
        return
    scope.hit("user-script", f"{name} loads code from {feed.cwd}, outside the workspace")


def _without_script(words: list[str | None], feed: Feed) -> bool:
    """Inline code, a module, standard input or no operand at all: nothing names the file
    the code comes from, so imports start in the working directory."""
    for word in words:
        if word is None:
            return True
        if word in _NO_SCRIPT or word[:2] in ("-c", "-m"):  # -c and -m take their value joined too
            return True
        if not word.startswith("-"):
            return False  # a script operand: its own directory comes first
    return True
