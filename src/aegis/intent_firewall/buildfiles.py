"""Files that run when tests or builds run, their literal commands judged as command lines.

``tests/conftest.py`` is imported by every ``pytest``; ``setup.py`` runs at install,
``noxfile.py`` under ``nox``, a ``Makefile``'s recipes under ``make``, ``build.rs`` under
``cargo build``. A command written into one of them runs later, unasked, with the agent's
rights: ``subprocess.run(['git', 'config', '--global', 'core.hooksPath', '/tmp/.gh'])`` in a
conftest is that ``git config`` line. The literal commands are read (Python's
``subprocess``/``os.system``/``session.run`` calls with constant arguments, recipe lines,
Rust's ``Command::new("x").args([...])``) and each is judged as the command line it is,
with its own findings; code computing its arguments at run time is left to the tests that
run it, as ordinary test code is, except where the computation is a decoding: a command or
code run from ``base64.b64decode(…)``, ``bytes.fromhex(…)``, ``zlib.decompress(…)`` or
``codecs.decode(…, "rot13")`` (``os.system``, ``subprocess``, ``exec``, ``eval``) hides what
it runs, which is ``download-piped-to-shell`` (*block*).
"""

from __future__ import annotations

import ast
import shlex
from collections.abc import Callable

import re2

from aegis.intent_firewall.decodedruns import decoded_run
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["BUILD_FILE_NAMES", "build_file_findings"]

JudgeLine = Callable[[str], list[Hit]]

_PYTHON = frozenset(
    {"conftest.py", "setup.py", "noxfile.py", "tasks.py", "fabfile.py", "dodo.py",
     "pavement.py", "hatch_build.py", "build.py", "sitecustomize.py", "usercustomize.py"}
)  # fmt: skip
_MAKE = frozenset({"makefile", "gnumakefile", "justfile", ".justfile"})
BUILD_FILE_NAMES = _PYTHON | _MAKE | {"build.rs"}
_ARGV_CALLS = frozenset({"run", "call", "check_call", "check_output", "Popen", "run_always"})
_LINE_CALLS = frozenset({"system", "popen", "getoutput", "getstatusoutput"})
_MAKE_VARIABLE = re2.compile(r"\$\(([A-Za-z0-9_.]{1,60})\)|\$\{([A-Za-z0-9_.]{1,60})\}|\$[@<^*?]")
#: A rule with its recipe after a semicolon on the same line (``all: deps ; cmd``).
_INLINE_RECIPE = re2.compile(r"^[^\s:#=;][^:#=;]{0,300}::?[^=;:]{0,1000};(.*)$")
_RUST_COMMAND = re2.compile(r'Command::new\(\s*"([^"\\]{1,200})"\s*\)([^;]{0,1000})')
_RUST_STRING = re2.compile(r'"((?:[^"\\]|\\.){0,500})"')
_ENVIRONMENT = frozenset({"HOME", "TMPDIR", "USER", "PATH", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
_MAX_TEXT = 65536
_MAX_LINES = 64


def build_file_findings(name: str, texts: list[str], judge_line: JudgeLine) -> list[Hit]:
    """Findings on the commands a build or test file named ``name`` (lower case) runs."""
    if name not in BUILD_FILE_NAMES and not name.endswith(".mk"):
        return []
    hits: list[Hit] = []
    for whole in texts:
        text = whole[:_MAX_TEXT]
        if name in _PYTHON:
            lines = _python_lines(text)
            decoded = decoded_run(text)
            if decoded:
                hits.append(default_hit("download-piped-to-shell", f"{name} runs {decoded}"))
        elif name == "build.rs":
            lines = _rust_lines(text)
        else:
            lines = _recipe_lines(text)
        for line in lines[:_MAX_LINES]:
            hits.extend(judge_line(line))
    return hits


def _python_lines(code: str) -> list[str]:
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    lines: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        attribute = node.func.attr
        if attribute in _LINE_CALLS and node.args and _constant(node.args[0]):
            lines.append(str(node.args[0].value))  # type: ignore[attr-defined]
        elif attribute in _ARGV_CALLS and node.args:
            line = _call_line(node.args)
            if line:
                lines.append(line)
    return lines


def _call_line(args: list[ast.expr]) -> str:
    """The command line a call's arguments stand for: a list of constants, a string
    (``shell=True``), or several constants (``session.run('pytest', '-q')``)."""
    first = args[0]
    if isinstance(first, ast.List | ast.Tuple):
        words = [_word(element) for element in first.elts]
    elif len(args) == 1 and _constant(first):
        return str(first.value)  # type: ignore[attr-defined]
    else:
        words = [_word(element) for element in args]
    return shlex.join(w for w in words if w is not None) if all(words) else ""


def _word(node: ast.expr) -> str | None:
    if _constant(node):
        return str(node.value)  # type: ignore[attr-defined]
    if isinstance(node, ast.Attribute) and node.attr == "executable":
        return "python"
    return None


def _constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _recipe_lines(text: str) -> list[str]:
    """Recipe lines (tab-indented in a Makefile, indented in a justfile), with make's
    variables read as plain words and its line prefixes (``@ - +``) dropped."""
    lines = []
    for written in text.splitlines():
        inline = _INLINE_RECIPE.match(written)
        # all: ; @cmd: the recipe on the rule's line
        raw = written if inline is None else "\t" + inline.group(1)
        if not raw[:1].isspace() or not raw.strip():
            continue
        line = raw.strip().lstrip("@-+ ")
        line = _MAKE_VARIABLE.sub(_make_word, line)
        lines.append(line.replace("$$", "$"))
    return lines


def _make_word(match: object) -> str:
    """A make variable as the shell word it stands for: the environment's ``$(HOME)`` is
    ``$HOME``, ``$(CURDIR)`` is ``.``, a tool variable is its lower-case name
    (``$(PYTHON)`` runs python), an automatic variable (``$@``) a plain word."""
    name = match.group(1) or match.group(2) or ""  # type: ignore[attr-defined]
    if name in _ENVIRONMENT:
        return "$" + name
    return "." if name == "CURDIR" else (name.lower() or "x")


def _rust_lines(text: str) -> list[str]:
    lines = []
    for match in _RUST_COMMAND.finditer(text):
        words = [match.group(1), *(s for s in _RUST_STRING.findall(match.group(2)))]
        lines.append(shlex.join(word.replace('\\"', '"') for word in words))
    return lines
