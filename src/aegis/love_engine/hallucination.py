"""Hallucination signals in generated text: hedging, contradiction, excessive precision."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from aegis._validation import require_text
from aegis.love_engine.normalise import folded_size, tokens

__all__ = ["HallucinationReport", "detect_hallucination", "detect_hallucination_sync"]

_HEDGES = frozenset(
    {"probably", "maybe", "perhaps", "possibly", "likely", "presumably", "apparently", "supposedly"}
)
_HEDGE_PHRASES = frozenset(
    {"i think", "i believe", "i guess", "not sure", "might be", "could be", "i suppose"}
)
#: "exactly" more often than this reads as precision the text cannot have.
MAX_EXACTLY = 2
SIGNALS_TO_FLAG = 2
#: Longest text read (after normalisation); a longer one is flagged unread as ``too_large``:
#: a text the detector cannot read whole is one it cannot vouch for, and reading it would
#: cost time in proportion to whatever size it came in.
MAX_TEXT_CHARS = 8_192


@dataclass(frozen=True, slots=True)
class HallucinationReport:
    flagged: bool
    signals: tuple[str, ...]
    hedges: tuple[str, ...]
    exactly_count: int


def detect_hallucination_sync(text: str) -> HallucinationReport:
    """Flag ``text`` when at least two of the three signals fire, or when it is too large."""
    text = require_text("text", text, allow_empty=True)
    if len(text) > MAX_TEXT_CHARS or folded_size(text, MAX_TEXT_CHARS) > MAX_TEXT_CHARS:
        return HallucinationReport(True, ("too_large",), (), 0)
    found = tokens(text)
    pairs = {f"{a} {b}" for a, b in itertools.pairwise(found)}
    hedges = tuple(sorted((_HEDGES.intersection(found)) | (_HEDGE_PHRASES & pairs)))
    exactly = found.count("exactly")
    signals = tuple(
        name
        for name, fired in (
            ("hedging", bool(hedges)),
            ("contradiction", "but" in found and "however" in found),
            ("excessive_precision", exactly > MAX_EXACTLY),
        )
        if fired
    )
    return HallucinationReport(len(signals) >= SIGNALS_TO_FLAG, signals, hedges, exactly)


async def detect_hallucination(text: str) -> HallucinationReport:
    """Async form of :func:`detect_hallucination_sync`."""
    return detect_hallucination_sync(text)
