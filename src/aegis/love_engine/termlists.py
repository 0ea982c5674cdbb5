"""The one way a vocabulary's comma-separated list of terms is read."""

from __future__ import annotations

__all__ = ["split_terms"]


def split_terms(text: str) -> tuple[str, ...]:
    """``"a, b c, d"`` as ``("a", "b c", "d")``: each term stripped, empty ones dropped."""
    return tuple(entry.strip() for entry in text.split(",") if entry.strip())
