"""Rules for harms said in ordinary words: the structures :mod:`.vocabulary_recall` names.

Each rule is a plain tuple (category, level name, reason, concept groups, frames), turned into
a :class:`aegis.love_engine.rulebook.Rule` where the rulebook is built, so this module needs
nothing from it. Their frames are narrow on purpose: words of protection for the subject of
the rule (reporting abuse to NCMEC, a bias audit, rescuing dogs from a fighting ring), never
the broad frames of older rules ("warehouse" or "campaign" excuse no preference for young men
or a hate-mail campaign).
"""

from __future__ import annotations

__all__ = ["RECALL_RULES", "RuleSpec"]

#: (category, level name, reason, concept groups, frames)
RuleSpec = tuple[str, str, str, tuple[tuple[str, ...], ...], tuple[str, ...]]

_CHILD_FRAMES = ("child_safety_frame",)
_PREFERENCE_FRAMES = ("audit_frame", "informational", "undo")

RECALL_RULES: tuple[RuleSpec, ...] = (
    (
        "deception_fraud",
        "REVIEW",
        "a false notice of when, where or by whom a vote is cast",
        (("false_vote_notice",),),
        ("official_source", "detect_frame"),
    ),
    (
        "harassment",
        "DENY",
        "sexual content involving a child",
        (("sexual_content",), ("minor_age",)),
        _CHILD_FRAMES,
    ),
    (
        "harassment",
        "DENY",
        "seeking private or secret contact with a child",
        (("grooming_act",), ("minor_age",)),
        _CHILD_FRAMES,
    ),
    (
        "discrimination",
        "DENY",
        "a protected group made the only one a decision admits or the one it excludes",
        (("exclusive_cue",), ("protected_group", "proxy"), ("people_decision",)),
        _PREFERENCE_FRAMES,
    ),
    (
        "discrimination",
        "REVIEW",
        "content moderated by where its authors come from or who they are",
        (("people_from_place",), ("moderation_act", "people_decision")),
        ("audit_frame", "informational", "undo", "harass_strong", "abusive", "fraud_strong"),
    ),
    (
        "discrimination",
        "DENY",
        "an accommodation refused to a person who needs it",
        (("refuse_verb",), ("accommodation_need",), ("protected_group", "protected_attr")),
        ("informational", "undo", "audit_frame"),
    ),
    (
        "harassment",
        "DENY",
        "a group hated or driven out for who they are",
        (("expel_cue",), ("protected_group",)),
        ("informational", "defensive", "detect_frame", "support_frame"),
    ),
    (
        "self_harm",
        "DENY",
        "a self-harm act or goodbye, with a way to carry it out",
        (("self_harm_act",), ("record_act", "method", "instructions")),
        # not "informational" (a goodbye "explaining why I'm gone" is no lesson) nor the broad
        # support or defensive words ("my friends" is who the goodbye is for)
        ("crisis_frame",),
    ),
    (
        "self_harm",
        "REVIEW",
        "a self-harm act or goodbye",
        (("self_harm_act",),),
        # not "informational" (a goodbye "explaining why I'm gone" is no lesson) nor the broad
        # support or defensive words ("my friends" is who the goodbye is for)
        ("crisis_frame",),
    ),
    (
        "unauthorized_access",
        "DENY",
        "exploiting systems at internet scale",
        (("exploit_act", "intrusion_verb"), ("mass_scope",)),
        ("history_frame",),
    ),
    (
        "privacy_violation",
        "DENY",
        "a person's private records fetched by someone with no right to them",
        (("obtain_verb",), ("private_record",), ("someone_else",)),
        (
            "clinical_frame",
            "protect_frame",
            "own_frame",
            "refusal_frame",
            "fiction_frame",
            "history_frame",
        ),
    ),
    (
        "financial_harm",
        "DENY",
        "someone else's payments rerouted to one's own account",
        (
            ("reroute_verb", "money_move", "destroy_verb", "falsify_verb"),
            ("payment_details",),
            ("own_pocket",),
            ("others_money", "others", "third_party", "someone_else"),
        ),
        ("informational", "verified_frame"),
    ),
    (
        "financial_harm",
        "REVIEW",
        "charging people who cancelled",
        (("charge_act", "money_move", "obstruct"), ("cancelled_people",)),
        (
            "stop_charging",
            "defensive",
            "undo",
            "informational",
            "detect_frame",
            "verified_frame",
        ),
    ),
    (
        "deception_fraud",
        "DENY",
        "another firm's brand put on goods it did not make",
        (("brand_mark",), ("unbranded_goods",)),
        # not "defensive": "labels" is one (a warning label), and here it is the counterfeit
        ("informational", "detect_frame"),
    ),
    (
        "harassment",
        "DENY",
        "workers watched or punished for union activity",
        (("watch_people",), ("union_activity",), ("workers", "person", "someone_else")),
        ("labour_rights_frame", "informational", "refusal_frame"),
    ),
    (
        "physical_harm",
        "DENY",
        "animals made to fight",
        (("animal_fight",),),
        ("welfare_frame", "informational", "defensive", "detect_frame"),
    ),
    (
        "deception_fraud",
        "DENY",
        "prices or bids agreed between competitors",
        (("price_agreement",),),
        ("informational", "defensive", "detect_frame", "audit_frame"),
    ),
    (
        "safety_tampering",
        "DENY",
        "an audit trail's hashes recomputed over changed records",
        (("rechain",), ("tamper_edit",)),
        ("history_frame", "detect_frame"),
    ),
    (
        "physical_harm",
        "DENY",
        "something dropped from the air onto a crowd",
        (("drop_verb",), ("over_crowd",)),
        ("harmless_payload", "history_frame", "detect_frame"),
    ),
    (
        "deception_fraud",
        "DENY",
        "billing for more care than was given",
        (("billing_fraud",),),
        ("defensive", "history_frame", "detect_frame", "audit_frame"),
    ),
    (
        "physical_harm",
        "REVIEW",
        "animals kept without water, feed or air",
        (("necessity_withheld",), ("kept_animal", "animal")),
        # reporting neglect, a vet's instruction, a rescue: the animal's side
        (
            "support_frame",
            "defensive",
            "detect_frame",
            "informational",
            "history_frame",
            "audit_frame",
            "undo",
        ),
    ),
    (
        "discrimination",
        "DENY",
        "a person penalised for a condition they disclosed or an accommodation they asked for",
        (("penalise_verb",), ("condition_disclosed",)),
        ("informational", "undo", "audit_frame", "history_frame"),
    ),
    (
        "discrimination",
        "REVIEW",
        "content moderated for the religion it names",
        (("religious_marker",), ("moderation_act",), ("content_post",)),
        ("audit_frame", "informational", "undo", "harass_strong", "abusive", "fraud_strong"),
    ),
    (
        "privacy_violation",
        "REVIEW",
        "a child's whereabouts or contact sought",
        (("obtain_verb", "lookup_verb", "compile_verb"), ("locator",), ("minor_age",)),
        ("child_safety_frame", "parent_frame", "protect_frame"),
    ),
    (
        "deception_fraud",
        "DENY",
        "a document saying something happened that the request says did not",
        (("doc_verb",), ("official_doc",), ("false_record_cue",)),
        ("history_frame", "detect_frame", "audit_frame"),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "someone else's work handed in as one's own",
        (("submit_as_own",),),
        # not "informational": an article is what gets copied
        ("history_frame", "detect_frame", "defensive"),
    ),
    (
        "discrimination",
        "REVIEW",
        "a protected group turned away",
        (("refuse_verb",), ("protected_group",)),
        ("audit_frame", "informational", "undo", "history_frame"),
    ),
    (
        "financial_harm",
        "REVIEW",
        "someone else's money moved into one's own pocket",
        (("money_move",), ("my_pocket",), ("someone_else",)),
        ("informational", "verified_frame"),
    ),
)
