"""Decisions a human is asked for, and what became of them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, NamedTuple

from aegis._validation import quote

__all__ = [
    "Decision",
    "DecisionEvent",
    "DecisionPrunedError",
    "DecisionStateError",
    "DecisionStatus",
    "EventKind",
    "Priority",
]


class Priority(enum.IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, value: object) -> Priority:
        """A member from itself, its name (any case) or its number; else a clear ValueError."""
        if type(value) is cls:
            return value
        # The base types' own methods: a subclass's upper, __eq__ or __hash__ may lie.
        if isinstance(value, str) and str.upper(value) in cls.__members__:
            return cls[str.upper(value)]
        if isinstance(value, int) and not isinstance(value, bool):
            number = int.__int__(value)
            if number in cls._value2member_map_:
                return cls(number)
        names = ", ".join(member.name.lower() for member in cls)
        raise ValueError(f"priority must be one of {names}, got {quote(value)}")


class DecisionStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    TIMED_OUT = "timed_out"
    CANCELLED = "cancelled"


class EventKind(enum.StrEnum):
    REQUESTED = "requested"
    ESCALATED = "escalated"
    APPROVED = "approved"
    REJECTED = "rejected"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class DecisionStateError(ValueError):
    """An operation that the decision's current status does not allow."""


class DecisionPrunedError(DecisionStateError, KeyError):
    """The decision was decided and has since left memory (see the collaborator's
    retention); its record lives on in the audit log. A ``KeyError`` too, because the
    queue no longer holds it, and a ``DecisionStateError``, because it can no longer change."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class DecisionEvent(NamedTuple):
    kind: EventKind
    at: float
    detail: str = ""


class Decision(NamedTuple):
    """A snapshot of one decision. ``approved`` is True only for an explicit approval:
    a timeout, a rejection or a cancellation all mean *deny*.

    A named tuple rather than a frozen dataclass: snapshots are made on every operation,
    and a tuple is several times cheaper to build."""

    id: str
    question: str
    context: Mapping[str, Any] | str
    priority: Priority
    requester: str
    created_at: float
    expires_at: float
    status: DecisionStatus
    responder: str | None
    reasoning: str | None
    answered_at: float | None
    history: tuple[DecisionEvent, ...]

    @property
    def approved(self) -> bool:
        return self.status is DecisionStatus.APPROVED

    @property
    def pending(self) -> bool:
        return self.status is DecisionStatus.PENDING
