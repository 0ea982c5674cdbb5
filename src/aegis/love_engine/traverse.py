"""Parameters as text: every key, value and list item read, iteratively, within fixed limits.

Tool arguments arrive from whoever asks and may be any shape: nested 10,000 deep, referring
to themselves, a million items long. They are walked with an explicit stack (no recursion),
each container once (a second visit is a cycle), and the walk stops at a depth, a node count
and a text budget. Whatever stops it is a *problem*: the engine answers review, since a
request it could not read whole is one it cannot vouch for.

Each leaf becomes a short clause naming its key ("filter_by age", "not encrypt"), so the rules
read ``{"rank_by": "ethnicity"}`` as they read "rank by ethnicity". A ``False`` consent or
authorisation flag reads as "without consent"; a ``True`` one reads as nothing, since consent
is taken from the deployment's records, never from the request.
"""

from __future__ import annotations

import datetime
import decimal
import fractions
import pathlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from aegis.love_engine import lexicon

__all__ = ["Limits", "Walk", "walk_parameters"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what the engine reads of one action; over any of them, the answer is review.

    Chosen so that the largest action read whole costs a few milliseconds of one core (about
    8 ms for 500 parameter strings, measured on a loaded machine): a verdict must come back
    well within the time an agent can wait, whatever the input.
    """

    max_text_chars: int = 16_384  # description, intent, impact, context and parameters together
    max_depth: int = 32
    max_nodes: int = 512


@dataclass(slots=True)
class Walk:
    """The clauses read from the parameters, the soft flags seen, and why reading stopped."""

    clauses: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    flags: list[tuple[str, str]] = field(default_factory=list)  # (lexicon key, where)
    problems: list[str] = field(default_factory=list)
    chars: int = 0


_SCALAR_TEXT = (datetime.date, datetime.time, decimal.Decimal, fractions.Fraction, uuid.UUID)


def _scalar_text(value: object) -> str | None:
    """Text of a value that is safe to turn into text in bounded time, else ``None``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float) or value is None:
        return ""
    if isinstance(value, (*_SCALAR_TEXT, pathlib.PurePath)):
        return str(value)[:256]
    return None


def _key_text(key: object) -> str | None:
    if isinstance(key, str):
        return key
    if isinstance(key, bool | float) or key is None:
        return str(key)
    if isinstance(key, int):
        return str(key) if -(10**18) < key < 10**18 else "integer"
    return None


#: String values that say a setting is switched off.
_OFF_VALUES = frozenset(
    {"off", "false", "none", "disabled", "disable", "silent", "0", "no", "remove", "drop", "skip"}
    | {"bypass", "null", "mute", "muted", "paused", "pause", "never", "allow_all", "permissive"}
    # a control that lets everything through is as off as one switched off
    | {
        "fail_open",
        "fail-open",
        "failopen",
        "always_pass",
        "allow_any",
        "unrestricted",
        "unlimited",
    }
)
#: Keys that only say "this is on": switched off, they name their parent ("audit.enabled").
_SWITCH_KEYS = frozenset(
    {"enabled", "enable", "active", "on", "enforce", "enforced", "required", "status", "mode"}
)
_NEGATIVE_KEY_WORDS = ("disable", "skip", "bypass", "ignore", "no_", "off", "without")


def _switched_off(name: str, where: str) -> str:
    """How a setting switched off reads: "disable audit enabled" for ``audit.enabled=false``."""
    if name.casefold() in _SWITCH_KEYS:
        parent = where.rsplit(".", 2)
        if len(parent) == 3:
            return f"disable {parent[1]} {name}"
    subject, _, last = name.rpartition(" ")
    if subject and last.casefold() in _SWITCH_KEYS:
        return f"disable {subject}"  # "mfa Required" (from "mfaRequired") is "disable mfa"
    return f"disable {name}"


def _flag_clause(name: str, value: bool, where: str, walk: Walk) -> str:
    """The clause a boolean flag reads as; notification and secrecy flags are soft signals.

    ``True`` reads as the key ("disable_2fa" is "disable 2fa"); ``False`` as the key switched
    off, or, for a key that already negates ("skip_review"), as its negation.
    """
    folded = name.casefold()
    if folded in lexicon.CONSENT_KEYS:
        return "" if value else "without consent"
    if (folded in lexicon.NOTIFY_KEYS and not value) or (folded in lexicon.HIDDEN_KEYS and value):
        walk.flags.append(("hide", where))
    elif folded == "backup" and not value:
        walk.flags.append(("no backup", where))
    if value:
        return name
    if any(word in folded for word in _NEGATIVE_KEY_WORDS):
        return f"not {name}"
    return _switched_off(name, where)


def _set_order(item: object) -> tuple[str, str]:
    """A deterministic order for a set's items (iteration order varies with hash seeds)."""
    # Only strings hash differently from run to run; numbers and None keep one order anyway.
    return type(item).__name__, item[:256] if isinstance(item, str) else ""


def _count(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return len(value)
    return 0


_Node = tuple[str, str, object, int]  # where, key text, value, depth
_CONTAINERS = (Mapping, list, tuple, set, frozenset)


def walk_parameters(parameters: Mapping[str, Any], limits: Limits, budget: int) -> Walk:
    """Read ``parameters`` within ``limits``, with ``budget`` characters of text left."""
    walk = Walk()
    seen: set[int] = {id(parameters)}
    stack: list[_Node] = [("parameters", "", parameters, 0)]
    nodes = 0
    while stack:
        node = stack.pop()
        where, _, value, depth = node
        nodes += 1
        if nodes > limits.max_nodes:
            walk.problems.append(f"parameters hold more than {limits.max_nodes} items")
            break
        if not isinstance(value, _CONTAINERS):
            if not _read_leaf(walk, node, budget):
                break
            continue
        if depth >= limits.max_depth:
            walk.problems.append(f"parameters nested deeper than {limits.max_depth} at {where}")
            break
        if depth > 0 and id(value) in seen:
            walk.problems.append(f"parameters refer to themselves at {where}")
            continue
        seen.add(id(value))
        if not _push_children(walk, stack, node, limits):
            break
    return walk


def _camel_words(name: str) -> str:
    """A camelCase key read as words ("mfaRequired" is "mfa Required"): a space before each
    ASCII capital that follows a lower-case letter or a digit, in one pass over the key."""
    if name.islower() or not any("A" <= c <= "Z" for c in name):
        return name
    spaced: list[str] = []
    previous = ""
    for char in name:
        if "A" <= char <= "Z" and ("a" <= previous <= "z" or "0" <= previous <= "9"):
            spaced.append(" ")
        spaced.append(char)
        previous = char
    return "".join(spaced)


def _read_leaf(walk: Walk, node: _Node, budget: int) -> bool:
    """Turn one scalar into a clause; ``False`` when the text budget is spent."""
    where, name, value, _ = node
    if walk.chars + len(name) + (len(value) if isinstance(value, str) else 0) > budget:
        # Refused before any pass over it: a megabyte key costs no more than a short one.
        walk.problems.append("too large to judge")
        return False
    name = _camel_words(name)
    text = _scalar_text(value)
    if text is None:
        walk.problems.append(f"{where} holds a {type(value).__name__}, which is not judged")
        return True
    if name.casefold() in lexicon.RECIPIENT_KEYS and _count(value) > lexicon.BULK_RECIPIENTS:
        walk.flags.append(("bulk", f"{where} = {_count(value)} recipients"))
    if isinstance(value, bool):
        text = _flag_clause(name, value, where, walk)
    elif isinstance(value, str):
        off = name and value.strip().casefold() in _OFF_VALUES
        text = _switched_off(name, where) if off else f"{name} {value}" if name else value
    elif value is None and name:
        text = f"remove {name}"  # a setting emptied
    else:
        text = name
    walk.chars += len(text)
    if walk.chars > budget:
        walk.problems.append("too large to judge")
        return False
    if text:
        walk.clauses.append((where, text))
    return True


def _push_children(walk: Walk, stack: list[_Node], node: _Node, limits: Limits) -> bool:
    """Queue a container's children; ``False`` when the container is too large to queue."""
    where, name, value, depth = node
    size = len(value)  # type: ignore[arg-type]
    if size > limits.max_nodes:
        walk.problems.append(f"{where} holds {size} items, more than {limits.max_nodes}")
        return False
    if isinstance(value, Mapping):
        children = []
        for key in value:
            key_text = _key_text(key)
            if key_text is None:
                walk.problems.append(f"{where} has a {type(key).__name__} key, which is not judged")
                continue
            try:
                child = value[key]
            except LookupError:  # a mapping that lists a key it cannot look up: unread
                walk.problems.append(f"{where}.{key_text} is listed but cannot be read")
                continue
            children.append((f"{where}.{key_text}", key_text, child, depth + 1))
        stack.extend(reversed(children))
        if not value and name:
            walk.clauses.append((where, name))
        return True
    items = value if isinstance(value, list | tuple) else sorted(value, key=_set_order)  # type: ignore[call-overload]
    stack.extend(
        (f"{where}[{index}]", name, child, depth + 1)
        for index, child in reversed(list(enumerate(items)))
    )
    if name.casefold() in lexicon.RECIPIENT_KEYS and size > lexicon.BULK_RECIPIENTS:
        walk.flags.append(("bulk", f"{where} = {size} recipients"))
    return True
