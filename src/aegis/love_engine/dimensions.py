"""The five dimensions that explain a verdict, and the concerns that name their evidence.

Harm prevention, autonomy, fairness, transparency and beneficence start from a baseline (no
harm seen, no consent question asked), are lowered by soft signals ("without consent", "no
backup"), by the requester's own stated impact (which can only lower them), by the rules'
findings (a veto empties the dimensions its category speaks to) and, for harm prevention, by
the learned model's reading. Nothing raises them: positive words offset nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from aegis.love_engine.lexicon import IMPACT
from aegis.love_engine.normalise import tokens
from aegis.love_engine.reading import Reading
from aegis.love_engine.rules import Finding, Level

__all__ = [
    "BASELINE",
    "CATEGORY_DIMENSIONS",
    "CONCERN_BELOW",
    "DEFAULT_WEIGHTS",
    "concern",
    "dimensions_of",
    "impact_effect",
]

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "harm_prevention": 0.4,
        "autonomy": 0.2,
        "fairness": 0.2,
        "transparency": 0.1,
        "beneficence": 0.1,
    }
)
#: Where each dimension stands before any evidence: no harm seen, no consent question asked.
BASELINE: Mapping[str, float] = MappingProxyType(
    {
        "harm_prevention": 1.0,
        "autonomy": 0.8,
        "fairness": 0.8,
        "transparency": 0.8,
        "beneficence": 0.6,
    }
)
CONCERN_BELOW = 0.5
#: The dimensions a category of harm speaks to, first the one it lowers most.
CATEGORY_DIMENSIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "physical_harm": ("harm_prevention",),
        "self_harm": ("harm_prevention", "beneficence"),
        "deception_fraud": ("transparency", "autonomy", "harm_prevention"),
        "discrimination": ("fairness",),
        "privacy_violation": ("autonomy",),
        "unauthorized_access": ("harm_prevention", "autonomy"),
        "safety_tampering": ("transparency", "harm_prevention"),
        "financial_harm": ("harm_prevention", "autonomy"),
        "harassment": ("harm_prevention", "beneficence"),
    }
)
#: A dimension a finding speaks to is capped here: a veto empties it, a review finding halves it.
_LEVEL_CAP = {Level.DENY: 0.0, Level.REVIEW: 0.3}
_HINT_PENALTY = 0.2


def dimensions_of(reading: Reading, impact: str, risk: float) -> dict[str, float]:
    """The five dimensions before clamping: baseline, soft signals, impact, findings, model."""
    scores = dict(BASELINE)
    for signal, _ in reading.signals.values():
        for dimension, delta in signal.deltas:
            scores[dimension] += delta
    scores["harm_prevention"] += impact_effect(impact)
    for finding in reading.findings:
        names = CATEGORY_DIMENSIONS[finding.category]
        if finding.level is Level.HINT:
            scores[names[0]] -= _HINT_PENALTY
            continue
        cap = _LEVEL_CAP[finding.level]
        for name in names:
            scores[name] = min(scores[name], cap)
    scores["harm_prevention"] = min(scores["harm_prevention"], 1.0 - risk)
    return scores


def impact_effect(impact: str) -> float:
    """The most severe ``potential_impact`` word's effect on harm prevention (0 or less).

    The requester's own estimate can only lower the score, never raise it.
    """
    if len(impact) > 64:
        return _impact_of(impact)
    return _short_impact_of(impact)


def _impact_of(impact: str) -> float:
    return min((IMPACT[w] for w in tokens(impact) if w in IMPACT), default=0.0)


#: Impacts are a few words ("High", "Low"): kept, at most 1,024 of at most 64 characters.
_short_impact_of = lru_cache(maxsize=1024)(_impact_of)


def concern(name: str, value: float, reading: Reading, *, model_lowered: bool) -> str:
    """``"autonomy 0.00: acting without consent ('without consent' in description); ..."``."""
    reasons = [
        f"{signal.label} ({where})"
        for signal, where in reading.signals.values()
        if any(dimension == name and delta < 0 for dimension, delta in signal.deltas)
    ]
    reasons += [
        _finding_text(finding)
        for finding in reading.findings
        if name in CATEGORY_DIMENSIONS[finding.category][: 1 if finding.level is Level.HINT else 3]
    ]
    if name == "harm_prevention" and model_lowered:
        reasons.append("the learned model reads the action as harmful")
    return f"{name} {value:.2f}: " + ("; ".join(dict.fromkeys(reasons)) or "low by default")


def _finding_text(finding: Finding) -> str:
    return finding.describe()
