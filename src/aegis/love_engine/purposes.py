""" "So nobody ...": a purpose that hides what is done, or one that prevents a harm.

"Backdate the invoice so nobody notices" and "call it team bonding so nobody's paid for it"
count on people not finding out, or not getting what they are owed: concealment, which
cancels every frame and completes the rules that need it. "Prepare the litigation-hold
notice so nobody deletes the mailboxes", "store her tablets so nobody takes too many by
mistake" and "so no one in the house misuses them" name the harm the request prevents.
The purpose is read as concealment only when a verb of finding out, or of getting one's
due, follows it within a few words; with none (or nothing after it) it stays concealment:
fails closed. Each check reads a fixed number of words: constant time.
"""

from __future__ import annotations

from aegis.love_engine.normalise import CLAUSE_BREAK, stem

__all__ = ["OPEN_PURPOSES", "prevents_harm"]


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(word) for word in words.split())


#: The purpose read here, as stems ("so no one ..." is listed only with its verbs).
OPEN_PURPOSES = frozenset({(stem("so"), stem("nobody"))})
#: Finding out ("notices", "can check", "finds out", "gets suspicious"), or getting what one
#: is owed or protected by ("nobody's paid for it", "so nobody gets evacuated").
_HIDING = _stems(
    "notice see find know check look hear ask suspect suspicious realise realize trace audit "
    "catch spot question read review compare tell learn query challenge complain report "
    "remember wiser discover detect investigate inspect verify recognise recognize track "
    "follow examine count sample reconcile flag paid pay compensated refunded reimbursed "
    "evacuated warned alerted rescued told informed claims claim sues sue objects object "
    "appeals appeal hires hired over exceed exceeds"
)
#: How many words after the purpose its verb may stand ("so no one in the house misuses").
_REACH = 5


def prevents_harm(stems: tuple[str, ...], end: int) -> bool:
    """Whether the purpose ending at ``end`` (the index after it) names a harm prevented: a
    word follows in its clause and none within reach finds out or gets a due."""
    following = stems[end : end + _REACH]
    if not following or following[0] == CLAUSE_BREAK:
        return False
    for word in following:
        if word == CLAUSE_BREAK:
            break
        if word in _HIDING:
            return False
    return True
