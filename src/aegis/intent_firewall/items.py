"""What walking a request's parameters yields: each string with where it was and how to
read it, and the walk's totals and frozen copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ArgvTest", "Item", "Walk"]

#: Whether a list of strings under a key is an argument vector (decided by the caller).
ArgvTest = Callable[[str, list[str]], bool]


@dataclass(slots=True)
class Item:
    where: str
    text: str
    key: str
    tool: str = ""
    argv: tuple[str, ...] | None = None
    #: A list of command lines joined as one script: a second reading of lines also judged
    #: one by one, so it is charged to a budget of its own (see ``shellstate``).
    script: bool = False


@dataclass(slots=True)
class Walk:
    items: list[Item] = field(default_factory=list)
    findings: list[tuple[str, str, str]] = field(default_factory=list)
    frozen: Any = None
    nodes: int = 0
    chars: int = 0
