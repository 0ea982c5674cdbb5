"""A verdict cache bounded in bytes, tied to one policy.

Agents repeat requests, so verdicts of requests whose parameters are flat are kept. The
cache counts the characters of the keys and reasons it holds and starts afresh when the
budget is spent (no entry pins more than :data:`MAX_KEY_CHARS` characters: longer requests
are not cached). A cache belongs to one :class:`Policy` object and is dropped with it,
so a verdict never outlives the policy that produced it.
"""

from __future__ import annotations

from typing import Any

from aegis.intent_firewall.model import Request, Verdict

__all__ = ["MAX_KEY_CHARS", "VerdictCache"]

MAX_KEY_CHARS = 4096
_FLAT = (str, int, float, bool, type(None))
_ENTRY_OVERHEAD = 256
_MAX_KEY_ITEMS = 32


class VerdictCache:
    def __init__(self, max_bytes: int = 16 << 20) -> None:
        self.max_bytes = max_bytes
        self._entries: dict[Any, Verdict] = {}
        self._bytes = 0

    @staticmethod
    def key(request: Request) -> tuple[Any, ...] | None:
        """The key of a request with flat parameters and a short text, else ``None``."""
        parameters = request.parameters
        if type(parameters) is not dict or len(parameters) > _MAX_KEY_ITEMS:
            return None  # only plain dicts: a caller's mapping class may not read the same twice
        items = tuple(parameters.items())
        size = len(request.action) + len(request.context)
        for name, value in items:
            kind = type(value)
            if kind not in _FLAT or type(name) is not str:
                return None
            size += len(name) + (len(value) if kind is str else 8)
        if size > MAX_KEY_CHARS:
            return None
        return (request.action, request.context, request.confidence, items)

    def get(self, key: Any) -> Verdict | None:
        return self._entries.get(key)

    def put(self, key: tuple[Any, ...], verdict: Verdict) -> None:
        action, context, _confidence, items = key
        cost = _ENTRY_OVERHEAD + 32 * len(items) + sum(map(len, verdict.reasons))
        cost += len(action) if isinstance(action, str) else 16
        cost += len(context) if isinstance(context, str) else 16
        for name, value in items:
            cost += len(name) + (len(value) if isinstance(value, str) else 0)
        if self._bytes + cost > self.max_bytes:
            self._entries = {}
            self._bytes = 0
        self._entries[key] = verdict
        self._bytes += cost

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bytes(self) -> int:
        return self._bytes
