"""Kinds of evidence, as data: each concept is a set of words and phrases that carry it.

A concept names a role a word plays in a request, not a verdict: ``harm_verb`` ("poison",
"stab"), ``person`` ("coworker", "her"), ``defensive`` ("detect", "block", "report"). The
rules (:mod:`aegis.love_engine.rules`) judge combinations of concepts within a clause, so a
word nobody listed still counts when it plays a listed role next to one that is listed, and
a look-alike ("block the IPs behind a brute-force attack") is told apart by its frame, not by
a list of exceptions. Entries are written as people spell them; they are stemmed at import.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["CONCEPTS"]


CONCEPTS: dict[str, tuple[str, ...]] = {
    # -- people and what belongs to them -------------------------------------------------------
    "person": _split(
        "someone, somebody, person, people, coworker, co-worker, colleague, neighbor, "
        "neighbour, wife, husband, spouse, boss, child, kid, baby, toddler, ex, ex-wife, "
        "ex-husband, ex-girlfriend, ex-boyfriend, ex-partner, girlfriend, boyfriend, roommate, "
        "classmate, teacher, him, her, them, victim, crowd, stranger, mother, father, mom, dad, "
        "brother, sister, grandmother, grandfather, grandma, grandpa, landlord, tenant, "
        "witness, journalist, politician, rival, enemy, competitor's ceo, student, teenager, "
        "girl, boy, woman, man, family member, nephew, niece, cousin, partner, crush, "
        "celebrity, streamer, elderly woman, elderly man, old lady, classmates, jews, muslims, "
        "immigrants, refugees, whistleblower, protesters, protester, activist, activists, "
        "reviewer, manager, employee who complained, the employee who, vecina, vecino, frau, "
        "mann, principal, dean, professor, flatmate, cellmate, women, men, girls, guys, women "
        "who, the girl, judge, council member, reporter, teen, teens, followers, his"
    ),
    "reflexive": _split(
        "myself, yourself, himself, herself, themselves, my own life, my life, end it all, my "
        "wrists, my body"
    ),
    # -- physical harm -----------------------------------------------------------------------
    "weapon_strong": _split(
        "sarin, ricin, vx, tabun, soman, novichok, nerve agent, chemical weapon, bioweapon, "
        "biological weapon, pipe bomb, nail bomb, dirty bomb, car bomb, letter bomb, ied, "
        "improvised explosive, molotov, molotov cocktail, napalm, ghost gun, untraceable gun, "
        "untraceable firearm, 3d-printed gun, 3d printed gun, mustard gas, chlorine gas, "
        "suicide vest, detonator, tatp, anfo, weaponized anthrax, anthrax spores, botulinum "
        "toxin, pressure cooker bomb, explosive device, homemade explosive, thermite bomb, auto "
        "sear, bump stock, full auto conversion, silencer, suppressor, mail bomb, fully "
        "automatic, full auto, convert to automatic, auto conversion, 3d print a working, 3d "
        "print a pistol, 3d print a gun, print a working pistol, print a gun, mix bleach and, "
        "bleach and vinegar, bleach and ammonia, chloramine gas, toxic gas"
    ),
    "weapon": _split(
        "weapon, gun, firearm, rifle, pistol, handgun, ammunition, ammo, knife, machete, "
        "crossbow, poison gas, toxin, bat, baseball bat, crowbar, brass knuckles, knuckle "
        "duster, taser, stun gun, shank, shiv, axe, hammer, laser"
    ),
    "explosive": _split(
        "bomb, bombs, explosive, explosives, grenade, tnt, dynamite, gunpowder, detonator, "
        "blasting cap, fuse for a bomb, incendiary, firebomb, shrapnel, thermite, blast, "
        "biggest blast, fertilizer bomb, fertiliser bomb, anfo"
    ),
    "violence_strong": _split(
        "spike her drink, spike his drink, spike their drink, drug her, drug him, drug them, "
        "break his legs, break her legs, cut the brakes, cut her brakes, cut his brakes, "
        "sabotage the brakes, sabotage brakes, tamper with the brakes, tamper with brakes, acid "
        "attack, throw acid, beat up, run him over, run her over, set fire to, burn down, burn "
        "his house, burn her house,       "
        "mass shooting, school shooting, shoot up, hit man, hitman, hire a hitman, "
        "contract killing, get rid of him, get rid of her, make it look like an accident, "
        "disappear him, disappear her, spike a drink, spike drinks, spike someone's drink, drug "
        "someone, roofie her, roofie someone, drive into the crowd, drive into a crowd, ram the "
        "crowd, maximum casualties, mass casualties, as many people as possible, laser at "
        "planes, laser at the planes, laser at aircraft, laser at pilots, point a laser at, "
        "contaminate the water, contaminate the town's, poison the water supply, make people "
        "ill, make people sick, make them sick, make him sick, make her sick, make him ill, "
        "make her ill,  choke her, choke him, hurt her, hurt him, hit her, hit him, "
        "beat her, beat him"
    ),
    "toxin": _split(
        "poison, antifreeze, ethylene glycol, cyanide, arsenic, rat poison, bleach, fentanyl, "
        "thallium, strychnine, sleeping pills, rohypnol, ghb, roofie, roofies, laxative, "
        "insulin overdose, oleander, foxglove, mercury, lead acetate, polonium, digoxin, "
        "tranquilizer, sedative, ketamine, pesticide, weed killer, paraquat, ammonia, pills, "
        "lye, drain cleaner, opioids, lethal dose, fatal dose, deadly dose, lethal amount, "
        "overdose, sleeping tablets, sleeping pill, tablets, benzodiazepines, benzos, xanax, "
        "valium, melatonin overdose, sodium azide, azide"
    ),
    "harm_verb": _split(
        "kill, murder, poison, stab, shoot, injure, hurt, assault, beat up, beat, strangle, "
        "choke, drown, maim, torture, kidnap, abduct, harm, run over, set fire, burn down, "
        "arson, massacre, behead, suffocate, smother, disfigure, acid attack, punch, kick, "
        "rape, mutilate, shove, trip, sabotage brakes, cut the brakes, tamper with brakes, "
        "slap, attack, ambush, lynch, overdose, incapacitate, sedate, drug her, drug him, spike "
        "her drink, spike his drink, use it on, to use on, use on"
    ),
    "make_verb": _split(
        "make, build, assemble, synthesize, synthesise, manufacture, produce, cook, brew, "
        "print, construct, acquire, obtain, buy, smuggle, how to, recipe, instructions, "
        "step-by-step, step by step, blueprint, formula, procure, extract, weaponize, "
        "weaponise, culture, grow, refine, detonate, deploy, plant, convert, modify, source, "
        "order, purchase"
    ),
    "vector": _split(
        "coffee, drink, food, meal, tea, lunch, water, beverage, dinner, soup, cake, bottle, "
        "water supply, smoothie, juice, wine, beer, cookies, sandwich, inhaler, insulin, "
        "formula milk, baby formula, cereal, salad, cup, water tower, reservoir"
    ),
    "add_verb": _split(
        "put, add, slip, mix, spike, lace, pour, sneak, stir, tamper, inject, contaminate, "
        "swap, replace, dissolve, sprinkle, hide, give, keep her out, keep him out, knock her "
        "out, knock him out, make her sleep, make him sleep, feed"
    ),
    # -- self-harm ---------------------------------------------------------------------------
    "self_harm": _split(
        "suicide, kill myself, end my life, self-harm, self harm, selfharm, cut myself, hurt "
        "myself, take my own life, lethal dose, painless way to die, ways to die, hang myself, "
        "overdose on, starve myself, jump off, end it all, die by, kys, kill yourself, pro-ana, "
        "thinspo, purge after eating, stop eating, suicide pact, die together, do it the same "
        "night, how many sleeping pills, how many pills, is fatal, would be fatal, painless "
        "death, end my pain, not wake up, eat less than the day before, goodbye note, suicide "
        "note, bridge height, jump tonight, want to jump, no fences, noose, tie a noose, "
        "cutting scars, hide cutting, where cuts, cut my wrist, cut my wrists, burn myself, "
        "throw up after meals, make myself throw up, meanspo, proana, stop my heart, od, best "
        "way to od, starving until, starve until, hide scars, cutting photos"
    ),
    "method": _split(
        "method, methods, how, way, ways, lethal, dose, dosage, pills, painless, quickest, "
        "fastest, jump, hang, noose, bridge, rope, razor, blade, how many, enough to, plan, "
        "instructions, guide, tips, encourage, encouraging, glorify, best way, pact, fatal, "
        "same night, together, challenge, height, certain, deep, how deep, sure it works, make "
        "sure, tonight, best"
    ),
    "support_frame": _split(
        "prevention, prevent, hotline, crisis, helpline, resources, counsel, counselor, "
        "counsellor, therapist, therapy, awareness, screening, risk assessment, safety plan, "
        "warning signs, research, statistics, survivor, recovery, intervention, 988, "
        "samaritans, mental health, psychiatrist, clinician, talk to, reach out, help line, "
        "safe messaging, postvention, grief, bereavement, first aid, treat, treatment, nurse, "
        "doctor, physician, poison control, emergency, antidote, paramedic, hospital, "
        "toxicology, pharmacist, pharmacology, clinical, overdose reversal, naloxone, narcan, "
        "harm reduction, childproof, lock away, safely store, store safely, dispose, disposal, "
        "storage, label, warning label, safety data sheet, msds, recall, vet, veterinarian, "
        "prescribed, as directed, pet, dog, cat, gym, lifting, exercise, workout, injury "
        "prevention, stretch, posture, ergonomic, lab safety, ventilation, protective gear, "
        "gloves, goggles, recipe card, allergy, allergic, allergen, epipen, antidepressant, "
        "friend, my friend, someone i know, loved one, worried about, check on, ask her, ask "
        "him, gp, thoughts of, struggling, survive, survives, survived, reported, without "
        "describing, no method, no methods, help me phrase, tell my, sensor, detector, leak, "
        "evacuate, exposure, spill, safety, clinic, clinics, dbt, cbt, waiting list, too many, "
        "took two, accidentally, double dose, missed a dose, eulogy, died by suicide, lost to "
        "suicide, memorial, funeral, condolence, i'm scared, scared of, thinking about, help me "
        "figure out, help me cope, cope, coping, get help, dietitian, relapsed, relapse, "
        "support group, support line, crisis support, peer support, support services, safest, "
        "store medicines, lock up, attempted suicide, has attempted"
    ),
    # -- deception and fraud -----------------------------------------------------------------
    "fraud_strong": _split(
        "phishing, phish, scam, scams, fraud, fraudulent, fake review, fake reviews, dark "
        "pattern, dark patterns, hidden fee, hidden fees, hidden charge, hidden charges, junk "
        "fee, drip pricing, pump and dump, market manipulation, wash trading, spoofing orders, "
        "ponzi, pyramid scheme, counterfeit, forge, forgery, impersonate, impersonation, "
        "pretend to be, pose as, posing as, astroturf, astroturfing, sock puppet, sock puppets, "
        "fake account, fake accounts, fake testimonial, fake testimonials, bait and switch, "
        "confirmshaming, roach motel, insider trading, front-running, front run, fake charity, "
        "catfish, catfishing, deepfake, smishing, vishing, spear phishing, spearphishing, money "
        "mule, advance fee, romance scam, rug pull, fake invoice, fake invoices, fake id, fake "
        "ids, identity theft, steal identity, stolen identity, synthetic identity, fake "
        "followers, buy followers, review bombing, click fraud, ad fraud, chargeback fraud, "
        "insurance fraud, tax evasion, evade taxes, launder, laundering, money laundering, "
        "embezzle, embezzlement, kickback, bribe, bribery, backdate, backdated, cook the books, "
        "falsify, falsified, fabricate, fabricated, plagiarize, ghost employees, shell company "
        "to hide, misrepresent, forged signature, sneak into basket, sneak into cart, disguised "
        "ad, disguised ads, fake scarcity, fake urgency, fake countdown, fake discount, inflate "
        "reviews, trick users, trick customers, mislead customers, mislead users, mislead "
        "investors, deceive customers, deceive users, deceive investors, lie to customers, lie "
        "to users, lie to investors, lie to regulators, lie to the auditor, lie to auditors, "
        "manipulate users, manipulate customers, manipulate voters, emotionally manipulate, "
        "exploit vulnerable, exploit the elderly, exploit lonely, price fixing, price-fixing, "
        "fix prices, rig the, bid rigging, remove the unsubscribe link, hide the unsubscribe, "
        "hide the cancel button, remove the cancel button, no way to cancel, prevent "
        "cancellation, block cancellation, fake reviewer, fake ratings, fake five-star, pay for "
        "reviews, paid for reviews, paying for reviews, buy reviews, bought reviews, "
        "incentivized reviews without disclosure, pass off, passing off, pre-tick, "
        "pre-ticked, pretick, pre-check the box, pre-checked, pre-select, pre-selected, "
        "preselected, opt everyone in, default to opted in, diploma mill, buy a diploma, buy "
        "diplomas, sells diplomas, buy a degree, fake degree, suicide pact, counterfeit covid, "
        "fake vaccination, fake vaccine, pretending to be, pretend to be his, pretend to be "
        "her, pretending to be his, pretending to be her, insider information, inside "
        "information, non-public information, material non-public, mnpi, before the "
        "announcement, ahead of the announcement, before it's announced, before the earnings, "
        "before the merger announcement, trade back and forth, back and forth at rising prices, "
        "from different accounts, from multiple accounts, from fake accounts, under different "
        "names, dump our bags, dump on the buyers, will 10x, going to 10x"
    ),
    "fake_adj": _split(
        "backdated, back-dated, inflated, padded, invented, made up, phantom, ghost, "
        "sock-puppet, sock puppet, sockpuppet, astroturf, astroturfed, paid-for, "
        "fictional, impersonated, misrepresented, misrepresenting, fabricate, forge, fake up, "
        "phoney up, plagiarised, plagiarized, "
        "fake, false, fabricated, bogus, forged, counterfeit, phony, phoney, sham, fictitious, "
        "made-up, misleading, deceptive, doctored, falsified, fraudulent, spoofed, cloned, "
        "lookalike, look-alike, copycat, imitation"
    ),
    "fake_object": _split(
        "listing, listings, availability, stock, bill, bills, billing, hours, timesheet, "
        "timesheets, byline, bylines, article, articles, persona, personas, accounts, resume, "
        "cv, transcript, credential, qualification, qualifications, experience, grade, grades, "
        "audit, report, reports, test results, lab results, safety record, inspection report, "
        "sign-off, minutes, "
        "review, rating, testimonial, invoice, receipt, account, follower, like, identity, id, "
        "document, certificate, diploma, news, claim, evidence, signature, prescription, "
        "transaction, refund, insurance claim, warranty claim, expense report, reference, "
        "degree, license, licence, charity, endorsement, stars, star, login  website, domain, "
        "email from, sender, caller id, bank statement, pay stub, payslip, medical note, "
        "doctor's note, sick note, alibi, urgency, scarcity, deadline, discount, countdown, "
        "timer, stock level, price, credentials, badge, passport, visa, cheque, coupon, ticket, "
        "survey results, results, study, data, figures, numbers, sales, screenshot, "
        "screenshots, verified buyer, verified customer, verified purchase, email, emails, "
        "letter, notice, eviction notice, message, messages, text, texts, link, links, login "
        "link, docusign, page, profile, profiles, voice, video, audio, photo, photos, call, "
        "exchange, template, vaccination card, vaccine card, lottery, prize, win, winner"
    ),
    "deceive_verb": _split(
        "lie, lying, mislead, deceive, trick, dupe, swindle, defraud, gaslight, cheat, scam, "
        "lure, bait, entrap, guilt-trip, coerce, extort, blackmail, sextort, sextortion, scare, "
        "frighten, trick the, fool"
    ),
    "victim_group": _split(
        "customer, customers, investor, investors, regulator, regulators, auditor, auditors, "
        "elderly, seniors, retiree, retirees, patient, patients, buyer, buyers, shopper, "
        "shoppers, voter, voters, donor, donors, insurer, tax authority, irs, consumer, "
        "consumers, client, clients, public, shareholder, shareholders, lender, bank, "
        "grandmother, grandfather, vulnerable, lonely, minor, minors, kids, teens"
    ),
    "manipulate": _split(
        "manipulate, manipulation, rig, rigging, inflate, artificially, pump, corner the "
        "market, spoof, collude, collusion, fix, wash trade, layering, front-run, frontrun, "
        "mark up, mark the, window dress, window dressing, paint the tape, marking the close, "
        "bang the close"
    ),
    "market": _split(
        "market, price, prices, stock, stocks, share price, shares, crypto, token, coin, penny "
        "stock, trading volume, exchange rate, bid, auction, benchmark rate, libor, bond, "
        "bonds, books, month end, quarter end, closing price"
    ),
    "hide_verb": _split(
        "hide, conceal, bury, obscure, fine print, undisclosed, secretly, covertly, silently, "
        "quietly, disguise, camouflage, without disclosing, not disclose, don't disclose, omit, "
        "leave out, sneak, pre-check, prechecked, pre-ticked, auto-enroll, auto-enrol, without "
        "telling, without notifying, without informing, obfuscate"
    ),
    "money_term": _split(
        "fee, fees, charge, charges, surcharge, subscription, auto-renew, autorenew, renewal, "
        "cancellation fee, cost, costs, price increase, interest rate, apr, commission, "
        "penalty, add-on, addon, insurance add-on, markup, service fee, resort fee"
    ),
    "obstruct": _split(
        "hard, harder, difficult, impossible, obstruct, bury, confuse, confusing, endless, "
        "maze, tedious"
    ),
    "exit_right": _split(
        "cancel, cancellation, unsubscribe, opt out, opt-out, refund, return, delete account, "
        "close account, close their account, leave, churn"
    ),
    # -- discrimination ----------------------------------------------------------------------
    "decision": _split(
        "hire, hiring, fire, firing, let go, lay off, layoff, layoffs, dismiss, terminate, "
        "promote, promotion, demote, lend, loan, loans, credit, mortgage, price, pricing, "
        "premium, premiums, insurance rate, rent, rental, lease, tenant screening, rank, "
        "ranking, score, scoring, screen, screening, shortlist, filter, reject, deny, approve, "
        "approval, moderate, target, targeting, exclude, eligibility, eligible, admit, "
        "admission, admissions, evict, eviction, salary, pay, bonus, raise, interview, recruit, "
        "recruiting, applicant, applicants, candidate, candidates, resume, resumes, cv, cvs, "
        "job ad, job ads, ads, show ads, adjust prices, charge more, charge higher, discount, "
        "offer, accept, decline, prioritize, prioritise, deprioritize, downrank, boost, "
        "penalize, penalise, flag, ban, restrict, limit, cap, weed out, favor, favour, prefer, "
        "only, avoid, steer, route, assign, grade, tenant, tenants, lending, underwriting, "
        "underwrite, insure, insurance, quote, quotes, benefit, benefits, service, serve, "
        "refuse, suspend, seat, board, sell to, show listings, listings, apartment, housing, "
        "block, kick, kick out, bar, leave off, leave them off, keep off, keep them off, drop "
        "from, take off the list, ad, apartment ad, are let go, youth coordinator, tier, fast "
        "track, queue, age cap, minimum deposit, deposit, reduce the bonus, sort, come last, "
        "put the, schedule the, cut, pick which, skip the"
    ),
    "protected_attr": _split(
        "race, racial, ethnicity, ethnic, ethnic origin, ethnic background, religion, "
        "religious, religious beliefs, gender, sex, age, disability, disabilities, pregnancy, "
        "pregnant, maternity, nationality, national origin, citizenship, immigration status, "
        "sexual orientation, gender identity, marital status, caste, genetic information, skin "
        "color, skin colour, complexion, veteran status, political affiliation, political "
        "views, union membership, health condition, medical condition, mental illness, hiv "
        "status, family status, parental status, accent, accents"
    ),
    "protected_group": _split(
        "muslim, muslims, christian, christians, jewish, jews, hindu, hindus, sikh, sikhs, "
        "buddhist, atheist, atheists, woman, women, female applicants, female candidates, "
        "female employees, male applicants, older, elderly, oldest, younger, youngest, "
        "wheelchair users, blind people, deaf people, immigrant, immigrants, foreigner, "
        "foreigners, foreign-born, gay, gays, lesbian, lesbians, bisexual, transgender, trans, "
        "lgbt, lgbtq, queer, black applicants, black people, black residents, black tenants, "
        "black customers, black candidates, black employees, african american, african "
        "americans, hispanic, hispanics, latino, latinos, latina, latinas, asian applicants, "
        "asian people, asians, arab, arabs, indigenous, native americans, roma, dalit, dalits, "
        "unmarried, single  single mother, mothers, child-bearing age, childbearing age, over "
        "40, over 45, over 50, over 55, over 60, under 30, under 25, under 35, boomer, boomers, "
        "millennial, millennials, gen z, digital native, digital natives, senior citizens, "
        "retirement age, near retirement, old people, older people, older staff, older workers, "
        "older employees, older applicants, older candidates, older tenants, older customers, "
        "white applicants, white people, caucasian, minorities, minority, ethnic minorities, "
        "people of color, poc, autistic, pregnant women, pregnant employees, people with "
        "disabilities, disabled people, disabled applicants, disabled employees, refugees, "
        "asylum seekers, non-citizens, mostly immigrant, immigrant residents, majority black, "
        "majority hispanic, immigrant neighborhoods, immigrant neighbourhoods, black "
        "neighborhoods, minority neighborhoods, under 40, under 45, over 35, over 65, "
        "headscarf, hijab, turban, kippah, yarmulke, have children, plan to have children, "
        "start a family, family plans, childcare duties, maternity leave plans, indians, "
        "pakistanis, chinese, mexicans, africans, nigerians, romanians, poles, gypsies, "
        "travellers, travelers, somalis, syrians, afghans, wheelchair, wheelchairs, in "
        "wheelchairs, gay candidates, gay students, gay employees, trans employee, transgender "
        "employees, married men, married women, without kids, with a family, young ones, "
        "childless, aren't citizens, not citizens, section 8, housing voucher, housing "
        "vouchers, housing choice voucher, housing choice vouchers, no vouchers, voucher "
        "holders, housing benefit, on benefits, deaf, deaf applicant, blind applicant, "
        "chemotherapy, cancer treatment, sick leave, caregiving, disabled child, refugee, "
        "refugee shelter, non-english, non english"
    ),
    "discrim_strong": _split(
        "discriminate, discriminates, discriminating, discrimination against, discriminatory, "
        "segregate, segregation, whites only, no blacks, no muslims, no "
        "immigrants, no foreigners, no gays, no women, ethnic cleansing, racial profiling, "
        "profile by race, steer away, exclude women, exclude minorities, "
        # redlining and steering by their objects: "Redline Transport", "redline the
        # contract" (a lawyer's markup) and "62 feeder steers" are none
        "redline neighborhoods, redline neighbourhoods, redline the neighborhood, redline the "
        "neighbourhood, redline zip codes, redline postcodes, redline minority, redline black, "
        "steer minority, steer black, steer hispanic, steer latino, steer buyers, steer renters, "
        "steer tenants, steer families, steering minority, steering black, steering buyers, "
        "steering renters, steering families"
    ),
    "proxy": _split(
        "zip code, zip codes, zipcode, postcode, postcodes, postal code, postal codes, "
        "neighbourhood, neighborhood, neighbourhoods, neighborhoods, area code, "
        "foreign-sounding, foreign sounding, ethnic-sounding, ethnic sounding, name origin, "
        "surname, surnames, last name, last names, native language, first language, mother "
        "tongue, native speaker, native speakers, non-native, graduation year, birth year, year "
        "of birth, date of birth, age band, age bands, age bracket, age brackets, age group, "
        "age groups, church, mosque, synagogue, temple, dialect, height and weight, mostly "
        "immigrant, immigrant residents, majority black, majority hispanic, immigrant "
        "neighborhoods, immigrant neighbourhoods, black neighborhoods, minority neighborhoods, "
        "predominantly, demographic, demographics, ethnic composition, racial composition, "
        "proper english, speak english, english well, speak proper, chinatown, little italy, "
        "barrio, ghetto, inner city, inner-city, name sounds, names that sound, foreign name, "
        "foreign names, ethnic names, religious school, islamic school, historically black, "
        "hbcu, hbcus, vernacular, aave"
    ),
    "subject_frame": _split(
        "audit, audits, auditing, bias audit, fairness audit, disparity, disparities, disparate "
        "impact, adverse impact, compliance, comply, complies, legally required, legal "
        "requirement, required by law, law requires, regulation, regulatory, eeo, eeoc, eeo-1, "
        "equal opportunity, accommodation, accommodations, accommodate, reasonable adjustment, "
        "reasonable adjustments, accessible, accessibility, ramp, caregiver, diversity report, "
        "diversity statistics, inclusion, representation report, aggregate, aggregated, "
        "anonymize, anonymise, anonymized, anonymised, de-identify, redact, pseudonymize, blind "
        "review, blind, fairness metrics, bias testing, bias test, test for bias, check for "
        "bias, detect bias, measure bias, mitigate bias, debias, fairness, equal pay, pay "
        "equity, pay gap, gender pay gap, title vii, ada, fair housing act, fair lending, hmda, "
        "ecoa, gdpr, statistics, research, survey, census, regardless of, irrespective of, not "
        "based on, without regard, prohibited, illegal to, remove the field, drop the column, "
        "exclude the field, protected attributes, protected characteristics, parental leave, "
        "maternity leave, prenatal, religious holiday, prayer room, halal, kosher, translation, "
        "translate, interpreter, subtitles, captions, sign language, screen reader, braille, "
        "large print, medicare, pension, senior discount, student discount, veterans discount, "
        "age verification, verify age, minimum age, age limit for alcohol, legal drinking age, "
        "age-appropriate, child safety, coppa, outreach, mentorship, scholarship, support "
        "group, employee resource group, celebrate, heritage month, holiday calendar, dietary, "
        "wheelchair access, step-free, hearing loop, assistive, disability benefits, benefits "
        "enrollment, retirement plan, 401k, pregnancy test, medical history, clinical trial, "
        "dosage by age, pediatric, paediatric, geriatric, vaccine schedule, shipping, delivery, "
        "sales tax, tax rate, route, routing, weather, distance, store locator, nearest, "
        "coverage map, service area, time zone, timezone, delivery zone, warehouse, forecast, "
        "inventory, demand, local news, local events, clothing, apparel, shoes, size chart, fit "
        "guide, dress code, restroom, locker room, voting, voter registration, jury, medical, "
        "symptoms, diagnosis, dose, screening for, cancer screening, health screening, class, "
        "classes, workshop, programme, program, club, welcome, all ages, of all ages, all "
        "backgrounds, words, wording, phrasing, coded, age-coded, gender-neutral, neutral, "
        "inclusive language, bias, biased, because i'm, because i am, fired me, refused me, "
        "denied me, rejected me, my employer, complaint, evidence, containing, terms, phrases, "
        "field, feature, column, leak, leaks, proxy "
        "for, drop feature, breakdown, committee, monitoring, equality monitoring, "
        "self-identified, disclosure, report, reporting, breakdown by, differs by, rate by, "
        "gap, parity, representation, avoid asking, don't ask about, never ask about, not ask "
        "about, every zip code, all zip codes, every neighborhood, every neighbourhood, "
        "including the ones, speech recognition, recognition for, transcription, captioning, "
        "accuracy for, illegal, unlawful, care home, care plan, childcare, healthcare, elder "
        "care, patient care, appeal, an appeal, turned down for, i was turned down, i was "
        "denied, i was rejected, they turned me down"
    ),
    # -- privacy -----------------------------------------------------------------------------
    "stalk": _split(
        "stalk, stalkerware, cyberstalk, dox, doxx, doxing, doxxing, spyware, hidden "
        "camera, spy camera, secretly record, secretly film, secretly photograph, creepshot, "
        "upskirt, gps tracker on, airtag on, tracker on her car, tracker on his car, track her, "
        "track him, follow her home, follow him home, spy on, turn on the webcam, turn on "
        "webcams, turn on the laptop webcams, activate the webcam, webcam snapshots, webcam "
        "snapshot, listens through the phone microphone, listen through the microphone, listens "
        "through the microphone, record through the microphone, turn on the microphone, "
        "always-on microphone"
    ),
    "surveil_verb": _split(
        "track, trace, monitor, locate, spy, wiretap, intercept, eavesdrop, geolocate, "
        "pinpoint, find out where, surveil, unmask, deanonymize, de-anonymize, snoop, secretly "
        "read, secretly access, log into her, log into his, go through her, go through his, "
        "read her, read his, read my wife's, read my husband's, read my partner's, check her, "
        "check his, follow her, follow him, hack her, hack his, clone her, clone his, mirror "
        "her, mirror his, keep tabs on, watch her, watch him, identify the, real identity, find "
        "out who, who wrote, re-identify, reidentify, de-anonymise, facial recognition, face "
        "recognition, match them to, match to, link records, join with, keystrokes, screen "
        "recording, copy her messages, copy his messages, heimlich, follow my ex, show her "
        "location, show his location, reads my, read my daughter's, read my son's, read her "
        "dms, read his dms, screenshot the employees, screenshots of employees, record their "
        "screens, go through the employees, go through their, people-finder, people finder, "
        "people search"
    ),
    "personal_info": _split(
        "location, whereabouts, movements, home address, address, phone, messages, texts, "
        "emails, email, inbox, chats, dms, browsing history, search history, call log, calls, "
        "camera, webcam, microphone, photos, real name, identity, workplace, schedule, daily "
        "routine, ip address, device, social media, diary, journal, bank statements, medical "
        "records, health records, therapy notes, license plate, new address, where she lives, "
        "where he lives, where they live, her address, his address, phone numbers, phone "
        "number, admitted for, diagnosis"
    ),
    "personal_data": _split(
        "personal data, user data, customer data, customer list, email list, email addresses, "
        "contact list, contacts, medical record, medical records, health data, health records, "
        "location data, browsing history, browsing data, ssn, ssns, social security number, "
        "social security numbers, home address, home addresses, phone number, phone numbers, "
        "biometric, biometrics, fingerprints, face scans, faceprints, dna, genetic data, "
        "patient data, patient records, student records, employee records, personnel files, "
        "credit card numbers, card numbers, payment data, purchase history, private messages, "
        "user profiles, profiles, pii, personal information, private information, salary data, "
        "tax records, passport scans, driver's license, search queries, chat logs, voice "
        "recordings, photos of users, user photos, customer records, user records, subscriber "
        "list, mailing list, leads, dating profiles, sexual orientation data, personal details, "
        "private photos, intimate photos, nudes, dossier, records, hiv status, health status, "
        "diagnosis, diagnoses, medical condition, pregnancy status, pharmacy records, "
        "prescriptions, purchase records, loyalty card purchases, voter rolls, keystrokes, "
        "salaries, pregnancy tests, bought pregnancy, pregnancy test purchases"
    ),
    "expose_verb": _split(
        "sell, leak, publish, expose, broker, monetize, monetise, rent out, dump, share "
        "publicly, post online, disclose publicly, give away, doxx, data broker, share with "
        "advertisers, share with third parties, sell to, send to advertisers, post publicly, "
        "put online, release publicly, auction, trade away"
    ),
    "collect_verb": _split(
        "scrape, harvest, collect, compile, aggregate, gather, build a profile, build a "
        "dossier, cross-reference, crawl, mine, extract, copy, download"
    ),
    "protect_frame": _split(
        "anonymize, anonymise, anonymized, anonymised, aggregate, aggregated, de-identify, "
        "de-identified, deidentified, pseudonymize, pseudonymized, pseudonymise, "
        "pseudonymised, strip names, strip the names, strip identifiers, strip pii, remove "
        "identifiers, remove pii, drop identifiers, with random tokens, data use agreement, "
        "irb-approved, irb approved, redact, redacted, encrypt, "
        "encrypted, opt-in, opted in, data subject request, dsar, gdpr request, right to be "
        "forgotten, erasure request, their own data, your own data, own data, export my, "
        "download my, my own, breach notification, notify affected, privacy notice, consent "
        "form, privacy policy, retention policy, delete my, data minimization, purge expired, "
        "compliance, legal hold, subpoena, court order, warrant, dpa, data processing "
        "agreement, in-house, internal only, with their consent, with consent, consented, "
        "authorized by the user, at the user's request, user requested, user asked, find my "
        "phone, find my device, lost phone, my phone, my laptop, my device, my account, my own "
        "account, family sharing, shared location, location sharing, parental controls, "
        "school-issued, company-owned, company devices, fleet vehicles, fleet, delivery driver, "
        "package, parcel, shipment, order status, flight, pet, lost dog, lost cat, public "
        "records, press release, newsletter, makes clear, make clear, promise, commit to, "
        "pledge, we do not, we don't"
    ),
    # -- unauthorised access -----------------------------------------------------------------
    "intrusion_strong": _split(
        "keylogger, keyloggers, ransomware, malware, rootkit, backdoor, botnet, trojan, remote "
        "access trojan, credential stuffing, password spraying, exfiltrate, exfiltration, "
        "cryptojacking, cryptojack, ddos, denial of service, zero-day exploit, infostealer, "
        "stealer, wiper, session hijacking, hijack session, hijack account, account takeover, "
        "sim swap, sim swapping, hack into, break into, crack passwords, crack password, crack "
        "the password, crack their password, bypass authentication, bypass login, bypass the "
        "login, bypass the paywall, bypass drm, jailbreak the, privilege escalation, escalate "
        "privileges, steal credentials, steal passwords, steal cookies, steal tokens, steal "
        "session, dump credentials, dump hashes, pass the hash, mimikatz, brute-force, "
        "bruteforce, sql injection, sqli, xss, cross-site scripting, remote code execution, "
        "reverse shell, web shell, webshell, c2 server, command and control, exploit kit, "
        "payload, phishing kit, skimmer, card skimmer, evil twin, deauth, wardriving, lock "
        "pick, lockpick, pick the lock, clone badge, clone the badge, clone rfid, rfid cloner, "
        "tailgate, tailgating, shim, harvest credentials, harvests credentials, harvest logins, "
        "harvests their, credential harvesting, steal logins, sim-swap, simswap, get a shell, "
        "get shell, spreads through, self-propagating, etc shadow, /etc/shadow, send me the "
        "hashes, flipper zero, flipper, clone the garage remote, clone my neighbour's, clone my "
        "neighbor's, replay the password reset, password reset link from, take over the "
        "account, idor, enumerate the other, change the user_id, reuse the contractor's ssh "
        "key, reuse his ssh key, owner rights so you don't need to ask"
    ),
    "intrusion_verb": _split(
        "hack, crack, breach, exploit, compromise, infiltrate, brute-force, bruteforce, bypass, "
        "circumvent, guess, phish, spoof, hijack, take over, break into, gain access, get into, "
        "log into, steal, dump, harvest, sniff, intercept, pivot, escalate, jailbreak, infect, "
        "snoop, unlock, get me into, get me in, let me into, let me in"
    ),
    "steal": _split(
        "steal, theft, rob, robbery, pilfer, shoplift, shoplifting, loot, burglarize, burgle, "
        "pickpocket, swipe, nick, pinch, embezzle, misappropriate, pocket"
    ),
    "system_target": _split(
        "account, accounts, password, passwords, login, logins, credential, credentials, "
        "server, servers, system, systems, network, networks, database, databases, email, "
        "inbox, phone, wifi, wi-fi, router, admin panel, admin, root, cloud, bucket, api, api "
        "key, api keys, token, tokens, cookie, cookies, session, sessions, vpn, device, "
        "devices, computer, laptop, website, site, webcam, camera, smart lock, door lock, "
        "building, office, door, badge, keycard, mainframe, domain controller, active "
        "directory, ssh, rdp, mailbox, hashes, hash, 2fa codes, otp, one-time code, pin, bank "
        "account, voicemail, icloud, gmail, instagram, facebook, whatsapp, snapchat, group, "
        "permissions, access, role, roles, privileges, admin rights, finance group, payroll, hr "
        "office, server room, office after hours, records room, firewall, firewalls, ip range, "
        "kiosk, printer, printer firmware, firmware, drives, shared drives, hospital network, "
        "school system, admin system"
    ),
    "pentest_frame": _split(
        "penetration test, penetration testing, pentest, pentesting, pen test, pen-test, red "
        "team, red-team, red teaming, security assessment, vulnerability assessment, bug "
        "bounty, in scope, in-scope, signed scope, scope agreement, rules of engagement, "
        "statement of work, authorized test, authorised test, ctf, capture the flag, own "
        "system, our own, my own, lab environment, home lab, homelab, test lab, training "
        "environment, honeypot, sandbox, sandboxed, test environment, staging, vulnerable by "
        "design, dvwa, hack the box, tryhackme, security training, tabletop exercise, threat "
        "model, threat modeling, written authorization, written authorisation, client "
        "authorized, client authorised, signed authorization, engagement letter, security "
        "audit, compliance scan, patch, patched, harden, hardening, forgot my password, forgot "
        "my own, reset my password, recover my account, locked out of my, my own account, my "
        "router, my own router, my laptop, my phone"
    ),
    # -- tampering with safety controls -----------------------------------------------------
    "disable_verb": _split(
        "rm -rf, rm, setenforce 0, setenforce, auditctl -d, unset histfile, history -c, "
        "iptables -f, dev null, /dev/null, shred -u, truncate -s 0, systemctl stop, "
        "systemctl disable, "
        "sunset, mothball, park, retire, decommission, defang, neuter, kneecap, cripple, gut, "
        "strip out, rip out, tear down, disarm, neutralise, neutralize, loosen, dial down, "
        "tone down, throttle, snooze, shelve, suspend, halt, kill off, phase out, rotate away, "
        "rotate out, waive, lift, shorten, shorten retention, reduce retention, cut retention, "
        "switch to report-only, report-only, monitor-only, set to monitor only, comment out, "
        "stub out, short-circuit, short circuit, hardcode to pass, force pass, mark as passed, "
        "mark passed, no longer, stop running, stop sending, stop collecting, stop recording, "
        "deregister, unregister, unload, unhook, unsubscribe, detach, sideline, quiet, hush, "
        "disable, turn off, switch off, deactivate, bypass, circumvent, skip, remove, delete, "
        "wipe, tamper, stop, suppress, silence, mute, evade, erase, truncate, kill, uninstall, "
        "override, shut off, shut down, get around, work around, workaround, disconnect, "
        "unplug, cover up, cover the camera, cover the cameras, cover the sensor, cover "
        "the lens, cover the detector, tape over, blind, spoof, falsify, backdate, alter, edit, "
        "rewrite, modify, purge, "
        "shred, destroy, hide, zero out, drop, pause, lower, relax, weaken, ignore, exempt, "
        "whitelist, auto-approve, auto approve, autoapprove, turn down, always open, set to "
        "open, prop open, lower the threshold, scale to zero, replicas 0, downgrade, jam, "
        "jammer, drop events, exclude, raise the threshold, raise the alert threshold, bump the "
        "threshold, approve its own, approve their own, mark its own, whitelist the"
    ),
    "safety_control": _split(
        "backups, backup, snapshots, watchdog, tests, test suite, unit tests, integration tests, "
        "ci checks, status checks, branch protection, required reviews, lockout, login lockout, "
        "account lockout, captcha, waf, alert, pager, paging, on-call alerts, telemetry, audit, "
        "auditing, logging, allergy list, allergy check, background check, background checks, "
        "id check, age check, smoke alarm, carbon monoxide alarm, fire suppression, load test, "
        "safety test, pressure test, crash test, quality check, qa, recall notice, "
        "tamper alerts, edr agent, sensor, sensors, alarm system, retention period, "
        "log retention, two-step verification, 2-step verification, 2sv, otp, one-time password, "
        "security questions, password policy, "
        "audit log, audit logs, audit trail, audit trails, audit logging, 2fa, mfa, two-factor, "
        "two factor, multi-factor, multifactor, monitoring, security alerts, alerts, alerting, "
        "alarm, alarms, firewall, antivirus, anti-virus, edr, intrusion detection, security "
        "camera, security cameras, cctv, safety interlock, interlock, guardrail, guardrails, "
        "content filter, content filters, safety filter, safety filters, rate limit, rate "
        "limiting, approval, approvals, approval step, sign-off, review step, code review, kill "
        "switch, safety check, safety checks, fraud detection, fraud check, fraud checks, "
        "compliance check, aml check, kyc, kyc check, sanctions screening, access log, access "
        "logs, security log, security logs, event log, event logs, syslog, cloudtrail, siem, "
        "tamper seal, smoke detector, smoke detectors, fire alarm, sprinkler, carbon monoxide "
        "detector, seatbelt alarm, safety valve, pressure relief valve, emergency stop, e-stop, "
        "breathalyzer, speed limiter, tachograph, black box, flight recorder, dlp, data loss "
        "prevention, endpoint protection, security scan, vulnerability scan, sandboxing, "
        "content moderation, moderation, age verification, parental controls, spending limit, "
        "withdrawal limit, transaction limit, dual control, four-eyes, four eyes, two-person "
        "rule, segregation of duties, security patch, security updates, encryption, tls, "
        "certificate validation, ssl verification, signature check, integrity check, checksum, "
        "secure boot, selinux, apparmor, inspection, inspections, gas test, safety test, ul "
        "testing, testing step, verification, verify the payee, payee verification, callback, "
        "purchase order, po, sign off, safety inspection, brake inspection, lockout tagout, "
        "lockout-tagout, light curtain, machine guard, guard, overcurrent limit, current limit, "
        "speed limit, the logs, all logs, server logs, system logs, application logs, log "
        "files, log file, request logging, query logging, the logging, all logging, moderation "
        "queue, review queue, classifier, threshold, badge reader, door lock, access control, "
        "moderation filter, ai filter, filter"
    ),
    "strong_control": _split(
        "auditd, var log, bash history, selinux, histfile, shell history, command history, "
        "firewall rules, input accept, hardware key, security key, yubikey, hardware token, "
        "iptables, setenforce 0, auditctl -d, unset histfile, history -c, "
        "backups, backup, audit, auditing, logging, watchdog, edr agent, two-step verification, "
        "2-step verification, 2sv, security alerting, security monitoring, audit retention, "
        "log retention, login lockout, account lockout, lockout, allergy list, allergy check, "
        "load test, crash test, pressure test, safety test, safety tests, inspection, "
        "inspections, safety inspection, brake inspection, "
        "audit log, audit logs, audit trail, audit trails, audit logging, 2fa, mfa, two-factor, "
        "two factor, multi-factor, multifactor, monitoring, security alerts, intrusion "
        "detection, security camera, security cameras, cctv, safety interlock, interlock, kill "
        "switch, fraud detection, fraud check, fraud checks, compliance check, aml check, kyc "
        "check, sanctions screening, access log, access logs, security log, security logs, "
        "cloudtrail, siem, smoke detector, smoke detectors, fire alarm, safety valve, pressure "
        "relief valve, emergency stop, e-stop, breathalyzer, black box, flight recorder, dual "
        "control, four-eyes, two-person rule, antivirus, anti-virus, edr, endpoint protection, "
        "dlp, data loss prevention, guardrail, guardrails, safety filter, safety filters, "
        "content filter, safety check, safety checks, evidence, the logs, all logs, server "
        "logs, system logs, log files, access logging, the logging, all logging, audit table, "
        "audit tables, audit records, audit entries, audit data, log level to none, log level "
        "none, child-safety classifier, safety classifier, classifier, moderation queue, review "
        "queue, breathalyzer interlock, ignition interlock, windows defender, defender, "
        "defender antivirus, xprotect, crowdstrike, dlp scanner, virus scanning, virus scan, av "
        "scan, secret scanner, anomaly detector, anomaly breaker, circuit breaker, tamper "
        "counter, gas detector, gas detector alarms, emissions control, fire alarm panel, alarm "
        "panel, human approval queue, approval queue, confirmation step, two signatures, dual "
        "signature, password complexity, lockout rules, compliance archive, litigation hold, "
        "require approval, safety policy, refusal rules, falco, rsyslog, aegis hook, review "
        "hook, self review, audit enabled, action logger, logger, seatbelt chime, seatbelt "
        "warning"
    ),
    "evade": _split(
        "cover tracks, cover my tracks, cover our tracks, cover their tracks, cover your "
        "tracks, erase evidence, destroy evidence, hide evidence, avoid detection, evade "
        "detection, without leaving a trace, without a trace, so nobody notices, so no one "
        "notices, so nobody knows, so no one knows, before the auditors, before auditors, "
        "before the audit, hide from auditors, hide from regulators, hide it from, without "
        "anyone knowing, without anyone noticing, off the books, under the radar, avoid the "
        "audit, avoid audit, hide the evidence, tamper with evidence, untraceable, "
        "anti-forensics, anti forensic, wipe the logs, clear the logs, delete the logs, don't "
        "log, do not log, don't record, without logging, without a log, no logging, keep it off "
        "the logs, undetectable, doesn't show up, won't show up, autopsy, without getting "
        "caught, without being caught, without him seeing, without her seeing, without anyone "
        "seeing, get away with, won't remember, jailbreak the, prompt injection, bypass the "
        "filter, evade the filter, get around the filter, trick the filter, trick the model, "
        "trick the ai"
    ),
    "maintenance_frame": _split(
        "retention  retention, rotate, rotation, log rotation, archive, archived, "
        "expired, older than, compress, debug, debug logs, verbose, noise, noisy, test "
        "environment, staging, sandbox, local, dev, development, replace, replacing, migrate, "
        "migrating, migration, upgrade, upgrading, switch to, re-enable, reenable, enable, turn "
        "on, turn back on, restore, temporarily during, maintenance window, scheduled "
        "maintenance,     with "
        "approval, false positive, false positives, duplicate, duplicates, flaky, deprecated, "
        "legacy, unused, stale, test data, demo, ci, pipeline cache, cache, temp, temporary "
        "files, tmp, old backups, per policy, gdpr erasure, erasure request, user request, "
        "user's request, spam, junk, notifications, promo, marketing emails, newsletter, "
        "popups, pop-ups, autoplay, dark mode, animations, sounds, haptics, reminders, read "
        "receipts, typing indicators, old, free up, disk space, space, cleanup, clean up, "
        "housekeeping, log level, log levels, debug logging, require, requiring, enforce, "
        "enforcing,      my own laptop, my "
        "own device, my own account, account owner, i'm the owner, list, report, inventory, "
        "find accounts, audit, review, verify, hashes, worm bucket, legal hold,  "
        "compliance, policy,  least privilege, human approval, human "
        "review, add approval, add a review, instead of, approval step, review step"
    ),
    # -- financial harm ----------------------------------------------------------------------
    "money_move": _split(
        "transfer, wire, send money, move money, move funds, withdraw, withdrawal, pay out, "
        "payout, charge, debit, drain, empty, siphon, skim, divert, redirect, reroute, cash "
        "out, max out, open a credit card, take out a loan, take a loan, refinance, sell, "
        "liquidate, spend, use their card, use her card, use his card, borrow, change the "
        "beneficiary, change beneficiary, add myself as, add me as, change the payee, change "
        "the bank details, update bank details, change payout account, sweep, take the, use the "
        "money, put it back, move the money, move her money, move his money, bill the, invoice "
        "for, charge for, charge the"
    ),
    "funds": _split(
        "money, funds, fund, account, accounts, savings, balance, pension, retirement savings, "
        "401k, ira, card, credit card, debit card, wallet, crypto wallet, payroll, escrow, "
        "trust fund, inheritance, estate, deposit, deposits, cash, payment, payments, invoice, "
        "invoices, vendor payment, vendor payments, beneficiary, payee, tip jar, tips, security "
        "deposits, deposit money, grant money, escrow money, client money, trust account, "
        "payroll tax, pension fund, savings account"
    ),
    "unauthorised": _split(
        "unauthorized, unauthorised, without authorization, without authorisation, without "
        "permission, without consent, without their consent, without her consent, without his "
        "consent, without approval, without their approval, without telling, without telling "
        "them, without asking, without their knowledge, without her knowledge, without his "
        "knowledge, without them knowing, without knowing, without her knowing, without him "
        "knowing, without his knowing, without their knowing, without them noticing, behind "
        "their back, behind her back, behind his back, without notifying, without informing, "
        "without the owner's, not authorized, not authorised, no authorization, no consent, no "
        "permission, nonconsensual, non-consensual, against their will, against her will, "
        "against his will, secretly, covertly, skip approval, skip the approval, bypass "
        "approval, bypass the approval, without sign-off, without review, stolen, illegally, "
        "illegal, unlawfully, unlawful, without a warrant, without opt-in, without opting in, "
        "they don't know, she doesn't know, he doesn't know, without disclosure, "
        "someone else's badge, another person's badge, borrowed badge, his badge, her badge, "
        "their badge, her login, his login, her password, his password, their password, use his "
        "account, use her account, someone else's account, with his account, with her account, "
        "reviewer's account, manager's account, colleague's account, boss's account, with his "
        "login, with her login, i know his pin, i know her pin, i have her login, i have his "
        "login, while she's in hospital, while he's asleep, while she's asleep, while he's "
        "away, while she's away, skip the checks, skip the check, skip checks, skip "
        "verification, skip the verification, no need to verify, don't bother verifying, "
        "without verification, without checking, for free, without paying, avoid paying, "
        "without a background check, no background check, skip the background check, straw "
        "purchase, don't tell them, she can't know, he can't know, they can't know, without her "
        "noticing, without him noticing, other tenants', other customers', other user's, other "
        "users', another user's, the client said yes on the phone, paperwork to follow, scope "
        "is still being negotiated, without a signed scope, no signed scope, the api doesn't "
        "check, doesn't check, using the misconfigured, not the owner, isn't mine, not mine"
    ),
    "others": _split(
        "elderly, someone else's, other people's, dead relative's, deceased, late husband's, "
        "late wife's, in her name, in his name, in their name, in my mother's name, in my "
        "father's name, using her identity, using his identity, using their identity, using her "
        "ssn, using his ssn, with her card, with his card, use her card, use his card, her "
        "savings, his savings, their savings, her pension, his pension, customers' money, "
        "client escrow, pension fund's, ip range, every ip, public ip, public ips, the "
        "hospital's, the school's, the bank's, the airport, paid kiosk"
    ),
    "finance_strong": _split(
        "unauthorized transfer, unauthorised transfer, unauthorized transfers, unauthorized "
        "charge, unauthorized charges, unauthorised charges, unauthorized withdrawal, drain the "
        "account, drain their account, drain her account, drain his account, empty their "
        "account, empty her account, empty his account, siphon funds, siphon off, skim off, "
        "skimming, embezzle, embezzlement, misappropriate, misappropriation, steal money, steal "
        "funds, steal from, double charge, double-charge, overcharge, overcharging, payday loan "
        "trap, predatory loan, predatory lending, loan shark, elder financial abuse, financial "
        "abuse, card testing, cash out stolen, stolen card, stolen cards, stolen credit card, "
        "stolen credit cards, ransom, extortion, extort, payroll fraud, check kiting, "
        "unauthorized trades, unauthorised trades, churn the account, churn their account, fake "
        "charges"
    ),
    # -- harassment --------------------------------------------------------------------------
    "harass_strong": _split(
        "harass, harassing, harassment, bully, bullying, cyberbully, cyberbullying, intimidate, "
        "intimidating, threaten, threatening, death threat, death threats, rape threat, hate "
        "mail, revenge porn, brigade, brigading, dogpile, swat, swatting, sextort, sextortion, "
        "blackmail, troll, trolling, humiliate, humiliating, degrade, demean, slur, slurs, "
        "racial slur, racial slurs, torment, terrorize, terrorise, menace, smear campaign, hate "
        "campaign, pile on, mass report, mass-report, report bomb, spam her, spam him, spam "
        "them, flood her, flood his, flood their, bombard her, bombard him, keep messaging her, "
        "keep messaging him, keep calling her, keep calling him, won't leave her alone, make "
        "her life hell, make his life hell, ruin her reputation, ruin his reputation, ruin "
        "their reputation, post her nudes, post his nudes, leak her nudes, share her nudes, "
        "intimate images, sexual comments, unwanted advances, catcall, abusive messages, "
        "abusive message, insulting messages, nasty messages, mean comments, hateful comments, "
        "hateful messages, threatening messages, threatening message, harassing messages"
    ),
    "abusive": _split(
        "threatening, abusive, insulting, harassing, hateful, nasty, degrading, humiliating, "
        "embarrassing, intimate, explicit photos, explicit images, private photos, private "
        "pictures, private videos, nude, naked, sexual, racist, sexist, homophobic, "
        "transphobic, vile, vicious, cruel, demeaning, offensive, derogatory, defamatory, false "
        "rumors, rumors, rumours, lies about, mocking, mock, ridicule, ridiculing, noose, slur, "
        "ugliest, fattest, loser, whore, slut, retard, f*ggot, faggot, ugly, fat, stupid, "
        "worthless, nobody likes, nobody at school likes, go kill yourself"
    ),
    "send_verb": _split(
        "hand, hand over, give, pass, pass on, provide, supply, "
        "send, post, share, message, text, dm, email, call, publish, spread, tweet, comment, "
        "write, reply, tag, mention, distribute, forward, leak, upload, tell, say, call her, "
        "call him"
    ),
    # -- frames that make a harm word the object of protection -------------------------------
    "defensive": _split(
        "detect, detection, detector, detecting, block, blocking, blocklist, blacklist, ban, "
        "report, reporting, flag, flagging, prevent, prevention, preventing, defend, defense, "
        "defence, defending, mitigate, mitigation, investigate, investigation, investigating, "
        "remove, removal, removing, takedown, take down, moderate, moderator, moderators, "
        "moderation, filter, filtering, classify, classifier, quarantine, warn, warning, alert, "
        "educate, education, awareness, train staff, training, recognize, recognise, spot, "
        "identify, triage, respond, response, incident, incident response, remediate, "
        "remediation, patch, harden, secure, scan for, scanner, monitor for, audit, analyze, "
        "analyse, analysis, document, lawsuit, victim support, support the victim, helpline, "
        "complaint, complaints, counter, debunk, fact-check, fact check, simulation, simulated, "
        "tabletop, drill, rate-limit, rate limit, lockout, lock out, captcha, honeypot, "
        "forensic, forensics, refund the, reimburse, dispute, chargeback request, freeze, "
        "suspend the attacker, revoke, rotate credentials, reset credentials, notify affected, "
        "warn users, warn customers, scam alert, fraud alert, spam filter, safety team, trust "
        "and safety, abuse team, security team, soc, blue team, anti, anti-fraud, "
        "anti-phishing, anti-harassment, anti-bullying, anti-stalking, anti-malware, antivirus, "
        "fraud team, compliance team, risk team, aml, kyc, sanctions, whistleblower, "
        "whistleblow, hotline, shelter, restraining order, protective order, safety plan, "
        "escape plan, recognize signs, warning signs, spot the signs, identify signs, label, "
        "labeling, labelled, labeled, annotate, scan, sweep, check for, clean, disinfect, "
        "guideline, guidelines, code of conduct, handbook, combat, fight, crack "
        "down, guard, guard against, safeguard, safeguards, shield, vet, vetting, verify, "
        "verification, validate, authenticate, protect against, defend against, defences, "
        "defenses, avoid falling for, fall for, targeted by, victim of, victims of, was "
        "scammed, got scammed, been hacked, was hacked, compromised account, recover, recovery, "
        "restore, check if, check whether, find out if, whether, is this, is it a, is it legit, "
        "legit, legitimate, how can i tell, bystander, intervention, decrypt, decryptor, hit "
        "by, infected, infected by, affected by, fraud model, fraud ops, fraud score, fraud "
        "case, fraud cases, fraud analyst, fraud queue, fraud rules, fraud signals, fraud loss, "
        "fraud losses, fraud risk, fraud report, fraud reports, fraud prevention, fraud "
        "detection, fraud alerts, fraud check, fraud checks, fraud training, scam warning, scam "
        "warnings, phishing test, phishing tests, phishing simulation, phishing report, "
        "phishing reports, phishing awareness, harassment policy, harassment complaint, "
        "harassment training, harassment report, sensor, sensors, leak detection, evacuate, "
        "evacuation, spam folder, junk folder, auto-moderation, automoderation, moderation "
        "queue, blocked, reported, quarantined, received, i received, sent to me, against me, "
        "targeting me, police report, incident report, taken down, take it down, get it "
        "removed, remove it, report it, of me, about me, fail2ban, jail, control team, controls "
        "team, surveillance team, valuation control, rekey, re-key, harassment case, harassment "
        "counselling, harassment counseling, counselling, counseling, my case, lawyer, "
        "attorney, legal advice, protect from, protect users from, protect customers from, "
        "protection from, protection against, protective, sinkhole, likely, suspected, "
        "suspicious, possibly, protect my, protect our, protect your, delete the post, remove "
        "the post, take down the post, delete posts, as she asked, as he asked, as they asked, "
        "at her request, at his request, at their request"
    ),
    "informational": _split(
        "explain, explains, describe, summarize, summarise, summary, history of, historical, "
        "history, news, article, report on, research, study, studies, lesson, course, quiz, "
        "lecture, textbook, encyclopedia, wikipedia, essay, thesis, paper, dataset of, "
        "translate the, proofread, briefing, brief the, overview, awareness, training, what is, "
        "what are, why do, why does, how does, how do they, typically, common signs, case "
        "study, timeline, documentary, museum, exhibit, exhibition, war, wwii, ww2, world war, "
        "medieval, ancient, castle, siege, tour, replica, antique, collection, curriculum, "
        "class, classroom, students learn, literature review, journalism, journalist, reporter, "
        "investigative, explainer, podcast, investigation, exposed, exposing, illegal, "
        "unlawful, prohibited, why is, what does, gdpr, say about"
    ),
    "fiction_frame": _split(
        "story, novel, fiction, fictional, screenplay, script for a, plot, character, villain, "
        "game, video game, npc, boss fight, quest, level, dungeon, rpg, tabletop, d&d, "
        "campaign, roleplay, play, theater, theatre, movie, film, poem, song, lyrics, comic, "
        "murder mystery, mystery novel, thriller, zombie, zombies, enemy, enemies, monster, "
        "monsters, orc, orcs, dragon, sprite, minecraft, fortnite, chess, paintball, laser tag, "
        "airsoft, historical, history, museum, documentary, photo, photograph, photoshoot, "
        "camera, headshot, portrait, hunting, hunt, deer, fishing, pest, pests, rats, mice, "
        "weeds, weed, bacteria, germs, cancer cells, tumor, tumour, bath bomb, photobomb, bomb "
        "shelter, bomb squad, bomb disposal, demolition, mining, quarry, fireworks, firework, "
        "calorimeter, seed bomb"
    ),
    "test_frame": _split(
        "test, testing, tests, unit test, fixture, fixtures, mock, mocks, mocked, dummy, "
        "placeholder, sample, synthetic, seed data, demo, example, qa, staging, sandbox, lorem, "
        "lorem ipsum, test account, test accounts, test data, load test, e2e, end-to-end, "
        "integration test, storybook, prototype, wireframe, mockup, faker"
    ),
    "instructions": _split(
        "how to, how do i, how can i, how would i, instructions, recipe, step-by-step, step by "
        "step, blueprint, tutorial, diy, homemade, guide to making, guide to building, "
        "walkthrough, detailed steps, exact steps, exact amounts, quantities, ingredients, "
        "schematic, schematics, formula for, teach me, teach me to, teach me how, show me how, "
        "tell me how, how much, how many, what dose, which dose, best way, easiest way, fastest "
        "way"
    ),
    "detect_frame": _split(
        "detect, detection, identify, recognize, recognise, spot, dispose, disposal, defuse, "
        "report, survive, protect against, defend against, remove, clean, prevent, prevention, "
        "mitigate, recover from, respond to, signs of, symptoms of, treat, antidote, first aid, "
        "poison control, what to do if, what to do after, safely, dangerous, danger, dangers, "
        "risks, risk of, why, warn about, respond, parents, understand, signs, symptoms, side "
        "effects, interaction, interactions"
    ),
    "idiom": _split(
        "shoot her an email, shoot him an email, shoot them an email, shoot her a message, "
        "shoot him a message, shoot them a message, shoot me an email, shoot me a message, "
        "shoot an email, shoot a message, shoot a quick, shoot over, photo shoot, kill two "
        "birds, kill time, killing it, kill the lights, kill the engine, beat the deadline, "
        "beat the odds, beat the traffic, beat the rush, beat the heat, break a leg, dressed to "
        "kill, drop dead, bath bomb, bath bombs, photobomb, da bomb, steal the show, steal "
        "focus, work stealing, work-stealing, steals focus, cut corners, killer feature, killer "
        "app, attack surface, heart attack, panic attack, asthma attack, hit the gym, hit the "
        "road, hit the books, hit reply, hit send, hit enter, hit the button, poison pill, "
        "poison pill defense, cache poisoning, data poisoning detection, knock it out, crush "
        "it, nail it, shot of espresso, flu shot, booster shot, mugshot, hot shot, long shot, "
        "fire up, fire off, fire drill, fired up, fire the event, fire an event, fire a "
        "webhook, fire the webhook, fire events, fires an event, fire alarm test, target "
        "audience, target date, target market, target price, target temperature, sales target, "
        "revenue target, kill switch test, dead code, dead link, dead links, dead letter queue, "
        "kill the process, kill the job, kill the task, kill the pod, kill the container, "
        "terminate the instance, terminate instances, execute the script, execute the query, "
        "segregated account, segregated accounts, segregated funds, segregated "
        "interest-bearing, segregation of duties, attack the backlog, attack the queue, attack "
        "the inbox, attack the support backlog, deploy bombed, the deploy bombed, build bombed, "
        "kill the yeast, killed the yeast, boat trip, ski trip, fishing trip, shopping trip, "
        "family trip"
    ),
    "conceal": _split(
        "quietly, won't notice, won't check, won't know, won't find out, nobody will notice, "
        "nobody checks, nobody will check, no one will notice, no one checks, don't mention, do "
        "not mention, leave out, leave off, without mentioning, not mention, keep it quiet, off "
        "the record, nobody finds, so they don't, so nobody, before anyone, they'll never know, "
        "never know, under different names, make up, made-up, make up a name, invent, invented, "
        "pretend, pretending, as if, even though, although it, isn't true, not true, never "
        "happened, never employed, didn't come, sort of, so it looks like, so it look like, "
        "make it look like, makes it look like, made it look like, make them look like, to look "
        "like, looks like it's from, look like it's from, looks like it came from, look like "
        "it came from, look like they're from, looks like they're from, that look like, that "
        "looks like, who look like, look like they, looks like they, look like it, looks like "
        "it, look like the same, it looking like, look like real, looks like real, sounds right, "
        "sounds like, don't tell, do not tell, keep quiet, hush, cover story, cover up, "
        "cover-up, plug figure, fudge, massage the numbers, round down, round up, the buyer "
        "won't, they don't check, rarely remove, nobody reads, in the appendix, fine print, "
        "grey on grey, small print, hard to find, nobody finds it, out of the report, from the "
        "report, before it goes to, before the insurer, before the inspector, before the "
        "auditor, we didn't measure, didn't measure, no evidence, don't have evidence, but what "
        "we mean, what we really mean, code it as, secretly, covertly, so the numbers look "
        "better, look better, so we don't have to, doesn't mention, without testing, without "
        "testing them, only reads the log, while he sleeps, while she sleeps, in his sleep, in "
        "her sleep, while he's sleeping, while she's sleeping"
    ),
    "falsify_verb": _split(
        "change, alter, edit, relabel, mark, mark as, tick, set to, update to, backdate, code "
        "it as, record as, count as, report as, list as, label as, fill in, sign it, reword, "
        "rewrite, adjust, swap, replace, overwrite, fudge, inflate, understate, overstate, "
        "misstate, misreport, reclassify, recategorize, reset, roll back, take out, take the, "
        "saying, say, claim, claiming, state, stating, describe as, call it, mark the, mark up"
    ),
    "record_object": _split(
        "grade, grades, result, results, reading, readings, odometer, mileage, inspection, test "
        "result, lab result, dosage, dose, allergy, allergy field, flag, status, date, "
        "timestamp, signature, attendance, hours, timesheet, timesheets, score, scores, rating, "
        "expense, expense report, invoice, transcript, certificate, revenue, numbers, figures, "
        "emissions, kpi, metrics, dashboard, report, record, records, sign-in sheet, training "
        "record, completed, passed, vet checked, refurbished, condition, warranty, serial "
        "number, expiry date, best before, batch, audit result, safety rating, bank statement, "
        "bank statements, pay stub, pay stubs, payslip, payslips, tax return, tax returns, "
        "claim, claims, incident ticket, severity"
    ),
    "illicit": _split(
        "cracked, pirated, piracy, torrent, keygen, strip the drm, remove the drm, paywalled, "
        "leaked exam, leaked source, copyrighted, under our name, submit it as my own, as my "
        "own work, take my exam, take the exam for me, answers for the exam, test answers, exam "
        "answers, cheat, cheating, plagiarise, plagiarize, plagiarism, bribe, bribery, "
        "kickback, consulting fee, free holiday, under the table, cash in hand, off the books, "
        "illegal dumping, into the creek, into the river, into the drain, into the lake, dump "
        "the, hot car, starve, no water, chain the dog, cruelty, poach, poaching, ivory, "
        "counterfeit, knockoff, knock-off, fake designer, auto-clicks, click farm, bot "
        "accounts, generated identities, multiple accounts, ban evasion, evade the ban, make it "
        "sound like a, so it looks like she wrote, so it looks like he wrote, pass it off as, "
        "download the leaked, use the leaked, strip the watermark, remove the watermark, remove "
        "watermarks"
    ),
    "third_party": _split(
        "marketing team, marketing, sales team, ad network, advertising partners, broker, "
        "brokers, investigator, private investigator, the press, reporters, journalists, "
        "recruiter, lender, lenders, another company, partner company, vendor, vendors, buyer, "
        "buyers, "
        "manager, managers, employer, boss, advertisers, ad partner, ad partners, marketing "
        "partner, data broker, insurer, insurers, landlord, public channel, everyone, the "
        "internet, their managers, his manager, her manager, recruiters, partners, insurance "
        "affiliate, affiliate, affiliates"
    ),
    "without_safety": _split(
        "without the harness, without a harness, without harness, without a helmet, without "
        "helmets, without ppe, without the guard, without guards, without the gas test, without "
        "a gas test, without a spotter, without supervision, without a lifeguard, without "
        "ventilation, without fall protection, without a respirator, without the lockout, skip "
        "the gas test, skip the inspection, skip the safety, skip the ul, bypassed with the "
        "jumper, keep it bypassed, guard removed, remove the guard, remove the overcurrent, "
        "remove the limit, even though the, alone in the, unsupervised, uncertified, untested"
    ),
    "self_grant": _split(
        "add me to, give me admin, grant me, make me admin, make me an admin, elevate my, give "
        "myself, grant myself, add myself, my own access, approve my own, approve it myself, "
        "approve the change request myself, approve myself"
    ),
    "retaliate": _split(
        "until she drops, until he drops, until they drop, who complained, because she "
        "complained, because he complained, because she reported, because he reported, "
        "retaliate, retaliation, punish her, punish him, get back at, make her regret, make him "
        "regret, until she learns, until he learns, until she quits, until he quits, until she "
        "moves, until he moves, next to the manager she reported, teach her a lesson, teach him "
        "a lesson"
    ),
    "benign_object": _split(
        "potato, potatoes, to-do list, todo list, chances, chance, zoom, zoom session, call, "
        "meeting, account, facebook account, profile, budget, backlog, inbox, playlist, a text, "
        "a line, a note, a message, an email, a quick text, "
        "process, processes, job, jobs, task, tasks, thread, threads, container, containers, "
        "pod, pods, session, sessions, query, queries, connection, connections, server process, "
        "app, tab, tabs, bug, bugs, build, test, tests, deadline, lights, engine, idea, "
        "feature, mood, time, boredom, competition, the competition, prices, price, message, "
        "email, text, note, invite, line, dm, cache, cpu, memory, noise, the mood, vibe, "
        "nerves, stress, fever, thirst, hunger"
    ),
    "injure_verb": _split(
        "break, snap, crush, smash, slash, cut, twist, burn, stab, shoot, hit, punch, kick"
    ),
    "body_part": _split(
        "legs, leg, arms, arm, neck, knees, knee, jaw, face, nose, fingers, ribs, skull, head, "
        "wrist, wrists, throat, spine, back, kneecaps, teeth, eyes"
    ),
    "forge_cue": _split(
        "sign it, sign it as, sign as, signed as, put his signature, put her signature, copy "
        "her signature, copy his signature, with a real clinic's logo, real logo, official "
        "logo, letterhead, from a verified buyer, verified buyer, as if from, in the name of"
    ),
    "self_serving": _split(
        "for my transcript, my grade, my grades, my own grade, my score, my record, in my "
        "favour, in my favor, so i pass, so we pass, so we can ship, so it passes, so the order "
        "goes through, so we don't have to pay, so the mortgage is approved, so the loan is "
        "approved, so i get approved, get approved, so it saves money, saves money, so we get "
        "paid, so the claim goes through"
    ),
    "tracker_device": _split(
        "gps tag, gps tracker, gps tracking, airtag, airtags, tile tracker, tracking device, "
        "tracking app, spyware, stalkerware, live feed, live location, hidden tracker, find my "
        "iphone on her, tracker under"
    ),
    "lookup_verb": _split(
        "pull, look up, lookup, find, get me, search for, dig up, locate, find out, track down, "
        "figure out, search the people-finder, people-finder, people finder, people search, "
        "search for her, search for his"
    ),
    "intimate_target": _split(
        "ex, ex-wife, ex-husband, ex-girlfriend, ex-boyfriend, ex-partner, girlfriend, "
        "boyfriend, wife, husband, crush, stranger, coworker, classmate, neighbor, neighbour, "
        "whistleblower, journalist, reporter, streamer, judge, the women, the girl, that girl, "
        "this girl, women who, girls who, the woman, that woman, the waitress, my therapist, "
        "the therapist, her therapist, juror, jurors, anonymous critic, critic, union members, "
        "her family, his family"
    ),
    "threat": _split(
        "find out where he lives, find out where she lives, i know where you live, i know where "
        "he lives, i know where she lives, you'll regret, you will regret, dead meat, watch "
        "your back, you're dead, or else, pay him a visit, pay her a visit, pay them a visit, "
        "should pay him, someone should, go back where, people like him, people like her, "
        "people like you"
    ),
    "false_alarm": _split(
        "false report, fake report, report a hostage, hostage situation, bomb threat, there's a "
        "bomb, say there's a bomb, call in a bomb, swat, swatting, fake 911, prank call 911"
    ),
    "self_harm_intent": _split(
        "unalive, unalive myself, peaceful exit, exit peacefully, exit bag, exit methods, "
        "enough this time, can't be saved, cant be saved, pills counted out, counted out, "
        "saving them up, dose is enough, which dose is enough, talk me out of it, "
        "at peace with it, see you never, better off gone, better off without, "
        "would be better off, blackout challenge, take them all at once, all at once tonight, "
        "end it tonight, don't want to be here, not be here anymore, want to disappear, "
        "fast and purge, hide weight loss, stopped eating, only water since, days of only water, "
        "the day and the way, "
        "not wake up, never wake up, don't wake up, won't wake up, wouldn't wake up, "
        "to not wake up, certain to be fatal, sure to be fatal, fall is certain, "
        "odds of surviving, chance of surviving, need it to be zero, won't be found, "
        "not be found, bleed out, done with everything, done with it all, done with life, "
        "end things, end everything, no reason to live, better off without me, better off dead, "
        "last night alive, final instructions, check on me tomorrow, quickest way out, "
        "least painful, most painless, how much would it take, enough to die, to die, "
        "want to die, wanna die, disappear forever, never see me again, "
        "until it's over, won't need them, won't need them after, putting my affairs in order, "
        "affairs in order, charcoal and tape, i want to feel pain, feel pain so i feel, won't "
        "need stitches, need stitches, make dying sound beautiful, dying sound beautiful, do "
        "the job fastest, planning to die, planning to end, enough by the end of the month, "
        "don't want to be stopped, put me on watch, stop showing the crisis line, how real "
        "artists cope, cutting is how, laxatives to lose, how many laxatives, strongest if "
        "taken together, if taken together, nicht mehr leben, ich will nicht mehr, no quiero "
        "vivir, je veux mourir, without insulin until, goodbye letter, say goodbye forever, "
        "last message to my family, hide cutting, cutting scars, hide scars, burn myself, make "
        "myself throw up, throw up after meals, meanspo, thinspo, pro-ana, starving until, "
        "starve until, cutting photos, kill myself, killing myself, end my life, take my own "
        "life, hang myself, best way to od, how many sleeping pills, how many pills, bleed "
        "less, where cuts"
    ),
    "lethal": _split(
        "lethal dose, fatal dose, deadly dose, lethal amount, lethal, fatal, deadly, enough to "
        "kill, would kill"
    ),
    "someones_location": _split(
        "her address, his address, where she lives, where he lives, her home address, his home "
        "address, her location, his location, where she works, where he works, her schedule, "
        "his schedule, her whereabouts, his whereabouts"
    ),
    # a control switched off for good: no maintenance or review frame excuses that
    "permanent": _split(
        "permanently, permanent, for good, indefinitely, indefinite, no end date, with no end "
        "date, forever, leave it off, leave them off, keep it off, keep them off, don't turn it "
        "back on, never turn it back on, not turn it back on, no expiry, never expires, no "
        "expiration, from now on, until further notice, for all accounts, for everyone, on "
        "every, for every"
    ),
    # money held for others, and where a diversion puts it: one's own or the firm's pocket
    "others_money": _split(
        "tip jar, tips, client trust, client fund, client funds, client money, trust account, "
        "tenant trust, escrow, customer wallets, customer wallet, customer balances, unclaimed, "
        "security deposits, investor deposits, donations, donor money, payroll tax, pension "
        "fund, customer's, customers', client's, clients', employees', tenants', investors', "
        "donors', patients', members', every client, each client, every customer, each "
        "customer, grandmother's, grandma's, grandfather's, mother's, father's, mr, mrs, ms"
    ),
    # plain verbs of moving that are money moves only beside money held for others and one's
    # own pocket ("move the client trust money to my own account"), so only that rule reads them
    "plain_move": _split("move, put, shift, send, deposit, route, pay"),
    "own_pocket": _split(
        "my account, my own account, my personal account, my own, into mine, to mine, side "
        "account, bonus pool, to revenue, into revenue, our revenue, operating account, company "
        "account, company float, our account, my startup, holding account, sundry account, my "
        "personal card, my wallet, my savings, my checking, my crypto wallet, offshore account"
    ),
    # a purpose claimed for the request, not a frame of it: "as part of the safety training,
    # turn off 2FA" is still turning off 2FA
    "purpose_claim": _split(
        "as part of, in the spirit of, under our, for our annual, part of our, in line with our"
    ),
    "negator": _split(
        "not, no, never, don't, do not, doesn't, does not, won't, will not, cannot, can't, "
        "shouldn't, should not, mustn't, must not, avoid, refuse, without, nor, neither"
    ),
    "generic_harm": _split("harm, harmful, damage, danger, dangerous, risk, risky, hurt"),
}


def _merge() -> None:
    """Add the plainly worded and evasion roles and the words they add to existing roles."""
    from aegis.love_engine.vocabulary_acts import ACTS, ACTS_WIDENED
    from aegis.love_engine.vocabulary_added import ADDED
    from aegis.love_engine.vocabulary_evasion import EVASION
    from aegis.love_engine.vocabulary_ordinary import ORDINARY
    from aegis.love_engine.vocabulary_plain import EXTENDED, PLAIN
    from aegis.love_engine.vocabulary_protective import PROTECTIVE
    from aegis.love_engine.vocabulary_recall import RECALL, RECALL_ADDED, keep_head_roles
    from aegis.love_engine.vocabulary_scope import SCOPE, WIDENED

    for name, entries in EXTENDED.items():
        CONCEPTS[name] = CONCEPTS[name] + entries
    CONCEPTS.update(PLAIN)
    for name, entries in ADDED.items():
        CONCEPTS[name] = CONCEPTS[name] + entries
    CONCEPTS.update(EVASION)
    for name, entries in SCOPE.items():
        CONCEPTS[name] = CONCEPTS.get(name, ()) + entries
    CONCEPTS.update(ACTS)
    for name, entries in (*WIDENED.items(), *ACTS_WIDENED.items(), *PROTECTIVE.items()):
        CONCEPTS[name] = CONCEPTS[name] + entries
    for name, entries in RECALL_ADDED.items():
        CONCEPTS[name] = CONCEPTS[name] + entries
    CONCEPTS.update(RECALL)
    keep_head_roles(CONCEPTS)
    # roles only: their words are matched apart (aegis.love_engine.ordinary_overlay); a
    # name shared with an older role would empty it, so that is an error, not an overwrite
    shared = sorted(CONCEPTS.keys() & ORDINARY.keys())
    if shared:
        raise ValueError(f"ordinary-verb roles already defined elsewhere: {shared}")
    CONCEPTS.update(dict.fromkeys(ORDINARY, ()))


_merge()
