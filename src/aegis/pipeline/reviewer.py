"""A simulated human reviewer for unattended runs: a fixed, seeded rule, no think time."""

from __future__ import annotations

import hashlib

from aegis.hitl import Decision, HITLCollaborator, Priority

__all__ = ["SimulatedReviewer"]


class SimulatedReviewer:
    """Rejects every CRITICAL decision; approves others with probability ``approve_rate``,
    decided by a hash of the seed and the question, so a run is reproducible."""

    def __init__(
        self, seed: int = 0, approve_rate: float = 0.7, name: str = "simulated-reviewer"
    ) -> None:
        if not 0.0 <= approve_rate <= 1.0:
            raise ValueError(f"approve_rate must be in [0, 1], got {approve_rate!r}")
        self.seed = seed
        self.approve_rate = approve_rate
        self.name = name

    def approves(self, decision: Decision) -> bool:
        if decision.priority is Priority.CRITICAL:
            return False
        digest = hashlib.sha256(f"{self.seed}:{decision.question}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < self.approve_rate

    async def __call__(self, hitl: HITLCollaborator, decision: Decision) -> Decision:
        if self.approves(decision):
            return await hitl.approve(decision.id, self.name, "meets the simulated policy")
        return await hitl.reject(decision.id, self.name, "fails the simulated policy")
