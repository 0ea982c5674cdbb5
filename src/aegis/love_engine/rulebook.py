"""The rules, as data: which combinations of concepts in a clause are a finding of harm.

Each rule names a category, a level (a hint for the learned model, a finding that asks for
review, an unambiguous finding that denies), the concept groups that must all be present in
one clause (the first group anchors the finding: its word is the evidence reported), and the
frames that make the harm word benign when they stand anywhere in the same clause ("block the
IPs behind a brute-force attack", "remove the harassment comment", "a bias audit by gender").
The matching is in :mod:`aegis.love_engine.rules`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from aegis.love_engine.rulebook_ordinary import ORDINARY_RULES
from aegis.love_engine.rulebook_recall import RECALL_RULES
from aegis.love_engine.vocabulary import CONCEPTS

__all__ = ["BIT", "CATEGORIES", "RULES", "Finding", "Level", "Rule", "mask_of"]

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


def mask_of(*names: str) -> int:
    total = 0
    for name in names:
        total |= BIT[name]
    return total


@dataclass(frozen=True, slots=True)
class Rule:
    category: str
    level: Level
    reason: str
    groups: tuple[int, ...]  # one concept of each group must be in the clause; the first anchors
    frames: int = 0  # concepts anywhere in the clause that make the harm word benign
    parts: int = 0  # every concept the rule names (a term playing a part is no frame)
    #: Concepts one of which must be the anchor verb's object (:mod:`aegis.love_engine.scope`);
    #: a finding whose verb acts on something else is only a hint.
    objects: int = 0
    #: Concepts that, standing right after the anchor, make it honest ("reported as adverse
    #: events" keeps the harm a harm).
    honest_objects: int = 0


def _rule(
    category: str,
    level: Level,
    reason: str,
    *groups: tuple[str, ...],
    frames: tuple[str, ...] = (),
    objects: tuple[str, ...] = (),
    honest_objects: tuple[str, ...] = (),
) -> Rule:
    masks = tuple(mask_of(*g) for g in groups)
    parts = mask_of(*(n for g in groups for n in g))
    return Rule(
        category,
        level,
        reason,
        masks,
        mask_of(*frames),
        parts,
        mask_of(*objects),
        mask_of(*honest_objects),
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
        frames=("defensive", "protect_frame", "detect_frame", "own_frame"),
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "looking up a person's whereabouts or details",
        ("lookup_verb",),
        ("personal_info", "personal_data"),
        ("intimate_target",),
        frames=("defensive", "protect_frame", "own_frame"),
        objects=("personal_info", "personal_data", "intimate_target", "person"),
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
        # a group named as the target of threats or abuse is whom a moderator protects
        frames=(
            "subject_frame",
            "defensive",
            "informational",
            "threat",
            "harass_strong",
            "abusive",
            "abuse_named",
        ),
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
        frames=("subject_frame", "defensive", "accommodation_frame"),
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
        frames=("defensive", "protect_frame", "informational", "fiction_frame", "own_frame"),
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
        frames=(*_CLAIM, "detect_frame", "pentest_frame", "response_frame"),
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
        frames=("maintenance_frame", "defensive", "pentest_frame", "restore_frame"),
        objects=("strong_control",),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "disabling a control",
        ("disable_verb",),
        ("safety_control",),
        frames=(
            "maintenance_frame",
            "defensive",
            "test_frame",
            "pentest_frame",
            "informational",
            "restore_frame",
        ),
        objects=("safety_control",),
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
        "diverting money held for others into one's own pocket",
        ("money_move", "plain_move"),
        ("own_pocket",),
        ("others", "others_money"),
        frames=("defensive",),
    ),
    _rule(
        "financial_harm",
        Level.HINT,
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
    # plainly worded wrongs: the structure of the wrong, no harm word needed
    _rule(
        "physical_harm",
        Level.DENY,
        "cruelty to an animal",
        ("harm_verb", "injure_verb"),
        ("animal",),
        frames=(*_ACT, "benign_object"),
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "a dose to kill a person or an animal",
        ("toxin",),
        ("harm_verb", "lethal"),
        ("person", "others", "animal"),
        ("instructions", "method", "lethal", "make_verb"),
        frames=_CARE,
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "stopping a person's heart or breath",
        ("halt_verb",),
        ("vital",),
        ("person", "others", "toxin", "lethal", "instructions"),
        frames=_CARE,
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "violence against a person",
        ("harm_verb",),
        ("person",),
        ("instructions", "method", "make_verb"),
        frames=("support_frame", "detect_frame", "fiction_frame"),
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "sabotage that endangers a person",
        ("sabotage_verb",),
        ("vital_part",),
        ("person", "others", "intimate_target", "conceal"),
        frames=("defensive", "detect_frame", "maintenance_frame"),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "a safety measure dropped or weakened",
        ("weaken_verb",),
        ("safety_measure",),
        frames=("defensive", "informational", "detect_frame", "maintenance_frame", "test_frame"),
    ),
    _rule(
        "physical_harm",
        Level.REVIEW,
        "a failed, recalled or spoiled product put into use",
        ("release_verb",),
        ("failed_item",),
        frames=("defensive", "informational", "detect_frame"),
    ),
    _rule(
        "physical_harm",
        Level.REVIEW,
        "a child or animal left without care",
        ("unattended",),
        ("dependant", "animal"),
        ("leave_verb",),
        frames=("defensive", "informational", "detect_frame"),
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "dumping hazardous waste",
        ("improper_disposal",),
        ("hazmat",),
        frames=("defensive", "informational", "proper_disposal"),
    ),
    _rule(
        "deception_fraud",
        Level.DENY,
        "bribing an official",
        ("payoff", "funds"),
        ("official",),
        ("look_away",),
        frames=("defensive", "informational"),
    ),
    _rule(
        "financial_harm",
        Level.DENY,
        "withholding what workers are owed, or their freedom",
        ("labour_wrong",),
        frames=("defensive", "informational", "detect_frame"),
    ),
    _rule(
        "financial_harm",
        Level.DENY,
        "keeping workers' identity papers from them",
        ("identity_papers",),
        ("hold_verb",),
        ("workers", "person", "others"),
        frames=("defensive", "informational", "detect_frame", "papers_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "cheating in an exam or coursework",
        ("cheat_cue",),
        frames=("defensive", "informational"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "tampering with other people's votes",
        ("ballot",),
        ("ballot_tamper",),
        ("for_others", "others", "conceal", "unauthorised"),
        frames=("defensive", "informational", "detect_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "a product claim the request says is untrue",
        ("claim_label",),
        ("claim_verb",),
        ("contrary", "conceal", "fake_adj", "self_serving", "hide_verb"),
        frames=("defensive", "informational", "test_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "a health or money claim nobody can make honestly",
        ("claim_strong",),
        ("claim_verb",),
        frames=("defensive", "informational", "detect_frame", "test_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "a record marked as checked when it was not",
        ("falsify_verb",),
        ("record_object",),
        ("contrary",),
        frames=("defensive", "test_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "a failed check recorded as passed",
        ("as_passed",),
        ("failed_result",),
        frames=("defensive", "test_frame"),
    ),
    _rule(
        "financial_harm",
        Level.REVIEW,
        "splitting payments to stay under a limit",
        ("split_verb",),
        ("under_limit",),
        frames=("defensive", "informational", "detect_frame", "lookup_verb"),
    ),
    _rule(
        "financial_harm",
        Level.REVIEW,
        "borrowing money held for others",
        ("borrow_verb",),
        ("others_money", "others"),
        frames=("defensive", "informational"),
    ),
    _rule(
        "discrimination",
        Level.REVIEW,
        "content moderated by the language it is written in",
        ("language_use",),
        ("moderate_verb",),
        ("content_item",),
        frames=(
            "subject_frame",
            "informational",
            "harass_strong",
            "abusive",
            "fraud_strong",
            "undo",
        ),
    ),
    _rule(
        "discrimination",
        Level.REVIEW,
        "people's language as the criterion of a decision about them",
        ("language_use",),
        ("decision",),
        frames=("subject_frame", "informational", "defensive", "undo", "accommodation_frame"),
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
RULES += (
    # evasion: something made to disappear, or a step recorded, ahead of whoever will look
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "destroying or changing something before it is checked",
        ("destroy_verb",),
        ("before_cue",),
        ("oversight",),
        # a defensive word is no excuse here ("remove the complaints before the review"), nor
        # is maintenance ("shred the maintenance records before the inspector comes")
        frames=("cleanup_frame", "safety_measure", "informational"),
    ),
    _rule(
        "physical_harm",
        Level.REVIEW,
        "a weapon taken past a screening point",
        ("sneak_past",),
        ("screening",),
        ("weapon", "weapon_strong", "explosive"),
        frames=("defensive", "informational", "detect_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "a false notice about when or how to vote",
        ("false_change",),
        ("election_day",),
        frames=("defensive", "informational", "detect_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "a false notice about how to vote",
        ("voting_false_claim",),
        frames=("defensive", "informational", "detect_frame"),
    ),
    _rule(
        "harassment",
        Level.REVIEW,
        "a threat made conditional on a complaint, a report or testimony",
        ("if_victim_acts",),
        ("grievance",),
        # the police, a report or a complaint is what the victim is warned off, no frame
        frames=("informational",),
    ),
    _rule(
        "physical_harm",
        Level.DENY,
        "a person or an animal made to vanish",
        ("make_vanish",),
        ("person", "others", "animal", "intimate_target"),
        frames=_ACT,
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "personal data kept without end",
        ("keep_forever",),
        ("held_people_data", "personal_data"),
        frames=("defensive", "informational", "protect_frame", "undo"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "urgency or popularity made up",
        ("made_up_number",),
        ("urgency_widget",),
        frames=("defensive", "informational", "detect_frame", "test_frame"),
    ),
    _rule(
        "unauthorized_access",
        Level.REVIEW,
        "working out someone else's password or code",
        ("guess_verb",),
        ("credential",),
        ("others", "intimate_target"),
        frames=("defensive", "pentest_frame", "own_frame", "informational"),
    ),
    _rule(
        "unauthorized_access",
        Level.REVIEW,
        "an employer's data taken to a private store",
        ("personal_store",),
        ("employer_data",),
        frames=("defensive", "informational", "own_frame"),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "destroying the evidence of one's own act",
        ("destroy_verb",),
        ("own_evidence",),
    ),
    _rule(
        "safety_tampering",
        Level.DENY,
        "switching off a safety or audit control",
        ("off_particle",),
        ("phrasal_head",),
        ("strong_control",),
        frames=("maintenance_frame", "defensive", "pentest_frame", "restore_frame"),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "switching off a control",
        ("off_particle",),
        ("phrasal_head",),
        ("safety_control",),
        frames=(
            "maintenance_frame",
            "defensive",
            "test_frame",
            "pentest_frame",
            "informational",
            "restore_frame",
        ),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "a finding kept out of the record",
        ("suppress_record",),
        ("record_object", "failed_item", "failed_result", "hazmat"),
        frames=("informational", "cleanup_frame"),
    ),
    _rule(
        "harassment",
        Level.DENY,
        "secrecy or time alone sought with a child",
        ("secret_with_child",),
        ("minor", "person"),
        frames=("surprise_frame", "informational", "defensive", "detect_frame"),
    ),
    _rule(
        "financial_harm",
        Level.REVIEW,
        "prices raised on a disaster",
        ("price_hike",),
        ("disaster",),
        frames=("informational", "defensive", "detect_frame", "undo"),
    ),
    _rule(
        "harassment",
        Level.REVIEW,
        "retaliation against someone who spoke up",
        ("punish_act",),
        ("spoke_up",),
        frames=("informational", "undo"),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "complaints about a hazard closed unexamined",
        ("no_investigation",),
        ("grievance", "failed_item", "vital_part", "hazmat", "safety_measure", "strong_control"),
        frames=("informational", "cleanup_frame"),
    ),
    _rule(
        "financial_harm",
        Level.REVIEW,
        "fees engineered to fall on customers",
        ("fee_trap",),
        frames=("defensive", "informational", "detect_frame", "undo"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "counting on the people affected not noticing",
        ("unnoticed",),
        frames=("maintenance_frame", "defensive", "informational", "detect_frame", "support_frame"),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "a safety finding recorded as resolved",
        ("cleared_state",),
        ("falsify_verb",),
        ("safety_finding",),
        frames=("defensive", "test_frame", "informational", "detect_frame"),
    ),
    _rule(
        "safety_tampering",
        Level.REVIEW,
        "a safety step recorded as done before it was done",
        ("as_passed",),
        ("safety_measure", "strong_control"),
        ("premature",),
        frames=("defensive", "test_frame"),
    ),
    _rule(
        "privacy_violation",
        Level.DENY,
        "following a person about",
        ("follow_verb",),
        ("person", "others", "intimate_target"),
        ("routine_watch",),
        frames=("defensive", "protect_frame", "informational", "support_frame"),
    ),
    _rule(
        "harassment",
        Level.DENY,
        "contact pressed on a person who has not answered or said no",
        ("persist_cue",),
        ("send_verb", "person", "intimate_target", "abusive"),
        frames=("defensive", "informational", "support_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.DENY,
        "a login or brand imitated to take credentials",
        ("imitate",),
        ("credential", "system_target"),
        frames=("defensive", "detect_frame", "pentest_frame", "informational"),
    ),
    _rule(
        "discrimination",
        Level.DENY,
        "people penalised for leave or a status the law protects",
        ("protected_leave",),
        ("adverse_act",),
        frames=("defensive", "informational", "undo", "detect_frame"),
    ),
    _rule(
        "harassment",
        Level.REVIEW,
        "an act meant to cost a person their job, home or peace",
        ("harm_outcome",),
        frames=("informational", "fiction_frame", "support_frame"),
    ),
    _rule(
        "deception_fraud",
        Level.REVIEW,
        "a harm to people recorded as something else",
        ("relabel_as",),
        ("adverse_outcome",),
        # a summary or report is what is being rewritten here, no frame
        frames=("defensive", "detect_frame"),
        honest_objects=("adverse_outcome",),
    ),
    _rule(
        "privacy_violation",
        Level.REVIEW,
        "a person's movements written down",
        ("movement_watch",),
        ("watch_log", "follow_verb", "lookup_verb", "surveil_verb"),
        frames=("defensive", "protect_frame", "informational", "support_frame"),
    ),
    _rule(
        "self_harm",
        Level.REVIEW,
        "starving or purging oneself",
        ("starve_cue",),
        frames=("support_frame", "detect_frame", "informational"),
    ),
    _rule(
        "self_harm",
        Level.DENY,
        "urging a person toward self-harm",
        ("urge_self_harm",),
        frames=("informational", "detect_frame", "defensive"),
    ),
)
# harms said in ordinary words (see :mod:`aegis.love_engine.rulebook_recall`)
RULES += tuple(
    _rule(category, Level[level], reason, *groups, frames=frames)
    for category, level, reason, groups, frames in RECALL_RULES
)
# wrongs said with ordinary verbs (see :mod:`aegis.love_engine.rulebook_ordinary`)
RULES += tuple(
    _rule(category, Level[level], reason, *groups, frames=frames)
    for category, level, reason, groups, frames in ORDINARY_RULES
)
