"""``$(( 5 * 2 ))`` worked out: arithmetic over written-out integers is known before bash
runs it, so its value is judged as any literal word is.

Only integer literals, blanks, parentheses and ``+ - * / %`` count; a name, ``$``, a shift,
a comparison or an assignment keeps the expansion a construct (its value is known only at
run time). The text is bounded, and every intermediate value too: ``2**`` is no operator
here and a product past a bound is refused, so nothing grows without limit.
"""

from __future__ import annotations

import ast

__all__ = ["constant_arithmetic"]

_MAX_TEXT = 64
_LIMIT = 10**12
_ALLOWED = frozenset("0123456789+-*/%() \t")


def constant_arithmetic(written: str) -> str | None:
    """The decimal value of ``$(( EXPR ))`` when ``EXPR`` is integers and ``+ - * / %``
    only, else ``None``."""
    if not (written.startswith("$((") and written.endswith("))")) or len(written) > _MAX_TEXT:
        return None
    expression = written[3:-2].strip()
    if not expression.strip() or not _ALLOWED.issuperset(expression) or "**" in expression:
        return None
    try:
        tree = ast.parse(expression, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    value = _value(tree.body)
    return None if value is None else str(value)


def _value(node: ast.expr) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _value(node.operand)
        return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
    if not isinstance(node, ast.BinOp):
        return None
    left, right = _value(node.left), _value(node.right)
    if left is None or right is None:
        return None
    result = _apply(node.op, left, right)
    return result if result is not None and abs(result) <= _LIMIT else None


def _apply(op: ast.operator, left: int, right: int) -> int | None:
    """Bash's integer arithmetic (division truncates toward zero)."""
    if isinstance(op, ast.Add):
        return left + right
    if isinstance(op, ast.Sub):
        return left - right
    if isinstance(op, ast.Mult):
        return left * right
    if right == 0 or not isinstance(op, ast.Div | ast.FloorDiv | ast.Mod):
        return None
    quotient = abs(left) // abs(right) * (1 if (left < 0) == (right < 0) else -1)
    return quotient if not isinstance(op, ast.Mod) else left - right * quotient
