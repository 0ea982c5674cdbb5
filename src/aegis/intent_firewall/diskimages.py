"""Disk tools given an image file: ``mkfs.ext4 -F ./fixtures/disk.img`` writes one file.

``mkfs.*``, ``mke2fs``, ``mkswap``, ``sgdisk``, ``parted``, ``fdisk`` and kin format or
repartition whatever they are given, and a regular file is as good as a disk to them: test
suites build file-system images that way. Given only regular files inside the working
directory, such a tool writes those files and nothing else, so it is judged as writing them
(the ordinary rules for workspace files then apply). Anything else keeps the program's own
finding (``disk-format``): a device (``/dev/*``, a device-looking name such as ``sdb1`` or
``nvme0n1p2``, also inside an option value such as ``-J device=/dev/sdb``), a path outside
the working directory, a word known only at run time or a glob, or no file named at all
(``fdisk -l`` lists every disk). Every word is read, option values included, so no option
grammar is needed to find the target: a word that is no path (``gpt``, ``16M``, a label)
names nothing. The firewall reads text: a workspace file that is a link to a device is not
seen (``ln -s /dev/sda`` on the line is its own finding).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import below_working_directory

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["disk_image"]

#: Names the kernel gives block devices (as a whole word: ``sdb1`` is one, ``sdb1.img`` not).
_DEVICE_NAME = re2.compile(
    r"(?:[shv]d[a-z]+|xvd[a-z]+|nvme\d+(?:n\d+)?(?:p\d+)?|mmcblk\d+(?:p\d+)?|loop\d+(?:p\d+)?"
    r"|nbd\d+(?:p\d+)?|md\d+(?:p\d+)?|dm-\d+|sr\d+|r?disk\d+(?:s\d+)?|zram\d+|ram\d+|fd\d+"
    r"|mtdblock\d+|ubi\d+(?:_\d+)?|rbd\d+|zd\d+)\d*"
)
#: Device names are short; a longer word is not matched (keeps the match constant-time).
_MAX_DEVICE_NAME = 24
_SYSTEM_TREES = ("/dev/", "/proc/", "/sys/", "/run/")
#: Words a tool reads as paths: with a slash or a dot (``disk.img``, ``./x``).
_PATH_CHARS = frozenset("/.~\\")
_MAX_WORDS = 64


def disk_image(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge a disk tool: workspace image files are written; anything else is the
    program's finding."""
    files: list[Arg] = []
    problem = _problem(judge, args[1 : _MAX_WORDS + 1], feed, files)
    if problem is None and len(args) > _MAX_WORDS + 1:
        problem = "too many words to read"
    if problem is None and not files:
        problem = "no image file named"
    if problem is not None:
        shown = " ".join(a[0] if a[0] is not None else a[1] for a in args)[:120]
        judge.hit(spec.finding or "disk-format", f"program {spec.name!r}: {shown} ({problem})")
        return
    for arg in files:
        judge.path(arg, "write", feed.cwd)


def _problem(judge: CommandJudge, words: list[Arg], feed: Feed, files: list[Arg]) -> str | None:
    """Why the words may name more than workspace files (``None``: they do not); the
    files they name are added to ``files``."""
    first_operand = True
    for value, written, glob in words:
        if value is None or glob:
            return f"{written[:60]} is known only when the shell runs"
        for piece, operand in _pieces(value, first_operand=first_operand):
            reason = _piece_problem(judge, piece, feed.cwd, operand=operand)
            if reason is not None:
                return reason
            if operand or any(c in _PATH_CHARS for c in piece):
                files.append((piece, written_as(piece, written), False))
        if not value.startswith("-"):
            first_operand = False
    return None


def _pieces(value: str, *, first_operand: bool) -> list[tuple[str, bool]]:
    """The parts of a word that may name a file, each with whether it is the tool's first
    operand (its target even without a slash: ``mkfs.ext4 disk``)."""
    if value.startswith("-"):
        # --backup=FILE, -d/etc (a value attached to a short option)
        tail = value.partition("=")[2] if "=" in value else value[2:] if value[1:2] != "-" else ""
        return [(part, False) for part in re2.split(r"[=,]", tail) if part]
    if "=" in value or "," in value:
        return [(part, False) for part in re2.split(r"[=,]", value) if part]
    return [(value, first_operand)]


def _piece_problem(judge: CommandJudge, piece: str, cwd: str, *, operand: bool) -> str | None:
    name = piece.rstrip("/").rsplit("/", 1)[-1]
    if len(name) <= _MAX_DEVICE_NAME and _DEVICE_NAME.fullmatch(name):
        return f"{piece[:60]!r} names a device"
    if not operand and not any(c in _PATH_CHARS for c in piece):
        return None  # a label, a size, a parted command
    scope = judge.scope
    resolved = resolve_path(piece, cwd, scope.home)
    if resolved.startswith(_SYSTEM_TREES) or resolved in ("/dev", "/proc", "/sys"):
        return f"{piece[:60]!r} is a device or kernel file"
    if not below_working_directory(scope, piece, resolved):
        return f"{piece[:60]!r} is outside the working directory"
    return None
