"""Corpus cases the engine is known to get wrong, as data: ``corpus/known_gaps.yaml``.

Each entry is a case id and a one-line reason. The corpus runner marks those cases
``xfail(strict=True)``: a gap that gets fixed turns the suite red until its entry is removed,
so the list can only shrink honestly. An id that names no corpus case is an error.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping

import pytest
import yaml

from tests.aegis.firewall.corpus_cases import CORPUS_DIR, CorpusCase

__all__ = ["GAPS_FILE", "known_gaps", "marked", "unknown_gap_ids"]

GAPS_FILE = CORPUS_DIR / "known_gaps.yaml"


@functools.cache
def known_gaps() -> Mapping[str, str]:
    """Case id -> why the engine still gets it wrong; empty when the file is absent."""
    if not GAPS_FILE.exists():
        return {}
    document = yaml.safe_load(GAPS_FILE.read_text(encoding="utf-8")) or {}
    gaps = document.get("gaps", [])
    if not isinstance(gaps, list):
        raise ValueError(f"{GAPS_FILE.name}: gaps must be a list, got {type(gaps).__name__}")
    table: dict[str, str] = {}
    for index, entry in enumerate(gaps):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("reason"):
            raise ValueError(f"{GAPS_FILE.name}: gap #{index} needs an id and a reason: {entry!r}")
        table[str(entry["id"])] = str(entry["reason"])
    return table


def marked(cases: Iterable[CorpusCase]) -> list[object]:
    """``cases`` as parameters, the known gaps among them marked strict xfail."""
    gaps = known_gaps()
    return [
        pytest.param(
            case,
            id=case.id,
            marks=pytest.mark.xfail(strict=True, reason=f"known gap: {gaps[case.id]}"),
        )
        if case.id in gaps
        else pytest.param(case, id=case.id)
        for case in cases
    ]


def unknown_gap_ids(cases: Iterable[CorpusCase]) -> list[str]:
    """Known-gap ids that name no case (a stale or mistyped entry)."""
    ids = {case.id for case in cases}
    return sorted(set(known_gaps()) - ids)
