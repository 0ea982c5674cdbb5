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

from aegis._validation import quote

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


#: Characters of a judge's answer or error quoted in a reason: a 10 MB message stays short.
_QUOTED = 200


async def ask_judge(
    judge: Judge, action: Action, state: State | None, budget: float
) -> tuple[Verdict, str | None]:
    """The judge's verdict, or review with the reason it gave none."""
    try:
        answer = await asyncio.wait_for(judge(action, state), timeout=budget)
    except TimeoutError:
        return Verdict.REVIEW, f"external judge gave no answer within {budget:g} s"
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise  # the caller is being cancelled: that is theirs to handle, not an answer
        return Verdict.REVIEW, "external judge failed: it cancelled itself"
    except Exception as error:
        return Verdict.REVIEW, f"external judge failed: {type(error).__name__}: {_message(error)}"
    return _verdict_of(answer)


def _verdict_of(answer: object) -> tuple[Verdict, str | None]:
    """The verdict a judge's answer names; its own methods are never called (a ``str``
    subclass may raise from ``__hash__`` or ``__eq__``), and anything else is review."""
    if not isinstance(answer, str):
        plain = answer is None or type(answer) in (bool, int, float)  # reprs that cost nothing
        shown = quote(answer) if plain else f"a {type(answer).__name__}"
        return Verdict.REVIEW, f"external judge answered {shown}, not allow/review/deny"
    if str.__len__(answer) > _QUOTED:
        return Verdict.REVIEW, f"external judge answered {str.__len__(answer)} characters"
    text = str.__str__(answer)
    if text not in _VALUES:
        return Verdict.REVIEW, f"external judge answered {text!r}, not allow/review/deny"
    verdict = Verdict(text)
    reason = None if verdict is Verdict.ALLOW else f"external judge answered {verdict.value}"
    return verdict, reason


def _message(error: BaseException) -> str:
    """An error's message, cut short; an error that cannot say it is named by its type."""
    try:
        message = str(error)
    except Exception:
        return "(no printable message)"
    return message if len(message) <= _QUOTED else f"{message[:_QUOTED]}... ({len(message)} long)"
