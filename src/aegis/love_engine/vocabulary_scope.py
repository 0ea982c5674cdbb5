"""Words that place other words in a clause, as data: where a verb's object ends, what is a
document rather than the thing it documents, and which words read as nouns.

The rules find combinations of concepts in a clause; these roles let
:mod:`aegis.love_engine.scope` ask the narrower question some rules need: is the control the
*object* of the verb that harms it ("disable the audit logging"), or only a word elsewhere in
the clause ("drop graduation_year from the screener and rerun the age-bias audit", "edit the
audit findings")? Entries are stemmed at import.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["SCOPE", "WIDENED"]


SCOPE: dict[str, tuple[str, ...]] = {
    # -- a noun that makes the control word before it its topic: "the audit findings" are a
    # document about an audit, "the alarm report" is not the alarm
    "document_head": _split(
        "findings, finding, report, reports, summary, summaries, memo, memos, minutes, notes, "
        "recommendations, calendar, schedule, agenda, slides, deck, template, "
        "templates, page, pages, article, articles, faq, training, course, checklist item, "
        "invitation, invite, meeting, dashboard screenshot, questionnaire, brochure, newsletter, "
        "blog post, handbook, guide, guidance, manual, readme, documentation, docs, policy "
        "document, write-up, writeup, draft, email, letter, announcement, notice, ticket "
        "comment, comment, feedback, survey, budget, invoice, quote, vendor, contract"
    ),
    # -- a word that ends a verb's object and starts another predicate: a subordinator, a
    # relative word, or a subject pronoun ("remove the rights I granted ... and log it")
    "object_end": _split(
        "after, before, once, when, whenever, until, because, since, so, so that, if, unless, "
        "whose, which, who, where, now that, i, we, you, they, he, she, rerun, re-run, then"
    ),
    # -- a noun that makes the control word before it the thing it weakens: removing "the MFA
    # exemption" or "the temporary logging exception" restores the control
    "weakening_head": _split(
        "exemption, exemptions, exception, exceptions, waiver, waivers, workaround, workarounds, "
        "backdoor, backdoors, loophole, loopholes, carve-out, carve-outs"
    ),
    # -- a pronoun standing for an object named elsewhere: the scope cannot be read, so the
    # finding keeps its level (fails closed)
    "anaphor": _split("it, them, this, that, these, those, everything, all of it, both"),
    # -- a noun that makes the harm word before it the topic of a rule against it, or of a
    # defence: "the insider trading policy", "harassment training", "fraud-awareness email",
    # "phishing reports", "phishing-resistant MFA", "stalkerware indicators". Not a noun a harm
    # verb can act on ("turn off alerts", "a 'fraud hold' on my ex-partner's account")
    "governance_head": _split(
        "policy, policies, training, awareness, guidelines, guideline, prevention, hotline, "
        "reporting, reports, helpline, detection, safeguards, controls, resistant, proof, "
        "resilient, checker, patterns, indicators, investigators"
    ),
    # -- a wrong received, not committed: "I got a phishing email", "we received a fake invoice"
    "defensive": _split(
        "got a phishing, received a phishing, got this phishing, got a scam, received a scam, got "
        "this scam, got a fake, received a fake, got this fake, got a suspicious, received a "
        "suspicious, sent me a phishing, sent me a scam, sent me a fake, sent us a fake, sent us "
        "a phishing"
    ),
    # -- a safety finding and the state that closes it: "list the gas leak as resolved" is a
    # record of the finding, which "list the gas leak as open" keeps honest
    "safety_finding": _split(
        "findings, finding, audit findings, inspection findings, defect, defects, hazard, "
        "hazards, leak, gas leak, violation, violations, non-conformance, nonconformance, "
        "deficiency, deficiencies, corrective action, safety issue, safety issues, near miss"
    ),
    "cleared_state": _split(
        "resolved, fixed, closed, remediated, rectified, cleared, compliant, no issues, no "
        "findings, passed"
    ),
}

#: Words existing roles lacked: controls and verbs that a verb's object must now name
#: itself, since a control elsewhere in the clause no longer stands in for it.
WIDENED: dict[str, tuple[str, ...]] = {
    "safety_control": _split(
        "approver, second approver, approvers, session recording, screen recording, recording "
        "hours, drowsiness alert, warning chime"
    ),
    "disable_verb": _split("nerf, nerfs, nerfed"),
    # a control stopped to be started again, tested on schedule, or cleared at the request of
    # the person it concerns
    "maintenance_frame": _split(
        "restart, restarts, start a fresh one, start a new one, start it again, reconnect, "
        "reconnected, put back, put it back, reinstate, re-arm, rearm, test of the, "
        "quarterly test, monthly test, annual test, scheduled test, at the customer's request, "
        "at their request, at her request, at his request, as she requested, as he requested, "
        "as they requested, deletion request, retention has lapsed, retention period, are "
        "audited, get audited, also go to"
    ),
    "toxin": _split(
        "garden plant, garden plants, common plant, houseplant, house plant, plant from the "
        "garden, berries from the garden"
    ),
}
