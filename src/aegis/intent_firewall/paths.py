"""File paths in one absolute, lexical form, computed once per string.

What a program would open is what gets judged: ``file://localhost/etc/passwd``,
``%2Fetc%2Fpasswd`` (also double-encoded), ``~root/.ssh``, ``$HOME/.ssh``,
``/proc/self/root/etc/shadow``, ``C:\\Users\\me\\.ssh\\id_rsa`` and ``../../etc/passwd`` all
become the path they name. Relative paths are resolved against the working directory the
caller gives (the policy's, or the one a ``cd`` earlier on the same command line moved to).
A NUL byte ends a path where the C library would end it; the caller reports it.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from urllib.parse import unquote

__all__ = ["has_nul", "is_evasive", "is_odd_spelling", "looks_like_path", "resolve_path"]

#: Only short strings are cached, so the cache holds at most about 4096 × 512 characters.
_CACHED_LENGTH = 512
_PIDS = frozenset({"root", "cwd"})
_PROC_ROOTS = ("/proc/self/root", "/proc/thread-self/root")
_LOCAL_FILE_HOSTS = ("", "localhost", "127.0.0.1")


def has_nul(text: str) -> bool:
    return "\x00" in text or "%00" in text


#: Spellings that only make sense to slip a path past a filter.
#: … and a command substitution left in a file name, which a tool that hands the name to a
#: shell runs (``x.png`id`.jpg``).
_EVASIONS = (
    "%2e", "%2f", "%5c", "%c0", "%c1", "%e0%80", "%u", "....", "..;", "..\\", ".%00", "`", "$(",
    "%25",
)  # fmt: skip


def is_evasive(text: str) -> bool:
    """Percent-encoded dots or slashes, overlong UTF-8, doubled traversal: filter evasion."""
    lowered = text.lower()
    return any(marker in lowered for marker in _EVASIONS)


#: Windows reserved device names: any directory, any extension opens the device.
_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$", "clock$"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in "123456789"}
)


#: What every reserved device name without a '$' starts with (see ``_DEVICE_NAMES``).
_DEVICE_STEMS = ("con", "prn", "aux", "nul", "com", "lpt")
assert all(name.startswith(_DEVICE_STEMS) for name in _DEVICE_NAMES if "$" not in name)

#: C0 controls and DEL (one set test, not a Python loop over every path's characters).
_CONTROL_CHARACTERS = frozenset([*map(chr, range(0x20)), "\x7f"])


#: Path characters with no part in an odd spelling but a trailing dot or a device name (no
#: control character, blank, backslash, colon, tilde, ``?`` or ``$``).
_PLAIN_PATH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+@,=")


def is_odd_spelling(text: str) -> str | None:
    """What makes ``text`` a path no one writes but to slip past a comparison, or None:
    control characters (a newline splits one path into two for line-based tools), Win32
    device namespaces, reserved device names, 8.3 short names (``PROGRA~1``), trailing dots
    and spaces that Windows strips, alternate data streams."""
    if _PLAIN_PATH.issuperset(text):
        # the common path: only the checks its characters can trip, in the same order
        if text.startswith("//./"):
            return "Win32 device namespace"
        body = text
        while body.startswith("./"):  # ./dist: a leading '.' component is no trailing dot
            body = body[2:]
        if not body.endswith(".") and "./" not in body:
            # no component ends with a dot; a device name (con, com1 …: no '$' here) is a
            # component's stem, so without one of these stems in the text there is none
            lowered = text.lower()
            for stem in _DEVICE_STEMS:  # a loop, not a generator: this runs for every path
                if stem in lowered:
                    break
            else:
                return None
        for part in text.lower().split("/"):  # lower case changes no dot
            if part and part[-1] == "." and part not in (".", ".."):
                return "trailing dot or space"
            if part.partition(".")[0] in _DEVICE_NAMES:
                return "reserved device name"
        return None
    return _odd_spelling(text)


def _odd_spelling(text: str) -> str | None:
    """:func:`is_odd_spelling` for any text (every check)."""
    if not _CONTROL_CHARACTERS.isdisjoint(text.rstrip("\n")):
        return "control character"
    spelled = text.replace("\\", "/")
    if spelled.startswith(("//?/", "//./", "/??/")):
        return "Win32 device namespace"
    windows = "\\" in text or (len(text) > 2 and text[1] == ":" and text[0].isalpha())
    components = spelled.split("/")
    if windows and ":" in "".join(components[1:]):
        return "alternate data stream"
    return next(filter(None, map(_odd_component, components)), None)


def _odd_component(part: str) -> str | None:
    if part not in ("", ".", "..") and part[-1] in ". ":
        return "trailing dot or space"
    tilde = part.find("~")
    if 0 < tilde <= 6 and part[tilde + 1 : tilde + 2].isdigit():
        return "8.3 short name"
    if part.split(".", 1)[0].rstrip(" ").lower() in _DEVICE_NAMES:
        return "reserved device name"
    return None


def is_windows_absolute(text: str) -> bool:
    """``C:\\x``, ``C:/x``, ``\\\\?\\C:\\x``, ``\\\\host\\share``: absolute on Windows, so never
    joined to a working directory; a POSIX working directory has no drive, so such a path is
    outside it unless the policy's working directory is itself a Windows path."""
    drive = len(text) > 2 and text[0].isascii() and text[0].isalpha() and text[1] == ":"
    return (drive and text[2] in "/\\") or text.startswith("\\\\")


def looks_like_path(text: str) -> bool:
    """Absolute, home-relative, explicitly relative, ``file:`` or Windows paths."""
    if not text or ("://" in text and not text.startswith("file:")):
        return False
    first = text[0]
    return (
        first in "/~\\"
        or text.startswith(("./", "../", "file:", "$home", "${home}", "%2f", "%252f"))
        or (len(text) > 2 and text[1] == ":" and text[2] in "/\\" and first.isalpha())
    )


def _strip_file_url(path: str) -> str:
    if not path.startswith("file:"):
        return path
    rest = path[5:]
    if rest.startswith("//"):
        host, slash, tail = rest[2:].partition("/")
        if host in _LOCAL_FILE_HOSTS or not slash:
            return "/" + tail
        return "//" + host + "/" + tail  # a remote file URL: kept visible as a UNC-like path
    return rest


#: Overlong UTF-8 forms of '/', '.' and '\\' that lax decoders accept.
_OVERLONG = (("%c0%af", "/"), ("%e0%80%af", "/"), ("%c0%ae", "."), ("%e0%80%ae", "."),
             ("%c1%9c", "/"), ("%c0%2f", "/"), ("%c1%1c", "/"))  # fmt: skip


def _percent_u(path: str) -> str:
    """IIS-style ``%uXXXX`` escapes."""
    out, index = [], 0
    while True:
        found = path.find("%u", index)
        if found < 0:
            out.append(path[index:])
            return "".join(out)
        digits = path[found + 2 : found + 6]
        if len(digits) == 4 and all(c in "0123456789abcdef" for c in digits):
            out.append(path[index:found] + chr(int(digits, 16)))
            index = found + 6
        else:
            out.append(path[index : found + 2])
            index = found + 2


def _percent_decoded(path: str) -> str:
    for _ in range(3):  # %252f -> %2f -> /: as many rounds as a chain of decoders would do
        if "%" not in path:
            break
        for encoded, plain in _OVERLONG:
            path = path.replace(encoded, plain)
        decoded = unquote(_percent_u(path))
        if decoded == path:
            break
        path = decoded
    if not path.isascii():
        from aegis.intent_firewall.text import canonical_text

        path = canonical_text(path)  # a decoded division slash is a slash
    return path


#: Windows environment variables in paths (lower case), as the directory they name.
_WINDOWS_VARIABLES = {
    "%systemroot%": "/windows",
    "%windir%": "/windows",
    "%systemdrive%": "",
    "%programfiles%": "/program files",
    "%programdata%": "/programdata",
    "%userprofile%": "~",
    "%home%": "~",
    "%homepath%": "~",
    "%appdata%": "~/appdata/roaming",
    "%localappdata%": "~/appdata/local",
}


def _windows(path: str) -> str:
    path = path.replace("\\", "/")
    for variable, directory in _WINDOWS_VARIABLES.items():
        if variable in path:
            path = path.replace(variable, directory)
    for prefix in ("//?/", "//./", "/??/"):
        if path.startswith(prefix):
            path = path[len(prefix) :]
            path = _without_device_prefix(path)
    if path.startswith("//"):
        # \\host\c$\rest (an administrative share) and \\host\share\rest: the rest
        # is judged as a path on that machine's disk
        parts = path[2:].split("/", 2)
        path = "/" + parts[2] if len(parts) > 2 else "/"
    if len(path) >= 2 and path[1] == ":" and path[0].isalpha():
        path = path[2:] or "/"
    return path


def _without_device_prefix(path: str) -> str:
    """``GLOBALROOT/Device/HarddiskVolumeShadowCopy1/rest`` and ``UNC/host/share/rest``."""
    parts = path.split("/")
    if parts[0] == "globalroot" and len(parts) > 3 and parts[1] == "device":
        return "/" + "/".join(parts[3:])
    if parts[0] == "unc" and len(parts) > 3:
        return "/" + "/".join(parts[3:])
    return path


def _home(path: str, home: str) -> str:
    for variable in ("${home}", "$home"):
        if path.startswith(variable):
            return home + path[len(variable) :]
    if not path.startswith("~"):
        return path
    user, _, tail = path[1:].partition("/")
    if not user:
        base = home
    elif user == "root":
        base = "/root"
    else:
        base = "/home/" + user
    return base + ("/" + tail if tail else "")


def _strip_proc_root(path: str) -> str:
    changed = True
    while changed:
        changed = False
        for root in _PROC_ROOTS:
            if path == root or path.startswith(root + "/"):
                path, changed = path[len(root) :] or "/", True
        parts = path.split("/", 4)
        if len(parts) >= 4 and parts[1] == "proc" and parts[2].isdigit() and parts[3] in _PIDS:
            # another process's root or working directory: init's is /, and any other is
            # judged as / too (fail closed: the firewall cannot know it)
            path, changed = "/" + (parts[4] if len(parts) > 4 else ""), True
    return path


def resolve_path(text: str, cwd: str, home: str) -> str:
    """The absolute path ``text`` names, seen from ``cwd``, case folded (paths are compared
    without case, so ``/ETC/passwd`` is ``/etc/passwd``: fail closed on case-insensitive
    file systems)."""
    text = text.lower() if text.isascii() else text.casefold()
    cwd = cwd.lower() if cwd.isascii() else cwd.casefold()
    literal = _literal(text, cwd)
    if literal is not None:
        return literal  # cheaper than a cache lookup, and it keeps the cache for the rest
    if len(text) <= _CACHED_LENGTH:
        return _resolve_cached(text, cwd, home)
    return _resolve(text, cwd, home)


@lru_cache(maxsize=4096)
def _resolve_cached(text: str, cwd: str, home: str) -> str:
    return _resolve(text, cwd, home)


#: Characters of a path that no decoding step below changes (no %, \\, :, ~, $, NUL, blank).
_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789/._-+@,=")


def _is_normal(path: str) -> bool:
    """Whether ``posixpath.normpath`` would return absolute ``path`` unchanged."""
    return (
        path.startswith("/")
        and "//" not in path
        and "/./" not in path
        and "/../" not in path
        and not path.endswith(("/.", "/.."))
        and (path == "/" or not path.endswith("/"))
    )


def _literal(text: str, cwd: str) -> str | None:
    """What :func:`_resolve` returns for a path with nothing to decode or normalise (only
    joined to ``cwd``, as ``posixpath.join`` does), or ``None`` when there is more to do."""
    if not text or not _LITERAL.issuperset(text):
        return None
    if text[0] == "/":
        path = text
    else:
        if text.startswith("./") and text[2:3] not in ("", "/"):
            text = text[2:]  # ./dist: normpath drops the '.', and nothing else changes
        path = cwd + text if not cwd or cwd.endswith("/") else f"{cwd}/{text}"
    if _is_normal(path) and not path.startswith(("/private/", "/proc/")):
        return path
    return None


def _resolve(text: str, cwd: str, home: str) -> str:
    path = _percent_decoded(_strip_file_url(text.strip()))
    path = _strip_file_url(path).split("\x00", 1)[0]
    if "\\" in path or (len(path) > 1 and path[1] == ":") or "%" in path:
        path = _windows(path)
    path = _home(path, home)
    if not path.startswith("/"):
        path = posixpath.join(cwd, path)
    normal = posixpath.normpath(path)
    if normal.startswith("//"):
        normal = "/" + normal.lstrip("/")
    if normal.startswith("/private/"):  # macOS: /private/etc is /etc
        normal = normal[len("/private") :]
    if normal.startswith("/proc/"):
        stripped = _strip_proc_root(normal)
        if stripped.startswith("/proc/self/cwd"):
            stripped = cwd + stripped[len("/proc/self/cwd") :]
        normal = posixpath.normpath(stripped)
    return normal
