"""Operations given as structured fields of a tool call rather than as a command line.

``{verb: delete, resource: namespace, name: production}``, ``{service: s3, operation:
delete_bucket}``, ``{op: deleteMany, filter: {}}`` and ``{method: DELETE, endpoint:
/repos/org/app}`` do what ``kubectl delete namespace production``, ``aws s3 rb``, ``DELETE
FROM t`` and ``curl -X DELETE`` do, and get the same answer: *review*. Each mapping of the
parameters is read for the key that names its operation (``verb``, ``operation``, ``op``,
``method``, ``action``, ``apiCall`` …: words of the key, split like an identifier); the
operation's own words (``DeleteBucket``, ``ec2:TerminateInstances``) are looked up in
``data/operations.toml``. What the shell path already judges stays judged there, so that
both spellings agree:

- a file operation (``{action: delete, path: build/x}``, ``{action: move, src, dst}``,
  ``{action: chmod, path, mode}``) becomes the argument vector of ``rm``/``mv``/``chmod``,
  and deleting a file below the working directory is as allowed as ``rm build/x`` is;
- a row operation with a selector (``deleteMany`` with ``filter``, ``update`` with
  ``where``) is judged by its selector, as SQL's ``DELETE … WHERE`` is: one that matches
  every row (``{}``, ``1=1``, ``{_id: {$exists: true}}``, ``match_all``) is *review*;
- an HTTP method is judged with its URL: a state-changing method on a relative endpoint
  (the host is the tool's, unknown here) or a ``POST`` to a path naming a destructive verb
  (``/instances/i-1/terminate``) is *review*; the loopback app under test is not.

Fields that destroy by themselves (``{drop: users}``, ``{terminate: true}``) and
protections switched off (``deletion_protection: false``, ``skip_final_snapshot: true``)
count too. The walk is breadth first over at most 512 values and 8 levels, each container
once; JSON text under an argument key is read after a linear scan bounds its nesting.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from aegis.intent_firewall.deletions import deletion_command
from aegis.intent_firewall.embedded import nesting_depth
from aegis.intent_firewall.hosts import url_host
from aegis.intent_firewall.vocabulary import ARGUMENT_KEYS, PATH_KEYS, RECURSIVE_KEYS, name_words

__all__ = [
    "OPERATION_KEY_WORDS",
    "RESOURCE_KEYS",
    "Operations",
    "is_field_key",
    "is_operation_key",
    "matches_all",
    "names_file_transfer",
    "structured_operations",
]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/operations.toml").read_text()
)
OPERATION_KEY_WORDS = frozenset(_DATA["operation_key_words"])
_DESTRUCTIVE = frozenset(_DATA["destructive_verbs"])
_DESTRUCTION_NOUNS = frozenset(_DATA["destruction_nouns"])
_LOOKING = frozenset(_DATA["looking_words"])
_ROW_VERBS = frozenset(_DATA["row_verbs"])
_SELECTOR_KEYS = frozenset(_DATA["selector_keys"])
_MATCH_ALL_TEXT = frozenset(_DATA["match_all_text"])
_RESOURCE_KEYS = frozenset(_DATA["resource_keys"])
#: Keys naming the kind of thing an operation applies to (a bucket, a table, a user).
RESOURCE_KEYS = _RESOURCE_KEYS
_MOVE_VERBS = frozenset(_DATA["move_verbs"])
_COPY_VERBS = frozenset(_DATA["copy_verbs"])
_PLAIN_PATH_KEYS = frozenset({"path", "file", "file_path", "filepath", "filename"})
_SOURCE_KEYS = frozenset(_DATA["source_keys"])
_DESTINATION_KEYS = frozenset(_DATA["destination_keys"])
_PROTECTION_KEYS = frozenset(_DATA["protection_keys"])
_UNPROTECTION_KEYS = frozenset(_DATA["unprotection_keys"])
_FORWARDING_KEYS = frozenset(_DATA["forwarding_keys"])
_REVEALING_KEYS = frozenset(_DATA["revealing_keys"])
_BANK_KEYS = frozenset(_DATA["bank_keys"])

#: Operations that only delete or rewrite a file in place: below the working directory they
#: are judged by their paths, as ``rm build/x`` is.
_FILE_DELETING = frozenset({"delete", "del", "remove", "rm", "rmdir", "unlink", "erase"})
_FILE_REWRITING = frozenset({"format", "overwrite"})
_ROW_DELETING = frozenset({"delete", "del", "remove", "destroy"})
_PERM_VERBS = frozenset({"chmod", "chown", "chgrp"})
_MODE_KEYS = frozenset({"mode", "permissions", "perms", "perm", "file_mode", "owner", "user",
                        "group", "uid", "gid"})  # fmt: skip
#: Objects that, named beside a destructive verb in a key (``drop_tables``), make it a field
#: that destroys by itself.
_WHOLE_OBJECTS = frozenset(
    {"all", "everything", "data", "database", "databases", "tables", "table", "bucket",
     "buckets", "instances", "instance", "cluster", "resources", "namespace", "volumes",
     "backups", "snapshots", "users", "records", "rows", "objects", "files", "history",
     "repo", "repository", "collection", "collections", "index", "indices", "stack"}
)  # fmt: skip
#: Verbs that, as a key of their own (``{drop: users}``, ``{terminate: true}``), destroy.
_FIELD_VERBS = frozenset(
    {"delete", "destroy", "drop", "truncate", "purge", "wipe", "terminate", "revoke", "erase",
     "shred", "nuke", "obliterate", "deprovision", "decommission", "deregister", "expunge"}
)  # fmt: skip
_HTTP_CHANGING = frozenset({"DELETE", "PUT", "PATCH"})
_HTTP_METHODS = _HTTP_CHANGING | {"GET", "HEAD", "OPTIONS", "POST", "TRACE", "CONNECT"}
_URL_KEYS = frozenset({"url", "endpoint", "uri", "href", "path", "route", "resource_path",
                       "api_path", "target"})  # fmt: skip
_BASE_KEYS = frozenset({"base_url", "baseurl", "host", "server", "base", "origin"})
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_TRUE = frozenset({"true", "yes", "y", "on", "1"})
_FALSE = frozenset({"false", "no", "n", "off", "0"})
_MAX_NODES = 512
_MAX_DEPTH = 8
_MAX_OPERATION_CHARS = 96
_MAX_JSON = 16384
_MATCH_ALL_REGEX = frozenset({"", ".*", ".+", "^", "^.*", "^.*$", ".", "^.+$"})


@dataclass(slots=True)
class Operations:
    """What the structured operations of a request amount to: findings (rule, evidence),
    and argument vectors the shell rules judge (the file operations, spelled as commands)."""

    findings: list[tuple[str, str]] = field(default_factory=list)
    commands: list[list[str]] = field(default_factory=list)

    def hit(self, evidence: str) -> None:
        if len(self.findings) < 8:
            self.findings.append(("destructive-action", evidence))


def names_file_transfer(action_words: frozenset[str]) -> bool:
    """Whether a tool's name says it moves or copies files (its operands are then read
    whatever keys they sit under)."""
    return bool(action_words & (_MOVE_VERBS | _COPY_VERBS))


@lru_cache(maxsize=4096)
def is_operation_key(key: str) -> bool:
    """``verb``, ``operation``, ``http_method``, ``apiCall``: a key naming an operation (at
    most three words, one of them an operation word)."""
    if len(key) > 64:
        return False
    words = name_words(key)
    return len(words) <= 3 and bool(words & OPERATION_KEY_WORDS)


@lru_cache(maxsize=4096)
def is_field_key(key: str) -> bool:
    """A key whose value alone hands something on (``forwardTo``, ``WithDecryption``,
    ``iban``): parameters holding one are never quiet."""
    compact = _compact(key[:64])
    return compact in _FORWARDING_KEYS or compact in _REVEALING_KEYS or compact in _BANK_KEYS


def _folded(key: object) -> str:
    return key.casefold() if isinstance(key, str) else ""


def _compact(key: str) -> str:
    return "".join(c for c in key.casefold() if c.isalnum())


def _truth(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().casefold()
        return True if text in _TRUE else False if text in _FALSE else None
    return None


def _decoded(value: object, depth: int) -> object:
    """JSON text of a tool call's arguments, as data (``None`` when it is not JSON)."""
    if not isinstance(value, str) or len(value) > _MAX_JSON:
        return None
    text = value.strip()
    if text[:1] not in ("{", "[") or nesting_depth(text, _MAX_DEPTH - depth) > _MAX_DEPTH - depth:
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _mappings(parameters: Mapping[Any, Any]) -> Iterator[dict[str, Any]]:
    """Every mapping below ``parameters`` (breadth first, bounded) under its keys as
    written, with the entries of its argument mappings (``{op: …, args: {filter: …}}``)
    as its own."""
    pending: list[tuple[Any, int]] = [(parameters, 0)]
    seen: set[int] = set()
    nodes = 0
    while pending and nodes < _MAX_NODES:
        node, depth = pending.pop(0)
        if id(node) in seen or depth > _MAX_DEPTH:
            continue
        seen.add(id(node))
        if not isinstance(node, Mapping):
            for value in list(node)[:_MAX_NODES]:
                nodes += 1
                if isinstance(value, (Mapping, list, tuple)):
                    pending.append((value, depth + 1))
            continue
        merged: dict[str, Any] = {}
        for key, value in list(node.items())[:_MAX_NODES]:
            nodes += 1
            if not isinstance(key, str):
                continue
            merged.setdefault(key, value)
            decoded = _decoded(value, depth) if key.casefold() in ARGUMENT_KEYS else None
            child = decoded if decoded is not None else value
            if isinstance(child, Mapping) and key.casefold() in ARGUMENT_KEYS:
                for inner, inner_value in list(child.items())[:64]:
                    if isinstance(inner, str):
                        merged.setdefault(inner, inner_value)
            if isinstance(child, (Mapping, list, tuple)):
                pending.append((child, depth + 1))
        yield merged


def _lookup(mapping: dict[str, Any], keys: frozenset[str]) -> list[tuple[str, Any]]:
    """The entries of ``mapping`` whose key, case folded (or without its separators:
    ``sourcePath`` is ``source_path``), is one of ``keys``."""
    compact = _compacted(keys)
    return [(k, v) for k, v in mapping.items() if k.casefold() in keys or _compact(k) in compact]


@lru_cache(maxsize=64)
def _compacted(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(_compact(key) for key in keys)


def _first_text(mapping: dict[str, Any], keys: frozenset[str]) -> str | None:
    return next((v for _, v in _lookup(mapping, keys) if isinstance(v, str) and v), None)


def structured_operations(
    parameters: object,
    *,
    inside: Callable[[str], bool],
    action_words: frozenset[str] = frozenset(),
) -> Operations:
    """The findings and commands of every structured operation in ``parameters``.

    ``inside(path)`` tells whether a path lies strictly below the working directory.
    ``action_words``: the words of the tool's name; a file tool named for moving or copying
    (``filesystem__move_file``, ``copy_file``) has its operands under ``source``/``from``/
    ``old_path`` … and ``destination``/``to``/``new_path`` …, judged as ``mv`` or ``cp``.
    """
    found = Operations()
    if not isinstance(parameters, Mapping):
        return found
    for mapping in _mappings(parameters):
        if action_words & _MOVE_VERBS:
            _move(mapping, found)
        elif action_words & _COPY_VERBS:
            _move(mapping, found, program="cp")
        _mapping(mapping, found, inside, action_words)
        if len(found.findings) >= 8 or len(found.commands) >= 8:
            break
    return found


def _mapping(
    mapping: dict[str, Any],
    found: Operations,
    inside: Callable[[str], bool],
    action_words: frozenset[str] = frozenset(),
) -> None:
    for key, value in list(mapping.items())[:64]:
        if isinstance(value, str) and is_operation_key(key):
            _operation(key, value, mapping, found, inside)
        elif len(key) <= 64 and is_field_key(key):
            _handing_on(key, value, found, action_words)
        else:
            _field(key, value, found)


def _operation_words(key: str, value: str) -> frozenset[str] | None:
    """The words of an operation value, or ``None`` when it is no operation name (a command
    line under ``command`` is the shell's to judge; prose is no operation)."""
    text = value.strip()
    if not text or len(text) > _MAX_OPERATION_CHARS:
        return None
    tokens = text.split()
    if len(tokens) > 1 and (
        name_words(key) & {"command", "cmd", "subcommand"}
        or len(tokens) > 3
        or any(token[:1] in ("-", "/", "~", ".") for token in tokens)
    ):
        return None
    return name_words(text)


def _operation(
    key: str,
    value: str,
    mapping: dict[str, Any],
    found: Operations,
    inside: Callable[[str], bool],
) -> None:
    if "method" in name_words(key) and value.strip().upper() in _HTTP_METHODS:
        _http(value.strip().upper(), mapping, found)
        return
    words = _operation_words(key, value)
    if not words:
        return
    destructive = words & _DESTRUCTIVE
    if not words & _LOOKING:
        destructive |= words & _DESTRUCTION_NOUNS  # ScheduleKeyDeletion, not GetDeletionStatus
    shown = f"operation {value.strip()[:60]!r} under {key!r}"
    if words & _ROW_VERBS:
        selector = next(iter(_lookup(mapping, _SELECTOR_KEYS)), None)
        if selector is not None:
            if _matches_all(selector[1], 0):
                found.hit(f"{shown} with a selector matching every item ({selector[0]})")
                return
            if destructive <= _ROW_DELETING:
                return  # deleteMany {filter: {status: spam}}: as DELETE … WHERE
    if words & _MOVE_VERBS:
        _move(mapping, found)
    if words & _PERM_VERBS:
        _permissions(words & _PERM_VERBS, mapping, found)
    if destructive and not _workspace_file_operation(destructive, words, mapping, found, inside):
        found.hit(f"{shown} ({', '.join(sorted(destructive))})")


def _workspace_file_operation(
    destructive: frozenset[str],
    words: frozenset[str],
    mapping: dict[str, Any],
    found: Operations,
    inside: Callable[[str], bool],
) -> bool:
    """A file deleted or rewritten below the working directory (``delete_file {path:
    build/x.log}``): judged as its ``rm`` command line, which is all there is to judge."""
    command = deletion_command(
        words,
        {k: v for k, v in mapping.items() if not (isinstance(v, str) and is_operation_key(k))},
    )
    if command is not None:  # {action: delete, paths: [/tmp/x]}: judged as rm -r /tmp/x
        found.commands.append(command)
        return True
    paths = _paths(mapping)
    if not paths or _lookup(mapping, _RESOURCE_KEYS):
        return False
    if not destructive <= _FILE_DELETING | _FILE_REWRITING:
        return False
    if destructive <= _FILE_DELETING:
        recursive = _recursive(mapping, words)
        found.commands.append(["rm", *(["-r"] if recursive else []), "--", *paths])
    return all(inside(path) for path in paths)


def _paths(mapping: dict[str, Any]) -> list[str]:
    return [v for _, v in _lookup(mapping, PATH_KEYS) if isinstance(v, str) and v][:16]


def _recursive(mapping: dict[str, Any], words: frozenset[str]) -> bool:
    if "rmdir" in words or words & {"directory", "dir", "folder", "tree"}:
        return True
    return any(_truth(v) is True for _, v in _lookup(mapping, RECURSIVE_KEYS))


def _move(mapping: dict[str, Any], found: Operations, program: str = "mv") -> None:
    """``mv SOURCE TARGET`` (or ``cp -r``, which reads a whole tree); a source without a
    target is still moved or copied somewhere: judged against the working directory."""
    source = _first_text(mapping, _SOURCE_KEYS)
    target = _first_text(mapping, _DESTINATION_KEYS)
    if not source and target:  # move_file {path: src, destination: …}: path is the source
        source = _first_text(mapping, _PLAIN_PATH_KEYS)
    if not source:
        return
    command = [program, *(["-r"] if program == "cp" else []), "--", source, target or "."]
    if command not in found.commands:
        found.commands.append(command)
    if program == "mv" and target and _into_device_or_away(source, target):
        found.hit(f"moves {source[:80]!r} to {target[:80]!r}, where nothing can get it back")


def _into_device_or_away(source: str, target: str) -> bool:
    """A move whose target is a device node (``/dev/null`` swallows what lands there), or
    that takes a repository's history (``.git``) somewhere else."""
    if target.replace("\\", "/").startswith("/dev/"):
        return True
    return source.rstrip("/").rsplit("/", 1)[-1] == ".git"


def _permissions(verbs: frozenset[str], mapping: dict[str, Any], found: Operations) -> None:
    paths = _paths(mapping)
    setting = next(
        (str(v) for _, v in _lookup(mapping, _MODE_KEYS) if isinstance(v, (str, int))), None
    )
    if paths and setting:
        flag = ["-R"] if _recursive(mapping, frozenset()) else []
        found.commands.append([min(verbs), *flag, "--", setting, *paths])


def _http(method: str, mapping: dict[str, Any], found: Operations) -> None:
    """A method with its endpoint: full URLs on remote hosts are ``httpmethods``'s; here a
    relative endpoint (the tool's host, unknown) and destructive verbs in a POSTed path."""
    endpoint = _first_text(mapping, _URL_KEYS)
    if endpoint is None:
        if method == "DELETE":
            found.hit(f"method {method} without an endpoint to judge")
        return
    if "://" in endpoint:
        parsed = url_host(endpoint)
        if parsed is None or parsed[1] in _LOOPBACK:
            return
        path = endpoint.split("://", 1)[1].partition("/")[2]
    else:
        base = _first_text(mapping, _BASE_KEYS) or ""
        parsed = url_host(base if "://" in base else f"http://{base}") if base else None
        if parsed is not None and parsed[1] in _LOOPBACK:
            return
        path = endpoint
        if method in _HTTP_CHANGING:
            found.hit(f"{method} {endpoint[:100]} changes a resource of the tool's host")
            return
    if method in ("GET", "HEAD", "OPTIONS"):
        return
    verbs = name_words(path.split("?", 1)[0][:256]) & _DESTRUCTIVE
    if verbs:
        found.hit(f"{method} {endpoint[:100]} names a destructive operation")


def _field(key: str, value: object, found: Operations) -> None:
    """``{drop: users}``, ``{terminate: true}``, ``{deletion_protection: false}``."""
    if len(key) > 64:
        return
    compact = _compact(key)
    truth = _truth(value)
    if (compact in _PROTECTION_KEYS and truth is False) or (
        compact in _UNPROTECTION_KEYS and truth is True
    ):
        found.hit(f"parameter {key}: {value!s:.20} removes a protection against deletion")
        return
    words = name_words(key)
    verbs = words & _FIELD_VERBS
    if not verbs or not (words - verbs <= _WHOLE_OBJECTS) or len(words) > 2:
        return
    if truth is True or (
        truth is None and isinstance(value, str) and value.strip() and len(value) <= 128
    ):
        found.hit(f"parameter {key}: {str(value)[:60]!r} destroys what it names")
    elif isinstance(value, (list, tuple)) and any(isinstance(v, str) and v for v in value[:16]):
        found.hit(f"parameter {key}: a list of what it destroys")


def _handing_on(key: str, value: object, found: Operations, action_words: frozenset[str]) -> None:
    """``{forward: a@x}`` in a mail filter, ``{WithDecryption: true}``, ``{iban: …}``: a
    field that forwards mail for good, returns a stored secret in clear, or changes where
    money lands (bank details given to an action that is not a look-up)."""
    compact = _compact(key)
    if compact in _FORWARDING_KEYS and _has_address(value, 0):
        found.hit(f"parameter {key} forwards mail to another mailbox for good")
    elif compact in _REVEALING_KEYS and _truth(value) is True:
        found.hit(f"parameter {key}: {value!s:.20} returns a stored secret in clear")
    elif (
        compact in _BANK_KEYS and value not in (None, "", {}, []) and not (action_words & _LOOKING)
    ):
        found.hit(f"parameter {key} changes bank or payout details")


def _has_address(value: object, depth: int) -> bool:
    """Whether an e-mail address is anywhere in ``value`` (bounded: 16 items, 4 levels)."""
    if isinstance(value, str):
        return "@" in value[:512]
    if depth > 4:
        return False
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_address(item, depth + 1) for item in value[:16])
    return False


def matches_all(selector: object) -> bool:
    """Whether a row selector picks every item (see :func:`_matches_all`)."""
    return _matches_all(selector, 0)


def _matches_all(selector: object, depth: int) -> bool:  # noqa: PLR0911
    """A selector that picks every item: empty, a match-all text, or a document selector
    whose every condition is an operator that alone matches (nearly) everything."""
    if depth > _MAX_DEPTH:
        return False
    if selector is None:
        return True
    if isinstance(selector, bool):
        return selector
    if isinstance(selector, str):
        return " ".join(selector.split()).casefold().strip("()") in _MATCH_ALL_TEXT
    if isinstance(selector, (list, tuple)):
        return not selector
    if not isinstance(selector, Mapping):
        return False
    if not selector:
        return True
    entries = list(selector.items())[:32]
    return all(_condition_matches_all(_folded(k), v, depth) for k, v in entries)


def _condition_matches_all(key: str, value: object, depth: int) -> bool:
    if key in ("match_all", "matchall", "$where", "$expr"):
        return key.startswith("match") or _matches_all(value, depth + 1)
    if key in ("query", "bool", "must", "filter"):
        return _matches_all(value, depth + 1)
    if key in ("$or", "should") and isinstance(value, (list, tuple)):
        return any(_matches_all(v, depth + 1) for v in value[:32])
    if key == "$and" and isinstance(value, (list, tuple)):
        return all(_matches_all(v, depth + 1) for v in value[:32])
    if isinstance(value, Mapping) and value:
        return all(_broad(_folded(k), v) for k, v in list(value.items())[:32])
    return False


def _broad(operator: str, operand: object) -> bool:
    """``{$exists: true}``, ``{$ne: null}``, ``{$regex: ".*"}``: a condition every item with
    (or without) the field meets."""
    if operator == "$exists":
        return operand is True or operand == 1 or _truth(operand) is True
    if operator == "$ne":
        return operand is None or operand == ""
    if operator == "$nin":
        return isinstance(operand, (list, tuple)) and not operand
    if operator == "$regex":
        return isinstance(operand, str) and operand in _MATCH_ALL_REGEX
    return False
