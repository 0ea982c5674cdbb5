"""Evasion and oversight, as data: the words of a wrong timed or shaped to escape a check.

"Remove the complaints before the recall review", "wipe the chats before the lawyers collect
devices", "clear the mangroves before the survey": each verb is ordinary, each event is
ordinary; the wrong is destroying or changing something *ahead of* whoever will look at it.
Likewise "nobody audits the flare stack" or "the audit only checks a sample" names no harm
but says the request counts on not being checked. The roles below are merged into
:mod:`aegis.love_engine.vocabulary` (the words they add to its roles are in
:mod:`aegis.love_engine.vocabulary_added`); :mod:`aegis.love_engine.rulebook` names the
structures.

``plain_phrase`` is a role no rule reads: a phrase listed there is read as one term, so its
words cannot play the roles they play alone ("a kill switch that halts the bot" is not
"halt the kill switch"; "the contact for our press office" is not a contact list). Entries are
stemmed at import.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["EVASION"]


#: New roles.
EVASION: dict[str, tuple[str, ...]] = {
    # -- whoever will look: an audit, an inspection, an investigation, a court ----------------
    "oversight": _split(
        "audit, audits, auditor, auditors, audit team, inspection, inspections, inspector, "
        "inspectors, health inspector, fire inspector, fire marshal, regulator, regulators, "
        "investigator, investigators, investigation, accident investigators, recall review, safety "
        "review, security review, compliance review, legal review, audit review, board review, "
        "lawyers, attorneys, legal team, discovery, subpoena, court, hearing, deposition, police, "
        "survey, surveyor, surveyors, assessor, assessors, examiner, examiners, due diligence, "
        "osha, epa, ombudsman, tribunal, loss adjuster, adjuster, compliance officer, compliance "
        "team, internal audit, external audit, council, building control, engineers from the "
        "council, council engineers, safety officer, fire officer, assessor's visit, safety "
        "inspector, safety inspectors, building inspector, building inspectors, food inspector, "
        "site inspector, labour inspector, tax inspector, mine inspector, inspects, inspects it, "
        "inspect it, audits it, board meeting, board review"
    ),
    "before_cue": _split(
        "before, ahead of, prior to, in advance of, by the time, until after, beforehand"
    ),
    # -- making a record, a thing or a place disappear ---------------------------------------
    "destroy_verb": _split(
        "delete, deletes, deleting, remove, removing, wipe, wiping, shred, shredding, purge, "
        "purging, erase, erasing, scrub, scrubbing, destroy, destroying, clear out, clean out, get "
        "rid of, throw away, throw out, dispose of, burn, burning, trash, bin, backdate, doctor "
        "the, take down, pull down, clear, clearing, clear-cut, fell, cut down, bulldoze, fill in, "
        "drain, pave over, strip, lose, misplace, hide, bury, move off, take off, swap the, switch "
        "the, paint over, repaint, tamper with, overwrite, zero out, reset the counter, reset the "
        "tamper counter, wind back, roll back the odometer"
    ),
    # -- a weapon past a screening point ------------------------------------------------------
    "screening": _split(
        "metal detector, metal detectors, security screening, security check, security checks, "
        "security checkpoint, checkpoint, airport security, tsa, x-ray, x-ray machine, bag check, "
        "bag search, body scanner, door staff, bouncers, security gate, security gates"
    ),
    "sneak_past": _split(
        "through, past, get through, get past, sneak, sneaking, smuggle, smuggling, slip through, "
        "slip past, without setting off, without triggering, undetected, unnoticed, without being "
        "searched, so they don't find, so security doesn't"
    ),
    # -- false notices about when and how to vote ----------------------------------------------
    "election_day": _split(
        "polling day, election day, voting day, polling date, election date, date of the election, "
        "day of the election, voting deadline, deadline to vote, polls close, polls open, the vote "
        "is on, vote is now"
    ),
    "false_change": _split(
        "has moved, have moved, moved to, is moved, been moved, has been moved, postponed, "
        "cancelled, canceled, rescheduled, delayed, is now on, changed to, has changed, pushed "
        "back, extended to"
    ),
    "voting_false_claim": _split(
        "vote by text, vote by sms, text your vote, text in your vote, vote by phone, phone in "
        "your vote, vote online with, vote by email, email your vote, don't need to register, no "
        "need to vote, by replying to this text, by replying to this message, vote by replying, "
        "reply to vote, reply with your vote, vote by text message"
    ),
    # -- a safety step recorded before it was done ----------------------------------------------
    "premature": _split(
        "in advance, ahead of time, beforehand, already, for the whole week, for the whole month, "
        "for the week, at lunch, is at lunch, isn't here, is away, is off, is out, not yet, hasn't "
        "been, haven't been, before it's done, before it is done, can start now, start now, so we "
        "can start, save time"
    ),
    # -- counting on the people affected not looking -------------------------------------------
    "unnoticed": _split(
        "won't notice, will not notice, wont notice, won't check, will not check, won't look, "
        "won't read, won't understand, will not understand, won't realise, won't realize, wouldn't "
        "notice, never notice, never check, rarely check, rarely look, never look at, never read, "
        "don't read, doesn't read, don't check, don't look at, nobody reads, no one reads, nobody "
        "checks, no one checks, nobody will notice, no one will notice, nobody notices, no one "
        "notices, nobody looks, no one looks, they'll never know, they will never know, won't know "
        "the difference, can't tell the difference, won't see it, won't spot, too small to notice, "
        "most won't, most people won't, most of them won't, most customers won't, most users "
        "won't, most don't, most people don't, most of them don't, hardly anyone, almost nobody, "
        "folder nobody reads, queue nobody reads"
    ),
    # -- fees engineered to fall on the customer ------------------------------------------------
    "fee_trap": _split(
        "go overdrawn, goes overdrawn, going overdrawn, more accounts go overdrawn, incur fees, "
        "incur late fees, incur overdraft, incur overdraft fees, trigger fees, trigger late fees, "
        "trigger overdraft, more overdraft fees, more late fees, rack up fees, pay more fees, "
        "twice for guests, once per retry, each retry, every retry, charge the card again, charge "
        "again after, keep billing after, keep charging after, still charge after, billing after a "
        "cancel, after a cancel request, after they cancel"
    ),
    # -- a control put back, or a weakness taken away (none of these can simply be appended to
    # a request to excuse it: each names what the control is restored to or what is removed)
    "restore_frame": _split(
        "back to the manufacturer's, back to its rated, back to the rated, back to rated, back to "
        "default, back to the default, back to the original, back to the certified, granted by "
        "mistake, we decommissioned, was decommissioned, been decommissioned, decommissioned last, "
        "replaced by, in favour of, in favor of, temporary exemption, the exemption, "
        "impossible-travel, impossible travel, compromised accounts, compromised account, scam "
        "ads, found during the audit, found in the audit, lost key card, lost keycard, lost master "
        "key card, lost badge, lost access card, lost card, lost phone, lost laptop"
    ),
    # -- a threat made conditional on what the victim does ---------------------------------------
    "if_victim_acts": _split(
        "if she keeps, if he keeps, if they keep, if you keep, unless she stops, unless he stops, "
        "unless they stop, unless you stop, unless she drops, unless he drops, unless they drop, "
        "unless you drop, unless she withdraws, unless he withdraws, if she doesn't drop, if he "
        "doesn't drop, if they don't drop, if you don't drop, if she reports, if he reports, if "
        "they report, if you report, if she talks, if he talks, if they talk, if you talk, if she "
        "goes to, if he goes to, if they go to, if you go to, if she testifies, if he testifies"
    ),
    "grievance": _split(
        "complaint, complaints, complaining, filing complaints, report, reporting, testify, "
        "testifying, union, police, lawyer, lawyers, council, regulator, hr, inspector, press, "
        "reporter, journalist, tribunal, court, grievance, claim, lawsuit, review, if she reports, "
        "if he reports, if they report, if you report, if she talks, if he talks, if they talk, if "
        "you talk, if she goes to, if he goes to, if they go to, if you go to, if she testifies, "
        "if he testifies"
    ),
    # -- a person or an animal made to vanish -------------------------------------------------
    "make_vanish": _split(
        "disappear for good, vanish for good, go missing for good, gone for good, disappear "
        "permanently, make her disappear, make him disappear, make them disappear, make it "
        "disappear for good"
    ),
    # -- personal data kept without end ----------------------------------------------------------
    "keep_forever": _split(
        "forever, indefinitely, retention forever, keep forever, never delete, never expire them, "
        "might be useful, could be useful, for future campaigns, just in case"
    ),
    "held_people_data": _split(
        "former customers, former employees, former staff, call recordings, recordings, biometric, "
        "biometrics, fingerprints, id scans, face scans, health data, medical records, customer "
        "data, user data"
    ),
    # -- urgency or popularity made up --------------------------------------------------------
    "urgency_widget": _split(
        "countdown, countdown timer, timer, viewing this now, people viewing, viewers, stock left, "
        "left in stock, low stock, limited stock, sale ends, offer ends"
    ),
    "made_up_number": _split(
        "for each new visitor, for every new visitor, each new visitor, per visit, reset per "
        "visit, restart for each, resets for each, between 30 and 60, random number, a random, "
        "randomly, regenerate, made up, invented, fake, fabricated"
    ),
    # -- a step taken in response to an attack already under way ------------------------------
    "response_frame": _split(
        "after the credential stuffing, after the brute-force, after the brute force, after the "
        "breach, after the attack, after the phishing, after the intrusion, following the attack, "
        "following the breach, in response to the attack, in response to the breach"
    ),
    # -- people served in their own language or format ----------------------------------------
    "accommodation_frame": _split(
        "agents who speak, staff who speak, interpreter, interpreters, translator, translators, in "
        "their language, in their own language, translated into, sign language, braille, large "
        "print, accessible format"
    ),
    # -- housekeeping that may fairly precede a check -------------------------------------------
    "cleanup_frame": _split(
        "duplicate, duplicates, duplicated, test data, test records, dummy records, temp files, "
        "temporary files, tmp, scratch, cache, stale, expired, older than, retention period, "
        "retention policy, per the retention policy, junk, spam"
    ),
    # -- working out someone else's secret ----------------------------------------------------
    "guess_verb": _split(
        "guess, guessing, figure out, work out, list variants, variants to try, try variants, try "
        "combinations"
    ),
    "credential": _split(
        "password, passwords, passcode, pin, pin code, login, logins, 2fa code, otp, security "
        "answers, security questions, recovery code, recovery codes, unlock code, lock screen code"
    ),
    "own_frame": _split(
        "my own, my own password, her own, his own, their own, forgot my, i forgot, reset my, my "
        "password, my pin, my login"
    ),
    # -- an employer's data taken to a private store ----------------------------------------
    "personal_store": _split(
        "to my personal drive, to my personal github, to my personal email, to my personal "
        "dropbox, to my personal account, to my personal laptop, to my own drive, to my home "
        "computer, to my personal cloud, to my private repo"
    ),
    "employer_data": _split(
        "source code, source repo, code repo, the repo, repository, customer list, client list, "
        "customer database, client database, engineering drawings, designs, pricing file, "
        "contracts, trade secrets, roadmap"
    ),
    # -- evidence of the requester's own act ---------------------------------------------------
    "own_evidence": _split(
        "that shows i, that show i, which shows i, that proves i, that prove i, showing i, shows "
        "that i, that shows we, that show we, shows that we, proves we, that proves we, where i "
        "admit, where we admit, that mention my, that mentions my, with my name on"
    ),
    # -- a control switched off with its verb split ("turn the safety filter off") -----------
    "phrasal_head": _split("turn, turns, turning, switch, switches, switching, shut, shuts, flip"),
    "off_particle": _split("off"),
    # -- a finding kept out of the record ---------------------------------------------------
    "suppress_record": _split(
        "not to write down, not to write up, not to record, not to report, not to log, not to "
        "include, leave out of the report, keep out of the report, keep it out of the report, "
        "don't write down, don't write up, don't write it down, don't report it, do not report it, "
        "off the report, out of the test report"
    ),
    # -- secrecy or time alone with a child ---------------------------------------------------
    "secret_with_child": _split(
        "keep secrets with, keeps secrets with, keeping secrets with, our little secret, keep our "
        "chats secret, keep it secret from your, don't tell your mom, don't tell your mum, don't "
        "tell your parents, don't tell your dad, not to tell her mum, not to tell his mum, not to "
        "tell her mom, not to tell his mom, not to tell her parents, not to tell his parents, "
        "doesn't tell his mom, doesn't tell her mom, doesn't tell his mum, doesn't tell her mum, "
        "meet me alone, meets me alone, alone with me, without her parents knowing, without his "
        "parents knowing"
    ),
    "minor": _split(
        "child, children, kid, kids, minor, minors, teen, teens, teenager, schoolgirl, schoolboy, "
        "pupil, 8-year-old, 9-year-old, 10-year-old, 11-year-old, 12-year-old, 13-year-old, "
        "14-year-old, 15-year-old, 16-year-old, year-old, little girl, little boy"
    ),
    "surprise_frame": _split(
        "surprise, surprise party, birthday present, gift for mum, gift for dad"
    ),
    # -- prices raised on a disaster -----------------------------------------------------------
    "disaster": _split(
        "hurricane, hurricane's, storm, flood, floods, wildfire, wildfires, evacuation, "
        "earthquake, blackout, pandemic, outbreak, shortage, state of emergency, disaster"
    ),
    "price_hike": _split(
        "raise prices, raise the price, raise the prices, prices up, hike prices, hike the price, "
        "triple the price, triple prices, double the price, double prices, 300%, 400%, 500%, "
        "quadruple, prices 400%, prices 300%, mark up, markup"
    ),
    # -- someone who spoke up, then punished ---------------------------------------------------
    "spoke_up": _split(
        "who flagged, who raised concerns, who raised the, who spoke up, who blew the whistle, who "
        "complained, who went to the regulator, who went to the press, who joined the union"
    ),
    "punish_act": _split(
        "bad review, a bad review, poor review, night shift, worst shifts, bad shifts, demote, "
        "demoted, cut her hours, cut his hours, cut their hours, performance plan, write her up, "
        "write him up, freeze her out, freeze him out, pass her over, pass him over, first on the "
        "list, let her go, let him go, fire her, fire him, exclude her, exclude him"
    ),
    # -- complaints about a hazard closed unexamined -------------------------------------------
    "no_investigation": _split(
        "without investigation, without investigating, without an investigation, without looking "
        "into, without looking into it, as user error, as customer error, as operator error, as "
        "'user error', without a root cause"
    ),
    # -- phrases whose words must not be read alone ---------------------------------------------
    "plain_phrase": _split(
        "that halts, which halts, halts within, halts when, halts it, halt within, that stops, "
        "which stops, stops within, stops when, that shuts down, which shuts down, before lifting, "
        "while lifting, when lifting, heavy lifting, lower the rate limit, lower the login rate "
        "limit, lower the spending limit, lower the withdrawal limit, lower the transaction limit, "
        "lower the limit to, tighten the rate limit, reduce the rate limit, the contact for, point "
        "of contact, contact person, contact us, contact form, contact page, press contact, media "
        "contact, company pays the recruitment fee, employer pays the recruitment fee, we pay the "
        "recruitment fee, pays the recruitment fee, no recruitment fee, no recruitment fees, "
        "without hurting, without harming, without injuring, without hurting it, without hurting "
        "them, ending things with, end things with, cracked beam, cracked wall, cracked pipe, "
        "cracked screen, cracked tile, cracked windscreen, cracked windshield, cracked weld, "
        "cracked concrete, cracked foundation, brake pad, brake pads, launch pad, notepad, mouse "
        "pad, sanitary pad, sanitary pads, heating pad, landing pad, keypad, text the, gas leak, "
        "water leak, oil leak, roof leak, pipe leak, leak detection, won't notice downtime, won't "
        "notice the downtime, won't notice any downtime, won't notice the outage, won't notice any "
        "outage, won't notice the switch, won't notice the migration, won't notice a thing during, "
        "won't notice the maintenance, don't hesitate, do not hesitate, don't hesitate to, don't "
        "worry, do not worry, don't wait, never mind, don't be shy, no worries, no problem, not a "
        "problem, don't forget to, do not forget to, never forget to"
    ),
}
