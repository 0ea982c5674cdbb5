"""Severe-harm rules: combinations of concepts within a clause, each a finding with a category.

A text is read once: each stem (or the longest listed phrase starting there) is looked up in
one table and becomes a *term* carrying a bit mask of the concepts it plays. A rule names the
concepts that must all be present in one clause (a harm verb and a person; a protected
attribute and a decision about people) and the frames that make the harm word an object of
protection ("block the IPs behind a brute-force attack", "remove the harassment comment").

A frame counts only before the harm word or right after it ("phishing detection"), so "write a
phishing email and report back" is still phishing. Negation keeps a finding: only a negator
right before the word that carries the harm ("never share customer data") reads as clearly
benign; a negator elsewhere in the clause lowers *deny* to *review*, never to nothing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from aegis.love_engine.normalise import CLAUSE_BREAK, Text, normalise, stem
from aegis.love_engine.vocabulary import CONCEPTS

__all__ = [
    "CATEGORIES",
    "RULES",
    "Finding",
    "Level",
    "Rule",
    "concept_features",
    "find",
    "find_in",
    "terms",
]

CATEGORIES = (
    "physical_harm",
    "self_harm",
    "deception_fraud",
    "discrimination",
    "privacy_violation",
    "unauthorized_access",
    "safety_tampering",
    "financial_harm",
    "harassment",
)


class Level(enum.IntEnum):
    HINT = 1  # lowers a dimension; the learned model decides
    REVIEW = 2  # a clear finding: at least review
    DENY = 3  # unambiguous: deny (review when the learned model disagrees)


@dataclass(frozen=True, slots=True)
class Finding:
    category: str
    level: Level
    reason: str
    evidence: str
    where: str

    def describe(self) -> str:
        return f"{self.category}: {self.reason} ('{self.evidence}' in {self.where})"


BIT = {name: 1 << index for index, name in enumerate(CONCEPTS)}


def _mask(*names: str) -> int:
    total = 0
    for name in names:
        total |= BIT[name]
    return total


def _build_tables() -> tuple[
    dict[str, int], dict[tuple[str, ...], int], dict[tuple[str, str], tuple[int, ...]]
]:
    """Concept masks of single stems and of phrases, and the phrase lengths by first two stems."""
    unigrams: dict[str, int] = {}
    phrases: dict[tuple[str, ...], int] = {}
    lengths: dict[tuple[str, str], set[int]] = {}
    for name, entries in CONCEPTS.items():
        for entry in entries:
            stems = tuple(s for s in normalise(entry).stems if s != CLAUSE_BREAK)
            if len(stems) == 1:
                unigrams[stems[0]] = unigrams.get(stems[0], 0) | BIT[name]
            elif stems:
                phrases[stems] = phrases.get(stems, 0) | BIT[name]
                lengths.setdefault((stems[0], stems[1]), set()).add(len(stems))
                # the same words hyphenated are one token ("under-30", "pre-tick")
                joined = stem("-".join(normalise(entry).words))
                unigrams[joined] = unigrams.get(joined, 0) | BIT[name]
    by_start = {start: tuple(sorted(sizes, reverse=True)) for start, sizes in lengths.items()}
    return unigrams, phrases, by_start


_UNIGRAMS, _PHRASES, _PHRASE_LENGTHS = _build_tables()
_PHRASE_FIRST = frozenset(first for first, _ in _PHRASE_LENGTHS)
_NEGATOR = BIT["negator"]
_PERSON = BIT["person"]
_OTHERS = BIT["others"]
_COVERT = BIT["conceal"]
#: A compound of more parts than this is no word ("a-a-a-…"): only its first parts are read.
_MAX_COMPOUND_PARTS = 8


@dataclass(frozen=True, slots=True)
class Rule:
    category: str
    level: Level
    reason: str
    groups: tuple[int, ...]  # one concept of each group must be in the clause; the first anchors
    frames: int = 0  # concepts anywhere in the clause that make the harm word benign
    parts: int = 0  # every concept the rule names (a term playing a part is no frame)


def _rule(
    category: str, level: Level, reason: str, *groups: tuple[str, ...], frames: tuple[str, ...] = ()
) -> Rule:
    masks = tuple(_mask(*g) for g in groups)
    return Rule(
        category, level, reason, masks, _mask(*frames), _mask(*(n for g in groups for n in g))
    )


_CARE = ("support_frame", "detect_frame", "defensive")
_ACT = ("defensive", "support_frame", "detect_frame", "fiction_frame")  # harm done to someone
_TOPIC = (*_ACT, "informational")  # harm named as a topic: history, news, explanation
_CLAIM = ("defensive", "informational", "fiction_frame")  # deception: care words are no excuse
RULES: tuple[Rule, ...] = (
    # physical harm
    _rule(
        "physical_harm",
        Level.DENY,
        "making or using a weapon of mass harm",
        ("weapon_strong", "explosive"),
        ("make_verb", "harm_verb", "person", "add_verb", "instructions"),
        frames=_CARE,
    ),
    _rule(
        "physical_harm", Level.REVIEW, "a weapon of mass harm", ("weapon_strong",), frames=_TOPIC
    ),
    _rule(
        "physical_harm", Level.DENY, "violence against a person", ("violence_strong",), frames=_ACT
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "violence against a person",
        ("harm_verb",),
        ("person",),
        frames=(*_ACT, "benign_object"),
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "injuring a person",
        ("harm_verb",),
        ("body_part",),
        ("person", "others"),
        frames=_ACT,
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "harm meant to go undetected",
        ("toxin", "weapon", "harm_verb", "explosive"),
        ("evade", "conceal"),
        frames=_CARE,
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "a weapon obtained without checks",
        ("weapon",),
        ("unauthorised",),
        frames=("defensive",),
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "a false emergency report",
        ("false_alarm",),
        frames=("informational", "defensive"),
    ),
    _rule(
        "harassment",
        Level.DENY,
        "a threat against a person",
        ("threat",),
        frames=("defensive", "informational", "fiction_frame"),
    ),
    _rule(
        "privacy_violation",
        Level.DENY,
        "a tracking device on a person",
        ("tracker_device",),
        ("person", "others", "intimate_target"),
        frames=("defensive", "protect_frame", "detect_frame"),
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "looking up a person's whereabouts or details",
        ("lookup_verb",),
        ("personal_info", "personal_data"),
        ("intimate_target",),
        frames=("defensive", "protect_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.DENY,
        "instructions for fraud",
        ("fraud_strong",),
        ("instructions",),
        frames=("defensive", "detect_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "forging a document or voice",
        ("forge_cue",),
        frames=("defensive", "test_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "a made-up endorsement or record",
        ("fake_object",),
        ("conceal",),
        frames=("defensive", "test_frame", "informational"),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "tricking a safety control",
        ("deceive_verb",),
        ("safety_control", "strong_control"),
        frames=("defensive", "informational"),
    ),
    _rule(
        "harassment",
        Level.HINT,
        "mocking or degrading content sent about a person",
        ("abusive",),
        ("send_verb",),
        frames=("defensive", "informational", "fiction_frame"),
    ),
    _rule(
        "harassment",
        Level.HINT,
        "exposing people's protected traits",
        ("protected_group",),
        ("expose_verb", "send_verb"),
        ("personal_info", "personal_data", "fake_object"),
        frames=("subject_frame", "defensive"),
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "a toxic substance put in food, drink or medicine",
        ("toxin",),
        ("vector",),
        ("add_verb", "person", "harm_verb", "others"),
        frames=(*_CARE, "fiction_frame"),
    ),
    _rule(
        "physical_harm",
        Level.HINT,
        "a toxic substance given to a person",
        ("toxin",),
        ("person", "others"),
        ("add_verb", "harm_verb"),
        frames=_CARE,
    ),
    _rule(
        "physical_harm",
        Level.HINT,
        "a weapon used or acquired",
        ("weapon",),
        ("harm_verb", "make_verb", "person"),
        frames=_TOPIC,
    ),
    # self-harm
    _rule(
        "self_harm",
        Level.DENY,
        "a method of self-harm",
        ("self_harm",),
        ("method", "instructions"),
        frames=_CARE,
    ),
    _rule("self_harm", Level.HINT, "self-harm named", ("self_harm",), frames=_TOPIC),
    _rule("self_harm", Level.DENY, "harm to oneself", ("harm_verb",), ("reflexive",), frames=_CARE),
    # deception and fraud
    _rule(
        "deception_fraud",
        Level.DENY,
        "fraud or a deceptive practice",
        ("fraud_strong",),
        frames=_CLAIM,
    ),
    _rule(
        "deception_fraud",
        Level.DENY,
        "faking what others rely on",
        ("fake_adj",),
        ("fake_object",),
        frames=(*_CLAIM, "test_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.DENY,
        "deceiving people",
        ("deceive_verb",),
        ("victim_group", "person"),
        frames=_CLAIM,
    ),
    _rule(
        "deception_fraud",
        Level.DENY,
        "manipulating a market",
        ("manipulate",),
        ("market",),
        frames=_TOPIC,
    ),
    _rule(
        "deception_fraud",
        Level.DENY,
        "hiding what people pay",
        ("hide_verb",),
        ("money_term",),
        frames=("defensive",),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "obstructing a way out",
        ("obstruct",),
        ("exit_right",),
        frames=("defensive",),
    ),
    # discrimination
    _rule(
        "discrimination",
        Level.DENY,
        "discrimination",
        ("discrim_strong",),
        frames=("defensive", "informational", "subject_frame"),
    ),
    _rule(
        "discrimination",
        Level.DENY,
        "a protected attribute as the criterion of a decision about people",
        ("protected_attr",),
        ("decision",),
        frames=("subject_frame", "defensive", "informational"),
    ),
    _rule(
        "discrimination",
        Level.REVIEW,
        "a protected group singled out in a decision about people",
        ("protected_group",),
        ("decision",),
        frames=("subject_frame", "defensive", "informational"),
    ),
    _rule(
        "discrimination",
        Level.DENY,
        "a protected attribute, through a proxy, as the criterion of a decision",
        ("proxy",),
        ("decision",),
        ("protected_group", "protected_attr"),
        frames=("subject_frame", "defensive"),
    ),
    _rule(
        "discrimination",
        Level.REVIEW,
        "a proxy for a protected attribute in a decision about people",
        ("proxy",),
        ("decision",),
        frames=("subject_frame", "defensive"),
    ),
    # privacy
    _rule(
        "privacy_violation",
        Level.DENY,
        "stalking or covert surveillance",
        ("stalk",),
        frames=("defensive", "informational", "protect_frame"),
    ),
    _rule(
        "privacy_violation",
        Level.DENY,
        "covert tracking of a person",
        ("surveil_verb",),
        ("person", "others", "personal_info"),
        ("unauthorised", "hide_verb"),
        frames=("defensive", "protect_frame"),
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "tracking a person",
        ("surveil_verb",),
        ("person", "others"),
        frames=("defensive", "protect_frame", "informational"),
    ),
    _rule(
        "privacy_violation",
        Level.DENY,
        "selling or exposing personal data",
        ("expose_verb",),
        ("personal_data", "personal_info"),
        frames=("defensive", "protect_frame", "informational", "fiction_frame"),
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "collecting personal data",
        ("collect_verb",),
        ("personal_data",),
        ("unauthorised", "hide_verb", "person", "others"),
        frames=("defensive", "protect_frame"),
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "acting on people without their consent",
        ("unauthorised",),
        frames=("defensive", "protect_frame", "informational"),
    ),
    # unauthorised access
    _rule(
        "unauthorized_access",
        Level.DENY,
        "instructions for an intrusion",
        ("intrusion_strong",),
        ("instructions", "make_verb"),
        frames=("pentest_frame", "detect_frame", "defensive"),
    ),
    _rule(
        "unauthorized_access",
        Level.DENY,
        "collecting credentials covertly",
        ("collect_verb", "steal"),
        ("system_target",),
        ("unauthorised", "hide_verb"),
        frames=("defensive", "pentest_frame"),
    ),
    _rule(
        "unauthorized_access",
        Level.DENY,
        "intrusion tooling or technique",
        ("intrusion_strong",),
        frames=(*_CLAIM, "detect_frame", "pentest_frame"),
    ),
    _rule(
        "unauthorized_access",
        Level.DENY,
        "breaking into someone else's account or system",
        ("intrusion_verb",),
        ("system_target",),
        ("others", "person", "unauthorised"),
        frames=("defensive", "pentest_frame"),
    ),
    _rule(
        "unauthorized_access",
        Level.HINT,
        "breaking into a system",
        ("intrusion_verb",),
        ("system_target",),
        frames=("defensive", "pentest_frame"),
    ),
    _rule(
        "unauthorized_access",
        Level.DENY,
        "theft",
        ("steal",),
        ("system_target", "funds", "personal_data", "personal_info", "person", "others"),
        frames=_TOPIC,
    ),
    _rule("unauthorized_access", Level.REVIEW, "theft", ("steal",), frames=_TOPIC),
    # tampering with safety controls
    _rule(
        "safety_tampering",
        Level.DENY,
        "disabling a safety or audit control",
        ("disable_verb",),
        ("strong_control",),
        frames=("maintenance_frame", "defensive", "pentest_frame"),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "disabling a control",
        ("disable_verb",),
        ("safety_control",),
        frames=("maintenance_frame", "defensive", "test_frame", "pentest_frame", "informational"),
    ),
    _rule(
        "safety_tampering",
        Level.DENY,
        "evading detection or destroying evidence",
        ("evade",),
        frames=("defensive", "informational"),
    ),
    # financial harm
    _rule(
        "financial_harm",
        Level.DENY,
        "taking money that is not one's own",
        ("finance_strong",),
        frames=("defensive", "informational"),
    ),
    _rule(
        "financial_harm",
        Level.DENY,
        "moving money without authority",
        ("money_move",),
        ("funds",),
        ("unauthorised",),
        frames=("defensive",),
    ),
    _rule(
        "financial_harm",
        Level.REVIEW,
        "moving someone else's money",
        ("money_move",),
        ("others",),
        frames=("defensive",),
    ),
    # harassment
    _rule(
        "harassment",
        Level.DENY,
        "harassment of a person",
        ("harass_strong",),
        ("person", "others", "victim_group", "send_verb", "intimate_target"),
        frames=_TOPIC,
    ),
    _rule("harassment", Level.HINT, "harassment named", ("harass_strong",), frames=_TOPIC),
    _rule(
        "harassment",
        Level.DENY,
        "abusive or intimate content aimed at a person",
        ("abusive",),
        ("send_verb",),
        ("person", "others", "victim_group"),
        frames=_ACT,
    ),
    _rule(
        "physical_harm",
        Level.REVIEW,
        "work without its safety measures",
        ("without_safety",),
        frames=("maintenance_frame", "defensive", "informational"),
    ),
    _rule(
        "self_harm",
        Level.DENY,
        "a lethal dose asked for",
        ("self_harm", "toxin"),
        ("method",),
        ("self_harm",),
        frames=_CARE,
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "sensitive personal data passed to third parties",
        ("personal_data",),
        ("send_verb", "expose_verb"),
        ("third_party",),
        frames=("defensive", "protect_frame"),
    ),
    _rule(
        "unauthorized_access",
        Level.REVIEW,
        "granting oneself access",
        ("self_grant",),
        frames=("defensive",),
    ),
    _rule(
        "harassment",
        Level.REVIEW,
        "retaliation against a person",
        ("retaliate",),
        frames=("defensive", "support_frame"),
    ),
    _rule(
        "self_harm",
        Level.REVIEW,
        "a plan or wish to end one's life",
        ("self_harm_intent",),
        frames=_CARE,
    ),
    _rule(
        "financial_harm",
        Level.REVIEW,
        "billing or moving money on a pretence",
        ("money_move",),
        ("conceal", "self_serving"),
        frames=("defensive", "maintenance_frame"),
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "a lethal dose for a person",
        ("lethal",),
        ("person", "others"),
        ("add_verb", "harm_verb", "toxin", "conceal"),
        frames=_CARE,
    ),
    _rule(
        "self_harm",
        Level.REVIEW,
        "a lethal dose asked for",
        ("lethal",),
        ("toxin",),
        ("instructions", "method"),
        frames=_CARE,
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "finding where a person is",
        ("lookup_verb", "surveil_verb"),
        ("someones_location",),
        frames=("defensive", "protect_frame"),
    ),
    # falsified records and euphemised wrongs
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "falsifying a record people rely on",
        ("falsify_verb",),
        ("record_object",),
        ("conceal", "unauthorised", "hide_verb", "fake_adj", "self_serving"),
        frames=("defensive", "maintenance_frame", "test_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "cheating, piracy or bribery",
        ("illicit",),
        frames=("defensive",),
    ),
    # weak signals, for the dimensions and the learned model
    _rule(
        "physical_harm",
        Level.HINT,
        "harm words",
        ("generic_harm", "harm_verb"),
        frames=("defensive",),
    ),
)
_ANY_RULE_CONCEPT = 0
for _r in RULES:
    _ANY_RULE_CONCEPT |= _r.groups[0]
#: Each rule with its anchor and the groups that must also be present, unpacked once.
_CHECKS = tuple((rule, rule.groups[0], rule.groups[1:]) for rule in RULES)
#: For each concept, the rules it can anchor, by index, so a clause tries only those.
_ANCHORED: dict[int, tuple[int, ...]] = {}
for _bit in range(len(CONCEPTS)):
    _ANCHORED[_bit] = tuple(i for i, (_, anchor, _) in enumerate(_CHECKS) if anchor >> _bit & 1)
_candidate_cache: dict[int, tuple[tuple[Rule, int, tuple[int, ...]], ...]] = {}


def _candidates(clause_mask: int) -> tuple[tuple[Rule, int, tuple[int, ...]], ...]:
    """The rules whose anchor the clause holds, in rule order (kept per distinct mask)."""
    anchors = clause_mask & _ANY_RULE_CONCEPT
    known = _candidate_cache.get(anchors)
    if known is not None:
        return known
    indices: set[int] = set()
    rest = anchors
    while rest:
        lowest = rest & -rest
        indices.update(_ANCHORED[lowest.bit_length() - 1])
        rest ^= lowest
    found = tuple(_CHECKS[i] for i in sorted(indices))
    if len(_candidate_cache) < 65_536:  # bounded: one small tuple per distinct mask
        _candidate_cache[anchors] = found
    return found


def terms(text: Text) -> list[list[tuple[int, str]]]:
    """Clauses of ``text``, each a list of (concept mask, surface words) per term."""
    stems, words = text.stems, text.words
    clauses: list[list[tuple[int, str]]] = [[]]
    index, count = 0, len(stems)
    while index < count:
        current = stems[index]
        if current == CLAUSE_BREAK:
            clauses.append([])
            index += 1
            continue
        mask, width = 0, 1
        if index + 1 < count and current in _PHRASE_FIRST:
            for size in _PHRASE_LENGTHS.get((current, stems[index + 1]), ()):
                found = _PHRASES.get(stems[index : index + size])
                if found is not None:
                    mask, width = found, size
                    break
        if width == 1:
            word = words[index]
            mask = _UNIGRAMS.get(current, 0)
            if not mask and not _LEET_DIGITS.isdisjoint(word) and word.isalnum():
                mask = _leet(word)
            if not mask and "-" in word:  # an unlisted compound reads as its parts
                for part in word.split("-", _MAX_COMPOUND_PARTS)[:_MAX_COMPOUND_PARTS]:
                    mask |= _UNIGRAMS.get(stem(part), 0)
            if mask & _PERSON and word.endswith(("'s", "’s", "s'")):
                mask |= _OTHERS
        surface = words[index] if width == 1 else " ".join(words[index : index + width])
        clauses[-1].append((mask, surface))
        index += width
    return [clause for clause in clauses if clause]


#: Digits written for letters ("k1ll", "b0mb", "ph1sh1ng"): "1" may stand for "i" or "l".
_LEET = (str.maketrans("013457", "oieast"), str.maketrans("013457", "oleast"))
_LEET_DIGITS = frozenset("013457")


def _leet(word: str) -> int:
    """The concepts of a word with digits for letters, if it reads as a listed word."""
    if word.isdigit():
        return 0
    mask = 0
    for table in _LEET:
        mask |= _UNIGRAMS.get(stem(word.translate(table)), 0)
    return mask


def _judge_clause(
    clause: list[tuple[int, str]],
    where: str,
    out: list[Finding],
    *,
    inherited: int = 0,
    framed: set[str] | None = None,
) -> int:
    """Append the clause's findings to ``out`` and return the concepts it holds."""
    clause_mask = 0
    for mask, _ in clause:
        clause_mask |= mask
    if not clause_mask & _ANY_RULE_CONCEPT:
        return clause_mask
    negated_clause = bool(clause_mask & _NEGATOR)
    # a frame does not excuse what the clause also hides ("quietly turn off audit logging
    # during the migration"): concealment makes any frame a cover
    covert = bool(clause_mask & _COVERT)
    for rule, anchor, rest in _candidates(clause_mask):
        if rest and not _has_all(clause_mask, rest):
            continue
        for position, (mask, surface) in enumerate(clause):
            if not mask & anchor:
                continue
            if not covert and (rule.frames & inherited or _framed(clause, position, rule)):
                if framed is not None:
                    framed.add(rule.category)
                break
            if _prohibited(clause, position):
                continue
            if rule.level is Level.HINT and _negated_directly(clause, position):
                continue
            level = rule.level
            if negated_clause and level is Level.DENY:
                level = Level.REVIEW
            out.append(Finding(rule.category, level, rule.reason, surface, where))
            break
    return clause_mask


def _has_all(clause_mask: int, groups: tuple[int, ...]) -> bool:
    # a plain loop: all() over a generator costs more than the checks on this hot path
    for group in groups:  # noqa: SIM110
        if not clause_mask & group:
            return False
    return True


def _framed(clause: list[tuple[int, str]], position: int, rule: Rule) -> bool:
    """Whether a frame of ``rule`` stands anywhere in the clause but on the harm word itself.

    A term that itself plays a part in the rule ("flag" is a decision as well as a defence)
    frames nothing. A frame after the harm word counts too ("phishing emails for the spam
    filter's training set"): the learned model still reads the whole action, and it is the
    second opinion that keeps "write a phishing email and report back" from passing.
    """
    frames, parts = rule.frames, rule.parts
    for index, (mask, _) in enumerate(clause):
        if mask & frames and not mask & parts and index != position:
            return True
    return False


_LEADS = frozenset({"please", "and", "so", "also", "always"})


def _prohibited(clause: list[tuple[int, str]], position: int) -> bool:
    """A clause that opens with a negator forbids what follows ("Do not send the customer
    list to the partner", "never share ..."): a scope that is parsed and benign."""
    start = 0
    while start < position and clause[start][1] in _LEADS:
        start += 1
    if start >= position or not clause[start][0] & _NEGATOR:
        return False
    return not any(surface in {"just", "only", "merely"} for _, surface in clause[start:position])


def _negated_directly(clause: list[tuple[int, str]], position: int) -> bool:
    return any(mask & _NEGATOR for mask, _ in clause[max(0, position - 2) : position])


def find_in(
    text: Text,
    where: str,
    found: list[Finding],
    *,
    inherited: int = 0,
    clauses: list[int] | None = None,
    framed: set[str] | None = None,
) -> int:
    """Append every rule finding in ``text`` (one per rule and clause) to ``found``.

    ``inherited`` are concepts from the description that frame this text too (a parameter's
    value is read in the frame its description sets). Each clause's concepts are appended to
    ``clauses`` and the categories a frame excused to ``framed``, for the learned model.
    Returns the concepts of the whole text.
    """
    seen = 0
    for clause in terms(text):
        mask = _judge_clause(clause, where, found, inherited=inherited, framed=framed)
        if clauses is not None and mask:
            clauses.append(mask)
        seen |= mask
    return seen


_CONCEPT_FEATURES = tuple(f"c:{name}" for name in CONCEPTS)
_PAIR_FEATURES = {
    (low, high): f"c:{first}&{second}"
    for low, first in enumerate(CONCEPTS)
    for high, second in enumerate(CONCEPTS)
    if low < high
}


def _bits(mask: int) -> list[int]:
    found = []
    while mask:
        lowest = mask & -mask
        found.append(lowest.bit_length() - 1)
        mask ^= lowest
    return found


def concept_features(clauses: list[int], framed: set[str], findings: list[Finding]) -> set[str]:
    """Features for the learned model beyond words: which kinds of evidence met in a clause.

    ``c:person`` for each concept in a clause, ``c:harm_verb&person`` for each pair of them,
    ``framed:<category>`` for a rule a frame excused, ``rule:<category>:<level>`` for each
    finding. Words alone generalise poorly from a few thousand examples; roles do.
    """
    out: set[str] = set()
    for mask in set(clauses):
        bits = _bits(mask)
        for index, low in enumerate(bits):
            out.add(_CONCEPT_FEATURES[low])
            for high in bits[index + 1 :]:
                out.add(_PAIR_FEATURES[low, high])
    out.update(f"framed:{category}" for category in framed)
    out.update(f"rule:{f.category}:{f.level.name.lower()}" for f in findings)
    return out


def find(text: str, where: str) -> list[Finding]:
    """Every rule finding in ``text`` (one per rule and clause), with where it was found."""
    found: list[Finding] = []
    find_in(normalise(text), where, found)
    return found
