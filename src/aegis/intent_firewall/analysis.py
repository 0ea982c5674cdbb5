"""One command line judged: parse, then every simple command through the catalogue.

In *prose* mode (a message, a description, a search query) the text is only read as a
command where it names a program the catalogue knows, and constructs are not findings: a
sentence with an apostrophe is not an unterminated quote. In command mode (a ``cmd``
parameter, an argv list, a shell tool call) everything counts and nothing is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from aegis.intent_firewall.access import Scope, judge_path
from aegis.intent_firewall.catalogue import Program, catalogue
from aegis.intent_firewall.commands import CommandJudge, Feed
from aegis.intent_firewall.environment import judge_assignment
from aegis.intent_firewall.interpreters import INTERPRETERS, SHELLS
from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.shell import SimpleCommand, parse_script
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["ShellJob", "judge_argv", "judge_shell", "looks_like_command"]

_MAX_SUBSTITUTIONS = 64
_MAX_COMMANDS = 128
_SHELL_MARKS = frozenset("`$|;&<>\n")
_SECRET_WORDS = frozenset({"secret", "token", "password", "passwd", "apikey", "credential",
                           "credentials", "private", "pat", "passphrase"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class ShellJob:
    """The settings of one shell judgement that nested scripts share."""

    cwd: str
    cwd_known: bool
    budget: int


def looks_like_command(text: str) -> bool:
    """Prose worth parsing: shell punctuation, or a first word the catalogue knows."""
    if any(mark in text for mark in _SHELL_MARKS):
        return True
    first = text.lstrip().split(None, 1)[0] if text.strip() else ""
    if "/" in first or "\\" in first:
        return False  # a path on its own is a path, not a command
    spec = catalogue().lookup(first)
    return spec is not None and (spec.operands != "none" or bool(spec.finding))


def _args(command: SimpleCommand) -> list[Arg]:
    args: list[Arg] = []
    for word in command.words:
        if word.value is None:
            args.append((None, word.written, False))
        else:
            args.extend((field, word.written, word.glob) for field in word.fields)
    return args


def _redirects(
    judge: CommandJudge, command: SimpleCommand, program: str
) -> tuple[str | None, bool]:
    stdin_text: str | None = None
    redirected = False
    scope = judge.scope
    for redirect in command.redirects:
        if redirect.operator in ("<<", "<<<"):
            stdin_text = redirect.body or ""
            continue
        target = redirect.target
        if target is None or target.value is None:
            continue
        value = target.value
        if redirect.operator in (">&", "<&") and (value.isdigit() or value == "-"):
            continue
        if value.startswith(("/dev/tcp/", "/dev/udp/")) and program in SHELLS | INTERPRETERS:
            scope.hit("reverse-shell", f"{program} redirected to {value}")
        reading = redirect.operator.startswith("<") and redirect.operator != "<>"
        redirected = redirected or reading
        judge_path(
            scope,
            "read" if reading else "write",
            value,
            target.written,
            command.cwd,
            glob=target.glob,
        )
    return stdin_text, redirected


_KNOWN_DIRECTORIES = frozenset(
    f"parameter expansion {name}" for name in ("$PWD", "${PWD}", "$HOME", "${HOME}")
)


_OWN_JOB = frozenset({"parameter expansion $!", "parameter expansion ${!}"})


def _word_constructs(scope: Scope, command: SimpleCommand, spec: Program | None) -> None:
    """Expansions in a command's words are findings where their value matters: always in
    the program name, and in the arguments of any program that acts on them (echo's do not).
    An expansion of a variable that holds a secret is always one."""
    matters = spec is None or spec.operands != "none" or bool(spec.finding) or bool(spec.wrapper)
    for index, word in enumerate(command.words):
        # an argument made of the working or home directory ("$PWD":/src, $HOME/x) and text
        # is judged by its resolved value like any literal; the program name never is
        resolved = index > 0 and word.value is not None and len(word.fields) == 1
        for construct in word.constructs:
            if (index == 0 or matters) and not (resolved and construct in _KNOWN_DIRECTORIES):
                if index > 0 and command.program == "kill" and construct in _OWN_JOB:
                    continue  # kill $!: the job this shell just started, nothing else
                scope.hit("shell-expansion", construct)
            if _SECRET_WORDS.intersection(name_words(construct.rsplit("$", 1)[-1])):
                scope.hit("secret-environment", construct)


def judge_shell(text: str, scope: Scope, job: ShellJob, depth: int = 0) -> None:
    """Every finding on the shell command line ``text``."""
    nesting = text.count("$(") + text.count("`") + text.count("<(") + text.count(">(")
    if nesting > _MAX_SUBSTITUTIONS:
        if not scope.prose:
            scope.hit("too-large", f"{nesting} substitutions in one command line")
        return
    variables = {"HOME": scope.home, "IFS": " ", "PWD": job.cwd}
    script = parse_script(text, job.cwd, variables, job.budget)
    if not scope.prose:
        for rule, evidence in script.constructs:
            scope.hit(rule, evidence)

    def nested(inner: str, cwd: str, inner_depth: int) -> None:
        judge_shell(inner, scope, ShellJob(cwd, job.cwd_known, job.budget), inner_depth)

    judge = CommandJudge(scope, nested)
    commands = script.commands
    if len(commands) > _MAX_COMMANDS:
        if not scope.prose:
            scope.hit("too-large", f"{len(commands)} commands in one line")
        commands = commands[:_MAX_COMMANDS]  # the first ones are still judged, for blocks
    for command in commands:
        program = command.program
        if command.function and program == command.function:
            scope.hit("fork-bomb", f"function {program!r} calls itself")
            continue
        spec = catalogue().lookup(program)
        if scope.prose and spec is None:
            continue
        if not scope.prose:
            _word_constructs(scope, command, spec)
        for name, word in command.assignments:
            value = word.value if word.value is not None else word.written
            judge_assignment(scope, name, value, word.written)
        scope.cwd_known = job.cwd_known or command.cwd_moved
        stdin_text, redirected = _redirects(judge, command, program)
        if program in script.functions and not scope.prose:
            scope.hit("unknown-program", f"shell function {program!r}")
            continue
        feed = Feed(
            cwd=command.cwd,
            stdin_programs=command.stdin_from,
            stdin_text=stdin_text,
            stdin_redirected=redirected,
            fed_by=tuple(command.fed_by),
            depth=depth,
        )
        judge.argv(_args(command), feed)


def judge_argv(argv: list[str], scope: Scope, job: ShellJob) -> None:
    """A command given as an argument vector (no shell between it and the program)."""

    def nested(inner: str, cwd: str, depth: int) -> None:
        judge_shell(inner, scope, ShellJob(cwd, job.cwd_known, job.budget), depth)

    judge = CommandJudge(scope, nested)
    scope.cwd_known = job.cwd_known
    judge.argv([(word, word, False) for word in argv], Feed(cwd=job.cwd))
