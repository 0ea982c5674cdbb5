"""An external judge: a deployment's guard model asked for a second opinion, within a budget.

The judge is any async callable taking the action and state and answering ``"allow"``,
``"review"`` or ``"deny"`` (or a :class:`Verdict`). It can only make the verdict stricter: the
final answer is the stricter of the engine's and the judge's. A judge that times out, raises or
answers something else is no answer, and no answer is *review*.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aegis.love_engine.engine import Action, State

__all__ = ["Judge", "Verdict", "ask_judge"]


class Verdict(enum.StrEnum):
    ALLOW = "allow"
    REVIEW = "review"
    DENY = "deny"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {Verdict.ALLOW: 0, Verdict.REVIEW: 1, Verdict.DENY: 2}
_VALUES = frozenset(v.value for v in Verdict)

Judge = Callable[["Action", "State | None"], Awaitable[object]]


async def ask_judge(
    judge: Judge, action: Action, state: State | None, budget: float
) -> tuple[Verdict, str | None]:
    """The judge's verdict, or review with the reason it gave none."""
    try:
        answer = await asyncio.wait_for(judge(action, state), timeout=budget)
    except TimeoutError:
        return Verdict.REVIEW, f"external judge gave no answer within {budget:g} s"
    except Exception as error:
        return Verdict.REVIEW, f"external judge failed: {type(error).__name__}: {error}"
    if not isinstance(answer, str) or answer not in _VALUES:
        return Verdict.REVIEW, f"external judge answered {answer!r}, not allow/review/deny"
    verdict = Verdict(answer)
    reason = None if verdict is Verdict.ALLOW else f"external judge answered {verdict.value}"
    return verdict, reason
