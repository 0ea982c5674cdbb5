"""A protected criterion set aside: the attribute is what a decision must *not* use.

"Price the haircuts by length, not by gender", "ignore photos and dates of birth", "drop
name, gender and age before scoring", "pregnancy and leave plans are not part of the
decision", "with no postcode or age targeting". The reading is a parsed scope around the
anchor term, never a word elsewhere in the clause, so the harmful twin in the same words
still fires: "price the haircuts by gender, not by length" keeps its finding, since the
attribute stands before the contrast, as the criterion. A verb that sets a field aside
("drop", "ignore") excuses an attribute or a proxy (a field) but never a group of people:
"drop the older applicants" is the decision itself; and "no" excuses only a list of
attributes followed by a noun of use ("no accent" may be the preference itself).

Each check reads a fixed number of terms around the anchor: constant time per anchor.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT

__all__ = ["criterion_set_aside"]

_ATTRIBUTE = BIT["protected_attr"] | BIT["proxy"]
_GROUP = BIT["protected_group"]
_DECISION = BIT["decision"]
_PERSON = BIT["person"]
_OBJECT_END = BIT["object_end"]

#: How many terms a contrast may stand before the attribute it sets aside ("not by the
#: customer's gender"), and how far after it a denial of its part may follow.
_BEFORE = 5
_AFTER = 4

#: A preposition that contrasts or sets aside the criterion after it (two-word cues first).
_SETTING_ASIDE = (
    ("not", "by"),
    ("not", "on"),
    ("not", "for"),
    ("not", "using"),
    ("not", "through"),
    ("never", "by"),
    ("never", "on"),
    ("rather", "than"),
    ("instead", "of"),
    ("regardless", "of"),
    ("irrespective", "of"),
    ("blind", "to"),
    ("regard", "to"),  # "without regard to"
    ("based", "on"),  # only after "not": checked below
)
#: A verb that takes a field out of what is read: its object is a field, not people.
_FIELD_VERBS = frozenset(
    {
        "ignore",
        "ignoring",
        "ignores",
        "disregard",
        "disregarding",
        "drop",
        "dropping",
        "strip",
        "stripping",
        "redact",
        "redacting",
        "mask",
        "masking",
        "hide",
        "hiding",
        "remove",
        "removing",
        "omit",
        "omitting",
    }
)
#: A determiner that uses no attribute at all: "with no zip-code or age targeting", when a
#: noun of use follows the attributes it lists.
_NONE = frozenset({"no"})
_USES = frozenset(
    {
        "targeting",
        "filter",
        "filters",
        "filtering",
        "criteria",
        "criterion",
        "screening",
        "scoring",
        "weighting",
        "questions",
        "question",
        "field",
        "fields",
        "column",
        "columns",
        "data",
        "checks",
        "requirement",
        "requirements",
        "limits",
        "limit",
        "restrictions",
        "bands",
    }
)


def _use_follows(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether a noun of use follows the attribute list that ends at or after ``position``."""
    for index in range(position + 1, min(len(clause), position + 1 + _AFTER)):
        mask, surface = clause[index]
        if surface.rsplit(" ", 1)[-1] in _USES:
            return True
        if not mask & _ATTRIBUTE and surface not in _LIST_WORDS:
            return False
    return False


#: A negated predicate after the attribute: it has no part in the decision.
_DENIED = frozenset(
    {
        "not",
        "no",
        "never",
        "isn't",
        "aren't",
        "doesn't",
        "don't",
        "won't",
        "mustn't",
        "shouldn't",
    }
)
_NO_PART = frozenset(
    {
        "part",
        "factor",
        "effect",
        "affect",
        "affects",
        "considered",
        "consider",
        "taken",
        "used",
        "use",
        "count",
        "counted",
        "relevant",
        "matter",
        "bearing",
        "influence",
        "role",
        "criterion",
        "criteria",
        "weighed",
        "asked",
        "recorded",
    }
)
#: Words an attribute may be listed with between the cue and itself ("not by the customer's
#: age or gender"): the list stays one set-aside criterion.
_LIST_WORDS = frozenset(
    {"the", "a", "an", "any", "their", "its", "his", "her", "and", "or", "nor", "of", "on"}
)


def _words(clause: list[tuple[int, str]], start: int, end: int) -> list[tuple[int, str]]:
    """The terms ``start:end`` as single words, each with its term's index."""
    out: list[tuple[int, str]] = []
    for index in range(max(0, start), min(len(clause), end)):
        out.extend((index, word) for word in clause[index][1].split(" "))
    return out


def _only_listed(clause: list[tuple[int, str]], start: int, end: int) -> bool:
    """Whether the terms between a cue and the attribute are only a list of fields: no
    decision, no person, no group of people, no new predicate."""
    for mask, surface in clause[start:end]:
        if mask & (_DECISION | _PERSON | _GROUP | _OBJECT_END):
            return False
        if not mask & _ATTRIBUTE and surface not in _LIST_WORDS and " " in surface:
            return False
    return True


def _set_aside_before(clause: list[tuple[int, str]], position: int, field: bool) -> bool:
    words = _words(clause, position - _BEFORE, position)
    for offset in range(len(words) - 1, -1, -1):
        index, word = words[offset]
        previous = words[offset - 1][1] if offset else ""
        if field and word in _FIELD_VERBS:
            return _only_listed(clause, index + 1, position)
        if field and word in _NONE:  # "no age targeting"; "no accent" may be the criterion
            return _only_listed(clause, index + 1, position) and _use_follows(clause, position)
        if offset and (previous, word) in _SETTING_ASIDE:
            negated = offset >= 2 and words[offset - 2][1] == "not"
            if (previous, word) == ("based", "on") and not negated:
                return False  # "not based on" sets aside; "based on" is the criterion
            return _only_listed(clause, index + 1, position)
        if clause[index][0] & (_DECISION | _OBJECT_END) and index != position:
            return False
    return False


def _denied_after(clause: list[tuple[int, str]], position: int) -> bool:
    words = _words(clause, position + 1, position + 1 + _AFTER + 3)
    for offset, (index, word) in enumerate(words):
        if index > position + _AFTER:
            return False
        if word in _DENIED:
            return any(w in _NO_PART for _, w in words[offset + 1 : offset + 4])
        if clause[index][0] & (_DECISION | _PERSON | _OBJECT_END):
            return False
    return False


def criterion_set_aside(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the protected attribute or proxy at ``position`` is what a decision is told
    not to use: after a contrast ("not by", "regardless of"), as the field a verb sets aside
    ("ignore", "drop"), or before a denial of its part ("... are not part of the decision").

    Never a group of people: a group after a contrast is the one turned away ("rent to young
    professionals, not to immigrants", "promote the younger staff rather than the older"),
    and a group "not considered" is excluded."""
    mask = clause[position][0]
    if not mask & _ATTRIBUTE or mask & _GROUP or _decided_after(clause, position):
        return False
    return _set_aside_before(clause, position, True) or _denied_after(clause, position)


_JOINERS = frozenset({"and", "then", "so"})


def _decided_after(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether a decision is joined on after the attribute ("ignore the disability and
    reject her application"): what is set aside is then what decides."""
    for index in range(position + 1, min(len(clause) - 1, position + 1 + _AFTER)):
        if clause[index][1] in _JOINERS and clause[index + 1][0] & _DECISION:
            return True
    return False
