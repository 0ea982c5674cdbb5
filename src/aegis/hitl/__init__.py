"""Human-in-the-loop: decisions queued for a person, by priority then age.

Timeouts are enforced on every operation and mean *deny*; each decision is answered at
most once whatever the concurrency; with an audit log attached, every request, answer,
escalation and expiry is written to it, each change only once its entry is written, and
expiries by a timer when they happen. Decided decisions leave memory after a configurable
retention.
"""

from aegis.hitl.collaborator import AuditSink, HITLCollaborator
from aegis.hitl.model import (
    Decision,
    DecisionEvent,
    DecisionPrunedError,
    DecisionStateError,
    DecisionStatus,
    EventKind,
    Priority,
)
from aegis.hitl.retention import DEFAULT_KEEP_DECIDED

__all__ = [
    "DEFAULT_KEEP_DECIDED",
    "AuditSink",
    "Decision",
    "DecisionEvent",
    "DecisionPrunedError",
    "DecisionStateError",
    "DecisionStatus",
    "EventKind",
    "HITLCollaborator",
    "Priority",
]
