"""Words of a text, shared by the components that read natural language or identifiers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["words"]

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """Words of ``text`` after NFKC and case folding; ``_`` and punctuation separate words.

    Cached: agents send the same descriptions and action names over and over, and the
    result is immutable.
    """
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
