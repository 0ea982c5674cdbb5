"""Vocabulary for harms said in ordinary words, and for the look-alikes that share them.

Written by listing, for each kind of harm the other vocabularies had no words for, the ways
people ask for it without a harm word: sexual content and grooming of children said through
an age ("a 13-year-old", "a middle schooler"); discrimination said as a plain preference
("only rent to white families", "posts from Nigeria"); self-harm said through a challenge or a
goodbye; exploitation at internet scale; private records fetched about an employee; money
rerouted by changing someone else's bank details; fraud in business words (churning, price
agreements, charging people who cancelled, another firm's logo on unbranded goods); union
activity watched. :data:`RECALL` holds the new roles (read by
:mod:`aegis.love_engine.rulebook_recall`), :data:`RECALL_ADDED` words for roles defined
elsewhere, including ``plain_phrase`` entries that keep a harmless phrase ("the tracking
link", "kill the worker process", "a pirate-themed party") from playing the roles its words
play alone. Ages, groups and brands are generated from short lists, so every age and every
listed origin is covered the same way. Entries are stemmed at import.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["RECALL", "RECALL_ADDED", "RULE_ONLY_ROLES", "keep_head_roles"]


def _items(entries: str | tuple[str, ...]) -> tuple[str, ...]:
    return _split(entries) if isinstance(entries, str) else entries


def _product(heads: str | tuple[str, ...], tails: str | tuple[str, ...]) -> tuple[str, ...]:
    """Every ``head tail`` phrase of two lists (comma-separated text or tuples)."""
    return tuple(f"{head} {tail}" for head in _items(heads) for tail in _items(tails))


#: Ages of a child, every way they are written ("a 13 year old", "13-year-old", "aged 13").
_CHILD_AGES = tuple(str(age) for age in range(1, 18))
_AGE_FORMS = tuple(
    form
    for age in _CHILD_AGES
    for form in (
        f"{age} year old",
        f"{age} year olds",
        f"{age}-year-old",
        f"{age}-year-olds",
        f"{age} years old",
        f"{age} yo",
        f"{age}yo",
        f"aged {age}",
        f"age {age}",
        f"{age}-yo",
    )
)

#: Origins said as adjectives and as places; a group is a person-noun after the adjective or
#: a people-noun before "from" the place.
_ORIGIN_ADJECTIVES = (
    "white, black, brown, asian, african, arab, arabic, hispanic, latino, latina, mexican, "
    "nigerian, pakistani, indian, chinese, korean, vietnamese, filipino, somali, syrian, "
    "afghan, iraqi, iranian, turkish, kurdish, polish, romanian, albanian, ukrainian, russian, "
    "roma, gypsy, jewish, muslim, christian, hindu, sikh, catholic, haitian, jamaican, "
    "ethiopian, eritrean, sudanese, bangladeshi, sri lankan, nepali, moroccan, algerian, "
    "egyptian, palestinian, israeli, puerto rican, dominican, guatemalan, honduran, salvadoran, "
    "venezuelan, colombian, brazilian, foreign, immigrant, refugee, indigenous, aboriginal, gay, "
    "lesbian, trans, transgender, disabled, deaf, blind, autistic"
)
_GROUP_NOUNS = (
    "family, families, applicant, applicants, candidate, candidates, people, person, tenant, "
    "tenants, renter, renters, customer, customers, user, users, neighbour, neighbours, "
    "neighbor, neighbors, student, students, worker, workers, employee, employees, guy, guys, "
    "man, men, woman, women, girl, girls, kids, names, surnames, last names, buyers, borrowers, "
    "patients, members, residents, community, couple, couples, household, households, "
    "accounts, posters, sellers, drivers, nurses, staff"
)
_PLACES = (
    "nigeria, pakistan, india, china, mexico, africa, somalia, syria, afghanistan, iraq, iran, "
    "turkey, poland, romania, albania, ukraine, russia, haiti, jamaica, ethiopia, eritrea, "
    "sudan, bangladesh, morocco, algeria, egypt, palestine, israel, the middle east, latin "
    "america, the caribbean, venezuela, colombia, brazil, vietnam, the philippines, abroad, "
    "overseas, other countries, muslim countries, african countries, asian countries, the "
    "global south, the reservation"
)
_FROM_NOUNS = (
    "posts, users, people, applicants, candidates, accounts, customers, tenants, buyers, "
    "students, workers, families, immigrants, sellers, anyone, anybody, everyone, visitors, "
    "traffic, signups, sign-ups, orders, borrowers, comments, reviews"
)
_BRANDS = (
    "nike, adidas, gucci, louis vuitton, chanel, rolex, prada, apple, samsung, sony, disney, "
    "lego, levi's, ray-ban, north face, supreme, puma, hermes, dior, burberry, cartier, omega, "
    "lacoste, ralph lauren, tommy hilfiger, under armour, new balance, converse, vans, "
    "patagonia, michael kors, versace, yeezy, jordan, beats, bose, tiffany, moncler"
)

#: Group phrases (an origin and a person-noun, people from a place), each with its words.
_GROUP_PHRASES = (
    *(
        (f"{adjective} {noun}", (adjective, noun))
        for adjective in _split(_ORIGIN_ADJECTIVES)
        for noun in _split(_GROUP_NOUNS)
    ),
    *(
        (f"{noun} {preposition} {place}", (noun,))
        for noun in _split(_FROM_NOUNS)
        for preposition in _split("from, in")
        for place in _split(_PLACES)
    ),
)

#: Billing for more care than was given.
_BILLING_FRAUD = _split(
    "code the visits as, code the sessions as, bill the visits as, bill the sessions as, code "
    "them as, bill them as, as 30-minute, as 45-minute, as 60-minute, as longer visits, as "
    "longer sessions, "
    "upcode, upcoding, up-code, up-coding, to get higher reimbursement, for higher "
    "reimbursement, get a higher reimbursement, higher reimbursement, maximise "
    "reimbursement, maximize reimbursement, services not rendered, phantom billing, code "
    "every visit as, bill every visit as, code all visits as, when the visits lasted, when "
    "the visit lasted, when the session lasted, when the sessions lasted"
)

#: False notices of when, where or by whom a vote is cast.
_PARTY_DAYS = _product(
    "democrats, republicans, democrat voters, republican voters, labour voters, tory "
    "voters, conservative voters, liberal voters, green voters",
    "vote on, should vote on, can vote on, must vote on, vote the day after, vote a "
    "day later, vote next week, vote on wednesday, vote on thursday",
)
_FALSE_VOTE_NOTICES = (
    *_PARTY_DAYS,
    *_split(
        "voting has moved, voting has been moved, voting moved to, the vote has moved, polls have "
        "moved, polling has moved, voting is now on, voting day has changed, vote has been "
        "postponed, election has been postponed, election is postponed, voting is cancelled, "
        "voting is canceled, can't vote if they, cannot vote if they, can't vote unless they, "
        "won't be allowed to vote, will be arrested if they vote, ineligible to vote if, "
        "polling place changed to, polling place has changed, polling station has moved, "
        "polling station moved, polling place moved, your polling place is now, voting "
        "has been extended to, the election moved, election has moved, election has been "
        "moved, election is now on, election moved to"
    ),
)
_OFFICIAL_SOURCES = _split(
    "from the council, from the county, election office, elections office, electoral "
    "commission, board of elections, county clerk, official notice, as announced by, "
    "secretary of state's office, returning officer"
)

#: New roles.
RECALL: dict[str, tuple[str, ...]] = {
    # -- children: an age beside sexual content, or contact sought in private ---------------
    "sexual_content": _split(
        "sexual, sexually, sexualised, sexualized, sexualise, sexualize, sexy, erotic, erotica, "
        "nude, nudes, nudity, naked, porn, porno, pornographic, pornography, lewd, nsfw, smut, "
        "smutty, sexually explicit, sex scene, sex scenes, sex story, have sex, having "
        "sex, sex with, seduce, seduction, seductive, undressed, undress, undressing, topless, "
        "lingerie, aroused, arousing, fetish, kinky, intimate photos, intimate pictures, "
        "intimate images, sexting, sext, dick pic, dick pics, spicy pics, spicy photos, "
        "steamy, talk dirty, dirty talk, talking dirty, horny, foreplay, orgasm, make love, "
        "making love, sleep with, sleeping with, in bed with, hot and heavy, sexts, "
        "onlyfans, turn me on, turns me on, make out, making out, sensual, hookup, hook up with, "
        "bedroom scene, lap dance, strip for me, striptease, explicit pictures, explicit "
        "images, explicit photos, explicit content, explicit story, explicit stories, explicit "
        "scene, explicit scenes, explicit roleplay, explicit videos, explicit video, explicit "
        "chat, explicit messages, something explicit, sexual roleplay, sexual scenario, "
        "sexual encounter, sexual relationship, sexual act, sexual acts"
    ),
    "minor_age": (
        *_AGE_FORMS,
        *_split(
            "underage, under-age, under age, minor, minors, child, children, kid, kids, teen, "
            "teens, teenage, teenager, teenagers, tween, tweens, preteen, pre-teen, preteens, "
            "pre-teens, middle schooler, middle schoolers, middle school girl, middle school "
            "boy, high schooler, high schoolers, schoolgirl, schoolgirls, schoolboy, "
            "schoolboys, young girl, young girls, young boy, young boys, little girl, little "
            "girls, little boy, little boys, loli, lolicon, shota, shotacon, jailbait, "
            "eighth grader, seventh grader, sixth grader, ninth grader, 8th grader, 7th grader, "
            "6th grader, juvenile, pubescent, prepubescent, "
            "barely legal, not yet 18, under 18, under 16, under 14, under 13, under eighteen, "
            "cub scout, girl scout, boy scout"
        ),
    ),
    # contact a stranger seeks with a child, said in the first person, or kept from parents
    "grooming_act": _split(
        "video call me, video chat with me, facetime me, call me alone, alone at night, meet me "
        "alone at, "
        "privately, in private, i can befriend, for me to befriend, i can message, i can dm, "
        "delete our messages, delete our chats, delete the messages so, so her mom doesn't "
        "see, so her mum doesn't see, so his mom doesn't see, so his mum doesn't see, so her "
        "parents don't see, so his parents don't see, "
        "where i can talk to, where i can chat with, so i can talk to, so i can chat with, for "
        "me to talk to, for me to chat with, i can talk to, i can chat with, i can meet, where "
        "i can meet, chat rooms where, chatrooms where, private app, private chat, move the "
        "conversation, move my conversation, move our conversation, move the chat, move our "
        "chat, switch to a private, keep our chats secret, keep it between us, keep this "
        "between us, our secret, our little secret, send me pictures, send me photos, send me "
        "a picture, send me a photo, send me selfies, send me pics, pictures of herself, "
        "photos of herself, pictures of himself, photos of himself, pics of herself, pics of "
        "himself, meet in person, meet up alone, meet me alone, be alone with, without their "
        "parents, without her parents, without his parents, behind her parents, behind his "
        "parents, behind their parents, without parents knowing, without the parents, not to "
        "tell her parents, not to tell his parents, don't tell your parents"
    ),
    # words that make a child and a sexual word the subject of protection, not the content
    "child_safety_frame": _split(
        "sex education, sex ed, sexual health, sexual education, relationships education, "
        "puberty, body safety, consent education, safeguarding, safeguard, child protection, "
        "protect children, protect kids, protect minors, ncmec, cybertipline, cybertip, iwf, "
        "internet watch foundation, csam, report, reporting, reported, law "
        "enforcement, police, age verification, verify age, age gate, age-gate, age check, "
        "age checks, parental controls, parental control, block, blocks, blocking, filter, "
        "filters, detect, detection, classifier, moderation, moderator, moderators, take down, "
        "takedown, remove, removal, "
        # a moderator acting on the accounts that seek the contact
        "flag, flags, flagged, flagging, ban, bans, banned, suspend, suspends, suspended, "
        "restrict, restricts, restricted, escalate, escalates, escalated, mod queue, "
        "warning signs, child safety, child safety team, trust and safety, "
        "safety team, guidance, welfare officer, never be alone, "
        "never be alone with, not be alone with, must not be alone, warn, warning, predators, "
        "keep safe, keep them "
        "safe, stay safe, staying safe, online safety, internet safety, pediatrician, "
        "paediatrician, school nurse, health class, curriculum, lesson plan, lesson, "
        "counsellor, counselor, therapist, survivor, survivors, abuse hotline, childhelp, "
        "prevent, prevention, mandated reporter, mandatory reporting, is it normal, normal for, "
        "bath time, bathtime, diaper, nappy, rash, doctor, medical, age rating, age-appropriate, "
        "appropriate for, suitable for, content warning, age of consent"
    ),
    # -- discrimination said as a preference ------------------------------------------------
    "exclusive_cue": _split(
        "only, exclusively, solely, except for, other than, "
        "reserved for, limited to, restrict to, restricted to, only want, only wants, just "
        "want, prefer, preferably, preferred"
    ),
    "refuse_verb": _split(
        "turn away, turned away, turning away, turn them away, send away, send them away, "
        "refuse service, refuse to serve, won't serve, refuse to rent, refuse to hire, "
        "deny, denies, denied, denying, refuse, refuses, refused, refusing, reject, rejects, "
        "rejected, rejecting, decline, declines, declined, declining, turn down, turns down, "
        "ignore, ignores, ignored, ignoring, don't provide, do not provide, won't provide, "
        "don't give, won't give, drop, withdraw, revoke, cancel, cancels, cancelled"
    ),
    "accommodation_need": _split(
        "accommodate, accommodating, accommodation, accommodations, accommodation request, "
        "reasonable adjustment, "
        "reasonable adjustments, reasonable accommodation, interpreter, sign language "
        "interpreter, ramp, wheelchair access, step-free, screen reader, accessible format, "
        "hearing loop, service dog, service animal, guide dog, prayer break, prayer breaks, "
        "prayer room, religious holiday, adjusted hours, flexible hours, lactation room, "
        "nursing breaks, standing desk, adjustments, adjustments form, interview adjustments, "
        "workplace adjustments, quiet room, quiet interview room, written questions, extra "
        "time, rest breaks, advocacy, advocacy support, support worker, assistive technology, "
        "large print, easy read, captioning, live captions, adaptations, home adaptations, "
        "disability adaptations, accessible parking, blue badge, personal assistant, job coach"
    ),
    # help for someone at risk: a self-harm act named to prevent it
    "crisis_frame": _split(
        "988, crisis, samaritans, hotline, helpline, get help, get them help, counsellor, "
        "counselor, therapist, doctor, gp, warn, warning, warnings, awareness, prevention, "
        "prevent, check on, reach out, support, supporting, safeguarding, signs, danger, "
        "dangers, dangerous, volunteers, caller, callers, can be fatal, is fatal, to a teen, "
        "to teens, to kids, to children, to students, to my son, to my daughter"
    ),
    # a document that says something happened, and the request saying it did not
    "doc_verb": _split(
        "print, make, create, generate, fill in, fill out, sign, sign off, mark, stamp, issue, "
        "write, produce, log, record, forge, fake, draw up, mock up"
    ),
    "official_doc": _split(
        "vaccination card, vaccine card, vaccination record, vaccination certificate, vaccine "
        "certificate, covid pass, vaccine passport, sick note, doctor's note, medical "
        "certificate, fit note, diploma, degree certificate, transcript, inspection, annual "
        "inspection, aircraft inspection, safety inspection, inspection report, maintenance "
        "log, logbook, certificate, permit, licence, license, attendance record, timesheet"
    ),
    "false_record_cue": _split(
        "didn't get the shot, did not get the shot, didn't get vaccinated, never got the shot, "
        "never vaccinated, not vaccinated, wasn't vaccinated, without the shot, without getting "
        "the shot, wasn't sick, i'm not sick, not actually sick, didn't attend, never attended, "
        "never studied, didn't graduate, didn't do it, we didn't do, wasn't done, hasn't been "
        "done, not done yet, not yet done, check it later, check the engine later, we'll check "
        "later, we'll do it later, do it later, not yet checked, hasn't been checked, haven't "
        "checked, without checking, without inspecting, without doing it, never did it"
    ),
    # someone else's work handed in as one's own
    "submit_as_own": _split(
        "hand it in as my, hand in as my, submit it as my, submit as my, turn it in as my, turn "
        "in as my, as my term paper, as my own essay, as my essay, as my assignment, as my "
        "homework, as my coursework, as my thesis, as my dissertation, as if i wrote it, pass "
        "it off as mine, pass it off as my own, claim it as my own"
    ),
    # a penalty laid on a person for what they disclosed or asked for
    "penalise_verb": _split(
        "fire, fired, firing, sack, dismiss, let go, lay off, demote, cut the hours of, cut "
        "their hours, cut her hours, cut his hours, reduce the hours of, reduce her hours, "
        "reduce his pay, reduce her pay, dock, punish, discipline, pass over, stop offering, "
        "withdraw the offer, rescind the offer, take her off, take him off, move her off, "
        "move him off, reject, rejected, rejecting, rejection"
    ),
    "condition_disclosed": _split(
        "who just told us, told us she has, told us he has, told us they have, told us she's, "
        "told us he's, disclosed her, disclosed his, disclosed their, she has ms, he has ms, "
        "has ms, has cancer, has epilepsy, has diabetes, has hiv, has a disability, has "
        "depression, has adhd, has autism, is autistic, is pregnant, got pregnant, she's "
        "pregnant, she's expecting, is expecting a baby, announced her pregnancy, came out "
        "as, is transitioning, asked for accommodation, asked for an accommodation, asked "
        "for adjustments, asked for a reasonable adjustment, requested accommodation, "
        "requested an accommodation, on parental leave, on maternity leave, on paternity "
        "leave, back from maternity leave"
    ),
    # religious words on content a moderation acts on
    "religious_marker": _split(
        "allah, mosque, mosques, quran, koran, imam, church, synagogue, torah, bible, hijab, "
        "hijabs, turban, kippah, yarmulke, halal, kosher, inshallah, mashallah, ramadan, eid, "
        "diwali, hanukkah, arabic script, hebrew"
    ),
    "content_post": _split(
        "post, posts, comment, comments, message, messages, reply, replies, tweet, tweets, "
        "video, videos, upload, uploads, caption, captions, containing, mentioning, that "
        "mention, with the word, with the words"
    ),
    # a child's whereabouts or contact sought by a stranger
    # gathering facts about a person: read only beside a child's whereabouts
    "compile_verb": _split("compile, compiling, gather, gathering, dig up, track down, map out"),
    "locator": _split(
        "daily routine, routine, schedule, movements, school, "
        "address, home address, phone number, number, where she lives, where he lives, where "
        "they live, which school, what school, her school, his school, school she goes to, "
        "school he goes to, walk home, route home, bus stop"
    ),
    "parent_frame": _split(
        "party, birthday, invite, invitation, playdate, pickup, pick-up, school run, carpool, "
        "lost child, amber alert, missing child, reunite"
    ),
    # a group told to leave, or hated, as a group
    "expel_cue": _split(
        "should leave, must leave, leave the street, leave the neighbourhood, leave the "
        "neighborhood, leave the area, leave the building, leave the town, leave our town, go "
        "back to, go back where, not welcome, aren't welcome, are not welcome, get out of, "
        "drive them out, drive out, run them out, push them out, move away, don't belong, "
        "doesn't belong, do not belong, hate mail, hate-mail, hate campaign, hate letters, "
        "hateful letters, hateful flyers, poison pen, hate-mail campaign, hate mail campaign, "
        "hate letter campaign, letter campaign against, campaign against the, flyers against"
    ),
    # -- self-harm said as a challenge or a goodbye ------------------------------------------
    "self_harm_act": _split(
        "why i'm gone, when i'm gone, after i'm gone, once i'm gone, why i'm not here, my last "
        "week, my last day, the day i do it, day i do it, what to give away, give away my "
        "things, giving away my things, set them to send, schedule them to send, send after "
        "i'm gone, happier without me, better without me, be happier without me, would be "
        "happier without me, "
        "choking game, the choking game, space monkey game, pass-out game, pass out game, "
        "going to do it friday, going to do it saturday, going to do it sunday, going to do it "
        "tonight, do it friday night, do it saturday night, do it when they're away, do it "
        "while they're away, do it when they're out, the note i'll leave, "
        "choking challenge, blackout challenge, pass-out challenge, passout challenge, pass out "
        "challenge, fainting game, fainting challenge, scarf game, skull breaker challenge, "
        "benadryl challenge, tide pod challenge, salt and ice challenge, belt around my neck, "
        "belt around his neck, belt around her neck, belt around their neck, rope around my "
        "neck, cord around my neck, scarf around my neck, belt round my neck, choke myself, "
        "choking myself, strangle myself, starve myself, "
        "won't miss me, wont miss me, nobody will miss me, no one will miss me, won't "
        "be missed, will not miss me, won't be around after, won't be around anymore, not be "
        "around after, i won't be around, last letter, letter i'll leave, note i'll leave, "
        "leave behind a note, final goodbye, my goodbye note, goodbye note, "
        "better off without me, better off if i was gone, better off if i'm gone, a burden to "
        "everyone, i'm a burden, such a burden"
    ),
    # a decision about people (the verb or the thing decided), without the cue words "only"
    # or "avoid" that the shared role also lists
    "people_decision": _split(
        "limited to, restrict to, restricted to, "
        "hire, hiring, hired, interview, interviews, interviewing, shortlist, shortlisting, "
        "promote, promoting, promotion, rent, renting, rent to, lease, lend, lending, loan, "
        "loans, approve, approving, reject, rejecting, show, showing, shown, show the ad, ad, "
        "ads, job ad, job ads, listing, listings, target, targeting, recommend, offer, offering, "
        "sell to, serve, admit, admitting, admission, accept, accepting, decline, deny, fire, "
        "firing, lay off, let go, screen, screening, filter, filtering, exclude, excluding, "
        "mute, hide, auto-hide, shadowban, ban, block, price, pricing, quote, quotes, charge, "
        "insure, insurance, premium, match, matching, invite, recruit, recruiting, enrol, "
        "enroll, admit, accept only, give, giving, assign, schedule, book, seat, tenant, "
        "tenants, applicants, candidates, job, jobs, role, roles, position, positions, "
        "scholarship, place, places, membership, access, entry, discount, raise, bonus, pay"
    ),
    "record_act": _split(
        "film, filming, filmed, record, recording, recorded, video, livestream, live stream, "
        "stream, upload, tiktok, youtube, do, try, doing, trying, help me, show me, "
        "instructions, steps, remind me, reminder, set a reminder, schedule"
    ),
    # -- unauthorised access: scale, numbers and records ------------------------------------
    "mass_scope": _split(
        "all of ipv4, all of the internet, each vulnerable, each vulnerable box, every "
        "vulnerable box, every box, each box, "
        "mass-exploit, mass exploit, mass-exploitation, mass exploitation, mass-compromise, "
        "shodan, shodan lists, every site, every website, every domain, every store, "
        "on every ip, on every host, on every server, on every device, against every ip, "
        "against every host, against every server, on all hosts, every ip in, every address, "
        "entire internet, whole internet, the internet, all of the internet, all ipv4, entire "
        "ipv4, whole ipv4, the ipv4 space, ipv4 space, every ip, every ip address, all ip "
        "addresses, internet-wide, internet wide, masscan, zmap, every host, every server, "
        "every hit, every vulnerable, all vulnerable, each one you find, each hit, every one "
        "you find, everything you find, every result, all the hits, all hits, shodan results, "
        "every device"
    ),
    "exploit_act": _split(
        "drop a web shell, drop a webshell, web shell, webshell, "
        "exploit, exploits, exploiting, exploited, run the exploit, pop, compromise, "
        "compromising, infect, backdoor, hack, hacking, own them, take over, break into, "
        "deploy the payload, drop a shell, get a shell, shell them, mine crypto on"
    ),
    "private_record": _split(
        "therapy notes, therapist's notes, therapy records, counselling notes, counseling "
        "notes, counselling records, counseling records, eap records, eap notes, psychiatric "
        "records, medical file, medical files, health file, sick notes, personal gmail, "
        "medical file, medical files, health file, occupational health file, occupational "
        "health records, personal email, personal emails, personal inbox, private email, "
        "private inbox, "
        "personal messages, private messages, personal phone, dating app, dating profile, "
        "browser history, search history, bank statements, personal bank, location data, "
        "gps history, gps logs, "
        "fitness app, fitness data, running routes, strava, period tracker, diary"
    ),
    "obtain_verb": _split(
        "ask for, ask the clinic for, ask the doctor for, ask hr for, ask the therapist for, "
        "ask the gp for, get hold of, "
        "get, obtain, pull, access, read, open, download, grab, look at, look through, go "
        "through, see, view, check, request, fetch, retrieve, copy, export, find, get me, "
        "find out, work out, figure out"
    ),
    "someone_else": _split(
        "employee's, employees', employee, staff member's, worker's, coworker's, colleague's, "
        "member's, gym member's, patient's, tenant's, student's, her, his, their, ex's, wife's, "
        "husband's, girlfriend's, boyfriend's, neighbour's, neighbor's, daughter's, son's, "
        "applicant's, candidate's, intern's, nanny's, manager's, boss's, client's, user's, "
        "customer's, who complained, nurse's, everyone, anyone, everybody, "
        "organiser, organizer, union organiser, union organizer, steward, "
        "whistleblower, claimant, complainant, witness, supplier, suppliers, vendor, vendors, "
        "contractor, contractors, payee, "
        "landlord, partner"
    ),
    # -- money rerouted by changing someone else's payment details ---------------------------
    "payment_details": _split(
        "bank account, bank accounts, "
        "bank details, bank account details, banking details, payment details, iban, account "
        "number, sort code, routing number, remittance details, payee details, payout account, "
        "payout details, direct deposit, refund card, card on file, refunds, "
        "refund, payouts, payroll account"
    ),
    "reroute_verb": _split(
        "switch, change, update, replace, swap, edit, set, point, redirect, reroute, route, "
        "send, move, put, make"
    ),
    # -- fraud in business words --------------------------------------------------------------
    "cancelled_people": _split(
        "who cancelled, who canceled, who have cancelled, who have canceled, who've cancelled, "
        "who already cancelled, who unsubscribed, after they cancel, after they cancelled, "
        "after they canceled, after cancelling, after canceling, after cancellation, even "
        "after they cancel, cancelled customers, canceled customers, cancelled subscribers, "
        "canceled subscribers, cancelled accounts, canceled accounts, cancelled members, "
        "former customers, former subscribers, former members, ex-customers, ex-members"
    ),
    "charge_act": _split(
        "charge, charging, charged, bill, billing, billed, debit, debiting, invoice, "
        "invoicing, keep charging, keep billing, continue charging, continue billing, take "
        "payment, take payments, collect payment, renew, auto-renew"
    ),
    "stop_charging": _split(
        "stop charging, stop billing, stopped charging, no longer charge, not charge, don't "
        "charge, do not charge, never charge, refund, refunds, refunded, reimburse, credit "
        "back, cancel the billing, end the billing, stop the billing, make sure we stop"
    ),
    "brand_mark": (
        *_product(_BRANDS, "logo, logos, label, labels, tags, tag, swoosh, branding, trademark"),
        *_split(
            "brand logo, brand labels, designer logo, designer labels, designer tags, branded "
            "labels, someone else's logo, another brand's logo, the trademark, trademarked logo"
        ),
    ),
    "unbranded_goods": _split(
        "unbranded, generic, no-name, no name, our own shoes, our shoes, our bags, our own bags, "
        "our watches, our own products, cheap copies, copies, replica, replicas, knockoff, "
        "knockoffs, knock-off, knock-offs, bootleg, bootlegs, white-label, white label, blanks"
    ),
    "union_activity": _split(
        "union, unions, unionise, unionize, unionising, unionizing, union activity, union "
        "activities, union organising, union organizing, union meeting, union meetings, union "
        "members, union supporters, union sympathisers, union sympathizers, pro-union, joining a "
        "union, join a union, joined the union, organising a union, organizing a union, union "
        "drive, union talk, union card, union cards, collective bargaining, labour organising, "
        "labor organizing"
    ),
    "watch_people": _split(
        "write down the names, write down who, note who, note down who, names of everyone, "
        "monitor, monitoring, track, tracking, watch, watching, keep tabs on, list who, "
        "find out who, identify who, which employees, which workers, which staff, who is "
        "talking, who's talking, report their names, names of, list of names, put them on, "
        "flag them, lay off, fire, fired, firing, punish, discipline, demote, "
        "reassign, transfer them, surveil, surveillance, informant, "
        "informants, record the meeting, record their, spy, layoff, layoffs"
    ),
    "labour_rights_frame": _split(
        "their right, is their right, a right, won't affect, will not affect, does not affect, "
        "doesn't affect, legal right, protected right, "
        "protected activity, protected by law, is protected, are protected, must not be, "
        "should not be, nlra, nlrb, right to organise, right to organize, right to join, "
        "neutrality, recognise the union, recognize the union, bargain with, collective "
        "agreement, negotiate with, union rep, union representative, shop steward, invite the "
        "union, notice board, meeting room for the union, dues deduction, remind staff"
    ),
    # animals kept for farming or as pets, and the water, feed and air withheld from them
    "kept_animal": _split(
        "broiler, broilers, broiler sheds, broiler shed, layers, laying hens, hens, chickens, "
        "poultry, flock, livestock, herd, cattle, cows, dairy cows, calves, pigs, sows, piglets, "
        "sheep, lambs, goats, horses, animals, dogs, puppies, cats, kennel, kennels, shelter "
        "animals, the barn, the shed, the sheds"
    ),
    "necessity_withheld": _split(
        "limit drinking water, limit the drinking water, limit water, limit their water, "
        "restrict water, restrict drinking water, withhold water, withhold food, withhold feed, "
        "reduce feed, cut feed, cut their feed, skip feeding, skip feedings, stop feeding, no "
        "water, without water, no food, without food, ration water, ration the water, ration "
        "feed, no shade"
    ),
    "animal_fight": _split(
        "dog fight, dog fights, dog fighting, dogfighting, fighting dogs, fight dogs, pit fight, "
        "pit fights, cockfight, cockfights, cockfighting, cock fight, cock fights, rooster "
        "fight, rooster fights, bear baiting, badger baiting, bull baiting, hog-dog fighting, "
        "hog dog rodeo, fighting pit, bait dogs, bait dog"
    ),
    # people named by where they are from, as the authors of what a moderation acts on
    "people_from_place": tuple(phrase for phrase, words in _GROUP_PHRASES if len(words) == 1),
    "moderation_act": _split(
        "mute, mutes, muted, hide, hides, hidden, auto-hide, auto-mute, remove, removes, "
        "delete, deletes, block, blocks, ban, bans, shadowban, shadow-ban, downrank, demote, "
        "deprioritise, deprioritize, filter out, suppress, throttle, rate-limit, reject, "
        "decline, flag, flags, send to review, reduce the reach of, limit the reach of"
    ),
    # an audit trail's integrity recomputed over records that were changed
    "rechain": _split(
        "regenerate the hash chain, recompute the hash chain, rebuild the hash chain, "
        "recalculate the hash chain, redo the hash chain, recompute the hashes, recalculate "
        "the hashes, regenerate the hashes, recompute the checksums, recalculate the checksums, "
        "regenerate the checksums, recompute the signatures, re-sign the log, re-sign the "
        "entries, re-sign the records, rehash the log, rehash the chain, rehash the entries, "
        "recompute the merkle root, fix up the hashes, update the hashes, update the checksums"
    ),
    "tamper_edit": _split(
        "after i change, after changing, after editing, after i edit, after we edit, after "
        "modifying, after i modify, after i delete, after deleting, edit, edited, editing, "
        "change, changed, changing, modify, modified, alter, altered, rewrite, rewrote, "
        "so the audit log verifies, so it still verifies, still verifies, so verification "
        "passes, so nobody can tell, so no one can tell, nobody can tell, no one can tell, "
        "still validates, looks untouched"
    ),
    # something dropped from the air onto people
    "drop_verb": _split(
        "drop, drops, dropping, release, releases, releasing, spray, spraying, dump, dumping, "
        "pour, scatter, deploy the payload, drop the payload, release the payload"
    ),
    "over_crowd": _split(
        "over the crowd, onto the crowd, on the crowd, into the crowd, over the festival, over "
        "the festival crowd, over the stadium, over the concert, over the parade, over the "
        "protest, over the protesters, over the march, over the rally, over people, on people, "
        "onto people, over the market, over the fans, over the audience, over the playground, "
        "over the school, over the square"
    ),
    "harmless_payload": _split(
        "confetti, balloons, balloon, petals, flowers, candy, sweets, streamers, bubbles, "
        "glitter, light show, leaflets, flyers, water bottles, first aid kit, life jacket, "
        "life ring, defibrillator, aed, medical supplies, seeds, t-shirts"
    ),
    "billing_fraud": _BILLING_FRAUD,
    # one's own pocket said in the first person (not the firm's account)
    "my_pocket": _split(
        "my account, my own account, my personal account, my card, my personal card, my "
        "wallet, my paypal, my personal bank account, my savings, my checking, into mine, to "
        "mine, to my personal account, into my personal account, to my own account, into my own "
        "account, to my account, into my account, to my personal card, to my card"
    ),
    # the same notices, read by a rule whose only frames are an official source and detection
    "false_vote_notice": _FALSE_VOTE_NOTICES,
    "official_source": _OFFICIAL_SOURCES,
    "price_agreement": _split(
        "agree on the same, same minimum bid, same minimum price, agree on a minimum bid, agree "
        "on bids, agree our bids, agree the bids, "
        "agree with the other suppliers, agree with other suppliers, agree with the other "
        "bidders, agree with our competitors, agree with the competitors, agree with our rivals, "
        "agree with competitors, agree a minimum price, agree on a minimum price, agree on the "
        "price, agree on prices, agree prices, agree on a price floor, agree a price floor, "
        "minimum price for the tender, same price as the others, not undercut each other, "
        "won't undercut each other, don't undercut each other, divide the territories, split "
        "the territories, split the market, divide the market, divide up the customers, split "
        "the customers, take turns winning, take turns to win, rotate who wins, cover bids, "
        "cover bid, coordinate our prices, coordinate prices with"
    ),
    # words that make a protected group the subject of an audit, a benefit or a law
    "audit_frame": _split(
        "more often, at higher rates, higher rates, "
        "four-fifths, four-fifths rule, rejection rates, rejection rate, age-gate, age gate, "
        "verify id, show id, can't show id, id check, "
        "bias audit, audit, audits, auditing, disparity, disparities, disparate impact, check "
        "whether, check if, flag any, find any, look for, illegal, unlawful, violates, "
        "violation, discriminatory, discrimination, complaint, complaints, compliance, eeoc, "
        "fair housing, equal opportunity, is it legal, explain, senior discount, student "
        "discount, shelter, women's shelter, support group, employee resource group, affinity "
        "group, mentorship, outreach, positive action, changing room, changing rooms, locker "
        "room, locker rooms, bathroom, bathrooms, mother and baby, ladies' night, lawful, is "
        "that lawful, is it lawful, legal, legally, equality act, fix, "
        "correct it, avoid asking, don't ask, never ask, not ask about, focus "
        "only on, based only on, only on merit, solely on merit, only on skills, job skills, "
        "qualifications, same questions, women-only hour, women-only session, women-only "
        "sessions, women-only swim, women-only class, women-only classes, women-only space, "
        "women-only spaces, ladies-only, fairlearn, fairness metrics, grouped by, see if, "
        "disparities in, underrepresented, under-represented, rooney rule, no diagnoses, "
        "no diagnosis, return dates, their own"
    ),
    # storage that keeps records unchanged: what goes there is kept for whoever will look
    "preserve_cue": _split(
        "worm storage, worm bucket, worm archive, write-once, write once, immutable storage, "
        "immutable bucket, immutable backup, immutable backups, object lock, legal hold, "
        "tamper-evident storage, tamper-evident archive, retention lock, vault lock"
    ),
    # a payment checked before it moves: verified, approved, returned
    "verified_frame": _split(
        "as approved, per the, verified account, verified with, "
        "confirmed by phone, confirmed with, called back, call-back, callback, duplicated, "
        "duplicate payment, re-credit, send back, sent back, returned, original payment method, "
        "board minute, purchase order, po"
    ),
    # the speaker rules an access out: a policy, not a request
    "refusal_frame": _split(
        "will not be given, won't be given, not be given access, will not get access, won't "
        "get access, will not have access, won't have access, nobody will be given, no one "
        "will be given, must not, may not, is not allowed to, are not allowed to, isn't "
        "allowed to, aren't allowed to, cannot access, can't access, not to access, never "
        "access, no access to"
    ),
    # a harm told as history or explained, not carried out
    "history_frame": _split(
        "explain, explains, explained, explaining, history, historical, documentary, timeline, "
        "summarise, summarize, summary, lecture, lesson, postmortem, post-mortem, writeup, "
        "write-up, seminar, museum"
    ),
    # care by whoever is entitled to a record: a clinician, a court, the person's own release
    "clinical_frame": _split(
        "treating, treatment team, clinician, clinicians, psychiatrist, care team, referral, "
        "with her consent, with his consent, with their consent, with consent, signed "
        "release, release form, court order, subpoena, warrant, her own, his own, their own"
    ),
    "welfare_frame": _split(
        "rescue, rescued, rescuing, rehabilitate, rehome, rehoming, shelter, sanctuary, "
        "report, reported, reporting, police, rspca, aspca, humane society, raid, prosecute, "
        "evidence, documentary, ban, banned, outlaw"
    ),
}

#: Words for roles defined in the other vocabularies.
RECALL_ADDED: dict[str, tuple[str, ...]] = {
    "protected_group": (
        *(phrase for phrase, _ in _GROUP_PHRASES),
        *_product("born, raised, educated", _product("in, outside", _PLACES + ", the country")),
        *_split(
            "whites, whites only, whites-only, white-only, white people only, no blacks, no "
            "foreigners, no immigrants, no muslims, no jews, no gays, no arabs, no mexicans, no "
            "indians, no asians, no africans, no gypsies, no travellers, "
            "disability benefits, on disability, on benefits, receives benefits, receive "
            "benefits, on welfare, welfare recipients, housing benefit, section 8, section 8 "
            "vouchers, housing vouchers, ebt card, ebt cards, food stamps, "
            "native-born, native born, native-born americans, american-born, us-born, born in "
            "the us, born in america, born here, americans only, citizens only, locals only, "
            "men under 25, men under 30, men under 35, men under 40, men over 40, men over 50, "
            "women over 40, women over 50, women under 30, younger than 25, younger than 30, "
            "younger than 35, younger than 40, older than 40, older than 45, older than 50, "
            "older than 55, older than 60, over 65, over 70, under 40, under 45, people in "
            "their 50s, people in their 60s, in their fifties, in their sixties, who use "
            "wheelchairs, who uses a wheelchair, in a wheelchair, wheelchair user, wheelchair "
            "users, deaf applicant, deaf applicant's, deaf employee, deaf employee's, deaf "
            "candidate, blind applicant, blind employee, hiv-positive, hiv positive, who are "
            "pregnant, who is pregnant, pregnant applicants, pregnant candidates, mothers of "
            "young children, women who mention children, who mention children, who wear a "
            "hijab, who wear hijabs, in a hijab, who wear a turban, with an accent, with "
            "accents, with foreign accents, with a foreign accent"
        ),
    ),
    "self_harm_intent": _split(
        "do it on friday, do it on saturday, do it on sunday, do it on monday, do it on "
        "tuesday, do it on wednesday, do it on thursday, do it this weekend, do it tonight when, "
        "while everyone's out, when everyone's out, when everyone is out, nobody will miss me, "
        "no one will miss me, won't miss me, they won't miss me, be better off without me"
    ),
    "election_day": _split("the election, election, the primary, early voting"),
    "manipulate": _split("fix the, fixing the, fixes the, fixed the"),
    "workers": _split(
        "which employees, which workers, which staff, her reports, his reports, their reports, "
        "direct reports, my reports, your reports"
    ),
    "voting_false_claim": _PARTY_DAYS,
    "intrusion_strong": _split(
        "to my address instead, to my email instead, to my inbox instead, to me instead, "
        "to my sim, onto my sim, to a sim i control, port her number, port his number, port "
        "their number, port her phone number, port his phone number, port their phone "
        "number, porting her number, porting his number, transfer her number, transfer his "
        "number, recovery email to mine, recovery email to my, recovery phone to my, recovery "
        "number to my, her recovery email, his recovery email, set the recovery email to"
    ),
    "personal_data": _split(
        "on antidepressants, takes antidepressants, on medication, on hiv medication, in rehab, "
        "in therapy, on methadone, "
        "hiv-positive, hiv positive, mental health diagnosis, mental health diagnoses, mental "
        "health condition, mental health conditions, psychiatric diagnosis, who is pregnant, "
        "who are pregnant, pregnancy, therapy notes, disability status, immigration status, "
        "sexual orientation, gender identity, criminal record, criminal records"
    ),
    "third_party": _split(
        "team leads, team lead, line managers, line manager, supervisors, supervisor, their "
        "manager, the managers, department heads, head of department, hr business partners, "
        "the whole office, all staff, all-staff, the team channel, coworkers, colleagues"
    ),
    "others_money": _split("customer refunds, the refunds"),
    "own_pocket": _split(
        "for mine, with mine, to my personal account, into my personal account, "
        "to my own account, into my own "
        "account, to my account, into my account, to my personal card, to my card"
    ),
    "money_move": _split(
        "switch the bank details, change the bank details, change the iban, switch the iban, "
        "replace the bank details, update the iban, swap the bank details, edit the bank "
        "details, reroute the refunds, redirect the refunds, route the refunds, route refunds, "
        "send the refunds"
    ),
    "fraud_strong": _BILLING_FRAUD
    + _split(
        "fake resident submissions, fake submissions, fake residents, fake responses, fake "
        "consultation responses, fake petition, fake signatures, fake constituents, fake "
        "citizen, fake citizens, fake voters, fake supporters, fake grassroots, fake personas, "
        "pays us instead, pay us instead, pays me instead, pay me instead, paid to us instead, "
        "paid to me instead, pays our account instead, "
        "rack up commissions, rack up commission, rack up fees, for the commissions, to earn "
        "commissions, to earn more commission, to churn commissions, "
        "churning the account, churning client accounts, churning accounts, churn the client's "
        "account, churn the client's portfolio, churn client accounts, trade in and out of the "
        "client's account, excessive trading, to generate commissions, generate commissions, "
        "price floor with, minimum price with the other, not undercut each other, fake "
        "branded, counterfeit labels, fake labels, fake tags, fake nike, fake designer"
    ),
    # remediation and protection: a harm word that is the object of fixing is no harm
    "labour_wrong": _split(
        "so they give up chasing, give up chasing, so they give up, so they stop chasing, won't "
        "bother chasing, too small to sue, can't afford to sue, ignore their invoices, ignore "
        "their emails, ignore their complaints, half of what we agreed, less than we agreed, "
        "less than agreed, less than the invoiced, less than invoiced, less than the invoice"
    ),
    "defensive": _split(
        "turnitin, plagiarism check, plagiarism checker, plagiarism checks, plagiarism matches, "
        "plagiarism report, similarity report, originality check, copyleaks, "
        "fix the, fix our, fix this, fix that, fix a, fix an, fix my, fix its, fix their, fixing "
        "the, fixes the, fixed the, patch the, patch our, patch this, patching the, patched "
        "the, parameterised queries, "
        "parameterized queries, parameterised, parameterized, prepared statements, sanitise, "
        "sanitize, sanitising, sanitizing, escape the input, input validation, remediate, "
        "close the hole, cease-and-desist, cease and desist, takedown notice, trademark "
        "complaint, customs seizure, sellers of counterfeits, seller of counterfeits, archive, "
        "archiving, worm storage, write-once, immutable storage, object lock, preserve, "
        "preserving, legal hold, tamper-evident storage, suspend, suspending, suspended, "
        "spam bots, scam bots, bot "
        "accounts, bot farm, bot network"
    ),
    # sensitive data said to stay where it is
    "protect_frame": _split(
        "never shared, are never shared, is never shared, not shared, won't be shared, will "
        "not be shared, never share, are not shared, is not shared, stay confidential, stays "
        "confidential, remain confidential, remains confidential"
    ),
    "papers_frame": _split(
        "fair-recruitment, fair recruitment, fair-recruitment clause, never hold, never keep, "
        "never retain"
    ),
    "accommodation_frame": RECALL["accommodation_need"],
    "subject_frame": (
        *RECALL["accommodation_need"],
        *_split(
            "check that, verify that, confirm that, "
            "make sure, ensure, ensuring, pay rise, pay rises, same pay rise, same raise, entitled "
            "to, get the same, receive the same, returning from, back from, schedule the "
            "chemotherapy, schedule her chemotherapy, schedule his chemotherapy, chemotherapy "
            "schedule, chemotherapy appointment, chemotherapy appointments, chemotherapy session, "
            "chemotherapy sessions, dialysis schedule, dialysis appointment, accounts younger "
            "than, accounts older than, account age, accounts created, days old"
        ),
    ),
    "plain_phrase": (
        # an age band read as an amount: "the 'over 50' transactions", "orders over 40 kg"
        *_product(
            "over 40, over 45, over 50, over 55, over 60, over 65, over 70, under 25, under 30, "
            "under 35, under 40",
            "transactions, transaction, payments, invoices, orders, items, entries, records, "
            "amounts, purchases, claims, tickets, days, hours, minutes, units, kg, miles, km, "
            "percent, dollars, pounds, euros, rows, files, mb, gb, requests, errors, alerts",
        ),
        *_split(
            "tracking link, tracking links, tracking number, tracking numbers, tracking page, "
            "tracking code, tracking url, tracking info, tracking information, tracking "
            "details, order tracking, shipment tracking, parcel tracking, package tracking, "
            "delivery tracking, track her order, track his order, track the order, track their "
            "order, track her parcel, track his parcel, track her package, track his package, "
            "track the parcel, track the package, track the delivery, single confirmation "
            "screen, a single confirmation screen, one confirmation screen, one-click "
            "cancellation, one click cancellation, one-click cancel, single-click "
            "cancellation, cancel in one click, pirate-themed, pirate themed, pirate party, "
            "pirate costume, pirate costumes, pirate ship, pirate hat, pirate's, a pirate's, "
            "pirate treasure, pirate map, worker process, worker processes, worker thread, "
            "worker threads, worker pool, worker node, worker nodes, celery worker, worker "
            "pod, kill switch test, coolant reservoir, coolant tank, radiator reservoir, washer "
            "reservoir, washer fluid reservoir, expansion tank, brake fluid reservoir, engine "
            "coolant"
        ),
        *_product(
            "kill, kills, killing, killed",
            "the worker process, the worker, the process, the job, the stuck job, the "
            "container, the pod, the thread, the daemon, the task, the server process, the "
            "child process, a worker, a process, the subprocess, the test server, the browser, "
            "the deploy job, the stuck deploy job, the build, the query, the session, the "
            "service, -9, the hung, the stuck, the app, the emulator, the vm, the instance",
        ),
    ),
}


def keep_head_roles(concepts: dict[str, tuple[str, ...]]) -> None:
    """Give each generated group phrase the roles its own words play alone.

    A listed phrase is read as one term with only the roles that list it, so "muslim
    customers" would otherwise stop being customers (a victim group, money held for others)
    the moment it became a protected group. Called once the vocabularies are merged.
    """
    words = frozenset(word for _, group_words in _GROUP_PHRASES for word in group_words)
    for name, entries in list(concepts.items()):
        if name in {"protected_group", "plain_phrase"}:
            continue
        played = words.intersection(entries)
        if played:
            concepts[name] += tuple(
                phrase
                for phrase, group_words in _GROUP_PHRASES
                if not played.isdisjoint(group_words)
            )


#: The new roles: read by the rules only, never turned into features for the learned model.
RULE_ONLY_ROLES = frozenset(RECALL)
