"""The ordinary-verb roles of a text's terms, matched apart from every other vocabulary.

The other vocabularies share one table, and a term is the longest phrase listed at its
start: a new phrase there changes how the words around it are read ("the car" would split
"the car park", "older than" would swallow the start of "than 90 days"), and with them the
older rules' findings and the learned model's features. The roles of
:mod:`aegis.love_engine.vocabulary_ordinary` are matched here instead, at every stem, every
length, and laid over the term that holds the phrase's first stem: the terms themselves are
the ones the other vocabularies make, whatever is listed here. One lookup per stem for the
single words, one per listed length for the phrases that start there: linear in the text.
"""

from __future__ import annotations

from aegis.love_engine.normalise import CLAUSE_BREAK, normalise, stem
from aegis.love_engine.rulebook import BIT
from aegis.love_engine.vocabulary_ordinary import ORDINARY

__all__ = ["overlay"]


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
                # the same words hyphenated are one token ("risk-free", "take-home")
                joined = stem("-".join(text.words))
                singles[joined] = singles.get(joined, 0) | bit
    by_start = {start: tuple(sorted(sizes)) for start, sizes in lengths.items()}
    return singles, phrases, by_start


_SINGLES, _PHRASES, _LENGTHS = _build_tables()


def overlay(stems: tuple[str, ...], start: int, end: int) -> int:
    """The ordinary-verb roles of the words ``stems[start:end]`` (one term) and of every
    listed phrase that starts among them, however far it reaches."""
    mask = 0
    count = len(stems)
    for index in range(start, min(end, count)):
        current = stems[index]
        mask |= _SINGLES.get(current, 0)
        for size in _LENGTHS.get(current, ()):
            if index + size > count:
                break
            mask |= _PHRASES.get(stems[index : index + size], 0)
    return mask
