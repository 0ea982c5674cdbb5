"""The ethics engine: rule vetoes, a learned second opinion, trusted context, three verdicts.

How a verdict is reached, strictest first:

1. An action the engine could not read whole (too large, too deep, self-referring, values it
   does not model) is *review*: it cannot vouch for what it did not read.
2. A rule finding of severe harm is a veto. An unambiguous one is *deny*, unless the learned
   model does not confirm it (its score is under the model's ``confirm`` threshold): rules
   and model then disagree, and that is *review*. A clear but weaker finding is *review*.
   Positive words never offset a finding.
3. No finding, but the learned model reads the action as harmful (its score reaches the
   model's ``threshold``): they disagree, *review*.
4. The deployment's tool manifest asks for approval or consent that is not on record: *review*.
5. The weighted score of the five dimensions is below the threshold: *review*.
6. Otherwise *allow*.

The dimensions (harm prevention, autonomy, fairness, transparency, beneficence) explain the
verdict; ``score`` is their weighted sum and ``ethical`` means ``verdict == allow``.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from aegis._validation import (
    quote,
    require_mapping,
    require_positive,
    require_text,
    require_unit_interval,
)
from aegis.love_engine.alignment import AlignmentReport, AlignmentTally
from aegis.love_engine.cache import ByteBoundedCache
from aegis.love_engine.context import ConsentRecord, Risk, ToolManifest
from aegis.love_engine.dimensions import (
    BASELINE,
    CONCERN_BELOW,
    DEFAULT_WEIGHTS,
    concern,
    dimensions_of,
)
from aegis.love_engine.hallucination import HallucinationReport, detect_hallucination_sync
from aegis.love_engine.judge import Judge, Verdict, ask_judge
from aegis.love_engine.lexicon import DIMENSIONS
from aegis.love_engine.metric import Snapshot, love_metric
from aegis.love_engine.model import LinearModel, load_default_model
from aegis.love_engine.reading import Reading, read, walk, walk_key
from aegis.love_engine.rules import Level
from aegis.love_engine.scoring import Scorer
from aegis.love_engine.traverse import Limits, parameter_text

__all__ = [
    "DEFAULT_WEIGHTS",
    "Action",
    "AlignmentReport",
    "EthicalScore",
    "LoveEngine",
    "State",
    "Verdict",
]


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
    """The verdict on one action, the dimensions that explain it, and why.

    ``concerns`` name each dimension under 0.5 with its evidence; ``reasons`` say why the
    verdict is what it is; ``categories`` are the harm categories the rules found;
    ``model_score`` is the learned model's integer sum (at or above its threshold it reads the
    action as harmful).
    """

    score: float
    dimensions: Mapping[str, float]
    concerns: tuple[str, ...]
    ethical: bool
    verdict: Verdict = Verdict.ALLOW
    reasons: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    model_score: int = 0

    def __post_init__(self) -> None:
        if self.ethical != (self.verdict is Verdict.ALLOW):
            raise ValueError(
                f"ethical must equal verdict == allow, got ethical={self.ethical!r} "
                f"with verdict={self.verdict.value!r}"
            )


def _risk(model: LinearModel, score: int) -> float:
    """A monotone squash of the model's sum into [0, 1], in exactly rounded arithmetic only.

    ``0.5 + z / (2 (1 + |z|))`` with ``z`` the sum over the threshold in units of ``scale``:
    one division, no ``exp``, so the same on every machine (a library's ``exp`` may differ in
    its last bit).
    """
    z = (score - model.threshold) / model.scale
    return 0.5 + z / (2.0 * (1.0 + abs(z)))


class LoveEngine:
    """Judges an action's ethics; deterministic and safe to share between threads.

    ``manifest`` and ``consents`` are the deployment's trusted records (see
    :mod:`aegis.love_engine.context`); ``judge`` is an optional async guard model consulted by
    :meth:`check_ethics` within ``judge_budget`` seconds.
    """

    def __init__(
        self,
        threshold: float = 0.6,
        weights: Mapping[str, float] | None = None,
        *,
        manifest: ToolManifest | None = None,
        consents: ConsentRecord | None = None,
        judge: Judge | None = None,
        judge_budget: float = 2.0,
        limits: Limits | None = None,
        model: LinearModel | None = None,
        cache_bytes: int = 8 << 20,
    ) -> None:
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
        if manifest is not None and not isinstance(manifest, ToolManifest):
            raise TypeError(f"manifest must be a ToolManifest, got {type(manifest).__name__}")
        if consents is not None and not isinstance(consents, ConsentRecord):
            raise TypeError(f"consents must be a ConsentRecord, got {type(consents).__name__}")
        if judge is not None and not callable(judge):
            raise TypeError(f"judge must be an async callable, got {type(judge).__name__}")
        self.weights: Mapping[str, float] = MappingProxyType(chosen)
        self.manifest = manifest
        self.consents = consents if consents is not None else ConsentRecord()
        self.judge = judge
        self.judge_budget = require_positive("judge_budget", judge_budget)
        self.limits = limits if limits is not None else Limits()
        self.model = model if model is not None else _default_model()
        self._scorer = Scorer(self.model) if model is not None else _default_scorer()
        self._alignment = AlignmentTally(DIMENSIONS)
        self._cache: ByteBoundedCache[EthicalScore] = ByteBoundedCache(cache_bytes)

    async def check_ethics(self, action: Action, state: State | None = None) -> EthicalScore:
        """Judge ``action`` in ``state``, asking the external judge when there is one."""
        result = self._evaluate(action, state)
        if self.judge is not None:
            opinion, reason = await ask_judge(self.judge, action, state, self.judge_budget)
            result = _stricter(result, opinion, reason)
        self._alignment.record(result)
        return result

    def check_ethics_sync(self, action: Action, state: State | None = None) -> EthicalScore:
        """Synchronous twin of :meth:`check_ethics`; an external judge cannot be awaited here,
        so with one configured the answer is at most review."""
        result = self._evaluate(action, state)
        if self.judge is not None:
            reason = "external judge not consulted (synchronous call)"
            result = _stricter(result, Verdict.REVIEW, reason)
        self._alignment.record(result)
        return result

    def _evaluate(self, action: Action, state: State | None) -> EthicalScore:
        if not isinstance(action, Action):
            raise TypeError(f"action must be an Action, got {type(action).__name__}: {action!r}")
        if state is not None and not isinstance(state, State):
            raise TypeError(f"state must be a State or None, got {type(state).__name__}: {state!r}")
        context = "" if state is None else state.context
        texts = (
            ("description", action.description),
            ("intent", action.intent),
            ("potential_impact", action.potential_impact),
            ("state.context", context),
        )
        walked = walk(texts, action.parameters, self.limits)
        # The verdict is a pure function of the texts and what the walk read of the
        # parameters (and, through the manifest, of the affected party's name).
        party = self._party(action)
        key = (*(text for _, text in texts), walk_key(walked), party)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        result = self._judge(read(texts, walked), action)
        self._cache.put(key, result)
        return result

    def _party(self, action: Action) -> str:
        policy = None if self.manifest is None else self.manifest.policy(action.intent)
        if policy is None or policy.affected_party is None:
            return ""
        party = parameter_text(action.parameters, policy.affected_party)
        return "" if party is None else f"={party}"  # distinct from an absent or non-text party

    def _judge(self, reading: Reading, action: Action) -> EthicalScore:
        if reading.too_large:
            return self._verdict(
                dict(BASELINE),
                (),
                Verdict.REVIEW,
                list(reading.problems),
                reading=(),
                model_score=0,
            )
        model_score = self._scorer.judged_score(reading)
        model_harmful = model_score >= self.model.threshold
        reasons = list(reading.problems)
        strongest = max((f.level for f in reading.findings), default=None)
        serious = [f for f in reading.findings if f.level >= Level.REVIEW]
        reasons += [f.describe() for f in serious]
        if strongest is Level.DENY and model_score >= self.model.confirm_threshold:
            verdict = Verdict.DENY
        elif strongest is Level.DENY:
            verdict = Verdict.REVIEW
            reasons.append(
                f"the learned model does not confirm the rules' veto (score {model_score}, "
                f"confirm threshold {self.model.confirm_threshold}); rules and model disagree"
            )
        elif strongest is Level.REVIEW or reasons:
            verdict = Verdict.REVIEW
        elif model_harmful:
            verdict = Verdict.REVIEW
            reasons.append(
                f"the learned model reads this as harmful (score {model_score}, threshold "
                f"{self.model.threshold}) though no rule found a harm; they disagree"
            )
        else:
            verdict = Verdict.ALLOW
        reasons += self._context_reasons(action)
        if reasons and verdict is Verdict.ALLOW:
            verdict = Verdict.REVIEW
        risk = _risk(self.model, model_score)
        dimensions = dimensions_of(reading, action.potential_impact, risk)
        categories = tuple(dict.fromkeys(f.category for f in serious))
        return self._verdict(
            dimensions, categories, verdict, reasons, reading=reading, model_score=model_score
        )

    def _verdict(
        self,
        dimensions: dict[str, float],
        categories: tuple[str, ...],
        verdict: Verdict,
        reasons: list[str],
        *,
        reading: Reading | tuple[()],
        model_score: int,
    ) -> EthicalScore:
        clamped = {name: min(1.0, max(0.0, value)) for name, value in dimensions.items()}
        score = round(math.fsum(self.weights[name] * clamped[name] for name in DIMENSIONS), 12)
        if verdict is Verdict.ALLOW and score < self.threshold:
            verdict = Verdict.REVIEW
            reasons = [*reasons, f"score {score:.3f} is below the threshold {self.threshold:g}"]
        model_lowered = model_score >= self.model.threshold
        concerns = (
            tuple(
                concern(name, clamped[name], reading, model_lowered=model_lowered)
                for name in DIMENSIONS
                if clamped[name] < CONCERN_BELOW
            )
            if isinstance(reading, Reading)
            else ()
        )
        return EthicalScore(
            score,
            MappingProxyType(clamped),
            concerns,
            verdict is Verdict.ALLOW,
            verdict,
            tuple(reasons),
            categories,
            model_score,
        )

    def _context_reasons(self, action: Action) -> list[str]:
        """Review reasons from the deployment's manifest and consent record (never the request)."""
        if self.manifest is None:
            return []
        policy = self.manifest.policy(action.intent)
        if policy is None:
            if self.manifest.strict:
                return [f"action type {action.intent!r} is not declared in the tool manifest"]
            return []
        reasons = []
        if policy.risk in {Risk.HIGH, Risk.CRITICAL}:
            reasons.append(f"the tool manifest declares {action.intent!r} {policy.risk.value} risk")
        if policy.approvals:
            reasons.append(f"{action.intent!r} needs approval by {', '.join(policy.approvals)}")
        if policy.requires_consent and policy.affected_party is not None:
            party = parameter_text(action.parameters, policy.affected_party)
            if party is None or not self.consents.allows(party, action.intent):
                reasons.append(f"no consent on record from {quote(party)} for {action.intent!r}")
        return reasons

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


_DEFAULT: list[Scorer] = []


def _default_scorer() -> Scorer:
    """The shipped model's scorer, built once per process."""
    if not _DEFAULT:
        _DEFAULT.append(Scorer(load_default_model()))
    return _DEFAULT[0]


# Built at import, not on the first ``LoveEngine()``: loading the model takes a few hundred
# milliseconds, which would otherwise fall on the first action judged in a process.
_default_scorer()


def _default_model() -> LinearModel:
    return _default_scorer().model


def _stricter(result: EthicalScore, opinion: Verdict, reason: str | None) -> EthicalScore:
    if opinion.severity <= result.verdict.severity:
        return result
    reasons = (*result.reasons, reason) if reason else result.reasons
    return dataclasses.replace(
        result, verdict=opinion, ethical=opinion is Verdict.ALLOW, reasons=reasons
    )
