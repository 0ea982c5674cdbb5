"""Judging one command: its program looked up in the catalogue, its arguments by role.

A wrapped command (``sudo``, ``timeout 5``, ``env -i``, ``xargs``, ``find -exec`` …) is
judged recursively, up to :data:`MAX_DEPTH` levels; a program the catalogue does not know
is *review* (a policy can allow it), and a program name known only at run time is *review*
with the construct named.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from aegis.intent_firewall.access import Scope, judge_path, judge_url
from aegis.intent_firewall.catalogue import Program, catalogue
from aegis.intent_firewall.optionroles import copy_operands, package, valued
from aegis.intent_firewall.options import Arg, Parsed, parse_options
from aegis.intent_firewall.text import written_as

__all__ = ["MAX_DEPTH", "CommandJudge", "Feed"]

MAX_DEPTH = 8
_SCRIPT_SUFFIXES = (".sh", ".bash", ".zsh", ".py", ".pl", ".rb", ".js", ".php", ".ps1", ".bat")
_PATH_ROLES = frozenset({"read", "write", "delete", "write-tree"})
#: Operand roles whose targets matter: unknown operands for these are a finding.
_CHANGES = frozenset({"delete", "write", "move", "copy", "perm", "shell", "interp", "exec", "eval"})
_DISK_SEARCHERS = frozenset({"locate", "mlocate", "plocate", "slocate", "fd", "fdfind"})
_RECURSIVE = frozenset({"-r", "-R", "--recursive", "-a", "--archive"})

#: Judges a shell script found inside a command (``sh -c``, ``eval``, here-strings).
ScriptJudge = Callable[[str, str, int], None]


@dataclass(slots=True)
class Feed:
    """Where a command's standard input and arguments come from, besides its own words."""

    cwd: str
    stdin_programs: tuple[str, ...] = ()
    stdin_text: str | None = None
    stdin_redirected: bool = False
    fed_by: tuple[str, ...] = ()
    stdin_operands: bool = False
    depth: int = 0


@cache
def _special_handlers() -> Mapping[str, Callable[[CommandJudge, Program, list[Arg], Feed], None]]:
    """The programs judged by code of their own (imported late: they use this module)."""
    from aegis.intent_firewall.specials import SPECIAL

    return SPECIAL


def shown(args: list[Arg]) -> str:
    return " ".join(a[0] if a[0] is not None else a[1] for a in args)[:120]


def _is_variable(name: str) -> bool:
    """``PREFIX``, ``DESTDIR``: an upper-case make-style variable name."""
    return bool(name) and name.isupper() and all(c.isalnum() or c == "_" for c in name)


#: Subcommand entries merged with their program's, by (program entry, subcommand entry,
#: name); the entries are kept in the value so that their ids stay theirs. Bounded.
_MERGED: dict[tuple[int, int, str], tuple[Program, Program, Program]] = {}
_MAX_MERGED = 4096


def _merged(spec: Program, sub: Program, name: str) -> Program:
    """``git`` and its ``status`` entry as one entry (options and values of both)."""
    key = (id(spec), id(sub), name)
    found = _MERGED.get(key)
    if found is not None and found[0] is spec and found[1] is sub:
        return found[2]
    merged = replace(
        sub,
        name=f"{spec.name} {name}",
        values=sub.values | spec.values,
        options={**spec.options, **sub.options},
        finding="",
    )
    if len(_MERGED) >= _MAX_MERGED:
        _MERGED.clear()
    _MERGED[key] = (spec, sub, merged)
    return merged


def _recursive(flags: set[str]) -> bool:
    """``-r``, ``--recursive``, ``-a`` or a cluster holding ``r``/``R`` (``-rf``)."""
    return not flags.isdisjoint(_RECURSIVE) or any(
        len(flag) > 2 and flag[1] != "-" and ("r" in flag or "R" in flag) for flag in flags
    )


class CommandJudge:
    def __init__(self, scope: Scope, judge_script: ScriptJudge) -> None:
        self.scope = scope
        self.judge_script = judge_script
        self.catalogue = catalogue()
        self.special = _special_handlers()

    def hit(self, rule: str, evidence: str) -> None:
        self.scope.hit(rule, evidence)

    def argv(self, args: list[Arg], feed: Feed) -> None:  # noqa: PLR0912
        """Judge one command given as its words."""
        if not args or feed.depth > MAX_DEPTH:
            if feed.depth > MAX_DEPTH:
                self.hit("shell-construct", f"commands wrapped more than {MAX_DEPTH} deep")
            return
        value, written, glob = args[0]
        if value is None:
            if not self.scope.prose:
                self.hit("dynamic-program", f"program written {written}")
            return
        name = value.rsplit("/", 1)[-1] if "/" in value else value
        name = (name or value).lower() if name.isascii() else (name or value).casefold()
        if name.endswith(".exe"):
            name = name[:-4]
        if glob:
            self.hit("dynamic-program", f"program {written_as(name, written)} is a glob")
        spec = self.catalogue.lookup(name)
        if spec is None:
            self.unknown(name, value, f"program {written_as(name, written)}", args, feed)
            return
        if self.scope.prose and spec.operands == "none" and not spec.finding:
            return
        if spec.finding:
            self.hit(spec.finding, f"program {written_as(name, written)}: {shown(args)}")
        if feed.stdin_operands:
            args = self.stdin_operands(spec, args, feed)
        if spec.subcommands:
            spec, args = self.subcommand(spec, args)
        if spec.wrapper is not None:
            from aegis.intent_firewall.wrappers import unwrap

            unwrap(self, spec, args, feed)
            return
        handler = self.special.get(spec.operands)
        if handler is not None:
            handler(self, spec, args, feed)
            return
        self.generic(spec, args, feed)

    def stdin_operands(self, spec: Program, args: list[Arg], feed: Feed) -> list[Arg]:
        """xargs and parallel add words read from standard input to the command."""
        if feed.stdin_text is not None:
            return [*args, *((w, w, False) for w in feed.stdin_text.split()[:64])]
        if spec.operands in _CHANGES or spec.wrapper is not None:
            shown_args = " ".join(a[1] for a in args)[:100]
            self.hit("shell-expansion", f"operands of {shown_args!r} come from standard input")
        # the names come from the earlier stage: files below the working directory, or
        # anywhere on the disk for the programs that search it (locate, find /)
        roots = ["/"] if set(feed.stdin_programs) & _DISK_SEARCHERS else [feed.cwd]
        role = "read-tree" if spec.operands not in ("write", "delete") else spec.operands + "-tree"
        for root in roots:
            self.path((root, root, False), role, feed.cwd)
        return args

    def unknown(self, name: str, value: str, program: str, args: list[Arg], feed: Feed) -> None:
        if self.scope.prose:
            return
        if name not in self.scope.allowed_programs:
            if ("/" in value and name.endswith(_SCRIPT_SUFFIXES)) or value.startswith("./"):
                self.hit("user-script", program)
            else:
                self.hit("unknown-program", program)
        for arg in args[1:]:
            self.maybe_path(arg, "read", feed.cwd)

    def subcommand(self, spec: Program, args: list[Arg]) -> tuple[Program, list[Arg]]:
        parsed = parse_options(spec, args[1:])
        if not parsed.operands or parsed.operands[0][0] is None:
            return spec, args
        name = parsed.operands[0][0]
        sub = spec.subcommands.get(name) or spec.subcommands.get("*")
        if sub is None:
            return spec, args
        if sub.finding:
            self.hit(sub.finding, f"{spec.name} {name}: {shown(args)}")
        merged = _merged(spec, sub, name)
        position = args.index(parsed.operands[0])
        return merged, [args[0], *args[1:position], *args[position + 1 :]]

    def maybe_path(self, arg: Arg, role: str, cwd: str) -> None:
        """Judge an operand of a program without a precise role if it looks like a path/URL."""
        value = arg[0]
        if value is None:
            return
        if "://" in value:
            judge_url(self.scope, value, arg[1], cwd)
        elif value.startswith(("/", "~", "..", "file:", "$home", "\\")) or "/" in value:
            judge_path(self.scope, role, value, arg[1], cwd, glob=arg[2])

    def path(self, arg: Arg, role: str, cwd: str) -> None:
        if arg[0] is None:
            return
        if "://" in arg[0] and not arg[0].startswith("file:"):
            judge_url(self.scope, arg[0], arg[1], cwd)
            return
        judge_path(self.scope, role, arg[0], arg[1], cwd, glob=arg[2])

    def options(self, parsed: Parsed, feed: Feed) -> str:
        """Apply option roles; return the working directory operands are relative to."""
        cwd = feed.cwd
        for role, arg, option in parsed.options:
            value = arg[0]
            if role in _PATH_ROLES:
                self.path(arg, role, cwd)
            elif role == "dir" and value is not None:
                from aegis.intent_firewall.paths import resolve_path

                cwd = resolve_path(value, cwd, self.scope.home)
                judge_path(self.scope, "read", value, arg[1], feed.cwd)
            elif (role == "url" and value is not None) or (role == "host" and value is not None):
                judge_url(self.scope, value, arg[1], cwd)
            elif role == "data" and value is not None:
                if value.startswith("@") or "=@" in value or "=<" in value:
                    target = value.split("@", 1)[1] if "@" in value else value.split("<", 1)[1]
                    self.path((target.split(";", 1)[0], arg[1], False), "read", cwd)
            elif role == "code":
                self.hit("interpreter-code", f"{option} {written_as(value or '', arg[1])}")
            elif role == "script" and value is not None:
                self.hit("interpreter-code", f"{option} runs {written_as(value, arg[1])}")
                self.judge_script(value, cwd, feed.depth + 1)
            elif role.startswith("finding"):
                self.hit(role.split(":", 1)[1], f"option {option} {value or ''}".strip())
            elif role == "pkg" and value is not None:
                package(self, arg, cwd)
            elif value is not None:
                valued(self, role, arg, option, cwd=cwd, feed=feed)
        return cwd

    def operand_shapes(self, spec: Program, parsed: Parsed, feed: Feed) -> None:
        """Operands whose shape says what they do, whatever the program's entry says."""
        for value, written, _ in parsed.operands:
            if value is None:
                continue
            if value.startswith("+") and ("!" in value or "system" in value):
                # vim +'!cmd', less '+!cmd', view '+:call system()': commands run at start
                self.hit("interpreter-code", f"{spec.name} {written[:100]} runs a command")
            elif value.startswith("@") and len(value) > 1 and value[1] in "/~.":
                # gcc @file, javac @argfile: a response file the program reads
                self.path((value[1:], written, False), "read", feed.cwd)
            elif "=" in value and _is_variable(value.partition("=")[0]):
                # make DESTDIR=/ PREFIX=/usr: a variable whose value is a path the build
                # installs under, which the catalogue does not model: fail closed
                from aegis.intent_firewall.optionroles import unmodelled_value

                assigned = value.partition("=")[2]
                unmodelled_value(
                    self, f"{spec.name} {value[:60]}", (assigned, written, False), feed.cwd
                )

    def generic(self, spec: Program, args: list[Arg], feed: Feed) -> None:  # noqa: PLR0912
        parsed = parse_options(spec, args[1:])
        self.operand_shapes(spec, parsed, feed)
        cwd = self.options(parsed, feed) if parsed.options else feed.cwd
        operands = parsed.operands
        role = spec.operands
        if "write" in parsed.modes and role in ("script", "read", "interp"):
            role = "script-write" if role == "script" else "write"
        if role in ("pattern", "script", "script-write"):
            given = any(
                r in ("pattern", "read", "code-sed", "code-awk") for r, _, _ in parsed.options
            )
            if not given and operands:
                from aegis.intent_firewall.specials import program_text

                program_text(self, spec.name, operands[0], feed)
                operands = operands[1:]
            for r, arg, _ in parsed.options:
                if r in ("code-sed", "code-awk"):
                    from aegis.intent_firewall.specials import program_text

                    program_text(self, spec.name, arg, feed)
            role = "write" if role == "script-write" else "read"
        recursive = role in ("delete", "read", "any") and _recursive(parsed.flags)
        if role == "delete" and recursive:
            role = "delete-tree"
        elif role == "read" and recursive:
            role = "read-tree"
        if role in ("read", "write", "delete", "delete-tree", "read-tree"):
            for arg in operands:
                self.path(arg, role, cwd)
        elif role == "copy":
            copy_operands(self, operands, parsed, cwd)
        elif role == "move":
            for arg in operands[:-1]:
                self.path(arg, "delete", cwd)
            for arg in operands[-1:]:
                self.path(arg, "write", cwd)
        elif role == "link":
            for arg in operands[:-1]:
                self.path(arg, "link-target", cwd)
            for arg in operands[-1:] if len(operands) > 1 else ():
                self.path(arg, "write", cwd)
        elif role == "url":
            for arg in operands:
                if arg[0] is not None:
                    judge_url(self.scope, arg[0], arg[1], cwd)
        elif role == "host":
            for arg in operands[:1]:
                if arg[0] is not None:
                    judge_url(self.scope, arg[0], arg[1], cwd)
        elif role == "pkg":
            for arg in operands:
                package(self, arg, cwd)
        elif role == "any":
            for arg in operands:
                self.maybe_path(arg, "read-tree" if recursive else "read", cwd)
