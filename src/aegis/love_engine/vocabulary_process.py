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

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["PROCESS"]


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
        "apply, applied, issue, issued, so nothing, nothing is, "
        # the hold looked for and found absent ("IT confirmed none are under legal hold")
        "none are under, none is under, none under, no legal hold, no litigation hold, no "
        "hold, not subject to, check for, checking for, checked for, confirm no, confirmed no, "
        "confirmed none, confirmed that none, verify no, verified no"
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
    # a popup's way out read as a yes
    "signup_verb": _split(
        "sign up, signs up, signing up, sign them up, sign customers up, sign users up, sign "
        "people up, sign everyone up, sign visitors up, enroll, enrol, enrolls, enrols, "
        "subscribe, subscribes, subscribe them, opt in, opts in, opt them in, start billing, "
        "start charging, add them to, upgrade them"
    ),
    "dismiss_cue": _split(
        "click close, clicks close, click 'close', clicks 'close', close the popup, closes the "
        "popup, close the pop-up, closes the pop-up, dismiss, dismisses, dismissed, click x, "
        "clicks x, no thanks, click away, clicks away, close the banner, closes the banner"
    ),
    # the way out designed or worded (a button the same size), or a yes asked for first
    "fair_choice_frame": _split(
        "button, buttons, same size, same colour, same color, label, wording, design, who "
        "opted in, opted in, opt-in, who ticked, who chose, who agreed"
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
    # -- retaliation against someone who complained, reported or sued ----------------------
    "reference_doc": _split(
        "reference, reference letter, references, referee statement, recommendation letter, "
        "letter of recommendation, reference check, reference call, reference request"
    ),
    "protected_act": _split(
        "suing us, suing the company, suing the firm, sued us, is suing, filed a complaint, "
        "filed a grievance, filed a claim against, took us to tribunal, taking us to tribunal, "
        "reported us, blew the whistle, whistleblower, whistle-blower, whistleblowing, went to "
        "the labor board, went to osha, went to the regulator, joined the union, organizing a "
        "union, organising a union, unionizing, unionising"
    ),
    "complainant": _split(
        "whistleblower, whistle-blower, whistleblowers, complainant, complainants, the employee "
        "who reported, the employee who complained, who filed the complaint, who filed a "
        "complaint, who raised the concern, who reported the, who reported us, who reported it, "
        "who leaked, leaked the, who raised concerns, after she raised, after he raised, after "
        "they raised, raised concerns about, who complained, who spoke to the press, who went "
        "to the regulator, who testified, who reported the breach, reported the data breach, "
        "reported the incident, who flagged the, testified, testifies, testify, testifying, "
        "gave evidence, gave testimony, spoke at the board, spoke at the council, spoke at the "
        "hearing, spoke at the town hall, spoke out, spoke up, publicly criticized, publicly "
        "criticised, union steward, shop steward, union rep, union representative, union "
        "organizer, union organiser, reported our, reported the "
        "violation, reported the violations, reported violations, reported the hazard, "
        "safety complaint, osha complaint, wage claim, wage case, wage complaint, overtime "
        "claim, discrimination claim, discrimination complaint, harassment complaint, eeoc, "
        "nlrb, labor board, labour board, ethics hotline, called the inspector, called the "
        "health department, tipped off, filed suit, filed a lawsuit, asked for an "
        "accommodation, requested an accommodation, took medical leave, took fmla, jury duty, "
        "called the city inspector, called the inspector on us, called the city on us, called "
        "code enforcement, reported us to the city, to title ix, title ix complaint, title ix "
        "report, reported him to, reported her to, reported them to hr"
    ),
    "pressure_act": _split(
        "pressure, pressuring, lean on, drop the complaint, drop her complaint, drop his "
        "complaint, drop their complaint, withdraw the complaint, withdraw her complaint, "
        "withdraw his complaint, withdraw the report, retract, take it back, keep quiet, stay "
        "quiet, think twice, reconsider, restructuring list, layoff list, redundancy list, "
        "career, future here, unmask, find out who, identify, name and shame, "
        "performance plan, performance-improvement, performance improvement, pip, put them on, "
        "put her on, put him on, demote, demotion, cut her hours, cut his hours, reassign her, "
        "reassign him, remove her name, remove his name, remove the name, take her off, take "
        "him off, exclude her, exclude him, bad reference, blacklist, flag her, flag him, "
        "flag them, no longer invite, freeze her out, freeze him out, needs improvement, "
        "needs-improvement, below expectations, lowest rating, lower rating, low rating, "
        "negative review, bad review, reassign her, reassign him, reassign them, transfer her, "
        "transfer him, move her to, move him to, worst shifts, graveyard shift, badge access, "
        "revoke her, revoke his, revoke their, deny her promotion, deny his promotion, pass her "
        "over, pass him over, withhold her bonus, withhold his bonus, no raise, blacklisted, "
        "bar them from, ban them from, ban her from, ban him from, exclude them, from all "
        "future, fire her, fire him, fire them, let her go, let him go, terminate her, "
        "terminate him, terminate them, write up, write her up, write him up, written warning, "
        "disciplinary, evict, eviction, not renew, non-renewal, cancel her contract, cancel his "
        "contract, cancel their contract, cut their hours, cut hours, hours cut, fewer hours, "
        "raise her rent, raise his rent, raise their rent, raising rent, raising her rent, rent "
        "increase, take away her, take away his, taking away her, taking away his, cancel her "
        "funding, cancel his funding, cancel their funding, cancel next term's, cut her funding, "
        "cut his funding, pull her funding, pull his funding, deny her pto, deny his pto, only "
        "closing shifts, closing shifts and sundays"
    ),
    "retaliation_guard_frame": _split(
        "neutral, dates of employment, dates only, facts only, factual, confirm dates, "
        "accurate, protect, protects, protected, protection, shield, anti-retaliation, "
        "retaliation policy, confidential, confidentially, anonymous, anonymously, without her "
        "name, without his name, explain, training, policy, audit committee, investigate, "
        "investigating, without trying, not trying, do not try, don't try, never try, "
        "retaliated, retaliating, for retaliation, lied under oath, testified falsely, perjury, "
        "as she requested, as he requested, as they requested, at her request, at his request, "
        "at their request, she asked for, he asked for, they asked for"
    ),
    # -- research participants named against the terms they took part on ------------------
    "participant_names": _split(
        "participants' names, participant names, names of participants, names of the "
        "participants, respondents' names, respondent names, names of respondents, "
        "interviewees' names, names of the interviewees, subjects' names, patients' names"
    ),
    "name_publish": _split(
        "publish, publishing, post, posting, print, list, include, including, share, sharing, "
        "release, name, credit"
    ),
    "named_with_consent_frame": _split(
        "who consented, who agreed, who opted in, with their consent, with consent, who asked "
        "to be named, who asked to be credited, anonymised, anonymized, anonymise, anonymize, "
        "pseudonyms, pseudonymised, redact, redacted, remove, removing, withhold, without, "
        "black out, blur, blurred, mask, masked, cover, obscure"
    ),
    # -- a permit or award sped up for a connection -----------------------------------------
    "public_decision": _split(
        "permit, permits, permit application, building permit, license application, licence "
        "application, planning application, zoning variance, variance, inspection, tender, "
        "contract award, grant application, liquor license, liquor licence"
    ),
    "favour_act": _split(
        "fast-track, fast track, expedite, skip the queue, jump the queue, front of the queue, "
        "front of the line, push through, wave through, bump up, approve first, prioritise, "
        "prioritize, waive the inspection"
    ),
    "connection_cue": _split(
        "my brother-in-law, my brother, my sister, my cousin, my nephew, my niece, my friend, "
        "my friend's, family friend, golf buddy, my wife's, my husband's, the mayor's friend, "
        "the mayor's, councillor's, councilor's, donor, donors, campaign donor, who donated, "
        "donated to, contributed to, our donor, relative, relatives"
    ),
    # -- evidence altered or destroyed once someone with authority asked for it ------------
    "evidence_tamper_verb": _split(
        "overwrite, overwriting, overwritten, replace it with, replace with, replacing it with, "
        "swap in, swap it for, backdate, backdated, backdating, shift the dates, shift the "
        "date, change the dates, change the date, edit out, cut out, remove the part, remove "
        "the section, remove the line, rewrite the statement, reword the statement, doctor, "
        "doctored, alter, altered, altering, reimage, reimaging, wipe, wiping, purge, purging, "
        "shred, shredding, scrub, scrubbing, delete the original, delete the clip, delete the "
        "footage, delete the recording, delete the messages, delete the emails, lose the"
    ),
    "evidence_sought": _split(
        "police asked, police requested, police want, the police asked, asked for by police, "
        "requested by police, subpoena, subpoenaed, named in the subpoena, court order, "
        "warrant, investigators, the investigator, regulator asked, regulator requested, "
        "auditors asked, before the auditors, before the audit, before the inspection, before "
        "the inspector, lawsuit, the claim, insurer asked, the insurer, discovery request, "
        "deposition, witness statement, the ombudsman, the tribunal, the inquiry, the "
        "investigation, internal investigation, the crash, the accident, the incident report, "
        "wrong-site surgery, the complaint, auditors see, auditors will see, so the auditors, "
        "soc 2 auditors, the external auditors"
    ),
    "evidence_kept_frame": _split(
        "keep the original, keeping the original, original kept, original visible, keep a "
        "copy, preserve, preserved, preserving, hand over, handed over, provide, provided, "
        "send a copy, export a copy, late entry, late-entry, amendment, addendum, annotate, "
        "typo, typos, misspelling, formatting, with her approval, with his approval, with "
        "their approval, at her request, at his request, signed off by the witness, redact "
        "personal, blur the faces, blur faces"
    ),
    "conflict_declared_frame": _split(
        "recuse, recused, declare, declared, disclose, disclosed, conflict of interest, "
        "conflicts register, same as everyone, like everyone else, in order received, first "
        "come, first-come, emergency, hardship, disability, accessibility"
    ),
}
