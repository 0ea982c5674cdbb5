"""Patches given to a tool that applies them: each target is a file written.

``apply_patch {patch: "--- a/../.bashrc\\n+++ b/../.bashrc\\n@@ …\\n+alias sudo=…"}`` writes
``~/.bashrc`` although no parameter is a path. A unified diff (``---``/``+++`` headers, the
``a/`` and ``b/`` prefixes git adds), a git diff's own lines (``diff --git a/X b/Y``,
``rename to``, ``copy to``, ``deleted file mode``) and the patch envelope of coding agents
(``*** Add File:``, ``*** Update File:``, ``*** Delete File:``, ``*** Move to:``) name the
files it writes, renames onto or deletes. Each is judged as the write (or deletion) a file
tool making it would be, with the lines the patch adds as that file's content, so a path
outside the workspace, a start-up file, a hook or a script that downloads and runs code
draws what a ``write_file`` of it draws. Bounded: past ``_MAX_FILES`` files or
``_MAX_TEXT`` characters the patch is too large to inspect (fail closed).
"""

from __future__ import annotations

from collections.abc import Callable

from aegis.intent_firewall.items import Item
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["patch_findings"]

#: judge(action, parameters) -> what a request of that action and parameters draws
JudgeWrite = Callable[[str, dict[str, str]], list[Hit]]

#: keys that hold a patch whatever the action, and keys that do for an action that patches
_PATCH_KEYS = frozenset({"patch", "diff", "patch_text", "patchtext", "unified_diff", "patches"})
_TEXT_KEYS = frozenset({"input", "changes", "content", "text", "body", "edits", "data"})
_PATCH_WORDS = frozenset({"patch", "apply", "diff"})
_MAX_FILES = 32
_MAX_TEXT = 262144
_ENVELOPE = (
    ("*** add file:", "write"),
    ("*** update file:", "write"),
    ("*** move to:", "write"),
    ("*** delete file:", "delete"),
)


def patch_findings(words: frozenset[str], items: list[Item], judge: JudgeWrite) -> list[Hit]:
    """Findings on the files the patches among ``items`` write or delete; ``words`` are the
    action's words (a patch is only applied by an action that applies or patches)."""
    patching = not _PATCH_WORDS.isdisjoint(words)
    hits: list[Hit] = []
    for item in items:
        key = item.key.casefold()
        if item.argv is not None or not (key in _PATCH_KEYS or (patching and key in _TEXT_KEYS)):
            continue
        text = item.text
        if "\n+++ " not in text and "*** " not in text and "diff --git " not in text:
            continue
        if len(text) > _MAX_TEXT:
            return [default_hit("too-large", f"a patch of {len(text)} characters")]
        files = _files(text)
        if len(files) > _MAX_FILES:
            return [default_hit("too-large", f"a patch of more than {_MAX_FILES} files")]
        for path, (role, added) in files.items():
            if role == "delete":
                hits.extend(judge("delete_file", {"path": path}))
            else:
                hits.extend(judge("write_file", {"path": path, "content": added}))
    return hits


def _files(text: str) -> dict[str, tuple[str, str]]:
    """Each target path with its role (``write``/``delete``) and the lines added to it."""
    files: dict[str, tuple[str, str]] = {}
    added: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.split("\n"):
        lowered = line[:24].casefold()
        target = _target(line, lowered)
        if target is not None:
            path, role = target
            if path and path != "/dev/null":
                kept = files.get(path, (role, ""))[0]
                files[path] = ("delete" if role == "delete" and kept == "delete" else role, "")
                added.setdefault(path, [])
                current = path if role == "write" else current
            if len(files) > _MAX_FILES:
                break
            continue
        if current is not None and line.startswith("+") and not line.startswith("+++ "):
            added[current].append(line[1:])
    return {path: (role, "\n".join(added[path])) for path, (role, _) in files.items()}


def _target(line: str, lowered: str) -> tuple[str, str] | None:
    """The path a header line names and what the patch does to it; ``None`` for a line
    that is no header."""
    for prefix, role in _ENVELOPE:
        if lowered.startswith(prefix):
            return line[len(prefix) :].strip(), role
    if line.startswith("+++ "):
        return _unprefixed(line[4:]), "write"
    if lowered.startswith("diff --git "):
        parts = line[11:].split(" b/", 1)
        return (_unprefixed("b/" + parts[1]), "write") if len(parts) == 2 else ("", "write")
    for prefix in ("rename to ", "copy to "):
        if lowered.startswith(prefix):
            return line[len(prefix) :].strip(), "write"
    return None  # the old name (---) is not written: +++ or a rename names what is


def _unprefixed(name: str) -> str:
    """A diff header's file name without its timestamp and git's ``a/``/``b/`` prefix."""
    name = name.split("\t", 1)[0].strip()
    if name.startswith('"') and name.endswith('"') and len(name) > 1:
        name = name[1:-1]
    return name[2:] if name.startswith(("a/", "b/")) else name
