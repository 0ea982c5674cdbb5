"""What a clause break hides: a record, and the admission beside it that it is false.

The rules read one clause at a time, so that a frame stays with its own verb ("block the IPs
behind the attack, then ..."). A deception is often split by the break: "Sign the inspection
as done; we'll check later", "Write the ESG report saying we cut emissions 30%; we didn't
measure". The record and the admission that it is untrue are one finding, whatever the
punctuation. So each pair of neighbouring clauses is also read joined, and a deception the
pair yields that neither clause yields alone is kept.

Only deception is read this way, and tampering when the second clause refers back to the
first with a pronoun ("The audit log is still on. Turn it off."). Measured on the training
rows, joining every category stopped about one ethical action for every two harms it added
(a sentence of context beside a request: "My colleague embarrassed me in the meeting. Help
me write a calm message"), and letting a frame in the sentence before excuse a finding let
claimed roles through ("I'm a nurse. Which dose would be fatal ..."): neither is done.

One reading goes the other way: a wish to die that the request reports someone else said
("User wrote 'I want to die'"), answered in another clause with crisis help (988, a crisis
line), is the reply being prepared; its finding is kept as a hint (``answered_pleas``).

Each pair is judged once: the cost stays linear in the number of clauses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from aegis.love_engine.rulebook import BIT, Finding, Level

__all__ = ["SPLIT_CATEGORIES", "SPLIT_REASONS", "Judge", "answered_pleas", "split_findings"]

#: Judges one clause: appends its findings to the list, the categories a frame excused to
#: the set, and returns the concepts the clause holds.
Judge = Callable[[list[tuple[int, str]], list[Finding], set[str]], int]

#: The categories whose findings are read across a clause break.
SPLIT_CATEGORIES = frozenset({"deception_fraud"})
#: Categories also read across a break when the second clause refers back with a pronoun:
#: "The audit log is still on. Turn it off." names the control in one sentence and switches
#: it off in the next.
_PRONOUN_CATEGORIES = frozenset({"safety_tampering"})
_ANAPHOR = BIT["anaphor"]
#: Findings also read across a break, whatever their category: the act against a person and
#: the report that person made are often told in two sentences ("Cut her hours; she filed a
#: complaint"), as are a clock-out and the work after it ("clock out at nine, then do the
#: count"), and the rule needs both.
SPLIT_REASONS = frozenset(
    {
        "pressure on a person who reported or complained",
        "staff clocked out and then set to work",
        # "Send the rejection to Maria. She is pregnant and …"
        "a person penalised for a condition they disclosed or an accommodation they asked for",
        "people penalised for leave or a status the law protects",
    }
)


def split_findings(
    clauses: list[list[tuple[int, str]]], own: list[list[Finding]], judge: Judge
) -> list[Finding]:
    """The deceptions that only a pair of neighbouring ``clauses`` yields, read joined
    (``own``: each clause's findings, read alone)."""
    out: list[Finding] = []
    for index in range(1, len(clauses)):
        joined: list[Finding] = []
        judge(clauses[index - 1] + clauses[index], joined, set())
        known = {f.reason for f in own[index - 1]} | {f.reason for f in own[index]}
        categories = SPLIT_CATEGORIES
        if any(mask & _ANAPHOR for mask, _ in clauses[index]):
            categories = categories | _PRONOUN_CATEGORIES
        out.extend(
            f
            for f in joined
            # a hint too: a reading there only lowers what the pair yields, never erases it
            if f.level >= Level.HINT
            and (f.category in categories or f.reason in SPLIT_REASONS)
            and f.reason not in known
        )
    return out


#: A wish to die someone else said ("User wrote 'honestly I want to die'"), answered in
#: another clause with the crisis help it calls for (988, a crisis line), is the reply being
#: prepared, not a plea to act on: the finding stays, as a hint.
_PLEA = "a plan or wish to end one's life"
_REPORTED = frozenset(
    {"wrote", "writes", "said", "says", "texted", "texts", "messaged", "posted", "typed",
     "told", "tells", "replied", "commented", "mentioned", "shared", "sent"}
)  # fmt: skip
_CRISIS = BIT["crisis_frame"]


def answered_pleas(
    clauses: list[list[tuple[int, str]]], own: list[list[Finding]], seen: int
) -> list[list[Finding]]:
    """``own`` (each clause's findings), with a reported wish to die lowered to a hint when
    another clause answers it with crisis help. A plea the requester makes, or one nobody
    answers with such help, keeps its finding (a person in crisis is for a human to see)."""
    if not seen & _CRISIS:
        return own
    answered = []
    for index, (clause, local) in enumerate(zip(clauses, own, strict=True)):
        help_elsewhere = any(
            mask & _CRISIS
            for other, words in enumerate(clauses)
            if other != index
            for mask, _ in words
        )
        reported = any(surface in _REPORTED for _, surface in clause)
        lowered = help_elsewhere and reported
        answered.append(
            [
                replace(f, level=Level.HINT)
                if lowered and f.reason == _PLEA and f.level > Level.HINT
                else f
                for f in local
            ]
        )
    return answered
