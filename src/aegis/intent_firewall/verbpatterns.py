"""Verbs known by their name: ``aws kafka describe-cluster``, ``gcloud run services list``.

Cloud and platform CLIs have hundreds of services and thousands of verbs, and the read-only
ones follow a naming convention (AWS ``describe-*``, ``list-*``, ``get-*``; gcloud
``list``/``describe``; az ``list``/``show``). A catalogue entry may give ``verbs`` (patterns:
a word, or a prefix ending in ``*``) and ``groups`` (the tree of service and resource words
that may stand before the verb). A verb that no subcommand names exactly is matched against
the patterns after the group words are skipped; exact entries always win, so the exceptions
named like reads (``secretsmanager get-secret-value``, ``keyvault secret show``) are plain
subcommand entries. Every other word, a word the parser could not know, a group word not in
the tree and a missing verb fall to the entry's ``*``, or to a finding: fail closed.

The patterns and the group tree are handed down to nested entries at load time, so an exact
service entry (``aws ec2``) keeps the patterns for the verbs it does not name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.options import Arg

__all__ = [
    "MAX_GROUP_WORDS",
    "group_tree",
    "inherit_verbs",
    "match_verb",
    "walk_verbs",
    "without_used",
]

#: Group words skipped before the verb at most (``az webapp deployment slot list``).
MAX_GROUP_WORDS = 4
#: How deep a group tree in the catalogue may nest.
_MAX_TREE_DEPTH = 6
_EMPTY: Mapping[str, Any] = MappingProxyType({})


def group_tree(data: object, depth: int = 0) -> Mapping[str, Any]:
    """``["a", "b"]`` or ``{a = [...], b = {...}}`` as a frozen tree of words."""
    if depth > _MAX_TREE_DEPTH:
        raise ValueError("catalogue group tree nests too deep")
    if isinstance(data, list | tuple):
        return MappingProxyType({str(word).lower(): _EMPTY for word in data})
    if isinstance(data, Mapping):
        return MappingProxyType(
            {str(word).lower(): group_tree(sub, depth + 1) for word, sub in data.items()}
        )
    raise ValueError(f"catalogue groups must be a list or a table, not {data!r}")


def _check_pattern(pattern: str) -> None:
    """A word or a prefix with one trailing ``*``: matched in linear time, no regex."""
    if not pattern or "*" in pattern[:-1] or pattern == "*":
        raise ValueError(f"catalogue verb pattern {pattern!r}: a word or a prefix ending in *")


def match_verb(spec: Program, word: str) -> Program | None:
    """The entry of the first pattern ``word`` matches, exact words before prefixes."""
    for pattern, entry in spec.verbs:
        if pattern == word:
            return entry
    for pattern, entry in spec.verbs:
        if pattern.endswith("*") and word.startswith(pattern[:-1]) and len(word) >= len(pattern):
            return entry
    return None


def walk_verbs(spec: Program, operands: Sequence[Arg]) -> tuple[Program | None, list[Arg]]:
    """The entry for ``GROUP… VERB`` and the operands it used; ``None`` when it is unknown.

    Group words are followed down the tree; the first word that is not one is the verb. A
    word the shell leaves unknown (``$svc``) ends the walk as an unknown verb.
    """
    tree = spec.groups
    used: list[Arg] = []
    for arg in operands[: MAX_GROUP_WORDS + 1]:
        used.append(arg)
        word = arg[0]
        if word is None:
            return None, used
        # the CLIs match their verbs case-sensitively: DESCRIBE-x is no verb, and a finding
        if word in tree and len(used) <= MAX_GROUP_WORDS:
            tree = tree[word]
            continue
        return match_verb(spec, word), used
    return None, used


def without_used(args: Sequence[Arg], used: Sequence[Arg]) -> list[Arg]:
    """``args`` less the first occurrence of each word the walk used (at most a handful)."""
    rest = list(args)
    for arg in used:
        if arg in rest:
            rest.remove(arg)
    return rest


def inherit_verbs(program: Program, depth: int = 0) -> Program:
    """``program`` with its patterns, its ``*`` and its group subtree handed to nested
    entries that give none of their own (``aws ec2``, ``gcloud compute instances``)."""
    star = program.subcommands.get("*")
    nested: dict[str, Program] = {}
    for name, sub in program.subcommands.items():
        if not sub.subcommands or name == "*" or depth >= _MAX_TREE_DEPTH:
            nested[name] = sub
            continue
        subtree = program.groups.get(name, _EMPTY)
        child = replace(
            sub,
            verbs=sub.verbs or program.verbs,
            groups=sub.groups or subtree,
            subcommands=MappingProxyType(
                dict(sub.subcommands)
                if "*" in sub.subcommands or star is None
                else {**sub.subcommands, "*": star}
            ),
        )
        nested[name] = inherit_verbs(child, depth + 1)
    for pattern, _entry in program.verbs:
        _check_pattern(pattern)
    return replace(program, subcommands=MappingProxyType(nested))
