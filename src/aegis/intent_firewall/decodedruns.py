"""Python that runs text it decodes or rebuilds first, read from a file being written.

``os.system(base64.b64decode('…').decode())`` in a ``setup.py`` or ``conftest.py`` runs a
command no reader can see in the file: the text is hidden until it runs. :func:`decoded_run`
says so when a runner (``os.system``, ``subprocess``, ``exec``, ``eval`` …) is given text
that a decoder produced (base64, hex, rot13, zlib, marshal), followed through imports and
names, or that is reversed or built from ``chr``. An edit's fragment that does not parse
whole is read line by line.
"""

from __future__ import annotations

import ast

__all__ = ["decoded_run"]

#: Calls that decode text hidden in the file, and calls that run what they are given.
_DECODERS = frozenset({"b64decode", "b32decode", "b16decode", "b85decode", "a85decode",
                       "urlsafe_b64decode", "decodebytes", "fromhex", "unhexlify",
                       "decompress", "decode"})  # fmt: skip
_DECODING_MODULES = frozenset({"base64", "binascii", "codecs", "zlib", "bz2", "lzma", "gzip",
                               "marshal", "pickle"})  # fmt: skip
_RUNNERS = frozenset({"run", "call", "check_call", "check_output", "Popen", "run_always", "system",
                      "popen", "getoutput", "getstatusoutput", "exec", "eval", "compile",
                      "execv", "execvp", "spawnv"})  # fmt: skip
_MAX_FRAGMENT_LINES = 256


def decoded_run(code: str) -> str:
    """``os.system(base64.b64decode('…').decode())``: what a run of decoded or rebuilt text
    calls, or ``""``. Decoders are followed through imports and names they are bound to
    (``from base64 import b64decode as d``, ``d = base64.b64decode``), decoded text through
    the names it is bound to, a runner through ``getattr(os, "system")``; text reversed
    (``'…'[::-1]``) or built from ``chr`` counts as decoded."""
    nodes = _statements(code)
    decoders = _decoder_names(nodes)
    tainted: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Assign) and _hides_text(node.value, decoders, tainted):
            tainted.update(t.id for t in node.targets if isinstance(t, ast.Name))
    for node in nodes:
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _runner_name(node.func)
        if name in _RUNNERS and _hides_text(node.args[0], decoders, tainted):
            return f"{name}() of text decoded or rebuilt at run time"
    return ""


def _runner_name(func: ast.expr) -> str:
    """``system`` for ``os.system``, ``system``, ``getattr(os, "system")``."""
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    if (
        isinstance(func, ast.Call)
        and isinstance(func.func, ast.Name)
        and func.func.id == "getattr"
        and len(func.args) >= 2
        and _constant(func.args[1])
    ):
        return str(func.args[1].value)  # type: ignore[attr-defined]
    return ""


def _decoder_names(nodes: list[ast.AST]) -> set[str]:
    """Names bound to a decoder: ``from base64 import b64decode as d``, ``d = base64.b64decode``."""
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module in _DECODING_MODULES:
            names.update(alias.asname or alias.name for alias in node.names)
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr in _DECODERS
        ):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _hides_text(expression: ast.expr, decoders: set[str], tainted: set[str]) -> bool:
    for inner in ast.walk(expression):
        if isinstance(inner, ast.Name) and (inner.id in tainted or inner.id == "chr"):
            return True  # a decoded name, or map(chr, […])
        if isinstance(inner, ast.Subscript) and _reversing(inner.slice):
            return True
        if not isinstance(inner, ast.Call):
            continue
        called = inner.func
        if isinstance(called, ast.Name) and called.id in decoders:
            return True
        decoder = called.attr if isinstance(called, ast.Attribute) else ""
        if decoder in _DECODERS and (decoder != "decode" or _codec_call(inner)):
            return True
    return False


def _reversing(index: ast.expr) -> bool:
    """``[::-1]``: a slice with a negative step."""
    step = index.step if isinstance(index, ast.Slice) else None
    return (
        isinstance(step, ast.UnaryOp)
        and isinstance(step.op, ast.USub)
        and isinstance(step.operand, ast.Constant)
    )


def _statements(code: str) -> list[ast.AST]:
    """Every node of ``code``; of an edit's fragment that does not parse whole
    (``import os\nos.system(…)\nsetup(``), every node of each line that parses alone."""
    try:
        return list(ast.walk(ast.parse(code)))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    nodes: list[ast.AST] = []
    for line in code.splitlines()[:_MAX_FRAGMENT_LINES]:
        try:
            nodes.extend(ast.walk(ast.parse(line.strip())))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
    return nodes


def _codec_call(call: ast.Call) -> bool:
    """``codecs.decode(text, "rot13")``: a decode given its text (``b.decode()`` of bytes
    decoded elsewhere is only a type change)."""
    return (
        bool(call.args)
        and isinstance(call.func, ast.Attribute)
        and (isinstance(call.func.value, ast.Name) and call.func.value.id == "codecs")
    )


def _constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)
