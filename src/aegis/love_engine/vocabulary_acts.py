"""Plainly worded harms the other vocabularies missed, as roles: following, persisting,
imitating a login, penalising protected leave, and the words existing roles lacked.

Each entry names a role in a structure the rulebook judges (:mod:`aegis.love_engine.rulebook`),
so an unlisted word that plays the same role beside a listed one still counts. Entries are
stemmed at import, so "follows", "followed" and "following" are one.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["ACTS", "ACTS_WIDENED"]


ACTS: dict[str, tuple[str, ...]] = {
    # -- following a person: the verb and what makes it surveillance
    "follow_verb": _split("follow, tail, shadow, trail, wait outside, wait for her, wait for him"),
    "routine_watch": _split(
        "home, every day, every morning, every night, everywhere, when she leaves, when he "
        "leaves, where she goes, where he goes, her route, his route, her movements, his "
        "movements, comings and goings, to her house, to his house, to her car, to his car, "
        "from work, after work, from school, after school, to the gym"
    ),
    # -- where a person is and who is with them: what a stalker writes down
    "movement_watch": _split(
        "leaves her house, leaves his house, leaves the house, who visits, who visits her, who "
        "visits him, comes and goes, comings and goings, when she's alone, when he's alone, when "
        "she is alone, when he is alone, where she goes, where he goes, her movements, his "
        "movements, when she leaves, when he leaves, when she gets home, when he gets home"
    ),
    # -- a person's comings and goings written down
    "watch_log": _split(
        "keep a log of, keep a log, keep logs of, log, note down, write down, keep track of, "
        "keep tabs on, track, monitor, record, make a note of, note"
    ),
    # -- contact pressed on someone who has not answered or has said no
    "persist_cue": _split(
        "until she replies, until he replies, until they reply, until she answers, until he "
        "answers, until she responds, until he responds, until she agrees, until he agrees, "
        "every hour, 100 messages, hundreds of messages, dozens of messages, keep messaging, "
        "keep texting, keep calling, keep emailing, keep contacting, who blocked me, blocked "
        "me, after she blocked, after he blocked, from new accounts, from a new number, from "
        "different numbers, new number each time, even though she said no, even though he said "
        "no, though she asked me to stop, though he asked me to stop, flood his inbox, flood her "
        "inbox, flood their inbox, flood his phone, flood her phone, flood his dms, flood her "
        "dms, bombard him, bombard her, spam him, spam her"
    ),
    # -- a login or brand imitated to take what people type into it
    "imitate": _split(
        "that copies, which copies, copying the look of, copy the look of, lookalike of, "
        "look-alike of, mimics, mimic, imitates, imitating, impersonates, impersonating, clone "
        "of the real, replica of, pixel-perfect copy, identical to the real, using the paypal "
        "logo, with the paypal logo, using the bank's logo, with the bank's logo, using their "
        "logo, with their logo, using the logo of, using their branding, with their branding"
    ),
    # -- leave and status the law protects, and decisions that penalise people for them
    "protected_leave": _split(
        "maternity leave, paternity leave, parental leave, sick leave, medical leave, fmla "
        "leave, fmla, disability leave, took leave, went on leave, pregnant, pregnancy, "
        "got pregnant, religious holiday, religious holidays, jury duty, union meeting, union "
        "membership, joined the union, filed a complaint, reported harassment"
    ),
    "adverse_act": _split(
        "lower, lower ratings, lower rating, give lower, mark down, rate lower, rank lower, "
        "demote, pass over, passed over, fire, let go, lay off, terminate, reject, screen out, "
        "filter out, exclude, deprioritise, deprioritize, penalize, penalise, cut, reduce, "
        "dock, withhold, deny, skip for, not promote, don't promote, smaller bonus, no bonus, "
        "worse shifts, fewer hours, bottom of the list, put last, redundancy list, top of the "
        "redundancy list, make redundant, first to go, first in line for redundancy"
    ),
    # -- an outcome against a person that the request says it is for
    "harm_outcome": _split(
        "so she gets fired, so he gets fired, so they get fired, get her fired, get him fired, "
        "so she gets evicted, so he gets evicted, so they get evicted, get her evicted, get him "
        "evicted, so she moves out, so he moves out, so they move out, so she loses custody, so "
        "he loses custody, so she gets expelled, so he gets expelled, "
        "gets her fired, gets him fired, so she loses her job, so he loses his job, so she "
        "quits, so he quits, until she quits, until he quits, until she moves, until he moves, "
        "until she moves out, until he moves out, until they move out, so they turn against "
        "her, so they turn against him, turn against her, turn against him, so she knows we "
        "know, so he knows we know, just so she knows, just so he knows, drops his complaint, "
        "drops her complaint, drop his complaint, drop her complaint, withdraws her complaint, "
        "withdraws his complaint, so nobody will hire her, so nobody will hire him, so no one "
        "hires her, so no one hires him, ruin her, ruin his, ruin their, so she's too scared, so "
        "he's too scared, so she feels unwelcome, so he feels unwelcome, makes her cry, make her "
        "cry, make him cry, so people can visit her, so people can "
        "visit him, so people can find her, so people can find him, so people can show up, so "
        "they can find her, so they can find him, so people can pay her a visit"
    ),
    # -- a harm to people recorded as something else: "the patients who dropped out for liver
    # problems are listed as lost to follow-up"
    "adverse_outcome": _split(
        "adverse events, adverse event, adverse reactions, adverse reaction, side effects, "
        "complications, injuries, injury, deaths, death, fatalities, liver problems, liver "
        "damage, heart problems, kidney damage, hospitalised, hospitalized, hospitalisations, "
        "hospitalizations, serious adverse, dropped out, withdrew because, near misses, near "
        "miss, burns, overdoses"
    ),
    "relabel_as": _split(
        "listed as, recorded as, coded as, classified as, reclassified as, counted as, reported "
        "as, logged as, labelled as, labeled as, written up as, put down as, described as, "
        "recategorised as, recategorized as, filed as, as unrelated, as lost to follow-up"
    ),
    # -- starving or purging oneself, said as a plan
    "starve_cue": _split(
        "300-calorie, 400-calorie, 500-calorie, 600-calorie, 300 calories a day, 400 calories a "
        "day, 500 calories a day, 600 calories a day, only drink water, drink only water, only "
        "water for, zero calories so, eat only those until, stop eating, need to be smaller, "
        "need to be thin, need to be thinner, need to be skinnier, have to be thin, lose 5 kg "
        "before, lose 10 kg in, lose 10 pounds in a week, how many laxatives, laxatives work "
        "best, make myself throw up, make myself sick after eating, purge after eating"
    ),
    # -- urging someone else toward self-harm
    "urge_self_harm": _split(
        "happier without her, happier without him, better off without her, better off without "
        "him, better off without you, nobody would miss you, no one would miss you, no one will "
        "miss you, nobody will miss you, you should kill yourself, go kill yourself, "
        "should just end it, go ahead and end it, see what happens to her, stop her "
        "antidepressants all at once, stop his antidepressants all at once"
    ),
    # -- abuse named as what a moderator acts against (a frame only: it never makes a finding)
    "abuse_named": _split(
        "threats, threat, death threats, threatening, slurs, slur, hate speech, hateful, "
        "racist, antisemitic, islamophobic, homophobic, transphobic, misogynistic, abuse, "
        "abusive, harassment, harassing"
    ),
}

#: Words existing roles lacked.
ACTS_WIDENED: dict[str, tuple[str, ...]] = {
    "defensive": _split(
        "automod, auto-mod, automoderator, automod rule, mod queue, auto-delete, auto-remove, "
        "auto-hide, followers-only, protect themselves, protect yourself, protect myself, "
        "protect ourselves, keep themselves safe, keep yourself safe, defend themselves, defend "
        "yourself"
    ),
    "fake_object": _split("ratings, 5-star ratings, five-star ratings, star ratings, 5-star"),
    "money_term": _split(
        "convenience fee, service fee, booking fee, processing fee, admin fee, resort fee, "
        "handling fee, annual price, renewal price"
    ),
    "hide_verb": _split(
        "only shows after, only appears after, shown only after, only at the last step, only "
        "on the last page, after they enter card details, after they enter their card"
    ),
    "unauthorised": _split(
        "without reminding them, without reminding, without a reminder, without warning them"
    ),
    "personal_data": _split(
        "names and conditions, medical conditions, health conditions, patient names, patients' "
        "names, patient list, list of our patients, list of patients, post her home address, "
        "post his home address, publish her address, publish his address, share her home "
        "address, share his home address"
    ),
    "expose_verb": _split(
        "post her home address, post his home address, publish her address, publish his "
        "address, share her home address, share his home address"
    ),
    "protected_group": _split(
        "having kids, having children, had kids, had children, have kids, for having kids, "
        "families with children, families with kids, family with children, family with kids, "
        "parents with young children"
    ),
    "proxy": _split(
        "graduated before, graduated in the 80s, graduated in the 1980s, graduated in the "
        "1970s, born before, born in the 1960s, born in the 60s, hispanic-sounding, "
        "arabic-sounding, foreign-sounding, african-sounding, asian-sounding"
    ),
    "decision": _split(
        "renew the lease, renew her lease, renew his lease, renew their lease, lease renewal, "
        "renewal of the lease, at the bottom of, to the bottom of, bottom of the "
        "pile, end of the queue, back of the queue"
    ),
    "self_harm_intent": _split(
        "not wake up, don't wake up, never wake up, don't want to wake up, do not want to wake "
        "up, hope i don't wake up, wish i wouldn't wake up, sleep forever, sleep for a really "
        "long time, "
        "after i've gone, after i'm gone, when i'm gone, once i'm gone, final instructions, my "
        "obituary, write my obituary, nobody would find me, no one would find me, nobody would "
        "find someone, find you in the woods, tired of all of it, tired of it all, the place to "
        "myself for it, nicht mehr aufwache, hide cutting scars, hide my scars, hide the cuts, "
        "where cuts bleed less, blood loss spot, quickest blood loss, the blade is the only"
    ),
    "threat": _split(
        "ur dead, you're dead when, when i catch u, when i catch you, break both his legs, break "
        "both her legs, break your legs, break his legs, break her legs, we'll have bricks ready"
    ),
    "without_safety": _split(
        "without car seats, without a car seat, no car seats, without masks, doesn't need masks, "
        "don't need masks, without shoring, don't need the trench shoring, no trench shoring, "
        "without the overheat cut-off, without a flue test, no need for the flue test"
    ),
    "harm_verb": _split(
        "scald, throw hot water on, throw boiling water on, pour boiling water on, pour hot "
        "water on, sick enough to, make it sick enough, sick enough that"
    ),
    "person": _split("she, he"),
    "fraud_strong": _split(
        "re-enter their credentials, re-enter their password, reenter their password, confirm "
        "their password, confirm their passwords, verify their password, verify their "
        "credentials, enter their password at, enter their credentials at, their credentials at "
        "this link, their password at this link, post hype, hype it up, hype them up, sell at "
        "the peak, sell into the hype, dump on retail, dump it on, dump them on, fake five-star, "
        "their account is locked and, your account is locked, account will be suspended unless, "
        "enter their card details at, enter your card details at, confirm their card details at"
    ),
    "conceal": _split(
        "under different names, under different customer names, under fake names, under "
        "different accounts, from different accounts, from their personal accounts, from "
        "personal accounts, from our personal accounts, as if from, posing as customers, "
        "pretending to be customers, as different guests, from different guests, record it as "
        "a, code it as, book it as, log it as, disguise it as, label it as, as a vendor "
        "payment, as a business expense"
    ),
    # a result made to say what someone wants rather than what was measured
    "contrary": _split(
        "don't actually, do not actually, doesn't actually, won't actually, without actually, "
        "what the client expects, what the client wants, what the customer expects, what the "
        "customer wants, what they expect, what they want to see, what the regulator wants to "
        "see, what the auditor wants to see, to match expectations, the numbers they want, the "
        "result they want, the results they want, whatever they want"
    ),
    "as_passed": _split(
        "as processed, as sent, as paid, as delivered, as refunded, as shipped, as received"
    ),
    "personal_store": _split(
        "to my personal google drive, to my google drive, to my personal gmail, to my gmail, to "
        "a usb stick, to my usb stick, to my usb drive, to my personal phone, to my icloud"
    ),
    "disable_verb": _split("doctor the, doctored the, doctoring the, doctor all the"),
    "falsify_verb": _split(
        "doctor the, doctored the, doctoring the, doctor all the, harmonise, harmonize, align, "
        "massage, tweak, smooth"
    ),
    "evade": _split(
        "so it looks like i was never, so it looks like i never, was never on the system, no "
        "trace of me, no record of me, so nobody can tell i was, so no one can tell i was"
    ),
    "safety_control": _split(
        "daily cap, spending cap, withdrawal cap, transfer limit, daily limit, payout limit, "
        # alarms that summon help: a fire panel's zone, a clinical auto-page, a panic button
        "fire panel, fire alarm panel, alarm zone, detection zone, auto-page, auto page, "
        "crisis page, crisis alert, risk alert, suicide alert, panic button, "
        # machines' stops that keep people out of harm's way, and child-abuse image matching
        "proximity stop, proximity sensor, collision avoidance, light curtain, safety "
        "interlock, interlock, e-stop, emergency stop, dead man's switch, deadman switch, "
        "csam hash matching, csam hash-matching, csam scanning, csam detection, csam filter, "
        "photodna, hash-matching step, hash matching step"
    ),
    "safety_measure": _split(
        "spending limit, withdrawal limit, transaction limit, transfer limit, daily cap, "
        "spending cap, daily limit, payout limit"
    ),
    # one's own location, shared by oneself ("share my live location with my sister")
    "own_frame": _split(
        "my live location, my own location, my own live location, my address, my home address, "
        "my own address, my phone number, my own details, my own data, my personal phone, my "
        "personal laptop, my old phone, my own phone, my own laptop"
    ),
}
