"""Readings that take a harm word's role away where it stands: a criterion set aside, an event
watched for. Each is a parsed scope around one anchor term, never a word elsewhere in the
clause, so the harmful twin written in the same words still fires.

- **A criterion set aside.** "Price the haircuts by length, not by gender", "ignore photos and
  dates of birth", "drop name, gender and age before scoring", "pregnancy and leave plans are
  not part of the decision": the protected attribute is what the decision must *not* use.
  "Price the haircuts by gender, not by length" keeps its finding: the attribute stands
  before the contrast, as the criterion. A verb that sets a field aside ("drop", "ignore")
  excuses an attribute or a proxy (a field) but never a group of people: "drop the older
  applicants" is the decision itself.
- **An event watched for.** "Set up an alert when someone disables an alert rule", "page
  on-call if the ingestion rate drops to zero": the harm is the condition a monitor waits
  for, in a clause opened by "when" / "if" after a verb that alerts, logs or notifies.
  "When the auditor leaves, disable the audit log" has no monitor before the condition, and
  keeps its finding.

Each check reads a fixed number of terms around the anchor: constant time per anchor.
"""

from __future__ import annotations

from aegis.love_engine.orders import reported
from aegis.love_engine.rulebook import BIT

__all__ = [
    "asks_about_outcomes",
    "criterion_set_aside",
    "measured_by",
    "one_relative",
    "watched_event",
]

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
    """Whether the protected attribute, group or proxy at ``position`` is what a decision is
    told not to use: after a contrast ("not by", "regardless of"), as the field a verb sets
    aside ("ignore", "drop"; an attribute only), or before a denial of its part ("... are not
    part of the decision")."""
    mask = clause[position][0]
    field = bool(mask & _ATTRIBUTE) and not mask & _GROUP
    return _set_aside_before(clause, position, field) or _denied_after(clause, position)


#: A verb that watches for an event and tells someone: its condition clause is what it waits
#: for, not what the request does.
_MONITOR_VERBS = frozenset(
    {
        "alert",
        "alerts",
        "alerting",
        "alarm",
        "notify",
        "notifies",
        "page",
        "pages",
        "warn",
        "warns",
        "email",
        "sms",
        "text",
        "message",
        "log",
        "logs",
        "flag",
        "flags",
        "report",
        "reports",
        "ticket",
        "escalate",
        "trigger",
        "triggers",
        "fire",
        "fires",
        "notification",
    }
)
_CONDITIONS = frozenset({"when", "whenever", "if"})
_JOINERS = frozenset({"and", "then", "also", "so"})
#: How far before the condition its monitor may stand, and how many terms the condition's
#: subject may take before the harm verb.
_MONITOR_REACH = 8
_SUBJECT_REACH = 6


_EACH = frozenset({"every", "each", "any", "all"})


def _each_event_watched(clause: list[tuple[int, str]], position: int) -> bool:
    """ "Log every override of the dose limit": the harm word is a noun after a quantifier,
    the events a monitoring verb a few terms before records."""
    if not position or clause[position - 1][1] not in _EACH:
        return False
    before = _words(clause, position - 4, position - 1)
    return any(w in _MONITOR_VERBS for _, w in before)


def watched_event(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the harm verb at ``position`` is the condition a monitor waits for: "when" /
    "if" a few terms before it, and an alerting, logging or notifying verb before that."""
    if _each_event_watched(clause, position):
        return True
    if not reported(clause, position):
        return False
    words = _words(clause, position - _SUBJECT_REACH, position)
    for offset in range(len(words) - 1, -1, -1):
        index, word = words[offset]
        if word in _JOINERS:
            return False  # "when done and disable ...": a second order, not the condition
        if word in _CONDITIONS:
            before = _words(clause, index - _MONITOR_REACH, index)
            return any(w in _MONITOR_VERBS for _, w in before)
        if clause[index][0] & _DECISION:
            return False
    return False


#: How a question about outcomes opens: a yes/no question about what happens, or a count.
_QUESTION_OPENINGS = frozenset(
    {"do", "does", "did", "are", "is", "were", "was", "how many", "how much"}
)
_QUESTION_STARTS = frozenset({"how many", "how much", "how often", "what share", "what share of"})
#: A comparison of outcomes between groups.
_COMPARATIVES = frozenset(
    {
        "fewer",
        "more",
        "less",
        "slower",
        "faster",
        "higher",
        "lower",
        "than",
        "vs",
        "versus",
        "compared",
        "likelier",
        "disproportionately",
        "often",
    }
)
#: A question that asks for a way to do it, not what happened: a request for a method.
_METHOD_WORDS = frozenset(
    {"way", "ways", "can", "could", "should", "without", "how", "so", "get away", "trick"}
)
_CHECKS = frozenset({"whether", "check whether", "see whether", "find out whether"})


def asks_about_outcomes(clause: list[tuple[int, str]]) -> bool:
    """Whether the clause asks how a decision fell for a group, compared with others: a
    yes/no question or a count ("do women get fewer overtime offers than men", "how many
    over-50s did we hire this year vs last"), or a check ("check whether applicants who
    mentioned a pregnancy were rejected more often"). A question that asks for a way ("is
    there a way to pay women less than men") is a request for a method, and is not one."""
    if not clause:
        return False
    words = [word for _, surface in clause for word in surface.split(" ")]
    if not _COMPARATIVES.intersection(words) or _METHOD_WORDS.intersection(words[1:]):
        return False
    opening = clause[0][1]
    if opening in _QUESTION_STARTS or opening.split(" ", 1)[0] in _QUESTION_OPENINGS:
        return True
    return any(surface in _CHECKS for _, surface in clause)


#: A verb that measures outcomes rather than deciding them: its "by" names a breakdown.
_MEASURING = frozenset(
    {
        "pull",
        "chart",
        "plot",
        "tabulate",
        "break down",
        "count",
        "compare",
        "summarise",
        "summarize",
        "graph",
        "aggregate",
        "analyse",
        "analyze",
        "measure",
        "report",
    }
)
_BREAKDOWN = frozenset({"by", "per", "across", "split by", "broken down by", "for each"})
_LEADS = frozenset({"please", "and", "also", "now", "then"})


def measured_by(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the attribute at ``position`` is the breakdown of a measurement ("pull the
    monthly offers by gender", "compare promotion rates across age bands"): the clause opens
    with a measuring verb and "by" stands right before the attribute. "Price the offers by
    gender" opens with a decision."""
    start = 0
    while start < position and clause[start][1] in _LEADS:
        start += 1
    opening = clause[start][1]
    if opening not in _MEASURING and opening.split(" ", 1)[0] not in _MEASURING:
        return False
    if not (position > start and clause[position - 1][1] in _BREAKDOWN):
        return False
    # "... by age band and drop the over-30s": a second predicate decides
    return all(surface not in _JOINERS for _, surface in clause[position + 1 :])


#: Kin named one at a time: "my mother" is a person the request helps, not a group a
#: decision singles out ("mothers of young kids won't manage" is).
_KIN = frozenset(
    {
        "mother",
        "mum",
        "mom",
        "father",
        "dad",
        "grandmother",
        "grandfather",
        "gran",
        "nan",
        "grandma",
        "grandpa",
        "wife",
        "husband",
        "sister",
        "brother",
        "daughter",
        "son",
        "aunt",
        "uncle",
        "partner",
    }
)
_KIN_REACH = 3


def one_relative(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the group word at ``position`` names one relative of the requester ("for my
    78-year-old mother"): a kin word with "my" a few terms before it and no decision between."""
    if clause[position][1] not in _KIN:
        return False
    for index in range(position - 1, max(-1, position - 1 - _KIN_REACH), -1):
        mask, surface = clause[index]
        if "my" in surface.split(" "):  # "my", or a phrase ending in it ("for my")
            return True
        if mask & (_DECISION | _PERSON):
            return False
    return False
