"""File paths the rules care about: credentials, system configuration, raw devices.

Paths are compared as paths after normalisation, never as substrings:
``/home/user/etc/passwd-notes.txt`` is not ``/etc/passwd``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from aegis.intent_firewall.canonical import looks_like_path, normalize_path
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["SYSTEM_DIRS", "check_path", "is_system_target"]

SYSTEM_DIRS = frozenset(
    {
        "/",
        "/bin",
        "/boot",
        "/dev",
        "/etc",
        "/home",
        "/lib",
        "/lib32",
        "/lib64",
        "/opt",
        "/proc",
        "/root",
        "/run",
        "/sbin",
        "/srv",
        "/sys",
        "/usr",
        "/var",
        "/usr/bin",
        "/usr/lib",
        "/usr/local",
        "/usr/sbin",
        "/var/lib",
        "/var/log",
    }
)
_CONFIG_ROOTS = ("/etc", "/boot", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/sys", "/proc")
_CREDENTIAL_FILES = frozenset(
    {
        "/etc/passwd",
        "/etc/shadow",
        "/etc/gshadow",
        "/etc/sudoers",
        "/etc/master.passwd",
        "/etc/security/opasswd",
    }
)
_CREDENTIAL_DIRS = ("/etc/sudoers.d/", "/etc/ssh/")
_CREDENTIAL_PARTS = frozenset({".ssh", ".gnupg", ".aws", ".kube"})
_KEY_NAMES = frozenset(
    {
        "id_rsa",
        "id_dsa",
        "id_ecdsa",
        "id_ed25519",
        "authorized_keys",
        "authorized_keys2",
        "known_hosts",
        ".netrc",
        ".pgpass",
        ".git-credentials",
    }
)
_DEVICE = re.compile(r"/dev/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|disk\d|mem$|kmem$)")


def _is_credential(path: str) -> bool:
    if path in _CREDENTIAL_FILES or path.startswith(_CREDENTIAL_DIRS):
        return True
    return bool(_CREDENTIAL_PARTS.intersection(path.split("/"))) or (
        posixpath.basename(path) in _KEY_NAMES
    )


def _is_config(path: str) -> bool:
    return any(path == root or path.startswith(root + "/") for root in _CONFIG_ROOTS)


def check_path(text: str, *, write: bool) -> Iterator[Hit]:
    """Rules that fire when the path ``text`` is read, or written when ``write``."""
    path = normalize_path(text)
    if _is_credential(path):
        yield default_hit("credential-file-write" if write else "credential-file-read", text)
    elif write and _is_config(path):
        yield default_hit("system-config-write", text)
    if write and _DEVICE.match(path):
        yield default_hit("raw-device-write", text)


def is_system_target(arg: str) -> bool:
    """Whether a command argument (globs such as ``/*`` included) names a system directory."""
    stripped = arg.rstrip("*") or "/"
    return looks_like_path(stripped) and normalize_path(stripped) in SYSTEM_DIRS
