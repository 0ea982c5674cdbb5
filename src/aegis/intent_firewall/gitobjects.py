"""Files read out of git's history: ``git show HEAD:.env``, ``git log -p -- .env``.

A credential committed once stays in every clone's history after the file is deleted, so
printing an old version reads it as surely as ``cat`` does. The git verbs that print file
contents (``show``, ``cat-file``, ``diff``, ``blame``, ``log``/``whatchanged`` with a
patch) name the file as ``REVISION:PATH`` or as a path after ``--``; each such path is
judged as a read, relative to the working directory as the rest of the line is (a
repository's root is where it usually runs). Reading an ordinary file's history passes
as reading the file does; ``git log -- .env`` without a patch prints commit messages only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.options import Arg, operands_past

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge

__all__ = ["history_reads"]

#: Verbs that print the contents of what they name (grep: the lines of the paths after
#: ``--``; archive: the files after the tree, packed).
_CONTENT_VERBS = frozenset(
    {"show", "cat-file", "diff", "blame", "annotate", "difftool", "grep", "archive"}
)
#: Verbs whose operands are files (a revision among them reads as a harmless name).
_FILE_VERBS = frozenset({"blame", "annotate"})
#: Verbs that print contents only with a patch option.
_PATCH_VERBS = frozenset({"log", "whatchanged", "reflog"})
_PATCH_OPTIONS = frozenset({"-p", "-u", "--patch", "--full-diff", "--cc", "-L", "--stat-full"})
#: Paths judged per command (more is the rest of the line's business).
_MAX_PATHS = 32


def history_reads(judge: CommandJudge, sub: str, words: list[Arg], cwd: str) -> None:
    """Judge as reads the paths ``git SUB WORDS`` prints from history."""
    if sub == "stash" and words and words[0][0] == "show":
        sub, words = "log", words[1:]  # git stash show -p: a patch, like log -p
    elif sub == "archive":
        words = _archive_paths(words)
    patch = sub in _PATCH_VERBS and any(
        (value or "").split("=", 1)[0] in _PATCH_OPTIONS or (value or "").startswith("-L")
        for value, _, _ in words
    )
    if sub not in _CONTENT_VERBS and not patch:
        return
    after_dashes = False
    judged = 0
    for value, written, glob in words:
        if judged >= _MAX_PATHS or value is None:
            break
        if value == "--":
            after_dashes = True
            continue
        if after_dashes or (sub in _FILE_VERBS and not value.startswith("-") and ":" not in value):
            path = value  # git blame .env: its operands are the files
        else:
            path = _object_path(value)
        if path:
            judge.path((path, written, glob), "read", cwd)
            judged += 1


def _object_path(value: str) -> str:
    """``HEAD:.env`` -> ``.env``, ``HEAD~3:deploy/id_rsa`` -> ``deploy/id_rsa``,
    ``:0:.env`` (the index) -> ``.env``; an option, a URL or ``REV:`` alone -> ``""``."""
    if value.startswith("-") or "://" in value or ":" not in value:
        return ""
    if value.startswith(":") and value[1:3] in ("0:", "1:", "2:", "3:"):
        return value[3:]
    revision, _, path = value.partition(":")
    if not revision.lstrip(":") and not path:
        return ""
    return path.removeprefix("./") if path and not path.startswith("/") else ""


#: git archive's options that take the next word.
_ARCHIVE_VALUES = frozenset({"--format", "-o", "--output", "--prefix", "--remote", "--exec"})


def _archive_paths(words: list[Arg]) -> list[Arg]:
    """``git archive [OPTIONS] TREE PATH…`` as ``-- PATH…``: the paths packed."""
    operands = operands_past(words, _ARCHIVE_VALUES, dynamic=True)
    return [("--", "--", False), *operands[1:]] if operands else []
