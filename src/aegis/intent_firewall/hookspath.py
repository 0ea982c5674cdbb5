"""``core.hooksPath`` naming a directory of the workspace: the repository's own hooks.

Setting git's hooks path makes git run the programs in that directory at each commit,
checkout or push, so it is code to review. When the setting is the repository's own
(``git config --local``, ``git -c``, a tool's ``{scope: local}``) and the directory lies
inside the working directory (``.githooks``, ``.husky``), the hooks are files of the project
that the project tracks, what ``husky`` or ``pre-commit`` set up; that is no finding. A
directory written earlier in the same request is the request's own code, not the
project's, and keeps the finding, as do a global or system setting (every repository of the
user runs them), a path outside the working directory (``/tmp/h``, ``~/.hooks``, ``..``),
and any value with an expansion in it.
"""

from __future__ import annotations

import posixpath

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.linecontext import word_pairs
from aegis.intent_firewall.paths import resolve_path

__all__ = ["HOOKS_KEY", "LOCAL_SCOPES", "tool_hooks", "workspace_hooks"]

HOOKS_KEY = "core.hookspath"
#: Scopes of a configuration tool that change only the repository at hand.
LOCAL_SCOPES = frozenset({"", "local", "worktree", "repo", "repository"})
_ODD = frozenset("$`~\\\n\r*?[{")
#: The keys of a configuration tool's call that sets the repository's own hooks path.
_TOOL_KEYS = frozenset({"scope", "key", "value", "cwd"})
#: Directories that hold installed, fetched, generated or cached files, never the project's
#: tracked hooks; a directory starting with a dot is one too unless it is a hooks directory.
_FOREIGN_DIRS = frozenset(
    {"node_modules", "bower_components", "vendor", "third_party", "venv", "env", "site-packages",
     "tmp", "temp", "build", "dist", "out", "target", "cache", "__pycache__", "_build", "bin",
     "lib", "deps", "external", "packages"}
)  # fmt: skip
_DOT_HOOKS = frozenset({".githooks", ".husky", ".hooks", ".git-hooks", "_"})
#: Words on a line that bring files in or change them under a tracked name (a hooks
#: directory checked out from elsewhere, a package's hooks), or point git elsewhere.
_FETCHING = frozenset(
    {"fetch", "checkout", "pull", "restore", "submodule", "install", "clone", "switch", "merge",
     "rebase", "cherry-pick", "am", "apply", "reset", "stash", "worktree", "ci", "i", "update",
     "upgrade", "sync", "unzip", "tar", "bsdtar", "rsync", "curl", "wget", "cp", "mv", "ln",
     "patch", "npx", "dlx", "exec", "GIT_DIR", "GIT_WORK_TREE", "GIT_CONFIG_GLOBAL"}
)  # fmt: skip


def _project_directory(relative: str) -> bool:
    """No part of the hooks directory is a dependency, build, cache or hidden directory."""
    for part in relative.split("/"):
        if part.lower() in _FOREIGN_DIRS or (part.startswith(".") and part not in _DOT_HOOKS):
            return False
    return True


def _fetching(scope: Scope) -> bool:
    for word, before in word_pairs(scope):
        name = word.partition("=")[0]
        if name in _FETCHING or name in ("--git-dir", "--work-tree"):
            return True
        if word == "add" and before != "git":  # yarn add, pnpm add: packages installed
            return True
    return False


def workspace_hooks(scope: Scope, value: str, cwd: str) -> bool:
    """Whether the hooks path ``value``, set for the repository at ``cwd``, is a directory
    inside the working directory that this request has not written."""
    value = value.strip().strip("'\"")
    workspace = (scope.workspace or "").rstrip("/")
    if not value or not _ODD.isdisjoint(value) or not workspace or not scope.cwd_known:
        return False
    if not value.startswith("/") and posixpath.normpath(value).startswith(".."):
        return False
    resolved = resolve_path(value, cwd, scope.home).rstrip("/")
    inside = cwd == workspace or cwd.startswith(workspace + "/")
    if not resolved.startswith(workspace + "/") or not inside or _fetching(scope):
        return False
    if not _project_directory(resolved[len(workspace) + 1 :]):
        return False
    return not any(
        written == resolved
        or written.startswith(resolved + "/")
        or resolved.startswith(written + "/")
        for written in scope.written_paths
    )


def tool_hooks(scope: Scope, key: str, value: str, parameters: object) -> bool:
    """A configuration tool's ``{scope: local, key: core.hooksPath, value: .husky}`` (run
    in its ``cwd``, else the working directory): judged as ``git config --local``."""
    if key.lower() != HOOKS_KEY or not isinstance(parameters, dict) or not scope.workspace:
        return False
    if parameters.get("scope") != "local" or not set(parameters) <= _TOOL_KEYS:
        return False  # no scope, "user", a file, a repo or args: maybe not this repository
    cwd = parameters.get("cwd", scope.workspace)
    return isinstance(cwd, str) and workspace_hooks(scope, value, cwd)
