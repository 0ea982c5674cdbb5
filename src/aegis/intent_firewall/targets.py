"""Which paths are sensitive, and how: a catalogue kept as data (``data/targets.toml``).

Classification is a handful of dictionary lookups (the path, each ancestor, the path under
its home directory, its base name and suffix), so its cost does not grow with the
catalogue. Public halves of key pairs (``*.pub``) are never credentials.
"""

from __future__ import annotations

import posixpath
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from aegis.intent_firewall.inerthome import inert_home_config

__all__ = ["Targets", "home_relative", "sensitive_below", "targets"]

CREDENTIAL, DEVICE, PERSISTENCE, CONFIG, PRIVILEGED, LOG = (
    "credential",
    "device",
    "persistence",
    "config",
    "privileged",
    "log",
)
_ORDER = (CREDENTIAL, PRIVILEGED, DEVICE, PERSISTENCE, LOG, CONFIG)


@dataclass(frozen=True, slots=True, eq=False)
class Targets:
    files: dict[str, str]
    dirs: dict[str, str]
    home_files: dict[str, str]
    home_dirs: dict[str, str]
    names: frozenset[str]
    suffixes: tuple[str, ...]
    public_suffixes: tuple[str, ...]
    public_names: frozenset[str]
    device_safe: frozenset[str]
    device_readable: tuple[str, ...]
    system_dirs: frozenset[str]
    #: Credential base names that carry a varying tail (krb5cc_1000, krb5cc_0_abc).
    prefixes: tuple[str, ...] = ()
    #: Credential base names that carry a varying head and tail (a Firebase Admin SDK key is
    #: ``<project>-firebase-adminsdk-<id>.json``).
    infixes: tuple[str, ...] = ()
    persistence_segments: tuple[str, ...] = ()
    persistence_names: frozenset[str] = frozenset()
    persistence_pairs: tuple[tuple[str, str], ...] = ()
    #: Devices that never reach end of file (/dev/zero): copied unbounded, they fill a disk.
    device_endless: frozenset[str] = frozenset()
    privileged_ports: frozenset[int] = frozenset()
    #: Credential files every user may read (account lists): only writing them is a finding.
    world_readable: frozenset[str] = frozenset()

    def classify(self, path: str, home: str) -> str | None:
        """The most serious class ``path`` falls in, or ``None``. A backup copy of a
        credential (``/etc/shadow~``, ``id_rsa.bak``) holds the same secret."""
        kind = _classify_with(self, path, home) if len(path) > 512 else _classify(path, home)
        if kind != "credential" and path.endswith(_BACKUP_SUFFIXES):
            for suffix in _BACKUP_SUFFIXES:
                if path.endswith(suffix) and len(path) > len(suffix) + 1:
                    original = path[: -len(suffix)]
                    if _classify(original, home) == "credential":
                        return "credential"
        return kind

    def credential_name(self, name: str) -> bool:
        """Whether a bare file name (no directory: ``.env``, ``id_rsa``, ``prod.pem``) names a
        credential wherever it lies; a template or public form (``.env.example``,
        ``id_rsa.pub``) does not."""
        if "/" in name or name.endswith(self.public_suffixes) or name in self.public_names:
            return False
        return (
            name in self.names
            or name.endswith(self.suffixes)
            or name.startswith(self.prefixes)
            or _holds(name, self.infixes)
        )

    def is_device_readable(self, path: str) -> bool:
        return path.startswith("/dev/") and path[5:].startswith(self.device_readable)

    def is_system_dir(self, path: str, home: str) -> bool:
        if path in self.system_dirs or path == home:
            return True
        relative = home_relative(path, home)
        return relative == ""


#: Name endings of editors' and tools' backup copies.
_BACKUP_SUFFIXES = ("~", ".bak", ".orig", ".old", ".save", ".backup", ".copy", ".swp", ".1")


def home_relative(path: str, home: str) -> str | None:
    """``path`` below its home directory (``""`` for the home itself), or ``None``."""
    if not path.startswith((home, "/root", "/home/", "/users/", "/mnt/", "/github/home")):
        return None  # the common answer, from one test of the prefixes checked below
    for base in (home, "/root", "/github/home"):  # /github/home: a CI job container's home
        if path == base:
            return ""
        if path.startswith(base + "/"):
            return path[len(base) + 1 :]
    for root in ("/home/", "/users/"):
        if path.startswith(root):
            _, _, rest = path[len(root) :].partition("/")
            return rest
    if path.startswith("/mnt/") and path[6:13] == "/users/":  # WSL: /mnt/c/Users/<name>
        _, _, rest = path[13:].partition("/")
        return rest
    return None


def _classify(path: str, home: str) -> str | None:
    """For short paths only. An ordinary file is told as such at once, without a cache entry
    (most paths are, and most are new: a cache would only churn); any other path's class
    is cached, so the cache holds at most about 8192 × 512 characters."""
    catalogue = targets()
    if _ordinary_file(catalogue, path, home):
        return None
    return _classify_cached(path, home)


@lru_cache(maxsize=8192)
def _classify_cached(path: str, home: str) -> str | None:
    return _classify_with(targets(), path, home)


#: Where a home directory's files start: paths below none of these have no home-relative
#: part (see :func:`home_relative`, which also tests the configured home).
_HOME_ROOTS = ("/root", "/home/", "/users/", "/mnt/", "/github/home")


def _ordinary_file(catalogue: Targets, path: str, home: str) -> bool:
    """Whether :func:`_classify_with` certainly finds nothing for ``path``: a file whose name
    no entry names, in a directory no entry covers (remembered per directory), outside any
    home. ``False`` whenever that is not certain; the full classification then decides."""
    cut = path.rfind("/")
    if cut < 1 or path[cut - 1] == "/" or path.startswith(_HOME_ROOTS) or path.startswith(home):
        return False  # /x, relative, a doubled slash, a home: the full classification
    name = path[cut + 1 :]
    return (
        bool(name)
        and _ordinary_directory(path[:cut])
        and path not in catalogue.files
        and path not in catalogue.dirs
        and name not in catalogue.names
        and name not in catalogue.persistence_names
        and not name.endswith(catalogue.suffixes)
        and not name.startswith(catalogue.prefixes)
        and not _holds(name, catalogue.infixes)
    )


@lru_cache(maxsize=8192)
def _ordinary_directory(directory: str) -> bool:
    """No entry covers ``directory`` or an ancestor, and no persistence segment occurs in it.
    A segment ends with ``/``, so in ``directory/name`` it can only occur in ``directory/``
    (a segment that does not end so makes no directory ordinary)."""
    segments = _directory_segments()
    if segments is None or _chain_kinds(directory) or directory.startswith("/proc"):
        return False
    with_slash = directory + "/"
    for segment in segments:  # noqa: SIM110 (a generator costs more; this runs per directory)
        if segment in with_slash:
            return False
    return True


@cache
def _directory_segments() -> tuple[str, ...] | None:
    """The persistence segments (alone and paired with a suffix), or ``None`` if one does not
    end with ``/`` (then no directory is ordinary). Read once: the catalogue never changes."""
    catalogue = targets()
    segments = (*catalogue.persistence_segments, *(s for s, _ in catalogue.persistence_pairs))
    return segments if all(segment.endswith("/") for segment in segments) else None


def _classify_with(catalogue: Targets, path: str, home: str) -> str | None:  # noqa: PLR0912
    found: set[str] = set()
    cut = path.rfind("/") + 1  # posixpath.basename and dirname, without their calls
    name = path[cut:]
    if name.endswith(catalogue.public_suffixes):
        return None
    if (kind := catalogue.files.get(path)) is not None:
        found.add(kind)
    shared = catalogue is targets() and len(path) <= _CHAIN_CACHED_LENGTH
    if path not in ("/", ""):
        if (kind := catalogue.dirs.get(path)) is not None:
            found.add(kind)
        parent = path[:cut]
        if parent and parent != "/" * len(parent):
            parent = parent.rstrip("/")
        found.update(_chain_kinds(parent) if shared else _chain(catalogue.dirs, parent))
    relative = home_relative(path, home)
    if relative:
        if (kind := catalogue.home_files.get(relative)) is not None:
            found.add(kind)
        if (kind := catalogue.home_dirs.get(relative)) is not None:
            found.add(kind)
        parent = posixpath.dirname(relative)
        found.update(
            _home_chain_kinds(parent) if shared else _chain(catalogue.home_dirs, parent, "")
        )
        if PERSISTENCE in found and inert_home_config(relative):
            found.discard(PERSISTENCE)  # ~/.config/ruff/ruff.toml (inerthome.py)
    if (
        name in catalogue.names
        or name.endswith(catalogue.suffixes)
        or name.startswith(catalogue.prefixes)
        or _holds(name, catalogue.infixes)
    ):
        found.add(CREDENTIAL)
    if name in catalogue.persistence_names or _persistence_segment(catalogue, path, name):
        found.add(PERSISTENCE)
    if path.startswith("/proc/") and (
        name in ("environ", "mem", "maps", "cmdline", "auxv") or "/fd/" in path
    ):
        found.add(CREDENTIAL)
    if name in catalogue.public_names:
        # public data kept beside secrets (host keys in ~/.ssh): reading is harmless, while
        # writing stays whatever else the path is (authorized_keys is persistence)
        found.discard(CREDENTIAL)
    if DEVICE in found and (path in catalogue.device_safe or _under(path, catalogue.device_safe)):
        found.discard(DEVICE)
    for kind in _ORDER:
        if kind in found:
            return kind
    return None


#: Paths up to this length have their directories' classes cached (by directory: the many
#: files of one directory share one entry), so the cache holds about 8192 × 512 characters.
_CHAIN_CACHED_LENGTH = 512


def _chain(table: dict[str, str], directory: str, top: str = "/") -> frozenset[str]:
    """The classes ``table`` gives ``directory`` and each of its ancestors, up to ``top``."""
    found = set()
    directory = _shallow(directory)
    while directory not in (top, ""):
        if (kind := table.get(directory)) is not None:
            found.add(kind)
        parent = posixpath.dirname(directory)
        if parent == directory:  # "//" is its own parent: a root written with two slashes
            break
        directory = parent
    return frozenset(found)


@lru_cache(maxsize=8192)
def _chain_kinds(directory: str) -> frozenset[str]:
    return _chain_above(targets().dirs, _shallow(directory), "/", _chain_kinds)


@lru_cache(maxsize=8192)
def _home_chain_kinds(directory: str) -> frozenset[str]:
    return _chain_above(targets().home_dirs, _shallow(directory), "", _home_chain_kinds)


def _chain_above(
    table: dict[str, str], directory: str, top: str, ancestors: Callable[[str], frozenset[str]]
) -> frozenset[str]:
    """What :func:`_chain` answers for a ``directory`` already cut by :func:`_shallow`, from
    the class of ``directory`` itself and the (remembered) answer for its parent: the files
    of a new directory cost one lookup, not a walk up every ancestor again. A parent has
    fewer components, so cutting it changes nothing, and the recursion is at most
    :data:`_DEEPEST_ENTRY` deep."""
    if directory in (top, ""):
        return frozenset()
    kind = table.get(directory)
    parent = _dirname(directory)
    above = frozenset() if parent == directory else ancestors(parent)
    return above if kind is None else above | {kind}


def _dirname(path: str) -> str:
    """``posixpath.dirname`` for a ``str``, without its calls (this runs per new directory)."""
    head = path[: path.rfind("/") + 1]
    return head.rstrip("/") if head and head != "/" * len(head) else head


def _persistence_segment(catalogue: Targets, path: str, name: str) -> bool:
    for segment in catalogue.persistence_segments:
        if segment in path:
            return True
    for segment, suffix in catalogue.persistence_pairs:
        if segment in path and name.endswith(suffix):
            return True
    return False


#: No catalogue directory is this many components deep: deeper ancestors cannot match.
_DEEPEST_ENTRY = 32


def _shallow(path: str) -> str:
    """``path`` cut to its first :data:`_DEEPEST_ENTRY` components, so that walking its
    ancestors stays linear for a path of thousands of components."""
    parts = path.split("/", _DEEPEST_ENTRY + 1)
    return "/".join(parts[: _DEEPEST_ENTRY + 1]) if len(parts) > _DEEPEST_ENTRY + 1 else path


def _holds(name: str, infixes: tuple[str, ...]) -> bool:
    return any(infix in name for infix in infixes)


def _under(path: str, roots: frozenset[str]) -> bool:
    return any(path.startswith(root + "/") for root in roots)


def _index(section: dict[str, list[str]], key: str, kind: str, into: dict[str, str]) -> None:
    for entry in section.get(key, ()):
        into.setdefault(entry.rstrip("/") or "/", kind)


@cache
def targets() -> Targets:
    """The catalogue, read once from the package data."""
    text = resources.files("aegis.intent_firewall").joinpath("data/targets.toml").read_text()
    data = tomllib.loads(text)
    files: dict[str, str] = {}
    dirs: dict[str, str] = {}
    home_files: dict[str, str] = {}
    home_dirs: dict[str, str] = {}
    for kind in _ORDER:  # the most serious class wins where entries overlap
        section = data.get(kind, {})
        _index(section, "files", kind, files)
        _index(section, "dirs", kind, dirs)
        _index(section, "home_files", kind, home_files)
        _index(section, "home_dirs", kind, home_dirs)
    credential, device, persistence = data[CREDENTIAL], data[DEVICE], data[PERSISTENCE]
    return Targets(
        files=files,
        dirs=dirs,
        home_files=home_files,
        home_dirs=home_dirs,
        names=frozenset(credential["names"]),
        suffixes=tuple(credential["suffixes"]),
        prefixes=tuple(credential.get("prefixes", ())),
        infixes=tuple(credential.get("infixes", ())),
        public_suffixes=tuple(credential["public_suffixes"]),
        public_names=frozenset(credential.get("public_names", ())),
        device_safe=frozenset(device["safe"]),
        device_readable=tuple(device["readable_names"]),
        system_dirs=frozenset(data["system"]["dirs"]),
        persistence_segments=tuple(persistence.get("segments", ())),
        persistence_names=frozenset(persistence.get("names", ())),
        persistence_pairs=tuple(
            (pair[0], pair[1]) for pair in persistence.get("segment_suffixes", ())
        ),
        device_endless=frozenset(device.get("endless", ())),
        privileged_ports=frozenset(int(p) for p in data[PRIVILEGED].get("ports", ())),
        world_readable=frozenset(credential.get("world_readable", ())),
    )


_HOME_BASES = ("/root", "/home/user")


@lru_cache(maxsize=16)
def _ancestors(home: str) -> tuple[frozenset[str], frozenset[str]]:
    """Directories holding a credential, and directories holding any sensitive target.

    A recursive read of a root sweeps up everything below it, so the root is as sensitive as
    the most sensitive entry the catalogue places below it (``find /etc -exec cat``).
    """
    catalogue = targets()
    entries: list[tuple[str, str]] = [*catalogue.files.items(), *catalogue.dirs.items()]
    for base in (home, *_HOME_BASES):
        entries += [(f"{base}/{rel}", kind) for rel, kind in catalogue.home_files.items()]
        entries += [(f"{base}/{rel}", kind) for rel, kind in catalogue.home_dirs.items()]
    credential: set[str] = set()
    sensitive: set[str] = set()
    for path, kind in entries:
        ancestor = posixpath.dirname(path)
        while True:
            sensitive.add(ancestor)
            if kind == CREDENTIAL:
                credential.add(ancestor)
            if ancestor in ("/", ""):
                break
            ancestor = posixpath.dirname(ancestor)
    return frozenset(credential), frozenset(sensitive)


def sensitive_below(path: str, home: str, *, credential_only: bool) -> bool:
    """Whether the catalogue places a (credential) target strictly below directory ``path``."""
    credential, sensitive = _ancestors(home)
    return path.rstrip("/") in (credential if credential_only else sensitive) or path == "/"
