"""A least-recently-used cache bounded in bytes, not entries, and safe between threads.

An entry-count bound lets twenty 1 MB descriptions pin 20 MB of keys; here every entry is
charged for the text of its key and a fixed overhead, keys over a size are not cached at all,
and the oldest entries go when the budget is spent.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

__all__ = ["ByteBoundedCache"]

V = TypeVar("V")
#: What an entry costs beyond its key's characters: the result object and the bookkeeping.
ENTRY_OVERHEAD = 512


class ByteBoundedCache(Generic[V]):
    """Maps tuples of strings to values; holds at most ``max_bytes`` of keys and overhead."""

    def __init__(self, max_bytes: int = 8 << 20, max_key_chars: int = 8_192) -> None:
        if max_bytes < 0 or max_key_chars < 0:
            raise ValueError(
                f"max_bytes and max_key_chars must be >= 0, got {max_bytes!r}, {max_key_chars!r}"
            )
        self.max_bytes = max_bytes
        self.max_key_chars = max_key_chars
        self._entries: OrderedDict[tuple[str, ...], tuple[V, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def bytes_used(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple[str, ...]) -> V | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: tuple[str, ...], value: V) -> None:
        chars = sum(len(part) for part in key)
        if chars > self.max_key_chars:
            return
        cost = 4 * chars + ENTRY_OVERHEAD  # up to four bytes a character in CPython's strings
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (value, cost)
            self._bytes += cost
            while self._bytes > self.max_bytes and self._entries:
                _, (_, freed) = self._entries.popitem(last=False)
                self._bytes -= freed
