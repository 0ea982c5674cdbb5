"""Conditions that hold for every row: the tautology of an injection, and ``DELETE`` or
``UPDATE`` whose ``WHERE`` selects everything (or is missing)."""

from __future__ import annotations

from typing import Any

from sqlglot import exp

__all__ = ["always_true_alternative", "edits_all"]


def _constant(node: Any) -> bool:
    return isinstance(node, exp.Literal | exp.Boolean)


def always_true_alternative(statement: Any) -> bool:
    """``… OR '1'='1'``, ``OR 1``, ``OR TRUE``: the shape of a tautology injection (a
    ``WHERE 1=1 AND …`` builder idiom has no OR and stays unflagged)."""
    for alternative in statement.find_all(exp.Or):
        for operand in (alternative.this, alternative.expression):
            side = operand
            while isinstance(side, exp.Paren):
                side = side.this
            if _constant(side):
                return True
            if isinstance(side, exp.EQ | exp.Like | exp.GTE | exp.LTE) and (
                (_constant(side.this) and _constant(side.expression))
                or side.this == side.expression
            ):
                return True
    return False


def edits_all(statement: Any) -> bool:
    """DELETE/UPDATE without WHERE, or with one that is always true (1=1, true)."""
    where = statement.args.get("where")
    if where is None:
        return True
    condition = where.this
    if isinstance(condition, exp.Boolean):
        return bool(condition.this)
    return _always_true(condition)


def _always_true(condition: Any) -> bool:
    """``true``, ``1=1``, ``'a'='a'``, and an OR with any such side (``id = 5 OR TRUE``)."""
    if isinstance(condition, exp.Paren):
        return _always_true(condition.this)
    if isinstance(condition, exp.Boolean):
        return bool(condition.this)
    if isinstance(condition, exp.Literal) and not condition.is_string:
        return condition.this not in ("0", "0.0")
    if isinstance(condition, exp.EQ):
        return bool(condition.left.sql() == condition.right.sql())
    if isinstance(condition, exp.Or):
        return _always_true(condition.left) or _always_true(condition.right)
    return False
