"""Python one-liners that also touch files by name: ``shutil.rmtree('.mypy_cache')``,
``os.path.exists('setup.py')``, ``Path('build').mkdir(exist_ok=True)``,
``importlib.metadata.version('pytest')``.

``inertcode`` admits code that only computes and prints. This grammar admits a little more,
still on Python's own syntax tree and never by words: the functions of ``os``, ``os.path``,
``shutil``, ``pathlib.Path``, ``glob`` and ``importlib.metadata`` listed below, each with what
it does to its path arguments (read, write, delete, a whole tree), which must be string
literals. :func:`python_effects` hands the (role, path) pairs to the caller, which judges each
as the same role on the same path in a shell line is judged, and refuses any path outside the
working directory. Every module-qualified name is resolved through the code's own imports
(``import shutil as s`` is still ``shutil``); one not listed, a listed effect passed as a value
(``map(os.remove, …)``), a call of a name the code bound, a computed path, ``subprocess``,
``os.system``, ``socket``, ``exec``, ``__import__`` or ``getattr`` leaves the code unjudged, so
it keeps its ``interpreter-code`` finding. A parse error is the same: fail closed.
"""

from __future__ import annotations

import ast

from aegis.intent_firewall.inertcode import (
    _ALLOWED_LOADS,
    _ATTRIBUTES_REFUSED,
    _CALLS,
    _CALLS_REFUSED,
    _CHECKS,
    INERT_MODULES,
    _nodes,
    _read_path,
    bare_names,
)

__all__ = ["python_effects"]

#: Importable modules (full dotted names) and the names ``from … import`` may take of them.
_IMPORTS: dict[str, frozenset[str] | None] = {
    "os": None,
    "os.path": None,
    "shutil": None,
    "pathlib": frozenset({"Path", "PurePath", "PurePosixPath"}),
    "glob": None,
    "fnmatch": None,
    "importlib.metadata": None,
    "site": frozenset({"getsitepackages", "getusersitepackages"}),
    "tomllib": None,
    **dict.fromkeys(INERT_MODULES),  # inertcode's computing modules, with its refusals
}
#: Functions by qualified name and what they do to their literal path arguments, in order
#: ("" for an argument that is no path; a function absent from here is refused).
_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "os.getcwd": (),
    "os.cpu_count": (),
    "os.getpid": (),
    "os.listdir": ("read",),
    "os.scandir": ("read",),
    "os.stat": ("read",),
    "os.walk": ("read-tree",),
    "os.remove": ("delete",),
    "os.unlink": ("delete",),
    "os.rmdir": ("delete",),
    "os.mkdir": ("write",),
    "os.makedirs": ("write",),
    "os.rename": ("delete", "write"),
    "os.replace": ("delete", "write"),
    "shutil.rmtree": ("delete-tree",),
    "shutil.copy": ("read", "write"),
    "shutil.copy2": ("read", "write"),
    "shutil.copyfile": ("read", "write"),
    "shutil.copytree": ("read-tree", "write-tree"),
    "shutil.move": ("delete-tree", "write-tree"),
    "shutil.which": ("",),
    "shutil.disk_usage": ("",),
    "glob.glob": ("read",),
    "glob.iglob": ("read",),
    "fnmatch.fnmatch": ("", ""),
    "pathlib.Path": ("",),
    "pathlib.PurePath": ("",),
    "pathlib.PurePosixPath": ("",),
    "importlib.metadata.version": ("",),
    "importlib.metadata.metadata": ("",),
    "importlib.metadata.requires": ("",),
    "importlib.metadata.packages_distributions": (),
    "tomllib.load": ("",),
    "tomllib.loads": ("",),
    "site.getsitepackages": (),
    "site.getusersitepackages": (),
}
#: os.path: every function only looks at names or metadata.
_OS_PATH = frozenset(
    {"exists", "isfile", "isdir", "islink", "isabs", "getsize", "getmtime", "join", "abspath",
     "basename", "dirname", "splitext", "split", "normpath", "relpath", "realpath",
     "commonpath", "sep"}
)  # fmt: skip
#: Module attributes read as values.
_VALUES = frozenset({"os.sep", "os.linesep", "os.name", "os.curdir", "os.pardir", "os.path"})
#: What a method of ``Path("literal")`` does to that path.
_PATH_METHODS = {
    "exists": "", "is_file": "", "is_dir": "", "resolve": "", "absolute": "", "stat": "",
    "read_text": "read", "read_bytes": "read", "iterdir": "read", "glob": "read",
    "rglob": "read-tree", "write_text": "write", "write_bytes": "write", "touch": "write",
    "mkdir": "write", "unlink": "delete", "rmdir": "delete",
}  # fmt: skip
#: Method names that act on a path or a file when the receiver is not known to be harmless.
_EFFECT_METHODS = frozenset(_PATH_METHODS) - {"exists", "is_file", "is_dir", "resolve"} | {
    "write",
    "writelines",
    "remove",
    "rename",
    "replace",
    "chmod",
    "symlink_to",
    "open",
    "load",
    "system",
    "popen",
    "exec_module",
    "hardlink_to",
    "link_to",
}
_MAX_EFFECTS = 32
#: What code may read of a module outside the lists: its version, or where it lies.
_VERSION_ATTRIBUTES = (".__version__", ".version", ".VERSION", ".__file__")


def python_effects(code: str) -> tuple[tuple[str, str], ...] | None:
    """The (role, literal path) pairs ``code`` acts on when it stays inside the grammar;
    ``None`` when it does not (the caller keeps its finding)."""
    nodes = _nodes(code)
    if nodes is None:
        return None
    names = _bound_names(nodes)
    if names is None:
        return None
    effects: list[tuple[str, str]] = []
    handled: set[int] = set()
    for node in nodes:
        if isinstance(node, ast.Call):
            called = _call_effects(node, names, handled)
            if called is None:
                return None
            effects.extend(called)
    if _import_passed_on(nodes, names):
        return None
    for node in nodes:
        if id(node) in handled or isinstance(node, ast.Import | ast.ImportFrom | ast.Call):
            continue
        if not _value_allowed(node, names):
            return None
    return tuple(effects) if len(effects) <= _MAX_EFFECTS else None


def _import_passed_on(nodes: list[ast.AST], names: dict[str, str]) -> bool:
    """An imported name used as a value of its own (``x = os``, ``print(environ)`` after
    ``from os import environ``) rather than as the root of an attribute judged here: only a
    listed value or a function with no effect may be."""
    for node in bare_names(nodes):
        qualified = names.get(node.id)
        if not qualified:
            continue
        if qualified in _IMPORTS:
            return True  # the module itself: m = sys; m.modules[…] escapes every check
        roles = None if qualified.startswith("?") else _known_function(qualified)
        if qualified not in _VALUES and (roles is None or any(roles)):
            return True
    return False


def _bound_names(nodes: list[ast.AST]) -> dict[str, str] | None:
    """Each name the imports bind, to the qualified name it stands for; ``None`` for an
    import outside the grammar. Names the code assigns map to ``""`` (never called)."""
    names: dict[str, str] = {}
    for node in nodes:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name not in _IMPORTS:
                    if "." in alias.name:
                        return None
                    # any other module only to read its version (numpy.__version__); the
                    # name is marked so that no other use of it is admitted
                    names[alias.asname or alias.name] = "?" + alias.name
                    continue
                if alias.asname is None:
                    top = alias.name.split(".")[0]
                    names[top] = top
                else:
                    names[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            allowed = _IMPORTS.get(node.module or "", ()) if not node.level else ()
            for alias in node.names:
                if allowed == () or alias.name == "*":
                    return None
                if allowed is not None and alias.name not in allowed:
                    return None
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names[node.id] = ""
    return names


def _qualified(node: ast.expr, names: dict[str, str]) -> str | None:
    """``shutil.rmtree`` for ``s.rmtree`` after ``import shutil as s``; ``None`` when the
    expression is not a chain of attributes on an imported name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or not names.get(node.id):
        return None
    return ".".join([names[node.id], *reversed(parts)])


def _known_function(qualified: str) -> tuple[str, ...] | None:
    if qualified in _FUNCTIONS:
        return _FUNCTIONS[qualified]
    if qualified.startswith("os.path.") and qualified[8:] in _OS_PATH:
        return ()
    parts = qualified.split(".")
    if parts[0] not in INERT_MODULES or any(
        p.startswith("_") or p in _ATTRIBUTES_REFUSED for p in parts
    ):
        return None
    if parts[-1] in _CALLS_REFUSED and not (
        parts[-1] in ("load", "loads") and parts[0] in _ALLOWED_LOADS
    ):
        return None
    return ()  # sys.version, json.dumps, platform.python_version: compute and describe


def _call_effects(  # noqa: PLR0911 (one answer per kind of callee)
    call: ast.Call, names: dict[str, str], handled: set[int]
) -> list[tuple[str, str]] | None:
    func = call.func
    qualified = _qualified(func, names)
    if qualified in ("os.getenv", "os.environ.get"):
        _mark_chain(func, handled)
        return [] if _plain_variable(call) else None
    if qualified is not None:
        roles = _known_function(qualified)
        if roles is None:
            return None
        _mark_chain(func, handled)
        return _literal_roles(call, roles)
    if isinstance(func, ast.Name):
        if func.id in names:  # a name the code bound (r = os.remove; r(…)) or an import
            return None
        if func.id == "open":
            return _open_effects(call, handled)
        return [] if func.id in _CALLS else None  # builtins that compute (inertcode's)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
        receiver = _qualified(func.value.func, names)
        if receiver in ("pathlib.Path", "pathlib.PurePath", "pathlib.PurePosixPath"):
            role = _PATH_METHODS.get(func.attr)
            path = _literal(func.value.args[0]) if len(func.value.args) == 1 else None
            if role is None or path is None:
                return None
            return [(role, path)] if role else []
    if isinstance(func, ast.Attribute):
        return None if func.attr in _EFFECT_METHODS or func.attr.startswith("_") else []
    return []


def _plain_variable(call: ast.Call) -> bool:
    """``os.getenv("VIRTUAL_ENV")``: one variable named by a literal whose words name no
    secret (tokens, keys, passwords, connection URLs carry them)."""
    from aegis.intent_firewall.vocabulary import SECRET_VARIABLE_WORDS, SECRET_WORDS, name_words

    if not call.args or len(call.args) > 2 or call.keywords:
        return False
    name = _literal(call.args[0])
    if not name or (len(call.args) == 2 and _literal(call.args[1]) is None):
        return False
    return not name_words(name) & (SECRET_WORDS | _SECRET_NAME_WORDS | SECRET_VARIABLE_WORDS)


#: Words of environment variable names that hold secrets, beyond the shared list.
_SECRET_NAME_WORDS = frozenset(
    {"token", "key", "pass", "pwd", "auth", "session", "private", "url", "uri", "dsn", "conn",
     "cert", "signature", "sig", "salt", "otp"}
)  # fmt: skip


def _open_effects(call: ast.Call, handled: set[int]) -> list[tuple[str, str]] | None:
    """``open("literal")`` reads it; ``open("literal", "w")`` (or ``a``, ``x``) writes it."""
    handled.add(id(call.func))
    path = _read_path(call)
    if path is not None:
        return [("read", path)]
    args = call.args
    if len(args) != 2 or call.keywords or not all(_literal(a) for a in args):
        return None
    mode = _literal(args[1]) or ""
    if not set(mode) <= set("wax+bt") or "+" in mode:
        return None
    return [("write", _literal(args[0]) or "")]


def _literal_roles(call: ast.Call, roles: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """The call's positional path arguments with their roles; only literals are judged."""
    effects: list[tuple[str, str]] = []
    for index, role in enumerate(roles):
        if index >= len(call.args):
            break
        path = _literal(call.args[index])
        if role and path is None:
            return None  # a computed path cannot be judged
        if role and path is not None:
            effects.append((role, path))
    if len(call.args) > len(roles) and any(roles):
        return None  # more paths than the table describes
    for keyword in call.keywords:
        if (
            keyword.arg in ("src", "dst", "path", "onerror", "onexc", "dir_fd")
            or keyword.arg is None
        ):
            return None
    return effects


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _mark_chain(node: ast.expr, handled: set[int]) -> None:
    while isinstance(node, ast.Attribute):
        handled.add(id(node))
        node = node.value
    handled.add(id(node))


def _value_allowed(node: ast.AST, names: dict[str, str]) -> bool:
    """A node outside the calls: imported names only as listed values (``os.sep``) or as
    side-effect-free functions; every other node as ``inertcode`` allows it."""
    if isinstance(node, ast.Attribute):
        qualified = _qualified(node, names)
        if qualified is not None and qualified.startswith("?"):
            return qualified.count(".") == 1 and qualified.endswith(_VERSION_ATTRIBUTES)
        if qualified is not None:
            roles = _known_function(qualified)
            pure = roles is not None and not any(roles)
            # sys.path printed is a list of names; a method on it (sys.path.insert) is a
            # call refused above, since it changes where imports come from
            return qualified in _VALUES or pure or qualified == "sys.path"
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
        # an imported name (the root of a chain judged above), a name the code bound, or a
        # computing builtin: exec or open passed as a value (map(exec, …)) is none of them
        return node.id in names or node.id in _CALLS
    check = _CHECKS.get(type(node))
    return check is None or check(node)
