"""Streams that never end, written to a file: ``cat /dev/zero > ~/fill`` fills the disk.

A stream is endless when a command reads an endless device (the catalogue's
``device.endless``: ``/dev/zero``, ``/dev/urandom`` …) or is ``yes``, and passes it on
without a bound; filters (``tr``, ``base64``, ``tee`` …) keep it endless, a bound
(``head``, ``dd count=``, ``pv -S``) or any other consumer ends it. Written to a file (a
redirection, ``tee FILE``, ``cp``, ``dd of=``) it is *review*; into a pipe or ``/dev/null``
it only costs CPU time.
"""

from __future__ import annotations

from functools import cache

from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.shellmodel import SimpleCommand
from aegis.intent_firewall.targets import targets

__all__ = ["ENDLESS_PROGRAMS", "endless_write"]

_GENERATORS = frozenset({"yes"})
#: Programs that copy their input (or operands) to their output without a bound.
_FILTERS = frozenset({"cat", "tac", "tee", "tr", "base64", "base32", "basenc", "od", "xxd",
                      "hexdump", "pv", "gzip", "bzip2", "xz", "zstd", "lz4", "sed", "awk",
                      "cut", "fold", "rev", "cp", "install", "dd", "strings",
                      "sponge"})  # fmt: skip
#: Programs that copy their source operand into their target operand.
_COPIERS = frozenset({"cp", "install", "dd", "sponge", "tee"})
_SINKS = frozenset({"/dev/null", "/dev/stdout", "/dev/stderr"})
#: The only programs :func:`endless_write` can answer for (for any other it returns None
#: and records nothing), so that callers skip it for the rest.
ENDLESS_PROGRAMS = _GENERATORS | _FILTERS


@cache
def _endless_names(endless: frozenset[str]) -> frozenset[str]:
    return frozenset(path.rsplit("/", 1)[-1] for path in endless)


def _bounded(program: str, args: list[Arg]) -> bool:
    words = [a[0] or "" for a in args[1:]]
    if program == "dd":
        return any(w.startswith(("count=", "iflag=count_bytes")) for w in words)
    if program == "pv":
        return any(w in ("-S", "--stop-at-size") or w.startswith("-S") for w in words)
    return False


def _endless_operand(args: list[Arg], command: SimpleCommand, home: str) -> str | None:
    endless = targets().device_endless
    names = _endless_names(endless)
    for value, _written, _glob in args[1:]:
        path = value[3:] if value is not None and value.startswith("if=") else value
        if (
            path
            and not path.startswith("-")
            and path.rstrip("/").rsplit("/", 1)[-1] in names  # cheap test before resolving
            and resolve_path(path, command.cwd, home) in endless
        ):
            return path
    for redirect in command.redirects:
        target = redirect.target
        if (
            redirect.operator == "<"
            and target is not None
            and target.value is not None
            and resolve_path(target.value, command.cwd, home) in endless
        ):
            return target.value
    return None


def _written_file(program: str, args: list[Arg], command: SimpleCommand, home: str) -> str | None:
    """A file (not a sink or a pipe) the command's output goes to."""
    for redirect in command.redirects:
        target = redirect.target
        if (
            redirect.operator.startswith((">", "&>"))
            and redirect.operator != ">&"
            and target is not None
            and target.value is not None
            and resolve_path(target.value, command.cwd, home) not in _SINKS
        ):
            return target.value
    if program in _COPIERS:
        operands = [a[0] for a in args[1:] if a[0] and not a[0].startswith("-")]
        if program == "dd":
            operands = [w[3:] for w in operands if w.startswith("of=")]
        elif program in ("cp", "install"):
            operands = operands[-1:] if len(operands) > 1 else []
        for value in operands:
            if value and resolve_path(value, command.cwd, home) not in _SINKS:
                return value
    return None


def endless_write(
    command: SimpleCommand, args: list[Arg], home: str, endless_stages: set[str]
) -> str | None:
    """Evidence when ``command`` writes an endless stream to a file; records, in
    ``endless_stages``, the programs whose output stays endless for the next stage."""
    program = command.program
    if not program:
        return None
    fed = bool(command.stdin_from) and command.stdin_from[-1] in endless_stages
    source = None
    if program in _GENERATORS:
        source = program
    elif program in _FILTERS and not _bounded(program, args):
        source = _endless_operand(args, command, home) or (command.stdin_from[-1] if fed else None)
    if source is None:
        return None
    endless_stages.add(program)
    target = _written_file(program, args, command, home)
    if target is None:
        return None
    return f"{program} copies endless {source} into {target} with no size bound"
