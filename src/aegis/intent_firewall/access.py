"""What touching one path, URL or host means: the target rules in one place.

Every path goes through :func:`resolve_path` once and :meth:`Targets.classify` once; the
evidence names the role, the path as resolved and, when it differs, as written:
``read '/etc/shadow' (written /e?c/sh?dow)``.
"""

from __future__ import annotations

import ipaddress
import itertools
import posixpath
import unicodedata
from dataclasses import dataclass, field
from email.utils import getaddresses
from functools import lru_cache
from urllib.parse import unquote

from aegis.intent_firewall.globbing import glob_match, glob_reaches
from aegis.intent_firewall.guardtamper import guard_config_path
from aegis.intent_firewall.hosts import host_allowed, host_of, url_host, urls_in
from aegis.intent_firewall.loopback import allows_loopback, is_loopback, sensitive_local_path
from aegis.intent_firewall.outside import home_cache, home_config, outside_workspace
from aegis.intent_firewall.paths import (
    has_nul,
    is_evasive,
    is_odd_spelling,
    is_windows_absolute,
    resolve_path,
)
from aegis.intent_firewall.prefixed import agent_config_outside, prefixed_system_path
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.targets import (
    CONFIG,
    CREDENTIAL,
    DEVICE,
    LOG,
    PERSISTENCE,
    PRIVILEGED,
    Targets,
    home_relative,
    sensitive_below,
    targets,
)
from aegis.intent_firewall.text import written_as

__all__ = ["Scope", "judge_host", "judge_path", "judge_url", "note_link"]

_WRITE_RULES = {
    CREDENTIAL: "credential-file-write",
    PERSISTENCE: "persistence-write",
    CONFIG: "system-config-write",
    DEVICE: "raw-device-write",
    PRIVILEGED: "container-escape",
    LOG: "log-tampering",
}
#: Scratch directories (paths judged, not files this module opens).
_SCRATCH = ("/tmp/", "/var/tmp/", "/dev/shm/")  # noqa: S108
#: Schemes that speak a raw protocol or open a local resource through a wrapper (PHP's
#: zip://, glob://, compress.zlib://, ssh2.exec://): never an ordinary fetch.
_RAW_SCHEMES = frozenset(
    {"gopher", "dict", "jar", "netdoc", "expect", "phar", "zip", "glob", "rar", "ogg",
     "compress.zlib", "compress.bzip2", "ssh2.exec", "ssh2.shell", "ssh2.tunnel",
     "ssh2.sftp", "ssh2.scp"}
)  # fmt: skip
_SAFE_KEY_MODES = frozenset(
    {
        "600",
        "400",
        "700",
        "0600",
        "0400",
        "0700",
        "go-rwx",
        "og-rwx",
        "u=rw",
        "u=r",
        "u=rw,go=",
        "a-rwx",
        "go=",
        "g-rwx",
        "o-rwx",
    }
)


@dataclass(slots=True)
class Scope:
    """What judging needs from the policy, and where the findings go."""

    home: str
    allowed_hosts: frozenset[str]
    allowed_programs: frozenset[str] = frozenset()
    cwd_known: bool = True
    prose: bool = False
    hits: list[Hit] = field(default_factory=list)
    #: The configured working directory (None when the policy names none).
    workspace: str | None = None
    #: Characters of a recipient list handed to the address parser (see ``Limits``).
    max_address_list: int = 2048
    #: Resolved paths and trees this request writes, in the order its commands name them: a
    #: workspace script written earlier on the same line is the agent's text, not the
    #: workspace's (see ``workspacescripts``). Bounded like ``hits``.
    written_paths: list[str] = field(default_factory=list)
    #: Environment variables the policy knows (see ``Policy.environment``).
    environment: tuple[tuple[str, str], ...] = ()
    #: Whether the policy's working directory was given as a Windows path (``C:\\work``).
    windows_workspace: bool = False
    #: Links this request makes, as (resolved link, resolved target): a write below one
    #: lands in the target (``ln -s /opt/app conf && echo x > conf/y``). Bounded.
    links: list[tuple[str, str]] = field(default_factory=list)
    #: The shell lines of this request as written, outer before inner (see ``linecontext``).
    lines: list[str] = field(default_factory=list)

    def hit(self, rule: str, evidence: str) -> None:
        if len(self.hits) < 256:
            self.hits.append(default_hit(rule, evidence))


@lru_cache(maxsize=16)
def _glob_candidates(own_home: str) -> tuple[str, ...]:
    """Concrete sensitive paths a glob is tested against (homes as /root, /home/user and the
    configured home; a process's files under /proc/1 and /proc/self)."""
    catalogue: Targets = targets()
    paths = set(catalogue.files) | set(catalogue.dirs) | set(catalogue.system_dirs)
    paths |= {f"/proc/{pid}/{name}" for pid in ("1", "self") for name in ("environ", "mem")}
    for home in ("/root", "/home/user", own_home):
        paths |= {f"{home}/{rel}" for rel in catalogue.home_files}
        paths |= {f"{home}/{rel}" for rel in catalogue.home_dirs}
        paths |= {f"{home}/.ssh/{name}" for name in ("id_rsa", "id_ed25519", "id_ecdsa")}
    return tuple(sorted(paths))


@lru_cache(maxsize=16)
def _glob_directories(own_home: str) -> tuple[str, ...]:
    """Sensitive directories a glob may descend through (``~/.a?s/c*ls``)."""
    catalogue: Targets = targets()
    found = set(catalogue.dirs)
    for home in ("/root", "/home/user", own_home):
        found |= {f"{home}/{rel}" for rel in catalogue.home_dirs}
    return tuple(sorted(found))


def _glob_targets(pattern: str, home: str, role: str) -> list[str]:
    """What a glob may stand for: catalogue paths it matches, and sensitive directories it
    descends through (unless it only reads public halves, ``~/.s?h/*.pub``)."""
    found = [path for path in _glob_candidates(home) if glob_match(pattern, path)]
    if not (role.startswith("read") and pattern.endswith(targets().public_suffixes)):
        found += [path for path in _glob_directories(home) if glob_reaches(pattern, path)]
    return found[:64]


#: Where a path written relative (``.``, ``./x``, ``*``, ``$PWD``) lands when the policy names
#: no working directory: an abstract root that no catalogue entry matches, never ``/``. A
#: path that climbs out of it (``..``) reaches the real root, and is judged there.
UNKNOWN_WORKSPACE = "/(workspace)"


def in_unknown_workspace(path: str) -> bool:
    return path == UNKNOWN_WORKSPACE or path.startswith(UNKNOWN_WORKSPACE + "/")


def judge_path(
    scope: Scope,
    role: str,
    value: str,
    written: str,
    cwd: str,
    *,
    glob: bool = False,
    known: bool = True,
) -> None:
    """Rules for ``role`` (read, write, delete, perm, perm:<mode>) on one path; ``known`` is
    False when the role is only a guess (no ``outside-workspace-write`` then)."""
    if not scope.cwd_known and cwd == "/" and stays_below_unknown_cwd(value):
        cwd = UNKNOWN_WORKSPACE
    plain = _PLAIN_PATH.issuperset(value)
    resolved = _spelling(scope, role, value, written, cwd, plain=plain)
    findings = len(scope.hits)
    if resolved.startswith(("/dev/tcp/", "/dev/udp/")):
        parts = resolved.split("/")
        judge_host(scope, parts[3] if len(parts) > 3 else "", written)
        return
    if role.startswith("write"):
        _note_written(scope, resolved, glob=glob)
    if resolved.startswith(UNKNOWN_WORKSPACE) and in_unknown_workspace(resolved):
        _unknown_workspace(scope, role, resolved, written, glob=glob)
        cwd = UNKNOWN_WORKSPACE
    elif (
        role.startswith("delete")  # the whole workspace, or its history
        and scope.workspace is not None
        and resolved.startswith(scope.workspace)
    ):
        _whole_workspace(scope, role, resolved, written, glob=glob)
    paths = _glob_targets(resolved, scope.home, role) if glob else [resolved]
    if glob and (
        role.startswith(("delete", "perm"))
        or (role.startswith("read") and not resolved.endswith(targets().public_suffixes))
    ):
        parent = resolved.split("*", 1)[0].split("?", 1)[0].split("[", 1)[0]
        parent = posixpath.dirname(parent) if not parent.endswith("/") else parent.rstrip("/")
        paths.append(parent or "/")
    relative_guess = not scope.cwd_known and not value.startswith(("/", "~", "$", "."))
    inside = scope.cwd_known or stays_below_unknown_cwd(value) or cwd == UNKNOWN_WORKSPACE
    first_role = role
    for path in paths:
        role = _judge_target(
            scope, role, path, written, cwd, guessed=relative_guess, inside_cwd=inside
        )
    _below_prefix(scope, first_role, resolved, written)
    if (
        known
        and scope.workspace is not None  # without one there is no outside (_outside_write)
        and len(scope.hits) == findings
        and (plain or not is_windows_absolute(value))
    ):
        _outside_write(scope, first_role, resolved, written)
    if cwd == UNKNOWN_WORKSPACE and _names_system_root(value):
        # the unknown working directory may be / itself: etc/shadow is then /etc/shadow. Only
        # reading it, or planting a key or a start-up file, is judged so: bin/, lib/ and etc/
        # are as often a project's own directories
        rooted = resolve_path(value, "/", scope.home)
        if first_role.startswith("read") or targets().classify(rooted, scope.home) in (
            CREDENTIAL,
            PERSISTENCE,
        ):
            _judge_target(scope, first_role, rooted, written, "/", guessed=True)


#: Characters of a path that hold no NUL byte, percent escape, drive or backslash.
_PLAIN_PATH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+@,=")


def _spelling(scope: Scope, role: str, value: str, written: str, cwd: str, *, plain: bool) -> str:
    """What the path's spelling alone tells (a NUL byte, evasion, a UNC host, a Windows path
    changed), in that order; the path resolved. A ``plain`` path (only
    :data:`_PLAIN_PATH` characters, the common one) can hold no NUL byte and no Windows
    path: those checks are skipped for it."""
    if not plain and has_nul(value):
        scope.hit("opaque-value", f"NUL byte in path {written_as(value, written)}")
    _evasion(scope, value, written)
    if value[:1] in ("/", "\\") and value[1:2] in ("/", "\\"):  # //host, \\host, \\?\UNC
        _unc_host(scope, value, written)
    resolved = resolve_path(value, cwd, scope.home)
    if not plain:
        _windows_write(scope, role, value, written, resolved)
    return resolved


def _windows_write(scope: Scope, role: str, value: str, written: str, resolved: str) -> None:
    """A Windows path changed outside a Windows working directory (see
    :func:`~aegis.intent_firewall.paths.is_windows_absolute`)."""
    if not (role.startswith(("write", "delete", "perm")) and is_windows_absolute(value)):
        return
    workspace = scope.workspace if scope.windows_workspace else None
    if workspace is not None and (resolved == workspace or resolved.startswith(workspace + "/")):
        return
    scope.hit("windows-path-write", f"{role} {written_as(value, written)} outside the workspace")


def _note_written(scope: Scope, resolved: str, *, glob: bool) -> None:
    """Remember a path this request writes (bounded; see ``Scope.written_paths``)."""
    if len(scope.written_paths) < 256:
        # a glob writes somewhere below the directory that holds its first wildcard
        stem = resolved.split("*", 1)[0].split("?", 1)[0].split("[", 1)[0]
        scope.written_paths.append(posixpath.dirname(stem) if glob else resolved)


def note_link(scope: Scope, target: str | None, link: str | None, cwd: str) -> None:
    """Remember a link ``ln`` makes (see ``Scope.links``): the link as written and, as
    ``ln`` does when it names a directory, below it under the target's name."""
    if target is None or link is None or len(scope.links) >= 16:
        return
    resolved_link = resolve_path(link, cwd, scope.home).rstrip("/") or "/"
    base = posixpath.dirname(resolved_link) if not link.endswith("/") else resolved_link
    resolved_target = resolve_path(target, base, scope.home).rstrip("/") or "/"
    name = posixpath.basename(resolved_target)
    scope.links.append((resolved_link, resolved_target))
    if name:
        scope.links.append((f"{resolved_link}/{name}", resolved_target))


def _outside_write(scope: Scope, role: str, resolved: str, written: str) -> None:
    """The POSIX half of :func:`_windows_write`: a path changed outside the workspace the
    policy names, its home and scratch (outside.py), when no rule judged it already (a
    sensitive target, a system directory). Without a named workspace there is no outside:
    ``/srv/app`` may be the workspace itself."""
    if not role.startswith(("write", "delete", "perm")):
        return
    if home_config(resolved, scope.workspace, scope.home, scope.environment):
        scope.hit("home-config-write", f"{role} {written_as(resolved, written)} in the home")
        return
    if scope.workspace is None:
        return
    for link, target in scope.links:
        if resolved == link or resolved.startswith(link + "/"):
            resolved = target + resolved[len(link) :]  # written through a link to target
            break
    if outside_workspace(resolved, scope.workspace, scope.home, scope.environment):
        shown = written_as(resolved, written)
        scope.hit("outside-workspace-write", f"{role} {shown} outside the workspace")


def _below_prefix(scope: Scope, role: str, resolved: str, written: str) -> None:
    """A credential reached through a link, mount or chroot below another directory, and
    AI tools' MCP configurations outside the workspace (prefixed.py)."""
    writing = role.startswith(("write", "delete", "perm"))
    tail = prefixed_system_path(resolved, targets().classify, scope.home, writing=writing)
    # the evidence is written out only for a finding (most paths have none)
    if tail is not None:
        shown = written_as(resolved, written)
        scope.hit("prefixed-system-path", f"{role} {shown}: {tail} below another directory")
    if role.startswith(("write", "delete")):
        kind = guard_config_path(resolved)
        if kind == "aegis" or (kind == "guard" and role.startswith("delete")):
            shown = written_as(resolved, written)
            scope.hit("guard-disabled", f"{role} {shown}: the guard's configuration")
    if not resolved.startswith(UNKNOWN_WORKSPACE) and agent_config_outside(
        resolved, scope.workspace
    ):
        rule = "credential-file-read" if role.startswith("read") else "credential-file-write"
        shown = written_as(resolved, written)
        scope.hit(rule, f"{role} {shown}: an AI tool's MCP configuration")


def _names_system_root(value: str) -> bool:
    """A relative path whose first directory is one of / (``etc/shadow``, ``./proc/1/mem``)."""
    first = posixpath.normpath(value.replace("\\", "/")).split("/", 1)[0].casefold()
    return "/" + first in _system_tops()


@lru_cache(maxsize=1)
def _system_tops() -> frozenset[str]:
    catalogue = targets()
    every = set(catalogue.files) | set(catalogue.dirs) | set(catalogue.system_dirs)
    return frozenset("/" + path.split("/")[1] for path in every if path.count("/") >= 1) - {"/"}


def _unknown_workspace(scope: Scope, role: str, resolved: str, written: str, *, glob: bool) -> None:
    """The whole of a working directory the policy does not name (``rm -rf .``, ``rm -rf *``,
    ``chmod -R 777 .``) could be anything, a home or a checkout: a person decides."""
    if role == "delete-tree" and resolved.rstrip("/") == UNKNOWN_WORKSPACE + "/.git":
        scope.hit("workspace-root-delete", f"{role} {written_as(resolved, written)}")
        return
    whole = resolved == UNKNOWN_WORKSPACE or (
        glob
        and posixpath.dirname(resolved) == UNKNOWN_WORKSPACE
        and posixpath.basename(resolved).strip("*?") in ("", ".")
    )
    if not whole:
        return
    if role == "delete-tree" or (role.startswith("perm:") and opens_up(role[5:])):
        scope.hit("unknown-workspace-root", f"{role} {written_as(resolved, written)}")


def _whole_workspace(
    scope: Scope, role: str, resolved: str, written: str, *, glob: bool = False
) -> None:
    """The named working directory itself, or its version history, deleted as a whole
    (``rm -rf .``, ``rm -rf /work/project``, ``rm -rf ./*``, ``rm -rf .git``): inside the
    workspace, yet nothing a build does and nothing to undo, so a person decides (as for the
    unknown working directory and ``git clean -x``)."""
    workspace = (scope.workspace or "").rstrip("/") or "/"
    path = resolved.rstrip("/") or "/"
    # a glob of dotfiles (.* .[!.]*) takes .git with it; a bare * at the root takes every
    # untracked file of the project (a build directory's * stays a clean)
    whole = path == workspace or (
        glob
        and posixpath.dirname(resolved) == workspace
        and posixpath.basename(resolved).strip("*?") in ("", ".", ".[!.]", ".[^.]")
    )
    history = role.startswith("delete") and _history(path, f"{workspace}/.git", glob=glob)
    if (role == "delete-tree" and whole) or history:
        scope.hit("workspace-root-delete", f"{role} {written_as(resolved, written)}")


#: What of a repository's ``.git`` holds its history: its objects, its branches and tags, and
#: the reflog (``.git/index.lock`` or ``.git/hooks/x`` are not history).
_HISTORY_PARTS = frozenset({"objects", "refs", "packed-refs", "logs"})


def _history(path: str, git: str, *, glob: bool) -> bool:
    """``path`` is the repository ``git`` itself, the parts of it that hold its history
    (``.git/objects``), or all of its contents (``.git/*``)."""
    if path == git:
        return True
    if not path.startswith(git + "/"):
        return False
    first = path[len(git) + 1 :].split("/", 1)[0]
    return first in _HISTORY_PARTS or (glob and first.strip("*?") in ("", "."))


def is_named_workspace(scope: Scope, value: str, cwd: str, *, below: bool = False) -> bool:
    """``value`` resolves to the working directory the policy names (or, with ``below``, to a
    path inside it): ``.``, ``./``, ``../project``, its absolute path."""
    if scope.workspace is None:
        return False
    workspace = scope.workspace.rstrip("/") or "/"
    resolved = resolve_path(value, cwd, scope.home).rstrip("/") or "/"
    return resolved == workspace or (below and resolved.startswith(workspace + "/"))


def opens_up(mode: str) -> bool:
    """A chmod mode that lets every user write (``777``, ``o+w``, ``a=rwx``) or sets setuid."""
    if mode.isdigit():
        digits = mode.lstrip("0")
        world_writable = bool(digits) and int(digits[-1]) & 2 != 0
        return world_writable or (len(digits) == 4 and digits[0] in "234567")
    for part in mode.split(","):
        who, _, rest = part.partition("+") if "+" in part else part.partition("=")
        if rest and ("s" in rest or ("w" in rest and ("a" in who or "o" in who))):
            return True
    return False


def _judge_target(  # noqa: PLR0912
    scope: Scope,
    role: str,
    path: str,
    written: str,
    cwd: str,
    *,
    guessed: bool,
    inside_cwd: bool = True,
) -> str:
    """Rules for ``role`` on one resolved path; the role the next target of a glob gets.

    ``inside_cwd`` is False for a path written absolute (or climbing out) when the policy
    names no working directory: ``/`` stands in for the unknown one, so without it every
    path would count as the agent's own."""
    catalogue = targets()
    kind = catalogue.classify(path, scope.home)
    if kind is None and role == "read":
        return role  # no rule below fires on reading an ordinary file
    if role in ("read", "read-tree"):
        sweeping = role == "read-tree" and _holds_credentials(path, scope.home)
        if kind is None and not sweeping:
            return role  # nor on reading an ordinary tree
        shown = f"{role} {written_as(path, written)}"
        if sweeping:
            scope.hit("sensitive-tree-read", shown)
        if kind == CREDENTIAL and not _plain_account_list(catalogue, path, written):
            scope.hit("credential-file-read", shown)
        elif kind == DEVICE and catalogue.is_device_readable(path):
            scope.hit("raw-device-read", shown)
        elif kind == PRIVILEGED:
            scope.hit("container-escape", shown)
        return role
    system = catalogue.is_system_dir(path, scope.home) and not guessed
    if kind is None and not system and role == "write":
        return role  # nor on writing one
    # the evidence names the role as given (write-tree too), and is written out only for a
    # finding: most paths draw none
    named = role.split(":", maxsplit=1)[0]
    if role == "write-tree":
        _tree_write(scope, path, named, written, guessed=guessed)
        role = "write"
    rule = None
    if role.startswith("delete") and system:
        rule = "recursive-delete-system"
    elif role == "write" and system and home_relative(path, scope.home) != "":
        rule = "system-config-write"
    elif role.startswith("perm") and system:
        rule = "recursive-permission-system"
    elif role == "link-target":
        if kind in (CREDENTIAL, PRIVILEGED) or system:
            rule = "sensitive-link"
    elif kind == CREDENTIAL and role.startswith("perm:") and role[5:] in _SAFE_KEY_MODES:
        pass  # tightening a key's permissions is hygiene, not an attack
    elif kind == CREDENTIAL and role == "write" and _workspace_file(scope, path, cwd):
        pass  # a new key or .env written in the workspace is the agent's own file
    elif kind == PERSISTENCE and role.startswith("perm:") and _executable_hook(scope, role, path):
        pass  # chmod +x .git/hooks/pre-commit: what it runs was judged when it was written
    elif kind is not None:
        rule = _WRITE_RULES[kind]
    elif role == "delete-tree" and not _disposable(
        path, _own_tree(scope, cwd, inside_cwd), scope.home
    ):
        shown = f"{named} {written_as(path, written)}"
        scope.hit("destructive-command", f"recursive {shown} outside the working directory")
    if rule is not None:
        scope.hit(rule, f"{named} {written_as(path, written)}")
    return role


def _executable_hook(scope: Scope, role: str, path: str) -> bool:
    """A mode that makes a workspace hook runnable by its owner and opens nothing up."""
    from aegis.intent_firewall.hookcontent import workspace_hook

    mode = role[5:]
    if opens_up(mode) or mode.lstrip("0") not in ("+x", "u+x", "a+x", "755", "750", "700"):
        return False
    return scope.cwd_known and workspace_hook(path, "/", scope.home, scope.workspace) is not None


def _plain_account_list(catalogue: Targets, path: str, written: str) -> bool:
    """A world-readable account list (``/etc/passwd``) named as itself: no ``..`` climbing to
    it, no encoding and no ``/proc/self/root``, the shapes of path traversal through a
    parameter that expects a file of its own."""
    return path in catalogue.world_readable and not any(
        mark in written for mark in ("..", "%", "\\", "\x00", "/proc/")
    )


def _redirect_targets(scope: Scope, value: str, written: str, cwd: str) -> None:
    """URLs inside a URL's query (``?redirect_uri=https://evil``), plain or encoded: an
    allowed host that redirects or posts back there sends the request on."""
    rest = value.partition("://")[2]
    lowered = rest.lower()
    if "://" not in rest and "%3a%2f%2f" not in lowered:
        return
    for nested in itertools.islice(urls_in(unquote(unquote(rest))), 8):
        parsed = url_host(nested)
        if parsed is not None:
            judge_host(scope, parsed[1], written)


def _evasion(scope: Scope, value: str, written: str) -> None:
    if ("%" in value or ".." in value or "`" in value or "$(" in value) and is_evasive(value):
        scope.hit("path-evasion", f"path {written_as(value, written)}")
    odd = is_odd_spelling(value)
    if odd is not None:
        scope.hit("path-evasion", f"{odd} in path {written_as(value, written)}")


def _unc_host(scope: Scope, value: str, written: str) -> None:
    """A UNC path (\\\\host\\share\\file) reaches the network; its rest is judged as a path."""
    spelled = value.replace("\\", "/")
    if spelled[:8].lower() in ("//?/unc/", "//./unc/"):
        spelled = "//" + spelled[8:]
    if spelled[:2] == "//" and spelled[2:3] not in ("?", ".", "/"):
        judge_host(scope, spelled[2:].split("/", 1)[0], written)


def _tree_write(scope: Scope, path: str, named: str, written: str, *, guessed: bool) -> None:
    """Writing a whole tree (extracting, copying recursively) into a root that holds
    sensitive files may replace any of them."""
    if not guessed and sensitive_below(path, scope.home, credential_only=False):
        scope.hit("sensitive-tree-write", f"{named} {written_as(path, written)}")


def _holds_credentials(path: str, home: str) -> bool:
    """Trees whose recursive reading sweeps up credentials: /, /etc, /home, homes, /var/lib."""
    return (
        path in ("/", "/etc", "/home", "/root", "/var", "/var/lib", "/users")
        or home_relative(path, home) == ""
        or sensitive_below(path, home, credential_only=True)
    )


def _workspace_file(scope: Scope, path: str, cwd: str) -> bool:
    """A file below a known working directory that is not itself a system or home root."""
    if cwd == UNKNOWN_WORKSPACE:
        return in_unknown_workspace(path)
    if not scope.cwd_known or targets().is_system_dir(cwd, scope.home):
        return False
    relative = home_relative(path, scope.home)
    if relative is not None and targets().classify(cwd + "/x", scope.home) is not None:
        return False
    return path.startswith(cwd.rstrip("/") + "/")


def _own_tree(scope: Scope, cwd: str, inside_cwd: bool) -> str | None:
    """The tree an agent may delete below: the working directory the policy names (not
    wherever a ``cd ..`` went), else the shell's, when the path stays inside it."""
    if scope.workspace is not None:
        return scope.workspace
    return cwd if inside_cwd else None


def _disposable(path: str, cwd: str | None, home: str) -> bool:
    """Trees an agent may remove without asking: its workspace, temp and cache directories."""
    if cwd is not None and (path == cwd or path.startswith(cwd.rstrip("/") + "/")):
        return True
    if path.startswith(_SCRATCH):
        return True
    relative = home_relative(path, home)
    return relative is not None and home_cache(relative)


def stays_below_unknown_cwd(value: str) -> bool:
    """A path written relative that does not climb out (``build``, ``./dist/x``): below
    whatever the working directory is, even when the policy does not name it."""
    if value.startswith(("/", "~", "$", "\\")) or value[1:2] == ":":
        return False
    normal = posixpath.normpath(value.replace("\\", "/"))
    return normal != ".." and not normal.startswith("../")


def judge_host(scope: Scope, host: str, written: str) -> None:
    if not host:
        return
    if is_loopback(host) and allows_loopback(scope.allowed_hosts):
        return  # 127.1, [::1], 0.0.0.0, localhost.: one machine, allowed under any spelling
    if host_allowed(host, scope.allowed_hosts) and (
        written.isascii() or host in unicodedata.normalize("NFKC", written).casefold()
    ):
        return  # allowed as written: not only after look-alike letters were folded (ɡithub)
    scope.hit("unknown-network-destination", f"host {host!r} in {written!r}"[:200])


def _address_range(value: str) -> bool:
    """``10.0.0.0/8``, ``0.0.0.0/0``, ``fe80::/10``: a network of more than one address."""
    if "/" not in value or "://" in value or len(value) > 64:
        return False
    try:
        network = ipaddress.ip_network(value, strict=False)
    except ValueError:
        return False
    return network.prefixlen < network.max_prefixlen


def _local_control_api(scope: Scope, host: str, value: str, written: str) -> None:
    """Loopback is allowed for the app under test; a secret store, admin API or cloud
    metadata path on it is not that app."""
    if is_loopback(host):
        segment = sensitive_local_path(value)
        if segment:
            scope.hit("local-control-api", f"{segment!r} on the local host in {written[:100]!r}")


def _privileged_port(scope: Scope, value: str, written: str) -> None:
    """A container or cluster API reached by its TCP port (``http://localhost:2375/…``)."""
    rest = value.partition("://")[2] if "://" in value else value
    for stop in "/?#":
        rest = rest.partition(stop)[0]
    authority = rest.rpartition("@")[2]
    port = authority.rpartition("]")[2] if authority.startswith("[") else authority
    digits = port.rpartition(":")[2] if ":" in port else ""
    if digits.isdigit() and len(digits) <= 5 and int(digits) in targets().privileged_ports:
        scope.hit("container-escape", f"container or cluster API port in {written[:100]!r}")


def _recipients(scope: Scope, value: str, written: str) -> None:
    """ "support@allowed" <drop@evil>, a@allowed, b@evil: every address in the list. The
    parser's time grows with the text (8,000 "<" take 20 ms): past the bound only the
    first part is read, and the rest is a finding, never a pass."""
    listed = value[: scope.max_address_list]
    if len(value) > len(listed):
        scope.hit("too-large", f"recipient list of {len(value)} characters, not all read")
    for _, address in getaddresses([listed.replace(";", ",")])[:16]:
        judge_host(scope, address.rpartition("@")[2], written)


def _query_payloads(scope: Scope, value: str) -> None:
    """Injection payloads in the URL's query values or encoded path (querypayloads.py)."""
    if "?" in value or "%" in value:
        from aegis.intent_firewall.querypayloads import query_payload_findings

        for rule, evidence in query_payload_findings(value):
            scope.hit(rule, evidence)


def judge_url(scope: Scope, value: str, written: str, cwd: str) -> None:
    """A URL or scheme-less host given where a program expects a network destination."""
    if _address_range(value):
        # 0.0.0.0/0 is every address, not this machine: a range is never one allowed host
        scope.hit("unknown-network-destination", f"address range {written[:100]!r}")
        return
    if ":" in value:
        _privileged_port(scope, value, written)
    if "\\" in value and "://" in value:
        # browsers read \ as /, other clients as a plain character (github.com\@evil:
        # evil is the host for them): every reading is judged
        judge_url(scope, value.replace("\\", ""), written, cwd)
    if "@" in value and any(c in value for c in "<,;"):
        _recipients(scope, value, written)
    if "$(" in value or "`" in value:
        scope.hit("shell-expansion", f"destination {value[:100]!r} built by the shell")
    if "%" in value and "@" in value:
        # evil%23@allowed: a client that decodes before it splits goes to evil (one level;
        # the parse below judges the undecoded reading)
        decoded = url_host(unquote(value))
        if decoded is not None:
            judge_host(scope, decoded[1], written)
    parsed = url_host(value)
    if parsed is None and value.partition(":")[0].strip().lower() in _RAW_SCHEMES:
        scope.hit("raw-protocol-url", f"URL {written[:100]!r} without a host")  # netdoc:///
    if parsed is None and value.startswith("file:"):
        judge_path(scope, "read", value, written, cwd)
        return
    if parsed is not None:
        if parsed[0] in _RAW_SCHEMES:
            scope.hit("raw-protocol-url", f"{parsed[0]}: URL {written[:100]!r}")
        judge_host(scope, parsed[1], written)
        _local_control_api(scope, parsed[1], value, written)
        _redirect_targets(scope, value, written, cwd)
        _query_payloads(scope, value)
        return
    host = host_of(value)
    if host is not None:
        judge_host(scope, host, written)
        _local_control_api(scope, host, f"//{value}", written)  # localhost:8080/admin
        _query_payloads(scope, value)
