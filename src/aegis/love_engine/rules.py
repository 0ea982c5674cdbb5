"""Finding harm in a text: concepts per term, rules per clause, in one pass over the stems.

A text is read once: each stem (or the longest listed phrase starting there) is looked up in
one table and becomes a *term* carrying a bit mask of the concepts it plays. A clause then
tries only the rules its concepts can anchor (:mod:`aegis.love_engine.rulebook`): a rule fires
when every group it names is in the clause and none of its frames is, anywhere in the clause
but on the harm word itself. Concealment ("quietly", "so nobody notices") cancels every frame:
a frame does not excuse what the clause also hides.

Negation keeps a finding. Only a clause that opens with a negator ("do not send the customer
list", "never share ...") forbids what follows and reads as benign; a negator elsewhere lowers
*deny* to *review*, never to nothing ("don't want gay candidates" is still discrimination).
"""

from __future__ import annotations

from collections.abc import Callable

from aegis.love_engine.contrast import criterion_set_aside
from aegis.love_engine.evidence import abuse_handled
from aegis.love_engine.holdings import sells_holding
from aegis.love_engine.limits import limit_tightened
from aegis.love_engine.model import STOPWORDS
from aegis.love_engine.neighbours import answered_pleas, split_findings
from aegis.love_engine.normalise import CLAUSE_BREAK, Text, hyphen_joined, normalise, stem
from aegis.love_engine.orders import (
    barred_without_consent,
    deadline_for_work,
    diagnosed_fault,
    done_by_another,
    during_event,
    forbidden_directly,
    watched_event,
)
from aegis.love_engine.ordinary_overlay import overlay, stem_roles
from aegis.love_engine.phrase_roles import (
    own_signature,
    signed_as_group,
    their_document_checked,
    their_thing_removed,
)
from aegis.love_engine.purposes import OPEN_PURPOSES, prevents_harm
from aegis.love_engine.rulebook import BIT, CATEGORIES, RULES, Finding, Level, Rule, mask_of
from aegis.love_engine.rules_controls import lowered_control, text_safeguarded
from aegis.love_engine.rules_ended import harm_switched_off
from aegis.love_engine.scope import in_object_scope
from aegis.love_engine.subjects import asks_about_outcomes, measured_by, one_relative
from aegis.love_engine.topics import named_as_topic
from aegis.love_engine.vocabulary import CONCEPTS
from aegis.love_engine.vocabulary_ordinary import ORDINARY
from aegis.love_engine.vocabulary_recall import RULE_ONLY_ROLES

__all__ = [
    "CATEGORIES",
    "RULES",
    "Finding",
    "Level",
    "Rule",
    "concept_features",
    "cross_features",
    "find",
    "find_in",
    "terms",
]


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
                joined = hyphen_joined(normalise(entry).words)  # "under-30", "pre-tick"
                if joined is not None:
                    unigrams[joined] = unigrams.get(joined, 0) | BIT[name]
    by_start = {start: tuple(sorted(sizes, reverse=True)) for start, sizes in lengths.items()}
    _keep_word_roles(unigrams, phrases)
    return unigrams, phrases, by_start


#: Object pronouns: "fire her" is the act "fire" done to someone.
_OBJECT_PRONOUNS = frozenset({"her", "him", "them", "me", "us"})


def _keep_word_roles(unigrams: dict[str, int], phrases: dict[tuple[str, ...], int]) -> None:
    """A phrase is read as one term with only the roles that list it, so it takes its words'
    roles away. A verb and its object pronoun ("fire her", a punishment) must not: it keeps
    the rules' own roles of the verb ("fire", a person penalised), which the learned model
    does not read. A phrase that overrides a word's sense ("fire drill") keeps only its own."""
    rule_only = mask_of(*RULE_ONLY_ROLES)
    for stems, mask in phrases.items():
        if len(stems) == 2 and stems[1] in _OBJECT_PRONOUNS and mask & ~rule_only:
            phrases[stems] = mask | (unigrams.get(stems[0], 0) & rule_only)


_UNIGRAMS, _PHRASES, _PHRASE_LENGTHS = _build_tables()


def _participle_only() -> dict[str, int]:
    """The concepts a stem carries only through a listed participle ("doctored", "padded"):
    the bare word after a determiner is a noun ("my doctor", "a pad"), and plays none of them.
    """
    through_participle: dict[str, int] = {}
    through_other: dict[str, int] = {}
    for name, entries in CONCEPTS.items():
        for entry in entries:
            stems = normalise(entry).stems
            if len(stems) != 1:
                continue
            plain = entry.lower()
            table = (
                through_participle if plain.endswith("ed") and plain != stems[0] else through_other
            )
            table[stems[0]] = table.get(stems[0], 0) | BIT[name]
    return {
        word: bits & ~through_other.get(word, 0)
        for word, bits in through_participle.items()
        if bits & ~through_other.get(word, 0)
    }


_PARTICIPLE_ONLY = _participle_only()
_POSSESSIVE_MARKS = ("'s", "’s", "s'", "s’")


def _possessive_only() -> dict[tuple[str, ...], int]:
    """The concepts a phrase carries only through a listed possessive ("other users'",
    "her badge" is not one): stemming drops the mark, so the phrase without it ("threatening
    other users") must not play them."""
    through_possessive: dict[tuple[str, ...], int] = {}
    through_other: dict[tuple[str, ...], int] = {}
    # only where the mark is the whole finding ("another user's" account is not one's own);
    # elsewhere ("the bank's") the phrase means much the same with or without it
    for name in ("unauthorised",):
        for entry in CONCEPTS[name]:
            stems = tuple(normalise(entry).stems)
            if len(stems) < 2:
                continue
            table = through_possessive if entry.endswith(_POSSESSIVE_MARKS) else through_other
            table[stems] = table.get(stems, 0) | BIT[name]
    return {
        stems: bits & ~through_other.get(stems, 0)
        for stems, bits in through_possessive.items()
        if bits & ~through_other.get(stems, 0)
    }


_POSSESSIVE_ONLY = _possessive_only()
_DETERMINERS = frozenset(
    {"the", "a", "an", "my", "your", "his", "our", "their", "its", "this", "that", "her"}
)
_PHRASE_FIRST = frozenset(first for first, _ in _PHRASE_LENGTHS)
#: A listed stem is still read with two neighbouring letters swapped, the commonest typing slip
#: ("asbsetos", "poinosn"): one table lookup per unlisted word. Only listed single words of five
#: letters or more, and never a swap that spells another listed stem.
_MIN_TYPO_STEM = 5


def _transposed_table() -> dict[str, int]:
    listed = {
        stems[0]
        for entries in CONCEPTS.values()
        for entry in entries
        if len(stems := normalise(entry).stems) == 1
    }
    table: dict[str, int] = {}
    for word in listed:
        if len(word) < _MIN_TYPO_STEM or not word.isalpha():
            continue
        mask = _UNIGRAMS[word]
        for index in range(1, len(word) - 1):
            swapped = f"{word[:index]}{word[index + 1]}{word[index]}{word[index + 2 :]}"
            if swapped != word and swapped not in _UNIGRAMS:
                table[swapped] = table.get(swapped, 0) | mask
    return table


_TRANSPOSED = _transposed_table()
_NEGATOR = BIT["negator"]
_PERSON = BIT["person"]
_OTHERS = BIT["others"]
_COVERT = BIT["conceal"]
#: Storage that keeps records unchanged (WORM, legal hold): a clause that puts them there
#: hides nothing from whoever will look ("archive the logs to WORM storage before the audit").
_PRESERVED = BIT["preserve_cue"]
_DECISION = BIT["decision"]
_CRITERION = BIT["criterion_cue"]
_PERMANENT = BIT["permanent"]
_CLAIMED = BIT["purpose_claim"]
_OWN_POCKET = BIT["own_pocket"]
#: A compound of more parts than this is no word ("a-a-a-…"): only its first parts are read.
_MAX_COMPOUND_PARTS = 8


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
    clause: list[tuple[int, str]] = []
    clauses = [clause]
    count = len(stems)
    known = _word_masks.get
    ordinary = stem_roles(stems)  # the ordinary-verb roles, read apart from these terms
    skip = 0  # words still to pass over inside a phrase just read
    for index, current in enumerate(stems):
        if skip:
            skip -= 1
            continue
        if current == CLAUSE_BREAK:
            clause = []
            clauses.append(clause)
            continue
        if current in _PHRASE_FIRST and index + 1 < count:
            phrase = _phrase_at(stems, index)
            if phrase is not None:
                mask, size = phrase
                lacking = _POSSESSIVE_ONLY.get(stems[index : index + size])
                if lacking and not words[index + size - 1].endswith(_POSSESSIVE_MARKS):
                    mask &= ~lacking  # "other users" is not "other users'"
                if mask & _REPORTED_ROLES and index and words[index - 1] in _PASSIVE_AUXILIARIES:
                    mask &= ~_REPORTED_ROLES  # "she was double charged", as for one word
                if stems[index : index + size] in OPEN_PURPOSES and prevents_harm(
                    stems, index + size
                ):
                    mask &= ~_CONCEAL  # "so nobody deletes the mailboxes": a harm prevented
                mask |= overlay(ordinary, index, index + size)
                clause.append((mask, " ".join(words[index : index + size])))
                skip = size - 1
                continue
        word = words[index]
        cached = known(word)
        mask = _word_mask(word, current) if cached is None else cached
        if (
            current in _PARTICIPLE_ONLY
            and index
            and words[index - 1] in _DETERMINERS
            and not word.endswith(("ed", "en"))
        ):
            mask &= ~_PARTICIPLE_ONLY[current]  # "call my doctor": a noun, not "doctored"
        if mask & _REPORTED_ROLES and index and words[index - 1] in _PASSIVE_AUXILIARIES:
            mask &= ~_REPORTED_ROLES  # "her card was stolen": a report of what was done to her
        clause.append((mask | ordinary[index], word))
    return [clause for clause in clauses if clause]


#: A harm in the passive after one of these ("was stolen", "got hacked", "were exposed in the
#: breach", "was harassed", "was double charged") reports what was done to someone: the
#: request is about its aftermath, not the act. Making a control *be* disabled is still
#: tampering, so the controls' verbs are not among these roles.
#: ("caught stealing" reports what someone was seen doing.) A participle before a definite
#: noun is not read so: "the leaked photos" may be what is posted, "the stolen card" used.
_PASSIVE_AUXILIARIES = frozenset(
    {"was", "were", "been", "got", "gets", "getting", "being", "caught"}
)


_CONCEAL = BIT["conceal"]
_REPORTED_ROLES = mask_of(
    "steal",
    "unauthorised",
    "intrusion_verb",
    "expose_verb",
    "fraud_strong",
    "harass_strong",
    "stalk",
    "finance_strong",
)


def _phrase_at(stems: tuple[str, ...], index: int) -> tuple[int, int] | None:
    """The concepts and length of the longest listed phrase starting at ``index``, if any."""
    for size in _PHRASE_LENGTHS.get((stems[index], stems[index + 1]), ()):
        found = _PHRASES.get(stems[index : index + size])
        if found is not None:
            return found, size
    return None


#: The concepts of single words, kept for short words (the stem is a function of the word).
_word_masks: dict[str, int] = {}
_MAX_WORD_MASKS = 50_000
_MAX_CACHED_WORD = 40


def _word_mask(word: str, stemmed: str) -> int:
    """The concepts ``word`` (stemmed ``stemmed``) plays on its own."""
    mask = _UNIGRAMS.get(stemmed, 0)
    if not mask and not _LEET_DIGITS.isdisjoint(word) and word.isalnum():
        mask = _leet(word)
    if not mask and len(stemmed) >= _MIN_TYPO_STEM:
        mask = _TRANSPOSED.get(stemmed, 0)
    if not mask and "-" in word:  # an unlisted compound reads as its parts
        for part in word.split("-", _MAX_COMPOUND_PARTS)[:_MAX_COMPOUND_PARTS]:
            mask |= _UNIGRAMS.get(stem(part), 0)
    if mask & _PERSON and word.endswith(("'s", "’s", "s'")):
        mask |= _OTHERS
    if len(word) <= _MAX_CACHED_WORD and len(_word_masks) < _MAX_WORD_MASKS:
        _word_masks[word] = mask  # bounded: at most 50,000 entries of at most 40 characters
    return mask


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


def _unguarded() -> bool:
    return False


def _judge_clause(
    clause: list[tuple[int, str]],
    where: str,
    out: list[Finding],
    *,
    inherited: int = 0,
    framed: set[str] | None = None,
    safeguarded: Callable[[], bool] = _unguarded,
) -> int:
    """Append the clause's findings to ``out`` and return the concepts it holds
    (``safeguarded``: the text states a bounded pause and its safeguard,
    :mod:`aegis.love_engine.rules_controls`)."""
    clause_mask = 0
    for mask, _ in clause:
        clause_mask |= mask
    if not clause_mask & _ANY_RULE_CONCEPT:
        return clause_mask
    if clause_mask & _COVERT:
        clause, clause_mask = _without_deadlines(clause, clause_mask)
    negated_clause = bool(clause_mask & _NEGATOR)
    # a frame does not excuse what the clause also hides ("quietly turn off audit logging
    # during the migration"): concealment makes any frame a cover
    covert = bool(clause_mask & _COVERT) and not clause_mask & _PRESERVED
    # nor does it excuse a control switched off for good ("under change request CR-9, stop
    # the EDR agent for good"): maintenance is temporary
    lasting = bool(clause_mask & _PERMANENT)
    # and a purpose the requester claims for a severe harm is no frame of it
    claimed = bool(clause_mask & _CLAIMED)
    # nor is any word beside money moved into the requester's own pocket ("drain the client
    # escrow into my personal account and freeze the audit trail")
    pocketed = bool(clause_mask & _OWN_POCKET)
    for rule, anchor, rest in _candidates(clause_mask):
        if rest and not _has_all(clause_mask, rest):
            continue
        cover = (
            covert
            or (lasting and rule.category == "safety_tampering")
            or (claimed and rule.level is Level.DENY)
            or (pocketed and rule.category == "financial_harm")
        )
        found = _rule_finding(
            clause, rule, anchor, cover=cover, inherited=inherited, safeguarded=safeguarded
        )
        if found is _FRAMED:
            if framed is not None:
                framed.add(rule.category)
        elif found is not None:
            position, level = found
            if negated_clause and level is Level.DENY:
                level = Level.REVIEW
            out.append(Finding(rule.category, level, rule.reason, clause[position][1], where))
    return clause_mask


def _without_deadlines(
    clause: list[tuple[int, str]], clause_mask: int
) -> tuple[list[tuple[int, str]], int]:
    """The clause with a concealment cue that is a deadline for work ("the repair scheduled
    before the inspector's visit") read as no concealment (:mod:`aegis.love_engine.orders`)."""
    deadlines = [
        index
        for index, (mask, _) in enumerate(clause)
        if mask & _COVERT and deadline_for_work(clause, index)
    ]
    if not deadlines:
        return clause, clause_mask
    clause = list(clause)
    for index in deadlines:
        mask, surface = clause[index]
        clause[index] = (mask & ~_COVERT, surface)
    clause_mask = 0
    for mask, _ in clause:
        clause_mask |= mask
    return clause, clause_mask


_FRAMED = (-1, Level.HINT)
#: How many anchors acting on something else a rule looks past before it settles for a hint:
#: bounded, so a clause of a thousand such verbs stays linear.
_MAX_PASSED_OVER = 8


def _rule_finding(
    clause: list[tuple[int, str]],
    rule: Rule,
    anchor: int,
    *,
    cover: bool,
    inherited: int,
    safeguarded: Callable[[], bool] = _unguarded,
) -> tuple[int, Level] | None:
    """Where and at what level ``rule`` fires in the clause: its first anchor term that no
    frame excuses and no opening negator forbids. ``_FRAMED`` when a frame excused it.

    A rule that names the verb's object fires at its own level only on an anchor whose object
    it is; an anchor acting on something else is kept as a hint, should no other do better.
    """
    weaker: tuple[int, Level] | None = None
    passed_over = 0
    own_language = anchor == _LANGUAGE and _own_language(clause)  # once per clause: linear
    for position, (mask, _) in enumerate(clause):
        if not mask & anchor:
            continue
        if anchor == _OFF_PARTICLE and not _split_verb_object(clause, position):
            continue
        if _governed(clause, position) or _avoided(clause, position):
            continue
        if rule.honest_objects and any(
            m & rule.honest_objects for m, _ in clause[position + 1 : position + 4]
        ):
            continue
        if not cover and (rule.frames & inherited or _framed(clause, position, rule)):
            return _FRAMED if weaker is None else weaker
        if own_language:
            return _FRAMED
        if _prohibited(clause, position) and not (
            rule.parts & _DECISION and _refuses_people(clause)
        ):
            continue
        if rule.level is Level.HINT and _negated_directly(clause, position):
            continue
        # the verb acts on something else, or the anchor plays no harmful part where it
        # stands: no veto, a hint for the model
        # routine, scoped or protective work on a control is a hint too, unless the clause
        # hides it or makes it permanent (``cover``)
        if (
            _role_taken_away(clause, position, rule)
            or (rule.objects and not in_object_scope(clause, position, rule.objects, anchor))
            or (
                not cover
                and rule.category == "safety_tampering"
                and (
                    lowered_control(clause, position, safeguarded)
                    or limit_tightened(clause, position)
                )
            )
            or (not cover and rule.category in _ENDED_HARMS and harm_switched_off(clause, position))
            or (not cover and rule.category == "harassment" and abuse_handled(clause, position))
        ):
            if weaker is None:
                weaker = (position, Level.HINT)
            passed_over += 1
            if passed_over >= _MAX_PASSED_OVER:  # each look costs a pass over the clause
                return weaker
            continue
        return position, rule.level
    return weaker


_LANGUAGE = BIT["language_use"]
#: Harms a verb can end ("disable location tracking", "revoke the stolen laptop's access").
_ENDED_HARMS = frozenset({"privacy_violation", "unauthorized_access"})


def _role_taken_away(clause: list[tuple[int, str]], position: int, rule: Rule) -> bool:
    """Whether the anchor at ``position`` plays no harmful part where it stands: a verb a
    negated imperative forbids, a fault reported and diagnosed (:mod:`aegis.love_engine.orders`),
    a control's switching off that a monitor waits for (:mod:`aegis.love_engine.orders`), a
    protected criterion a decision is told not to use (:mod:`aegis.love_engine.contrast`),
    an attribute asked about, measured or one relative's (:mod:`aegis.love_engine.subjects`),
    a document's topic (:mod:`aegis.love_engine.topics`) or a listed phrase's own reading
    (:mod:`aegis.love_engine.phrase_roles`)."""
    if (
        forbidden_directly(clause, position)
        or named_as_topic(clause, position)
        or own_signature(clause, position)
        or signed_as_group(clause, position)
        or their_document_checked(clause, position)
        or during_event(clause, position)
        or barred_without_consent(clause, position)
        or done_by_another(clause, position)
    ):
        return True
    if rule.category == "privacy_violation":
        return sells_holding(clause, position)  # "sell 200 shares": a trade, not data sold
    if rule.category == "physical_harm":
        return their_thing_removed(clause, position)  # "tracking her phone" is tracking her
    if rule.category == "discrimination":
        return (
            criterion_set_aside(clause, position)
            or one_relative(clause, position)
            or asks_about_outcomes(clause)
            or measured_by(clause, position)
        )
    if rule.category == "safety_tampering":
        return watched_event(clause, position) or diagnosed_fault(clause, position)
    return False


def _own_language(clause: list[tuple[int, str]]) -> bool:
    """Whether the clause serves people in the language it selects them by ("the listings in
    Arabic to users whose profile language is Arabic", "the form in Spanish for
    Spanish-speaking applicants"): the language is the medium, an accommodation."""
    media = {
        surface[3:] for mask, surface in clause if mask & _LANGUAGE and surface.startswith("in ")
    }
    if not media:
        return False
    for _, surface in clause:
        if surface.startswith("in "):
            continue
        for part in surface.replace("-", " ").split(" "):
            if part in media:
                return True
    return False


def _avoided(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the harm at ``position`` is what the request avoids: a gerund right after
    "without" ("help her without humiliating her"). A parsed scope, so it is the one negation
    that clears a finding; "without" anywhere else keeps it."""
    surface = clause[position][1]
    return (
        position > 0
        and clause[position - 1][1] == "without"
        and " " not in surface
        and surface.endswith("ing")
    )


_GOVERNANCE = BIT["governance_head"]


def _governed(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the harm word at ``position`` names the topic of a rule or a defence against
    it: a governance noun follows it ("the insider trading policy") or is compounded with it
    ("fraud-awareness")."""
    mask, surface = clause[position]
    if mask & _GOVERNANCE and "-" in surface:
        return True
    return position + 1 < len(clause) and bool(clause[position + 1][0] & _GOVERNANCE)


_OFF_PARTICLE = BIT["off_particle"]
_OFF_PRONOUNS = frozenset({"it", "them", "that", "this", "those", "these"})
_PHRASAL_HEAD = BIT["phrasal_head"]
_CONTROL = BIT["safety_control"] | BIT["strong_control"]


def _split_verb_object(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether "off" at ``position`` closes a verb split around a control ("turn the safety
    filter off"): the control just before it, the verb a few terms before that. "Turn the
    lights off and set the alarm" switches nothing off."""
    near = clause[max(0, position - 3) : position]
    head = clause[max(0, position - 8) : position]
    if not any(m & _PHRASAL_HEAD for m, _ in head):
        return False
    if any(m & _CONTROL for m, _ in near):
        return True
    # "the audit log is still on, turn it off": a pronoun right before "off" stands for the
    # control the clause names before it (the rule needs one in the clause); not parsed
    # further, so it fails closed
    return (
        position >= 2
        and clause[position - 1][1] in _OFF_PRONOUNS
        and any(m & _CONTROL for m, _ in clause[: position - 1])
    )


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
        found = mask & frames
        if not found or mask & parts or index == position:
            continue
        # what someone else did, told in a relative clause ("the girl who blocked me"), is
        # not what the request does
        if index and clause[index - 1][1] in _RELATIVE_SUBJECTS:
            continue
        # a defence said not to happen ("so she can't block them") excuses nothing; "no"
        # before a noun ("no legal holds") says a check came out clear, not that it is undone
        if index and clause[index - 1][0] & _NEGATOR and clause[index - 1][1] != "no":
            continue
        # a harmless object excuses only the verb it follows ("shoot her a text"), not a harm
        # elsewhere in the clause ("send her a text saying I'll kill her")
        if found == _HARMLESS_OBJECT and not position < index <= position + _OBJECT_REACH:
            continue
        return True
    return False


_HARMLESS_OBJECT = BIT["benign_object"]
_RELATIVE_SUBJECTS = frozenset({"who", "who's", "whom"})
#: How many terms after a verb its object may stand ("trim my old dog's nails").
_OBJECT_REACH = 4


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


def _refuses_people(clause: list[tuple[int, str]]) -> bool:
    """A negator that governs a decision about people is the decision ("don't hire anyone
    with an accent", "never rent to ..."): not a prohibition of what follows."""
    start = 0
    while start < len(clause) and clause[start][1] in _LEADS:
        start += 1
    if any(mask & _CRITERION for mask, _ in clause):
        return False
    return start + 1 < len(clause) and bool(clause[start + 1][0] & _DECISION)


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
    parts = terms(text)
    memo: list[bool] = []

    def guarded() -> bool:
        # read once per text, and only for a clause that switches a control off
        if not memo:
            memo.append(text_safeguarded(parts))
        return memo[0]

    own: list[list[Finding]] = []
    for clause in parts:
        local: list[Finding] = []
        mask = _judge_clause(
            clause, where, local, inherited=inherited, framed=framed, safeguarded=guarded
        )
        own.append(local)
        if clauses is not None and mask & _MODEL_CONCEPTS:
            clauses.append(mask & _MODEL_CONCEPTS)
        seen |= mask
    for local in answered_pleas(parts, own, seen):
        found.extend(local)
    if len(parts) > 1:

        def judge(clause: list[tuple[int, str]], out: list[Finding], excused: set[str]) -> int:
            return _judge_clause(
                clause, where, out, inherited=inherited, framed=excused, safeguarded=guarded
            )

        found.extend(split_findings(parts, own, judge))
    return seen


#: The concepts the learned model reads. The scope words ("it", "after", "report") place other
#: words for the rules, and the recall vocabulary's rule-only roles ("get", "show") only
#: steer rules: as features either would only add a pair per common word.
_MODEL_CONCEPTS = ~mask_of(
    "document_head",
    "weakening_head",
    "object_end",
    "anaphor",
    "governance_head",
    *RULE_ONLY_ROLES,
    *ORDINARY,
)
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


def cross_features(stems: list[str], clauses: list[int]) -> set[str]:
    """``x:<concept>|<stem>`` for each concept met anywhere in the action and each content
    stem of it: a word's weight given the kind of evidence beside it ("x:toxin|coffe" is not
    "x:care|coffe"), which lets a linear model tell look-alikes that share their words apart.
    """
    union = 0
    for mask in clauses:
        union |= mask
    if not union:
        return set()
    names = [_CONCEPT_NAMES[bit] for bit in _bits(union)]
    content = {s for s in stems if s != CLAUSE_BREAK and s not in STOPWORDS}
    return {f"x:{name}|{word}" for name in names for word in content}


_CONCEPT_NAMES = tuple(CONCEPTS)


def find(text: str, where: str) -> list[Finding]:
    """Every rule finding in ``text`` (one per rule and clause), with where it was found."""
    found: list[Finding] = []
    find_in(normalise(text), where, found)
    return found
