"""The spec's request mixes, as deterministic cycles (same run, same sequence), and probes."""

from __future__ import annotations

import asyncio
import itertools
import statistics
import time
from collections.abc import Iterator
from typing import TypeVar

from aegis.evolution_core import Outcome
from aegis.hitl import HITLCollaborator, Priority
from aegis.intent_firewall import Decision, Request
from aegis.love_engine import Action

SAFE = [
    Request("read_file", {"path": "/tmp/test.txt"}, "User wants to read a file", 0.9),
    Request("list_directory", {"path": "/home/user"}, "User wants to list files", 0.95),
    Request("get_timestamp", {}, "User wants current time", 1.0),
]
UNSAFE = [
    Request("execute_command", {"cmd": "rm -rf /"}, "User wants to delete everything", 0.3),
    Request("write_file", {"path": "/etc/passwd"}, "User wants to modify system file", 0.4),
]
BORDERLINE = [
    Request("network_request", {"url": "http://unknown.com"}, "Unknown URL", 0.6),
    Request("execute_script", {"script": "user_provided.sh"}, "Run a script", 0.65),
]

#: 70% safe, 20% unsafe, 10% borderline, with the decision each must get.
FIREWALL_MIX: list[tuple[Request, Decision]] = (
    [(r, Decision.ALLOW) for r in SAFE] * 23
    + [(SAFE[0], Decision.ALLOW)]
    + [(r, Decision.BLOCK) for r in UNSAFE] * 10
    + [(r, Decision.REVIEW) for r in BORDERLINE] * 5
)

T = TypeVar("T")

SIMPLE = [
    Action("User wants to read a file", "read_file", "Low"),
    Action("User wants to check the time", "get_timestamp", "None"),
]
COMPLEX = [
    Action("User wants to execute a script that modifies system files", "execute_script", "High"),
    Action("User wants to send data to an external API", "network_request", "Medium"),
]
EDGE = [
    Action("User wants to do something but I'm not sure what", "unknown", "Unknown"),
    Action(
        "Send marketing email to 50,000 users without consent",
        "send_bulk_email",
        "High",
        {"recipients": 50_000, "consent": False},
    ),
]
#: 50% simple, 30% complex, 20% edge cases.
LOVE_MIX: list[Action] = SIMPLE * 25 + COMPLEX * 15 + EDGE * 10

#: 60% success, 30% failure, 10% learning, over a few action types.
EVOLUTION_MIX: list[tuple[str, Outcome, float, float]] = [
    (f"action_{i % 12}", outcome, 0.9 if outcome is Outcome.SUCCESS else 0.4, 0.8)
    for i, outcome in enumerate([Outcome.SUCCESS] * 6 + [Outcome.FAILURE] * 3 + [Outcome.LEARNING])
]

#: Low 40%, medium 30%, high 20%, critical 10%.
PRIORITY_MIX = (
    [Priority.LOW] * 4 + [Priority.MEDIUM] * 3 + [Priority.HIGH] * 2 + [Priority.CRITICAL]
)

COMPONENT_ACTIONS = [
    "firewall.verdict",
    "ethics.score",
    "evolution.experience",
    "hitl.requested",
    "hitl.approved",
    "pipeline.workflow",
]


def cycle(items: list[T]) -> Iterator[T]:
    """An endless cycle; ``next`` on it is atomic under the GIL, so workers may share it."""
    return itertools.cycle(items)


def queue_operation_p95_ms(hitl: HITLCollaborator, decision_ids: list[str]) -> float:
    """95th percentile of one queue operation (answer a decision, list the top 100), in ms.

    All operations run on one event loop so the figure is the queue's cost, not a loop's
    start-up; a percentile rather than the maximum keeps one descheduling of this shared
    machine from deciding the verdict.
    """

    async def answer_all() -> list[float]:
        timings = []
        for decision_id in decision_ids:
            started = time.perf_counter()
            await hitl.approve(decision_id, "reviewer")
            hitl.pending(limit=100)
            timings.append((time.perf_counter() - started) * 1e3)
        return timings

    timings = asyncio.run(answer_all())
    if len(timings) < 2:
        return timings[0]
    return statistics.quantiles(timings, n=20, method="inclusive")[-1]
