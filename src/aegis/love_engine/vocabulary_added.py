"""Words added to roles defined elsewhere, found by writing harms of kinds the data held few of.

Evasion said outright ("nobody audits", "the audit only checks a sample"), safety and security
controls by name (EDR agents, geofences, second signers), fees and charges hidden or
engineered, threats of arrest, self-harm said through plans and concealment, sensitive data
and the parties it must not reach. Each entry plays the role its key names in
:mod:`aegis.love_engine.vocabulary` or :mod:`aegis.love_engine.vocabulary_plain`; the words a
common role would make too broad (a recipient, a verb of sharing) are kept to phrases. Entries
are stemmed at import.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["ADDED"]


#: Words added to roles the other vocabularies define.
ADDED: dict[str, tuple[str, ...]] = {
    # counting on nobody checking, said outright
    "evade": _split(
        "nobody audits, no one audits, nobody ever audits, no one ever audits, never audited, "
        "isn't audited, is not audited, not audited, only checks a sample, only check a sample, "
        "only checks samples, only spot-checks, only spot checks, audit only checks, nobody "
        "reconciles, no one reconciles, nobody ever checks, no one ever checks, nobody looks at, "
        "no one looks at, nobody's sampling, nobody is sampling, no one is sampling, when nobody's "
        "looking, when no one is looking, while nobody's looking, so nobody finds out, so no one "
        "finds out, nobody finds out, no one finds out, nobody will find out, no one will find "
        "out, before anyone finds out, before anybody notices, before anyone notices, without a "
        "paper trail, no paper trail, leave no trace, leaves no trace, leave no record, keep it "
        "off the record, keep it out of the records, out of any audit, stays out of any audit, out "
        "of the audit, away from the auditors, second set of books, auditors only, auditor only, "
        "inspectors only, inspector only, only sample, only samples, only sampling, without the "
        "vet finding, without anyone finding, without them finding, nothing for the vet, "
        "inspectors don't see, inspector doesn't see, auditors don't see, auditor doesn't see, "
        "regulator doesn't see, so the inspector doesn't, so the inspectors don't, so the auditors "
        "don't, so the auditor doesn't, so the regulator doesn't, keep it from the inspector, keep "
        "it from the auditors, hide it from the inspector, least traceable, hardest to trace, "
        "can't be traced, cannot be traced, won't be traced, harder to trace, without the soc "
        "noticing, without security noticing, without it noticing, without it showing, without it "
        "showing up"
    ),
    "personal_data": _split(
        "hiv, hiv status, hiv test, diagnosis, sick leave, sick-leave, sick leave reasons, medical "
        "leave, leave paperwork, medical questionnaire, questionnaire answers, health "
        "questionnaire, prescriptions, id scans, scanned passports, badge photos, children's "
        "names, kids' names, school schedules, call recordings"
    ),
    "third_party": _split(
        "her employer, his employer, their employer, team calendar, whole team, team-all, sponsor, "
        "sponsors, public page, sister company, insurance partner, transcription startup, free "
        "tier, link sharing, anyone with the link"
    ),
    "strong_control": _split(
        "sysmon, event logging, windows event logging, event log service, osquery, wazuh, "
        "auditbeat, filebeat, elastic agent, splunk forwarder, universal forwarder, carbon black, "
        "sentinelone, defender for endpoint, ossec, security agent, security agents, logging "
        "agent, log shipper, log forwarding, vulnerability scanner, vulnerability scanning, "
        "security scanner, login notifications, login alerts, sign-in alerts, new device alerts, "
        "session timeout, idle timeout, auto-logout, auto-rollback, auto rollback, tamper "
        "protection, geofence, second signer, codeowners, sast, anti-fraud check, anti-fraud, "
        "notify security, privilege change alerts, dual signature rule, requires two signatures, "
        "pre-flight checklist, preflight checklist, safety checklist, near miss counter, near-miss "
        "counter, guardrails api, tamper counter"
    ),
    "conceal": _split(
        "goes green, go green, looks green, look green, show green, shows green, stays green, "
        "looks clean, look clean, looks good on paper, look good on paper, on paper, shows zero, "
        "show zero, report zero, zero criticals, zero findings, didn't happen, did not happen, "
        "never took place, didn't take place, never came in, never came, weren't done, wasn't "
        "done, never performed, it was really, it's really, really was, in reality, we'll catch "
        "up, i'll get the approval later, get the approval later, approval later"
    ),
    "fraud_strong": _split(
        "not to say the posts are sponsored, not to say they're sponsored, not say it's sponsored, "
        "not to disclose the sponsorship, without disclosing the sponsorship, hide the "
        "sponsorship, undisclosed sponsorship, without #ad, no #ad, don't mention it's sponsored, "
        "not to mention it's sponsored, extend the expiry, extend the expiry date, extend the "
        "expiration, extend the use-by, extend the best-before, push the expiry, push back the "
        "expiry, later expiry date, front-run, front-running, front run, frontrun, frontrunning, "
        "ahead of the client's order, ahead of the client order, ahead of the fund's order, ahead "
        "of the pension fund's, personal account first, my personal account first, our order "
        "first, place and cancel, layering orders, layering bids, layer bids, layer fake bids, "
        "layer orders, layered orders, layered bids, layer the cash, layer the money, layer "
        "the funds, layer the proceeds, layering the cash, layering the money, layering the "
        "funds, spoof orders, pump and dump, pump-and-dump, then dump "
        "on, dump on the people, push the price up, push up the price, drive the price up"
    ),
    "hide_verb": _split(
        "hidden, is hidden, option hidden, don't show it, do not show it, don't display it, not "
        "shown, isn't shown, never shown, only after they arrive, only after they book, only at "
        "checkout, at the last step"
    ),
    "money_term": _split("tip, tips, markup, exchange rate, conversion rate, late fee, late fees"),
    "obstruct": _split(
        "grey and tiny, gray and tiny, tiny and grey, behind four, behind three, behind five, "
        "confirmation screens, so fewer people, fewer people find, page 4 of settings, retention "
        "screens, retention screen, phone-only, phone only, by post only, by post with, signed "
        "letter only, in person only, only by phone, only by post, only in person, do nothing, "
        "does nothing, sticky, keep billing, keep charging, continue billing, continue charging"
    ),
    "self_harm_intent": _split(
        "finish me, finish me off, finish me quickest, end me, tired of everything, tired of "
        "living, tired of being alive, want to be gone, get rid of myself, make myself disappear, "
        "make the end quiet, end quietly, not wake up, don't wake up, never wake up, talk me out "
        "of it, don't want to be stopped, not want to be stopped, end it tonight, end it tnght, do "
        "the job this time, do it slowly, punish myself, i deserve to hurt, should hurt myself, "
        "hide my cutting, cutting tools, cutting scars, hide the cuts, hide my cuts, keep the "
        "wounds, until it bleeds, stopped eating, stop eating for, stop eating completely, skip "
        "eating today again, only had water, don't care about my health, doctors are overreacting, "
        "before your liver goes, can't be saved, cant be saved, lose consciousness in cold water, "
        "least foot traffic, with the least foot traffic, hide weight loss, hide my weight loss, "
        "hide that i've stopped eating, won't need a ticket back, after the funeral"
    ),
    "labour_wrong": _split(
        "owe us, owe the company, pay us back if they quit, if they quit within, if they leave "
        "within, penalty for leaving, penalty for quitting, quitting fee, leaving fee, forfeit "
        "their wages, forfeits their wages, forfeit their pay"
    ),
    "threat": _split(
        "will be arrested, be arrested, they'll be arrested, you'll be arrested, arrest you, "
        "police will come, go to jail, sent to jail, deported if, report you to immigration, "
        "immigration will hear, call immigration, accidents happen, would be a shame if, be a "
        "shame if, it would be unfortunate if, be unfortunate if, think about that before, know "
        "where you live, know where your kids, know where her kids, know where his kids, she'll "
        "regret it, he'll regret it, you'll regret it, they'll regret it, will regret it, know "
        "where she parks, know where he parks, know where you park, dead man walking, knows what "
        "happens, you know what happens, i will find you, i'll find you, coming for your kids, "
        "coming for you"
    ),
    "others_money": _split("client trust money, trust money, donations, charity fund"),
    "own_pocket": _split(
        "my personal paypal, my paypal, my own startup, agent's account, my own company"
    ),
    "plain_move": _split("invest"),
    "intrusion_strong": _split(
        "guess passwords, guess their password, guess her password, guess his password, guessing "
        "passwords, try every password, try each password"
    ),
    "decision": _split(
        "remove anyone, remove everyone, remove applicants, remove candidates, remove people, "
        "remove those, remove the ones, remove all applicants, remove all candidates, drop anyone, "
        "drop applicants, drop candidates, cut anyone, filter out, filter out anyone, screen out"
    ),
    "unauthorised": _split(
        "without announcing, without announcing it, without an announcement, without any "
        "announcement, without public notice, without a public notice, without telling anyone, "
        "without telling anybody, without a change ticket, without a change request, without "
        "change control, no change ticket, don't open a change ticket, do not open a change "
        "ticket, don't open a ticket, don't file a ticket, don't raise a ticket, skip the change "
        "ticket, skip change control, bypass change control"
    ),
    "weaken_verb": _split(
        "never expire, to never expire, no expiry, never time out, to unlimited, without waiting "
        "for, without waiting on, don't wait for, do not wait for, no need to wait for, not wait "
        "for, instead of waiting for, stop double-checking, stop double checking, stop checking, "
        "no longer check, don't bother probing, don't bother checking, don't bother testing"
    ),
    "safety_measure": _split(
        "qa sign-off, qa approval, qa review, qa, quality assurance, sign-off, safety review, "
        "validation, double-check, double-checking, double check, second check, probing, "
        "temperature check"
    ),
    "improper_disposal": _split(
        "overboard, over the side, over the rail, into the harbour, into the harbor, into the "
        "water, into the gutter, on the back field, in the back field, burn it, open burning"
    ),
    "hazmat": _split(
        "bilge, bilge oil, bilge water, oily water, transformer oil, oil drums, oil, paint sludge"
    ),
    "as_passed": _split(
        "as done, as finished, as carried out, as performed, as signed off, as checked, as tested"
    ),
}


def _add(role: str, text: str) -> None:
    """More words for ``role``, after those listed for it above."""
    ADDED[role] = ADDED.get(role, ()) + _split(text)


_add(
    "decision",
    "charge the, charge them, charge her, charge him, bill the, charge more, charge extra",
)
_add(
    "protected_group",
    "white candidate, white candidates, white applicant, white applicants, white people, white "
    "customers, white tenants, white staff, white employees, black candidate, black candidates, "
    "black applicant, black applicants, black people, black customers, black tenants, black "
    "staff, asian candidates, asian applicants, hispanic candidates, hispanic applicants, latino "
    "candidates, latino applicants, aged over, aged under, users aged, members aged, customers "
    "aged, applicants aged, members over, customers over, applicants over, staff over, employees "
    "over, people over, workers over, older staff, older workers, older applicants, older "
    "candidates, older employees, older guys, older customers, young applicants",
)
_add(
    "threat",
    "get them deported, get you deported, get her deported, get him deported, have them "
    "deported, have her deported, have him deported, will get them deported",
)
_add(
    "labour_wrong",
    "can't leave the farm, can't leave until, cannot leave until, not allowed to leave until, "
    "lose all wages, lose all their wages, lose their wages, skip the housing allowance",
)
_add(
    "payoff",
    "a holiday, holiday in, consultancy, a consultancy, rolex, gift card, gift cards, a "
    "'consultancy', finder's fee",
)
_add(
    "official",
    "procurement officer, procurement officers, procurement manager, planning officer, council "
    "officer, mayor, mayor's, minister, ministry, customs officer, licensing officer",
)
_add(
    "look_away",
    "if he picks our bid, if she picks our bid, if they pick our bid, picks our bid, pick our bid, "
    "so the permit moves faster, moves faster, so the tender goes our way, goes our way, so we "
    "win the tender, so we win the contract",
)
_add(
    "evade",
    "nobody patrols, no one patrols, nobody's patrolling, no patrols after, when the patrol has "
    "gone",
)
_add(
    "fraud_strong",
    "agree with the other bidders, agree with the other two bidders, agree on who wins, bid "
    "rigging, rig the bid, rig the tender, split the contracts between us, price fixing, "
    "price-fixing, fix prices with, agree prices with our competitors, agree prices with "
    "competitors",
)
_add(
    "unauthorised",
    "without posting any notice, without posting a notice, without any notice to, without "
    "signage, no signage, without a sign, even after they opt out, after they opt out, after "
    "they've opted out, after users opt out, after users switch, after they switch it off, after "
    "users turn it off, even when the toggle is off, ignore the opt-out, ignore their opt-out, "
    "ignore the toggle, ignore do not track, without a setting to turn it off, no way to turn "
    "it off, no way to opt out",
)
_add(
    "stalk",
    "hide a camera, hide cameras, hide a webcam, camera in the bathroom, camera in the changing "
    "room, camera in the shower, cameras in the toilets, camera in the guest bedroom",
)
_add(
    "forge_cue",
    "on behalf of the inspector, on behalf of the engineer, on behalf of the doctor, on behalf of "
    "the auditor, for the inspector who, sign her name, sign his name, sign "
    "their name, forge her signature, forge his signature, copy her signature, copy his signature",
)
# acting behind a person's back is concealment, which no frame excuses ("check whether my
# girlfriend is at work by tracking her phone without her knowing")
_add(
    "conceal",
    "without her knowing, without him knowing, without them knowing, without his knowing, "
    "without their knowing, without their knowledge, without her knowledge, without his "
    "knowledge, behind her back, behind his back, behind their back, without her noticing, "
    "without him noticing, without them noticing",
)
_add(
    "falsify_verb",
    "at half the, halve, halve the, underreport, under-report, report half, record half, at a "
    "fraction of",
)
_add(
    "contrary",
    "half the measured, than measured, than we measured, than the meter, than it was, measured "
    "value",
)
# a negator that only softens the request ("don't hesitate, put ...") is read as a phrase of
# its own (``plain_phrase``); one that tells the agent to keep something hidden is concealment
_add(
    "conceal",
    "never reveal, don't reveal, do not reveal, don't admit, do not admit",
)
_add(
    "own_pocket",
    "my personal checking, my checking account, my personal savings, my personal bank account",
)
_add(
    "violence_strong",
    "ram a vehicle into, ram the car into, ram a car into, ram a truck into, drive a car into, "
    "drive a truck into, drive a van into, plow into the crowd, plough into the crowd",
)
