"""SQL that runs other SQL: dynamic statements and procedures.

``EXEC('…')``, ``sp_executesql N'…'``, ``EXEC sp_MSforeachtable 'DELETE FROM ?'``,
``PREPARE s FROM '…'``, ``EXECUTE IMMEDIATE '…'`` run statement text; ``DO $$ … $$`` runs a
procedural block and ``EXEC``/``CALL`` of a procedure runs statements stored in the server.
The statement text a wrapper carries is handed back to be judged as SQL when it is written
out (a literal, or literals joined by ``+``, ``||`` or ``CONCAT``); when it is built at run
time (a variable, a function's result) or stored in the server, the wrapper itself is
review, and the request's literals are no longer data (any of them may be what runs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlglot
from sqlglot import exp

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.sqlliterals import acting_role, catalogue, procedure_name

__all__ = ["Dynamic", "dynamic_sql"]

#: The name a foreach procedure's ``?`` stands for when its statement is judged.
EACH_NAME = "each_table"
_RUN_COMMANDS = frozenset({"EXEC", "EXECUTE", "PREPARE", "DO", "CALL"})


@dataclass(slots=True)
class Dynamic:
    """What a batch's wrappers run: findings, statement texts to judge, and whether some
    wrapper runs text the firewall cannot see."""

    hits: list[Hit] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)
    unseen: bool = False

    def cannot_see(self, evidence: str) -> None:
        self.hits.append(default_hit("sql-dynamic-code", evidence))
        self.unseen = True


def dynamic_sql(statements: list[Any]) -> Dynamic:
    """The dynamic SQL of one reading's ``statements``."""
    found = Dynamic()
    prepared = {_prepared_name(s) for s in statements if _command(s) == "PREPARE"}
    for statement in statements:
        if isinstance(statement, exp.Command):
            _command_statement(statement, prepared, found)
            continue
        for node in statement.walk():
            if isinstance(node, exp.Execute | exp.ExecuteSql):
                _execute(node, found)
            elif isinstance(node, exp.Anonymous | exp.Func) and _runs_sql(node):
                _function(node, found)
    return found


def _runs_sql(node: Any) -> bool:
    name = str(node.this if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
    return acting_role(name) == "sql"


#: Arguments that are plain constants (``query_to_xml(q, true, false, '')``'s flags).
_CONSTANTS = (exp.Boolean, exp.Null)


def _function(node: Any, found: Dynamic) -> None:
    """``EXEC('…')`` read as a call, ``query_to_xml('…', …)``: each argument that is not a
    constant is statement text, judged when written out."""
    arguments = list(node.expressions) or [node.this]
    name = str(node.this if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
    if name in catalogue()["linked_server_functions"]:
        arguments = arguments[1:]  # OPENQUERY(server, '…'): the first names a linked server
    for argument in arguments:
        if isinstance(argument, _CONSTANTS) or (
            isinstance(argument, exp.Literal) and not argument.is_string
        ):
            continue
        if static_text(argument) != "":
            _run_text(argument, name.upper(), found)


def _command(statement: Any) -> str:
    return str(statement.this).upper() if isinstance(statement, exp.Command) else ""


def _rest(statement: Any) -> str:
    body = statement.args.get("expression")
    return str(getattr(body, "this", body) or "").strip()


def _prepared_name(statement: Any) -> str:
    return _rest(statement).split(None, 1)[0].lower() if _rest(statement) else ""


def static_text(node: Any) -> str | None:
    """The text of a literal, or of literals joined by ``+``, ``||``, ``CONCAT``; ``None``
    when any part is known only at run time."""
    if isinstance(node, exp.Paren | exp.Subquery | exp.Table | exp.Column):
        # T-SQL reads EXECUTE('…') as a quoted table name: the name is the text
        inner = node.this
        qualified = bool(node.args.get("db"))
        return None if qualified or not isinstance(inner, exp.Expression) else static_text(inner)
    if isinstance(node, exp.Add | exp.DPipe):
        parts = [static_text(node.this), static_text(node.expression)]
    elif isinstance(node, exp.Concat) and not isinstance(node, exp.ConcatWs):
        parts = [static_text(part) for part in node.expressions]
    else:
        return _literal_text(node)
    return None if any(part is None for part in parts) else "".join(p or "" for p in parts)


def _literal_text(node: Any) -> str | None:
    if isinstance(node, exp.Literal):
        return str(node.this) if node.is_string else None
    if isinstance(node, exp.National | exp.RawString | exp.ByteString | exp.UnicodeString):
        return str(node.this)
    if isinstance(node, exp.Identifier) and node.quoted:
        return str(node.this)
    return None


def _run_text(node: Any, wrapper: str, found: Dynamic, *, each: bool = False) -> None:
    """A wrapper that runs the statement ``node`` holds."""
    text = static_text(node)
    if text is None:
        shown = node.sql()[:60] if isinstance(node, exp.Expression) else "nothing"
        found.cannot_see(f"{wrapper} runs SQL built at run time ({shown})")
        return
    found.statements.append(text.replace("?", EACH_NAME) if each else text)


def _execute(node: Any, found: Dynamic) -> None:
    """T-SQL ``EXEC``: of statement text, of ``sp_executesql``, of a foreach procedure, or of
    a stored procedure (describing ones pass; any other runs statements not shown)."""
    target = node.this
    if isinstance(target, exp.Subquery):
        _run_text(target, "EXEC", found)
        return
    name = procedure_name(target)
    data = catalogue()
    arguments = list(node.expressions)
    if isinstance(node, exp.ExecuteSql) or name in data["dynamic_procedures"]:
        _run_text(_statement_argument(arguments), name, found)
    elif name in data["foreach_procedures"]:
        statements = _foreach_arguments(arguments)
        if not statements:
            found.cannot_see(f"{name} with no statement shown")
        for argument in statements:
            _run_text(argument, name, found, each=True)
    elif name not in data["describing_procedures"]:
        found.cannot_see(f"EXEC {name}: a stored procedure whose statements are not shown")


def _statement_argument(arguments: list[Any]) -> Any:
    for argument in arguments:
        if isinstance(argument, exp.EQ):
            if procedure_name(argument.this) in ("stmt", "statement"):
                return argument.expression
            continue
        return argument
    return None


def _foreach_arguments(arguments: list[Any]) -> list[Any]:
    """The statements a foreach procedure runs: positional arguments, and the named ones
    that hold a statement (``@command1`` … ``@postcommand``, ``@whereand``)."""
    named = set(catalogue()["foreach_statement_arguments"])
    statements = []
    for argument in arguments:
        if isinstance(argument, exp.EQ):
            if procedure_name(argument.this) in named:
                statements.append(argument.expression)
        else:
            statements.append(argument)
    return statements


def _command_statement(statement: Any, prepared: set[str], found: Dynamic) -> None:
    """``EXECUTE IMMEDIATE``, ``PREPARE``, ``EXECUTE name``, ``DO``, ``CALL`` kept opaque by
    the parser: their text is read here."""
    keyword, rest = _command(statement), _rest(statement)
    if keyword not in _RUN_COMMANDS:
        return
    words = rest.split(None, 1)
    head = words[0].lower() if words else ""
    tail = words[1] if len(words) > 1 else ""
    if keyword in ("EXEC", "EXECUTE") and head == "immediate":
        _run_text(_expression(tail), "EXECUTE IMMEDIATE", found)
    elif keyword in ("EXEC", "EXECUTE") and rest.startswith("("):
        _run_text(_expression(rest), keyword, found)
    elif keyword in ("EXEC", "EXECUTE") and head.rstrip(";") in prepared and head:
        return  # the statement it prepared is judged where it is prepared
    elif keyword == "PREPARE":
        _prepare(tail, found)
    elif keyword == "DO":
        found.cannot_see(f"DO runs a procedural block: {rest[:60]!r}")
    elif keyword in ("EXEC", "EXECUTE") and _procedure_call(rest, found):
        return  # EXECUTE proc args: read as T-SQL reads it
    else:
        shown = f"{keyword} {rest[:60]}"
        if keyword == "CALL" and head.split("(", 1)[0] in catalogue()["describing_procedures"]:
            return
        found.cannot_see(f"{shown}: runs statements that are not shown")


def _procedure_call(rest: str, found: Dynamic) -> bool:
    """``EXECUTE proc args`` kept opaque by a dialect: judged as T-SQL's ``EXEC``, when it
    reads it so."""
    try:
        parsed = sqlglot.parse(f"EXEC {rest}", read="tsql")
    except Exception:  # not a procedure call T-SQL reads
        return False
    if len(parsed) != 1 or not isinstance(parsed[0], exp.Execute | exp.ExecuteSql):
        return False
    _execute(parsed[0], found)
    return True


def _prepare(tail: str, found: Dynamic) -> None:
    """``PREPARE s FROM '…'`` (MySQL) or ``PREPARE s [(types)] AS statement`` (PostgreSQL)."""
    lowered = f" {tail.lower()}"
    if lowered.startswith(" from"):
        _run_text(_expression(tail[4:]), "PREPARE", found)
        return
    index = lowered.find(" as ")
    if index < 0:
        found.cannot_see(f"PREPARE {tail[:60]!r}")
        return
    found.statements.append(tail[index + 3 :])  # the text after " as " (one space added)


def _expression(text: str) -> Any:
    """``text`` read as one SQL expression (``None`` when no dialect reads it)."""
    for dialect in (None, "tsql", "postgres", "mysql"):
        try:
            parsed = sqlglot.parse_one(f"SELECT {text}", read=dialect)
        except Exception:  # noqa: S112 - the next dialect may read it
            continue
        if isinstance(parsed, exp.Select) and len(parsed.expressions) == 1:
            return parsed.expressions[0]
    return None
