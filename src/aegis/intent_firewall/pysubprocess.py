"""Python code that runs programs by literal argument vectors, judged as those commands.

``import subprocess, sys; r = subprocess.run([sys.executable, '-m', 'pytest', '-q',
'tests/unit'], capture_output=True, text=True); print(r.stdout[-2000:])`` runs ``python -m
pytest -q tests/unit`` and prints its output: it gets the answer that command line gets. Read
only when certain, on Python's own syntax tree: every call of ``subprocess.run``, ``call``,
``check_call``, ``check_output`` or ``Popen`` (also imported by name) is given a list or
tuple written out of string constants and ``sys.executable`` (which is ``python``), and only
keywords that shape the output (``capture_output``, ``text``, ``check``, ``timeout``,
``stdout=subprocess.PIPE`` …) with constant values; the code around the calls, each call
standing for a value, stays inside ``inertcode``'s closed grammar. Anything else (``shell=
True``, ``env=``, ``cwd=``, an argument computed at run time, ``os.system``) keeps the code's
``interpreter-code`` finding.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from aegis.intent_firewall.inertcode import inert_python

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["literal_subprocesses", "subprocess_argvs"]

_FUNCTIONS = frozenset({"run", "call", "check_call", "check_output", "Popen"})
_KEYWORDS = frozenset(
    {"capture_output", "text", "check", "timeout", "universal_newlines", "encoding", "errors",
     "stdout", "stderr"}
)  # fmt: skip
_STREAMS = frozenset({"PIPE", "DEVNULL", "STDOUT"})
_MAX_CODE = 2000
_MAX_CALLS = 8


def _subprocess_names(tree: ast.Module) -> tuple[set[str], set[str]] | None:
    """Names bound to the module and to its functions by the code's top-level imports."""
    modules: set[str] = set()
    functions: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.asname or a.name for a in node.names if a.name == "subprocess"}
        elif isinstance(node, ast.ImportFrom) and node.module == "subprocess":
            if any(a.name not in _FUNCTIONS | _STREAMS for a in node.names):
                return None
            functions |= {a.asname or a.name for a in node.names if a.name in _FUNCTIONS}
    return modules, functions


def _word(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if not isinstance(node, ast.Attribute) or node.attr != "executable":
        return None
    return "python" if isinstance(node.value, ast.Name) and node.value.id == "sys" else None


def _keyword_ok(keyword: ast.keyword, modules: set[str]) -> bool:
    value = keyword.value
    if keyword.arg not in _KEYWORDS:
        return False
    if isinstance(value, ast.Constant):
        return True
    return (
        isinstance(value, ast.Attribute)
        and value.attr in _STREAMS
        and isinstance(value.value, ast.Name)
        and value.value.id in modules
    )


def _argv(call: ast.Call, modules: set[str]) -> list[str] | None:
    if len(call.args) != 1 or not isinstance(call.args[0], ast.List | ast.Tuple):
        return None
    words = [_word(element) for element in call.args[0].elts]
    if not words or any(word is None for word in words):
        return None
    if not all(_keyword_ok(keyword, modules) for keyword in call.keywords):
        return None
    return [word for word in words if word is not None]


class _Calls(ast.NodeTransformer):
    """Replaces each subprocess call by ``None`` and collects its argument vector."""

    def __init__(self, modules: set[str], functions: set[str]) -> None:
        self.modules, self.functions = modules, functions
        self.argvs: list[list[str]] = []
        self.refused = False

    def visit_Call(self, node: ast.Call) -> ast.AST:
        func = node.func
        named = isinstance(func, ast.Name) and func.id in self.functions
        attribute = (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in self.modules
        )
        if not named and not attribute:
            return self.generic_visit(node)
        known = named or (isinstance(func, ast.Attribute) and func.attr in _FUNCTIONS)
        argv = _argv(node, self.modules) if known else None
        if argv is None:
            self.refused = True
            return node
        self.argvs.append(argv)
        return ast.copy_location(ast.Constant(None), node)

    def visit_Import(self, node: ast.Import) -> ast.AST | None:
        node.names = [a for a in node.names if a.name != "subprocess"]
        return node if node.names else None

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.AST | None:
        return None if node.module == "subprocess" else node


def subprocess_argvs(code: str) -> list[list[str]] | None:
    """The argument vectors ``code`` runs when it is the shape above; ``None`` otherwise."""
    if len(code) > _MAX_CODE or "subprocess" not in code or "\x00" in code:
        return None
    try:
        tree = ast.parse(code, mode="exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    names = _subprocess_names(tree)
    if names is None or not any(names):
        return None
    calls = _Calls(*names)
    rest = calls.visit(tree)
    if calls.refused or not 0 < len(calls.argvs) <= _MAX_CALLS:
        return None
    remaining = ast.unparse(ast.fix_missing_locations(rest)).strip()
    if remaining and ("subprocess" in remaining or not inert_python(remaining)):
        return None
    return calls.argvs


def literal_subprocesses(judge: CommandJudge, name: str, code: str | None, feed: Feed) -> bool:
    """Judge the commands Python ``code`` runs (see the module's note) as the command lines
    they are; ``False`` (nothing judged) when the code is not of that shape."""
    from aegis.intent_firewall.commands import Feed

    if code is None or not name.startswith(("python", "pypy")):
        return False
    argvs = subprocess_argvs(code)
    if argvs is None:
        return False
    for argv in argvs:
        judge.argv([(word, word, False) for word in argv], Feed(feed.cwd, depth=feed.depth + 1))
    return True
