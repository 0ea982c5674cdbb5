"""Shell command lines as the simple commands they would run, parsed by tree-sitter-bash.

The tree is walked iteratively (no recursion, so no input can exhaust the stack) and only
node kinds the firewall understands are accepted, as OpenAI Codex's command-safety check
does; any other kind, and any parse error, is reported as a construct for the firewall to
answer *review* or *block* on, never silently skipped. The walk follows ``cd`` within the
line, the static assignments it sees, pipelines (which programs feed a command's stdin),
here-documents and substitutions (judged as commands of their own).
"""

from __future__ import annotations

import threading
from typing import Any

import tree_sitter
import tree_sitter_bash

from aegis.intent_firewall.bindings import Bindings
from aegis.intent_firewall.fastlex import is_plain, plain_script
from aegis.intent_firewall.shellloops import LoopParts
from aegis.intent_firewall.shellmodel import (
    IGNORED,
    MAX_COMMAND_WORDS,
    MAX_LINE_COMMANDS,
    MAX_NESTING,
    REDIRECTS,
    STRUCTURE,
    WORDISH,
    Context,
    Redirect,
    Script,
    SimpleCommand,
)
from aegis.intent_firewall.shellparts import WalkerParts
from aegis.intent_firewall.shellvalues import LiteralParts, fed_loops
from aegis.intent_firewall.words import Word, resolve_word

__all__ = ["Redirect", "Script", "SimpleCommand", "join_continuations", "parse_script"]

_local = threading.local()
_MAX_COMMANDS = MAX_LINE_COMMANDS


def _parser() -> tree_sitter.Parser:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_bash.language()))
        _local.parser = parser
    return parser


class _Walker(LiteralParts, LoopParts, WalkerParts):
    def __init__(
        self,
        source: bytes,
        cwd: str,
        variables: dict[str, str],
        budget: int,
        bindings: Bindings | None = None,
    ) -> None:
        self.source = source
        self.cwd = cwd
        self.variables = dict(variables)
        #: What the line starts with (the policy's stable variables): a word built from
        #: one of these, still unchanged, is judged by its value.
        self.given = dict(variables)
        #: Arrays assigned on the line from plain words: elements, end of the assignment.
        self.arrays: dict[str, tuple[tuple[str, ...], int]] = {}
        self.budget = budget
        self.moved = False
        #: $PWD until a cd: the abstract workspace root when the policy names no directory.
        self.start_pwd = self.variables.get("PWD", cwd)
        self.trailing: list[Word] = []
        self.script = Script()
        #: Redirections tree-sitter hangs on a whole list or pipeline, by the (start, end)
        #: of the simple command bash gives them to: the last one.
        self.handed_down: dict[tuple[int, int], list[Any]] = {}
        self.bindings = bindings if bindings is not None else Bindings()
        #: Simple commands that are pipeline stages, by (start, end): a loop's producer.
        self.stage_commands: dict[tuple[int, int], SimpleCommand] = {}
        #: ``read`` commands that bind their loop's variable, by (start, end).
        self.binding_sites: set[tuple[int, int]] = set()

    def text(self, node: Any) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def construct(self, rule: str, evidence: str) -> None:
        if len(self.script.constructs) < 64:
            self.script.constructs.append((rule, evidence[:200]))

    def word(self, node: Any, context: Context, stack: list[Any], *, emit: bool = True) -> Word:
        """Resolve a word; its constructs are findings now (``emit``) or when the command
        it belongs to is judged, where it is known whether the word's value matters."""
        self.variables["PWD"] = self.cwd if self.moved else self.start_pwd
        bindings = self.bindings
        word = resolve_word(node, self.source, self.variables, bindings.bound, bindings.used)
        if word.value is not None and word.value.startswith(("~-", "~+")):
            word = _tilde_directory(word, self.cwd, self.variables)
        if emit:
            for construct in word.constructs:
                self.construct("shell-expansion", construct)
        for hazard in word.hazards:
            self.construct("shell-expansion", hazard)
        if word.scripts:
            self.script.inner_scripts.extend(word.scripts[:16])
        if word.substitutions:
            feeds: list[str] = context.feeds if context.feeds is not None else []
            stack.extend(
                (substitution, Context(feeds=feeds, function=context.function))
                for substitution in word.substitutions
            )
        return word

    def walk(self, root: Any) -> Script:
        stack: list[Any] = [(root, Context())]
        while stack:
            item = stack.pop()
            if item[0] == "restore":
                self.cwd, self.moved = item[1], item[2]
                continue
            if item[0] == "bind":
                self.bindings.bound[item[1]] = item[2]
                continue
            if item[0] == "unbind":
                self.bindings.bound.pop(item[1], None)
                continue
            node, context = item
            self.script.nodes += 1
            if len(self.script.commands) > _MAX_COMMANDS:
                self.construct("too-large", f"more than {_MAX_COMMANDS} commands")
                break
            if self.script.nodes > self.budget:
                self.construct("too-large", f"more than {self.budget} shell nodes")
                break
            self.visit(node, context, stack)
        return self.script

    def visit(self, node: Any, context: Context, stack: list[Any]) -> None:  # noqa: PLR0912
        kind = node.type
        if node.is_error or node.is_missing:
            self.construct("unparseable-command", f"parse error at {self.text(node)[:60]!r}")
            return
        if kind in ("command", "declaration_command", "unset_command"):
            extra = (
                self.handed_down.pop((node.start_byte, node.end_byte), [])
                if self.handed_down
                else []
            )
            self.command(node, extra, context, stack)
        elif kind == "redirected_statement":
            self.redirected(node, context, stack)
        elif kind == "variable_assignment":
            self.command(node, [], context, stack, assignment_only=True)
        elif kind in ("command_substitution", "process_substitution", "subshell"):
            stack.append(("restore", self.cwd, self.moved))
            self.children(node, context, stack)
        elif kind == "pipeline":
            stages: list[tuple[int, str]] = []
            index = 0
            pushed = []
            for child in node.children:
                if child.type in ("|", "|&"):
                    index += 1
                    continue
                pushed.append((child, Context(stages, index, context.feeds, context.function)))
            stack.extend(reversed(pushed))
        elif kind == "function_definition":
            name = node.child_by_field_name("name")
            function = self.text(name) if name is not None else ""
            self.script.functions.add(function)
            body = node.child_by_field_name("body")
            if body is not None:
                stack.append((body, Context(feeds=context.feeds, function=function)))
        elif kind == "for_statement":
            self.for_loop(node, context, stack)
        elif kind == "while_statement" and self.while_read(node, context, stack):
            pass
        elif kind in ("while_statement", "c_style_for_statement") and _endless_spawner(node):
            self.construct(
                "resource-exhaustion", f"endless loop of background jobs: {self.text(node)[:60]}"
            )
            self.children(node, context, stack)
        elif kind in ("while_statement", "c_style_for_statement") and _endless_filler(node):
            self.construct(
                "resource-exhaustion", f"endless loop that creates files: {self.text(node)[:60]}"
            )
            self.children(node, context, stack)
        elif kind in STRUCTURE:
            self.children(node, context, stack)
        elif kind in WORDISH:
            self.word(node, context, stack)
        elif kind in REDIRECTS:
            self.command(node.parent, [node], context, stack, redirect_only=True)
        elif node.is_named and kind not in IGNORED:
            self.construct("shell-construct", f"{kind} {self.text(node)[:60]}")

    def writes_of(self, node: Any, command: SimpleCommand, context: Context) -> None:
        """What the command may write to variables (bound ones must not change)."""
        key = (node.start_byte, node.end_byte)
        if context.stages is not None:
            self.stage_commands[key] = command
        words, assignments = command.words, command.assignments
        site = key in self.binding_sites or self.own_job_site(node, words, assignments)
        site = site or self.literal_site(node, words, assignments)
        self.bindings.command(command.program, words, assignments, site=site)

    def children(self, node: Any, context: Context, stack: list[Any]) -> None:
        for child in reversed(node.children):
            if child.is_named or child.is_error or child.is_missing:
                stack.append((child, context))
            elif child.type == "&":
                continue  # a background job runs the same command: nothing more to judge

    def redirected(self, node: Any, context: Context, stack: list[Any]) -> None:
        body = node.child_by_field_name("body")
        redirects = [c for c in node.named_children if c.type in REDIRECTS]
        if body is not None and body.type == "command":
            self.command(body, redirects, context, stack)
            return
        last = _last_command(body)
        if last is not None and redirects:
            # `echo x && rm 2>/dev/null -rf /`: tree-sitter hangs the redirection (and the
            # words after it) on the whole list; bash gives them to the last command
            self.handed_down[(last.start_byte, last.end_byte)] = redirects
            stack.append((body, context))
            return
        if redirects:
            self.command(node, redirects, context, stack, redirect_only=True)
        if body is not None:
            stack.append((body, context))

    def command(  # noqa: PLR0912, PLR0915
        self,
        node: Any,
        extra_redirects: list[Any],
        context: Context,
        stack: list[Any],
        *,
        assignment_only: bool = False,
        redirect_only: bool = False,
    ) -> None:
        words: list[Word] = []
        assignments: list[tuple[str, Word]] = []
        redirects: list[Redirect] = []
        feeds: list[str] = []
        inner = Context(feeds=feeds, function=context.function)
        children = [node] if assignment_only else ([] if redirect_only else node.named_children)
        if node.type == "unset_command":
            words.append(Word("unset", "unset", ("unset",)))
            words.extend(
                Word(self.text(c), self.text(c), (self.text(c),))
                for c in node.named_children
                if c.type == "variable_name"
            )
        if node.type == "declaration_command":
            words.append(
                Word(
                    written=node.children[0].type,
                    value=node.children[0].type,
                    fields=(node.children[0].type,),
                )
            )
        previous_end, previous_kind = -1, ""
        parts = [*children, *extra_redirects]
        if len(parts) > MAX_COMMAND_WORDS:
            self.construct("too-large", f"more than {MAX_COMMAND_WORDS} words in one command")
            parts = parts[:MAX_COMMAND_WORDS]
        for child in parts:
            kind = child.type
            adjacent = previous_end == child.start_byte and (
                previous_kind in WORDISH or previous_kind == "command_name"
            )
            previous_end, previous_kind = child.end_byte, kind
            if kind == "variable_assignment":
                assignments.append(self.assignment(child, inner, stack))
            elif kind in REDIRECTS:
                redirects.extend(self.redirect(child, inner, stack))
                words.extend(self.trailing)
                self.trailing = []
            elif kind == "command_name":
                words.append(
                    self.word(child.named_children[0], inner, stack, emit=False)
                    if child.named_children
                    else Word(self.text(child), None)
                )
            elif kind in WORDISH:
                word = self.word(child, inner, stack, emit=False)
                if kind == "process_substitution" and words:
                    word = self.piped_file(child, word)
                if words and adjacent:
                    # tree-sitter splits '/'\etc into two arguments; bash reads one word
                    word = _joined(words.pop(), word)
                words.append(word)
            elif kind == "variable_name":
                self.bindings.declaration([self.text(child)], [])
            elif kind == "comment":
                continue
            elif child.is_error or child.is_missing:
                self.construct("unparseable-command", f"parse error at {self.text(child)[:60]!r}")
            else:
                self.construct("shell-construct", f"{kind} {self.text(child)[:60]}")
        stdin: tuple[str, ...] = ()
        if context.stages is not None:  # the nearest earlier stages only: constant time
            recent = [p for s, p in context.stages[-16:] if s < context.stage]
            stdin = tuple(recent[-8:])
        command = SimpleCommand(
            words, assignments, redirects, self.cwd, stdin, feeds, context.function, self.moved
        )
        self.script.commands.append(command)
        program = command.program
        self.writes_of(node, command, context)
        if context.stages is not None and program:
            context.stages.append((context.stage, program))
        if context.feeds is not None and program:
            context.feeds.append(program)
        if not words:
            for name, value in assignments:
                if value.value is not None and not value.constructs:
                    self.variables[name.upper()] = value.value
        elif program in ("cd", "pushd"):
            self.change_directory(words)


def parse_script(text: str, cwd: str, variables: dict[str, str], budget: int) -> Script:
    """Every simple command ``text`` would run, plus what the walk could not resolve."""
    if "\\\n" in text:
        text = join_continuations(text)
    if is_plain(text):
        plain = plain_script(text, cwd, dict(variables))
        if plain is not None:
            return plain
    if not text.isascii() and _crashes_the_scanner(text):
        script = Script()
        script.constructs.append(
            ("unparseable-command", "'{' before a character outside the BMP: not parsed")
        )
        return script
    if _nested_deeper(text, MAX_NESTING):
        script = Script()
        script.constructs.append(("too-large", f"brackets nested over {MAX_NESTING} deep"))
        return script
    source = text.encode("utf-8", "surrogatepass")
    tree = _parser().parse(source)
    if b"<(" in source and (fed := fed_loops(tree.root_node, source)) is not None:
        source, tree = fed, _parser().parse(fed)  # while ...; done < <(P): P | while ...
    walker = _Walker(source, cwd, variables, budget)
    script = walker.walk(tree.root_node)
    unsound = walker.bindings.unsound()
    if unsound is not None:
        # a bound variable is written elsewhere on the line: walk again without binding it
        names, every = unsound
        walker = _Walker(source, cwd, variables, budget, Bindings(names, every))
        script = walker.walk(tree.root_node)
    return script


_OPENING = "([{"
_CLOSING = ")]}"


def _nested_deeper(text: str, bound: int) -> bool:
    """Whether more than ``bound`` brackets are open at once somewhere in ``text`` (quotes
    are not told apart: a line that only looks this deep is not parsed either, never
    passed). Lines with fewer openings than the bound, nearly all, cost three counts."""
    if sum(text.count(mark) for mark in _OPENING) <= bound:
        return False
    depth = 0
    for char in text:
        if char in _OPENING:
            depth += 1
            if depth > bound:
                return True
        elif char in _CLOSING and depth:
            depth -= 1
    return False


def _last_command(body: Any) -> Any:
    """The simple command that ends a list or pipeline ``body`` (``None`` if it ends in a
    compound command, whose redirection is its own, or ``body`` is neither)."""
    node = body
    while node is not None and node.type in ("list", "pipeline"):
        named = [c for c in node.named_children if c.type != "comment"]
        node = named[-1] if named else None
    if node is body or node is None or node.type != "command":
        return None
    return node


def _joined(first: Word, second: Word) -> Word:
    """One word of two adjacent pieces."""
    value = None if first.value is None or second.value is None else first.value + second.value
    return Word(
        written=first.written + second.written,
        value=value,
        fields=(value,) if value is not None else (),
        constructs=[*first.constructs, *second.constructs],
        substitutions=[*first.substitutions, *second.substitutions],
        glob=first.glob or second.glob,
        hazards=[*first.hazards, *second.hazards],
        scripts=[*first.scripts, *second.scripts],
    )


def _tilde_directory(word: Word, cwd: str, variables: dict[str, str]) -> Word:
    """``~+`` is the working directory and ``~-`` the previous one (``/`` when unknown)."""
    value = word.value or ""
    if len(value) > 2 and value[2] != "/":
        return word
    base = variables.get("PWD", cwd) if value.startswith("~+") else variables.get("OLDPWD", "/")
    resolved = base.rstrip("/") + value[2:] if len(value) > 2 else base
    word.value = resolved
    word.fields = (resolved,)
    return word


def _crashes_the_scanner(text: str) -> bool:
    """``{`` followed by a character outside the Basic Multilingual Plane, directly or after
    a run of letters, digits, ``-`` or ``_`` in the same word (``{7`` then U+FF7DB), crashes
    tree-sitter-bash 0.25's scanner on Linux (tree-sitter-bash issue 337; the run found by
    a property test): such a line is not handed to it, and answers *review* as
    unparseable. A linear scan (each character is looked at by at most one run)."""
    index = text.find("{")
    while 0 <= index < len(text) - 1:
        after = index + 1
        while (
            after < len(text)
            and after - index <= 32
            and (text[after].isalnum() or text[after] in "-_")
        ):
            if ord(text[after]) > 0xFFFF:
                return True
            after += 1
        if after < len(text) and ord(text[after]) > 0xFFFF:
            return True
        index = text.find("{", after)
    return False


def join_continuations(text: str) -> str:
    """``text`` with every backslash-newline outside single quotes removed, as bash does
    before it splits words (``o\\<newline>f=/dev/sda`` is ``of=/dev/sda``). A linear scan."""
    out: list[str] = []
    index, length = 0, len(text)
    quoted = double = False
    while index < length:
        char = text[index]
        if quoted:
            out.append(char)
            quoted = char != "'"
            index += 1
        elif char == '"':
            out.append(char)
            double = not double
            index += 1
        elif char == "'" and not double:
            out.append(char)
            quoted = True
            index += 1
        elif char == "\\" and index + 1 < length:
            if text[index + 1] != "\n":
                out.append(text[index : index + 2])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


#: Loop conditions that never change: ``while true``, ``while :``, ``until false``.
_ALWAYS = frozenset({"true", ":", "[ 1 ]", "[[ 1 ]]", "(( 1 ))", "((1))", "/bin/true"})
_NEVER = frozenset({"false", "/bin/false", "! true", "[ ]"})


#: Words in a loop's body that end it or pace it (a poll that sleeps is not a flood).
_LOOP_ENDS = (b"break", b"exit", b"return", b"sleep", b"read", b"wait", b"timeout")
#: Words in a loop's body that create files or directories on every pass.
_LOOP_CREATES = (b"mkdir", b">", b"touch", b"cp ", b"fallocate", b"dd ", b"tee ", b"ln ")


def _endless_filler(node: Any) -> bool:
    """A loop that never ends, never waits and creates a file or directory on every pass
    (``while true; do mkdir x && cd x; done``): it fills the disk or its inodes."""
    body = node.child_by_field_name("body")
    text = (body.text or b"") if body is not None else b""
    if not text or any(word in text for word in _LOOP_ENDS):
        return False
    if not any(word in text for word in _LOOP_CREATES):
        return False
    return _never_ends(node, body)


def _never_ends(node: Any, body: Any) -> bool:
    if node.type == "c_style_for_statement":
        return all(not c.is_named for c in node.children if c != body)
    condition = node.child_by_field_name("condition")
    if condition is None or condition.text is None:
        return False
    text = condition.text.decode("utf-8", "replace").strip()
    until = node.children[0].type == "until"
    return text in (_NEVER if until else _ALWAYS)


def _endless_spawner(node: Any) -> bool:
    """A loop that never ends and starts a background job on every pass: every pass adds a
    process, so it exhausts the process table like a fork bomb (a loop with a ``break`` or
    a bounded condition is left to the commands it runs)."""
    body = node.child_by_field_name("body")
    if body is None or not any(child.type == "&" for child in body.children):
        return False
    if b"break" in (body.text or b"") or b"exit" in (body.text or b""):
        return False
    if node.type == "c_style_for_statement":
        return all(not c.is_named for c in node.children if c != body)
    condition = node.child_by_field_name("condition")
    if condition is None or condition.text is None:
        return False
    text = condition.text.decode("utf-8", "replace").strip()
    until = node.children[0].type == "until"
    return text in (_NEVER if until else _ALWAYS)
