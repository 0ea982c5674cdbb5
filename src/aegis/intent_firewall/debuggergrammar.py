"""gdb's and lldb's option grammars and command tables (``[debugger.*]`` in
``data/grammar.toml``), and the reading of their words into options, operands and the
debugged program. Both take long options with one dash or two (``-batch``, ``--batch``)
and never cluster letters; ``-ex=CMD`` and ``-p1234`` carry their value attached.
:mod:`aegis.intent_firewall.debuggers` judges what the reading finds.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from aegis.intent_firewall.options import Arg

__all__ = ["Debugger", "Reading", "debuggers", "read_words"]


@dataclass(frozen=True, slots=True)
class Debugger:
    """One debugger's option grammar and command tables."""

    batch: frozenset[str]
    commands: frozenset[str]
    apply: Mapping[str, int]
    settings: frozenset[str]
    set_files: frozenset[str]
    calls: frozenset[str]
    kinds: Mapping[str, str]


_KINDS = ("command", "file", "attach", "core", "program", "read", "value")


def _debugger(data: Mapping[str, Any]) -> Debugger:
    kinds: dict[str, str] = dict.fromkeys(data.get("flags", ()), "flag")
    for kind in _KINDS:
        for name in data.get(f"{kind}_options", ()):
            kinds[name] = kind
    for name in data.get("args_option", ()):
        kinds[name] = "args"
    return Debugger(
        batch=frozenset(data.get("batch", ())),
        commands=frozenset(data.get("commands", ())),
        apply=MappingProxyType(dict(data.get("apply", {}))),
        settings=frozenset(data.get("set", ())),
        set_files=frozenset(data.get("set_files", ())),
        calls=frozenset(c.casefold() for c in data.get("calls", ())),
        kinds=MappingProxyType(kinds),
    )


@cache
def debuggers() -> Mapping[str, Debugger]:
    """The ``[debugger.*]`` tables of ``data/grammar.toml``, read once."""
    path = resources.files("aegis.intent_firewall").joinpath("data/grammar.toml")
    data = tomllib.loads(path.read_text()).get("debugger", {})
    return MappingProxyType({name: _debugger(spec) for name, spec in data.items()})


@dataclass(slots=True)
class Reading:
    """What a debugger's words say."""

    options: list[tuple[str, str, Arg]]
    operands: list[Arg]
    program: list[Arg] | None = None


def _kind(grammar: Debugger, name: str) -> tuple[str, str] | None:
    """The kind of option ``name`` (either dash count), and its listed spelling."""
    twin = name[1:] if name.startswith("--") else "-" + name
    for spelling in (name, twin):
        kind = grammar.kinds.get(spelling)
        if kind is not None:
            return kind, spelling
    return None


def read_words(grammar: Debugger, words: list[Arg]) -> Reading:
    reading = Reading([], [])
    index = 0
    while index < len(words):
        arg = words[index]
        index += 1
        value = arg[0]
        if value is None or not value.startswith("-") or value == "-":
            reading.operands.append(arg)
            continue
        if value == "--":
            reading.program = words[index:]
            break
        name, equals, attached = value.partition("=")
        found = _kind(grammar, name)
        if found is None and not equals and len(value) > 2 and value[1] != "-":
            short = _kind(grammar, value[:2])  # -p1234, -xcmds.gdb
            if short is not None and short[0] not in ("flag", "args"):
                found, attached, equals = short, value[2:], "="
        if found is None:
            reading.options.append(("unknown", value, (attached or None, attached, False)))
            continue
        kind, spelling = found
        if kind == "args":
            reading.program = words[index:]
            break
        if kind == "flag":
            reading.options.append(("flag", spelling, arg))
            continue
        if equals:
            given: Arg = (attached, attached, False)
        elif index < len(words):
            given = words[index]
            index += 1
        else:
            given = ("", "", False)
        reading.options.append((kind, spelling, given))
    return reading
