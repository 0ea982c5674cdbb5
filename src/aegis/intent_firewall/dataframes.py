"""Inline Python that reads workspace data and computes over it: ``import pandas as pd;
print(pd.read_csv('data/orders.csv').groupby('status').total.sum())``.

The closed grammar of ``inertcode.py`` admits only the standard library's computing
modules, and any method of a value, which is safe only because those values are strings and
lists. A data frame has methods that run code (``eval``, ``query``, ``apply``), unpickle
(``read_pickle``) or reach a database (``to_sql``): so here, once the same grammar is widened
to the data libraries (imported under any name) and ``with`` blocks, *every* attribute call
must be a listed reader, writer or computing method (``data/data_python.toml``). Readers and
writers must name their file with a string literal: the caller judges each as a read or a
write of that path, and refuses any outside the working directory (a URL is no file, so
``pd.read_csv('http://…')`` is not admitted). A dispatcher's function names (``agg('sum')``,
``aggfunc='mean'``) must be reducers. Anything else returns ``None``: the code keeps its
finding.
"""

from __future__ import annotations

import ast
import tomllib
from importlib import resources

from aegis.intent_firewall.inertcode import (
    INERT_CALLS,
    INERT_MODULES,
    INERT_REFUSED,
    PYTHON_NODES,
    open_read_path,
    plain_node,
)
from aegis.intent_firewall.inertloops import loops_bounded

__all__ = ["data_effects"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/data_python.toml").read_text()
)
_SUBMODULES = frozenset(_DATA["submodules"])
_DATA_MODULES = frozenset(_DATA["modules"]) | _SUBMODULES
_READERS = frozenset(_DATA["readers"])
_WRITERS = frozenset(_DATA["writers"])
_METHODS = frozenset(_DATA["methods"])
_DISPATCHERS = frozenset(_DATA["dispatchers"])
_DISPATCH_KEYWORDS = frozenset(_DATA["dispatch_keywords"])
_REDUCERS = frozenset(_DATA["reducers"])
_PATH_KEYWORDS = frozenset(_DATA["path_keywords"])
_NODES = (*PYTHON_NODES, ast.With, ast.withitem)
_MAX_CODE = 4000
_MAX_NODES = 800

Effects = tuple[tuple[str, str], ...]


def data_effects(code: str) -> Effects | None:  # noqa: PLR0911
    """The (``read``/``write``, path) pairs of ``code`` when it imports a data library or
    opens a file in a ``with`` block and stays inside the widened grammar; ``None``
    otherwise."""
    nodes = _parsed(code)
    if nodes is None:
        return None
    modules = _imports(nodes)
    if modules is None:
        return None
    if _DATA_MODULES.isdisjoint(modules.values()) and not any(
        isinstance(n, ast.With) for n in nodes
    ):
        return None  # the plain grammar of inertcode.py, not widened, is the judge
    bound = set(modules)
    bound.update(n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    if bound & (INERT_CALLS | {"open"}):
        return None  # open or a builtin rebound hides what a call reaches
    known = INERT_CALLS | bound
    effects: list[tuple[str, str]] = []
    for node in nodes:
        if isinstance(node, ast.Call):
            found = _call(node, modules)
            if found is None:
                return None
            effects.extend(found)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id not in known and node.id != "open":
                return None
        elif not isinstance(node, ast.Import | ast.ImportFrom) and not plain_node(node):
            return None
    return tuple(effects)


def _parsed(code: str) -> list[ast.AST] | None:
    """Every node of ``code``'s tree when it parses, is small, uses only the grammar's
    kinds and its loops end."""
    if len(code) > _MAX_CODE or "\x00" in code:
        return None
    try:
        nodes = list(ast.walk(ast.parse(code, mode="exec")))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if len(nodes) > _MAX_NODES or not all(isinstance(n, _NODES) for n in nodes):
        return None
    return nodes if loops_bounded(nodes) else None


def _imports(nodes: list[ast.AST]) -> dict[str, str] | None:
    """Local name → module of every import; ``None`` when one is not allowed."""
    names: dict[str, str] = {}
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            return None  # from pandas import read_pickle: a bare name of any function
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in _SUBMODULES and alias.asname is not None:
                    names[alias.asname] = alias.name  # import pyarrow.parquet as pq
                    continue
                root = alias.name.split(".")[0]
                if root not in INERT_MODULES | _DATA_MODULES or "." in alias.name:
                    return None
                if alias.asname is not None and root not in _DATA_MODULES:
                    return None
                names[alias.asname or root] = root
    return names


def _call(  # noqa: PLR0911
    call: ast.Call, modules: dict[str, str]
) -> list[tuple[str, str]] | None:
    """The effects of one call, ``[]`` for a computing one, ``None`` for one not admitted."""
    func = call.func
    if isinstance(func, ast.Name):
        if func.id == "open":
            path = open_read_path(call)
            return None if path is None else [("read", path)]
        return [] if func.id in INERT_CALLS else None
    if not isinstance(func, ast.Attribute) or func.attr.startswith("_"):
        return None
    if not _dispatch_ok(call, func.attr):
        return None
    receiver = func.value.id if isinstance(func.value, ast.Name) else None
    module = modules.get(receiver or "")
    if func.attr in _READERS and module in _DATA_MODULES:
        path = _literal_path(call)
        return None if path is None or "://" in path else [("read", path)]
    if func.attr in _WRITERS:
        if not call.args and not any(k.arg in _PATH_KEYWORDS for k in call.keywords):
            return []  # df.to_csv(): the text, returned
        path = _literal_path(call)
        return None if path is None or "://" in path else [("write", path)]
    if func.attr in ("load", "loads"):
        return [] if module == "json" else None  # json.load(f) parses; np.load unpickles
    if module in INERT_MODULES and module not in _DATA_MODULES:
        return [] if func.attr not in INERT_REFUSED | {"exit"} else None
    return [] if func.attr in _METHODS else None


def _literal_path(call: ast.Call) -> str | None:
    """The file a reader or writer names: its first argument or path keyword, a literal."""
    values = [*call.args[:1], *(k.value for k in call.keywords if k.arg in _PATH_KEYWORDS)]
    if len(values) != 1 or not isinstance(values[0], ast.Constant):
        return None
    path = values[0].value
    return path if isinstance(path, str) and path.strip() else None


def _dispatch_ok(call: ast.Call, name: str) -> bool:
    """Strings naming a function to call (``agg('sum')``, ``aggfunc='mean'``) are reducers."""
    values = [k.value for k in call.keywords if k.arg in _DISPATCH_KEYWORDS]
    if name in _DISPATCHERS:
        values.extend(call.args)
    pending: list[ast.AST] = list(values)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value not in _REDUCERS:
                return False
        elif isinstance(node, ast.List | ast.Tuple):
            pending.extend(node.elts)
        elif isinstance(node, ast.Dict):
            pending.extend(node.values)  # keys are column names
    return True
