"""Trusted context: what the deployment declares about its tools and the people affected.

A request's own words cannot vouch for it: "the user consented", ``"authorized": true`` and
``potential_impact="Low"`` are written by whoever asks. Risk and consent therefore come from
two records the deployment keeps:

- a :class:`ToolManifest`: each action type's risk and the approvals it needs, and which
  parameter names the person it affects;
- a :class:`ConsentRecord`: for each affected party, the action types they agreed to.

Both only ever add caution: a declared risk or a missing consent turns *allow* into *review*;
nothing here can turn a finding of harm into *allow*.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["ConsentRecord", "Risk", "ToolManifest", "ToolPolicy"]


class Risk(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


@dataclass(frozen=True, slots=True)
class ToolPolicy:
    """What the deployment declares about one action type."""

    risk: Risk = Risk.LOW
    approvals: tuple[str, ...] = ()  # who must approve before it runs, e.g. ("data-owner",)
    affected_party: str | None = None  # the parameter that names the person it affects
    requires_consent: bool = False  # that person must have agreed to this action type

    def __post_init__(self) -> None:
        if not isinstance(self.risk, Risk):
            raise TypeError(f"risk must be a Risk, got {type(self.risk).__name__}: {self.risk!r}")
        if self.requires_consent and not self.affected_party:
            raise ValueError("requires_consent needs affected_party, the parameter naming them")


@dataclass(frozen=True, slots=True)
class ToolManifest:
    """Action type → :class:`ToolPolicy`; ``strict`` makes an undeclared action type a review."""

    tools: Mapping[str, ToolPolicy]
    strict: bool = True

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ToolManifest:
        """Build from the documented JSON shape (see the README's ethics section)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("tools"), Mapping):
            raise ValueError(f"manifest must be an object with a 'tools' object, got {data!r}")
        tools: dict[str, ToolPolicy] = {}
        for name, spec in data["tools"].items():
            if not isinstance(spec, Mapping):
                raise ValueError(f"manifest tools[{name!r}] must be an object, got {spec!r}")
            try:
                risk = Risk(spec.get("risk", "low"))
            except ValueError:
                raise ValueError(
                    f"manifest tools[{name!r}].risk must be one of "
                    f"{', '.join(r.value for r in Risk)}, got {spec.get('risk')!r}"
                ) from None
            approvals = spec.get("approvals", [])
            if not isinstance(approvals, list) or not all(isinstance(a, str) for a in approvals):
                raise ValueError(
                    f"manifest tools[{name!r}].approvals must be a list of names, got {approvals!r}"
                )
            party = spec.get("affected_party")
            if party is not None and not isinstance(party, str):
                raise ValueError(
                    f"manifest tools[{name!r}].affected_party must be a string, got {party!r}"
                )
            tools[str(name)] = ToolPolicy(
                risk, tuple(approvals), party, bool(spec.get("requires_consent", False))
            )
        strict = data.get("strict", True)
        if not isinstance(strict, bool):
            raise ValueError(f"manifest strict must be true or false, got {strict!r}")
        return cls(MappingProxyType(tools), strict)

    @classmethod
    def load(cls, path: str | Path) -> ToolManifest:
        return cls.from_mapping(json.loads(Path(path).read_text(encoding="utf-8")))

    def policy(self, action_type: str) -> ToolPolicy | None:
        return self.tools.get(action_type)


class ConsentRecord:
    """Which action types each affected party agreed to, as the deployment recorded it."""

    def __init__(self, grants: Mapping[str, Iterable[str]] | None = None) -> None:
        self._grants: dict[str, frozenset[str]] = {}
        for party, actions in (grants or {}).items():
            if isinstance(actions, str):
                raise TypeError(f"consent for {party!r} must be a list of action types, not a str")
            self._grants[str(party)] = frozenset(actions)

    def allows(self, party: str, action_type: str) -> bool:
        granted = self._grants.get(party, frozenset())
        return action_type in granted or "*" in granted
