"""One decision as the book keeps it, and the wake-ups of tasks waiting on it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from aegis.hitl.model import Decision, DecisionEvent, DecisionStatus, Priority

__all__ = ["Entry", "wake"]

T = TypeVar("T")


@dataclass(slots=True)
class Entry:
    id: str
    question: str
    context: Mapping[str, Any] | str
    priority: Priority
    requester: str
    created_at: float
    expires_at: float
    sequence: int
    #: Whether the id was given by the caller (remembered once pruned) or issued.
    explicit: bool
    version: int
    status: DecisionStatus = DecisionStatus.PENDING
    responder: str | None = None
    reasoning: str | None = None
    answered_at: float | None = None
    history: tuple[DecisionEvent, ...] = ()
    #: Tasks in ``wait_for_decision`` and their loops; None until the first one, to keep
    #: 100K entries small. A dict, so that a waiter that gives up leaves in O(1).
    waiters: dict[asyncio.Future[Decision], asyncio.AbstractEventLoop] | None = None
    #: A change is being written to the audit log; it is applied once written (write-ahead),
    #: and other changes to this decision wait for it in ``queued``.
    in_flight: bool = False
    #: The loop of the task writing the change in flight: once it is closed, that task can
    #: never finish, and the change is dropped (see ``DecisionRecords._drop_dead_flight``).
    flight_loop: asyncio.AbstractEventLoop | None = None
    queued: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] | None = None
    #: Its deadline passed while a change was in flight: it expires unless that change lands.
    overdue: bool = False

    def snapshot(self) -> Decision:
        return Decision(
            self.id,
            self.question,
            self.context,
            self.priority,
            self.requester,
            self.created_at,
            self.expires_at,
            self.status,
            self.responder,
            self.reasoning,
            self.answered_at,
            self.history,
        )

    def wake_waiters(self, decision: Decision) -> None:
        for future, loop in (self.waiters or {}).items():
            wake(loop, future, decision)
        self.waiters = None

    def end_flight(self) -> None:
        self.in_flight = False
        self.flight_loop = None
        for loop, future in self.queued or ():
            wake(loop, future, None)
        self.queued = None


def wake(loop: asyncio.AbstractEventLoop, future: asyncio.Future[T], value: T) -> None:
    """Resolve ``future`` on its loop from any thread; a closed loop has nobody to wake."""
    if loop.is_closed():
        return
    with contextlib.suppress(RuntimeError):  # closed between the check and the call
        loop.call_soon_threadsafe(_resolve, future, value)


def _resolve(future: asyncio.Future[T], value: T) -> None:
    if not future.done():
        future.set_result(value)
