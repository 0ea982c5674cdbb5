"""gdb and lldb: their own option grammar, the program they debug and the commands given.

Both take long options with one dash (``gdb -batch -ex bt``, ``lldb -batch -o run``), so a
word is never a cluster of letters. The program after ``--args`` (gdb) or ``--`` (lldb), or
their first operand, is run under the debugger: it is judged as the command it is, so
``gdb -batch -ex run --args rm -rf /`` is ``rm -rf /`` and ``--args ./build/app`` is the
workspace's program. Commands given by ``-ex``/``-iex`` (``-o``/``-O``/``-k``), a here-
document or an ``echo`` piped in are code, judged by the tables in ``data/grammar.toml``:
looking, stepping and stopping (``run``, ``bt``, ``info``, ``print``, ``break``,
``thread apply all bt``) are no finding; anything else (``shell``, ``!``, ``python``,
``pipe``, ``source``, ``call``, ``dump``/``restore``, ``attach``, ``target``, ``compile``,
an unknown command) is ``interpreter-code``, and so is an expression that calls a function
in the debugged process (``print system("id")``, ``$_shell("id")``). A command file (``-x``),
attaching to a process the debugger did not start (``-p PID``, a PID operand) and options
the grammar does not list stay findings. ``run ARGS`` passes ARGS through a shell: judged as
a shell line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import re2

from aegis.intent_firewall.debuggergrammar import Debugger, Reading, debuggers, read_words
from aegis.intent_firewall.literalinput import LITERAL_PRODUCERS, literal_output
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["debugger"]

_MAX_LINES = 64
_MAX_APPLY = 4
#: Words of ``thread apply``/``frame apply`` before the command: ids, ranges, ``all``, flags.
_APPLY_WORD = re2.compile(r"(?i)all|level|-[a-z]+|[\d.*$-]+")
_HEAD = re2.compile(r"[A-Za-z][\w-]*")
_RUNNERS = frozenset({"run", "r", "start", "starti", "process launch"})


def debugger(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge a gdb or lldb command line."""
    name = "lldb" if "lldb" in spec.name else "gdb"  # rust-lldb, gdb-multiarch
    session = _Session(judge, debuggers()[name], name, feed.cwd, feed.depth)
    reading = read_words(session.grammar, args[1:])
    program = session.options(reading)
    operands = reading.operands
    if program is None and operands:
        program = operands[:1] if name == "gdb" else operands
        operands = operands[1:] if name == "gdb" else []
    elif program is not None and name == "lldb" and operands:
        program = [*operands[:1], *program]  # lldb ./app -- ARGS
        operands = operands[1:]
    for value, written, _glob in operands:  # gdb PROGRAM CORE|PID
        if value is not None and value.isdigit():
            session.attached = True
            judge.hit("interpreter-code", f"{name} {written[:40]}: attaches to process {value}")
        elif value is not None:
            judge.path((value, written, False), "read", feed.cwd)
    stdin_given = bool(feed.stdin_programs or feed.stdin_text is not None or feed.stdin_redirected)
    text = _stdin_text(feed)
    if text is not None:
        session.command(text)  # echo bt | gdb …, a here-document: judged as -ex commands
    elif stdin_given:
        judge.hit("pipe-into-interpreter", f"{name} reads its commands from input")
    if program:
        from aegis.intent_firewall.commands import Feed as CommandFeed

        judge.argv(list(program), CommandFeed(cwd=feed.cwd, depth=feed.depth + 1))
    elif not (session.batch or session.attached or session.commands or operands or stdin_given):
        shown = f"{name} {' '.join(a[1] for a in args[1:])}"[:120]
        judge.hit("interactive-shell", f"{shown}: an interactive debugger")


def _stdin_text(feed: Feed) -> str | None:
    """Commands on standard input when their text is certain: a here-document or the
    output of an ``echo``/``printf`` of known words (:mod:`literalinput`)."""
    if feed.stdin_text is not None:
        return feed.stdin_text
    if (
        len(feed.stdin_programs) != 1
        or feed.stdin_programs[0] not in LITERAL_PRODUCERS
        or not set(feed.fed_by) <= LITERAL_PRODUCERS
        or feed.stdin_redirected
    ):
        return None
    return literal_output(feed.producer)


@dataclass(slots=True)
class _Session:
    """One debugger command line being judged."""

    judge: CommandJudge
    grammar: Debugger
    name: str
    cwd: str
    depth: int
    batch: bool = False
    attached: bool = False
    commands: int = 0

    def options(self, reading: Reading) -> list[Arg] | None:
        """Judge the options; return the program they name (``-e``, ``--file``) or the one
        after ``--args``/``--``."""
        program, name, hit = reading.program, self.name, self.judge.hit
        for kind, option, (value, written, _glob) in reading.options:
            if kind == "unknown":
                hit("wrapper-option", f"{name} option {option[:60]!r} is not modelled")
            elif kind == "flag":
                self.batch = self.batch or option in self.grammar.batch
            elif value is None:
                hit("shell-expansion", f"{name} {option} {written[:80]} known only at run time")
            elif kind == "command":
                self.commands += 1
                self.command(value)
            elif kind == "file":
                hit("interpreter-code", f"{name} {option} {written[:80]} runs the commands in it")
                self.judge.path((value, written, False), "read", self.cwd)
            elif kind == "attach":
                self.attached = True
                hit("interpreter-code", f"{name} {option} {written[:40]} attaches to a process")
            elif kind in ("core", "read"):
                self.judge.path((value, written, False), "read", self.cwd)
            elif kind == "program" and program is None:
                program = [(value, written, False)]
        return program

    def command(self, text: str) -> None:
        """Judge debugger command text (one command a line)."""
        lines = text.splitlines()
        for line in lines[:_MAX_LINES]:
            problem = self.line(line.strip(), 0)
            if problem is not None:
                shown = f"{self.name} command {line.strip()[:80]!r}: {problem}"
                self.judge.hit("interpreter-code", shown)
        if len(lines) > _MAX_LINES:
            self.judge.hit("too-large", f"{self.name} given more than {_MAX_LINES} command lines")

    def line(self, line: str, nested: int) -> str | None:  # noqa: PLR0911 (one reason each)
        """Why one command is code (``None``: it only looks, steps or stops)."""
        if not line or line.startswith("#"):
            return None
        found = _HEAD.match(line)
        if found is None:  # ! and | run shell commands; anything else unknown
            return "runs a shell command" if line[0] in "!|" else _NOT_PLAIN
        # the command word ends where a letter does not: x/8xw $sp, p/x v, run;
        after = line[found.end() :]
        words = [found.group(), *after.split()]
        applied = self.applied(words, nested)
        if applied is not None:
            return applied or None
        head = self.head(words)
        if head is None:
            return _NOT_PLAIN
        if head == "echo":
            return None
        if any(word in ("-o", "--outfile") or word.startswith("--outfile=") for word in words):
            return "writes memory to a file"
        called = _calls(self.grammar, after)  # the command word itself is not a call
        if called:
            return f"calls {called}() in the debugged process"
        arguments = after.split(None, 1)[1] if " " in head and len(words) > 2 else after
        if head in _RUNNERS and arguments.strip():
            # gdb and lldb start the program through a shell: its arguments are shell words
            self.judge.judge_script(": " + arguments, self.cwd, self.depth + 1)
        return None

    def applied(self, words: list[str], nested: int) -> str | None:
        """``thread apply all bt``: the applied command's problem ("" for none); ``None``
        when the command applies nothing."""
        for key, skip in ((" ".join(words[:2]).casefold(), 2), (words[0].casefold(), 1)):
            if key in self.grammar.apply:
                rest = words[skip:]
                while rest and _APPLY_WORD.fullmatch(rest[0]):
                    rest = rest[1:]
                if not rest or nested >= _MAX_APPLY:
                    return "a command applied to threads or frames that cannot be read"
                return self.line(" ".join(rest), nested + 1) or ""
        return None

    def head(self, words: list[str]) -> str | None:
        """The listed command the words start with (one word or two); a ``set`` of a
        listed setting (its log file judged as written); ``None`` for anything else."""
        head = words[0].casefold()
        pair = " ".join(words[:2]).casefold()
        if head == "set" and self.grammar.settings:
            if len(words) < 2 or words[1].casefold() not in self.grammar.settings:
                return None
            if " ".join(words[1:3]).casefold() in self.grammar.set_files and len(words) > 3:
                self.judge.path((words[3], words[3], False), "write", self.cwd)
            return head
        if pair in self.grammar.commands:
            return pair
        return head if head in self.grammar.commands else None


_NOT_PLAIN = "not a command that only looks, steps or stops"


def _calls(grammar: Debugger, line: str) -> str | None:
    """The first function an expression calls, string literals aside: the name before
    each ``(`` outside a ``"…"`` string. One pass, linear in the line."""
    quoted = escaped = False
    start = end = 0
    state = _OUTSIDE
    for position, char in enumerate(line):
        if quoted:
            escaped, quoted = (False, True) if escaped else (char == "\\", char != '"')
        elif char == '"':
            quoted, state = True, _OUTSIDE
        elif char.isalnum() or char in "_$":
            if state != _IN_NAME:
                start, state = position, _IN_NAME
            end = position + 1
        elif char.isspace():
            state = _AFTER_NAME if state != _OUTSIDE else _OUTSIDE
        elif char == "(" and state != _OUTSIDE:
            name = line[start:end]
            if not name[0].isdigit() and name.casefold() not in grammar.calls:
                return name
            state = _OUTSIDE
        else:
            state = _OUTSIDE
    return None


_OUTSIDE, _IN_NAME, _AFTER_NAME = 0, 1, 2
