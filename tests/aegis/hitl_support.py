"""Audit sinks, clocks and checks shared by the human-in-the-loop tests."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

from aegis.audit import AuditEntry
from aegis.hitl import Decision, EventKind, HITLCollaborator

#: The audit action each event of a decision's history is written as.
ACTION_OF = {
    EventKind.REQUESTED: "hitl.requested",
    EventKind.ESCALATED: "hitl.escalated",
    EventKind.APPROVED: "hitl.approved",
    EventKind.REJECTED: "hitl.rejected",
    EventKind.CANCELLED: "hitl.cancelled",
    EventKind.EXPIRED: "hitl.timed_out",
}


class FakeClock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class RecordingAudit:
    """An audit sink that keeps what it is given, in order; ``fail`` makes writes raise
    (optionally only for one action), as a closed or broken log would."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, dict[str, Any]]] = []
        self.fail: str | None = None
        self._lock = threading.Lock()

    async def log_action(self, action: str, details: Mapping[str, Any]) -> None:
        if self.fail is not None and self.fail in ("*", action):
            raise OSError(f"the audit log refused {action}")
        with self._lock:
            self.entries.append((action, dict(details)))

    def actions_of(self, decision_id: str) -> list[str]:
        with self._lock:
            return [action for action, details in self.entries if details["id"] == decision_id]


def trail_by_id(entries: Iterable[tuple[str, Mapping[str, Any]]]) -> dict[str, list[str]]:
    trail: dict[str, list[str]] = {}
    for action, details in entries:
        trail.setdefault(details["id"], []).append(action)
    return trail


def entries_of(log_entries: Iterable[AuditEntry]) -> list[tuple[str, Mapping[str, Any]]]:
    ordered = sorted(log_entries, key=lambda entry: entry.seq)
    return [(entry.action, entry.details) for entry in ordered]


def history_actions(decision: Decision) -> list[str]:
    return [ACTION_OF[event.kind] for event in decision.history]


def assert_trail_is_history(
    hitl: HITLCollaborator, entries: Iterable[tuple[str, Mapping[str, Any]]]
) -> dict[str, list[str]]:
    """Every decision's audit entries are its history, in the same order, and no more."""
    trail = trail_by_id(entries)
    for decision_id, actions in trail.items():
        assert actions == history_actions(hitl.status(decision_id)), decision_id
    return trail
