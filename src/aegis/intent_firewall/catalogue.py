"""The command catalogue (``data/commands.toml``), loaded once into lookup tables.

The file says, per program, what its operands are (files read, written, deleted, a command
to run, network destinations …), which options take a value or change that, which rule
running it fires, and, for wrappers such as ``sudo`` or ``timeout``, the option grammar
that finds the command they run. :mod:`aegis.intent_firewall.commands` applies it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from aegis.intent_firewall.verbpatterns import group_tree, inherit_verbs

__all__ = ["Catalogue", "Program", "Wrapper", "catalogue"]

_EMPTY: Mapping[str, str] = MappingProxyType({})
#: Option grammars refining every catalogue entry, read after all other files
#: (``data/grammar.toml``: network tools, debuggers, disk tools, one-dash programs).
_GRAMMAR_FILES = ("grammar.toml",)


@dataclass(frozen=True, slots=True)
class Wrapper:
    """How a wrapper's own arguments end and the wrapped command begins."""

    values: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    #: Operands before the command (``timeout 5 cmd``); -1 for one optional user name.
    positionals: int = 0
    assignments: bool = False
    scripts: frozenset[str] = frozenset()
    split: str = ""
    applet: bool = False
    joined: bool = False
    stdin_operands: bool = False
    remote: bool = False
    lookup: frozenset[str] = frozenset()
    pid: frozenset[str] = frozenset()
    numeric_flags: bool = False
    #: Without a command, the wrapper starts an interactive shell (``script``).
    shell_default: bool = False
    #: What the wrapper does with its own operands (``script FILE`` writes FILE).
    operand_role: str = ""


@dataclass(frozen=True, slots=True)
class Program:
    name: str
    operands: str = "any"
    values: frozenset[str] = frozenset()
    options: Mapping[str, str] = field(default_factory=lambda: _EMPTY)
    finding: str = ""
    wrapper: Wrapper | None = None
    subcommands: Mapping[str, Program] = field(default_factory=dict)
    #: Operands are build goals run in order (``mvn clean deploy``): each is looked up.
    goals: bool = False
    #: Operands are command lines of the tool's own shell (``sbt 'eval …'``): ``goals =
    #: "commands"`` in the file; each command's first word is looked up.
    goal_commands: bool = False
    #: Long options written with one dash (``gdb -batch``, ``go vet -vettool=X``): ``-word``
    #: is one option, never a cluster of letters (``single_dash = true``: "words");
    #: ``single_dash = "joined"`` also lets a listed option carry its value joined to it
    #: (``gcc -MFdeps.d``, ``-isystem/opt/include``).
    single_dash: str = ""
    #: Verb patterns (``describe-*``, ``list``) for a verb no subcommand names, and the
    #: tree of group words that may come before the verb (``gcloud run services list``);
    #: see :mod:`aegis.intent_firewall.verbpatterns`.
    verbs: tuple[tuple[str, Program], ...] = ()
    groups: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    #: Options that make the entry's finding a rehearsal that changes nothing (``restic
    #: forget --dry-run``): written as such, the finding is not fired.
    rehearsal: frozenset[str] = frozenset()

    def option_role(self, option: str) -> str:
        """``value``, a role from the catalogue, or ``flag`` for options that take none."""
        role = self.options.get(option)
        if role is not None:
            return role
        return "value" if option in self.values else "flag"


@dataclass(frozen=True, slots=True)
class Catalogue:
    programs: Mapping[str, Program]
    #: ``python -m`` modules that are ordinary workspace tools.
    modules: frozenset[str] = frozenset()
    #: Option names that, where a program's entry does not model them, usually take a path
    #: the program writes (``-o``, ``--output-dir``, ``--prefix`` …).
    path_options: frozenset[str] = frozenset()
    #: ``[workspace_scripts]``: names and name fragments of offensive tools, and the
    #: directories that hold a workspace's own programs (see ``workspacescripts``).
    refused_script_names: frozenset[str] = frozenset()
    refused_script_fragments: tuple[str, ...] = ()
    program_dirs: frozenset[str] = frozenset()

    def lookup(self, name: str) -> Program | None:
        """The entry for a program base name; ``mkfs.*`` and versioned names fold in."""
        program = self.programs.get(name)
        if program is not None:
            return program
        if name.startswith("mkfs."):
            return self.programs.get("mkfs")
        stem = name.rstrip("0123456789.")
        if stem != name and stem:
            return self.programs.get(stem)
        return None


def _wrapper(data: Mapping[str, Any]) -> Wrapper:
    scripts = [data["script"]] if data.get("script") else []
    scripts += data.get("also_script", [])
    return Wrapper(
        values=frozenset(data.get("values", ())),
        flags=frozenset(data.get("flags", ())),
        positionals=int(data.get("positionals", 0)),
        assignments=bool(data.get("assignments", False)),
        scripts=frozenset(scripts),
        split=str(data.get("split", "")),
        applet=bool(data.get("applet", False)),
        joined=bool(data.get("joined", False)),
        stdin_operands=bool(data.get("stdin_operands", False)),
        remote=bool(data.get("remote", False)),
        lookup=frozenset(data.get("lookup", ())),
        pid=frozenset(data.get("pid", ())),
        numeric_flags=bool(data.get("numeric_flags", False)),
        shell_default=bool(data.get("shell_default", False)),
        operand_role=str(data.get("operand_role", "")),
    )


def _program(
    name: str, data: Mapping[str, Any] | str, base: Program | None = None, *, inherit: bool = False
) -> Program:
    if isinstance(data, str):
        data = {"operands": data}
    values = frozenset(data.get("values", ()))
    options = dict(data.get("options", {}))
    wrapper = _wrapper(data["wrapper"]) if "wrapper" in data else None
    if wrapper is not None:
        for option in wrapper.values:
            options.setdefault(option, "value")
    subcommands = {sub: _program(sub, spec) for sub, spec in data.get("subcommands", {}).items()}
    verbs = tuple((verb, _program(verb, spec)) for verb, spec in data.get("verbs", {}).items())
    groups = group_tree(data.get("groups", {}))
    operands = data.get("operands", "exec" if wrapper is not None else "any")
    finding = str(data.get("finding", ""))
    if base is not None and inherit:
        # a refinement file's entry keeps what it does not restate: subcommands and wrapper
        subcommands = {**base.subcommands, **subcommands}
        wrapper = wrapper if wrapper is not None else base.wrapper
    if base is not None:
        values |= base.values
        options = {**base.options, **options}
        # verbs given here add to the program's table (brew outdated), they do not drop the
        # ones given before; an entry without verbs has none (dpkg's options are its verbs),
        # unless it is a copy of another program's (``like``)
        if "subcommands" in data or "like" in data:
            subcommands = {**base.subcommands, **subcommands}
        finding = finding or base.finding
        operands = data.get("operands", base.operands)
        verbs = verbs or base.verbs
        groups = groups or base.groups
    # options this program takes without a value, whatever its group says (``cat -n``,
    # ``sort -n`` beside ``head -n 5``): the next word is then an operand, judged as one
    flags = frozenset(data.get("flags", ()))
    values -= flags
    options = {option: role for option, role in options.items() if option not in flags}
    return Program(
        name=name,
        operands=str(operands),
        values=values,
        options=MappingProxyType(options),
        finding=finding,
        wrapper=wrapper,
        subcommands=MappingProxyType(subcommands),
        goals=bool(data.get("goals", base.goals if base is not None else False)),
        goal_commands=data.get("goals") == "commands"
        or (base is not None and "goals" not in data and base.goal_commands),
        single_dash=_single_dash(data, base),
        verbs=verbs,
        groups=groups,
        rehearsal=frozenset(data.get("rehearsal", ())),
    )


def _single_dash(data: Mapping[str, Any], base: Program | None) -> str:
    given = data.get("single_dash", base.single_dash if base is not None else "")
    if given is True:
        return "words"
    return given if given in ("words", "joined") else ""


#: Further catalogue files of the same format, read after ``commands.toml``; an entry there
#: refines the program's entry (``flags``, more options) rather than replacing it.
_EXTRA_FILES = (
    "everyday.toml",
    "windows.toml",
    "breadth.toml",
    "cloud.toml",
    "devices.toml",
    "dataops.toml",
    "devloop.toml",
    "mltools.toml",
)


def _add_programs(
    programs: dict[str, Program], data: Mapping[str, Any], *, merge: bool = False
) -> None:
    for group in data.get("group", ()):
        for name in group["programs"]:
            base = programs.get(name.lower()) if merge else None
            programs[name.lower()] = _program(name.lower(), group, base, inherit=merge)
    for name, spec in data.get("program", {}).items():
        # ``like``: the entry starts as a copy of another program's (oc is kubectl)
        like = spec.get("like", name) if isinstance(spec, Mapping) else name
        base = programs.get(str(like).lower()) or programs.get(name.lower())
        programs[name.lower()] = _program(name.lower(), spec, base, inherit=merge)


@cache
def catalogue() -> Catalogue:
    """The catalogue shipped with the package, read once."""
    text = resources.files("aegis.intent_firewall").joinpath("data/commands.toml").read_text()
    data = tomllib.loads(text)
    programs: dict[str, Program] = {}
    _add_programs(programs, data)
    for extra in (*_EXTRA_FILES, *_GRAMMAR_FILES):
        path = resources.files("aegis.intent_firewall").joinpath(f"data/{extra}")
        extra_data = tomllib.loads(path.read_text())
        _add_programs(programs, extra_data, merge=True)
        # programs known to take one-dash long options, whichever file catalogues them
        for name in extra_data.get("single_dash", {}).get("programs", ()):
            found = programs.get(name.lower())
            if found is not None and not found.single_dash:
                programs[name.lower()] = replace(found, single_dash="words")
    for name, program in programs.items():
        if program.verbs:
            programs[name] = inherit_verbs(program)
    modules = frozenset(m.lower() for m in data.get("modules", {}).get("benign", ()))
    path_options = frozenset(data.get("defaults", {}).get("path_options", ()))
    scripts = data.get("workspace_scripts", {})
    return Catalogue(
        MappingProxyType(programs),
        modules,
        path_options,
        refused_script_names=frozenset(scripts.get("refused_names", ())),
        refused_script_fragments=tuple(scripts.get("fragments", ())),
        program_dirs=frozenset(scripts.get("program_dirs", ())),
    )
