"""Every mapping below a tool call's parameters, breadth first, bounded, each once.

The readers of a call's fields (control switches, administrators' groups) look for a field
wherever an API nests it: in a mapping, a list of mappings, a mapping in a list in a
mapping. Shared structures are read once and cycles end; at most ``limit`` containers are
visited and 64 children of each.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["mappings_below"]


def mappings_below(parameters: Any, limit: int = 256) -> Iterator[Mapping[Any, Any]]:
    """Each mapping at or below ``parameters`` (through mappings, lists and tuples)."""
    pending: list[Any] = [parameters]
    seen: set[int] = set()
    while pending and len(seen) < limit:
        node = pending.pop(0)
        if id(node) in seen:
            continue
        seen.add(id(node))
        children = node.values() if isinstance(node, Mapping) else node
        pending.extend(
            c for c in itertools.islice(children, 64) if isinstance(c, Mapping | list | tuple)
        )
        if isinstance(node, Mapping):
            yield node
