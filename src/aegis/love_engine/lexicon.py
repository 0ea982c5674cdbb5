"""Soft evidence, as data: which words lower which dimension (severe harm is in the rules).

Each entry maps a word (or a two-word phrase) to a :class:`Signal`. A signal has a
``negated`` twin used when a negator precedes the word: "consent" moves nothing (the
requester's word for it is no consent), "without consent" lowers autonomy and harm
prevention; "backup" moves nothing, "no backup" lowers harm prevention. These signals
reach the verdict only through the score: below the engine's threshold, the answer is review.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DIMENSIONS", "LEXICON", "Signal"]

DIMENSIONS = ("harm_prevention", "autonomy", "fairness", "transparency", "beneficence")


@dataclass(frozen=True, slots=True)
class Signal:
    """Score changes per dimension, with a label for the concern that names the evidence."""

    label: str
    deltas: tuple[tuple[str, float], ...]
    negated: Signal | None = None


def _signal(label: str, negated: Signal | None = None, **deltas: float) -> Signal:
    return Signal(label, tuple(deltas.items()), negated)


_NO_CONSENT = _signal("acting without consent", autonomy=-0.6, harm_prevention=-0.3)
# Words that claim consent, disclosure or help move nothing: they are the requester's own
# words, and positive words must never offset a harm. They stay only so that negation can
# turn them around ("without consent" lowers autonomy).
_CONSENT = _signal("consent claimed", _NO_CONSENT)
_HIDING = _signal("hiding the action", transparency=-0.45, autonomy=-0.1)
_DISCLOSING = _signal("disclosure claimed", _HIDING)
_NO_BACKUP = _signal("no backup", harm_prevention=-0.3)
_BACKUP = _signal("backup claimed", _NO_BACKUP)
_DESTRUCTIVE = _signal("destructive", harm_prevention=-0.25)
_COERCIVE = _signal("forcing the user", autonomy=-0.4)
_BULK = _signal("bulk reach", autonomy=-0.2, harm_prevention=-0.1, beneficence=-0.2)
_UNCERTAIN = _signal("unclear intent", transparency=-0.2, harm_prevention=-0.1)
_PRIVACY = _signal("personal data exposure", harm_prevention=-0.3, autonomy=-0.2)


def _entries(signal: Signal, *terms: str) -> dict[str, Signal]:
    return dict.fromkeys(terms, signal)


LEXICON: dict[str, Signal] = {
    **_entries(
        _CONSENT,
        "consent",
        "consents",
        "consented",
        "consensual",
        "permission",
        "authorized",
        "authorised",
        "opted",
        "opt in",
    ),
    **_entries(_NO_CONSENT, "unauthorized", "unauthorised", "nonconsensual"),
    **_entries(
        _DISCLOSING,
        "notify",
        "notified",
        "notifying",
        "inform",
        "informed",
        "disclose",
        "disclosed",
        "explain",
        "explained",
        "tell",
        "telling",
        "told",
        "transparent",
        "transparently",
        "visible",
    ),
    **_entries(
        _HIDING,
        "hide",
        "hidden",
        "hiding",
        "conceal",
        "concealed",
        "secretly",
        "covert",
        "covertly",
        "silently",
        "stealth",
        "obfuscate",
        "obfuscated",
        "disguise",
        "disguised",
    ),
    **_entries(_BACKUP, "backup", "backups", "backed up", "snapshot"),
    **_entries(
        _DESTRUCTIVE,
        "delete",
        "deletes",
        "deleting",
        "remove",
        "wipe",
        "erase",
        "destroy",
        "overwrite",
        "drop",
        "truncate",
        "purge",
        "shutdown",
        "format",
        "modifies",
        "modify",
    ),
    **_entries(
        _COERCIVE,
        "force",
        "forced",
        "forcing",
        "coerce",
        "coerced",
        "compel",
        "lock out",
        "no opt out",
        "override user",
        "prevent unsubscribe",
    ),
    **_entries(_BULK, "bulk", "mass", "all users", "every user", "spam", "blast"),
    **_entries(_UNCERTAIN, "unknown", "unclear", "not sure", "unsure", "something"),
    **_entries(
        _PRIVACY,
        "password",
        "passwords",
        "ssn",
        "credit card",
        "medical records",
        "private data",
        "personal data",
    ),
}

#: ``potential_impact`` words and their effect on harm prevention.
IMPACT = {
    "none": 0.0,
    "low": 0.0,
    "minimal": 0.0,
    "medium": -0.1,
    "moderate": -0.1,
    "unknown": -0.15,
    "high": -0.3,
    "severe": -0.45,
    "critical": -0.5,
    "catastrophic": -0.6,
    "irreversible": -0.4,
}
BULK_RECIPIENTS = 1000
CONSENT_KEYS = frozenset(
    {
        "consent",
        "user_consent",
        "opt_in",
        "opted_in",
        "permission",
        "authorized",
        "authorised",
        "authorization",
        "approved",
        "approval",
        "user_confirmed",
        "confirmed",
    }
)
RECIPIENT_KEYS = frozenset({"recipients", "recipient_count", "audience", "audience_size", "to"})
NOTIFY_KEYS = frozenset({"notify", "notify_user", "disclose", "inform_user"})
HIDDEN_KEYS = frozenset({"hidden", "silent", "covert", "stealth"})
