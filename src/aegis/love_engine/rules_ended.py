"""A harm another rule names, ended by the verb that acts on it.

"Disable location tracking on her account", "disable the stolen laptop's access to the VPN",
"turn off the GPS tracking": the privacy and access rules find tracking and theft, but an
ending verb right before the harm word switches the tracking, or the thief's access, off.
The reading lowers the finding to a hint (the caller applies it to no clause that hides what
it does); a harm named after a defence ("stop the ransomware canary") or a negated verb
("don't stop tracking her") is no such ending. Each check reads a few terms: constant time.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT
from aegis.love_engine.rules_controls import DEFENCE_NOUNS

__all__ = ["harm_switched_off"]

Clause = list[tuple[int, str]]

_CONTROL = BIT["safety_control"] | BIT["strong_control"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Verbs that end what they act on; "hide", "alter" and the like, also disabling verbs, only
#: keep a harm out of sight and are not among them.
_ENDING = frozenset(
    {
        "disable",
        "turn off",
        "switch off",
        "shut off",
        "stop",
        "deactivate",
        "revoke",
        "block",
        "lock",
        "wipe",
        "remote wipe",
        "end",
    }
)
#: Words that may stand between the verb and the harm it ends ("the GPS tracking").
_BETWEEN = _set("the a an all any her his their my our its this that every location gps web")
_ENDING_REACH = 3


def harm_switched_off(clause: Clause, position: int) -> bool:
    """Whether the harm word at ``position`` is what an ending verb right before it switches
    off: "disable location tracking", "disable the stolen laptop's access", "turn off the GPS
    tracking". The harm word must name an activity or a state ("tracking", "stolen"),
    not a thing a defence is named after ("stop the ransomware canary")."""
    surface = clause[position][1]
    head = surface.split(" ", 1)[0]
    if not (head.endswith("ing") or head in _STATES) or _defence_follows(clause, position):
        return False
    for index in range(position - 1, max(-1, position - 1 - _ENDING_REACH), -1):
        word = clause[index][1]
        if word in _ENDING:
            return index == 0 or clause[index - 1][1] not in _NEGATORS
        if word not in _BETWEEN:
            return False
    return False


_STATES = frozenset({"stolen", "compromised", "hijacked", "leaked"})


def _defence_follows(clause: Clause, position: int) -> bool:
    if position + 1 >= len(clause):
        return False
    mask, surface = clause[position + 1]
    return bool(mask & _CONTROL) or surface.split(" ", 1)[0] in DEFENCE_NOUNS


_NEGATORS = frozenset({"not", "don't", "never", "dont", "do not", "can't", "won't"})
