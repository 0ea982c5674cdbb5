"""Loops in a Python one-liner that end, and soon (see :mod:`inertcode`).

``for i in range(3): print(i)`` and ``[n + 1 for n in (1, 2, 3)]`` only compute and print.
What makes a loop harmful is how long it runs and what it piles up, so one loop is allowed
when it walks a ``range`` with small bounds written out or a literal, and what it repeats
neither assigns nor calls a method (``l.extend(l)`` thirty times is a gigabyte). Nested
loops multiply and are refused; so is ``range`` handed on as a value.
"""

from __future__ import annotations

import ast

__all__ = ["loops_bounded"]

#: A loop or comprehension walks at most this many numbers (``range`` with bounds written out).
_MAX_RANGE = 1_000_000
_LOOPS = (ast.For, ast.comprehension)
_LOOP_BODIES = (ast.For, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def loops_bounded(nodes: list[ast.AST]) -> bool:
    """At most one loop, and it walks a short ``range`` or a literal; every ``range`` call
    anywhere has small bounds written out; a loop has no ``else``."""
    loops = [node for node in nodes if isinstance(node, _LOOPS)]
    if len(loops) > 1:
        return False
    for loop in loops:
        if isinstance(loop, ast.For) and loop.orelse:
            return False
        if isinstance(loop, ast.comprehension) and loop.is_async:
            return False
        if not _short_iterable(loop.iter):
            return False
    for node in nodes:
        if isinstance(node, _LOOP_BODIES) and not _body_inert(node):
            return False
    calls = [node for node in nodes if _is_range(node)]
    # range only called, never handed on (map(range, [4000000000]) walks it out of sight)
    called = {id(call.func) for call in calls}  # type: ignore[attr-defined]
    handed = any(
        isinstance(node, ast.Name) and node.id == "range" and id(node) not in called
        for node in nodes
    )
    return not handed and all(_range_small(node) for node in calls)


def _short_iterable(node: ast.expr) -> bool:
    """A ``range`` call (its bounds are checked apart), a literal list, tuple or set, or a
    string written out."""
    if _is_range(node) or isinstance(node, ast.List | ast.Tuple | ast.Set):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _body_inert(loop: ast.AST) -> bool:
    """What a loop repeats only prints or computes a new value: no statement but an
    expression, and no method call (``l.extend(l)`` thirty times is a gigabyte)."""
    if isinstance(loop, ast.For) and not all(isinstance(stmt, ast.Expr) for stmt in loop.body):
        return False
    return not any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        for node in ast.walk(loop)
    )


def _is_range(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range"
    )


def _range_small(call: ast.AST) -> bool:
    """``range(10)``, ``range(1, 100, 2)``: one to three integers written out, none large."""
    assert isinstance(call, ast.Call)
    args = call.args
    return (
        1 <= len(args) <= 3
        and not call.keywords
        and all(
            isinstance(arg, ast.Constant)
            and type(arg.value) is int
            and abs(arg.value) <= _MAX_RANGE
            for arg in args
        )
    )
