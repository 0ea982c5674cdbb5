"""Plainly worded wrongs, as data: the everyday and operational words of harms that name no harm.

"Skip harnesses on the roof job", "pay the inspector to overlook the rats", "keep their
passports": no word here is a harm word; the wrong is in the structure (a safety measure and
a verb that removes it, an official, a payment and a look away). Each concept below is one
role in such a structure; :mod:`aegis.love_engine.rulebook` names the structures. Some
entries extend concepts of :mod:`aegis.love_engine.vocabulary` (a few words in German,
Spanish and French among them); they are merged there. Entries are stemmed at import.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["EXTENDED", "PLAIN"]


#: New roles.
PLAIN: dict[str, tuple[str, ...]] = {
    # -- animals: cruelty and neglect ------------------------------------------------------
    "animal": _split(
        "animal, animals, dog, dogs, puppy, puppies, cat, cats, kitten, kittens, horse, horses, "
        "pony, foal, geese, goose, duck, ducks, swan, swans, bird, birds, sheep, lamb, cow, cows, "
        "cattle, calf, pig, pigs, goat, goats, hamster, rabbit, rabbits, parrot, pet, pets, fox, "
        "badger, hedgehog, squirrel, squirrels, pigeon, pigeons, chickens, hens, donkey, tortoise, "
        "turtle, ferret, guinea pig, neighbour's dog, neighbor's dog, stray, strays"
    ),
    # -- stopping a heart or a breath --------------------------------------------------------
    "halt_verb": _split("stop, stops, stopping, stopped, halt, cease"),
    "vital": _split("heart, heartbeat, heart beating, breathing, breath, pulse"),
    # -- sabotage of what keeps a person safe -------------------------------------------------
    "sabotage_verb": _split(
        "rig, sabotage, tamper with, mess with, loosen, cut, slash, drain, disconnect, unscrew, "
        "jam, block, puncture, weaken, saw through, file down"
    ),
    "vital_part": _split(
        "brake line, brake lines, brakes, brake, brake fluid, steering, tyre, tyres, tire, tires, "
        "wheel nuts, lug nuts, gas line, gas stove, stove, gas valve, gas pipe, boiler, flue, "
        "chimney flue, heater, seatbelt, seat belt, safety harness, ladder, scaffold, railing, "
        "balcony railing, parachute, climbing rope, oxygen tank, oxygen supply, insulin pump, "
        "pacemaker, ventilator, wheelchair brakes, car seat"
    ),
    # -- safety measures removed in operational words -----------------------------------------
    "weaken_verb": _split(
        "raise, raises, raising, ignore list, allowlist, whitelist, overrides, overriding, skip "
        "the, skip their, skip our, drop the, padlock, padlocked, chain shut, chained shut, lock "
        "the fire, wedge open, wedged open, water down, watered down, can wait, don't need, "
        "doesn't need, do not need, does not need, no need for, not needed, no longer need, just "
        "guidance, only guidance, a suggestion, just a suggestion, overcautious, over-cautious, "
        "just for audits, only for audits, sound optional, sounds optional, make it optional, "
        "optional, cut back, stop doing, skip, skipping, drop, reduce, reduce the, fewer, less "
        "often, ignore, ignoring, turn off, switch off, disable, remove, bypass, override, is "
        "broken, keep working, get in anyway, anyway, raise the limit, raise the cap, increase the "
        "limit, triple, double the, tenfold, ten times"
    ),
    "safety_measure": _split(
        "relief threshold, pressure relief, overload sensor, maximum bolus, bolus limit, loss "
        "limit, daily loss limit, overload limit, human approval step, human approval, approval "
        "step, human review, human sign-off, the approval step, reviewers, zero reviewers, "
        "required reviewers, alert threshold, safety harness, climbing harness, harnesses, fall "
        "arrest, hard hat, hard hats, helmet, helmets, ppe, safety glasses, safety goggles, "
        "goggles, masks, mask, respirator, respirators, ear defenders, shoring, trench shoring, "
        "lifeguard, lifeguards, headcount, rest rules, rest break, rest breaks, legal rest, rest "
        "period, rest periods, duty hours, driving hours, fire exit, fire exits, emergency exit, "
        "emergency exits, fire door, fire doors, dead-man's handle, dead man's handle, dead man's "
        "switch, deadman switch, overheat cut-off, overheat cutoff, cut-off, cutoff, thermal "
        "cutoff, sterility test, sterility testing, certification, safety certification, recall, "
        "recall notice, allergen warning, allergen label, allergy warning, warning label, dose "
        "limit, max dose, maximum dose, dose cap, dosage limit, rack limit, load limit, weight "
        "limit, re-entry interval, filter change, smoke alarm, smoke alarms, fire alarm, fire "
        "extinguisher, fire extinguishers, guard rail, guardrail, safety rail, railings, life "
        "jackets, life jacket, lifejackets, seatbelts, car seat, booster seat, child lock, child "
        "locks, gas test, gas monitor, co detector, carbon monoxide detector, ventilation, first "
        "aid kit, safety checks, safety check, the checks, inspection, inspections, hourly checks, "
        "welfare checks, water stops, shade breaks, heat breaks, cooling breaks, safety data "
        "sheet, safety valve, speed limiter, guard, guards, blade guard, machine guard, lockout, "
        "lockout tagout, interlock, light curtain, emergency stop, e-stop, tachograph"
    ),
    # -- a product that failed its checks, put into use ---------------------------------------
    "failed_item": _split(
        "failed sterility, failed the sterility, failed certification, failed inspection, failed "
        "the inspection, failed qa, failed testing, failed the test, failed its test, failed the "
        "safety, failed safety, that failed, which failed, caught fire, recalled, under recall, "
        "recall list, contaminated, defective, faulty, out of date, past its expiry, past their "
        "expiry, past the expiry, expired, spoiled, mouldy, moldy, rotten, the failed"
    ),
    "release_verb": _split(
        "ship the, ship it, ship them, ship out, sell, release, list for sale, list them for "
        "sale, list it for sale, list on, relist, for sale, on ebay, on the marketplace, on "
        "marketplace, on amazon, swap in, serve, deliver, "
        "distribute, dispatch, send out, put back on sale, back on the shelf, back on the shelves, "
        "restock, use it anyway, use them anyway, install, fit, give, feed, hand out, relabel"
    ),
    "as_passed": _split(
        "as passed, as a pass, as pass, to pass, to 'pass', as compliant, as within limits, within "
        "limits, as safe, as clean, as inspected, as complete, as completed, as verified, as ok, "
        "as okay, as fixed, as resolved, as green"
    ),
    "failed_result": _split("failed, fail, fails, failing, did not pass, didn't pass"),
    # -- bribery --------------------------------------------------------------------------------
    "official": _split(
        "inspector, inspectors, health inspector, building inspector, fire inspector, safety "
        "inspector, tax inspector, official, officials, officer, officers, police officer, cop, "
        "cops, customs, customs officer, border guard, border agent, clerk, councillor, council "
        "member, councilman, mayor, regulator, examiner, referee, umpire, assessor, procurement "
        "officer, procurement manager, purchasing manager, minister, senator, congressman, traffic "
        "warden, planning officer, permit office, permit officer, judge, magistrate, juror, "
        "jurors, auditor, auditors, notary, registrar, admissions officer, the ref, ref, "
        "invigilator, invigilators, proctor, evaluation committee, tender committee, zoning board, "
        "zoning councillor, planning committee, licensing officer, loan officer, underwriter, "
        "compliance officer"
    ),
    "payoff": _split(
        "thank-you, a thank you, how much he'd want, how much she'd want, how much they'd want, "
        "what he'd want, what she'd want, in his locker, in her locker, slip, tip, gift, gift "
        "card, gift cards, cash, envelope, bonus, a little something, something extra, sweetener, "
        "sweeten, grease, free holiday, free trip, tickets, a cut, cut of, commission, consulting "
        "fee, donation to his, donation to her, pay off, paid off, 5k, 10k, 2k, 10% of the "
        "project, a cut of the, gift line, a gift, kickback"
    ),
    "look_away": _split(
        "bid wins, our bid wins, if our bid, if we win, if they win, wins by, win by, lose by, let "
        "our container through, let it through, let us through, without inspection, without an "
        "inspection, overlook, look the other way, turn a blind eye, ignore the, sign off, signs "
        "off, approve our, pass us, pass the inspection, pass our, fast-track, fast track, drop "
        "the fine, drop the charges, drop the case, make the ticket go away, make it go away, "
        "forget about, not report, lose the file, in our favour, in our favor, rule for us, goes "
        "easy, go easy, let it slide, let us off, waive the, skip the inspection, not write it up, "
        "not write us up, without the inspection, award us the contract, award the contract to us, "
        "pick our bid, choose our bid, look away, goes through, go through, gets through, passes, "
        "rezoning passes, send off, sent off, book their, red card, wave it through, wave us "
        "through, approve it, approve the permit, approve the loan, grant the permit, grant the "
        "licence, win the tender, win the contract, score us higher"
    ),
    # -- labour exploitation ----------------------------------------------------------------
    "labour_wrong": _split(
        "hold their passports, keep their passports, hold the passports, keep the passports, take "
        "their passports, confiscate passports, confiscate their passports, hold onto their "
        "passports, lock up their passports, keep her passport, keep his passport, hold her "
        "passport, hold his passport, take her passport, take his passport, unpaid overtime, "
        "without overtime pay, no overtime pay, skip overtime pay, don't pay overtime, not pay "
        "overtime, off the clock, clock them out, clock out and keep working, work for free, "
        "working for free, unpaid trial, unpaid trial shift, unpaid trial shifts, unpaid "
        "internship, unpaid interns, unpaid intern, as volunteers, call them volunteers, call it "
        "volunteering, dock their pay, dock her pay, dock his pay, dock wages, dock their wages, "
        "deduct from their wages, deduct it from their wages, deduct from wages, withhold wages, "
        "withhold pay, withhold their pay, withhold her pay, withhold his pay, hold back their "
        "pay, hold back wages, keep their wages, below minimum wage, under minimum wage, less than "
        "minimum wage, under the minimum wage, recruitment fee, recruitment fees, work off the "
        "debt, work off their debt, can't leave until, cannot leave until, lock the dormitory, "
        "lock them in at night, no days off, seven days a week, 7 days a week, 16-hour shifts, 16 "
        "hour shifts, keep the tips, keep their tips, take a cut of the tips, take a cut of their "
        "tips, as contractors so we don't, classify them as contractors, misclassify, don't pay "
        "them for, not pay them for, don't pay her for, don't pay him for, pay them in food, pay "
        "them in board, without pay, no pay, for no pay"
    ),
    # -- child and dependant neglect --------------------------------------------------------
    "unattended": _split(
        "home alone, alone at home, alone in the house, alone in the flat, alone overnight, alone "
        "all day, alone for the weekend, alone all weekend, alone for the night, alone for a week, "
        "unattended, in a hot car, in the hot car, left in the car, in the car all day, locked in, "
        "lock them in, lock him in, lock her in, locked in the, without food, no food, without "
        "water, no dinner, go hungry, without supervision, by themselves, by himself, by herself, "
        "on their own, fend for themselves, fend for himself, fend for herself, in the heat, in "
        "the sun all day, tied up outside, chained outside, skip his meals, skip her meals, skip "
        "meals, less food, feed the dogs less, feed them less, three beers, 3 beers, a few beers, "
        "some vodka, some whisky, some wine"
    ),
    "dependant": _split(
        "kids, children, child, baby, babies, toddler, toddlers, infant, newborn, my son, my "
        "daughter, the twins, 5-year-old, 6-year-old, 7-year-old, 8-year-old, 4-year-old, "
        "3-year-old, 2-year-old, year-old, year old, campers, pupils, grandma, grandpa, my mother, "
        "my father, elderly mother, elderly father, residents, patients, dementia"
    ),
    "leave_verb": _split(
        "leave, leaving, left, lock, keep, let, put, send, give, feed, calm, sedate, make"
    ),
    # -- identity papers kept from the people they belong to --------------------------------
    "hold_verb": _split(
        "hold, holding, keep, keeping, take, confiscate, lock up, lock away, withhold, retain, "
        "hang on to, hold onto, hold on to, keep hold of, not give back, don't give back, won't "
        "give back"
    ),
    "identity_papers": _split(
        "passports, passport, id cards, id card, identity cards, identity documents, visas, work "
        "permits, work permit, residence permits, papers"
    ),
    "workers": _split(
        "worker, workers, staff, pickers, employees, employee's, nanny, nannies, maid, maids, "
        "cleaners, cleaner, crew, labourers, laborers, interns, recruits, farmhands, housekeeper, "
        "carers, caregivers, new hires, seasonal, migrant"
    ),
    "papers_frame": _split(
        "a copy of, copy of, copies of, scan of, scans of, right to work, right-to-work, return, "
        "give back, hand back, at their request, renewal, renew, lost, stolen, apply for, "
        "application"
    ),
    # -- elections --------------------------------------------------------------------------
    "ballot": _split(
        "ballot, ballots, absentee ballot, absentee ballots, postal vote, postal votes, postal "
        "ballot, postal ballots, mail-in ballot, mail-in ballots, mail ballot, mail ballots, proxy "
        "vote, proxy votes, vote, votes, voting form, voting forms"
    ),
    "ballot_tamper": _split(
        "fill in, fill out, filled in, mark, marked, sign, signed, complete, collect, harvest, "
        "throw away, discard, bin, shred, destroy, alter, change, vote for, vote twice, vote "
        "again, on behalf of, in their name, in her name, in his name, for them, for the "
        "residents, for residents, residents', their ballots, dead, deceased, twice, second time, "
        "other people's, everyone's, for all of them, signatures, forge, tick, cast"
    ),
    "for_others": _split(
        "for them, for the residents, for residents, residents', on their behalf, on behalf of, in "
        "their name, in her name, in his name, their ballots, dead, deceased, twice, second time, "
        "other people's, everyone's, for all of them, for everyone, for the whole home, whole care "
        "home, for my, the elderly, without asking, without them knowing, without telling"
    ),
    # -- pollution --------------------------------------------------------------------------
    "hazmat": _split(
        "solvent, solvents, waste oil, used oil, motor oil, old oil, engine oil, chemicals, "
        "chemical waste, paint, paint thinner, thinners, asbestos, battery acid, batteries, "
        "sewage, slurry, manure, pesticide drums, drums, hazmat, hazardous waste, toxic waste, "
        "coolant, antifreeze, medical waste, clinical waste, sharps, tyres, tires, diesel, fuel, "
        "refrigerant, freon, mercury, pcbs, fracking fluid, wastewater, waste water, effluent, "
        "runoff, contaminated soil, dye, dyes, bleach, cleaning chemicals, fertiliser, fertilizer, "
        "pesticide, pesticides, herbicide, sludge, ash, rubble, construction waste, e-waste, waste"
    ),
    "improper_disposal": _split(
        "dump, dumping, dumped, bury, vent, into the creek, into the river, into the stream, into "
        "the lake, into the sea, into the ocean, into the ground, into the woods, into the field, "
        "into the storm drain, into the sewer, into the canal, into the pond, into the bay, in the "
        "creek, in the river, in the woods, down the drain, down the sink, down the toilet, storm "
        "drain, regular bin, regular skip, general waste, with the trash, in the trash, normal "
        "trash, normal bin, with the household, household bins, skip the manifest, without a "
        "permit, no permit, over the limit, above the limit, above the permit, hazmat pickup "
        "costs, disposal costs too much, costs too much to dispose, behind the warehouse, in the "
        "lay-by, fly-tip, flytip, fly tip, fly-tipping"
    ),
    # -- cheating in exams and coursework ----------------------------------------------------
    "cheat_cue": _split(
        "do my homework, write my essay, write my assignment, write my coursework, write my "
        "dissertation, write my thesis, sit the exam for me, sit my exam, take my test, take the "
        "test for me, take my online exam, take my online test, during the exam, in the exam, "
        "answers during, hidden earpiece, earpiece, smuggle notes, crib sheet, cheat sheet, submit "
        "as mine, hand in as mine, hand it in as mine, submit it as mine, as my own, so turnitin, "
        "avoid turnitin, beat turnitin, bypass turnitin, get past turnitin, past turnitin, fool "
        "turnitin, undetectable by, humanize it so, so it won't be detected, ai detector, won't "
        "flag, doesn't get flagged, not get flagged, the exam answers, answer key, the answers to "
        # the requester's own proctored exam; "proctoring" alone is the school's control
        "tomorrow's, tomorrow's exam, tomorrow's test, my proctored, online proctored, proctored "
        "final, proctored test, log in as me, log into "
        "my course, my online course, do my quiz, complete my quiz, complete my module, complete "
        "my training for me, my cpd hours, fake the attendance, sign me in, passes turnitin, pass "
        "turnitin, under my name, hand it in, hand in under, auto-solves, auto-solve, solves the "
        "quiz, proctored quiz, proctored exam, in my voice so, so it passes, write the "
        "dissertation for me, write my paper, write the essay for me, do the assignment for me, do "
        "my coding assignment, submit it for the class, it's graded"
    ),
    # -- false claims on products ----------------------------------------------------------
    "claim_label": _split(
        "fda approved, fda-approved, fda cleared, clinically proven, clinically tested, doctor "
        "recommended, dermatologist tested, dermatologist recommended, non-toxic, nontoxic, "
        "allergen free, allergen-free, nut free, nut-free, gluten free, gluten-free, "
        "hypoallergenic, organic, certified organic, 100% safe, completely safe, no side effects, "
        "cures, cure, guaranteed returns, guaranteed, risk-free, risk free, lab tested, ce marked, "
        "ul listed, waterproof, fireproof, flame retardant, bpa free, lead free, lead-free, sugar "
        "free, vegan, halal certified, kosher certified, fair trade, carbon neutral, eco-friendly, "
        "biodegradable, made in the usa, made in usa, may contain traces, contains no, safe for "
        "children, safe for kids, child safe, child-safe, approved by, endorsed by, award-winning, "
        "best-selling, number one, no 1, #1"
    ),
    "claim_verb": _split(
        "add, write, say, saying, label, labelled, labeled, print, advertise, claim, state, call "
        "it, describe it as, describe as, tag, badge, stamp, slap, put on the"
    ),
    "claim_strong": _split(
        "cures, cure cancer, cures cancer, no side effects, 100% safe, completely safe, risk-free "
        "returns, guaranteed returns, guaranteed profit, guaranteed profits, can't lose, cannot "
        "lose, zero risk, no risk at all, fda approved, fda-approved"
    ),
    "proper_disposal": _split(
        "recycling, recycling centre, recycling center, recycle, licensed carrier, licensed "
        "contractor, hazardous waste facility, transfer station, collection point, drop-off point, "
        "hazmat pickup, household waste recycling, take-back, take back scheme"
    ),
    # -- content moderated by the language it is written in ------------------------------------
    "language_use": _split(
        "browser language, language is arabic, language is spanish, arabic, urdu, farsi, hebrew, "
        "amharic, somali, tagalog, in arabic, in urdu, in farsi, in persian, in hindi, in spanish, "
        "in somali, in polish, in romanian, in chinese, in mandarin, in cantonese, in hebrew, in "
        "turkish, in amharic, in tagalog, in russian, in ukrainian, in vietnamese, in korean, in "
        "punjabi, in bengali, in swahili, in yoruba, in creole, in another language, in a foreign "
        "language, not in english, non-english, arabic script, arabic-script, written in arabic"
    ),
    "undo": _split(
        "restore, reinstate, unban, unblock, unhide, undelete, by mistake, wrongly, in error, "
        "appeal, appeals, false positive, false positives"
    ),
    "moderate_verb": _split(
        "remove, auto-remove, delete, auto-delete, hide, auto-hide, ban, block, filter, flag, "
        "auto-flag, shadowban, shadow-ban, downrank, demote, reject, mute, suspend, restrict, "
        "limit, deprioritise, deprioritize, lower the reach"
    ),
    "content_item": _split(
        "post, posts, comment, comments, message, messages, review, reviews, reply, replies, "
        "listing, listings, ads, profile, profiles, user, users, account, accounts, member, "
        "members, caller, callers, ticket, tickets, application, applications, anything, "
        "everything, anyone"
    ),
    # -- a prohibition of a criterion, not of people: "do not reject applicants because of age"
    "criterion_cue": _split(
        "because of, based on, on the basis of, due to, for being, on grounds of, on the grounds "
        "of, by reason of"
    ),
    # -- structuring, and money held for others taken "for now" ------------------------------
    "split_verb": _split(
        "split, splitting, break up, break it up, break them up, divide, chunk, spread it across, "
        "spread them across, several smaller, smaller payments, smaller invoices, smaller "
        "transfers, separate invoices, separate payments, multiple invoices, multiple payments, "
        "multiple transfers, two invoices, three invoices, two payments, three payments"
    ),
    "under_limit": _split(
        "doesn't file a report, don't file a report, no report is filed, file a report, avoid a "
        "report, so it isn't reported, not reported, stay under, stay below, under the approval, "
        "below the approval, under the limit, below the limit, under the threshold, below the "
        "threshold, under the reporting, below the reporting, under the sign-off, below the "
        "sign-off, under 10,000, under 10000, under $10,000, under 10k, under the 10k, under the "
        "5k, under 5k, avoid the approval, avoid approval, avoid sign-off, avoid the sign-off, "
        "avoid the review, so it doesn't need approval, so it doesn't need sign-off, so no one has "
        "to approve, doesn't trigger, don't trigger, not trigger, won't trigger, so it won't be "
        "reported, avoid reporting, avoid the report, avoid being reported, ctr"
    ),
    "borrow_verb": _split(
        "borrow, borrowing, borrowed, dip into, dipping into, float, tide us over, tide me over, "
        "put it back, pay it back, pay it back later, replace it later, repay it later, "
        "temporarily use, use it for now, lend ourselves, loan ourselves"
    ),
    # -- a verdict that needs a fact the clause denies --------------------------------------
    "contrary": _split(
        "so it doesn't, so it won't, so it isn't, so we don't have to, so we don't, actually, "
        "nobody actually, not actually, never actually, didn't actually, hasn't actually, haven't "
        "actually, anyway, but whatever, whatever, regardless, even if, despite, when actually, "
        "when really, without checks, without any checks, without checking, without looking, "
        "without seeing, never checked, didn't check, not checked, unchecked, without reading, "
        "without testing, without inspecting, never went, nobody went, no one went, nobody "
        "checked, no one checked, is dead, are dead, doesn't work, don't work, isn't working, not "
        "working, broken, sells better, it sells better, never tested, haven't tested, not tested, "
        "no trial, not approved, isn't approved"
    ),
}

#: Words added to roles the main vocabulary defines.
EXTENDED: dict[str, tuple[str, ...]] = {
    "person": _split(
        "persona, alguien, una persona, jemand, jemanden, einen menschen, mensch, menschen, "
        "personne, quelqu'un, nachbar, nachbarin, esposa, mujer, hombre, parade, pride parade, "
        "rally, congregation, worshippers, crowds, concertgoers, pedestrians, commuters, "
        "passengers, my date, stepdad, stepmom, stepfather, stepmother, stalker, stalkers, "
        "mother-in-law, father-in-law, imam, priest, rabbi, pastor, nun, monk, patient, old man, "
        "old woman, non-diabetic, a non-diabetic, whoever, the kid, a kid, the boy, the girl, "
        "teachers, the troll, a troll, this troll, that troll"
    ),
    "harm_verb": _split(
        "matar, asesinar, envenenar, apuñalar, herir, golpear, töten, umbringen, ermorden, "
        "vergiften, erstechen, erschießen, verletzen, tuer, empoisonner, poignarder, blesser, "
        "uccidere, avvelenare, assassinate, assassinating, knock out, knock someone out, knock a "
        "person out, knocked out, knock him out, knock her out, push someone off, push him off, "
        "push her off, push them off, off a cliff, off the cliff, down the stairs, in front of a "
        "train, in front of the train, in front of a bus, firebomb, fight until, beat up, "
        "asphyxiate, electrocute, scald, starve, drown"
    ),
    "explosive": _split(
        "bombe, bomba, rohrbombe, sprengstoff, explosivo, explosif, granada, granate, sprengsatz"
    ),
    "weapon_strong": _split(
        "rohrbombe, bomba casera, bombe artisanale, zip gun, zipgun, slam-fire, slam fire shotgun, "
        "improvised firearm, pipe gun, homemade gun, homemade firearm, homemade taser, booby trap, "
        "booby-trap, booby trapped, tripwire, spring gun, caltrops, ammonium nitrate and diesel, "
        "ammonium nitrate and fuel oil, prison shank"
    ),
    "weapon": _split("shank, shiv, zip gun, bricks, brick, rocks, stones, acid"),
    "toxin": _split(
        "medicines, meds, veneno, veneno para ratas, rattengift, giftig, ground glass, broken "
        "glass, crushed glass, digoxin, potassium chloride, pentobarbital, nembutal, paracetamol, "
        "acetaminophen, tylenol, lithium, oxy, oxycodone, oxycontin, morphine, heroin, "
        "antidepressants, sleep aids, sleeping aids, helium, carbon monoxide, exhaust fumes, car "
        "exhaust, charcoal, poisonous plant, toxic plant, poisonous plants, oleander, hemlock, "
        "yew, nightshade, aconite"
    ),
    "instructions": _split(
        "schritt für schritt, paso a paso, cómo hacer, como hacer, cómo, wie baue ich, wie mache "
        "ich, comment fabriquer, anleitung, instrucciones, receta, cuánto, cuanto, wie viel, "
        "combien, walk me through, exact way, how long, how fine, how much, how many, what "
        "temperature, which vein, which floor, what height, how high"
    ),
    "add_verb": _split("keep her quiet, keep him quiet, keep them quiet, keep the baby quiet"),
    "make_verb": _split("bauen, baue, hacer, fabricar, fabriquer, herstellen, sharpen, rig"),
    "lethal": _split(
        "into a coma, put him into a coma, put her into a coma, put them into a coma, would kill, "
        "enough to kill, would stop, stop his heart, stop her heart, stop the heart, stop a heart, "
        "stop someone's heart, fatal hypo, highest dose i can take, the most i can take, doesn't "
        "matter what happens after, don't care what happens after, strongest if you take, if you "
        "take a lot, take a lot at once, sleep forever"
    ),
    "violence_strong": _split(
        "look deliberate, looking deliberate, look accidental, looking accidental, on the crowd, "
        "on a crowd, at the crowd, death look like, look like she fell, look like he fell, look "
        "like a slip, look like a fall, look like suicide, look like a suicide, look like natural "
        "causes, look like an overdose, start a wildfire, start a forest fire, start a bushfire, "
        "so it leaks, leaks overnight, leave the gas on, gas on overnight, rig the stove, rig his "
        "stove, rig her stove, rig the gas, tamper with the gas, cut the brake line, cut his brake "
        "line, cut her brake line, cut the brake lines, seriously hurt, knock someone out, drive "
        "into the parade, drive into the march, drive into the protesters"
    ),
    "threat": _split(
        "bring a knife, bring knives, bring your guns, bring guns, bring a gun, bring weapons, "
        "bring bats, deserve what's coming, what's coming to them, get what's coming, should be "
        "shot, should be hanged, string them up, burn them out, wipe them out, you're dead when, "
        "when i catch you"
    ),
    "self_harm_intent": _split(
        "deeper cuts, without stitches, heal without stitches, no one will miss, nobody will miss, "
        "no one would miss, nobody would miss, go through with it, just go through with it, helium "
        "method, the helium, with the car running, car running in the garage, locked myself in the "
        "garage, which floor, high enough to, tall enough to, high cliffs, cut deeper, which vein, "
        "best vein, the best vein, go to sleep forever, sleep forever, is that enough, how many is "
        "enough, would kill me, surest way to die, way to die, plan my death, my death, nobody "
        "would find me, asphyxiate myself, suffocate myself, hang themselves, hang themself, drown "
        "myself, 500 calorie, 500 calories, go without food, days without food, you don't need "
        "food, chewing and spitting, chew and spit, see my ribs, thinspiration, purge quietly, "
        "bulimia, how much laxative, laxative a day, diuretics, keep fasting, water fasting, "
        "romanticises, romanticizes, romanticise, romanticize, od on, mix with vodka"
    ),
    "self_harm": _split(
        "suicidarme, matarme, quitarme la vida, mich umbringen, me suicider, me tuer, asphyxiate "
        "myself, hang themselves, overdose on my"
    ),
    "conceal": _split(
        "fool my, trick my, hide it from my, so my parents don't, without my parents, so my doctor "
        "doesn't, so my therapist doesn't, won't see, can't see, so they don't see, before they "
        "see, won't be seen, don't find out, doesn't find out"
    ),
    "disable_verb": _split("silent mode, to silent, onto the allowlist, on the allowlist"),
    "fraud_strong": _split(
        "upcode, upcoding, up-code, unbundling, bill for a longer, bill as a, code it as a higher, "
        "phantom billing, vote twice, vote in two states, vote in both, ballot stuffing, stuff the "
        "ballot, relabel the expiry, change the expiry, change the best-before, new best-before, "
        "new expiry date, new use-by, roll back the odometer, clock the mileage, falsify the log"
    ),
    "record_object": _split(
        "register, environmental register, severity, sev1, incident severity, inspected, checked, "
        "verified, identity verified, id verified, pass, passed, approved, tachograph, log book, "
        "logbook, logs, best-before, use-by, expiry, certified, compliant, tested, clean, safe, "
        "cleared, complete"
    ),
    "falsify_verb": _split(
        "log as, log it as, logged as, record it as, file it as, book it as, classify as, count it "
        "as, move, set, tick the box, tick the, check the box, sign off as"
    ),
    "illicit": _split(
        "bypass the licence, bypass the license, licence check, license check, reset the trial, "
        "trial reset, reset the free trial, crack the licence, crack the license, serial key "
        "generator, product key generator, activation crack, mod apk, unlock premium for free, "
        "premium for free, full movie free, free streams, illegal stream, pirate stream, stream "
        "the match free, iptv subscription, one licence on, one license on, share the login with, "
        "share our login with, same licence on, same license on, single licence on, single-user "
        "licence, single-user license, without paying for the licence, without paying for "
        "licences, unlicensed copies, unlicensed copy"
    ),
    "protected_group": _split(
        "young, someone young, young people, attractive, good-looking, christianity, judaism, "
        "islam, hinduism, buddhism, sikhism, female, females, male, males, female engineers, "
        "female staff, male staff, hiv-positive, hiv positive, positive staff, pregnant staff, new "
        "mothers, mothers returning, arabic speakers, spanish speakers, men, only men, only women, "
        "to men, to women, back from maternity leave, on maternity leave, returned from maternity "
        "leave, after maternity leave, had a baby, has kids, have kids, with kids, is disabled, "
        "are disabled, disabled customer, disabled customers, disabled guests, disabled tenants, "
        "disabled staff, guide dog, rainbow flag, pride flag, same-sex, gay couple, two men, two "
        "women, hebrew name, muslim name, arabic name, african names, named mohammed, prayer "
        "breaks, fast for ramadan, observing ramadan, pension age, close to retirement, over-50s, "
        "over 50s, over-60s, the over-50s, recent graduates only, long-term sick leave, on "
        "disability benefits"
    ),
    "discrim_strong": _split(
        "no jews, no arabs, no indians, no asians, no mexicans, no africans, no gypsies, no "
        "travellers, no hijabs, no turbans, no headscarves, no wheelchairs, no disabled, no "
        "pregnant, no over-50s, no over 50s, no older, no black, no gay, no trans, no lesbians, "
        "not a job for girls, not a job for women, job for a man, not for girls, not for women, "
        "not for men"
    ),
    "proxy": _split(
        "first name, first names, given name, applicant's name, arabic script, arabic-script, "
        "arabic names, hebrew names"
    ),
    "decision": _split(
        "turning her down, turn her down, turning him down, turn him down, turned her down, "
        "auto-remove, auto-delete, auto-hide, shadowban, shadow-ban, charge, charging, charged, "
        "shift, shifts, rota, rotas, rotation, rotations, night shift, bad shifts, worst shifts, "
        "show, assign, double the deposit, higher, knock, points off, can't work, cannot work, not "
        "allowed to work, work in, less, lower pay, pay them less, pay her less, 10% less, paid "
        "less"
    ),
    "subject_frame": _split(
        "to rewrite, to reword, skew, skewed, callbacks, fewer callbacks, rejection rates, denial "
        "rates, approval rates, acceptance rates, pass rates, score lower, scored lower, scores "
        "lower, lower for, higher for, see if, to see if, show me if, fair housing, fair-housing, "
        "fair lending, regulator's exam, count, counts, tally, by applicant, don't look at, do not "
        "look at, without looking at, never consider, don't consider, do not consider, must not "
        "ask, don't ask, is not allowed, are not allowed, no age, no gender, no demographic, "
        "exclude no, all ages, all genders, all adults, city-wide, nationwide, as the insurer "
        "requires, the insurer requires, insurer requires, as required, as policy requires, policy "
        "requires, as policy allows, policy allows, per the policy, scheme, disability confident, "
        "concession, concessions, ground floor, step-free, breast screening, cervical screening, "
        "prostate screening, screening invitations, age-restricted, age restricted, reprocess, "
        "reprocessing, fix the rule, fix the claims rule, of any gender, any gender, all genders, "
        "any age, any religion, any background, whatever their, equality impact assessment, impact "
        "assessment, equality impact, sit, down, a stool, a chair, lighter duties, light duties, "
        "rest breaks"
    ),
    "support_frame": _split(
        "cpr, says they, says she, says he, said they, told me they, a user says, what to do if, "
        "what do i do"
    ),
    "defensive": _split(
        "report the, report this, report a, report it, report them, report that, figure out if, is "
        "a scam, is it a scam, real or fake, if it's fake, if it is fake, is it fake, check if "
        "it's, legit or, fraud review, fraud reviews, fraud investigation, for the fraud, so "
        "nobody can spoof, so no one can spoof, prevent spoofing, stop spoofing, anti-spoofing, "
        "dmarc, spf, dkim, stop the attack, stop attacks, stop spam, stop the spam, stop fraud, "
        "stop the fraud, stop scams, stop phishing, stop harassment, stop the harassment, stop "
        "abuse, stop the abuse, stop bots, stop the bots, stop credential, stop brute, stop the "
        "leak, stop the spread, stop the bleeding, stop the bullying, stop bullying, stop him, "
        "stop her, stop them, stop it, make it stop, stop this, stop someone, to stop, stop "
        "charging, stop billing, stop the payments, stop payment, possible, back-pay, back pay, "
        "backpay, make good, plagiarism check, plagiarism checker, plagiarism detection, "
        "plagiarism policy, mute him, mute her, mute them, block him, block her, for the police, "
        "to the police, give it to the police, with the police, report to, reportphishing"
    ),
    "informational": _split("is it legal, are they legal, why are, penalties for"),
    "fiction_frame": _split(
        "fleas, ticks, worms, parasites, lice, mites, wasps, wasp nest, slugs, snails, moles, "
        "weevils, termites, cockroaches, video, footage, vlog, reel"
    ),
    "detect_frame": _split("is it safe, is it ok, at what age, what age can, how old"),
    "benign_object": _split("nails, claws, fur, grooming, groom, trim, hooves, mane, matted"),
    "idiom": _split(
        "camping trip, road trip, day trip, school trip, field trip, business trip, weekend trip, "
        "a trip, the trip, round trip, trip to, trip report, logged in, log on, logged on, logged "
        "into, signed in, car park, car-park, carpark, park the car, the park, national park, "
        "theme park, retail park, business park, skate park, recorded line, recorded call, on the "
        "recorded, until it stops, until they stop, until he stops, until she stops, stops crying, "
        "stop crying, stops whining, chainsaw kickback"
    ),
}
