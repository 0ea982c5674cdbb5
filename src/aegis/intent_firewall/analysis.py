"""One command line judged: parse, then every simple command through the catalogue.

In *prose* mode (a message, a description, a search query) the text is only read as a
command where it names a program the catalogue knows, and constructs are not findings: a
sentence with an apostrophe is not an unterminated quote. In command mode (a ``cmd``
parameter, an argv list, a shell tool call) everything counts and nothing is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from aegis.intent_firewall.access import UNKNOWN_WORKSPACE, Scope, judge_path
from aegis.intent_firewall.catalogue import Program, catalogue
from aegis.intent_firewall.commands import MAX_DEPTH, CommandJudge, Feed
from aegis.intent_firewall.endless import ENDLESS_PROGRAMS, endless_write
from aegis.intent_firewall.environment import judge_assignment
from aegis.intent_firewall.hookcontent import printed_text, script_of, workspace_hook
from aegis.intent_firewall.interpreters import INTERPRETERS, SHELLS
from aegis.intent_firewall.linecontext import note_line, shell_variables
from aegis.intent_firewall.linejudges import line_findings
from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.servicetokens import token_to_its_service
from aegis.intent_firewall.shell import SimpleCommand, parse_script
from aegis.intent_firewall.shellvalues import known_braces
from aegis.intent_firewall.unguardedcd import unguarded_rest
from aegis.intent_firewall.vocabulary import SECRET_VARIABLE_WORDS, name_words
from aegis.intent_firewall.words import PWD_SUBSTITUTIONS

__all__ = ["CommandBudget", "ShellJob", "judge_argv", "judge_shell", "looks_like_command"]

_MAX_SUBSTITUTIONS = 64
_MAX_COMMANDS = 128
#: Redirections judged per simple command (each target is a path to resolve and classify).
_MAX_REDIRECTS = 64
_SHELL_MARKS = frozenset("`$|;&<>\n")
_SECRET_WORDS = SECRET_VARIABLE_WORDS | {"secret", "token", "password", "passwd", "apikey",
                                         "credential", "credentials", "private", "pat"}  # fmt: skip


class CommandBudget:
    """How much more of one request may be judged (all its values and lines share it), so
    that the time a request takes is bounded by the limits, not by how it is split: simple
    commands, characters of SQL for the parser, paths to classify, and *work* — about a
    microsecond of judging per unit, charged before each value and each command line is
    judged. Past any of them the rest is not judged (constant time) and the request goes to
    review as too much to judge; what was judged before still counts."""

    __slots__ = ("left", "limit", "line_owed", "paths_left", "paths_limit", "sql_left",
                 "sql_limit", "work_left", "work_limit")  # fmt: skip

    def __init__(self, limit: int, sql_chars: int, paths: int, work: int = 3072) -> None:
        self.limit = self.left = limit
        self.sql_limit = self.sql_left = sql_chars
        self.paths_limit = self.paths_left = paths
        self.work_limit = self.work_left = work
        #: The value just admitted has not had its command line parsed yet: that one parse
        #: is part of judging it in full, whatever is left.
        self.line_owed = False

    def spend(self, units: int) -> bool:
        """Whether one more piece of work may be done, charging its ``units``. Work that
        starts while some budget is left is done in full (each value has its own bounds),
        so a request costs at most the budget and one value more; none starts after it."""
        if self.work_left <= 0:
            return False
        self.work_left -= units
        return True

    def judge_value(self, text: str) -> bool:
        """Whether one more value may be judged in full, charging what judging it costs: a
        fixed part (the checks every value goes through) and a part per character (more for
        text that is not ASCII: normalisation, confusables and scripts work per character)."""
        per_char = _ASCII_CHARS_PER_UNIT if text.isascii() else _TEXT_CHARS_PER_UNIT
        self.line_owed = self.spend(_VALUE_UNITS + len(text) // per_char)
        return self.line_owed

    def parse_line(self, text: str) -> bool:
        """Whether one more command line may be parsed and its words judged (charged per
        character: each word goes through the catalogue). The first line of a value just
        admitted always may; later ones (lines carried in text, a tool's nested shell)
        while the budget lasts."""
        owed, self.line_owed = self.line_owed, False
        units = len(text) * _SHELL_UNITS_PER_4_CHARS // 4
        if owed:
            self.work_left -= units
            return True
        return self.spend(units)

    def classify_path(self) -> bool:
        """Whether one more value may be judged as a path (each costs a resolution and a
        classification against the catalogue; a request of thousands is not inspected)."""
        self.paths_left -= 1
        self.work_left -= _PATH_UNITS  # resolved, spelled out and classified: on top of the value
        return self.paths_left >= 0

    def parse_sql(self, length: int) -> bool:
        """Whether ``length`` more characters of SQL may go to the parser. The request's
        first SQL value always may (its own bound applies to it), later ones while the
        budget lasts: the parser's time grows with the characters, not with the values.
        Either way the statement is judged by its words too, which the work budget pays."""
        self.work_left -= _SQL_UNITS + length // _ASCII_CHARS_PER_UNIT
        allowed = self.sql_left == self.sql_limit or length <= self.sql_left
        if allowed:
            self.sql_left = max(0, self.sql_left - length)
            self.work_left -= _SQL_PARSE_UNITS  # the parser's own start, however short
        return allowed

    def take(self, wanted: int) -> int:
        """Up to ``wanted`` commands from what is left; how many were granted."""
        granted = min(wanted, self.left)
        self.left -= granted
        return granted

    def too_much(self) -> str:
        """The evidence of a request past its work budget."""
        return f"too much to judge: more than {self.work_limit} units of work in one request"


#: What judging costs, in work units (about a microsecond each, measured on the worst
#: shapes: 990 short command lines, URLs, paths or SQL statements; 4,000-character lines
#: of 2,000 words or pipes; 16,000 characters of prose, about 1 ms in ASCII and 4 ms in
#: Cyrillic, Chinese or mixed text: normalisation, confusables and scripts per character).
_VALUE_UNITS = 40
_ASCII_CHARS_PER_UNIT = 16
_TEXT_CHARS_PER_UNIT = 4
#: A value judged as a path: resolution, odd spellings and the catalogue's classes.
_PATH_UNITS = 48
_SHELL_UNITS_PER_4_CHARS = 3
_COMMAND_UNITS = 32
_SQL_UNITS = 64
#: A statement handed to the SQL parser costs about 0.4 ms before its first character
#: (tokenizer, parser and the readings of the tree), on top of its words.
_SQL_PARSE_UNITS = 320


class ShellJob(NamedTuple):
    """The settings of one shell judgement that nested scripts share. Immutable, and a
    named tuple rather than a frozen dataclass: several are built for every request, and a
    tuple is built in one step where a frozen dataclass sets each field through a call."""

    cwd: str
    cwd_known: bool
    budget: int
    #: The request's budget of simple commands (``None``: only the per-line bounds apply).
    commands: CommandBudget | None = None


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
        fields = word.fields
        if word.value is None:
            args.append((None, word.written, False))
        elif len(fields) == 1:
            args.append((fields[0], word.written, word.glob))
        else:
            args.extend((field, word.written, word.glob) for field in fields)
    return args


def _redirects(
    judge: CommandJudge, command: SimpleCommand, program: str
) -> tuple[str | None, bool]:
    stdin_text: str | None = None
    redirected = False
    scope = judge.scope
    redirects = command.redirects
    if len(redirects) > _MAX_REDIRECTS:
        scope.hit("too-large", f"more than {_MAX_REDIRECTS} redirections in one command")
        redirects = redirects[:_MAX_REDIRECTS]
    for redirect in redirects:
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
        if not reading and _clean_workspace_hook(judge, command, value):
            continue  # echo 'layout python3' > .envrc: the content was judged instead
        judge_path(
            scope,
            "read" if reading else "write",
            value,
            target.written,
            command.cwd,
            glob=target.glob,
        )
    return stdin_text, redirected


def _clean_workspace_hook(judge: CommandJudge, command: SimpleCommand, target: str) -> bool:
    """A hook or ``.envrc`` of the named workspace written by ``echo``, ``printf`` or ``cat
    <<EOF`` with text that, judged as the script it becomes, draws no finding
    (``hookcontent``). Anything else is judged by its path as before."""
    scope = judge.scope
    if not scope.cwd_known or command.program not in ("echo", "printf", "cat"):
        return False
    resolved = workspace_hook(target, command.cwd, scope.home, scope.workspace)
    if resolved is None:
        return False
    heredocs = [r.body for r in command.redirects if r.operator == "<<"]
    text = printed_text(
        [word.value if not word.constructs else None for word in command.words],
        heredocs[0] if len(heredocs) == 1 else None,
    )
    script = None if text is None else script_of(resolved, text)
    if script is None:
        return False
    trial = replace(scope, hits=[], written_paths=[])
    judge_shell(script, trial, ShellJob(command.cwd, True, _HOOK_NODES))
    return not trial.hits


#: Syntax nodes a hook's content may take to parse (a hook is a short script).
_HOOK_NODES = 20000


_KNOWN_DIRECTORIES = frozenset(
    f"parameter expansion {name}" for name in ("$PWD", "${PWD}", "$HOME", "${HOME}")
) | frozenset(f"command substitution {text}" for text in PWD_SUBSTITUTIONS)


#: Programs whose ``-n WORD`` / ``-z WORD`` only ask whether a value is empty.
_TESTS = frozenset({"test", "[", "[["})


def _presence_test(command: SimpleCommand, index: int) -> bool:
    """``test -n "$HF_TOKEN"``, ``[ -z "$TOKEN" ]``: the word is one plain expansion whose
    value only decides the exit status (set or empty); nothing prints or sends it."""
    if command.program not in _TESTS or index < 2 or len(command.words) > index + 2:
        return False
    word, before = command.words[index], command.words[index - 1]
    closing = command.words[index + 1].value if len(command.words) > index + 1 else None
    if closing is not None and closing not in ("]", "]]"):
        return False
    return (
        before.value in ("-n", "-z")
        and index == 2
        and len(word.constructs) == 1
        and word.constructs[0].startswith("parameter expansion ")
        and not word.substitutions
    )


@lru_cache(maxsize=64)
def _known_expansions(environment: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """The working and home directory, and the variables the policy configures
    (``Policy.environment``): their values are known, so a word built from them is judged
    by its resolved value."""
    configured = (f"parameter expansion {form}" for name, _ in environment
                  for form in (f"${name}", f"${{{name}}}"))  # fmt: skip
    return _KNOWN_DIRECTORIES | frozenset(configured)


_OWN_JOB = frozenset({"parameter expansion $!", "parameter expansion ${!}"})
#: Programs whose operand may be the line's own background job (``kill $!``, ``wait $PID``).
_OWN_JOB_PROGRAMS = frozenset({"kill", "wait"})


def _own_job(construct: str) -> bool:
    """``$!``, or a variable bound to it by ``PID=$!`` (see the shell walk's bindings)."""
    return construct in _OWN_JOB or construct.startswith("own background job ")


def _word_constructs(
    scope: Scope, command: SimpleCommand, lookup: Callable[[str], Program | None]
) -> None:
    """Expansions in a command's words are findings where their value matters: always in
    the program name, and in the arguments of any program that acts on them (echo's do not).
    An expansion of a variable that holds a secret is always one. ``lookup`` finds the
    program's entry (only looked up when there is an expansion)."""
    for word in command.words:
        if word.constructs:
            break
    else:
        return  # nothing to report (a loop: this runs for every command judged)
    spec = lookup(command.program)
    matters = spec is None or spec.operands != "none" or bool(spec.finding) or bool(spec.wrapper)
    known = _known_expansions(scope.environment) if scope.environment else _KNOWN_DIRECTORIES
    settings = _wrapper_settings(command, spec)
    for index, word in enumerate(command.words):
        # an argument made of the working or home directory ("$PWD":/src, $HOME/x) and text
        # is judged by its resolved value like any literal; the program name never is
        resolved = index > 0 and word.value is not None and len(word.fields) == 1
        for construct in word.constructs:
            secret = bool(_SECRET_WORDS.intersection(name_words(construct.rsplit("$", 1)[-1])))
            if secret and token_to_its_service(command, index, construct):
                continue  # curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com
            if index > 0 and construct.startswith("brace expansion ") and known_braces(word):
                continue  # rm -rf ./{dist,build}: each word it unfolds into is judged
            if index in settings:
                pass  # env FOO="$BAR" make: judged as the assignment it is (wrappers.py)
            elif _presence_test(command, index):
                pass  # [ -n "$X" ]: only whether it is set decides the exit status
            elif (index == 0 or matters) and not (resolved and construct in known):
                if index > 0 and command.program in _OWN_JOB_PROGRAMS and _own_job(construct):
                    continue  # kill $!: the job this shell just started, nothing else
                scope.hit("shell-expansion", construct)
            if secret and not _presence_test(command, index):
                scope.hit("secret-environment", construct)


def _wrapper_settings(command: SimpleCommand, spec: Program | None) -> frozenset[int]:
    """The indices of the ``NAME=value`` words a wrapper such as ``env`` takes before its
    command: variables it sets, whose values are judged as assignments, not as arguments."""
    if spec is None or spec.wrapper is None or not spec.wrapper.assignments:
        return frozenset()
    found = set()
    for index, word in enumerate(command.words[1:], start=1):
        name, equals, _ = word.written.partition("=")
        if equals and name.isascii() and name.isidentifier():
            found.add(index)
        elif not word.written.startswith("-"):
            break
    return frozenset(found)


def _over_budget(scope: Scope, budget: CommandBudget) -> None:
    scope.hit("too-large", f"more than {budget.limit} commands in one request")


def _within_bounds(
    commands: list[SimpleCommand], scope: Scope, job: ShellJob
) -> list[SimpleCommand]:
    """The commands of a line that are judged: the first ones (for blocks), up to the
    line's bound and what the request's budget has left; cutting any is a finding."""
    if len(commands) > _MAX_COMMANDS:
        if not scope.prose:
            scope.hit("too-large", f"more than {_MAX_COMMANDS} commands in one line")
        commands = commands[:_MAX_COMMANDS]
    if job.commands is not None:
        granted = job.commands.take(len(commands))
        if granted < len(commands):
            _over_budget(scope, job.commands)
            commands = commands[:granted]
        job.commands.spend(len(commands) * _COMMAND_UNITS)  # judged in full: charged after
    return commands


def _line_granted(text: str, scope: Scope, budget: CommandBudget) -> bool:
    """Whether the request's budget lets the line ``text`` be parsed; if not, a finding."""
    if budget.left <= 0:
        _over_budget(scope, budget)
        return False
    if not budget.parse_line(text):
        scope.hit("too-large", budget.too_much())
        return False
    return True


_ODD_BREAKS = ("\v", "\f", "\x85", "\u2028", "\u2029", "\x1c", "\x1d", "\x1e")
#: The ASCII ones among them, and a carriage return: an ASCII line without any has none.
_ASCII_BREAKS = frozenset(mark for mark in (*_ODD_BREAKS, "\r") if mark.isascii())


def _odd_break(text: str, scope: Scope) -> None:
    """A line-breaking character other than newline (a lone carriage return counts): bash
    reads it as part of a word, but a terminal, a log viewer or another shell may break the
    line there, so what a person reviews is not what runs."""
    if scope.prose or (text.isascii() and _ASCII_BREAKS.isdisjoint(text)):
        return  # the common line: none of the marks below can be in it
    odd = next((mark for mark in _ODD_BREAKS if mark in text), None)
    if odd is None and "\r" in text and "\r" in text.replace("\r\n", "\n"):
        odd = "\r"
    if odd is not None:
        scope.hit("shell-construct", f"line break {odd!r} bash does not see in a command")


def judge_shell(text: str, scope: Scope, job: ShellJob, depth: int = 0) -> None:
    """Every finding on the shell command line ``text``."""
    if (
        job.commands is not None and not _line_granted(text, scope, job.commands)
    ) or _powershell_line(text, scope, job, depth):
        return  # not even parsed as sh (constant time, never a pass), or PowerShell's
    nesting = (
        text.count("$(") + text.count("`") + text.count("<(") + text.count(">(")
        if "(" in text or "`" in text  # each of the four holds one of these
        else 0
    )
    if nesting > _MAX_SUBSTITUTIONS:
        if not scope.prose:
            scope.hit("too-large", f"{nesting} substitutions in one command line")
        return
    _odd_break(text, scope)
    note_line(scope, text)
    pwd = job.cwd if job.cwd_known or job.cwd != "/" else UNKNOWN_WORKSPACE
    variables = {**shell_variables(scope), "HOME": scope.home, "IFS": " ", "PWD": pwd}
    script = parse_script(text, job.cwd, variables, job.budget)
    if not scope.prose:
        for rule, evidence in script.constructs:
            scope.hit(rule, evidence)

    def nested(inner: str, cwd: str, inner_depth: int) -> None:
        inner_job = ShellJob(cwd, job.cwd_known, job.budget, job.commands)
        judge_shell(inner, scope, inner_job, inner_depth)

    judge = CommandJudge(scope, nested)
    if script.inner_scripts:
        _inner_scripts(script.inner_scripts, scope, nested, job.cwd, depth)
    commands = _within_bounds(script.commands, scope, job)
    lookup = catalogue().lookup
    line = _Line()
    for command in commands:
        program = command.program
        if command.function and program == command.function:
            scope.hit("fork-bomb", f"function {program!r} calls itself")
            continue
        if scope.prose and lookup(program) is None:
            continue
        if not scope.prose:
            _word_constructs(scope, command, lookup)
        if command.assignments:
            _assignments(scope, command, program)
        scope.cwd_known = job.cwd_known or command.cwd_moved
        stdin_text, redirected = (
            _redirects(judge, command, program) if command.redirects else (None, False)
        )
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
            assignments=_prefix_values(command) if command.assignments else (),
        )
        judge.argv(line.follow(scope, command, program, feed), feed)
    _whole_line(text, scope, job, commands, depth)


def _powershell_line(text: str, scope: Scope, job: ShellJob, depth: int) -> bool:
    """Whether ``text`` opens by setting ``$env:NAME`` (``$env:NAME='v'; dotnet run``), and
    was judged as PowerShell: no POSIX shell writes that (it would run the value of ``$env``
    as a program), PowerShell sets a variable so."""
    if text[:5].casefold() != "$env:" or scope.prose:
        return False
    from aegis.intent_firewall.powershell import judge_powershell

    def nested(inner: str, cwd: str, inner_depth: int) -> None:
        judge_shell(
            inner, scope, ShellJob(cwd, job.cwd_known, job.budget, job.commands), inner_depth
        )

    judge_powershell(CommandJudge(scope, nested), text, Feed(cwd=job.cwd, depth=depth))
    return True


def _whole_line(
    text: str, scope: Scope, job: ShellJob, commands: list[SimpleCommand], depth: int
) -> None:
    """What the line's commands do together (``linejudges.py``), and the rest of the line
    after a ``cd`` that need not have succeeded judged where it would run then
    (``unguardedcd.py``: ``cd build; rm -rf *``)."""
    if not scope.prose:
        for rule, evidence in line_findings(commands):
            scope.hit(rule, evidence)
    rest = unguarded_rest(text) if "cd" in text or "pushd" in text else None
    if rest is not None:
        judge_shell(rest, scope, ShellJob(job.cwd, job.cwd_known, job.budget, job.commands), depth)


def _prefix_values(command: SimpleCommand) -> tuple[tuple[str, str | None], ...]:
    """``RAILS_ENV=test`` before a command: what the command's own environment holds."""
    return tuple((name, word.value) for name, word in command.assignments)


def _assignments(scope: Scope, command: SimpleCommand, program: str) -> None:
    for name, word in command.assignments:
        if name == "IFS" and program == "read":
            continue  # IFS= read -r line: how read splits this one line, nothing else
        value = word.value if word.value is not None else word.written
        judge_assignment(scope, name, value, word.written, command.cwd)


@dataclass(slots=True)
class _Line:
    """What one stage of a line tells the next: its words (what xargs is fed) and whether
    its output never ends (``cat /dev/zero``)."""

    stages: dict[str, tuple[Arg, ...]] = field(default_factory=dict)
    endless: set[str] = field(default_factory=set)

    def follow(self, scope: Scope, command: SimpleCommand, program: str, feed: Feed) -> list[Arg]:
        """The command's words; ``feed`` learns its producer stage."""
        if command.stdin_from:
            feed.producer = self.stages.get(command.stdin_from[-1], ())
        args = _args(command)
        if program:
            self.stages[program] = tuple(args)
            if program in ENDLESS_PROGRAMS:  # no other program starts or passes on a stream
                filling = endless_write(command, args, scope.home, self.endless)
                if filling is not None:
                    scope.hit("resource-exhaustion", filling)
        return args


def _inner_scripts(
    scripts: list[str], scope: Scope, nested: Callable[[str, str, int], None], cwd: str, depth: int
) -> None:
    """Command text the grammar left as text (backticks in ``${x-…}`` or in a here-document)."""
    for inner in scripts[:16]:
        if depth >= MAX_DEPTH:
            scope.hit("shell-construct", f"substitutions nested more than {MAX_DEPTH} deep")
            return
        nested(inner, cwd, depth + 1)


def judge_argv(argv: list[str], scope: Scope, job: ShellJob) -> None:
    """A command given as an argument vector (no shell between it and the program)."""

    def nested(inner: str, cwd: str, depth: int) -> None:
        judge_shell(inner, scope, ShellJob(cwd, job.cwd_known, job.budget, job.commands), depth)

    judge = CommandJudge(scope, nested)
    scope.cwd_known = job.cwd_known
    judge.argv([(word, word, False) for word in argv], Feed(cwd=job.cwd))
