"""Environment variables whose value is imported, run or written to by the program.

``environment.py`` knows the variables that load code or redirect a helper. Others carry a
value the program acts on in its own way: ``PYTHONBREAKPOINT=os.system`` imports and calls
``os.system`` at every ``breakpoint()``; ``GIT_TRACE=/home/agent/.bashrc`` appends git's
trace to a start-up file; ``SSLKEYLOGFILE`` writes the keys of every TLS session;
``CC='rm -rf ~' make`` runs the command as the compiler; ``MAKEFLAGS='SHELL=/tmp/x'``
hands make an assignment of its shell. The variables and what each value means are data
(``data/environment_effects.toml``); a value the data calls harmless (a debugger, a trace
to standard error, a toolchain program) passes.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from aegis.intent_firewall.access import Scope, judge_path

__all__ = ["judge_effects"]

_STDERR_VALUES = frozenset({"1", "2", "true", "0", "false", "yes", "no", "on", "off", ""})
_SHELL_MARKS = frozenset(";|&`$<>(){}\n")


@cache
def _data() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/environment_effects.toml")
    data = tomllib.loads(text.read_text())
    return {
        section: {k: frozenset(v) if isinstance(v, list) else v for k, v in body.items()}
        for section, body in data.items()
    }


def judge_effects(scope: Scope, key: str, value: str, shown: str, cwd: str | None) -> None:
    """Findings for setting ``key`` (lower case) to ``value``; ``shown`` is the assignment
    as written, ``cwd`` where the command runs (None: the scope's own)."""
    data = _data()
    stripped = value.strip().strip("'\"")
    if key in data["imports"]["variables"]:
        if stripped.lower() not in data["imports"]["harmless"]:
            scope.hit("dangerous-environment", f"{shown} imports and calls {stripped[:60]!r}")
    elif key in data["secrets"]["variables"]:
        scope.hit("shell-construct", f"environment override {shown} writes TLS session keys")
    elif key in data["writes"]["variables"]:
        if stripped.lower() not in _STDERR_VALUES and not stripped.isdigit():
            where = cwd or scope.workspace or "/"
            judge_path(scope, "write", stripped, stripped, where)
    elif key in data["programs"]["variables"]:
        if not _toolchain(stripped, data["programs"], _in_workspace(scope, cwd)):
            scope.hit("dangerous-environment", f"{shown} runs a command")
    elif key in data["makeflags"]["variables"]:
        _makeflags(scope, stripped, shown, cwd)


def _in_workspace(scope: Scope, cwd: str | None) -> bool:
    """Whether the command runs in the workspace (a relative compiler path is its own)."""
    where = (cwd or scope.workspace or "").rstrip("/")
    workspace = (scope.workspace or "").rstrip("/")
    return bool(workspace) and (where == workspace or where.startswith(workspace + "/"))


def _toolchain(value: str, programs: dict[str, Any], own_tree: bool = False) -> bool:
    """``gcc-12``, ``ccache clang -m32``, ``/usr/bin/x86_64-linux-gnu-gcc``: a compiler or
    build tool, behind at most one compiler cache, with options only."""
    if any(c in _SHELL_MARKS for c in value):
        return False
    words = value.split()
    if words and words[0].rsplit("/", 1)[-1] in programs["wrappers"] and len(words) > 1:
        words = words[1:]
    if not words:
        return True  # CC= unsets it: make's default
    program, options = words[0], words[1:]
    relative = (
        own_tree and not program.startswith(("/", "~", "$")) and ".." not in program.split("/")
    )
    if "/" in program and not (relative or program.startswith(tuple(programs["system_dirs"]))):
        return False  # ./toolchain/bin/gcc: the working directory's, its path judged as code
    name = program.rsplit("/", 1)[-1]
    return _toolchain_name(name, programs["toolchain"]) and all(
        word.startswith("-") for word in options
    )


def _toolchain_name(name: str, toolchain: frozenset[str]) -> bool:
    """``gcc``, ``gcc-12``, ``clang-17``, ``x86_64-linux-gnu-gcc``, ``arm-none-eabi-ld``."""
    if name in toolchain:
        return True
    base, _, version = name.rpartition("-")
    if base and version.replace(".", "").isdigit() and _toolchain_name(base, toolchain):
        return True
    parts = name.split("-")
    return len(parts) > 1 and parts[-1] in toolchain and all(p.isalnum() or "_" in p for p in parts)


def _makeflags(scope: Scope, value: str, shown: str, cwd: str | None) -> None:
    """make reads ``VAR=value`` words of MAKEFLAGS as assignments and ``--eval`` as code."""
    from aegis.intent_firewall.environment import judge_assignment

    for word in value.split()[:32]:
        if word.startswith("--eval") or word in ("-E",):
            scope.hit("dangerous-environment", f"{shown} hands make code to evaluate")
        elif "=" in word and not word.startswith("-"):
            name, _, inner = word.partition("=")
            if name.replace("_", "").isalnum():
                judge_assignment(scope, name, inner, word, cwd)
