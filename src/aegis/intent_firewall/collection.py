"""Collection: searching the disk for credential files, and capturing what the user sees,
says or copies.

``find / -name '*.pem'``, ``fd -e kdbx . ~`` and ``locate id_rsa`` list the keys and
password stores of everyone on the machine, ready to be packed and sent; the same search in
the working directory (``find . -name '*.pem'``) is the project's own files
(``credential-search``, *review*, for searches of the whole disk, the home or other users'
homes; ``locate`` reads an index of the whole disk, so it is never inside). ``scrot``,
``import -window root``, ``ffmpeg -f x11grab``, ``xclip -o``, ``arecord`` and a
``screenshot`` tool take the screen, the camera, the microphone or the clipboard
(``capture``, *review*); a screenshot of a web page a browser tool renders is the page's.
The catalogues are data (``targets.toml``, ``[collection]``).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.paths import resolve_path

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["capture_action", "command_collection", "credential_pattern"]

_FIND_PATTERNS = frozenset({"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename",
                            "-regex", "-iregex", "-lname", "-ilname"})  # fmt: skip
_FD_VALUES = frozenset(
    {"-t", "--type", "-d", "--max-depth", "--min-depth", "-E", "--exclude", "-S", "--size",
     "-j", "--threads", "-c", "--color", "-o", "--owner", "--changed-within",
     "--changed-before", "--max-results", "--base-directory", "--ignore-file"}
)  # fmt: skip
_FD_PATTERNS = frozenset({"-e", "--extension", "-g", "--glob"})
_FD_EXEC = frozenset({"-x", "--exec", "-X", "--exec-batch"})
#: Search roots that hold everyone's files (below them, only the homes).
_WIDE_ROOTS = frozenset({"/", "/home", "/root", "/users", "/mnt", "/media", "/var", "/srv",
                         "/opt", "/etc", "/data", "/backup", "/backups"})  # fmt: skip
_HOMES = ("/home/", "/root/", "/users/")


#: The sections of ``[collection]`` that are sets of names and words.
_WORD_SETS = ("capture_programs", "capture_formats", "capture_format_programs", "index_searchers",
              "name_searchers", "capture_action_words", "capture_verbs", "capture_media",
              "capture_read_words", "capture_page_words")  # fmt: skip


@cache
def _data() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/targets.toml").read_text()
    section: dict[str, Any] = tomllib.loads(text)["collection"]
    section["pairs"] = {tuple(pair) for pair in section["capture_options"]}
    for key in _WORD_SETS:  # sets, made once: they are tested for every command and request
        section[key] = frozenset(section[key])
    # every program a rule of :func:`command_collection` names: any other draws none, and is
    # told so by one set test (this runs for every command)
    section["programs"] = frozenset(
        {
            *section["capture_programs"],
            *(pair[0] for pair in section["pairs"]),
            *section["capture_format_programs"],
            *section["index_searchers"],
            *section["name_searchers"],
        }
    )
    return section


def credential_pattern(pattern: str) -> bool:
    """Whether a file-name pattern (``*.pem``, ``id_*``, ``.env*``) names credential files."""
    core = pattern.strip("'\"").lower().strip("*?^$")
    return bool(core) and any(name in core for name in _data()["credential_names"])


def _outside(judge: CommandJudge, value: str | None, feed: Feed) -> bool:
    """Whether a search root lies outside the working directory (and scratch space)."""
    if value is None:
        return False  # a root known only at run time is a finding of its own
    resolved = resolve_path(value, feed.cwd, judge.scope.home).rstrip("/") or "/"
    workspace = (judge.scope.workspace or feed.cwd).rstrip("/") or "/"
    if resolved == workspace or resolved.startswith(workspace + "/"):
        return False
    home = judge.scope.home.lower().rstrip("/")
    # the whole disk, the home or what holds it, other users' homes
    return (
        resolved in _WIDE_ROOTS
        or (home + "/").startswith(resolved + "/")
        or resolved.startswith(_HOMES)
    )


def _find_parts(args: list[Arg]) -> tuple[list[str | None], list[str]]:
    roots: list[str | None] = []
    index = 1
    while index < len(args) and not (args[index][1] or "-").startswith(("-", "(", "!", "\\(")):
        roots.append(args[index][0])
        index += 1
    patterns = [
        args[i + 1][0] or args[i + 1][1]
        for i in range(index, len(args) - 1)
        if (args[i][0] or "") in _FIND_PATTERNS
    ]
    return roots or ["."], patterns


def _fd_parts(args: list[Arg]) -> tuple[list[str | None], list[str]]:
    positional: list[str | None] = []
    patterns: list[str] = []
    index = 1
    while index < len(args):
        word = args[index][0] or ""
        if word in _FD_EXEC:
            break
        if word in _FD_PATTERNS and index + 1 < len(args):
            value = args[index + 1][0] or ""
            patterns.append("." + value if word in ("-e", "--extension") else value)
            index += 2
            continue
        if word in _FD_VALUES:
            index += 2
            continue
        if not word.startswith("-"):
            positional.append(args[index][0])
        index += 1
    if positional and positional[0] is not None:
        patterns.append(positional[0])
    return positional[1:] or ["."], patterns


def command_collection(judge: CommandJudge, name: str, args: list[Arg], feed: Feed) -> None:
    """Findings for a credential search outside the workspace and for capture programs."""
    data = _data()
    if name not in data["programs"]:
        return
    if name in data["capture_programs"]:
        judge.hit("capture", f"{name} captures the screen, camera, microphone or clipboard")
        return
    words = [(a[0] or a[1]).lower() for a in args[1:64]]
    if any((name, word) in data["pairs"] for word in words):
        judge.hit("capture", f"{name} {' '.join(words)[:80]} captures or reads the clipboard")
        return
    if name in data["capture_format_programs"] and not data["capture_formats"].isdisjoint(words):
        judge.hit("capture", f"{name} records from a capture device")
        return
    if name in data["index_searchers"]:
        found = [w for w in words if not w.startswith("-") and credential_pattern(w)]
        if found:
            judge.hit("credential-search", f"{name} {found[0]!r} searches the whole disk")
        return
    if name not in data["name_searchers"]:
        return
    roots, patterns = _find_parts(args) if name in ("find", "gfind", "bfs") else _fd_parts(args)
    secret = next((p for p in patterns if credential_pattern(p)), None)
    outside = [root for root in roots if _outside(judge, root, feed)]
    if secret is not None and outside:
        judge.hit("credential-search", f"{name} {outside[0]} for {secret!r}"[:160])


def capture_action(words: frozenset[str]) -> str:
    """A tool call whose action words say it captures the screen, camera, microphone or
    clipboard (not a browser tool's screenshot of a page)."""
    data = _data()
    captured = words & data["capture_action_words"]
    if words & data["capture_verbs"]:
        captured |= words & data["capture_media"]
    if not captured or words & data["capture_page_words"]:
        return ""
    if "clipboard" in captured and not words & data["capture_read_words"]:
        return ""  # writing to the clipboard shows the user something; reading takes it
    return f"{'/'.join(sorted(captured))} captured"
