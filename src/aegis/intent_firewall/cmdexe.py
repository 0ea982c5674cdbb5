"""``cmd /c LINE`` and ``cmd /k LINE``: the Windows command interpreter's own line, judged
command by command as the Unix command that does the same.

Everything after ``/c`` (or ``/k``, ``/r``) is one cmd.exe line: ``&``, ``&&``, ``||`` and
``|`` separate commands, ``>``/``>>``/``<`` redirect, and a word starting with ``/`` is a
switch of the command before it (``dir /b src``: ``/b`` is no path). cmd's built-ins map to
the catalogue's programs (``type`` is ``cat``, ``del /s`` is ``rm -r``, ``rd /s`` is
``rm -r``, ``robocopy /mir`` deletes like ``rsync --delete``; ``data/everyday.toml``,
``[cmd]``); any other program is looked up under its own name, so one the catalogue does not
know stays *review*. What cmd expands when it runs (``%VAR%``, ``!VAR!`` and the ``^``
escape) is known only then: *review*, named.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["cmd", "cmd_words"]

_RUN_SWITCHES = frozenset({"/c", "/k", "/r"})
_SEPARATORS = frozenset({"&", "&&", "||", "|"})
_REDIRECTS = {">": "write", ">>": "write", "1>": "write", "2>": "write", "<": "read"}
#: Longest cmd line judged; anything longer is too large to read with confidence.
_MAX_LINE = 8191  # cmd.exe's own limit


@cache
def _builtins() -> Mapping[str, Mapping[str, object]]:
    text = resources.files("aegis.intent_firewall").joinpath("data/everyday.toml").read_text()
    table: Mapping[str, Mapping[str, object]] = tomllib.loads(text).get("cmd", {})
    return table


def cmd(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge ``cmd [switches] /c LINE``; without ``/c`` or ``/k`` it is an interactive shell."""
    from aegis.intent_firewall.specials import _deeper

    index = 1
    while index < len(args) and (args[index][0] or "").lower() not in _RUN_SWITCHES:
        word = args[index][0]
        if word is None or not word.startswith("/"):
            judge.hit("user-script", f"{spec.name} {args[index][1][:80]}")
            return
        index += 1
    if index >= len(args):
        if not (feed.stdin_programs or feed.stdin_text is not None or feed.stdin_redirected):
            judge.hit("interactive-shell", f"{spec.name} with no command line")
        else:
            judge.hit("pipe-into-interpreter", f"input fed to {spec.name}")
        return
    rest = args[index + 1 :]
    if any(arg[0] is None for arg in rest):
        judge.hit("dynamic-program", f"{spec.name} /c line known only at run time")
        return
    line = " ".join(_as_cmd_reads(arg) for arg in rest)
    if len(line) > _MAX_LINE:
        judge.hit("too-large", f"{spec.name} /c line of {len(line)} characters")
        return
    expanded = next((mark for mark in ("%", "!", "^") if mark in line), None)
    if expanded is not None:
        judge.hit("shell-construct", f"cmd.exe expansion {expanded!r} in {line[:80]!r}")
        return
    for command in _commands(line):
        words = cmd_words(command, judge, feed)
        if words:
            judge.argv(words, _deeper(feed))


def _as_cmd_reads(arg: Arg) -> str:
    """The word as cmd receives it: a Windows path typed unquoted (``C:\\Windows``) keeps its
    backslashes, which a POSIX shell reading the same text would have taken as escapes."""
    value, written, _ = arg
    if "\\" in written and not any(mark in written for mark in "\"'$"):
        return written
    return value or ""


def _commands(line: str) -> list[list[str]]:
    """The words of each command of a cmd line (double quotes group, separators split)."""
    commands: list[list[str]] = [[]]
    word: list[str] = []
    quoted = False
    pending = False
    index = 0
    while index < len(line):
        char = line[index]
        index += 1
        if char == '"':
            quoted = not quoted
            pending = True
        elif not quoted and char in " \t":
            if pending:
                commands[-1].append("".join(word))
                word, pending = [], False
        elif not quoted and char in "&|<>":
            if pending:
                commands[-1].append("".join(word))
                word, pending = [], False
            operator = char
            if index < len(line) and line[index] == char and char != "<":
                operator += char
                index += 1
            if operator in _SEPARATORS:
                commands.append([])
            else:
                commands[-1].append(operator)
        else:
            word.append(char)
            pending = True
    if pending:
        commands[-1].append("".join(word))
    return [command for command in commands if command]


def cmd_words(command: list[str], judge: CommandJudge, feed: Feed) -> list[Arg]:
    """One cmd command as the Unix argument vector it is judged as; redirections judged here."""
    words: list[str] = []
    index = 0
    while index < len(command):
        word = command[index]
        index += 1
        if word in _REDIRECTS:
            if index < len(command):
                target = command[index]
                index += 1
                if target.lower() != "nul":
                    judge.path((target, target, False), _REDIRECTS[word], feed.cwd)
            continue
        words.append(word)
    if not words:
        return []
    name = words[0].lower().removesuffix(".exe")
    entry = _builtins().get(name)
    if entry is None:
        return [(word, word, False) for word in words]
    program = str(entry.get("as", name))
    switches = entry.get("switches", {})
    out = [program, *(str(flag) for flag in _strings(entry.get("flags")))]
    for word in words[1:]:
        if word.startswith("/"):
            if isinstance(switches, dict):
                out.extend(_strings(switches.get(word.lower().split(":", 1)[0])))
        else:
            out.append(word)
    return [(word, word, False) for word in out]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    return []
