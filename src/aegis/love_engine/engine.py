"""The ethics engine: five dimensions scored from the words and parameters of an action."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from aegis._validation import require_mapping, require_text, require_unit_interval
from aegis.love_engine import lexicon
from aegis.love_engine.alignment import AlignmentReport, AlignmentTally
from aegis.love_engine.hallucination import HallucinationReport, detect_hallucination_sync
from aegis.love_engine.lexicon import DIMENSIONS, LEXICON, Signal
from aegis.love_engine.metric import Snapshot, love_metric
from aegis.love_engine.text import negator_before, words

__all__ = ["DEFAULT_WEIGHTS", "Action", "AlignmentReport", "EthicalScore", "LoveEngine", "State"]

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


@dataclass(frozen=True, slots=True)
class Action:
    description: str
    intent: str
    potential_impact: str = ""
    parameters: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        require_text("description", self.description, allow_empty=True)
        require_text("intent", self.intent, allow_empty=True)
        require_text("potential_impact", self.potential_impact, allow_empty=True)
        require_mapping("parameters", self.parameters)


@dataclass(frozen=True, slots=True)
class State:
    context: str = ""
    user_history: tuple[str, ...] = ()
    system_state: str = ""

    def __post_init__(self) -> None:
        require_text("context", self.context, allow_empty=True)
        require_text("system_state", self.system_state, allow_empty=True)
        for item in self.user_history:
            require_text("user_history[]", item, allow_empty=True)


@dataclass(frozen=True, slots=True)
class EthicalScore:
    score: float
    dimensions: Mapping[str, float]
    concerns: tuple[str, ...]
    ethical: bool


class _Evidence:
    """Signals found for one action, each applied once, with where it was found."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[Signal, str]] = {}

    def add(self, signal: Signal, where: str) -> None:
        self.found.setdefault(signal.label, (signal, where))

    def scan(self, text: str, where: str) -> None:
        for signal, phrase in _signals_in(text):
            self.add(signal, f"{phrase} in {where}")

    def scan_parameters(self, parameters: Mapping[str, Any], path: str = "parameters") -> None:
        for key, value in parameters.items():
            name = str(key).casefold()
            where = f"{path}.{key}"
            if isinstance(value, bool):
                self._flag(name, value, where)
            elif name in lexicon.RECIPIENT_KEYS and _size(value) > lexicon.BULK_RECIPIENTS:
                self.add(LEXICON["bulk"], f"{where} = {_size(value)} recipients")
            elif (
                name in lexicon.SELECT_KEYS
                and str(value).casefold() in lexicon.PROTECTED_ATTRIBUTES
            ):
                self.add(LEXICON["discriminatory"], f"{where} = {value!r}")
            elif isinstance(value, str):
                self.scan(value, where)
            elif isinstance(value, Mapping):
                self.scan_parameters(value, where)

    def _flag(self, name: str, value: bool, where: str) -> None:
        if name in lexicon.CONSENT_KEYS:
            self.add(LEXICON["consent"] if value else LEXICON["unauthorized"], f"{where} = {value}")
        elif name in lexicon.NOTIFY_KEYS:
            self.add(LEXICON["notify"] if value else LEXICON["hide"], f"{where} = {value}")
        elif name in lexicon.HIDDEN_KEYS and value:
            self.add(LEXICON["hide"], f"{where} = {value}")
        elif name == "backup":
            signal = LEXICON["backup"]
            self.add(signal if value else signal.negated or signal, f"{where} = {value}")

    def __iter__(self) -> Iterator[tuple[Signal, str]]:
        return iter(self.found.values())


@lru_cache(maxsize=8192)
def _signals_in(text: str) -> tuple[tuple[Signal, str], ...]:
    """Signals in ``text`` with the phrase that carries each; cached, as texts repeat."""
    tokens = words(text)
    found: list[tuple[Signal, str]] = []
    index, count = 0, len(tokens)
    while index < count:
        signal, width = None, 1
        if index + 1 < count:
            signal = LEXICON.get(f"{tokens[index]} {tokens[index + 1]}")
            width = 2 if signal is not None else 1
        if signal is None:
            signal = LEXICON.get(tokens[index])
        if signal is not None:
            negator = negator_before(tokens, index)
            if negator is not None:
                signal = signal.negated
            if signal is not None:
                start = index if negator is None else negator
                found.append((signal, "'" + " ".join(tokens[start : index + width]) + "'"))
        index += width
    for index, token in enumerate(tokens):
        if token in lexicon.PROTECTED_ATTRIBUTES:
            nearby = tokens[max(0, index - 3) : index + 3]
            if any(t in lexicon.SELECTION_WORDS for t in nearby):
                found.append((LEXICON["discriminatory"], f"selection by '{token}'"))
                break
    return tuple(found)


@lru_cache(maxsize=1024)
def _impact_effect(impact: str) -> float:
    """The most severe ``potential_impact`` word's effect on harm prevention (0 or less)."""
    return min((lexicon.IMPACT[w] for w in words(impact) if w in lexicon.IMPACT), default=0.0)


def _concern(name: str, value: float, evidence: _Evidence, impact: str | None) -> str:
    """``"autonomy 0.00: acting without consent ('without consent' in description); ..."``."""
    reasons = [
        f"{signal.label} ({where})"
        for signal, where in evidence
        if any(dimension == name and delta < 0 for dimension, delta in signal.deltas)
    ]
    if name == "harm_prevention" and impact is not None:
        reasons.append(f"potential impact {impact!r}")
    return f"{name} {value:.2f}: " + ("; ".join(reasons) or "low by default")


def _size(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return len(value)
    return 0


class LoveEngine:
    """Scores an action's ethics; deterministic and safe to share between threads."""

    def __init__(self, threshold: float = 0.6, weights: Mapping[str, float] | None = None) -> None:
        self.threshold = require_unit_interval("threshold", threshold)
        chosen = dict(DEFAULT_WEIGHTS if weights is None else require_mapping("weights", weights))
        if set(chosen) != set(DIMENSIONS):
            raise ValueError(
                f"weights must name exactly {', '.join(DIMENSIONS)}, got {sorted(chosen)}"
            )
        for name, weight in chosen.items():
            require_unit_interval(f"weights[{name!r}]", weight)
        if not math.isclose(sum(chosen.values()), 1.0, abs_tol=1e-9):
            raise ValueError(f"weights must sum to 1, got {sum(chosen.values())!r}")
        self.weights: Mapping[str, float] = MappingProxyType(chosen)
        self._alignment = AlignmentTally(DIMENSIONS)
        self._score_text = lru_cache(maxsize=4096)(self._score_text_uncached)

    async def check_ethics(self, action: Action, state: State | None = None) -> EthicalScore:
        """Score ``action`` in ``state``; never raises for well-formed input."""
        return self.check_ethics_sync(action, state)

    def check_ethics_sync(self, action: Action, state: State | None = None) -> EthicalScore:
        """Synchronous twin of :meth:`check_ethics`."""
        if not isinstance(action, Action):
            raise TypeError(f"action must be an Action, got {type(action).__name__}: {action!r}")
        if state is not None and not isinstance(state, State):
            raise TypeError(f"state must be a State or None, got {type(state).__name__}: {state!r}")
        context = "" if state is None else state.context
        if action.parameters:
            evidence = self._text_evidence(action.description, action.intent, context)
            evidence.scan_parameters(action.parameters)
            result = self._score(evidence, action.potential_impact)
        else:  # the score is a pure function of these strings: cached
            result = self._score_text(
                action.description, action.intent, action.potential_impact, context
            )
        self._alignment.record(result)
        return result

    @staticmethod
    def _text_evidence(description: str, intent: str, context: str) -> _Evidence:
        evidence = _Evidence()
        evidence.scan(description, "description")
        evidence.scan(intent, "intent")
        if context:
            evidence.scan(context, "state.context")
        return evidence

    def _score_text_uncached(
        self, description: str, intent: str, impact: str, context: str
    ) -> EthicalScore:
        return self._score(self._text_evidence(description, intent, context), impact)

    def _score(self, evidence: _Evidence, impact: str) -> EthicalScore:
        scores = dict(BASELINE)
        for signal, _ in evidence:
            for dimension, delta in signal.deltas:
                scores[dimension] += delta
        impact_effect = _impact_effect(impact)
        scores["harm_prevention"] += impact_effect
        dimensions = {name: min(1.0, max(0.0, value)) for name, value in scores.items()}
        score = round(math.fsum(self.weights[name] * dimensions[name] for name in DIMENSIONS), 12)
        concerns = tuple(
            _concern(name, dimensions[name], evidence, impact if impact_effect < 0 else None)
            for name in DIMENSIONS
            if dimensions[name] < CONCERN_BELOW
        )
        return EthicalScore(score, MappingProxyType(dimensions), concerns, score >= self.threshold)

    async def detect_hallucination(self, text: str) -> HallucinationReport:
        """Flag ``text`` when two of hedging, contradiction and excessive precision fire."""
        return detect_hallucination_sync(text)

    @staticmethod
    def love_metric(before: Snapshot, after: Snapshot) -> float:
        """See :func:`aegis.love_engine.metric.love_metric`."""
        return love_metric(before, after)

    async def evaluate_alignment(self) -> AlignmentReport:
        """How the evaluations seen so far came out: means, ethical share, weakest dimension."""
        return self._alignment.report()
