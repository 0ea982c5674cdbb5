"""Abuse handled as content: removed by a moderator, or kept as evidence by the one it targets.

"Remove the harassing comment on post 8812", "delete the abusive replies under her post",
"log the threatening messages my ex sent for my solicitor", "export the threatening DMs into
a PDF for the police": the harassment rules read the harm word, but here it only describes
the content a moderating or record-keeping verb acts on. The reading lowers the finding to a
hint when the harm word names content (it is, or is right before, a message, a comment, a
post) and a handling verb stands just before it. Sending, posting or forwarding such content
is the harm and is not among the verbs; neither is recording (a threat can be recorded for
someone). Content the requester sent ("delete the threatening messages I sent her") is
evidence of their own wrong, and keeps the finding; so does a clause that hides what it does
(the caller does not apply the reading then). Constant time: a fixed window.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT

__all__ = ["abuse_handled"]

Clause = list[tuple[int, str]]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_HANDLING = _set(
    "remove removes delete deletes hide hides report reports flag flags log logs export exports "
    "archive archives preserve preserves screenshot screenshots document documents takedown "
    "compile compiles collect collects gather gathers catalogue catalog catalogs"
)
_CONTENT = _set(
    "message messages comment comments post posts reply replies dm dms email emails text texts "
    "voicemail voicemails tweet tweets review reviews note notes letter letters content"
)
_CONTENT_MASK = BIT["content_item"]
_DETERMINERS = _set("the a an all any every this that these those each her his their my")
_OWN_SENDERS = _set("i we i've we've i'd")
_VERB_REACH = 3


def _names_content(clause: Clause, position: int) -> bool:
    words = clause[position][1].split(" ")
    if len(words) > 1 and words[-1] in _CONTENT:
        return True  # "threatening messages"
    if position + 1 >= len(clause):
        return False
    mask, following = clause[position + 1]
    return following in _CONTENT or bool(mask & _CONTENT_MASK)


def abuse_handled(clause: Clause, position: int) -> bool:
    """Whether the harm word at ``position`` describes content that a moderating or
    record-keeping verb just before it acts on, and that the requester did not send."""
    if not _names_content(clause, position):
        return False
    if any(s in _OWN_SENDERS for _, s in clause[position + 1 : position + 4]):
        return False  # "the threatening messages I sent her": one's own wrong
    for index in range(position - 1, max(-1, position - 1 - _VERB_REACH), -1):
        surface = clause[index][1]
        if surface in _HANDLING or surface.split(" ", 1)[0] in _HANDLING:
            return True
        if surface in _RECEIVED:
            # "she's been getting threatening texts", "he received abusive emails": what
            # reached someone, told as a fact; "so she keeps getting …" is what is wanted
            return index > 0 and clause[index - 1][1] in _TOLD_AS_FACT
        if surface not in _DETERMINERS:
            return False
    return False


_RECEIVED = _set("getting received receiving")
_TOLD_AS_FACT = _set("been has have had she he they i we client's she's he's they've i've we've")
