"""Rules for wrongs done through a lawful process's own paperwork: :mod:`.vocabulary_process`.

Plain tuples, as in :mod:`aegis.love_engine.rulebook_ordinary` (which adds them to its own).
Records destroyed under a legal hold are read as deception, so the notice and the shredding
count together across a clause break ("Shred the box; we just got the hold notice").
"""

from __future__ import annotations

__all__ = ["PROCESS_RULES"]

#: (category, level name, reason, concept groups, frames)
PROCESS_RULES: tuple[tuple[str, str, str, tuple[tuple[str, ...], ...], tuple[str, ...]], ...] = (
    (
        "deception_fraud",
        "REVIEW",
        "records destroyed while a legal hold is on them",
        (("spoil_verb",), ("hold_notice",)),
        ("hold_over_frame",),
    ),
    (
        "privacy_violation",
        "REVIEW",
        "people enrolled in research before they consent",
        (("enrol_verb",), ("research_study",), ("consent_deferred",)),
        ("consent_first_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a popup dismissed read as a sign-up",
        (("signup_verb",), ("dismiss_cue",)),
        ("fair_choice_frame",),
    ),
    (
        "physical_harm",
        "REVIEW",
        "an age-restricted product put before children",
        (("restricted_product",), ("child_audience",)),
        ("restriction_frame",),
    ),
    (
        "financial_harm",
        "REVIEW",
        "a non-compete laid on hourly staff",
        (("non_compete",), ("low_wage_role",)),
        ("clause_removed_frame",),
    ),
    (
        "discrimination",
        "REVIEW",
        "applicants turned away for not 'fitting' a place",
        (("fit_euphemism",), ("housing_or_job_applicant",)),
        ("euphemism_named_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "a reference shaded against someone who complained, reported or sued",
        (("reference_doc",), ("protected_act",)),
        ("retaliation_guard_frame",),
    ),
    (
        "harassment",
        "REVIEW",
        "pressure on a person who reported or complained",
        (("pressure_act",), ("complainant", "protected_act")),
        ("retaliation_guard_frame",),
    ),
    (
        "privacy_violation",
        "REVIEW",
        "research participants named in public",
        (("name_publish",), ("participant_names",)),
        ("named_with_consent_frame",),
    ),
    (
        "financial_harm",
        "REVIEW",
        "a permit or award sped up for a connection",
        (("favour_act",), ("public_decision",), ("connection_cue",)),
        ("conflict_declared_frame",),
    ),
    (
        "deception_fraud",
        "REVIEW",
        "evidence altered or destroyed once an authority or a claim asked for it",
        (("evidence_tamper_verb",), ("evidence_sought",)),
        ("evidence_kept_frame",),
    ),
)
