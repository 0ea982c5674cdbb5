"""Negation for the soft signals: a negator within a few words turns a word's meaning around."""

from __future__ import annotations

__all__ = ["NEGATORS", "negator_before"]

#: Words that turn the meaning of a term within the next few words around.
NEGATORS = frozenset(
    {
        "no",
        "not",
        "without",
        "never",
        "non",
        "lacking",
        "nor",
        "don't",
        "doesn't",
        "didn't",
        "won't",
        "isn't",
        "aren't",
        "wasn't",
        "can't",
        "cannot",
        "nobody",
        "none",
        "avoid",
        "skip",
        "skipping",
    }
)
_NEGATION_WINDOW = 3


def negator_before(tokens: tuple[str, ...], index: int) -> int | None:
    """Index of the nearest negator within the few words before ``tokens[index]``, if any."""
    for before in range(index - 1, max(0, index - _NEGATION_WINDOW) - 1, -1):
        if tokens[before] in NEGATORS:
            return before
    return None
