"""Whether a harm verb is an order: a negated imperative forbids it, a report describes it.

- **Forbidden where it stands.** "Open a performance ticket, don't bypass it": "don't", "do
  not" or "never" right before the harm verb forbids that verb, wherever the clause starts
  (a clause that *opens* with a negator is read in :mod:`aegis.love_engine.rules`). A word
  between them breaks the scope ("don't just log it, disable the audit log" is read from
  "disable"), and only the verb right after the negator is forbidden: "don't want gay
  candidates" forbids "want", and the group after it is still the finding.
- **A fault reported or diagnosed.** "The stair-lift keeps stopping halfway", "why is our
  audit log service dropping events?", "test that the kill switch halts orders": the verb
  says what a thing does (inflected: "stops", "is dropping", "keeps stopping"), asked about
  or checked, not what the request orders. "Make the audit log keep dropping events" and
  "why not disable the audit log?" are orders.
- **An event watched for.** "Set up an alert when someone disables an alert rule", "page
  on-call if the ingestion rate drops to zero", "log every override of the dose limit": the
  harm is the condition a monitor waits for, in a clause opened by "when" / "if" after a
  verb that alerts, logs or notifies, or the events it records. "When the auditor leaves,
  disable the audit log" has no monitor before the condition, and keeps its finding.
- **The time of the request.** "Hide replies during the pile-on", "route orders to manual
  review after last week's attack": a harm after "during" / "after" is the event the request
  responds to, when it is a noun. "Start a pile-on during the stream" orders one, and
  "after poisoning him, ..." tells of the requester's own act.
- **A duty not to act without consent.** "We can't use the transcripts for ad targeting
  without consent", "people who left should not be re-added without asking": a modal
  negation before the act makes "without consent" the rule, not the request. "I can't wait
  to post them without consent" is an idiom, and keeps its finding.
- **Done by someone else, again and again.** "My ex keeps texting my new partner": a
  third-person "keeps" and a verb of contact report what another does. "Keep texting her"
  orders it, "a bot that keeps texting her" is what the request builds, and "be the friend
  who keeps secrets with the child" a role it asks to play.
- **Work finished before a check.** "With the repair scheduled before the inspector's
  visit", "have the staff trained before the audit": "before the audit" is a deadline for
  the work named right before it, not something hidden from the auditor. The
  same words after a record ("list the leak as fixed before the inspector's visit") or any
  other verb keep their concealment.

Each check reads a fixed number of terms around the anchor, or its clause once: linear.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT

__all__ = [
    "barred_without_consent",
    "deadline_for_work",
    "diagnosed_fault",
    "done_by_another",
    "during_event",
    "forbidden_directly",
    "reported",
    "watched_event",
]

#: A negator that forbids the verb right after it (an imperative or a duty).
_FORBIDDING = frozenset(
    {
        "don't",
        "dont",
        "do not",
        "never",
        "must not",
        "mustn't",
        "should not",
        "shouldn't",
        "not to",
        "never to",
        "please don't",
        "please do not",
    }
)


def forbidden_directly(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the verb at ``position`` is what a negated imperative right before it forbids
    ("don't bypass", "never disable"; not "was never disabled")."""
    if not position:
        return False
    # a participle or an inflected verb after the negator reports ("the logging was never
    # disabled"), it does not forbid: only the plain verb of an imperative is forbidden
    if clause[position][1].split(" ", 1)[0].endswith(("ed", "en", "ing")):
        return False
    before = clause[position - 1][1]
    if before in _FORBIDDING:
        return True
    # "not" written as its own term after "do" / "must" ("do not" is listed as one term)
    return (
        before == "not"
        and position > 1
        and clause[position - 2][1] in {"do", "must", "should", "to", "please do"}
    )


_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "gets", "get", "got", "been", "being", "keeps", "kept"}
)


def reported(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the verb at ``position`` reports what something does ("disables", "drops", "is
    disabled", "keeps dropping") rather than orders it ("disable"): it has a subject."""
    first = clause[position][1].split(" ", 1)[0]
    if first.endswith("s") and not first.endswith("ss"):
        return True
    return position > 0 and clause[position - 1][1].rsplit(" ", 1)[-1] in _AUXILIARIES


#: Words that ask about or check what a thing does, rather than make it do it.
_DIAGNOSING = frozenset(
    {
        "why",
        "test",
        "check",
        "verify",
        "confirm",
        "investigate",
        "diagnose",
        "troubleshoot",
        "find out",
        "figure out",
        "what causes",
        "keeps",
        "kept",
        "keep on",
    }
)
#: Words that make the thing do what follows: an order, however it is inflected.
_CAUSING = frozenset({"make", "ensure", "make sure", "let", "so", "so that", "until", "get"})
_DIAGNOSIS_REACH = 10


def diagnosed_fault(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the verb at ``position`` reports a fault that the clause asks about or checks
    (a word of :data:`_DIAGNOSING` a few terms before it, no causing word between)."""
    # a participle reports only after an auxiliary ("why is the service dropping events");
    # alone it may be the thing ordered ("test disabling the audit log")
    participle = clause[position][1].split(" ", 1)[0].endswith("ing")
    if not participle and not reported(clause, position):
        return False
    auxiliary = False
    for index in range(position - 1, max(-1, position - 1 - _DIAGNOSIS_REACH), -1):
        surface = clause[index][1]
        first = surface.split(" ", 1)[0]
        if surface in _CAUSING or first in _CAUSING:
            return False
        auxiliary = auxiliary or not _AUXILIARIES.isdisjoint(surface.split(" "))
        if surface in _DIAGNOSING or first in _DIAGNOSING:
            return auxiliary or not participle or first in {"keeps", "kept", "keep"}
    return False


#: A preposition of time: the harm after it is an event the request responds to ("hide
#: replies during the pile-on", "manual review after last week's attack").
_TIME = frozenset({"during", "after", "amid", "amidst", "following", "since"})
_EVENT_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "last", "last week's", "yesterday's", "recent", "week's"}
)


def during_event(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the harm at ``position`` names the time of the request ("during the
    pile-on"): a preposition of time right before it, or before its determiner."""
    if clause[position][1].split(" ", 1)[0].endswith(("ing", "ed")):
        return False  # "after poisoning him": the requester's own act, not an event
    index = position - 1
    while index >= 0 and index >= position - 3 and clause[index][1] in _EVENT_DETERMINERS:
        index -= 1
    if index < 0 or clause[index][1] not in _TIME:
        return False
    # "during" names a time by itself; "after", "since" and "following" only with a
    # determiner ("after the attack"), since "after attack" reads as a sequence of orders
    return clause[index][1] == "during" or index < position - 1


_DECISION = BIT["decision"]


def _words_of(clause: list[tuple[int, str]], start: int, end: int) -> list[tuple[int, str]]:
    """The terms ``start:end`` as single words, each with its term's index."""
    out: list[tuple[int, str]] = []
    for index in range(max(0, start), min(len(clause), end)):
        out.extend((index, word) for word in clause[index][1].split(" "))
    return out


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
    before = _words_of(clause, position - 4, position - 1)
    return any(w in _MONITOR_VERBS for _, w in before)


def watched_event(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the harm verb at ``position`` is the condition a monitor waits for: "when" /
    "if" a few terms before it, and an alerting, logging or notifying verb before that."""
    if _each_event_watched(clause, position):
        return True
    if not reported(clause, position):
        return False
    words = _words_of(clause, position - _SUBJECT_REACH, position)
    for offset in range(len(words) - 1, -1, -1):
        index, word = words[offset]
        if word in _JOINERS:
            return False  # "when done and disable ...": a second order, not the condition
        if word in _CONDITIONS:
            before = _words_of(clause, index - _MONITOR_REACH, index)
            return any(w in _MONITOR_VERBS for _, w in before)
        if clause[index][0] & _DECISION:
            return False
    return False


#: Work that a check will find done: "before the audit" after it is its deadline.
_WORK = frozenset(
    {
        "repair",
        "repaired",
        "fix",
        "fixing",
        "scheduled",
        "schedule",
        "complete",
        "completed",
        "finish",
        "finished",
        "ready",
        "prepared",
        "prepare",
        "tested",
        "test",
        "trained",
        "training",
        "installed",
        "install",
        "replaced",
        "replace",
    }
)
_WORK_REACH = 2


def deadline_for_work(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the concealment cue at ``position`` ("before the inspector's") is the deadline
    of work named right before it, and not a record's ("as fixed before the audit")."""
    if not clause[position][1].startswith("before"):
        return False
    for index in range(position - 1, max(-1, position - 1 - _WORK_REACH), -1):
        words = clause[index][1].split(" ")
        if words[-1] in _WORK:
            return index == 0 or clause[index - 1][1] != "as"
    return False


_MODAL_NEGATIONS = frozenset(
    {
        "can't",
        "cannot",
        "can not",
        "must not",
        "mustn't",
        "should not",
        "shouldn't",
        "may not",
        "won't",
        "will not",
        "not",
        "never",
        "not allowed",
        "isn't allowed",
        "aren't allowed",
    }
)
#: "can't wait", "can't stop", "can't help": idioms that affirm what follows.
_IDIOMS = frozenset(
    {
        "wait",
        "stop",
        "help",
        "believe",
        "resist",
        "mind",
        "worry",
        "care",
        "hesitate",
        "forget",
        "bother",
        "ask",
        "lose",
        "afford",
    }
)
_OBJECT_END = BIT["object_end"]
_AND_THEN = frozenset({"and", "then", "also", "but"})


def barred_without_consent(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the "without consent" phrase at ``position`` is what a modal negation before it
    in the clause bars ("we can't use ... without consent")."""
    if not clause[position][1].startswith("without"):
        return False
    for index in range(position - 1, -1, -1):
        mask, surface = clause[index]
        if mask & _OBJECT_END or surface in _AND_THEN:
            return False  # "we can't lose the deal, so share the list without consent"
        if surface in _MODAL_NEGATIONS or surface.rsplit(" ", 1)[-1] in {"not", "never"}:
            following = clause[index + 1][1] if index + 1 < len(clause) else ""
            return following.split(" ", 1)[0] not in _IDIOMS
    return False


#: Words before a "keeps ..." that make it what the request brings about.
_CAUSES = frozenset({"that", "which", "who", "so", "to", "make", "let", "ensure", "until"})
#: Unwanted contact a person reports receiving: "my ex keeps texting my new partner". ("Be
#: the friend who keeps secrets with the child" is the role the request asks to play.)
_CONTACT = frozenset(
    {"texting", "calling", "messaging", "emailing", "ringing", "contacting", "phoning", "dming"}
)


def done_by_another(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the harm at ``position`` ("keeps texting") reports what someone else keeps
    doing: the third-person "keeps", its subject not a thing the request makes."""
    words = clause[position][1].split(" ")
    if len(words) != 2 or words[0] != "keeps" or words[1] not in _CONTACT:
        return False
    if any(mask & _OBJECT_END for mask, _ in clause[position + 1 :]):
        return False  # "... keeps texting me so I want to find her address": the request
    return position > 0 and clause[position - 1][1].rsplit(" ", 1)[-1] not in _CAUSES
