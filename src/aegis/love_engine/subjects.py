"""A protected attribute as the subject of a question, a measurement or a person's care.

- **A question about outcomes.** "Do women get fewer overtime offers than men?", "how many
  over-50s did we hire this year vs last?", "check whether applicants who mentioned a
  pregnancy were rejected more often": a yes/no question, a count or a check, with a
  comparison. A question asking for a way ("is there a way to pay women less than men") is
  a request for a method, and keeps its finding; so does an imperative ("have the chatbot
  route callers with accents to the slower queue").
- **A measurement broken down.** "Pull the monthly offers by gender", "chart the promotion
  outcomes by gender": a measuring verb opens the clause and "by" stands before the
  attribute. "Price the offers by gender" opens with a decision, and "pull the applicants by
  age and drop the older ones" goes on to one.
- **One relative.** "For my 78-year-old mother": a person the request helps, not a group a
  decision singles out ("mothers of young kids won't manage").

Each check reads the clause once or a fixed number of terms: linear.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT

__all__ = ["asks_about_outcomes", "measured_by", "one_relative"]

_DECISION = BIT["decision"]
_PERSON = BIT["person"]
_JOINERS = frozenset({"and", "then", "also", "so"})
_OBJECT_END = BIT["object_end"]
_NEGATOR = BIT["negator"]
#: People as the subject of a question ("do tenants whose ... get rejected more?"), though
#: the word also names a decision's subjects.
_PEOPLE = BIT["person"] | BIT["someone_else"]


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
    if opening in _QUESTION_STARTS:
        return True
    if opening.split(" ", 1)[0] in _QUESTION_OPENINGS:
        # a question has a subject next; "do not hire more women than men" and "do hire
        # fewer women" are orders
        following = clause[1][0] if len(clause) > 1 else 0
        if " " in opening or following & _NEGATOR:
            return False
        return bool(following & _PEOPLE) or not following & _DECISION
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
    return all(
        surface not in _JOINERS and not mask & _OBJECT_END
        for mask, surface in clause[position + 1 :]
    )


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
