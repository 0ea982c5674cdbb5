"""Readings of a control's switching off that is routine, scoped or protective work.

The tampering rules fire on a disabling verb whose object is a control. Most such requests
are tampering, but four kinds share the words and are the honest work of running systems:

- *data removed on a retention schedule or captured in error*: "delete the Wi-Fi analytics
  logs after 24 hours", "delete the clip that was recorded by mistake" (a stated period after
  which data goes, or a recording that should not exist, is minimisation, not a control
  switched off; audit, security and evidence records are never read this way);
- *a pause bounded in time and watched*: "silence the smoke detector for 10 minutes ..., with
  the fire marshal present", "exempt Maria from 2FA for one login ..., ticket HD-9921" (a
  duration of minutes or hours, at most a day, in digits or words, and a safeguard, both
  stated in the text: a permit, a change ticket, someone present or watching, a backup left
  live);
- *a harmful thing switched off*: "kill the zombie processes", "remove every third-party
  tracker", "shut down the model that's giving unsafe answers" (the verb's object is named
  harmful before any control is);
- *one's own privilege given up*: "remove my second-approver role now the pilot is over"
  (least privilege: the requester's own role or rights, not a control over others);
- *a page edited*: "edit page", "rewrite the product page" ("page" is also the stem of
  "paging", an alerting control; a page edited is a document, not the alarm).

Each reading only lowers the finding to a hint, so the learned model still reads the whole
action; the caller applies none of them to a clause that hides what it does or switches a
control off for good. Each reads a bounded window of terms: linear in the clause.
"""

from __future__ import annotations

from collections.abc import Callable

import re2

from aegis.love_engine.rulebook import BIT

__all__ = [
    "DEFENCE_NOUNS",
    "harmful_thing_off",
    "lowered_control",
    "own_role_dropped",
    "page_edited",
    "retention_schedule",
    "text_safeguarded",
]

Clause = list[tuple[int, str]]


def _set(words: str) -> frozenset[str]:
    """A word list written as one string: a catalogue reads as data."""
    return frozenset(words.split())


_CONTROL = BIT["safety_control"] | BIT["strong_control"]
_NUMBER = re2.compile(r"^\d{1,4}$")
_WORD_NUMBERS = frozenset({"one", "two", "three", "five", "seven", "ten", "thirty", "ninety"})

# -- retention --------------------------------------------------------------------------------
_REMOVING = frozenset(
    {"delete", "deletes", "remove", "removes", "purge", "purges", "erase", "erases", "wipe"}
)
_PERIOD_UNITS = frozenset(
    {"hour", "hours", "h", "day", "days", "d", "week", "weeks", "month", "months", "year", "years"}
)
_PERIOD_LEADS = frozenset({"after", "within"})
_IN_ERROR = frozenset({("by", "mistake"), ("in", "error"), ("by", "accident")})
#: Participles that say how the thing removed came to be ("recorded by mistake"); "keep
#: pressing it by accident" says how a control is used, and is no such reading.
_CAPTURED = frozenset({"made", "sent", "taken", "shot", "kept", "given"})
_PERIOD_FILLERS = frozenset({"the", "a", "its", "stated", "agreed", "first"})
#: Records whose removal is tampering whatever the schedule: they are what an audit reads.
_KEPT_RECORDS = frozenset(
    {"audit", "security", "access", "evidence", "incident", "cloudtrail", "siem", "compliance"}
)

# -- bounded, watched pauses ------------------------------------------------------------------
_SHORT_UNITS = frozenset({"min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours"})
_HYPHENED = re2.compile(r"^([a-z]+|\d{1,3})-(minute|min|hour|hr)s?$")
#: Small amounts written as words ("for two hours", "the two-hour hot works").
_WORD_VALUES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "eight": 8,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "ninety": 90,
}
_BOUNDED_PHRASES = (("tonight", "only"), ("one", "login"), ("single", "login"), ("single", "use"))
_SAFEGUARDS = _set(
    "permit present watching patrolling supervised verified warden wardens marshal "
    "witness witnessed watch"
)
_STILL_LIVE = frozenset({"stays", "remains", "stay", "remain"})
_TICKET = re2.compile(r"^[a-z]{2,5}-\d{3,}$")

# -- harmful things ---------------------------------------------------------------------------
#: Harmful things, and what a test or a crash leaves behind.
_HARMFUL = _set(
    "zombie runaway orphaned malware backdoor backdoors phishing compromised "
    "hijacked rogue tracker trackers cryptominer botnet leaked leaking unsafe "
    "third-party scratch throwaway leftover dummy"
)
#: Nouns that make a harmful word the name of a defence ("the malware scanner").
DEFENCE_NOUNS = _set(
    "scanner scan scanning detection detector filter filters protection blocker "
    "blocking alert alerts check checks training rules rule policy monitoring "
    "review"
)
_OBJECT_REACH = 8


def _words(clause: Clause, start: int, end: int) -> list[str]:
    out: list[str] = []
    for _, surface in clause[max(0, start) : min(len(clause), end)]:
        out.extend(surface.split(" "))
    return out


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word)) or word in _WORD_NUMBERS


def _participle(word: str) -> bool:
    return word in _CAPTURED or (len(word) > 4 and word.endswith("ed"))


def retention_schedule(clause: Clause, position: int) -> bool:
    """Whether the removing verb at ``position`` acts on a stated period ("after 24 hours",
    "within the stated 35 days") or on what was captured in error ("recorded by mistake"),
    and the clause names no audit or security record."""
    if clause[position][1].split(" ", 1)[0] not in _REMOVING:
        return False
    words = _words(clause, 0, len(clause))
    if not _KEPT_RECORDS.isdisjoint(words):
        return False
    after = _words(clause, position + 1, len(clause))
    for index, word in enumerate(after):
        pair = (word, after[index + 1] if index + 1 < len(after) else "")
        if pair in _IN_ERROR and index and _participle(after[index - 1]):
            return True
        if word not in _PERIOD_LEADS:
            continue
        rest = after[index + 1 : index + 5]
        while rest and rest[0] in _PERIOD_FILLERS:
            rest = rest[1:]
        if len(rest) >= 2 and _is_number(rest[0]) and rest[1] in _PERIOD_UNITS:
            return True
    return False


def _amount(word: str) -> int | None:
    """The value of a small amount written in digits or as a word, else ``None``."""
    if _NUMBER.match(word):
        return int(word)
    return _WORD_VALUES.get(word)


def _bounded(clause: Clause) -> bool:
    """A duration of minutes or hours (at most a day) or a one-off named in the clause;
    the amount in digits or as a word ("two-hour", "for two hours")."""
    words = _words(clause, 0, len(clause))
    for index, word in enumerate(words):
        hyphened = _HYPHENED.match(word)
        amount = _amount(hyphened.group(1)) if hyphened else None
        if amount is not None and amount <= 24 * (60 if "min" in word else 1):
            return True
        if index + 1 < len(words) and (word, words[index + 1]) in _BOUNDED_PHRASES:
            return True
        amount = _amount(word)
        if amount is not None and index + 1 < len(words) and words[index + 1] in _SHORT_UNITS:
            minutes = words[index + 1].startswith("m")
            return amount <= (24 * 60 if minutes else 24)
    return False


def text_safeguarded(clauses: list[Clause]) -> bool:
    """Whether the text states a pause bounded in time and a safeguard for it: a permit or
    change ticket, someone present or watching, a backup that stays live. Read once per
    text; the two may stand in different sentences ("Put the interlock in bypass for 40
    minutes. Permit PTW-8812 signed ...")."""
    if not any(_bounded(clause) for clause in clauses):
        return False
    for clause in clauses:
        words = _words(clause, 0, len(clause))
        for index, word in enumerate(words):
            if word in _SAFEGUARDS or _TICKET.match(word):
                return True
            if word == "live" and index and words[index - 1] in _STILL_LIVE:
                return True
            if word == "site" and index and words[index - 1] == "on":
                return True
    return False


def harmful_thing_off(clause: Clause, position: int) -> bool:
    """Whether the verb's object, before any control it names, is a harmful thing ("the
    zombie processes", "every third-party tracker") that is no defence's name."""
    for index in range(position + 1, min(len(clause), position + 1 + _OBJECT_REACH)):
        mask, surface = clause[index]
        if mask & _CONTROL:
            return False
        words = surface.split(" ")
        for offset, word in enumerate(words):
            if word not in _HARMFUL:
                continue
            following = words[offset + 1 : offset + 2] or _words(clause, index + 1, index + 2)
            if following and following[0] in DEFENCE_NOUNS:
                return False
            # "the zombie watchdog": the harm word modifies the control that follows
            return not (index + 1 < len(clause) and clause[index + 1][0] & _CONTROL)
    return False


_OWNERS = frozenset({"my", "our"})
_ROLES = _set("role roles permission permissions rights privilege privileges membership")
_ROLE_REACH = 3


def own_role_dropped(clause: Clause, position: int) -> bool:
    """Whether a removing verb gives up the requester's own role or rights ("remove my
    second-approver role"): "my" right after the verb, a role word within a few words."""
    words = _words(clause, position + 1, position + 2 + _ROLE_REACH)
    if clause[position][1].split(" ", 1)[0] not in _REMOVING or not words:
        return False
    return words[0] in _OWNERS and not _ROLES.isdisjoint(words[1 : 1 + _ROLE_REACH])


_EDITING = frozenset({"edit", "edits", "rewrite", "rewrites", "modify", "modifies"})
_PAGES = frozenset({"page", "pages"})


def page_edited(clause: Clause, position: int) -> bool:
    """Whether an editing verb's only control within its reach is a page ("edit page",
    "rewrite the product page"): a document, not the paging alert."""
    if clause[position][1] not in _EDITING:
        return False
    pages = False
    for mask, surface in clause[position + 1 : position + 1 + _OBJECT_REACH]:
        if mask & _CONTROL:
            if surface not in _PAGES:
                return False
            pages = True
    return pages


def lowered_control(clause: Clause, position: int, safeguarded: Callable[[], bool]) -> bool:
    """Whether the control switched off at ``position`` is one of the kinds of honest
    work above (see the module's reading): the finding is then a hint. ``safeguarded``
    (called at most once per text): whether the text states a bounded pause and its
    safeguard (:func:`text_safeguarded`)."""
    if (
        harmful_thing_off(clause, position)
        or retention_schedule(clause, position)
        or page_edited(clause, position)
        or own_role_dropped(clause, position)
    ):
        return True
    first = clause[position][1].split(" ", 1)[0]
    return first not in _REMOVING and safeguarded()
