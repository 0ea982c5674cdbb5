"""Database clients and cluster tools resetting the agent's own disposable objects.

``dropdb -h localhost scratch_restore``, ``mongosh app_test --eval 'db.dropDatabase()'``,
``kafka-topics --bootstrap-server localhost:9092 --delete --topic agent-test-events``,
``kubectl --context kind-dev delete namespace test-run-42``, ``mysql -h 127.0.0.1 app_test
-e 'TRUNCATE TABLE sessions'``: the findings such a command gets for removing things
(listed per program under ``forgive`` in ``data/disposable.toml``) are dropped when every
word of the line is read here, the place is this machine and what is removed is
disposable (``disposable.py``).

Read here means: each option is one the program's entry lists (a host, a connection URL, an
object name, a plain value or a flag), no word is known only at run time or a glob, no input
adds words (``xargs``), and no line of the request names a variable that moves the client
(``PGHOST``, ``KUBECONFIG``). The place: every host a loopback address or a socket, or none
for a client whose default is this machine; a cluster context the local cluster tools make
(``kubecontexts.py``), never the current one. Redis is not read: its databases have
numbers, not names, and which number is scratch is a project's convention (``FLUSHDB``
stays held). Anything else keeps its findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aegis.intent_firewall.dbplaces import connection_place, local_host
from aegis.intent_firewall.disposable import data, disposable, plain_name, touches_environment
from aegis.intent_firewall.kubecontexts import local_context

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope
    from aegis.intent_firewall.commands import Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["RESET_PROGRAMS", "forgive", "local_reset"]

_MONGO_CALLS = ("dropDatabase()", "drop()", "deleteMany({})")
#: Program names (as written, no path) that may be a reset: a path to one is not read.
RESET_PROGRAMS = frozenset([*data()["programs"], *data()["aliases"]])
_NONE: frozenset[str] = frozenset()


@dataclass
class _Line:
    """The words of one command sorted by what the program's entry says they are."""

    hosts: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    namespaces: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    operands: list[str] = field(default_factory=list)


def _role(entry: dict[str, Any], option: str) -> str | None:
    for role in ("host", "url", "name", "code", "context", "namespace", "value"):
        if option in entry.get(role, ()):
            return role
    return "flag" if option in entry.get("flag", ()) else None


def _read(entry: dict[str, Any], words: Sequence[str]) -> _Line | None:
    """The line's words by role, or ``None`` when some option is not the entry's."""
    line, index = _Line(), 0
    while index < len(words):
        word = words[index]
        index += 1
        if not word.startswith("-") or word == "-":
            line.operands.append(word)
            continue
        role = _role(entry, word)
        option, equals, inline = word.partition("=")
        if role is None and equals:
            role = _role(entry, option)
        if role is None:
            return None
        if role == "flag":
            continue
        if not equals:
            if index >= len(words):
                return None
            inline, index = words[index], index + 1
        if role == "value":
            line.values[option] = inline
        else:
            target = {"host": line.hosts, "url": line.urls, "name": line.names,
                      "code": line.code, "context": line.contexts,
                      "namespace": line.namespaces}[role]  # fmt: skip
            target.append(inline)
    return line


def _place(entry: dict[str, Any], line: _Line) -> list[str] | None:
    """The databases the connection options name, or ``None`` when the place is not this
    machine (a host not local, no host for a program with no local default)."""
    if not line.hosts and not line.urls and not entry.get("local"):
        return None
    if not all(local_host(host) for host in line.hosts):
        return None
    databases = []
    for url in line.urls:
        local, database = connection_place(url)
        if not local:
            return None
        databases.extend([database] if database else [])
    return databases


def _sibling(code: str) -> tuple[str, str] | None:
    """``db.getSiblingDB("app_test").dropDatabase()`` as (``app_test``, ``db.dropDatabase()``)."""
    head = "db.getSiblingDB("
    if not code.startswith(head) or code[len(head) : len(head) + 1] not in ("'", '"'):
        return None
    quote = code[len(head)]
    name, closed, rest = code[len(head) + 1 :].partition(quote + ").")
    return (name, "db." + rest) if closed and quote not in name else None


def _mongo(line: _Line) -> list[tuple[list[str], list[str]]] | None:
    """``mongosh [URL|DB] --eval 'db.dropDatabase()'`` (or ``db.COLL.drop()``,
    ``db.COLL.deleteMany({})``, or on ``db.getSiblingDB("NAME")``): one call, on a database
    the line names."""
    if len(line.operands) > 1 or len(line.code) != 1:
        return None
    target = line.operands[0] if line.operands else ""
    local, database = connection_place(target) if "://" in target else (True, target)
    code = line.code[0].strip().rstrip(";").strip()
    sibling = _sibling(code)
    if sibling is not None:
        database, code = sibling
    if not local or not database or not code.startswith("db.") or not plain_name(database):
        return None
    if "." in database:
        return None  # no database name holds a dot: mongosh reads test.example.com as a host
    if code == "db.dropDatabase()":
        return [([database], [])]
    collection, dot, call = code[3:].partition(".")
    if not dot or call not in _MONGO_CALLS[1:] or not plain_name(collection):
        return None
    return [([collection], [database])]


def _sql_client(
    entry: dict[str, Any], line: _Line, databases: list[str]
) -> list[tuple[list[str], list[str]]] | None:
    """``psql DB -c STATEMENT``, ``mysql DB -e STATEMENT``, ``sqlite3 FILE STATEMENT``."""
    from aegis.intent_firewall.sqlresets import sql_reset

    code, operands = line.code, line.operands
    if entry.get("code_operand") and not code:
        code, operands = operands[1:], operands[:1]
    named = [*line.names, *operands[:1]]
    if len(code) != 1 or len(operands) > 1 or len(named) > 1:
        return None
    for name in named:
        local, database = (
            (True, _workspace_file(name)) if entry.get("code_operand") else connection_place(name)
        )
        if not local or not database:
            return None
        databases.append(database)
    return [] if sql_reset(code[0], databases) else None


def _workspace_file(path: str) -> str | None:
    """``build/test.sqlite`` as ``test``: a database file below the working directory,
    named by its own name (``~/Library/test/../chat.db`` is no test database, nor a file
    outside the workspace)."""
    parts = path.split("/")
    if path.startswith(("/", "~", "-")) or ".." in parts or not all(parts):
        return None
    stem = parts[-1].partition(".")[0]
    return stem if plain_name(stem) else None


def _verb_names(entry: dict[str, Any], line: _Line) -> list[tuple[list[str], list[str]]] | None:
    """``docker volume rm NAME…``: the words of one listed verb, then the names removed."""
    for verb in entry["verbs"]:
        if line.operands[: len(verb)] == verb:
            return [([name], []) for name in [*line.operands[len(verb) :], *line.names]] or None
    return None


def _objects(entry: dict[str, Any], line: _Line) -> list[tuple[list[str], list[str]]] | None:
    """What the command removes, each as (its names, the names around it)."""
    kind = entry["operands"]
    if kind == "verb-names":
        return _verb_names(entry, line)
    named = {"names": line.operands, "files": line.names, "none": line.names}
    if kind in named:
        if kind == "none" and line.operands:
            return None
        return [([name], []) for name in named[kind]] or None
    return _mongo(line) if kind == "mongo" else _kube(entry, line)


def _kube(entry: dict[str, Any], line: _Line) -> list[tuple[list[str], list[str]]] | None:
    """``kubectl delete KIND NAME…``/``KIND/NAME…`` and ``helm uninstall RELEASE…`` on a
    local cluster context, in the namespace the line names."""
    if len(line.contexts) != 1 or not local_context(line.contexts[0]) or len(line.namespaces) > 1:
        return None
    words = line.operands
    if not words or words[0] not in entry["verbs"]:
        return None
    names, kinds = words[1:], data()["kube"]["kinds"]
    if entry["operands"] == "kube":
        if names and "/" not in names[0]:
            if names[0] not in kinds:
                return None
            names = [f"{names[0]}/{name}" for name in names[1:]]
        split = [name.partition("/") for name in names]
        if any(kind not in kinds or not slash for kind, slash, _ in split):
            return None
        return [
            ([name], [] if kind in ("namespace", "namespaces", "ns") else line.namespaces)
            for kind, _, name in split
        ] or None
    return [([name], line.namespaces) for name in names] or None


def _entry(args: list[Arg], feed: Feed, scope: Scope) -> tuple[dict[str, Any], _Line] | None:
    """The program's entry and its words read by role, when every word can be read."""
    program = args[0][0]
    if program is None or feed.stdin_operands or feed.replace_token or feed.depth:
        return None  # words from input; under ssh, docker exec, sudo, sh -c: another place
    entry = data()["programs"].get(data()["aliases"].get(program, program))
    words = [arg[0] for arg in args[1:]]
    if entry is None or any(word is None for word in words) or any(arg[2] for arg in args):
        return None
    if touches_environment([*scope.lines, *(name for name, _ in scope.environment)]):
        return None  # the line or the deployment points the client somewhere
    line = _read(entry, [word for word in words if word is not None])
    return None if line is None else (entry, line)


def local_reset(args: list[Arg], feed: Feed, scope: Scope) -> frozenset[str]:
    """The findings to drop from judging ``args``: those its entry lists when the command is
    a reset of disposable objects on this machine, else none."""
    if not args or args[0][0] not in RESET_PROGRAMS:
        return _NONE  # nearly every command: one set lookup
    read = _entry(args, feed, scope)
    if read is None:
        return _NONE
    entry, line = read
    databases = [] if "context" in entry else _place(entry, line)
    objects = None
    if databases is not None and entry["operands"] == "database":
        objects = _sql_client(entry, line, databases)
    elif databases is not None and (line.names or not entry.get("needs_name")):
        objects = _objects(entry, line)
    if objects is None or databases is None:
        return _NONE
    if not all(disposable(names, around or databases) for names, around in objects):
        return _NONE
    return frozenset(entry["forgive"])


def forgive(scope: Scope, start: int, rules: frozenset[str]) -> None:
    """Drop the findings of ``rules`` judging one command added after ``start``."""
    scope.hits[start:] = [hit for hit in scope.hits[start:] if hit.rule not in rules]
