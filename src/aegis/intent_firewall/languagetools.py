"""Code given to a tool named for its language: ``runPython {code}``, ``node.eval {script}``.

Such a tool runs its code the way ``python3 -c`` or ``node -e`` would, so the code is judged
by the same readers (Python's syntax tree in ``inertcode.py``, the token scans of
``inlinescript.py``) as that interpreter's inline code on a command line: never as a shell
line (``import json`` is no program called ``import``). The tool's name must name exactly one
language of ``data/inline_code.toml``'s ``[tool_languages]`` in any spelling (``run_python``,
``PythonExec``, ``javascript.run``, ``ruby__eval``). A name that also says shell, notebook or
kernel, or names two languages, and a generic code tool (``run_code {language: …}``) are not
routed here: they stay judged as before (fail closed).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

__all__ = ["CODE_KEYS", "code_program", "inline_code", "inline_shell_script"]


_TABLE: dict[str, list[str]] = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/inline_code.toml").read_text()
)["tool_languages"]
_PROGRAMS: dict[str, tuple[str, ...]] = {word: tuple(argv) for word, argv in _TABLE.items()}
#: Keys that carry the code a language tool runs.
CODE_KEYS = frozenset({"code", "snippet", "expression", "expr", "code_to_run", "cell"})
#: Keys that carry its code when the tool's name also says it runs it (``node.eval
#: {script}``, ``PythonREPL {command}``), not a program file or a subcommand.
_RUN_KEYS = frozenset(
    {"script", "source", "src", "program", "input", "command", "cmd", "query", "tool_input"}
)
_RUNNING = frozenset(
    {"run", "exec", "execute", "eval", "evaluate", "interpret", "interpreter", "repl",
     "runner", "sandbox"}
)  # fmt: skip
#: Words that make a tool something else than one language's interpreter.
_OTHER_RUNNERS = frozenset(
    {"bash", "sh", "zsh", "fish", "shell", "terminal", "console", "powershell", "pwsh",
     "notebook", "kernel", "jupyter", "cell", "cells", "sql", "query", "translate", "convert",
     "to", "lint", "format", "test", "tests", "compile", "transpile"}
)  # fmt: skip


@lru_cache(maxsize=1024)
def _named(words: frozenset[str]) -> tuple[str, ...] | None:
    """The program and option of the one language ``words`` name, else ``None``."""
    if words & _OTHER_RUNNERS:
        return None
    if {"java", "script"} <= words:  # runJavaScript splits into java and script
        words = (words - {"java", "script"}) | {"javascript"}
    named = {_PROGRAMS[word] for word in words if word in _PROGRAMS}
    return next(iter(named)) if len(named) == 1 else None


def code_program(words: frozenset[str], key: str) -> tuple[str, ...] | None:
    """``("python3", "-c")`` when the value under ``key`` is code the tool of ``words``
    runs as that interpreter's inline code; ``None`` when it is not (judged as before)."""
    if key in CODE_KEYS or (key in _RUN_KEYS and words & _RUNNING):
        return _named(words)
    return None


def inline_code(words: frozenset[str], parameters: object) -> bool:
    """Whether a tool of ``words`` is given its code inline (``run_python_script {code}``,
    ``runJavaScript {code}``): a script it runs, but one judged as code, not a file nobody
    has read."""
    if _named(words) is None or not isinstance(parameters, Mapping):
        return False
    return any(
        isinstance(key, str) and key in CODE_KEYS and isinstance(value, str)
        for key, value in list(parameters.items())[:64]
    )


_SHELLS = frozenset({"sh", "bash", "zsh", "dash"})
_INTERPRETER_KEYS = frozenset({"interpreter", "shell", "language", "lang", "runtime", "executable"})
_SCRIPT_KEYS = frozenset({"script", "code", "source", "content", "body", "inline", "text"})
_QUIET_KEYS = frozenset({"cwd", "working_directory", "workdir", "timeout", "description", "reason"})


def inline_shell_script(parameters: object) -> bool:
    """``run_script {interpreter: sh, script: 'cd docs && make html'}``: the script's text is
    given inline to a shell, and that text is judged as a shell script like any command
    line, so it is no unread user script. A single word (``./build.sh``) is a script file
    and stays one; so does anything with a key not listed here."""
    if not isinstance(parameters, Mapping) or not 1 < len(parameters) <= 8:
        return False
    shells = scripts = 0
    for key, value in parameters.items():
        folded = key.casefold() if isinstance(key, str) else ""
        if folded in _INTERPRETER_KEYS and isinstance(value, str):
            shells += value.strip().rsplit("/", 1)[-1] in _SHELLS
            scripts -= value.strip().rsplit("/", 1)[-1] not in _SHELLS
        elif folded in _SCRIPT_KEYS and isinstance(value, str) and len(value.split()) > 1:
            scripts += 1
        elif folded not in _QUIET_KEYS:
            return False
    return shells == 1 and scripts == 1
