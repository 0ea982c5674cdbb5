"""Sensitive system paths reached below another directory: a link, a mount or a chroot.

Paths are resolved lexically (the firewall cannot see the disk), so
``/work/project/link_to_root/etc/sudoers`` is a file of the workspace by its text, while on
the machine ``link_to_root`` may be a symbolic link to ``/``, ``mnt/host`` a bind mount of the
host's root and ``rootfs`` a chroot. A path whose *tail*, from a system top directory on
(``etc``, ``root``, ``proc``, ``var``, ``home``, ``boot``, ``windows``), is a credential of the
catalogue (``…/etc/shadow``, ``…/root/.ssh/id_rsa``, ``…/proc/1/environ``) is therefore
``prefixed-system-path`` (*review*). Tails that are harmless or world-readable
(``…/etc/hosts``, ``…/etc/os-release``, ``…/etc/passwd``, a fixture's ``etc/group``) pass.

Also here: another project's MCP configuration (``/home/other/app/.vscode/mcp.json``), which
lists servers with their API keys, is a credential outside the agent's own workspace.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["agent_config_outside", "prefixed_system_path"]

#: Directories a system path starts with (its first segment below /).
_SYSTEM_TOPS = frozenset({"etc", "root", "proc", "var", "home", "boot", "windows", "users", "run"})
#: World-readable account lists: a fixture of them is common and reading them reveals little.
_WORLD_READABLE = frozenset({"/etc/passwd", "/etc/passwd-", "/etc/group", "/etc/group-"})
_MAX_SEGMENTS = 64
#: File names of MCP and agent configurations, with the directory that must hold them.
_AGENT_CONFIGS = (
    ("/.vscode/", "mcp.json"),
    ("/.cursor/", "mcp.json"),
    ("/", "claude_desktop_config.json"),
    ("/", "mcp_config.json"),
    ("/.roo/", "mcp.json"),
    ("/", ".mcp.json"),
)

_AGENT_CONFIG_NAMES = tuple(sorted({name for _, name in _AGENT_CONFIGS}))


#: Directory names that say the tree below them is another machine's root.
_HOST_ROOT_WORDS = ("host", "rootfs", "chroot", "sysroot", "link_to_root", "root_link",
                    "hostroot", "host_root", "hostfs", "mnt", "proc")  # fmt: skip


def prefixed_system_path(
    resolved: str, classify: object, home: str, *, writing: bool = False
) -> str | None:
    """The credential tail of ``resolved`` below a prefix, or ``None``; when ``writing``,
    also a start-up or configuration tail below a directory named for a host's root
    (``mnt/host/etc/cron.d/x``: a job on the host; ``tests/fixtures/etc/cron.d/x`` is not).

    ``classify`` is the target catalogue's ``classify(path, home)``.
    """
    if "/" not in resolved[1:]:
        return None
    directory = resolved[: resolved.rfind("/")]
    if len(directory) <= 512 and not _holds_top(directory):
        return None  # a tail starts at a directory of the path, and none is a system top
    parts = resolved.split("/")[1:]
    # the last segments only (a tail is at the end; padding in front gains nothing)
    segments = parts[-_MAX_SEGMENTS:]
    for index in range(0 if len(parts) > _MAX_SEGMENTS else 1, len(segments) - 1):
        if segments[index].lower() not in _SYSTEM_TOPS:
            continue
        tail = "/" + "/".join(segments[index:]).lower()
        if tail in _WORLD_READABLE:
            continue
        kind = classify(tail, "/root")  # type: ignore[operator]
        if kind == "credential":
            return tail
        if writing and kind in ("persistence", "config") and _host_root(segments[:index]):
            return tail
    return None


@lru_cache(maxsize=4096)
def _holds_top(directory: str) -> bool:
    """Whether a directory name in ``directory`` is a system top (cached per directory: the
    many files of one directory share one entry; short directories only)."""
    return any(segment.lower() in _SYSTEM_TOPS for segment in directory.split("/"))


def _host_root(segments: list[str]) -> bool:
    return any(word in segment.lower() for segment in segments for word in _HOST_ROOT_WORDS)


def agent_config_outside(resolved: str, workspace: str | None) -> bool:
    """``resolved`` is an AI tool's MCP configuration that is not the workspace's own."""
    lowered = resolved.lower()
    if not lowered.endswith(_AGENT_CONFIG_NAMES):
        return False  # the common answer, from one test of the names alone
    if workspace is not None and lowered.startswith(workspace.lower().rstrip("/") + "/"):
        return False
    return any(lowered.endswith(directory + name) for directory, name in _AGENT_CONFIGS)
