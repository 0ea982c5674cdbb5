"""Writes outside the workspace: the POSIX half of ``windows-path-write``.

A Windows path outside a Windows working directory has long been a finding; a POSIX one was
judged only by the sensitive-path catalogue, so ``cp shell.php /var/www/html/``, ``tee
/srv/app/config.js`` or ``install -m755 x /usr/local/sbin/`` passed as if they were the
workspace's own files. An agent confined to its workspace that writes into a web root,
``/opt``, ``/srv``, ``/usr/local``, ``/var``, another user's home or a mount point changes
the machine, so a person decides (``outside-workspace-write``, review).

Ordinary places stay allowed: the workspace (or the unknown one a relative path lands in),
the scratch trees and ``TMPDIR``, ``XDG_CACHE_HOME``, streams (``/dev/null``, ``/dev/fd/1``)
and the agent's own home, whose start-up files, keys and tool configurations the target
catalogue already names (``~/.bashrc``, ``~/.npmrc``, ``~/.cargo/config.toml``); the rest of
a home is the agent's own data and caches (``~/.cache``, ``~/.npm``, ``~/.m2``). A write
the catalogue already judges as sensitive is not reported twice. Which paths are ordinary is
data: the ``[outside]`` section of ``data/targets.toml``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from aegis.intent_firewall.inerthome import inert_home_config

__all__ = ["home_cache", "home_config", "outside_workspace"]

#: Where a relative path lands when the policy names no working directory (see access.py).
_UNKNOWN_WORKSPACE = "/(workspace)"
#: Variables of the policy's environment whose directories are the agent's scratch.
_SCRATCH_VARIABLES = frozenset({"TMPDIR", "TMP", "TEMP", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})


@cache
def _ordinary() -> tuple[str, ...]:
    """The scratch trees and streams of the catalogue, each as a directory prefix."""
    text = resources.files("aegis.intent_firewall").joinpath("data/targets.toml").read_text()
    section = tomllib.loads(text).get("outside", {})
    roots = [*section.get("scratch", ()), *section.get("streams", ())]
    return tuple(root.rstrip("/") for root in roots if root.startswith("/") and root != "/")


@cache
def _home_caches() -> tuple[str, ...]:
    text = resources.files("aegis.intent_firewall").joinpath("data/targets.toml").read_text()
    caches = tomllib.loads(text).get("outside", {}).get("home_caches", ())
    return tuple(cache.strip("/") for cache in caches if cache.strip("/"))


def home_cache(relative: str) -> bool:
    """``relative`` (a path below the agent's home) is one of its data caches or lies in
    one."""
    return any(relative == cache or relative.startswith(cache + "/") for cache in _home_caches())


def _below(path: str, root: str) -> bool:
    root = root.rstrip("/")
    return bool(root) and (path == root or path.startswith(root + "/"))


def outside_workspace(
    resolved: str,
    workspace: str | None,
    home: str,
    environment: tuple[tuple[str, str], ...] = (),
) -> bool:
    """Whether writing ``resolved`` (absolute, lexical, as ``resolve_path`` gives it)
    changes the machine outside the places an agent writes to as a matter of course.

    With no working directory in the policy an absolute path may still be the workspace;
    it is judged all the same (fail closed): the policy names the workspace to allow it.
    """
    if workspace is not None and _below(resolved, workspace):
        return False  # the common answer first
    if _below(resolved, _UNKNOWN_WORKSPACE):
        return False
    if home != "/" and _below(resolved, home):
        return False
    if any(_below(resolved, root) for root in _ordinary()):
        return False
    return not any(
        name in _SCRATCH_VARIABLES and value.startswith("/") and _below(resolved, value.casefold())
        for name, value in environment
    )


def home_config(
    resolved: str,
    workspace: str | None,
    home: str,
    environment: tuple[tuple[str, str], ...] = (),
) -> bool:
    """Whether writing ``resolved`` changes a dot-file or dot-directory of the agent's home
    that is neither one of its caches nor the workspace or a scratch tree below it.

    What lives there is the configuration and start-up code of the agent's tools (ipython
    and jupyter profiles, ``.pdbrc``, ``.irbrc``, editor plug-ins, credential helpers): the
    catalogue names the well-known ones, and the rest are judged alike, since a tool nobody
    listed reads its directory just the same (fail closed).
    """
    root = home.rstrip("/")
    if not root or not resolved.startswith(root + "/."):
        return False
    relative = resolved[len(root) + 1 :]
    if relative.startswith(("./", "../")) or relative in (".", ".."):
        return False
    if workspace is not None and _below(resolved, workspace):
        return False
    if not outside_workspace(resolved, None, "/", environment):
        return False  # a scratch tree (TMPDIR, XDG_CACHE_HOME) kept in the home
    return not home_cache(relative) and not inert_home_config(relative)
