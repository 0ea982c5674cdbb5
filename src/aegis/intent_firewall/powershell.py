"""PowerShell command lines, judged as the Unix commands that do the same.

``powershell -c "Remove-Item -Recurse -Force C:\\"`` is ``rm -r -f /``. A small tokenizer
reads PowerShell's quoting (``'…'`` literal, ``"…"`` expanding, the backtick escape) and
statement separators; each statement's cmdlet is looked up in ``data/powershell.toml``
(aliases, parameters by unique prefix, positional parameters) and translated into an
argument vector for the command catalogue, so paths, URLs and hosts meet the same rules
as in bash. A cmdlet or parameter the catalogue does not list, a variable or
subexpression whose value is only known at run time, and anything too large are *review*
with the construct named (fail closed). A native program (``git``, ``python``) is judged
as itself.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.psverbs import drive_words, expression, is_expression, read_only_cmdlet

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["judge_powershell", "looks_like_cmdlet"]

_MAX_TEXT = 4096
_MAX_STATEMENTS = 64
_SEPARATORS = frozenset(";\n|{}()")
#: Approved PowerShell verbs: ``Verb-Noun`` with one of them is a cmdlet name.
_VERBS = frozenset({
    "add", "approve", "assert", "backup", "block", "build", "checkpoint", "clear", "close",
    "compare", "complete", "compress", "confirm", "connect", "convert", "convertfrom", "convertto",
    "copy", "debug", "deny", "deploy", "disable", "disconnect", "dismount", "edit", "enable",
    "enter", "exit", "expand", "export", "find", "format", "get", "grant", "group", "hide",
    "import", "initialize", "install", "invoke", "join", "limit", "lock", "measure", "merge",
    "mount", "move", "new", "open", "optimize", "out", "ping", "pop", "protect", "publish",
    "push", "read", "receive", "redo", "register", "remove", "rename", "repair", "request",
    "reset", "resize", "resolve", "restart", "restore", "resume", "revoke", "save", "search",
    "select", "send", "set", "show", "skip", "split", "start", "step", "stop", "submit", "suspend",
    "switch", "sync", "test", "trace", "unblock", "undo", "uninstall", "unlock", "unprotect",
    "unpublish", "unregister", "update", "use", "wait", "watch", "where", "write", "foreach",
    "sort", "tee",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Cmdlet:
    name: str
    program: str = ""
    finding: str = ""
    positional: tuple[str, ...] = ()
    params: Mapping[str, str] = field(default_factory=dict)


@cache
def _catalogue() -> tuple[dict[str, _Cmdlet], dict[str, str]]:
    text = resources.files("aegis.intent_firewall").joinpath("data/powershell.toml").read_text()
    data: dict[str, Any] = tomllib.loads(text)
    cmdlets: dict[str, _Cmdlet] = {}
    for name, spec in data.get("cmdlet", {}).items():
        entry = _Cmdlet(
            name=name,
            program=str(spec.get("as", "")),
            finding=str(spec.get("finding", "")),
            positional=tuple(spec.get("positional", ())),
            params=dict(spec.get("params", {})),
        )
        cmdlets[name] = entry
        for alias in spec.get("aliases", ()):
            cmdlets.setdefault(alias, entry)
    return cmdlets, dict(data.get("common", {}).get("params", {}))


def looks_like_cmdlet(name: str) -> bool:
    """``Remove-Item``, ``get-content``: a ``Verb-Noun`` name with an approved verb."""
    verb, dash, noun = name.lower().partition("-")
    return bool(dash) and verb in _VERBS and noun.replace("-", "").isalnum()


@dataclass(slots=True)
class _Token:
    value: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unknown: str = ""


class _Lexer:
    """PowerShell words and statements; a linear scan."""

    def __init__(self, text: str, home: str) -> None:
        self.text = text
        self.home = home
        self.index = 0
        self.statements: list[list[tuple[str | None, str, str]]] = [[]]
        self.token: _Token | None = None

    def run(self) -> list[list[tuple[str | None, str, str]]]:
        text = self.text
        while self.index < len(text):
            char = text[self.index]
            if char in " \t\r":
                self.end_token()
                self.index += 1
            elif char in _SEPARATORS or text.startswith("&&", self.index):
                if char == "(" and self.token is not None:
                    self.add("", "(")  # Name( with no blank: a call, marked in the word
                self.end_statement()
                self.index += 2 if text.startswith(("&&", "||"), self.index) else 1
            elif char == "#":
                end = text.find("\n", self.index)
                self.index = len(text) if end < 0 else end
            elif char == "'":
                self.single_quoted()
            elif char == '"':
                self.double_quoted()
            elif char == "`":
                self.add(text[self.index + 1 : self.index + 2], text[self.index : self.index + 2])
                self.index += 2
            elif char == "$":
                self.variable()
            else:
                self.add(char, char)
                self.index += 1
        self.end_statement()
        return [s for s in self.statements if s]

    def add(self, value: str, written: str) -> None:
        if self.token is None:
            self.token = _Token()
        self.token.value.append(value)
        self.token.written.append(written)

    def end_token(self) -> None:
        if self.token is not None:
            token = self.token
            value = None if token.unknown else "".join(token.value)
            self.statements[-1].append((value, "".join(token.written), token.unknown))
            self.token = None

    def end_statement(self) -> None:
        self.end_token()
        if self.statements[-1] and len(self.statements) < _MAX_STATEMENTS:
            self.statements.append([])

    def single_quoted(self) -> None:
        start = self.index
        self.index += 1
        out: list[str] = []
        while self.index < len(self.text):
            char = self.text[self.index]
            if char == "'" and self.text.startswith("''", self.index):
                out.append("'")
                self.index += 2
                continue
            self.index += 1
            if char == "'":
                break
            out.append(char)
        self.add("".join(out), self.text[start : self.index])

    def double_quoted(self) -> None:
        start = self.index
        self.index += 1
        out: list[str] = []
        while self.index < len(self.text):
            char = self.text[self.index]
            self.index += 1
            if char == "`" and self.index < len(self.text):
                out.append(self.text[self.index])
                self.index += 1
            elif char == '"':
                break
            else:
                out.append(char)
        inner = "".join(out)
        self.add(inner, self.text[start : self.index])
        if "$" in inner and self.token is not None:
            self.token.unknown = self.token.unknown or f"expansion in {inner[:60]!r}"

    def variable(self) -> None:
        start = self.index
        self.index += 1
        while self.index < len(self.text) and (
            self.text[self.index].isalnum() or self.text[self.index] in "_:?"
        ):
            self.index += 1
        name = self.text[start + 1 : self.index].lower()
        written = self.text[start : self.index]
        known = {"home": self.home, "env:userprofile": self.home, "env:home": self.home,
                 "true": "$true", "false": "$false", "null": ""}  # fmt: skip
        self.add(known.get(name, ""), written)
        if name not in known and self.token is not None:
            self.token.unknown = f"variable {written or '$'}"


def judge_powershell(judge: CommandJudge, text: str, feed: Feed) -> None:
    """Every finding on the PowerShell command line ``text``."""
    if len(text) > _MAX_TEXT:
        judge.hit("too-large", f"PowerShell command line of {len(text)} characters")
        return
    for statement in _Lexer(text, judge.scope.home).run():
        _statement(judge, statement, replace(feed, depth=feed.depth + 1))


#: Keywords that run nothing themselves: their conditions and bodies, in parentheses and
#: braces, are statements of their own and judged as such.
_KEYWORDS = frozenset(
    {"if", "elseif", "else", "while", "do", "until", "try", "catch", "finally", "switch",
     "foreach", "for"}
)  # fmt: skip


def _statement(judge: CommandJudge, words: list[tuple[str | None, str, str]], feed: Feed) -> None:
    if len(words) == 1 and (words[0][0] or "").lower() in _KEYWORDS:
        return
    if is_expression(words):
        # $_.Length -gt 10, [Math]::Round(…), 1..5: a value, not a command; its calls and
        # an assignment's right-hand side are what run
        words = expression(judge, words)
        if not words:
            return
    for value, written, unknown in words:
        if value is None:
            judge.hit("shell-expansion", f"PowerShell {unknown} in {written[:60]!r}")
    first = words[0][0]
    if first is None:
        judge.hit("dynamic-program", f"PowerShell command written {words[0][1][:60]}")
        return
    name = first.replace("\\", "/").rsplit("/", 1)[-1].lower().removesuffix(".exe")
    cmdlets, common = _catalogue()
    entry = cmdlets.get(name)
    args: list[Arg] = [(v, w, v is not None and any(c in v for c in "*?")) for v, w, _ in words]
    drive_words(judge, words)
    if entry is None:
        if judge.catalogue.lookup(name) is not None and not looks_like_cmdlet(name):
            judge.argv(args, feed)  # git, python, npm: native programs judged as themselves
        elif not (looks_like_cmdlet(name) and read_only_cmdlet(judge, name, args, feed)):
            judge.hit("powershell-command", f"cmdlet {first[:60]!r} is not in the catalogue")
        return
    _translate(judge, entry, common, args, feed)


def _parameter(entry: _Cmdlet, common: Mapping[str, str], written: str) -> tuple[str, str]:
    """(full name, role) of ``-Name`` or its unique prefix; ("", "") when unknown."""
    name = written.lower()
    for table in (entry.params, common):
        if name in table:
            return name, table[name]
    matches = [p for table in (entry.params, common) for p in table if p.startswith(name)]
    if len(set(matches)) == 1:
        full = matches[0]
        return full, entry.params.get(full) or common[full]
    return "", ""


def _translate(
    judge: CommandJudge, entry: _Cmdlet, common: Mapping[str, str], args: list[Arg], feed: Feed
) -> None:
    if entry.finding:
        judge.hit(entry.finding, f"PowerShell {' '.join(a[1] for a in args)[:100]}")
    operands: list[Arg] = []
    options: list[Arg] = []
    called: dict[str, Arg] = {}
    named: set[str] = set()
    index = 1
    while index < len(args):
        role, taken, index = _next_parameter(judge, entry, common, args, index, named=named)
        if role == "operand":
            operands.append(taken)
        elif role.startswith(("opt:", "flag:")):
            options.append((role[5:] if role[0] == "f" else role[4:], taken[1], False))
            if role.startswith("opt:"):
                options.append(taken)
        elif role in ("program", "arguments"):
            called[role] = taken
    if "program" in called:
        _start_process(judge, called, feed)
    elif entry.program:
        _piped_targets(judge, entry, operands)
        judge.argv([(entry.program, args[0][1], False), *options, *operands], feed)


#: What a cmdlet judged as one of these programs does to its operands changes them.
_CHANGING = frozenset({"delete", "write", "move", "copy", "perm"})


def _piped_targets(judge: CommandJudge, entry: _Cmdlet, operands: list[Arg]) -> None:
    """``Get-ChildItem C:\\ -Recurse | Remove-Item``: with no path of its own a changing
    cmdlet acts on whatever the pipeline sends it, known only when it runs."""
    spec = judge.catalogue.lookup(entry.program or "")
    if not operands and spec is not None and spec.operands in _CHANGING:
        judge.hit("shell-expansion", f"{entry.name} acts on the paths its pipeline sends")


def _next_parameter(
    judge: CommandJudge,
    entry: _Cmdlet,
    common: Mapping[str, str],
    args: list[Arg],
    index: int,
    *,
    named: set[str],
) -> tuple[str, Arg, int]:
    """The role and value of the parameter at ``index`` (named, switch or positional), and
    where the next one starts; a switch set to ``$false`` and unknown names have no role."""
    arg = args[index]
    index += 1
    value = arg[0] or ""
    if not (value.startswith("-") and len(value) > 1 and not value[1].isdigit()):
        full = next((p for p in entry.positional if p not in named), "")
        named.add(full)
        return entry.params.get(full, "operand"), arg, index
    option, _, attached = value.partition(":")
    full, role = _parameter(entry, common, option)
    if not role:
        judge.hit("powershell-command", f"{entry.name} parameter {arg[1][:40]!r}")
        return "", arg, index
    named.add(full)
    if role == "flag" or role.startswith("flag:"):
        return ("" if attached.lower() == "$false" else role), arg, index
    if attached:
        return role, (attached, attached, False), index
    if index < len(args):
        return role, args[index], index + 1
    return "", arg, index


def _start_process(judge: CommandJudge, called: Mapping[str, Arg], feed: Feed) -> None:
    """``Start-Process -FilePath X -ArgumentList '…'``: X run with those arguments."""
    program = called["program"]
    arguments = called.get("arguments")
    words = [] if arguments is None or arguments[0] is None else split_arguments(arguments[0])
    if arguments is not None and arguments[0] is None:
        judge.hit("shell-expansion", f"Start-Process arguments {arguments[1][:60]!r}")
    judge.argv([program, *((w, w, False) for w in words)], feed)


def split_arguments(text: str) -> list[str]:
    """A Windows command line's words: blanks separate, double quotes group (no escapes
    beyond ``\\"``, as ``CommandLineToArgvW`` reads a plain line). A linear scan."""
    words: list[str] = []
    current: list[str] = []
    quoted = started = False
    index = 0
    while index < len(text):
        char = text[index]
        index += 1
        if char == "\\" and text[index : index + 1] == '"':
            current.append('"')
            index += 1
        elif char == '"':
            quoted, started = not quoted, True
        elif char in " \t" and not quoted:
            if current or started:
                words.append("".join(current))
            current, started = [], False
        else:
            current.append(char)
    if current or started:
        words.append("".join(current))
    return words[:4096]
