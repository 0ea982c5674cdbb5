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
from aegis.intent_firewall.paths import resolve_path

__all__ = ["HOOKS_KEY", "LOCAL_SCOPES", "tool_hooks", "workspace_hooks"]

HOOKS_KEY = "core.hookspath"
#: Scopes of a configuration tool that change only the repository at hand.
LOCAL_SCOPES = frozenset({"", "local", "worktree", "repo", "repository"})
_ODD = frozenset("$`~\\\n\r*?[{")


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
    if not resolved.startswith(workspace + "/") or not inside:
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
    where = parameters.get("scope", parameters.get("level", ""))
    if not isinstance(where, str) or where.strip().lower() not in LOCAL_SCOPES:
        return False
    if any(parameters.get(flag) for flag in ("global", "system", "file")):
        return False
    cwd = parameters.get("cwd", scope.workspace)
    return isinstance(cwd, str) and workspace_hooks(scope, value, cwd)
