"""How long decided decisions stay in memory, and what is remembered once they leave.

A decided decision (answered, expired, cancelled) stays for ``keep_decided`` more decisions
and, if set, ``keep_decided_for`` seconds of the queue's clock; then it leaves memory, its
record living on in the audit log. Ids are remembered so that asking about a pruned one says
so: automatic ids from the issuing counter (no memory at all), explicit ids in a bounded
first-in first-out set of :data:`MAX_TOMBSTONES`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

__all__ = ["DEFAULT_KEEP_DECIDED", "MAX_TOMBSTONES", "Retention"]

#: Decided decisions kept by default: about 1.2 KB each with a small context, so the recent
#: history stays near 15 MB beside 100,000 pending decisions.
DEFAULT_KEEP_DECIDED = 10_000
#: Explicit ids of pruned decisions remembered (about 100 bytes each).
MAX_TOMBSTONES = 100_000


class Retention:
    """The decided decisions in the order they settled, and the ids of pruned ones.

    Not thread-safe on its own: the book calls it under its lock.
    """

    __slots__ = ("_tombstones", "decided", "keep", "keep_for")

    def __init__(self, keep: int, keep_for: float | None) -> None:
        self.keep = keep
        self.keep_for = keep_for
        #: ``(id, settled at, explicit)``, oldest first; the book appends to it directly.
        self.decided: deque[tuple[str, float, bool]] = deque()
        self._tombstones: dict[str, None] = {}

    def prune(self, now: float, forget: Callable[[str], None]) -> None:
        """Forget the decisions beyond the count, or older than the age, oldest first."""
        decided, keep, keep_for = self.decided, self.keep, self.keep_for
        while decided and (
            len(decided) > keep or (keep_for is not None and now - decided[0][1] >= keep_for)
        ):
            key, _, explicit = decided.popleft()
            forget(key)
            if explicit:
                tombstones = self._tombstones
                tombstones[key] = None
                if len(tombstones) > MAX_TOMBSTONES:
                    del tombstones[next(iter(tombstones))]

    def remembers(self, key: str) -> bool:
        """True if ``key`` is an explicit id pruned recently enough to be remembered."""
        return key in self._tombstones

    def describe(self) -> str:
        age = "" if self.keep_for is None else f", keep_decided_for={self.keep_for:g}s"
        return f"keep_decided={self.keep}{age}"
