"""Which string literals of a parsed SQL statement are data, and which the server acts on.

``WHERE body ILIKE '%xp_cmdshell%'`` compares text; ``EXEC xp_cmdshell 'whoami'`` runs it.
Judging every word of a query alike blocks the first and learns nothing more about the
second, so the parse tree decides: a string literal is data unless one of its enclosing
nodes acts on it (a function or procedure of ``data/sql.toml``'s ``[acting]`` catalogue or
whose name says it runs, loads or fetches, ``COPY``, ``EXEC``, a statement kept opaque, a
function body). Acting literals are handed on with their role (a command line, a file read
or written, SQL text); data literals are blanked from the text the word checks and the
generic string checks read. Blanking goes by the tokenizer's spans, matched to the tree's
data literals by value and count, so a literal the tree does not hold as data is never
blanked (fail closed).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from sqlglot import TokenType, exp

__all__ = [
    "Carried",
    "acting_role",
    "blanked",
    "catalogue",
    "data_spans",
    "literal_values",
    "placeholder_positions",
    "procedure_name",
]

#: The literal node kinds that hold text.
_STRINGS = (exp.National, exp.RawString, exp.ByteString, exp.UnicodeString)
#: The token kinds a string literal is read from.
_STRING_TOKENS = frozenset(
    {TokenType.STRING, TokenType.NATIONAL_STRING, TokenType.RAW_STRING,
     TokenType.HEREDOC_STRING, TokenType.BYTE_STRING, TokenType.UNICODE_STRING,
     TokenType.NATIONAL_RAW_STRING}
)  # fmt: skip
#: Statements that act on every literal they hold (files, programs, procedure arguments,
#: opaque text, function bodies).
_ACTING_NODES = (exp.Copy, exp.Execute, exp.ExecuteSql, exp.Command, exp.LoadData, exp.Attach)
#: An empty name in each quoting (a string literal becomes ``''``).
_EMPTY = {'"': '""', "`": "``", "[": "[]"}
_BODY_KINDS = frozenset({"FUNCTION", "PROCEDURE", "TRIGGER", "MACRO", "TYPE"})


@dataclass(frozen=True, slots=True)
class Carried:
    """A literal the server acts on: ``role`` is ``command``, ``read``, ``write``, ``sql`` or
    ``other``."""

    role: str
    text: str


@cache
def catalogue() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/sql.toml").read_text()
    data = tomllib.loads(text)
    data["roles"] = {name: role for role, names in data["acting"].items() for name in names}
    return data


def _is_string(node: Any) -> bool:
    return (isinstance(node, exp.Literal) and node.is_string) or isinstance(node, _STRINGS)


def procedure_name(node: Any) -> str:
    """``xp_cmdshell`` of ``master..xp_cmdshell`` or ``[dbo].[Proc]`` (lower case)."""
    return str(getattr(node, "name", "") or "").lower()


def _function_name(node: Any) -> str:
    if isinstance(node, exp.Anonymous):
        return str(node.this).lower()
    return str(node.sql_name()).lower()


def acting_role(name: str) -> str | None:
    """The role of a function or procedure called ``name``: from the catalogue; ``command``
    when its words say it runs a command line (``run_shell``), ``other`` when they say it
    loads, sends or fetches (``send_webhook``, ``urlopen``); else ``None`` (data)."""
    data = catalogue()
    role = data["roles"].get(name)
    if role is not None:
        return str(role)
    words = set(name.split("_"))
    parts = [part for part in data["acting_name_parts"] if part in name]
    if not (words & set(data["acting_name_words"]) or parts):
        return None
    runs = set(data["command_name_words"])
    if words & {"sql", "query", "dynamic"}:
        return "other"  # exec_sql(): statement text, judged by sqldynamic.py
    return "command" if words & runs or runs.intersection(parts) else "other"


def _node_role(node: Any, child: Any) -> str | None:
    """The role ``node`` gives the literal below it (through ``child``), or ``None``."""
    if isinstance(node, exp.Copy):
        return "read" if node.args.get("kind") else "write"
    if isinstance(node, exp.Execute | exp.ExecuteSql):
        return _procedure_role(node, child)
    if isinstance(node, _ACTING_NODES):
        return "other"
    if isinstance(node, exp.Create):
        return "other" if str(node.args.get("kind") or "").upper() in _BODY_KINDS else None
    name = _called_name(node)
    return acting_role(name) if name else None


def _called_name(node: Any) -> str:
    """The name of the function ``node`` calls (the package of ``utl_http.request``), or
    empty when ``node`` calls nothing."""
    if isinstance(node, exp.Dot):
        return procedure_name(node.this)
    if isinstance(node, exp.Anonymous | exp.Func):
        return _function_name(node)
    return ""


def _procedure_role(node: Any, child: Any) -> str:
    """``EXEC proc args``: the procedure's role; the values bound to a dynamic statement's
    parameters (every argument after the statement) are data."""
    name = procedure_name(node.this)
    data = catalogue()
    if name in data["dynamic_procedures"] or isinstance(node, exp.ExecuteSql):
        arguments = node.expressions
        first = bool(arguments) and child is arguments[0]
        if not first and isinstance(child, exp.EQ):
            label = procedure_name(child.this)
            first = label in ("stmt", "statement")
        return "sql" if first else "data"
    if name in data["describing_procedures"]:
        return "data"
    return acting_role(name) or "other"


def literal_role(literal: Any) -> str | None:
    """The role of ``literal`` from its nearest acting ancestor, ``None`` for data."""
    child, node = literal, literal.parent
    while node is not None:
        role = _node_role(node, child)
        if role == "data":
            return None
        if role is not None:
            return role
        child, node = node, node.parent
    return None


def literal_values(
    statements: list[Any],
) -> tuple[Counter[tuple[bool, str]], set[str], list[Carried]]:
    """The data literals (whether a name, and the value: with their counts), the acting
    literals' values, and the acting literals with their roles, over ``statements``. A
    quoted column name counts as
    data too: MySQL reads ``"…"`` as a string where other dialects read a name, and a name
    is never an action either."""
    data: Counter[tuple[bool, str]] = Counter()
    acting: set[str] = set()
    carried: list[Carried] = []
    for statement in statements:
        for node in statement.walk():
            if _quoted_column(node):
                if literal_role(node) is None:
                    data[True, str(node.this)] += 1
                continue
            if not _is_string(node):
                continue
            value = str(node.this)
            role = literal_role(node)
            if role is None:
                data[False, value] += 1
            else:
                acting.add(value)
                carried.append(Carried(role, value))
        if isinstance(statement, exp.Copy):
            carried.extend(_copy_program(statement))
    return data, acting, carried


def _quoted_column(node: Any) -> bool:
    return isinstance(node, exp.Identifier) and node.quoted and isinstance(node.parent, exp.Column)


def _copy_program(statement: Any) -> Iterator[Carried]:
    """``COPY t TO PROGRAM 'cmd'``: the command is kept as a parameter, not a literal."""
    files = statement.args.get("files") or []
    if any(procedure_name(f) == "program" for f in files):
        for parameter in statement.args.get("params") or []:
            yield Carried("command", str(getattr(parameter.this, "name", parameter.this)))
            return


def data_spans(
    tokens: list[Any], data: Counter[tuple[bool, str]], acting: set[str]
) -> set[tuple[int, int]]:
    """The spans (first and last index) of the string tokens read as data literals: as many
    per value as the tree holds as data, none for a value some acting literal also has."""
    left = Counter(data)
    spans = set()
    for token in tokens:
        name = token.token_type is TokenType.IDENTIFIER
        if not name and token.token_type not in _STRING_TOKENS:
            continue
        value = (name, token.text)
        if token.text in acting or left[value] <= 0:
            continue
        left[value] -= 1
        spans.add((token.start, token.end))
    return spans


def blanked(text: str, spans: set[tuple[int, int]]) -> str:
    """``text`` with each span replaced by an empty string literal ``''`` (an empty quoted
    name ``""`` where the span is a name's)."""
    out, index = [], 0
    for start, end in sorted(spans):
        if start < index:
            continue  # overlapping spans cannot come from one tokenizer; skip defensively
        out.append(text[index:start])
        out.append(_EMPTY.get(text[start], "''"))
        index = end + 1
    out.append(text[index:])
    return "".join(out)


def placeholder_positions(statements: list[Any]) -> tuple[int, int]:
    """How many bound-parameter placeholders (``?``, ``$1``, ``:name``, ``@p``) sit in data
    positions and how many are arguments of something that acts."""
    data = acting = 0
    for statement in statements:
        for node in statement.walk():
            if not _placeholder(node):
                continue
            if literal_role(node) is None:
                data += 1
            else:
                acting += 1
    return data, acting


def _placeholder(node: Any) -> bool:
    if isinstance(node, exp.Placeholder | exp.Parameter):
        return not isinstance(node.parent, exp.Parameter | exp.Placeholder)
    # the generic reading keeps ``$1`` as a column name
    if isinstance(node, exp.Column) and not node.table:
        name = str(node.name)
        return name.startswith("$") and name[1:].isdigit()
    return False
