"""What a robustness probe is (shared by the probe modules)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aegis.intent_firewall import Request

__all__ = ["Probe"]


@dataclass(frozen=True, slots=True)
class Probe:
    """A request built on demand; ``dangerous`` when it carries a real attack (so being
    allowed is a failure even when it is answered in time)."""

    id: str
    build: Callable[[], Request]
    dangerous: bool
    reason: str
