"""A limit tightened: lowering a timeout, an alert threshold or a cap makes a control stricter.

The tampering rules read "lower", "shorten" and "reduce" as weakening verbs, and most often
they are ("lower the pressure relief setting", "shorten the log retention"). For a limit
whose lower value is the stricter one, the same verbs tighten the control: "shorten the
session timeout to 15 minutes", "lower the alert threshold on the gas detector", "reduce the
daily transfer limit". The reading takes the lowering verb's object from the few terms after
it and lowers the finding to a hint when that object is such a limit; a minimum, a pass mark,
a retention period, a lockout or a confidence bar lowered is a weakening, and keeps it.
Constant time: a fixed window after the verb.
"""

from __future__ import annotations

__all__ = ["limit_tightened"]

Clause = list[tuple[int, str]]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_LOWERING = _set("lower lowers shorten shortens reduce reduces decrease decreases cut cuts")
#: Limits that are stricter when lower: how long access lasts, how much may move, how soon
#: an alarm goes off.
_STRICTER_LOWER = _set(
    "timeout timeouts time-out lifetime lifetimes expiry ttl validity remember-device limit "
    "limits cap caps max maximum"
)
#: A threshold is stricter lower only for what it raises: an alert, an alarm, a review.
_ALERTING = _set("alert alerts alarm alarms monitoring detection detector review reporting lel")
_THRESHOLDS = _set("threshold thresholds trigger triggers level levels")
#: A limit lowered that lets more through, or keeps less.
_WEAKER_LOWER = _set(
    "minimum min pass passing mark confidence approval auto-approve auto-approval retention "
    "kept keep history lockout length complexity strength frequency sampling coverage"
)
_REACH = 6
_ENDS = frozenset({"so", "and", "but", "because", "while", "until", "unless"})


def limit_tightened(clause: Clause, position: int) -> bool:
    """Whether the lowering verb at ``position`` acts on a limit that is stricter lower: a
    timeout, a cap, an alert threshold, and no minimum, pass mark or retention beside it."""
    if clause[position][1].split(" ", 1)[0] not in _LOWERING:
        return False
    words: list[str] = []
    for _, surface in clause[position + 1 : position + 1 + _REACH]:
        if surface in _ENDS:
            break
        words.extend(surface.split())
    found = set(words)
    if found & _WEAKER_LOWER:
        return False
    return bool(found & _STRICTER_LOWER) or bool(found & _THRESHOLDS and found & _ALERTING)
