"""Rules for wrongs said with ordinary verbs: the frames :mod:`.vocabulary_ordinary` names.

Each rule is a verb or act, what it acts on, and the qualifier that makes it a wrong, all
in one clause; the act alone, or the object alone, is the honest work the rule must let
through ("write my reference letter for Dr. Patel to sign", "correct the invoice total the
client flagged", "expense the client dinner"). The frames are the rule's own, narrow on
purpose: the broad defensive words of older rules ("moderator", "document", "training")
would excuse the very cover some of these wrongs use ("as the moderator, post the slur").
Rules are plain tuples, in the shape of :data:`aegis.love_engine.rulebook_recall.RuleSpec`,
built into the rulebook where it is assembled.
"""

from __future__ import annotations

from aegis.love_engine.rulebook_process import PROCESS_RULES
from aegis.love_engine.rulebook_recall import RuleSpec
from aegis.love_engine.rulebook_workplace import WORKPLACE_RULES

__all__ = ["ORDINARY_RULES"]

ORDINARY_RULES: tuple[RuleSpec, ...] = (
    (
        "deception_fraud",
        "REVIEW",
        "graded work or a reference passed off as written by someone else",
        (("pass_off_cue",), ("graded_work",)),
        ("record_hygiene_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a note or reference written in the name of whoever should sign it",
        (("authority_source",), ("write_doc_verb",), ("graded_work",)),
        ("own_document_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a credential made by whoever it names",
        (("credential_doc",), ("write_doc_verb",), ("self_beneficiary",)),
        ("own_document_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a signature made as someone else",
        (("other_name",), ("sign_act",)),
        ("signing_authority_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "answers made up and reported as other people's",
        (("as_real_cue",), ("made_up_responses",)),
        ("rebuttal_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a credential for someone who did not earn it",
        (("unearned_cue",), ("credential_doc",)),
        ("credential_help_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "an amount changed on what a payer relies on",
        (("alter_verb",), ("amount_term",), ("payable_party",)),
        ("correction_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "an amount inflated on what a payer relies on",
        (("inflate_verb",), ("payable_party", "amount_term")),
        ("correction_frame", "detect_frame"),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "billing for more than was done",
        (("overstated_cue",), ("payable_party", "amount_term")),
        ("correction_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "personal spending booked as the business's",
        (("personal_cost",), ("business_booking",)),
        ("own_cost_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "investment returns promised without risk",
        (("guarantee_cue",), ("return_term",), ("invest_term",)),
        ("risk_disclosure",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a public claim the request says is untrue",
        (("untrue_cue",), ("public_claim",)),
        ("rebuttal_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "reviews by people with a stake, passed off as customers'",
        (("undisclosed_cue",), ("review_word",), ("insider_reviewer",)),
        ("honest_review_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "reviews bought, or asked only of the satisfied",
        (("review_incentive", "review_gating"),),
        ("honest_review_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a sale counted before it happened",
        (("revenue_booking",), ("premature_cue",)),
        ("accounting_rules_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "shares traded ahead of news not yet public",
        (("before_news",), ("trade_act",)),
        ("accounting_rules_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a public statement made to move a share price",
        (("price_move",), ("public_claim", "overseer")),
        ("rebuttal_frame", "accounting_rules_frame"),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a statement to whoever checks that the request says is untrue",
        (("untrue_cue",), ("overseer",)),
        ("rebuttal_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a way out of a subscription made harder than the way in",
        (("exit_barrier",), ("exit_act",)),
        ("easy_exit_frame",),
    ),
    (
        "physical_harm",
        "DENY",
        "chemicals that give off toxic gas, mixed in a closed space",
        (("bleach_word",), ("bleach_partner",), ("mix_act",), ("enclosed_space",)),
        ("chemical_safety_frame",),
    ),
    (
        "physical_harm",
        "REVIEW",
        "chemicals that give off toxic gas, mixed",
        (("bleach_word",), ("bleach_partner",), ("mix_act",)),
        ("chemical_safety_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "urgency or scarcity shown that is not real",
        (("urgency_falsity",), ("urgency_device",)),
        ("real_urgency_frame",),
    ),
    (
        "physical_harm",
        "REVIEW",
        "food or medicine that poisons a pet, fed to it",
        (("pet_toxin",), ("feed_act",), ("animal", "pet_word")),
        ("pet_safety_frame",),
    ),
    (
        "physical_harm",
        "REVIEW",
        "honey given to a baby under a year old",
        (("honey_word",), ("infant_age",)),
        ("pet_safety_frame",),
    ),
    (
        "physical_harm",
        "REVIEW",
        "fuel burnt where people breathe",
        (("combustion_source",), ("burn_use",), ("indoor_place",)),
        ("combustion_safety_frame",),
    ),
    (
        "harassment",
        "REVIEW",
        "a person told that their home, children or routine are known",
        (("know_whereabouts",), ("their_life",)),
        ("harmless_visit_frame",),
    ),
    (
        "physical_harm",
        "DENY",
        "a child shut in the heat",
        (("confine_verb",), ("child_word", "minor_age"), ("heat_cue",)),
        ("child_safety_care",),
    ),
    (
        "physical_harm",
        "REVIEW",
        "a child shut away as punishment",
        (("shut_in_verb",), ("child_word", "minor_age"), ("punish_confine",)),
        ("child_safety_care",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "software that behaves differently when it recognises a test",
        (("mode_switch",), ("test_detect",), ("sense_verb", "emission_control")),
        ("test_integrity_frame",),
    ),
    (
        "safety_tampering",
        "REVIEW",
        "records set to vanish once an inquiry is coming",
        (("retention_term",), ("shrink_cue",), ("inquiry_term",)),
        ("preserve_frame",),
    ),
    (
        "safety_tampering",
        "REVIEW",
        "records rewritten so they no longer show what was known",
        (("hide_knowledge",), ("rewrite_verb",), ("kept_record",)),
        ("record_hygiene_frame",),
    ),
    (
        "unauthorized_access",
        "REVIEW",
        "factory or common passwords tried on an account or network that is someone else's",
        (("default_credential",), ("foreign_network",)),
        ("own_network_frame",),
    ),
    (
        "discrimination",
        "REVIEW",
        "a protected trait as an input or weight of a decision about people",
        (("protected_attr", "leave_for_trait"), ("model_input_role",), ("people_scoring",)),
        ("fairness_frame",),
    ),
    (
        "discrimination",
        "REVIEW",
        "people scored by where their names suggest they come from",
        (("name_origin",), ("people_scoring", "decision")),
        ("fairness_frame", "fit_audit_frame"),
    ),
    (
        "discrimination",
        "REVIEW",
        "fit judged by likeness of names, hometowns or looks",
        (("fit_cue",), ("similarity_proxy",)),
        ("fit_audit_frame",),
    ),
    (
        "financial_harm",
        "REVIEW",
        "sales aimed at people whose judgement is impaired or who are in crisis",
        (("cognitive_impairment", "crisis_state"), ("sales_push",)),
        ("vulnerable_care_frame",),
    ),
    (
        "harassment",
        "REVIEW",
        "a group driven out of where they live, or vilified",
        (("drive_out_cue", "vilify_cue"), ("protected_group",)),
        ("welcome_frame",),
    ),
    (
        "harassment",
        "REVIEW",
        "a group driven out of where they live, or vilified",
        (("expel_verb",), ("out_particle",), ("protected_group",)),
        ("welcome_frame",),
    ),
    (
        "harassment",
        "REVIEW",
        "a person's immigration status held over them for a price",
        (("immigration_leverage",), ("condition_cue",), ("demand_cue", "status_report_cue")),
        ("status_help_frame",),
    ),
    (
        "harassment",
        "REVIEW",
        "a slur posted",
        (("slur_term",), ("post_act",)),
        ("slur_removal_frame",),
    ),
)
# wrongs done through a lawful process's own paperwork (kept in their own module)
ORDINARY_RULES += PROCESS_RULES
# false cures and work off the clock (their own module)
ORDINARY_RULES += WORKPLACE_RULES
