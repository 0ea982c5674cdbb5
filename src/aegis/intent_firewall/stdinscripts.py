"""A shell or interpreter given its script on standard input by the tool call.

``{"command": "bash -s", "stdin": "npm ci && npm test"}`` runs ``npm ci && npm test``: a
shell without a script operand reads its commands from standard input, and here the tool
call writes that input. The shell is then no interactive session nobody can read, it runs
a script the firewall has in hand: the stdin text is judged as that script (a command line),
and only then is the interactive-shell finding on the command dropped. ``python3 -`` and
``node -`` (or either with no operand) read their program from standard input the same way:
the text is judged as the code ``python3 -c`` or ``node -e`` would be given.

Only the plain forms count: the program alone, ``-s`` with positional arguments, or the
strictness options (``-e``, ``-u``, ``-x``, ``-o pipefail``). ``bash -i``, wrappers (``sudo``,
``ssh``) and an empty or blank stdin keep their findings. Only the request's top-level
parameters are read: a command nested deeper keeps its findings (fail closed).
"""

from __future__ import annotations

import posixpath
import shlex
from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.rules import Hit

__all__ = ["STDIN_KEYS", "stdin_code_program", "stdin_shell_key", "without_stdin_shell"]

#: Keys whose text a tool writes to the program's standard input.
STDIN_KEYS = frozenset(
    {"stdin", "input", "script_stdin", "stdin_text", "stdin_data", "input_text", "stdin_input"}
)
_COMMAND_KEYS = ("command", "cmd", "command_line", "shell_command")
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh"})
_STRICT = frozenset({"-e", "-u", "-x", "-eu", "-ex", "-ux", "-eux", "-euo", "-eo", "-o",
                     "pipefail", "-v", "--noprofile", "--norc"})  # fmt: skip
#: Interpreters that read their program from stdin, and how their inline code is given.
_CODE_FLAGS = {"python": ("python3", "-c"), "node": ("node", "-e"), "nodejs": ("node", "-e"),
               "perl": ("perl", "-e"), "ruby": ("ruby", "-e")}  # fmt: skip
_MAX_COMMAND = 200


def _argv(parameters: Mapping[Any, Any]) -> list[str] | None:
    for key in _COMMAND_KEYS:
        value = parameters.get(key)
        if isinstance(value, str) and len(value) <= _MAX_COMMAND and value.isascii():
            if any(char in value for char in ";&|<>()$`\n\\{}*?!#"):
                return None  # more than one plain program: each judged as it stands
            try:
                return shlex.split(value)
            except ValueError:
                return None
    return None


def _stdin_text(parameters: Mapping[Any, Any]) -> str:
    for key in STDIN_KEYS:
        value = parameters.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _reader(argv: list[str]) -> str | None:
    """``"shell"`` or the interpreter (``"python"``, ``"node"``, …) when ``argv`` reads its
    program from standard input in a plain form, else ``None``."""
    if not argv:
        return None
    name = posixpath.basename(argv[0])
    args = argv[1:]
    if name in _SHELLS:
        if "-s" in args:
            args = args[: args.index("-s")]  # what follows -s is the script's $1, $2, …
        return "shell" if all(arg in _STRICT for arg in args) else None
    language = next((known for known in _CODE_FLAGS if _version_of(name, known)), "")
    if language:
        return language if not args or args[0] == "-" else None  # python3.12 -
    return None


def _version_of(name: str, known: str) -> bool:
    """Whether ``name`` is ``known`` or a versioned name of it (``python3.12``, ``perl5``)."""
    rest = name[len(known) :] if name.startswith(known) else "x"
    return not rest or rest.replace(".", "").isdigit()


def _fed(parameters: object, key: str, text: str) -> str | None:
    """What reads the stdin of the top-level ``parameters`` when ``text`` is their value
    under ``key`` (a value nested deeper is no part of that call)."""
    if not isinstance(parameters, Mapping) or parameters.get(key) != text:
        return None
    if not _stdin_text(parameters):
        return None
    argv = _argv(parameters)
    return _reader(argv) if argv is not None else None


def stdin_shell_key(key: str, text: str, parameters: object) -> bool:
    """Whether ``text`` under ``key`` is the script a shell beside it reads on stdin."""
    return key in STDIN_KEYS and _fed(parameters, key, text) == "shell"


def stdin_code_program(key: str, text: str, parameters: object) -> tuple[str, ...] | None:
    """``("python3", "-c")`` when the value under ``key`` is the program an interpreter
    beside it reads on stdin (judged as that interpreter's inline code), else ``None``."""
    if key not in STDIN_KEYS:
        return None
    reader = _fed(parameters, key, text)
    return _CODE_FLAGS.get(reader) if reader is not None else None


def without_stdin_shell(hits: list[Hit], key: str, text: str, parameters: object) -> list[Hit]:
    """``hits`` of the command under ``key`` without the interactive-shell finding when the
    shell it starts reads the script given beside it (judged as its own value)."""
    if key not in _COMMAND_KEYS or not any(hit.rule == "interactive-shell" for hit in hits):
        return hits
    if _fed(parameters, key, text) is None:
        return hits
    return [hit for hit in hits if hit.rule != "interactive-shell"]
