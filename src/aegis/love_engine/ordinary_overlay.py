"""The ordinary-verb roles of a text's terms, matched apart from every other vocabulary.

The other vocabularies share one table, and a term is the longest phrase listed at its
start: a new phrase there changes how the words around it are read ("the car" would split
"the car park", "older than" would swallow the start of "than 90 days"), and with them the
older rules' findings and the learned model's features. The roles of
:mod:`aegis.love_engine.vocabulary_ordinary` are matched here instead, at every stem, every
length (the longest first, as the other vocabularies' terms are read), and laid over the term
that holds the phrase's first stem: the terms themselves are the ones the other vocabularies
make, whatever is listed here. One lookup per stem for the single words, one per listed
length for the phrases that start there: linear in the text.
"""

from __future__ import annotations

from aegis.love_engine.normalise import CLAUSE_BREAK, hyphen_joined, normalise
from aegis.love_engine.rulebook import BIT
from aegis.love_engine.rulebook_ordinary import ORDINARY_RULES
from aegis.love_engine.vocabulary_ordinary import ORDINARY

__all__ = ["overlay", "stem_roles"]


def _build_tables() -> tuple[
    dict[str, int], dict[tuple[str, ...], int], dict[str, tuple[int, ...]]
]:
    """Roles of single stems and of phrases, and the phrase lengths by first stem."""
    singles: dict[str, int] = {}
    phrases: dict[tuple[str, ...], int] = {}
    lengths: dict[str, set[int]] = {}
    for name, entries in ORDINARY.items():
        bit = BIT[name]
        for entry in entries:
            text = normalise(entry)
            stems = tuple(s for s in text.stems if s != CLAUSE_BREAK)
            if len(stems) == 1:
                singles[stems[0]] = singles.get(stems[0], 0) | bit
            elif stems:
                phrases[stems] = phrases.get(stems, 0) | bit
                lengths.setdefault(stems[0], set()).add(len(stems))
                joined = hyphen_joined(text.words)
                if joined is not None:
                    singles[joined] = singles.get(joined, 0) | bit
    by_start = {start: tuple(sorted(sizes, reverse=True)) for start, sizes in lengths.items()}
    return singles, phrases, by_start


_SINGLES, _PHRASES, _LENGTHS = _build_tables()
#: Per stem that plays or starts anything here: its own roles and the phrase lengths to try.
#: One lookup per stem, and most stems of a text are in no entry at all.
_AT = {
    start: (_SINGLES.get(start, 0), _LENGTHS.get(start, ()))
    for start in _SINGLES.keys() | _LENGTHS.keys()
}


def _part_roles() -> int:
    """The roles some ordinary-verb rule needs present (the rest only frame the rules)."""
    mask = 0
    for _, _, _, groups, _ in ORDINARY_RULES:
        for group in groups:
            for name in group:
                mask |= BIT[name] if name in ORDINARY else 0
    return mask


_PART_ROLES = _part_roles()


def stem_roles(stems: tuple[str, ...]) -> list[int]:
    """The ordinary-verb roles of each stem: its own, and those of every phrase listed here
    that starts at it. A phrase that only frames ("remove the post", "history of") covers the
    words after its first: alone they play no part in a rule ("post" in "remove the post"
    posts nothing), though they may still frame one or start a phrase that does ("ask my
    staff to post": "my staff" is still who posts)."""
    count = len(stems)
    roles = [0] * count
    covered_until = 0  # the end of the furthest framing phrase read so far
    at = _AT.get
    for index, current in enumerate(stems):
        entry = at(current)
        if entry is None:
            continue
        single, lengths = entry
        mask = single & ~_PART_ROLES if index < covered_until else single
        for size in lengths:
            found = _PHRASES.get(stems[index : index + size]) if index + size <= count else None
            if found is None:
                continue
            mask |= found
            if not found & _PART_ROLES:
                covered_until = max(covered_until, index + size)
        roles[index] = mask
    return roles


def overlay(roles: list[int], start: int, end: int) -> int:
    """The ordinary-verb roles of one term: those of the stems ``start`` to ``end`` it holds
    (a phrase listed here that starts in the term counts there, however far it reaches)."""
    mask = 0
    for role in roles[start:end]:
        mask |= role
    return mask
