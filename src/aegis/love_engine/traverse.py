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
import itertools
import pathlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from aegis.love_engine import lexicon

__all__ = ["Limits", "Walk", "camel_words", "parameter_text", "walk_parameters"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what the engine reads of one action; over any of them, the answer is review.

    Chosen so that the largest action read whole costs a few milliseconds of one core (about
    8 ms for 500 parameter strings, measured on a loaded machine): a verdict must come back
    well within the time an agent can wait, whatever the input. The text limit is counted
    after normalisation; at 16,384 characters the worst texts (every word distinct, with
    digits) cost 13-15 ms of CPU, at 8,192 about half, leaving room for the interpreter's own
    pauses (a full garbage collection, several ms on a large heap) within 20 ms.
    """

    max_text_chars: int = 8_192  # description, intent, impact, context and parameters together
    max_depth: int = 32
    max_nodes: int = 512


@dataclass(slots=True)
class Walk:
    """The clauses read from the parameters, the soft flags seen, and why reading stopped."""

    clauses: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    flags: list[tuple[str, str]] = field(default_factory=list)  # (lexicon key, where)
    problems: list[str] = field(default_factory=list)
    chars: int = 0
    #: What the texts and parameters may take once normalised (see ``Limits.max_text_chars``).
    max_chars: int = Limits().max_text_chars


_SCALAR_TEXT = (datetime.date, datetime.time, decimal.Decimal, fractions.Fraction, uuid.UUID)


def _scalar_text(value: object) -> str | None:
    """Text of a value that is safe to turn into text in bounded time, else ``None``."""
    if isinstance(value, str):
        return str.__str__(value)  # a subclass's own methods are never called
    if isinstance(value, bool | int | float) or value is None:
        return ""
    if isinstance(value, (*_SCALAR_TEXT, pathlib.PurePath)):
        return str(value)[:256]
    return None


def _key_text(key: object) -> str | None:
    """A key's text, through the base types' own methods (a subclass may override any)."""
    if isinstance(key, str):
        return str.__str__(key)
    if isinstance(key, bool) or key is None:
        return repr(bool(key)) if key is not None else "None"
    if isinstance(key, float):
        return float.__repr__(key)
    if isinstance(key, int):
        return int.__repr__(key) if int.bit_length(key) < 60 else "integer"
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


def camel_words(name: str) -> str:
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
    size = str.__len__(value) if isinstance(value, str) else 0  # a subclass's __len__ may lie
    if walk.chars + len(name) + size > budget:
        # Refused before any pass over it: a megabyte key costs no more than a short one.
        walk.problems.append("too large to judge")
        return False
    name = camel_words(name)
    text = _scalar_text(value)
    if text is None:
        walk.problems.append(f"{where} holds a {type(value).__name__}, which is not judged")
        return True
    if name.casefold() in lexicon.RECIPIENT_KEYS and _count(value) > lexicon.BULK_RECIPIENTS:
        walk.flags.append(("bulk", f"{where} = {_count(value)} recipients"))
    if isinstance(value, bool):
        text = _flag_clause(name, value, where, walk)
    elif isinstance(value, str):  # ``text``, never ``value``: a subclass's methods are not run
        off = name and text.strip().casefold() in _OFF_VALUES
        text = _switched_off(name, where) if off else f"{name} {text}" if name else text
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


def _contents(value: object, limit: int) -> tuple[int, list[Any]]:
    """A container's size and up to ``limit + 1`` of its entries ((key, value) pairs for a
    mapping), read through the base types' own methods wherever the container is one.

    A ``dict``, ``list`` or ``tuple`` subclass may override ``__len__``, ``__iter__`` or
    ``__getitem__`` to lie, raise, sleep or mutate itself; the base methods read what it holds
    without calling any of them. Only a mapping that is no ``dict`` runs its own code, and of
    that at most ``limit + 1`` keys are asked for.
    """
    if isinstance(value, dict):
        return dict.__len__(value), list(itertools.islice(dict.items(value), limit + 1))
    if isinstance(value, list):
        return list.__len__(value), list.__getitem__(value, slice(0, limit + 1))
    if isinstance(value, tuple):
        return tuple.__len__(value), list(tuple.__getitem__(value, slice(0, limit + 1)))
    if isinstance(value, set | frozenset):
        if isinstance(value, set):
            size, members = set.__len__(value), set.__iter__(value)
        else:
            size, members = frozenset.__len__(value), frozenset.__iter__(value)
        return size, sorted(itertools.islice(members, limit + 1), key=_set_order)
    mapping: Mapping[Any, Any] = value  # type: ignore[assignment]
    keys = list(itertools.islice(iter(mapping), limit + 1))
    return len(keys), [(key, _lookup(mapping, key)) for key in keys]


class _Unreadable:
    """A mapping's value that its own lookup would not give."""


_UNREADABLE = _Unreadable()


def _lookup(mapping: Mapping[Any, Any], key: object) -> object:
    try:
        return mapping[key]
    except LookupError:  # a mapping that lists a key it cannot look up: unread
        return _UNREADABLE


def parameter_text(parameters: Mapping[str, Any], key: str) -> str | None:
    """The text of one top-level parameter, or ``None`` when it is absent, no string, or the
    mapping's own code fails to give it; read like the walk reads (base methods first)."""
    try:
        value = dict.get(parameters, key) if isinstance(parameters, dict) else parameters.get(key)
    except Exception:  # a mapping's own code raised: the value is unknown
        return None
    return str.__str__(value) if isinstance(value, str) else None


def _push_children(walk: Walk, stack: list[_Node], node: _Node, limits: Limits) -> bool:
    """Queue a container's children; ``False`` when the container is too large to queue."""
    where, name, value, depth = node
    try:
        size, entries = _contents(value, limits.max_nodes)
    except Exception as error:  # a mapping's own code raised: what it holds is unknown
        walk.problems.append(f"{where} cannot be read ({type(error).__name__})")
        return True
    size = max(size, len(entries))
    if size > limits.max_nodes:
        walk.problems.append(f"{where} holds {size} items, more than {limits.max_nodes}")
        return False
    if isinstance(value, Mapping):
        children = []
        for key, child in entries:
            key_text = _key_text(key)
            if key_text is None:
                walk.problems.append(f"{where} has a {type(key).__name__} key, which is not judged")
                continue
            if child is _UNREADABLE:
                walk.problems.append(f"{where}.{key_text} is listed but cannot be read")
                continue
            children.append((f"{where}.{key_text}", key_text, child, depth + 1))
        stack.extend(reversed(children))
        if not entries and name:
            walk.clauses.append((where, name))
        return True
    stack.extend(
        (f"{where}[{index}]", name, child, depth + 1)
        for index, child in reversed(list(enumerate(entries)))
    )
    if name.casefold() in lexicon.RECIPIENT_KEYS and size > lexicon.BULK_RECIPIENTS:
        walk.flags.append(("bulk", f"{where} = {size} recipients"))
    return True
