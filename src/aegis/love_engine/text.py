"""Text as words: Unicode-normalised, case-folded tokens, so matching is by whole word."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["NEGATORS", "negator_before", "words"]

_WORD = re.compile(r"[^\W_]+")
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


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """Words of ``text`` after NFKC and case folding; ``_`` and punctuation separate words.

    Cached: agents send the same descriptions over and over, and the result is immutable.
    """
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def negator_before(tokens: tuple[str, ...], index: int) -> int | None:
    """Index of the nearest negator within the few words before ``tokens[index]``, if any."""
    for before in range(index - 1, max(0, index - _NEGATION_WINDOW) - 1, -1):
        if tokens[before] in NEGATORS:
            return before
    return None
