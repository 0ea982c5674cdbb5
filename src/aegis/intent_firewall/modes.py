"""Arguments whose value, not whose path, is the danger: permission modes (setuid), sizes
(filling a disk), archives extracted over system directories, and shell options that turn
history off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg, Parsed, parse_options

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = [
    "check_mode",
    "check_size",
    "others_may_write",
    "parse_size",
    "set_builtin",
    "tar",
    "umask_builtin",
    "unset_builtin",
]

#: Larger than this is not a build artefact: it fills the disk.
LARGE_BYTES = 10 << 30
_UNITS = {"": 1, "b": 512, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40,
          "p": 1 << 50, "e": 1 << 60}  # fmt: skip
_SETUID_SYMBOLIC = ("+s", "=s", "u+s", "g+s", "a+s", "ug+s", "+st", "u=s", "g=s")
_HISTORY_VARIABLES = frozenset({"histfile", "histsize", "histfilesize", "histcontrol",
                                "histignore", "history"})  # fmt: skip


def is_setuid(mode: str) -> bool:
    """Octal modes with the setuid/setgid bit (4755, 02775, 6755) or ``u+s``-style modes."""
    if mode.isdigit():
        digits = mode.lstrip("0")
        return len(digits) == 4 and digits[0] in "234567"
    return any(
        part.strip().endswith(_SETUID_SYMBOLIC) or "+s" in part or "=s" in part
        for part in mode.split(",")
    )


def check_mode(judge: CommandJudge, mode: str) -> None:
    if is_setuid(mode):
        judge.hit("setuid", f"mode {mode}")


def parse_size(text: str) -> int | None:
    """Bytes in ``10G``, ``900GB``, ``1TiB``, ``4096`` (``None`` if it is not a size)."""
    text = text.strip().lower().removesuffix("ib").removesuffix("b") if text else ""
    number = text.rstrip("kmgtpe")
    unit = text[len(number) :]
    if not number.isdigit() or len(unit) > 1 or len(number) > 20:
        return None
    return int(number) * _UNITS[unit]


def check_size(judge: CommandJudge, option: str, value: str) -> None:
    size = parse_size(value)
    if size is not None and size >= LARGE_BYTES:
        judge.hit("resource-exhaustion", f"{option} {value}")


def dd_size(judge: CommandJudge, pairs: dict[str, str]) -> None:
    block = parse_size(pairs.get("bs", "512")) or 512
    count = parse_size(pairs.get("count", "0")) or 0
    if block * count >= LARGE_BYTES:
        judge.hit("resource-exhaustion", f"dd bs={pairs.get('bs')} count={pairs.get('count')}")


def tar(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """tar: files read or written by mode, and -C a directory extracted into when extracting."""
    words = [a[0] or "" for a in args[1:]]
    first = words[0] if words else ""
    extracting = (
        "--extract" in words
        or "--get" in words
        or (not first.startswith("--") and "x" in first.lstrip("-"))
        or any(w.startswith("-") and not w.startswith("--") and "x" in w for w in words)
    )
    parsed = parse_options(spec, args[1:])
    for role, arg, _ in parsed.options:
        if role == "dir" and extracting:
            judge.path(arg, "write-tree", feed.cwd)
    if extracting and not any(role == "dir" for role, _, _ in parsed.options):
        # names come from the archive: anything below the working directory may be new
        judge.scope.written_paths.append(feed.cwd)
    if extracting and (
        "--absolute-names" in words
        or "P" in first.lstrip("-")
        or any(w.startswith("-") and not w.startswith("--") and "P" in w for w in words)
    ):
        judge.hit("sensitive-tree-write", "tar -P extracts absolute paths anywhere on the disk")
    cwd = judge.options(parsed, feed)
    old_style = not first.startswith("-") and bool(words)
    if _tar_writes(words, first):
        # the archive is opened where tar starts: -C moves only the files that follow
        _tar_archive_written(judge, parsed, old_style=old_style and "f" in first, cwd=feed.cwd)
    for operand in parsed.operands[1 if old_style else 0 :]:
        judge.path(operand, "read-tree", cwd)


#: tar's modes that write the archive (create, append, update, concatenate).
_TAR_WRITING_LONG = frozenset({"--create", "--append", "--update", "--catenate", "--concatenate"})


def _tar_writes(words: list[str], first: str) -> bool:
    """``tar czf``, ``tar -c -f``, ``tar --create``: the archive named by ``-f`` is written."""
    if _TAR_WRITING_LONG.intersection(words):
        return True
    clusters = [first] if not first.startswith("-") else []
    clusters += [w[1:] for w in words if w.startswith("-") and not w.startswith("--")]
    return any(letter in cluster for cluster in clusters for letter in "cruA")


def _tar_archive_written(judge: CommandJudge, parsed: Parsed, *, old_style: bool, cwd: str) -> None:
    """The archive of a writing tar: ``-f FILE`` (``--file``), or in the old style without a
    dash (``tar czf FILE …``) the first operand after the letters. ``-`` is standard output."""
    archives = [arg for role, arg, option in parsed.options if option in ("-f", "--file")]
    if old_style and len(parsed.operands) > 1:
        archives.append(parsed.operands[1])
    for arg in archives:
        if arg[0] not in (None, "-"):
            judge.path(arg, "write", cwd)


def set_builtin(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    words = [a[0] or "" for a in args[1:]]
    if "+o" in words and "history" in words:
        judge.hit("destructive-command", "set +o history turns shell history off")


def unset_builtin(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    for value, _, _ in args[1:]:
        if value is not None and value.lower() in _HISTORY_VARIABLES:
            judge.hit("destructive-command", f"unset {value} stops recording history")


def others_may_write(mask: str) -> bool:
    """Whether the umask ``mask`` leaves the write bit for other users on new files.

    An octal mask removes the bits it sets (``000`` and ``020`` keep others' write, ``022``
    does not); a symbolic one names the bits it *keeps* (``o=rwx``, ``a+w``, ``+w``; a clause
    without ``ugoa`` applies to all). Anything else is not a mask and is left to the caller.
    """
    if mask.isdigit():
        return len(mask) <= 4 and all(c in "01234567" for c in mask) and not int(mask, 8) & 0o002
    for clause in mask.split(","):
        who = clause[: len(clause) - len(clause.lstrip("ugoa"))]
        rest = clause[len(who) :]
        others = not who or "o" in who or "a" in who
        for index, operator in enumerate(rest):
            if others and operator in "+=" and "w" in rest[index + 1 :].split("-", 1)[0]:
                return True
    return False


def umask_builtin(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``umask 000 && cp -r secrets/ /tmp/shared``: every file the line creates afterwards is
    writable by every user; printing the mask (``umask``, ``-S``, ``-p``) changes nothing."""
    for value, written, _ in args[1:]:
        if value is not None and not value.startswith("-") and others_may_write(value):
            judge.hit("permissive-umask", f"umask {written}")
