"""Shell command lines as the commands they would run.

A command line is split on control operators (``;``, ``&&``, ``||``, ``|``, ``&``,
newlines); command and process substitutions (``$(…)``, backticks, ``<(…)``) and the script
of ``sh -c``/``bash -c``/``eval`` are parsed as command lines of their own; wrappers such as
``sudo``, ``env`` or ``nohup`` are looked through. Programs are known by their base name, so
``/bin/rm`` is ``rm``. What cannot be parsed raises :class:`ShellParseError`, so the caller
can refuse it instead of guessing.
"""

from __future__ import annotations

import posixpath
import shlex
from dataclasses import dataclass, field

__all__ = ["Command", "ShellParseError", "parse_command_line"]

_OPERATORS = frozenset({";", "&&", "||", "|", "&", ";;", "|&"})
_REDIRECTS = frozenset({">", ">>", ">|", "<", "<<", "<<<", "&>", "&>>", "<>"})
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "fish", "busybox", "ash"})
#: Programs that run the rest of their arguments as a command.
_WRAPPERS = frozenset(
    {
        "sudo",
        "doas",
        "env",
        "nohup",
        "nice",
        "ionice",
        "time",
        "timeout",
        "exec",
        "command",
        "builtin",
        "xargs",
        "stdbuf",
        "chroot",
        "setsid",
        "strace",
        "watch",
        "su",
        "runuser",
        "unbuffer",
        "flock",
    }
)
#: Wrapper options that take a value (``sudo -u root``, ``timeout -s KILL``).
_WRAPPER_VALUE_OPTIONS = frozenset({"-u", "-g", "-c", "-s", "-k", "-n", "-p", "-C", "-D", "-i"})
_MAX_DEPTH = 8


class ShellParseError(ValueError):
    """A command line that cannot be parsed with confidence."""


@dataclass(frozen=True, slots=True)
class Command:
    """One simple command: program base name, its arguments, files it redirects to or from."""

    program: str
    args: tuple[str, ...]
    writes: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    wrappers: tuple[str, ...] = ()
    #: Programs of the earlier commands in the same pipeline (``curl … | sh``).
    piped_from: tuple[str, ...] = ()
    substitutions: tuple[str, ...] = field(default=())


def _extract_substitutions(text: str) -> tuple[str, list[str]]:
    """Replace ``$(…)``, ``<(…)``, ``>(…)`` and backtick spans by a word; return their bodies."""
    bodies: list[str] = []
    out: list[str] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == "\\" and index + 1 < length:
            out.append(text[index : index + 2])
            index += 2
            continue
        if char in "$<>" and text.startswith("(", index + 1):
            depth, end = 1, index + 2
            while end < length and depth:
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                end += 1
            if depth:
                raise ShellParseError(f"unbalanced {char}( in {text!r}")
            bodies.append(text[index + 2 : end - 1])
            out.append(" __substitution__ ")
            index = end
            continue
        if char == "`":
            end = text.find("`", index + 1)
            if end < 0:
                raise ShellParseError(f"unbalanced backtick in {text!r}")
            bodies.append(text[index + 1 : end])
            out.append(" __substitution__ ")
            index = end + 1
            continue
        out.append(char)
        index += 1
    return "".join(out), bodies


def _tokens(text: str) -> list[str]:
    lexer = shlex.shlex(text.replace("\n", " ; "), posix=True, punctuation_chars=";&|<>()")
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        return list(lexer)
    except ValueError as error:
        raise ShellParseError(f"{error} in {text!r}") from None


def _unwrap(words: list[str]) -> tuple[list[str], list[str]]:
    """Strip leading wrappers and environment assignments; return (command words, wrappers)."""
    wrappers: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        name = posixpath.basename(word)
        if "=" in word and not word.startswith("-") and not wrappers and index == 0:
            index += 1  # VAR=value prefix
            continue
        if name in _WRAPPERS:
            wrappers.append(name)
            index += 1
            while index < len(words) and (words[index].startswith("-") or "=" in words[index]):
                takes_value = words[index] in _WRAPPER_VALUE_OPTIONS
                index += 2 if takes_value else 1
            if name == "timeout" and index < len(words) and words[index][:1].isdigit():
                index += 1
            continue
        break
    return words[index:], wrappers


def parse_command_line(text: str, depth: int = 0) -> list[Command]:
    """Every simple command ``text`` would run, nested ones included."""
    if depth > _MAX_DEPTH:
        raise ShellParseError(f"command nesting deeper than {_MAX_DEPTH} levels")
    flat, bodies = _extract_substitutions(text)
    commands: list[Command] = []
    for body in bodies:
        commands.extend(parse_command_line(body, depth + 1))
    pipeline: list[str] = []
    words: list[str] = []
    writes: list[str] = []
    reads: list[str] = []
    tokens = _tokens(flat)
    index = 0
    while index <= len(tokens):
        token = tokens[index] if index < len(tokens) else ";"
        if token in _REDIRECTS:
            if index + 1 >= len(tokens):
                raise ShellParseError(f"redirection {token!r} without a target in {text!r}")
            (reads if token.startswith("<") else writes).append(tokens[index + 1])
            index += 2
            continue
        if token in _OPERATORS or token in {"(", ")", "{", "}"}:
            if words:
                command = _command(
                    words, writes, reads, pipeline=pipeline, bodies=bodies, depth=depth
                )
                commands.extend(command)
                pipeline = [*pipeline, command[-1].program] if token in {"|", "|&"} else []
            elif token in {"|", "|&"}:
                raise ShellParseError(f"pipe without a command before it in {text!r}")
            words, writes, reads = [], [], []
            index += 1
            continue
        if token.isdigit() and index + 1 < len(tokens) and tokens[index + 1] in _REDIRECTS:
            index += 1  # file-descriptor number of a redirection such as 2>
            continue
        words.append(token)
        index += 1
    return commands


def _command(
    words: list[str],
    writes: list[str],
    reads: list[str],
    *,
    pipeline: list[str],
    bodies: list[str],
    depth: int,
) -> list[Command]:
    words, wrappers = _unwrap(words)
    if not words:
        return [Command("", (), tuple(writes), tuple(reads), tuple(wrappers), tuple(pipeline))]
    program = posixpath.basename(words[0])
    args = words[1:]
    if program == "busybox" and args:
        program, args = posixpath.basename(args[0]), args[1:]
    nested: list[Command] = []
    if program in _SHELLS or program == "eval":
        script = _script_argument(program, args)
        if script is not None:
            nested = parse_command_line(script, depth + 1)
    command = Command(
        program,
        tuple(args),
        tuple(writes),
        tuple(reads),
        tuple(wrappers),
        tuple(pipeline),
        tuple(bodies),
    )
    return [*nested, command]


def _script_argument(program: str, args: list[str]) -> str | None:
    if program == "eval":
        return " ".join(args) if args else None
    for index, arg in enumerate(args):
        if arg.startswith("-") and not arg.startswith("--") and "c" in arg[1:]:
            return args[index + 1] if index + 1 < len(args) else None
    return None
