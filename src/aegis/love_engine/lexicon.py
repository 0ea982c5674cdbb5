"""The evidence the ethics engine looks for, as data: which words move which dimension.

Each entry maps a word (or a two-word phrase) to a :class:`Signal`. A signal has a
``negated`` twin used when a negator precedes the word: "consent" raises autonomy, "without
consent" lowers it and harm prevention; "harm" lowers harm prevention, "no harm" does not.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "DIMENSIONS",
    "LEXICON",
    "PROTECTED_ATTRIBUTES",
    "SELECTION_WORDS",
    "Signal",
]

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
_CONSENT = _signal("consent given", _NO_CONSENT, autonomy=0.2)
_HIDING = _signal("hiding the action", transparency=-0.45, autonomy=-0.1)
_DISCLOSING = _signal("disclosing the action", _HIDING, transparency=0.15)
_NO_BACKUP = _signal("no backup", harm_prevention=-0.3)
_BACKUP = _signal("backup kept", _NO_BACKUP, harm_prevention=0.1)
_REQUESTED = _signal("requested by the user", autonomy=0.2, beneficence=0.2)
_HELPFUL = _signal("helps the user", beneficence=0.2)
_DESTRUCTIVE = _signal("destructive", harm_prevention=-0.25)
_HARMFUL = _signal("harmful", harm_prevention=-0.4, beneficence=-0.2)
_MALICIOUS = _signal("malicious", harm_prevention=-0.5, beneficence=-0.3)
_DECEPTIVE = _signal("deceptive", transparency=-0.4, autonomy=-0.3, beneficence=-0.1)
_COERCIVE = _signal("forcing the user", autonomy=-0.4)
_BULK = _signal("bulk reach", autonomy=-0.2, harm_prevention=-0.1, beneficence=-0.2)
_DISCRIMINATORY = _signal("discrimination", fairness=-0.7, harm_prevention=-0.2, autonomy=-0.1)
_FAIR = _signal("fair treatment", fairness=0.1)
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
        _REQUESTED,
        "user wants",
        "user asked",
        "user requested",
        "user requests",
        "asked for",
        "requested",
        "on request",
        "user needs",
    ),
    **_entries(
        _HELPFUL,
        "help",
        "helps",
        "assist",
        "support",
        "improve",
        "fix",
        "protect",
        "answer",
        "read",
        "summarize",
        "summarise",
        "check",
        "list",
        "view",
        "show",
        "remind",
        "schedule",
        "translate",
        "search",
    ),
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
        _HARMFUL,
        "harm",
        "harmful",
        "hurt",
        "injure",
        "attack",
        "threaten",
        "harass",
        "harassment",
        "abuse",
        "poison",
        "weapon",
        "violence",
        "dox",
        "stalk",
    ),
    **_entries(
        _MALICIOUS,
        "malware",
        "ransomware",
        "exploit",
        "steal",
        "exfiltrate",
        "phishing",
        "scam",
        "fraud",
        "fraudulent",
        "keylogger",
        "backdoor",
        "botnet",
    ),
    **_entries(
        _DECEPTIVE,
        "deceive",
        "deceptive",
        "mislead",
        "misleading",
        "manipulate",
        "manipulative",
        "trick",
        "lie",
        "fake",
        "impersonate",
        "dark pattern",
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
    **_entries(
        _DISCRIMINATORY,
        "discriminate",
        "discriminates",
        "discriminating",
        "discriminatory",
        "segregate",
        "blacklist",
    ),
    **_entries(_FAIR, "fair", "fairly", "equal", "equally", "equitable", "unbiased", "inclusive"),
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

#: Attributes that law protects from being the basis of a decision.
PROTECTED_ATTRIBUTES = frozenset(
    {
        "race",
        "ethnicity",
        "ethnic",
        "religion",
        "religious",
        "gender",
        "sex",
        "age",
        "disability",
        "disabled",
        "nationality",
        "pregnancy",
        "pregnant",
        "orientation",
        "caste",
    }
)
#: Words that, next to a protected attribute, make it the basis of a selection.
SELECTION_WORDS = frozenset(
    {
        "filter",
        "exclude",
        "reject",
        "deny",
        "rank",
        "screen",
        "target",
        "select",
        "based",
        "by",
        "prefer",
        "penalize",
        "penalise",
    }
)
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
CONSENT_KEYS = frozenset({"consent", "user_consent", "opt_in", "opted_in", "permission"})
RECIPIENT_KEYS = frozenset({"recipients", "recipient_count", "audience", "audience_size", "to"})
NOTIFY_KEYS = frozenset({"notify", "notify_user", "disclose", "inform_user"})
HIDDEN_KEYS = frozenset({"hidden", "silent", "covert", "stealth"})
SELECT_KEYS = frozenset({"filter_by", "exclude_by", "target_by", "segment_by", "rank_by"})
