"""Rules on parsed shell commands, one small check per family of danger."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from aegis.intent_firewall.canonical import looks_like_path
from aegis.intent_firewall.paths import check_path, is_system_target
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.shell import Command

__all__ = ["KNOWN_PROGRAMS", "check_command"]

SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "fish", "ash", "csh", "tcsh"})
INTERPRETERS = SHELLS | {"python", "python3", "perl", "ruby", "node", "php", "source", "."}
DOWNLOADERS = frozenset({"curl", "wget", "fetch", "aria2c", "lwp-download", "http"})
_FORMATTERS = frozenset(
    {
        "mkfs",
        "mke2fs",
        "mkswap",
        "fdisk",
        "sfdisk",
        "gdisk",
        "parted",
        "wipefs",
        "format",
        "diskpart",
    }
)
_ESCALATORS = frozenset({"sudo", "su", "doas", "pkexec", "runuser"})
_SHUTDOWN = frozenset({"shutdown", "reboot", "halt", "poweroff"})
_WRITERS = frozenset(
    {
        "rm",
        "mv",
        "cp",
        "tee",
        "truncate",
        "shred",
        "install",
        "ln",
        "chmod",
        "chown",
        "chgrp",
        "sed",
        "touch",
        "dd",
    }
)
_READERS = frozenset(
    {
        "cat",
        "less",
        "more",
        "head",
        "tail",
        "grep",
        "find",
        "echo",
        "printf",
        "xxd",
        "base64",
        "strings",
        "vi",
        "vim",
        "nano",
        "scp",
        "rsync",
        "tar",
        "zip",
    }
)
_SCRIPT_SUFFIXES = (".sh", ".bash", ".zsh", ".py", ".pl", ".rb", ".js", ".php", ".ps1")
_SETUID_MODE = re.compile(r"[ugoa]*\+[rwx]*s[rwx]*|[2467]\d{3}")
#: Programs whose command lines are checked even when found outside a command parameter.
KNOWN_PROGRAMS = (
    _WRITERS
    | _READERS
    | _FORMATTERS
    | _ESCALATORS
    | _SHUTDOWN
    | INTERPRETERS
    | DOWNLOADERS
    | {"kill", "init", "telinit", "eval", "chgrp"}
)


def _recursive(args: Iterable[str]) -> bool:
    return any(
        a in ("--recursive", "-R")
        or (a.startswith("-") and not a.startswith("--") and "r" in a.lower())
        for a in args
    )


def _operands(args: Iterable[str]) -> list[str]:
    return [a for a in args if not a.startswith("-")]


def _deletion(command: Command) -> Iterator[str]:
    program, args = command.program, command.args
    targets = _operands(args)
    if program == "rm" and _recursive(args) and any(map(is_system_target, targets)):
        yield "recursive-delete-system"
    if program == "find" and "-delete" in args and any(map(is_system_target, targets)):
        yield "recursive-delete-system"


def _permissions(command: Command) -> Iterator[str]:
    if command.program not in {"chmod", "chown", "chgrp"}:
        return
    operands = _operands(command.args)
    if _recursive(command.args) and any(map(is_system_target, operands[1:])):
        yield "recursive-permission-system"
    if command.program == "chmod" and operands and _SETUID_MODE.fullmatch(operands[0]):
        yield "setuid"


def _system(command: Command) -> Iterator[str]:
    program, args = command.program, command.args
    if program in _FORMATTERS or program.startswith("mkfs."):
        yield "disk-format"
    if program in _ESCALATORS or _ESCALATORS.intersection(command.wrappers):
        yield "privilege-escalation"
    if (
        program in _SHUTDOWN
        or (program == "kill" and "-1" in args)
        or (program in {"init", "telinit"} and args[:1] in (("0",), ("6",)))
    ):
        yield "system-shutdown"


def _scripts(command: Command) -> Iterator[str]:
    program, args = command.program, command.args
    if program in INTERPRETERS:
        downloaded = DOWNLOADERS.intersection(command.piped_from) or any(
            DOWNLOADERS.intersection(body.split()) for body in command.substitutions
        )
        if downloaded:
            yield "download-piped-to-shell"
        elif "-c" not in args and _operands(args):
            yield "user-script"
    if program.endswith(_SCRIPT_SUFFIXES):
        yield "user-script"


_FAMILIES: tuple[Callable[[Command], Iterator[str]], ...] = (
    _deletion,
    _permissions,
    _system,
    _scripts,
)


def check_command(command: Command, check_url: Callable[[str], Iterator[Hit]]) -> Iterator[Hit]:
    """Every rule that fires on one command, its redirections and its path arguments."""
    shown = " ".join((command.program, *command.args))
    for family in _FAMILIES:
        for rule in family(command):
            yield default_hit(rule, shown)
    if command.program in DOWNLOADERS:
        for arg in _operands(command.args):
            yield from check_url(arg)
    if command.program == "dd":
        for arg in command.args:
            if arg.startswith("of="):
                yield from check_path(arg[3:], write=True)
    for target in command.writes:
        yield from check_path(target, write=True)
    for source in command.reads:
        yield from check_path(source, write=False)
    writes = command.program in _WRITERS
    for arg in _operands(command.args):
        if looks_like_path(arg):
            yield from check_path(arg, write=writes)
