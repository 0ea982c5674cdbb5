"""Words and negation: Unicode-normalised, case-folded tokens, so matching is by whole word."""

from __future__ import annotations

from aegis._text import words

__all__ = ["NEGATORS", "negator_before", "words"]

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
        "don",
        "doesn",
        "didn",
        "won",
        "isn",
        "aren",
        "wasn",
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
