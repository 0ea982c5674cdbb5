"""git commands that throw work away, as data (``data/git.toml``): each is *review*.

A stash dropped, an unmerged branch deleted, the reflog expired, unreachable objects pruned
or the whole tree's uncommitted changes discarded cannot be undone from inside the
repository. The catalogue lists each form by the words that must be given; this module only
reads git's words the way git does (short-option clusters letter by letter, ``--opt=value``
also as ``--opt``) and matches.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import NamedTuple

__all__ = ["Discard", "discards", "git_words"]

#: Pathspecs that name the whole working tree (the ``<tree>`` word of the catalogue).
_WHOLE_TREE = frozenset({".", "./", ":/", ":", "*", ":/*", ":(top)", "..", "../", ":(glob)**"})
TREE = "<tree>"


class Discard(NamedTuple):
    sub: str
    words: frozenset[str]
    unless: frozenset[str]
    why: str


@cache
def _catalogue() -> dict[str, tuple[Discard, ...]]:
    text = resources.files("aegis.intent_firewall").joinpath("data/git.toml").read_text()
    by_sub: dict[str, list[Discard]] = {}
    for entry in tomllib.loads(text)["discards"]:
        discard = Discard(
            entry["sub"],
            frozenset(entry["words"]),
            frozenset(entry.get("unless", ())),
            entry["why"],
        )
        by_sub.setdefault(discard.sub, []).append(discard)
    return {sub: tuple(entries) for sub, entries in by_sub.items()}


def git_words(words: list[str]) -> frozenset[str]:
    """The words as git reads them: each given, ``-fdx`` also as ``-f -d -x``, ``--opt=v``
    also as ``--opt``, a whole-tree pathspec also as ``<tree>``. After ``--`` every word is
    a pathspec."""
    seen: set[str] = set()
    paths = False
    for word in words:
        seen.add(word)
        if word == "--":
            paths = True
        elif not paths and word.startswith("--"):
            seen.add(word.partition("=")[0])
        elif not paths and word.startswith("-") and len(word) > 1:
            seen.update(f"-{letter}" for letter in word[1:])
        if word in _WHOLE_TREE or (word.rstrip("/") == "." and word.startswith(".")):
            seen.add(TREE)
    return frozenset(seen)


def discards(sub: str, words: list[str]) -> str:
    """Why ``git <sub> <words…>`` throws work away; empty when it does not."""
    entries = _catalogue().get(sub)
    if not entries:
        return ""
    given = git_words(words)
    verb = words[0] if words else ""
    for entry in entries:
        # a verb (``stash drop``) counts only as the first word: ``stash push -m drop`` names
        # a stash, it drops none
        verbs = {w for w in entry.words if not w.startswith("-") and w != TREE}
        if verbs - {verb} or entry.unless & given:
            continue
        if entry.words - verbs <= given:
            return entry.why
    return ""
