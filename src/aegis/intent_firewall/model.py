"""What the firewall is asked and what it answers."""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aegis._validation import require_mapping, require_text, require_unit_interval

__all__ = ["PENALTY", "Decision", "Effect", "Finding", "Request", "Rule", "Severity", "Verdict"]


_E = TypeVar("_E", bound=enum.StrEnum)


class Severity(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


#: Score taken off per rule that fires, as the reference firewall did.
PENALTY: Mapping[Severity, float] = {
    Severity.CRITICAL: 1.0,
    Severity.HIGH: 0.7,
    Severity.MEDIUM: 0.4,
    Severity.LOW: 0.2,
}


class Effect(enum.StrEnum):
    """What a rule asks for when it fires: a human look, or a refusal."""

    REVIEW = "review"
    BLOCK = "block"


class Decision(enum.StrEnum):
    ALLOW = "allow"
    REVIEW = "review"
    BLOCK = "block"


@dataclass(frozen=True, slots=True)
class Request:
    """An agent's request to act: a tool name, its arguments, why, and how sure it is."""

    action: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    context: str = ""
    confidence: float = 1.0
    source: str = "default"

    def __post_init__(self) -> None:
        for name, value, kind in (
            ("action", self.action, str),
            ("parameters", self.parameters, Mapping),
            ("context", self.context, str),
            ("source", self.source, str),
        ):
            if not isinstance(value, kind):  # checked here so that no repr() of theirs runs
                expected = "a mapping" if kind is Mapping else "a str"
                raise TypeError(f"{name} must be {expected}, got {type(value).__name__}: "
                                f"{safe_repr(value)}")  # fmt: skip
        require_text("action", self.action)
        require_mapping("parameters", self.parameters)
        require_text("context", self.context, allow_empty=True)
        require_unit_interval("confidence", self.confidence)
        require_text("source", self.source)


@dataclass(frozen=True, slots=True)
class Rule:
    """A custom rule: an RE2 pattern searched in every canonical string of a request.

    Patterns are matched against canonical text (NFKC, case folded), so write them in lower
    case. RE2 has no backreferences or look-around, which keeps matching linear-time.
    """

    id: str
    pattern: str
    severity: Severity = Severity.HIGH
    effect: Effect = Effect.BLOCK
    description: str = ""

    def __post_init__(self) -> None:
        require_text("id", self.id)
        require_text("pattern", self.pattern)
        object.__setattr__(self, "severity", _member(Severity, "severity", self.severity))
        object.__setattr__(self, "effect", _member(Effect, "effect", self.effect))


def safe_repr(value: object, limit: int = 80) -> str:
    """``repr`` bounded in depth and length, and a placeholder when ``repr`` itself fails."""
    shown = reprlib.Repr()
    shown.maxlevel, shown.maxstring, shown.maxother = 3, limit, limit
    try:
        return shown.repr(value)
    except Exception:
        return f"<{type(value).__name__} that cannot be shown>"


def _member(kind: type[_E], name: str, value: object) -> _E:
    for member in kind:
        if value == member.value:
            return member
    allowed = ", ".join(member.value for member in kind)
    raise ValueError(f"{name} must be one of {allowed}, got {value!r}")


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule that fired, where, and on what (the original text, for the reason)."""

    rule: str
    severity: Severity
    effect: Effect
    description: str
    where: str
    evidence: str

    def reason(self) -> str:
        shown = self.evidence if len(self.evidence) <= 160 else self.evidence[:157] + "..."
        return f"{self.rule} ({self.severity}): {self.description}: {shown} in {self.where}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer. ``parameters`` is the frozen copy of the request's parameters that was
    judged: run that, not the caller's mapping, so that what was validated is what runs."""

    allowed: bool
    decision: Decision
    score: float
    reasons: tuple[str, ...]
    matched_rules: tuple[str, ...]
    parameters: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
