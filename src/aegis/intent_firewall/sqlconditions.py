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
    table = statement.this if isinstance(statement.this, exp.Table) else None
    if table is not None and any(
        _whole_table_subquery(disjunct, table.name.casefold())
        for disjunct in _flattened(condition, exp.Or)
    ):
        return True
    return _always_true(condition)


def _whole_table_subquery(node: Any, table: str) -> bool:
    """``id IN (SELECT id FROM users)`` in a change of ``users``: the subquery reads the
    same column of the same table with no condition or limit, so every row is in it."""
    if not isinstance(node, exp.In) or not isinstance(node.this, exp.Column):
        return False
    query = node.args.get("query")
    select = query.this if isinstance(query, exp.Subquery) else query
    if not isinstance(select, exp.Select) or len(select.expressions) != 1:
        return False
    if any(select.args.get(part) for part in ("where", "limit", "having", "joins", "offset")):
        return False
    source = select.args.get("from_") or select.args.get("from")
    read = source.this if isinstance(source, exp.From) else None
    column = select.expressions[0]
    return (
        isinstance(read, exp.Table)
        and read.name.casefold() == table
        and isinstance(column, exp.Column)
        and column.name.casefold() == node.this.name.casefold()
    )


_KEY_COLUMNS = frozenset({"id", "pk", "uuid", "guid", "rowid", "oid", "ctid", "_id"})
_MAX_TERMS = 256


def _always_true(condition: Any) -> bool:
    """A condition every row meets: ``true``, ``1=1``, ``x = x``, ``name LIKE '%'``, ``id IS
    NOT NULL``, an OR with any such side, an AND of only such sides. Iterative and bounded:
    a WHERE of thousands of alternatives is read up to ``_MAX_TERMS`` terms."""
    return any(
        all(_true_atom(conjunct) for conjunct in _flattened(disjunct, exp.And))
        for disjunct in _flattened(condition, exp.Or)
    )


def _flattened(condition: Any, kind: type[exp.Connector]) -> list[Any]:
    """The operands of a chain of ``kind`` (OR or AND), parentheses removed."""
    found: list[Any] = []
    stack: list[Any] = [condition]
    while stack and len(found) < _MAX_TERMS:
        node = stack.pop()
        while isinstance(node, exp.Paren):
            node = node.this
        if isinstance(node, kind):
            stack.extend((node.left, node.right))
        else:
            found.append(node)
    return found


def _true_atom(node: Any) -> bool:
    """One comparison or constant that holds for every row."""
    if isinstance(node, exp.Boolean | exp.Literal):
        return _true_constant(node)
    if isinstance(node, exp.Not):
        return _negated_true(node.this)
    if isinstance(node, exp.EQ | exp.GTE | exp.LTE | exp.Like | exp.ILike) and (
        node.left.sql() == node.right.sql()
    ):
        return True
    if isinstance(node, exp.Like | exp.ILike):
        return isinstance(node.expression, exp.Literal) and _matches_all(node.expression)
    if isinstance(node, exp.Is) and isinstance(node.expression, exp.Null):
        return bool(node.args.get("negate")) and _key_column(node.this)
    return (
        isinstance(node, exp.Binary)
        and _constant(node.left)
        and _constant(node.right)
        and (_constant_holds(node))
    )


def _true_constant(node: Any) -> bool:
    if isinstance(node, exp.Boolean):
        return bool(node.this)
    return not node.is_string and node.this not in ("0", "0.0")


def _negated_true(inner: Any) -> bool:
    """``NOT FALSE``, and ``NOT id IS NULL`` (how some dialects read ``id IS NOT NULL``)."""
    while isinstance(inner, exp.Paren):
        inner = inner.this
    if isinstance(inner, exp.Is) and isinstance(inner.expression, exp.Null):
        return _key_column(inner.this)
    return isinstance(inner, exp.Boolean) and not inner.this


def _matches_all(pattern: Any) -> bool:
    """A string pattern of only ``%``: every non-null value matches it."""
    text = str(pattern.this)
    return bool(pattern.is_string) and bool(text) and set(text) <= {"%"}


def _key_column(node: Any) -> bool:
    if not isinstance(node, exp.Column):
        return False
    return node.name.casefold() in _KEY_COLUMNS


def _constant_holds(node: Any) -> bool:
    """``1 <> 2``, ``2 > 1``: a comparison of two number literals that is true."""
    try:
        left, right = float(node.left.this), float(node.right.this)
    except (TypeError, ValueError):
        return False
    checks = {
        exp.EQ: left == right, exp.NEQ: left != right, exp.GT: left > right,
        exp.GTE: left >= right, exp.LT: left < right, exp.LTE: left <= right,
    }  # fmt: skip
    return checks.get(type(node), False)
