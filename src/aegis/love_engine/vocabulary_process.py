"""Vocabulary for wrongs done through a lawful process's own paperwork, and their look-alikes.

Each wrong below is ordinary work (shredding old files, a reference letter, enrolling people,
a product post, a contract clause, a vacancy notice) made a wrong by one more role: records
destroyed once a legal hold is on them; people enrolled in research by default with consent
put off; an age-restricted product put in front of an audience of children; a non-compete
laid on hourly staff; a tenant or applicant turned away for not "fitting" a place, a
euphemism for who they are. The honest work gets frames of its own: a hold lifted, consent
given first, an audience that excludes minors, a clause removed.

Merged into :data:`aegis.love_engine.vocabulary_ordinary.ORDINARY`: matched apart from the
other vocabularies and never read by the learned model. Entries are stemmed at import.
"""

from __future__ import annotations

__all__ = ["PROCESS"]


def _split(text: str) -> tuple[str, ...]:
    return tuple(entry.strip() for entry in text.split(",") if entry.strip())


PROCESS: dict[str, tuple[str, ...]] = {
    # -- records destroyed under a legal hold (spoliation) ---------------------------------
    "spoil_verb": _split(
        "shred, shredding, shredded, destroy, destroying, delete, deleting, purge, purging, "
        "wipe, wiping, erase, erasing, dispose of, throw away, throw out, bin, trash, burn, "
        "burning, get rid of"
    ),
    "hold_notice": _split(
        "litigation hold, legal hold, hold notice, preservation notice, preservation letter, "
        "preservation order, preservation request, document hold, records hold"
    ),
    "hold_over_frame": _split(
        "lifted, released, rescinded, withdrawn, expired, ended, no longer applies, before the "
        "hold, outside the hold, not covered by, not under the hold, exempt, exempted, copy, "
        "preserve, preserved, preserving, suspend, pause, halt, stop, "
        # the hold as the exception a deletion keeps out, or as what is being put in place
        "unless, except, excepting, excluding, exclude, skip, skipping, skipped, other than, "
        "apart from, not on, not under, never, flag, flagged, tagged, place, placed, put, "
        "apply, applied, issue, issued, so nothing, nothing is"
    ),
    # -- research enrolment without consent first --------------------------------------------
    "enrol_verb": _split(
        "enroll, enrol, enrolling, enrolment, enrollment, sign up, signing up, recruit, "
        "recruiting, add, include, put"
    ),
    "research_study": _split(
        "study, studies, clinical study, trial, clinical trial, research, research cohort, "
        "experiment, pilot study"
    ),
    "consent_deferred": _split(
        "by default, automatically, consent later, consent forms later, consent forms signed "
        "later, signed later, deferred consent, consent is deferred, consent deferred, without "
        "asking, without telling them, before they consent, opt them in, opt out if"
    ),
    "consent_first_frame": _split(
        "who consented, who have consented, who has consented, who signed consent, after they "
        "consent, once they consent, after consent, opted in, opt-in, who opted in, irb "
        "approved waiver, waiver of consent approved"
    ),
    # -- age-restricted products put before children ----------------------------------------
    "restricted_product": _split(
        "vape, vapes, vaping, e-cigarette, e-cigarettes, e-cig, nicotine, nicotine pouches, "
        "cigarettes, cigars, tobacco, alcohol, alcopops, beer, vodka, liquor, spirits, "
        "gambling, betting, casino, sportsbook, cannabis, weed, thc edibles"
    ),
    "child_audience": _split(
        "teen audience, teenage audience, teen followers, young audience, teens, teenagers, "
        "kids, children, minors, under-18s, under 18s, high schoolers, high school students, "
        "middle schoolers, schoolkids, school kids, tweens, youth audience"
    ),
    "restriction_frame": _split(
        "exclude, excluding, excluded, block, blocking, age gate, age-gate, age verification, "
        "verify age, age check, adults only, 21+, 18+, over 21, over 18, not to, keep away, "
        "prevention, prevent, warn, warning, dangers, risks, quit, quitting, cessation, "
        "awareness, report, flag, remove, ban, banned, enforce, compliance"
    ),
    # -- a non-compete laid on hourly staff ----------------------------------------------------
    "non_compete": _split(
        "non-compete, noncompete, non compete, non-competes, non-compete clause, non-compete "
        "agreement, non-competition clause, non-competition agreement"
    ),
    "low_wage_role": _split(
        "hourly, hourly staff, hourly workers, hourly employees, minimum wage, minimum-wage, "
        "barista, baristas, cashier, cashiers, sandwich makers, fast-food, fast food, "
        "dishwashers, cleaners, warehouse pickers, pickers, seasonal staff, seasonal workers, "
        "interns, waiters, waitstaff, servers, retail staff, shop assistants, delivery riders"
    ),
    "clause_removed_frame": _split(
        "remove, removing, removed, drop, dropping, strike, striking, delete, void, voided, "
        "unenforceable, release, releasing, waive, waiving, explain, illegal, banned, ban"
    ),
    # -- turned away for not "fitting" a place -------------------------------------------------
    "fit_euphemism": _split(
        "fit the building, fit the building better, fit in the building, fit the neighbourhood, "
        "fit the neighborhood, fit the area, fit the community, fit in here, fit in better, "
        "fit the street, fit the block, fit the complex, fit our image, the right sort, our "
        "sort of people, our kind of people, the right kind of people"
    ),
    "housing_or_job_applicant": _split(
        "tenant, tenants, applicant, applicants, renter, renters, buyer, buyers, family, "
        "families, residents, candidate, candidates, hires, people"
    ),
    "euphemism_named_frame": _split(
        "coded, code word, euphemism, discriminatory, fair housing training, training, explain, "
        "audit, complaint, report, investigate"
    ),
}
