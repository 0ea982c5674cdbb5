"""Whether a MongoDB filter picks some documents, and what an update or pipeline writes.

A filter can match every document without being empty: ``{_id: {$ne: 'x'}}``, ``{$nor:
[{_id: null}]}``, ``{$expr: {$eq: [1, 1]}}``, ``{email: {$regex: '(?:)'}}``, ``{deleted:
{$in: [true, false, null]}}``. Telling every such test apart is not possible from the text,
so a delete is read as scoped only when the filter pins a field (:func:`selective`): a field
equal to a value (``{source: 'pytest'}``, ``{_id: {$eq: 7}}``), or one of a few listed values
(``$in`` without ``null`` and not both ``true`` and ``false``), at the top level or in every
branch of an ``$and``. Ranges, negations, regular expressions and expressions alone do not
pin anything (fail closed: the delete stays review).

An update that sets or removes an account's privilege or credential fields (``$set: {role:
'admin'}``, ``$unset: {password_hash: ''}``) and a pipeline whose ``$out``/``$merge`` writes
into the server's own databases or a ``system.`` collection are findings
(:func:`write_findings`).
"""

from __future__ import annotations

from collections.abc import Mapping

from aegis.intent_firewall.vocabulary import name_words

__all__ = ["selective", "write_findings"]

_MAX = 64
_SCALARS = (str, int, float)
_PRIVILEGE_WORDS = frozenset(
    {"role", "roles", "admin", "administrator", "superuser", "root", "permission",
     "permissions", "privilege", "privileges", "scope", "scopes", "password", "passwd",
     "hash", "token", "tokens", "secret", "mfa", "otp", "owner", "staff", "acl", "grants"}
)  # fmt: skip
_SYSTEM_DATABASES = frozenset({"admin", "local", "config"})


def _listed(listed: object) -> bool:
    """A short list of values without ``null`` and not both ``true`` and ``false``."""
    if not isinstance(listed, (list, tuple)) or not 0 < len(listed) <= _MAX:
        return False
    if any(item is None or not isinstance(item, (*_SCALARS, bool)) for item in listed):
        return False
    return not ({True, False} <= {item for item in listed if isinstance(item, bool)})


def _pinned(condition: object) -> bool:
    """A field condition that picks a value or a few listed values (``{$eq: 3, $lt: 9}``
    is pinned by its equality, narrowed by the rest)."""
    if isinstance(condition, (bool, *_SCALARS)):
        return True
    if not isinstance(condition, Mapping) or len(condition) > _MAX:
        return False
    folded = {str(key).casefold(): value for key, value in condition.items()}
    equal = folded.get("$eq")
    return isinstance(equal, (bool, *_SCALARS)) or ("$in" in folded and _listed(folded["$in"]))


def selective(selector: object, depth: int = 0) -> bool:
    """Whether ``selector`` pins at least one field, so it cannot match every document."""
    if not isinstance(selector, Mapping) or depth > 4 or len(selector) > _MAX:
        return False
    for key, condition in selector.items():
        name = str(key)
        if not name.startswith("$") and _pinned(condition):
            return True
        branches = list(condition[:_MAX]) if isinstance(condition, (list, tuple)) else []
        if name.casefold() == "$and" and any(selective(b, depth + 1) for b in branches):
            return True
        if name.casefold() == "$or" and branches and all(selective(b, depth + 1) for b in branches):
            return True
    return False


def _privileged_fields(update: Mapping[object, object]) -> list[str]:
    found: list[str] = []
    for operator, fields in list(update.items())[:_MAX]:
        if str(operator).casefold() not in ("$set", "$unset", "$rename", "$setoninsert"):
            continue
        names = list(fields)[:_MAX] if isinstance(fields, Mapping) else []
        found.extend(
            f"{operator} {field}"
            for field in names
            if name_words(str(field).rsplit(".", 1)[-1]) & _PRIVILEGE_WORDS
        )
    return found


def _system_target(target: object) -> bool:
    if isinstance(target, str):
        return target.casefold().startswith("system.")
    if isinstance(target, Mapping) and isinstance(target.get("into"), Mapping):
        return _system_target(target["into"])  # $merge: {into: {db: admin, coll: …}}
    if isinstance(target, Mapping):
        database = str(target.get("db", "")).casefold()
        collection = str(target.get("coll", target.get("into", ""))).casefold()
        return database in _SYSTEM_DATABASES or _system_target(collection)
    return False


def write_findings(parameters: object) -> list[str]:
    """Evidence of privilege or credential fields updated and of pipelines writing into the
    server's own collections (bounded to the top levels a tool call carries them at)."""
    if not isinstance(parameters, Mapping):
        return []
    found: list[str] = []
    for key in ("update", "updates", "document", "replacement", "set"):
        value = parameters.get(key)
        if isinstance(value, Mapping):
            found += [
                f"update {f} changes a privilege or credential" for f in _privileged_fields(value)
            ]
    pipeline = parameters.get("pipeline")
    for stage in pipeline[:_MAX] if isinstance(pipeline, (list, tuple)) else []:
        if isinstance(stage, Mapping):
            for name, target in stage.items():
                if str(name).casefold() in ("$out", "$merge") and _system_target(target):
                    found.append(f"{name} writes into the server's own collections")
    return found[:3]
