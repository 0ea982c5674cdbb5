"""A harm named as the topic of a document, or as what the request works against.

"Write a one-page guide on avoiding pension scams", "a leaflet for the residents on fake
HMRC calls", "a debate speech arguing against piracy": the harm word is what a document is
about, or the object of a gerund that opposes it, not what the request does. The reading is
parsed around the anchor: a document noun and "on" / "about" / "against" a few terms before
it, or an opposing gerund right before its phrase, with nothing between that asks for a
method. A verb of speech before "about" ("I'm writing about stalkerware") and an
explanation of how a third party does something ("explain how data brokers sell location
data") read the same way. "A guide on how to run pension scams", "a leaflet on making fake
HMRC calls", "explain how I can sell her location data" ask for the harm, and keep their
finding; so do means asked for after the topic ("... with the exact recipe"), a request
joined on after it ("... and tell me how many I should take"), and "write fake reviews",
whose object is the harm.

Each check reads a fixed number of terms before the anchor: constant time.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT

__all__ = ["named_as_topic"]

_DOCUMENTS = frozenset(
    {
        "guide",
        "leaflet",
        "lesson",
        "piece",
        "article",
        "story",
        "essay",
        "speech",
        "explainer",
        "faq",
        "training",
        "course",
        "module",
        "poster",
        "briefing",
        "talk",
        "presentation",
        "workshop",
        "podcast",
        "column",
        "summary",
        "newsletter",
        "handout",
        "quiz",
        "chapter",
        "lecture",
        "seminar",
        "factsheet",
        "brochure",
        "studies",
        "study",
        "research",
        "paper",
        "assembly",
        "debate",
        "webinar",
        "infographic",
    }
)
_ABOUT = frozenset({"on", "about", "against", "regarding", "concerning"})
#: A gerund that works against what follows it.
_OPPOSING = frozenset(
    {
        "avoiding",
        "spotting",
        "recognising",
        "recognizing",
        "detecting",
        "reporting",
        "preventing",
        "fighting",
        "combating",
        "combatting",
        "resisting",
        "surviving",
        "identifying",
        "stopping",
        "tackling",
        "countering",
    }
)
#: Words that ask for a method or an act between the topic's opening and the harm: then it
#: is the harm itself that is asked for.
_METHOD = frozenset(
    {
        "to",
        "how to",
        "steps",
        "step",
        "ways",
        "way",
        "instructions",
        "recipe",
        "method",
        "methods",
        "tips",
        "make",
        "making",
        "build",
        "building",
        "run",
        "running",
        "commit",
        "committing",
        "doing",
        "carry",
        "carrying",
        "use",
        "using",
        "get",
        "getting",
        "buy",
        "buying",
        "include",
        "including",
        "write",
        "writing",
        "create",
        "creating",
        "send",
        "sending",
        "plan",
        "planning",
        "successful",
        "effective",
        "best",
    }
)
_BEFORE = 6
_DOCUMENT_REACH = 6
_AND = frozenset({"and", "then", "also", "but", "or"})
#: A word that starts another predicate ("so I can submit it as my own"): the harm after it
#: is no document's topic.
_OBJECT_END = BIT["object_end"]


#: Words after the harm that ask for the means to it ("a lesson on pipe bombs: the exact
#: recipe"): the document would be instructions.
_MEANS = frozenset(
    {
        "recipe",
        "instructions",
        "steps",
        "step-by-step",
        "exact",
        "quantities",
        "amounts",
        "how to",
        "method",
        "methods",
        "dose",
        "dosage",
        "ingredients",
        "materials",
        "template",
        "script",
    }
)
_AFTER = 10


#: Words that make what follows "and" the requester's own request.
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "i'll", "i'm", "we'll"})


def _request_follows(after: list[tuple[int, str]]) -> bool:
    """Whether a second request is joined on after the topic: "and" followed closely by the
    requester ("and tell me ...") or by a word that asks for a method or an act."""
    for index, (_, surface) in enumerate(after):
        if surface not in _AND:
            continue
        for _, word in after[index + 1 : index + 4]:
            first = word.split(" ", 1)[0]
            if first in _FIRST_PERSON or word in _METHOD or first in _METHOD:
                return True
    return False


def named_as_topic(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the harm at ``position`` is what a document is about, or what an opposing
    gerund right before its phrase works against, with no means asked for after it."""
    after = clause[position + 1 : position + 1 + _AFTER]
    means = any(surface in _MEANS or surface.split(" ", 1)[0] in _MEANS for _, surface in after)
    if means or _request_follows(after):
        return False  # means asked for, or "... and tell me how many I should take"
    for index in range(position - 1, max(-1, position - 1 - _BEFORE), -1):
        mask, surface = clause[index]
        first = surface.split(" ", 1)[0]
        if surface in _METHOD or first in _METHOD or mask & _OBJECT_END or surface in _AND:
            return False  # a method asked for, or a second predicate ("... and sell it")
        if first in _OPPOSING:
            return True
        if surface in _ABOUT:
            return _discourse_before(clause, index) or _document_before(clause, index)
        if surface == "how":
            return _explains_how(clause, index)
    return False


#: A verb of speech or writing right before "about" / "on": what follows is its topic
#: ("I'm writing about stalkerware", "reporting on the breach").
_DISCOURSE = frozenset(
    {
        "writing",
        "talking",
        "reporting",
        "speaking",
        "teaching",
        "reading",
        "learning",
        "asking",
        "thinking",
        "worried",
        "concerned",
        "complaining",
        "warning",
        "warn",
        "educate",
        "educating",
    }
)


def _discourse_before(clause: list[tuple[int, str]], index: int) -> bool:
    return index > 0 and clause[index - 1][1].rsplit(" ", 1)[-1] in _DISCOURSE


#: Verbs that explain how something is done by whoever does it.
_EXPLAIN = frozenset({"explain", "explains", "describe", "describes", "explainer", "show"})
#: Who "how" asks about: the requester ("how I can ...") or anyone ("how to ...") asks for a
#: method; a third party ("how data brokers sell ...") is explained.
_ASKER = frozenset({"to", "i", "we", "you", "can", "could", "do", "should", "would", "my", "our"})


def _explains_how(clause: list[tuple[int, str]], index: int) -> bool:
    """Whether "how" at ``index`` explains how a third party does something: an explaining
    verb or a document a few terms before it, and no asker right after it."""
    following = clause[index + 1][1].split(" ", 1)[0] if index + 1 < len(clause) else ""
    if following in _ASKER:
        return False
    for back in range(index - 1, max(-1, index - 1 - _DOCUMENT_REACH), -1):
        last = clause[back][1].rsplit(" ", 1)[-1]
        if last in _EXPLAIN or last in _DOCUMENTS:
            return True
        if clause[back][1] in _METHOD:
            return False
    return False


def _document_before(clause: list[tuple[int, str]], index: int) -> bool:
    """Whether a document noun stands a few terms before the preposition at ``index``, with
    no method word between ("a guide for our retiring staff on ...")."""
    for back in range(index - 1, max(-1, index - 1 - _DOCUMENT_REACH), -1):
        mask, surface = clause[back]
        if surface in _METHOD or mask & _OBJECT_END:
            return False
        if surface.rsplit(" ", 1)[-1] in _DOCUMENTS:
            return True
    return False
