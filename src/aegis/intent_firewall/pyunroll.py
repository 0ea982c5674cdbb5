"""A Python one-liner's loop over a literal, written out once per item.

``for d in ["build", "dist"]: shutil.rmtree(d, ignore_errors=True)`` does exactly what
``shutil.rmtree("build", …); shutil.rmtree("dist", …)`` does, and the readers of literal
calls (:mod:`inertcode`, :mod:`pyfiles`) can judge the second: each path is then a literal
they check like any other. So a top-level ``for`` over a list, tuple or set of a few
constants, whose body neither rebinds the loop name nor leaves the loop early, is unrolled,
its name replaced by each constant in turn; any other shape is left as it is (and stays
*review*). The text is parsed with Python's own parser and rebuilt with ``ast.unparse``.
"""

from __future__ import annotations

import ast

__all__ = ["unrolled_loops"]

#: At most this many items are written out (and only loops this short are unrolled).
_MAX_ITEMS = 16
_MAX_CODE = 4096
#: A body is written out only when small: at most this many statements and nodes.
_MAX_BODY = 8
_MAX_NODES = 200
#: Statements that leave a loop early or change how it repeats: not unrolled.
_FLOW = (ast.Break, ast.Continue, ast.Return, ast.Yield, ast.YieldFrom, ast.Await)


def unrolled_loops(code: str) -> str | None:
    """``code`` with each top-level loop over a short literal of constants written out, or
    ``None`` when it has no such loop (or does not parse)."""
    if len(code) > _MAX_CODE or "\x00" in code:
        return None
    try:
        return _unrolled(ast.parse(code, mode="exec"))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # 1+1+…+1 nests past the parser's depth: left as it is


def _unrolled(tree: ast.Module) -> str | None:
    body: list[ast.stmt] = []
    changed = False
    for statement in tree.body:
        items = _literal_loop(statement)
        if items is None:
            body.append(statement)
            continue
        assert isinstance(statement, ast.For)
        assert isinstance(statement.target, ast.Name)
        for item in items:
            for inner in statement.body:
                written = _Substitute(statement.target.id, item).visit(_copy(inner))
                body.append(written if isinstance(written, ast.stmt) else inner)
        changed = True
    if not changed:
        return None
    module = ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))
    return ast.unparse(module)


def _literal_loop(statement: ast.stmt) -> list[ast.Constant] | None:
    """The constants a ``for NAME in [c1, c2, …]:`` loop walks, when it can be written out."""
    if not (
        isinstance(statement, ast.For)
        and not statement.orelse
        and isinstance(statement.target, ast.Name)
        and isinstance(statement.iter, ast.List | ast.Tuple | ast.Set)
    ):
        return None
    items = [item for item in statement.iter.elts if isinstance(item, ast.Constant)]
    if not 0 < len(items) == len(statement.iter.elts) <= _MAX_ITEMS:
        return None
    name = statement.target.id
    nodes = list(ast.walk(ast.Module(body=statement.body, type_ignores=[])))
    if len(statement.body) > _MAX_BODY or len(nodes) > _MAX_NODES:
        return None
    for node in nodes:
        if isinstance(node, _STOPS) or name in _bound_names(node):
            return None  # the body rebinds the loop's name, leaves early or loops again
    return items


def _bound_names(node: ast.AST) -> tuple[str, ...]:
    """The names ``node`` binds: an assignment's, an import's (``from os import sep as d``),
    a handler's, a ``global``'s, a parameter's."""
    if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
        return (node.id,)
    if isinstance(node, ast.alias):
        return ((node.asname or node.name).split(".")[0],)
    if isinstance(node, ast.ExceptHandler) and node.name:
        return (node.name,)
    if isinstance(node, ast.Global | ast.Nonlocal):
        return tuple(node.names)
    if isinstance(node, ast.arg):
        return (node.arg,)
    return ()


#: Loops and definitions inside the body, and early exits: not unrolled.
_STOPS = (
    *_FLOW, ast.For, ast.AsyncFor, ast.While, ast.FunctionDef, ast.AsyncFunctionDef,
    ast.Lambda, ast.ClassDef,
)  # fmt: skip


def _copy(statement: ast.stmt) -> ast.stmt:
    """A fresh tree of ``statement`` (each written-out copy is its own)."""
    copied = ast.parse(ast.unparse(statement), mode="exec").body
    return copied[0]


class _Substitute(ast.NodeTransformer):
    """Replaces each read of one name by a constant."""

    def __init__(self, name: str, value: ast.Constant) -> None:
        self.name = name
        self.value = value

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id == self.name and isinstance(node.ctx, ast.Load):
            return ast.copy_location(ast.Constant(self.value.value), node)
        return node
