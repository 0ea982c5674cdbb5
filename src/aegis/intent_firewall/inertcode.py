"""Python one-liners that only compute and print: ``python3 -c 'import sys; print(sys.version)'``.

Code handed to an interpreter is *review* by default: the firewall cannot follow what it
does. A small, closed grammar is the exception, checked on Python's own syntax tree (never by
words): imports only of modules that neither run programs nor touch files or the network,
calls only of builtins that compute, no attribute that starts with an underscore (the way
out of any sandbox: ``().__class__.__base__.__subclasses__()``), no names bound to a module
under another name, no function or class definitions, no string that is run. One loop or
comprehension is allowed when it walks a ``range`` of written-out bounds or a literal
(``for i in range(3): print(i)``, ``[n * n for n in (1, 2, 3)]``): it ends, and soon; a loop
over anything else (a list it appends to) or nested loops could run without end.
Anything outside it keeps its finding. ``open`` is allowed only as ``open("a/path")`` with a
path written out and a reading mode: :func:`python_reads` hands those paths to the caller,
which judges each as a read (and refuses any outside the working directory).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import Any

from aegis.intent_firewall.inertlibs import LIBRARIES, library_uses_allowed
from aegis.intent_firewall.inertloops import loops_bounded

__all__ = [
    "INERT_CALLS",
    "INERT_MODULES",
    "INERT_REFUSED",
    "PYTHON_NODES",
    "bare_names",
    "inert_python",
    "open_read_path",
    "plain_node",
    "python_reads",
]

#: Longer code is not parsed (nor is it a one-liner).
_MAX_CODE = 2000
#: Modules that compute and describe the interpreter: none opens files, sockets or programs
#: through the functions reachable without underscores, and none imports code by name.
#: (Not itertools or re: endless iterators and backtracking patterns are one call away;
#: random and secrets only with small numbers, below.)
_MODULES = frozenset(
    {"sys", "json", "platform", "math", "cmath", "sysconfig", "struct", "string", "datetime",
     "time", "textwrap", "pprint", "decimal", "fractions", "statistics", "collections",
     "functools", "operator", "hashlib", "base64", "binascii", "uuid", "locale",
     "unicodedata", "keyword", "calendar", "bisect", "heapq", "html", "ipaddress",
     "secrets", "random"}
)  # fmt: skip
#: Modules that draw random values (a token, a sample): inert only while every number the
#: code writes is at most :data:`_MAX_SMALL_ARGUMENT`, since their sizes are allocations.
_SMALL_ARGUMENT_MODULES = frozenset({"secrets", "random"})
_MAX_SMALL_ARGUMENT = 65536


def _oversized(imported: set[str], nodes: list[ast.AST]) -> bool:
    """``secrets.token_hex(2**30)``: a size no one-liner that prints needs."""
    return bool(imported & _SMALL_ARGUMENT_MODULES) and not all(_tiny(node) for node in nodes)


def _tiny(node: ast.AST) -> bool:
    """Not a number above :data:`_MAX_SMALL_ARGUMENT`, nor an operator that grows one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float | complex):
        return abs(node.value) <= _MAX_SMALL_ARGUMENT
    return not (isinstance(node, ast.BinOp) and isinstance(node.op, _GROWING))


#: Modules whose every use inertlibs.py checks (libraries of the data and ML stack, and os).
_DESCRIBED = LIBRARIES | {"os"}
#: Builtins that compute or describe a value; open, exec, eval, compile, __import__,
#: getattr, globals, vars, input, help and breakpoint are absent on purpose.
_CALLS = frozenset(
    {"print", "len", "sorted", "reversed", "repr", "str", "int", "float", "bool", "list",
     "dict", "set", "frozenset", "tuple", "sum", "min", "max", "any", "all",
     "enumerate", "zip", "map", "filter", "hex", "oct", "bin", "abs", "round", "divmod",
     "format", "isinstance", "chr", "ord", "ascii", "hash", "complex", "slice", "id", "type",
     "range", "bytes"}
)  # fmt: skip
#: Attribute calls that leave the closed world even on an allowed module.
_CALLS_REFUSED = frozenset({"settrace", "setprofile", "addaudithook", "remove_audit_hooks",
                            "load", "loads", "system", "exec_module", "sleep", "factorial",
                            "comb", "perm", "prod", "setrecursionlimit", "set_int_max_str_digits",
                            "setswitchinterval"})  # fmt: skip
#: Numbers larger than this (written, or computed by *, ** or <<) could size an allocation or
#: a computation that never ends (" " * 10**12).
_MAX_NUMBER = 2**32
_GROWING = (ast.Mult, ast.Pow, ast.LShift, ast.MatMult)
#: Attributes that reach other modules or change where imports come from (sys.modules,
#: sys.path): through them an allowed module hands out a refused one.
_ATTRIBUTES_REFUSED = frozenset({"modules", "path", "meta_path", "path_hooks",
                                 "path_importer_cache", "builtins"})  # fmt: skip
#: Loads of these (json.load(sys.stdin) reads only standard input) are fine.
_ALLOWED_LOADS = frozenset({"json"})
_NODES = (
    ast.Module, ast.Expr, ast.Call, ast.Name, ast.Attribute, ast.Constant, ast.Load,
    ast.Import, ast.ImportFrom, ast.alias, ast.Subscript, ast.Slice, ast.Tuple, ast.List,
    ast.Dict, ast.Set, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp,
    ast.JoinedStr, ast.FormattedValue, ast.keyword, ast.Assign, ast.Store, ast.operator,
    ast.unaryop, ast.boolop, ast.cmpop, ast.expr_context, ast.Starred,
    ast.For, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.comprehension,
)  # fmt: skip

#: A nested ** that the check of each side alone lets through (2**64**2) is refused too:
#: only a constant may stand on either side of a growing operator.


def inert_python(code: str) -> bool:
    """Whether ``code`` (a ``python -c`` text) stays inside the closed grammar above and
    opens no file."""
    return python_reads(code) == ()


def python_reads(code: str) -> tuple[str, ...] | None:  # noqa: PLR0911 (one answer per refusal)
    """The files ``code`` opens for reading (paths as written) when it stays inside the
    closed grammar; ``None`` when it does not."""
    nodes = _nodes(code)
    if nodes is None:
        return None
    opens = [n for n in nodes if isinstance(n, ast.Call) and _is_open(n.func)]
    reads = [_read_path(call) for call in opens]
    if any(path is None for path in reads):
        return None
    allowed_names = {id(call.func) for call in opens}
    # every name is a computing builtin, an allowed module or a name the code assigned:
    # exec, open or getattr passed as a value (map(exec, …)) is refused like a call of them
    known = set(_CALLS)
    for node in nodes:
        if isinstance(node, ast.alias):
            known.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            known.add(node.id)
    if "open" in known - _CALLS:
        return None  # a name bound to open (or open rebound) hides what it reaches
    if _module_passed_on(nodes):
        return None
    imported: set[str] = set()
    for node in nodes:
        if id(node) in allowed_names:
            continue
        if isinstance(node, ast.Name) and node.id not in known:
            return None
        if not _node_allowed(node, imported):
            return None
    aliases = _library_aliases(nodes)
    if (aliases and (opens or not library_uses_allowed(nodes, aliases))) or _oversized(
        imported, nodes
    ):
        return None  # a one-liner describing a library or the environment reads no file
    return tuple(path for path in reads if path is not None)


def _module_passed_on(nodes: list[ast.AST]) -> bool:
    """``import os; x = os; print(x.environ)``: a module used other than by an attribute of
    it is bound to, or handed to, a name no check follows."""
    modules = {
        (alias.asname or alias.name).split(".")[0]
        for node in nodes
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    return bool(modules) and any(node.id in modules for node in bare_names(nodes))


def bare_names(nodes: list[ast.AST]) -> list[ast.Name]:
    """The names read other than as the root of an attribute (``x`` in ``y = x``, not in
    ``x.environ``): where a module or a function is handed on as a value."""
    roots = {id(node.value) for node in nodes if isinstance(node, ast.Attribute)}
    return [
        node
        for node in nodes
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in roots
    ]


def _library_aliases(nodes: list[ast.AST]) -> dict[str, str]:
    """Names bound by ``import torch``, ``import pandas as pd``, ``import os``: the module."""
    aliases: dict[str, str] = {}
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top in _DESCRIBED:
                    aliases[alias.asname or top] = top
    return aliases


def _nodes(code: str) -> list[ast.AST] | None:
    """Every node of ``code``'s tree when it parses, is small and uses only allowed kinds."""
    if len(code) > _MAX_CODE or "\x00" in code:
        return None
    try:
        tree = ast.parse(code, mode="exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    nodes = list(ast.walk(tree))
    if len(nodes) > 400 or not all(isinstance(node, _NODES) for node in nodes):
        return None
    if not loops_bounded(nodes):
        return None
    return nodes


def _is_open(func: ast.expr) -> bool:
    return isinstance(func, ast.Name) and func.id == "open"


#: Modes that only read.
_READ_MODES = frozenset({"r", "rb", "rt", "br", "tr"})


def _read_path(call: ast.Call) -> str | None:
    """The path of ``open("path"[, "r"][, encoding="utf-8"])``; ``None`` for any other form
    (a computed path, a writing mode, other keywords)."""
    args = call.args
    if not 1 <= len(args) <= 2 or not all(isinstance(a, ast.Constant) for a in args):
        return None
    path = args[0].value  # type: ignore[attr-defined]
    mode = args[1].value if len(args) == 2 else "r"  # type: ignore[attr-defined]
    if not isinstance(path, str) or not path or mode not in _READ_MODES:
        return None
    for keyword in call.keywords:
        if keyword.arg != "encoding" or not isinstance(keyword.value, ast.Constant):
            return None
    return path


def _node_allowed(node: ast.AST, imported: set[str]) -> bool:
    if isinstance(node, ast.Import | ast.ImportFrom):
        return _import_allowed(node, imported)
    if isinstance(node, ast.Call):
        return _call_allowed(node.func, imported)
    check = _CHECKS.get(type(node))
    return check is None or check(node)


def _assign_allowed(node: ast.Assign) -> bool:
    # rebinding a builtin would hide what a later call of that name reaches
    return all(isinstance(t, ast.Name) and t.id not in _CALLS for t in node.targets)


def _constant_allowed(node: ast.Constant) -> bool:
    return not isinstance(node.value, int | float | complex) or _small(node.value)


def _binop_allowed(node: ast.BinOp) -> bool:
    return not isinstance(node.op, _GROWING) or _small_product(node)


_CHECKS: dict[type[ast.AST], Callable[[Any], bool]] = {
    ast.Attribute: lambda n: (
        (not n.attr.startswith("_") or n.attr == "__version__")
        and n.attr not in _ATTRIBUTES_REFUSED
    ),
    ast.Name: lambda n: not n.id.startswith("_"),
    ast.Assign: _assign_allowed,
    ast.Constant: _constant_allowed,
    ast.BinOp: _binop_allowed,
}


def _small(value: complex) -> bool:
    return abs(value) <= _MAX_NUMBER


def _small_product(node: ast.BinOp) -> bool:
    """``2**20``, ``3 * 4``: both sides numbers written out, and the result small; a
    sequence or a name multiplied, or a large result, is refused."""
    left, right = node.left, node.right
    if not (isinstance(left, ast.Constant) and isinstance(right, ast.Constant)):
        return False
    base, other = left.value, right.value
    if not (isinstance(base, int | float) and isinstance(other, int | float)):
        return False
    if isinstance(node.op, ast.Mult):
        result: complex = base * other
    elif isinstance(node.op, ast.Pow) and abs(other) <= 64:
        try:
            result = base**other
        except (OverflowError, ZeroDivisionError):
            return False
    else:
        return False  # << and @: not needed by a one-liner that prints
    return _small(result)


def _import_allowed(node: ast.Import | ast.ImportFrom, imported: set[str]) -> bool:
    if isinstance(node, ast.ImportFrom):
        if node.level or node.module is None or node.module.split(".")[0] not in _MODULES:
            return False
        return all(alias.name != "*" and alias.asname is None for alias in node.names)
    for alias in node.names:
        if alias.name.split(".")[0] in _DESCRIBED:
            continue  # each use is checked by inertlibs.library_uses_allowed
        if alias.name.split(".")[0] not in _MODULES or alias.asname is not None:
            return False
        imported.add(alias.name.split(".")[0])
    return True


def _call_allowed(func: ast.expr, imported: set[str]) -> bool:
    if isinstance(func, ast.Name):
        return func.id in _CALLS or func.id == "open"  # open: only the forms _read_path takes
    if isinstance(func, ast.Attribute):
        if func.attr in _CALLS_REFUSED:
            root = func.value
            return (
                func.attr in ("load", "loads")
                and isinstance(root, ast.Name)
                and root.id in _ALLOWED_LOADS
            )
        return True  # methods of values and of the allowed modules (str.join, sys.version)
    return isinstance(func, ast.Call | ast.Subscript)


#: The grammar's parts other readers of Python one-liners build on (``dataframes.py``).
INERT_MODULES = _MODULES - _SMALL_ARGUMENT_MODULES
INERT_CALLS = _CALLS
INERT_REFUSED = _CALLS_REFUSED
PYTHON_NODES = _NODES


def open_read_path(call: ast.Call) -> str | None:
    """The path of ``open("path"[, "r"])``, ``None`` for any other form."""
    return _read_path(call) if _is_open(call.func) else None


def plain_node(node: ast.AST) -> bool:
    """A node other than an import or a call within the grammar: no underscore name or
    attribute, no module table, no rebound builtin, no large number."""
    check = _CHECKS.get(type(node))
    return check is None or check(node)
