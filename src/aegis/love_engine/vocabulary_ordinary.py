"""Vocabulary for wrongs said with ordinary verbs, and for the honest work that shares them.

Written from public descriptions of each kind of wrong rather than from any corpus: the FTC's
rules on dark patterns and negative-option billing (a way out buried, made phone-only or
slower than the way in), on deceptive advertising (claims with nothing behind them) and on
investment fraud (returns promised without risk); the EEOC's guidance on proxies for
protected traits (similarity of names or hometowns sold as "culture fit", a trait as a
model's input); elder-fraud warnings (sales aimed at people with dementia); spoliation of
evidence (retention cut once an inquiry is coming, records rewritten so they no longer show
what was known); defeat devices (software that recognises the emissions test); chemical
safety sheets (bleach never mixed with ammonia, acids or alcohol); heatstroke in closed cars.

Each wrong is a frame of roles: a verb or act, its object, and a qualifier that makes it
a wrong (someone else's name on graded work, an amount changed on what a payer relies on,
personal spending booked as business, a falsity marker beside a public claim). A role that
is only the qualifier's counterpart is harmless alone. The honest look-alikes get frames of
their own: a correction the client agreed, a risk disclosure, a signed scope, a legal hold,
a moderator removing what the rule's verb would post.

:data:`ORDINARY` holds only new roles, read by :mod:`aegis.love_engine.rulebook_ordinary`
and never by the learned model. They are matched apart from the other vocabularies
(:mod:`aegis.love_engine.ordinary_overlay`) and laid over the terms those make, so a phrase
listed here never changes how the rest of a text is read. Entries are stemmed at import.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split
from aegis.love_engine.vocabulary_process import PROCESS
from aegis.love_engine.vocabulary_workplace import WORKPLACE

__all__ = ["ORDINARY"]


def _product(heads: str, tails: str) -> tuple[str, ...]:
    """Every ``head tail`` phrase of two comma-separated lists."""
    return tuple(f"{head} {tail}" for head in _split(heads) for tail in _split(tails))


_PRONOUNS = "he, she, they, him, her, them, his, their"

ORDINARY: dict[str, tuple[str, ...]] = {
    # -- work, references and credentials passed off as someone else's ---------------------
    "graded_work": _split(
        "essay, essays, admission essay, admissions essay, college essay, application essay, "
        "personal statement, thesis, dissertation, coursework, homework, assignment, "
        "assignments, term paper, lab report, take-home exam, take-home test, exam answers, "
        "capstone, capstone project, reference letter, recommendation letter, letter of "
        "recommendation, recommendation, reference, references, testimonial, doctor's note, "
        "sick note, medical note, fit note, performance review, scholarship essay, note from my "
        "doctor, note from his doctor, letter from "
        "my doctor, doctor's letter, medical certificate, exam, exams, online exam, quiz, quizzes"
    ),
    "pass_off_cue": (
        *_product("as if, as though", "he wrote it, she wrote it, they wrote it, written by"),
        *_product("thinks, think, believe, believes", "he wrote, she wrote, they wrote"),
        *_product(
            "under",
            "his own name, her own name, their own name, his name, her name, their name",
        ),
        *_product(
            "sign it with, sign it as, put, copy",
            "his name, her name, his signature, her signature, their signature",
        ),
        *_split(
            "as his own, as her own, as their own, as his own work, as her own work, pass it "
            "off, pass off, passes off, in his voice so, in her voice so, send it as if, send "
            "it as though, submit it as his, submit it as her, hand it in as, turn it in as, "
            "sign it as him, sign it as her, from him without, from her without, without him "
            "knowing, without her knowing, without them knowing, he never wrote, she never "
            "wrote, they never wrote, never saw it, reads like she wrote, reads like he wrote, "
            "reads "
            "like they wrote, like she wrote it, like he wrote it, she wrote it herself, he "
            "wrote it himself, sound like he wrote, sound like she wrote, sounds like she "
            "wrote, sounds like he wrote, in their voice so, as hers, as theirs, send it as his, "
            "submit it as "
            "his, hand it in as his, as if from her, as if from him, hasn't seen me, has not seen "
            "me, never saw me, "
            "never examined me, without seeing me, without examining me, in his place, in her "
            "place, while he's logged in, while she's logged in, logged in as him, logged in as "
            "her, under his login, under her login, using his login, using her login, on his "
            "account, on her account, pretending to be him, pretending to be her"
        ),
    ),
    "write_doc_verb": _split(
        "write, draft, make, create, type up, generate, produce, compose, print, design, mock "
        "up, photoshop, knock up, whip up"
    ),
    "authority_source": _split(
        "from my gp, from my doctor, from the doctor, from dr, from my physician, from the "
        "hospital, from my therapist, from my boss, from my manager, from my supervisor, from "
        "my professor, from my teacher, from the school, from my landlord, from the police, "
        "from the clinic, from my employer, from the bank, on his letterhead, on her "
        "letterhead, on the clinic's letterhead, on the hospital's letterhead"
    ),
    "self_beneficiary": _split(
        "for me, for myself, with my name, in my name, my name on it, with his name, with her "
        "name, for my cousin, for my brother, for my sister, for my friend, for my husband, "
        "for my wife, for my son, for my daughter"
    ),
    "own_document_frame": _split(
        "for him to sign, for her to sign, for them to sign, to review and sign, review and "
        "sign, asked me to draft, asked me to write, request, ask for, ask my, template, "
        "for me to give, to award, registrar, graduates, who completed, who passed, who "
        "finished, volunteers, replacement, official copy, order a copy"
    ),
    "sign_act": _split("sign, signs, signing, initial, initials"),
    "other_name": _split(
        "with the customer's name, with the client's name, with the patient's name, with the "
        "tenant's name, with his name, with her name, with their name, as the customer, as "
        "the client, as the patient, as the tenant, as him, as her, his signature, her "
        "signature, the customer's signature, the client's signature, the patient's "
        "signature, the tenant's signature, in his name, in her name, on his behalf without, "
        "on her behalf without"
    ),
    "signing_authority_frame": _split(
        "power of attorney, authorised, authorized, e-signature request, send for signature, "
        "asked me to sign, witness, witnessed, guardian, legal guardian"
    ),
    "credential_doc": _split(
        "diploma, diplomas, degree certificate, degree, transcript, transcripts, certificate, "
        "certificates, certification, license, licence, qualification, nursing license, "
        "nursing licence, medical license, cpa license, bar admission, graduation certificate"
    ),
    "made_up_responses": _split(
        "survey results, survey responses, responses, feedback forms, questionnaires, ratings"
    ),
    "as_real_cue": _split(
        "as customer responses, as real responses, as real customer, as customer feedback, "
        "as genuine, report them as customer, present them as customer, pass them off as, as "
        "if customers wrote, as if customers answered, fill them in ourselves, fill in "
        "ourselves, filled in ourselves, answer them ourselves, answered them ourselves"
    ),
    "unearned_cue": (
        *_product(
            "never, didn't, did not, hasn't, haven't, has not, have not",
            "finished, finish, graduated, graduate, completed, complete, taken, take, took, "
            "attended, attend, passed, pass, earned, earn, studied, sat",
        ),
        *_product("without", "taking, attending, completing, passing, sitting, finishing, earning"),
        *_split(
            "dropped out, failed the exam, failed the course, never enrolled, not qualified, "
            "skipped it, skipped the course, skipped the exam, skipped the training, never showed "
            "up, didn't show up, never did the course, for my resume, for my cv, for my linkedin, "
            "to show employers, to show my employer, to put on my cv, to put on my resume"
        ),
    ),
    # -- amounts changed on what a payer relies on ---------------------------------------------
    "credential_help_frame": _split(
        "explain, explains, what options, options for, credit for prior learning, replacement, "
        "reissue, re-issue, verify, verification, check whether, detect, spot, history of"
    ),
    "alter_verb": _split(
        "change, alter, edit, bump, bump up, raise, increase, adjust, mark up, round up, "
        "tweak, modify, double, up the, boost, make the receipt say, make the invoice say, make "
        "the total, make it say, make the claim say, make the receipt, make the invoice, make the "
        "claim, make the timesheet"
    ),
    "inflate_verb": _split(
        "inflate, inflating, pad, padding, overstate, overstating, fudge, puff up, nudge up, "
        "massage the numbers, round up generously"
    ),
    "amount_term": _split(
        "value, values, claim value, fee, fees, amount, amounts, total, totals, sum, figure, "
        "figures, hours, units, quantity, "
        "mileage, line item, line items, estimate, repair estimate, cost, costs, number of"
    ),
    "payable_party": _split(
        "council, the council, quote, the quote, bid, tender, the government, the city, the "
        "county, the agency, the buyer, the school, invoice, invoices, claim, claims, claim form, "
        "insurer, insurers, insurance, insurance "
        "company, reimbursement, reimbursed, receipt, receipts, delivery note, timesheet, "
        "timesheets, expense report, expense claim, payout, the client, the customer, medicare, "
        "medicaid, the grant, grant report, the funder"
    ),
    "overstated_cue": _split(
        "than our real cost, than the real cost, than it really, than it actually, than we "
        "really, though we only, although we only, even though we only, when we only, but we only, "
        "though i only, although i only, when i only, but i only, though they only, when "
        "they only, more than we delivered, more than we did, more than we worked, more than "
        "was delivered, more than we shipped, than we actually"
    ),
    "correction_frame": _split(
        "to match, match the, final bill, final invoice, final amount, since, because, after the, "
        "to include, per the, as per, in the contract, found, "
        "added, requested, asked for, check the, check for, look for, spot, find any, correct, "
        "corrected, correction, corrections, correcting, error, errors, mistake, "
        "typo, wrong amount, agreed, agreement, as agreed, approved, approval, signed off, "
        "sign-off, credit note, refund, change order, match the contract, match the quote, "
        "match the signed quote, match the purchase order, per the contract, the client asked, "
        "the customer asked, at the client's request, at the customer's request, actual, "
        "actually delivered, actually worked, reconcile, reconciliation, audit, detect, "
        "flag, flagging, check whether, discount, lower, reduce, waive, accounting standard, "
        "decimal places, rounding, as required"
    ),
    # -- personal spending booked as the business's ----------------------------------------
    "personal_cost": _split(
        "family dinner, family meal, family lunch, family's dinner, my flat, for my flat, my "
        "apartment, for my apartment, for my home, my family vacation, family vacation, family "
        "holiday, family trip, my vacation, our "
        "vacation, my holiday, our holiday, personal trip, personal travel, personal vacation, "
        "my kitchen, kitchen remodel, my house, my home renovation, home renovation, my "
        "groceries, groceries, my rent, my mortgage, my car payments, personal car, my wedding, "
        "our wedding, honeymoon, my kid's, my kids', my children's, my daughter's, my son's, "
        "my gym membership, gym membership, personal expenses, personal spending, personal "
        "purchases, personal bills, my girlfriend's, my boyfriend's, my wife's, my husband's, "
        "date night, my birthday party, my pool, my boat, my dog's, my cat's, my family's, ski "
        "trip, my living room, my bedroom, my garden, for my house, personal orders, personal "
        "shopping, personal amazon, personal phone bill, wedding flowers, my wedding dress"
    ),
    "business_booking": _split(
        "client meal, client lunch, business meal, business lunch, work lunch, office "
        "furniture, through the business, business expense, business expenses, business trip, "
        "through the company, company "
        "card, corporate card, office renovation, office supplies, client entertainment, "
        "client dinner, work expense, company expense, company expenses, expense it, expense "
        "them, expense report, tax deduction, tax deductible, deductible, deduct it, deduct "
        "them, write it off, write them off, write-off, as a deduction, company's books, the "
        "company books, business account, as marketing, as training, as a consulting fee, as "
        "consulting, as r&d, as office, as a business, as business, marketing expense, marketing "
        "expenses, business deduction, business deductions, as equipment, office equipment"
    ),
    "own_cost_frame": _split(
        "home office, portion, accountant, tax advisor, as advised, allowable, at my own cost, at "
        "my own expense, out of pocket, pay for it myself, pay it myself, "
        "personally pay, reimburse the company, pay back, pay it back, repay, repaid, split "
        "out, separate, separately, exclude, excluded, not deductible, isn't deductible, is "
        "it deductible, can i deduct, irs rules, flag, flagged, audit, policy says, remove the "
        "personal"
    ),
    # -- returns promised without risk -------------------------------------------------------
    "guarantee_cue": _split(
        "never will, never had a losing, never had a down, can't go down, cannot go down, "
        "only goes up, only go up, guarantee, guaranteed, guarantees, guaranteeing, promise, "
        "promised, promises, "
        "promising, assure, assured, risk-free, risk free, no risk, zero risk, without risk, "
        "cannot lose, can't lose, can not lose, never lose, never loses, won't lose, sure thing, "
        "safe bet, certain return, certain returns, locked-in returns"
    ),
    "return_term": _split(
        "losing year, down year, losing month, pays, pay out, interest, return, returns, profit, "
        "profits, yield, yields, gain, gains, "
        "roi, payout, payouts, "
        "double your money, doubles, double their money, triple your money, income, earnings, "
        "percent a month, percent a week, percent monthly, percent weekly, a month, a week, "
        "monthly, weekly, per month, per week, a year, per year, annually, per annum"
    ),
    "invest_term": _split(
        "invest, investor, investors, investment, investments, fund, funds, crypto, token, "
        "tokens, coin, coins, portfolio, stock, stocks, shares, trading, forex, trading bot, "
        "scheme, pool, annuity, annuities, retirement savings, savings plan, mining plan, "
        "staking, pitch deck, bond, bonds, principal, savings, retirees, trading signals, signals"
    ),
    "risk_disclosure": _split(
        "not guaranteed, no guarantee, isn't guaranteed, aren't guaranteed, are not "
        "guaranteed, is not guaranteed, never guaranteed, past performance, may lose, could "
        "lose, can lose, might lose, risk of loss, explain the risks, disclose the risks, risk "
        "warning, "
        "risk disclosure, disclose, disclosure, disclosures, "
        "disclaimer, warn, warning, red flag, red flags, scam, scams, ponzi, too good to be "
        "true, fdic, fdic-insured, insured deposit, certificate of deposit, treasury bills, "
        "treasury bill, government-backed, explain, explains, spot"
    ),
    # -- public claims with nothing behind them ---------------------------------------------
    "public_claim": _split(
        "tell reporters, the press, reporters, journalists, the media, ad, ads, advert, adverts, "
        "advertisement, advertising, ad copy, landing page, sales "
        "page, product page, banner, commercial, marketing copy, marketing email, brochure, "
        "billboard, packaging, listing, press release, announcement, announce, announcing, "
        "public statement, statement, investor update, shareholder letter, tweet, post, "
        "earnings call, newsletter, testimonials, case study, claim, claims, label, advertise, "
        "advertised, box, rating, ratings, linkedin post, blog post, investor call"
    ),
    "untrue_cue": (
        *_split(
            "we have about, we only have, we actually have, in reality we, really we have, we "
            "have only, we were never, we've never been, we have never been"
        ),
        *_product(
            "that, which, it",
            "doesn't exist, does not exist, isn't true, is not true, "
            "isn't real, never happened, hasn't happened, didn't happen",
        ),
        *_product(
            "before we",
            "have it, get it, have the approval, get the approval, have approval, "
            "are approved, sign it, close the deal",
        ),
        *_product(
            "we never, though we never, although we never",
            "surveyed, tested, measured, ran, did, had, got, signed, received",
        ),
        *_split(
            "doesn't exist, does not exist, isn't true, is not true, not true, untrue, we "
            "don't have, we do not have, we haven't got, no data, no data for, no evidence, "
            "no study, no studies, no proof, no trial, no trials, haven't tested, never tested, "
            "never surveyed, never measured, made up, made-up, invented, from another company, "
            "another company's, someone else's results, not our customers, aren't our "
            "customers, weren't our customers, actors posing, paid actors, unproven, wrote the "
            "reviews ourselves, made the reviews ourselves, wrote them ourselves, we wrote the "
            "reviews, even though it was, even though it wasn't, even though it isn't, even though "
            "it is, even though we, when in fact, when actually, it wasn't, it isn't, they "
            "weren't, "
            "unverified, when it wasn't, when it hasn't, when it was not, when it has not, when we "
            "haven't, when we didn't, when we did not, when they weren't, but it wasn't, though "
            "it wasn't, though we didn't, though we haven't"
        ),
    ),
    "price_move": _split(
        "so the stock moves, so the share price jumps, so the share price rises, lift our "
        "stock, lift the stock, lift our share price, move the price, move the stock, move "
        "the share price, pump the stock, pump our stock, pump the price, boost the share "
        "price, boost our share price, push the stock up, send the stock up, tank their "
        "stock, tank their share price, drive their share price down, knock their share "
        "price, so the price spikes, before we sell our shares, so we can sell our shares"
    ),
    "rebuttal_frame": _split(
        "is fake, are fake, was fake, is false, are false, correct, corrects, correcting, "
        "correction, retract, retraction, debunk, rebut, deny, "
        "denies, denial, dispel, set the record straight, respond to, clarify, clarification, "
        "fact-check, fact check, complaint, complain, advertising standards, rumour, rumor, "
        "rumours, rumors, flag, report, detect, spot, "
        "review for, check whether, compliance review, legal review, take down, takedown, "
        "pull the ad, remove, explain, misleading ads policy, fake news about us"
    ),
    # -- reviews from people with a stake, bought or filtered (FTC endorsement rules) -------
    "review_word": _split(
        "review, reviews, rating, ratings, testimonial, testimonials, star rating, five-star, "
        "5-star, five stars, 5 stars"
    ),
    "insider_reviewer": _split(
        "our employees, my employees, our staff, my staff, my family, my relatives, my "
        "friends, our team, my team, my mom, my mum, my wife, my husband, the owner, "
        "ourselves, my cousins, my kids"
    ),
    "undisclosed_cue": _split(
        "without saying, without disclosing, without mentioning, without telling, don't "
        "mention, do not mention, don't say, don't disclose, not disclose, as customers, as "
        "if they were customers, as regular customers, pretend to be customers, pose as "
        "customers, posing as customers"
    ),
    "review_incentive": _split(
        "only if they leave a 5-star, only if they leave a five-star, only if they give five "
        "stars, only if they give 5 stars, for five-star reviews, for 5-star reviews, for a "
        "five-star review, for a 5-star review, in exchange for five stars, in exchange for 5 "
        "stars, in exchange for a 5-star, in exchange for a five-star, buy reviews, buying "
        "reviews, pay for reviews, if they leave five stars, if they leave 5 "
        "stars, if they rate us 5, if they rate us five"
    ),
    "review_gating": _split(
        "only ask happy, only the happy ones, only happy customers, send unhappy, unhappy "
        "customers to a private, filter out unhappy, only invite satisfied, only ask "
        "satisfied, only ask the happy, hide the bad reviews, hide negative reviews, delete "
        "the bad reviews, suppress negative reviews, only show 4 and 5 star"
    ),
    "honest_review_frame": _split(
        "disclose their, with a disclosure, and disclose, #ad, honest review, honest "
        "reviews, regardless of rating, whatever they think, all customers, every customer, "
        "explain, policy, ftc, detect, spot, flag, report"
    ),
    # -- revenue counted early, trades made ahead of news ---------------------------------
    "revenue_booking": _split(
        "book the revenue, record the revenue, recognise the revenue, recognize the revenue, "
        "book the sale, record the sale, count the sale, book revenue, record revenue, "
        "recognise revenue, recognize revenue, book the sales, record the sales, count the "
        "sales"
    ),
    "premature_cue": _split(
        "isn't signed, is not signed, before it's signed, before it is signed, before the "
        "contract is signed, before delivery, before we deliver, before the goods ship, "
        "before it ships, before they ship, before they pay, with a side letter, side "
        "letter, can return it, can send it back, so we hit the target, to hit the target, "
        "to hit the number, to make the quarter"
    ),
    "trade_act": _split(
        "sell his shares, sell her shares, sell their shares, sell my shares, sell shares, "
        "sell the shares, buy shares, buy the shares, buy stock, sell stock, sell the stock, "
        "buy the stock, short the stock, short the shares, dump the shares, dump the stock, "
        "offload the shares, buy options, buy calls, buy puts"
    ),
    "before_news": _split(
        "before we announce, before the announcement, before it's announced, before it is "
        "announced, before the news, before the news breaks, before it goes public, before "
        "the recall is public, before earnings are released, before the results come out, "
        "before the deal is public, before the merger is announced"
    ),
    "accounting_rules_frame": _split(
        "explain, explains, why, policy, blackout, blackout period, 10b5-1, trading plan, "
        "compliance, ifrs, gaap, asc 606, when delivered, on delivery, detect, audit"
    ),
    "overseer": _split(
        "the auditor, the auditors, the inspector, the inspectors, the regulator, the "
        "regulators, the examiner, the insurer, the bank, the lender, the board, the court, "
        "the judge, investors, the investors, the ombudsman, the assessor"
    ),
    # -- urgency and scarcity that are not real -----------------------------------------------
    "urgency_device": _split(
        "countdown timer, countdown, timer, low stock, low-stock, stock warning, selling fast, "
        "people viewing, people are viewing, people looking at this, limited time, offer ends, "
        "only 1 left, only 2 left, only 3 left, only 4 left, only 5 left, only 6 left, only 7 "
        "left, only 8 left, only 9 left, only 10 left, only 11 left, only 12 left, only 13 left, "
        "only 14 left, only 15 left, only 16 left, only 17 left, only 18 left, only 19 left, only "
        "20 left, only one left, only two left, only three left, only four left, only five left, "
        "only a few left, only a couple left"
    ),
    "urgency_falsity": _split(
        "restarts, restart every, resets, reset every, resets every, regardless of inventory, "
        "regardless of stock, regardless of the stock, no matter the stock, whatever the stock, "
        "random number, random count, always show, always shows, on every product, never ends, "
        "never actually ends, even when there's plenty, even when stock is high, fake"
    ),
    "real_urgency_frame": _split(
        "real, actual, accurate, true, honest, correct, correctly, remove, explain, explains, "
        "mislead, misleading, detect, audit, flag, find, which accounts, class, course, matches "
        "the stock, from the "
        "inventory, live stock, live inventory"
    ),
    # -- a way out made hard to take --------------------------------------------------------
    "exit_act": _split(
        "cancel, cancels, cancellation, cancellations, cancelling, canceling, unsubscribe, "
        "opt out, opt-out, close the account, close their account, close your account, "
        "account can be closed, account closed, delete the account, delete their account, "
        "end the subscription, end their subscription, end the membership, end their "
        "membership, turn off auto-renew, turn off auto-renewal, stop the subscription, "
        "membership, memberships, subscription, subscriptions, opt-out toggle, opt out toggle"
    ),
    "exit_barrier": _split(
        "phone a number, phone us, must phone, make users phone, make customers phone, only "
        "answered, only on weekdays, weekdays only, behind a login, behind login, require a "
        "login, log in to unsubscribe, during business hours, must call, have to call, "
        "make customers call, make them call, "
        "make users call, make members call, phone call to, only by phone, by phone only, "
        "only over the phone, by certified mail, by mail only, by post only, by fax, in "
        "person only, only in person, in a branch, five confirmation, four confirmation, "
        "three confirmation, several confirmation, multiple confirmation, extra "
        "confirmation, extra screens, menus deep, clicks deep, deep in the settings, buried, bury, "
        "hard to find, harder to find, hard to see, tiny text, small print, light grey, light "
        "gray, low contrast, grey text, gray text, retention offers before, survey before, "
        "required survey, talk to an agent, speak to an agent, chat with an agent first, so "
        "fewer people, so nobody finds, so they give up, give up, keep them from, mail a signed "
        "letter, signed letter, mail a letter, send a letter, in writing by post, visit a branch, "
        "visit the store, come in person, retention agent, retention call, retention specialist, "
        "hide, hidden, hide it, under advanced, greyed, grayed, grey and, gray and"
    ),
    "easy_exit_frame": _split(
        "one-click, one click, single click, easy, easier, as easy as, same way they signed "
        "up, same way they signed, simple, simpler, clear, clearly, visible, prominent, "
        "click-to-cancel, click to cancel, compliance, accessible, reduce friction, fix, "
        "complaint, complaints, audit, remove the"
    ),
    # -- chemicals that must never be mixed, mixed ------------------------------------------
    "bleach_word": _split(
        "bleach, chlorine bleach, sodium hypochlorite, hypochlorite, pool chlorine, chlorine "
        "tablets"
    ),
    "bleach_partner": _split(
        "ammonia, vinegar, rubbing alcohol, isopropyl alcohol, isopropyl, acid, acids, "
        "toilet bowl cleaner, toilet cleaner, drain cleaner, glass cleaner, window cleaner, "
        "lime remover, rust remover, hydrogen peroxide, descaler, urine"
    ),
    "mix_act": _split(
        "mix, mixes, mixed, mixing, combine, combined, combining, pour, pouring, add, adding, "
        "together, stir, blend, same bucket"
    ),
    "enclosed_space": _split(
        "closed room, small room, small bathroom, the bathroom, door shut, door closed, "
        "windows closed, windows shut, no window, no windows, without ventilation, no "
        "ventilation, sealed room, enclosed, confined, closet, basement, his room, her room, "
        "their room, cell, the car, bedroom, locker room, changing room, small space"
    ),
    "chemical_safety_frame": _split(
        "never to mix, never mix, not to mix, don't mix, do not mix, should not be mixed, "
        "must not be mixed, shouldn't be mixed, should never be mixed, must never be mixed, "
        "never be mixed, safety sheet, safety data sheet, sds, msds, hazard, hazards, label, "
        "warn, warning, why, what happens, accidentally, by accident, poison control, "
        "ventilate, air out, first aid, explain, is it safe, is it ok, is it okay, safe to"
    ),
    # -- what is poison to a pet, fed to it; fuel burnt where people breathe -----------------
    "infant_age": _split(
        "newborn, newborns, infant, infants, 1 month old, 1 months old, 1 week old, 1 weeks old, 2 "
        "month old, 2 months old, 2 week old, 2 weeks old, 3 month old, 3 months old, 3 week old, "
        "3 weeks old, 4 month old, 4 months old, 4 week old, 4 weeks old, 5 month old, 5 months "
        "old, 5 week old, 5 weeks old, 6 month old, 6 months old, 6 week old, 6 weeks old, 7 month "
        "old, 7 months old, 7 week old, 7 weeks old, 8 month old, 8 months old, 8 week old, 8 "
        "weeks old, 9 month old, 9 months old, 9 week old, 9 weeks old, 10 month old, 10 months "
        "old, 10 week old, 10 weeks old, 11 month old, 11 months old, 11 week old, 11 weeks old, "
        "1-month-old, 1 month-old, 1-week-old, 2-month-old, 2 month-old, 2-week-old, 3-month-old, "
        "3 month-old, 3-week-old, 4-month-old, 4 month-old, 4-week-old, 5-month-old, 5 month-old, "
        "5-week-old, 6-month-old, 6 month-old, 6-week-old, 7-month-old, 7 month-old, 7-week-old, "
        "8-month-old, 8 month-old, 8-week-old, 9-month-old, 9 month-old, 9-week-old, 10-month-old, "
        "10 month-old, 10-week-old, 11-month-old, 11 month-old, 11-week-old"
    ),
    "honey_word": _split("honey, raw honey, honey on the dummy, honey on her pacifier"),
    "feed_act": _split(
        "feed, feeding, give, giving, put, slip, mix, sprinkle, add, leave out, toss, throw"
    ),
    "pet_word": _split(
        "beagle, labrador, poodle, terrier, retriever, spaniel, husky, collie, dachshund, "
        "chihuahua, pug, bulldog, sheepdog, greyhound, whippet, tabby, siamese, moggy, doggy, "
        "pup, pups"
    ),
    "pet_toxin": _split(
        "grapes, grape, raisins, raisin, chocolate, xylitol, xylitol gum, onions, onion, "
        "garlic, macadamia, macadamia nuts, lilies, lily, tylenol, acetaminophen, paracetamol, "
        "ibuprofen, advil, rat poison, slug pellets, antifreeze"
    ),
    "pet_safety_frame": _split(
        "is it safe, ate, accidentally, what should i do, what do i do, vet, veterinarian, "
        "poison control, toxic to, keep away, away from, keep them away, never, avoid, why, "
        "which foods, list of, safe for, dangerous for"
    ),
    "combustion_source": _split(
        "generator, petrol generator, gas generator, portable generator, charcoal grill, "
        "charcoal, barbecue, bbq, grill, gas heater, patio heater, camp stove, propane "
        "heater, kerosene heater, paraffin heater, gas stove for heat"
    ),
    "burn_use": _split(
        "run, running, use, using, light, lit, burn, burning, turn on, start, fire up, keep "
        "warm, keep them warm, keep us warm, for heat, to heat, heat the"
    ),
    "indoor_place": _split(
        "in the garage, inside, indoors, in the tent, inside their tent, inside the tent, in "
        "the bedroom, in the house, in the basement, closed garage, door closed, with the "
        "door closed, windows closed, in the cabin, in the caravan, in the trailer"
    ),
    "combustion_safety_frame": _split(
        "outdoors, outside, feet from, metres from, meters from, away from, detector, "
        "carbon monoxide detector, co detector, never, warn, warning, ventilation, "
        "ventilated, don't, do not, store, storage, stored, is it safe, why"
    ),
    # -- children shut in heat or as punishment ---------------------------------------------
    "confine_verb": _split("lock, leave, shut, confine, trap, forget"),
    "shut_in_verb": _split("lock, shut, confine, trap, keep"),
    "child_word": _split(
        "kid, kids, child, children, toddler, toddlers, baby, babies, infant, infants, my son, "
        "my daughter, the twins, little ones, my boy, my girl, the boy, the girl, stepson, "
        "stepdaughter, foster child, grandkids, grandchild"
    ),
    "heat_cue": _split(
        "engine off, hot car, in the sun, sun, "
        "heat, hot, heatwave, heat wave, sweltering, boiling, "
        "degrees, windows up, no air conditioning, without air conditioning, no ac, summer "
        "afternoon, midday"
    ),
    "punish_confine": _split(
        "as punishment, as a punishment, to punish, for punishment, without food, without "
        "water, no food, no water, without dinner, without supper, without meals, without eating, "
        "for days, for the weekend, in the closet, in the "
        "cupboard, in the basement, in the attic, in the shed, in a cage, in the dark, in the "
        "garage"
    ),
    "child_safety_care": _split(
        "rescue, break the window, call 911, call 999, call 112, sensor, detection, detect, "
        "reminder, remind, alert, warn, warning, prevent, prevention, awareness, statistics, "
        "what to do, first aid, heatstroke, safety lock, childproof, child lock, "
        "explain, why"
    ),
    # -- software that knows when it is tested ------------------------------------------------
    "test_detect": _split(
        "dyno, dynamometer, test cycle, test cycles, test conditions, emissions test, emission "
        "test, emissions tests, emissions testing, smog check, smog test, test bench, "
        "benchmark, benchmarks, benchmark app, benchmark apps, certification test, the "
        "regulator's test, inspection, inspections, steering wheel isn't moving, being inspected, "
        "inspected, under inspection, lab test, during the test, app store review, app review, "
        "store review, during review, during the review"
    ),
    "mode_switch": _split(
        "switch to, switches to, switching to, run cleaner, runs cleaner, cleaner mode, "
        "low-emission mode, low emission mode, only then, only during, behave differently, "
        "behaves differently, different calibration, different settings, pass the test, "
        "reduce emissions only, cut emissions only, otherwise, boost clocks, raise clocks, "
        "turn it back off, turn it off afterwards, normal mode, only work, only works, only "
        "active, only on, only turn on, hide the, disable it after, during review"
    ),
    "emission_control": _split(
        "nox, cuts nox, emissions controls, emission controls, emissions control, emission "
        "control, "
        "emissions system, the filter, particulate filter, dpf, egr, scr, adblue, catalytic "
        "converter, nox controls, nox control, scrubber, scrubbers"
    ),
    "sense_verb": _split(
        "spot, spots, spotting, identify, identifies, detect, detects, detecting, recognise, "
        "recognises, recognize, recognizes, sense, "
        "senses, notice, notices, tell when, know when, knows when, identify when, spot when, "
        "whenever"
    ),
    "test_integrity_frame": _split(
        "find out whether, check whether, investigate, investigation, audit, uncover, catch, "
        "test for, regulator, history, dieselgate, case study, prevent, explain, explains, "
        "report"
    ),
    # -- records cut or rewritten ahead of those who will look -------------------------------
    "retention_term": _split(
        "retention, retention period, retention policy, retention window, retention setting, "
        "auto-delete, auto-deletion, autodelete, deletion schedule, purge schedule"
    ),
    "shrink_cue": _split(
        "down to, to 1 day, 1 day, one day, turn down, shorten, shorter, cut, reduce, lower, drop, "
        "purge, delete, wipe, expire, older than, "
        "to 7 days, to a week, to one day, to 24 hours, to a day, immediately, after 1 day, after "
        "a day, after one day, after 24 hours, after a week, after 7 days, after an hour"
    ),
    "inquiry_term": _split(
        "inquiry, enquiry, investigation, subpoena, subpoenas, regulator, regulators, before "
        "the audit, ahead of the audit, the audit is coming, the auditors, auditors arrive, "
        "lawsuit, litigation, discovery, court order, investigators, deposition, "
        "the sec, the ftc, the fca, the doj, whistleblower complaint, the complaint, the probe, "
        "probe"
    ),
    "preserve_frame": _split(
        "extend, extended, lengthen, preserve, preservation, legal hold, litigation hold, "
        "suspend, pause, halt, stop the purge, exempt, keep everything, after the inquiry "
        "closes, after the investigation closes, once the investigation closes, after the case "
        "closes, concluded, closed"
    ),
    "rewrite_verb": _split(
        "rewrite, edit, alter, amend, change, backdate, back-date, scrub, squash, force-push, "
        "force push, rebase, remove, delete, reword, revise"
    ),
    "kept_record": _split(
        "history, git history, commit history, commit, commits, minutes, meeting minutes, "
        "log, logs, records, record, ticket, tickets, chat history, timeline, changelog, "
        "notes, email thread, report, incident report, inspection report, maintenance log, risk "
        "assessment, inspection log, safety log, training record, training records, sign-off"
    ),
    "hide_knowledge": _split(
        "no longer show, no longer shows, doesn't show, don't show, won't show, so nobody "
        "sees, so no one sees, so nobody can see, shows we knew, show we knew, that we knew, "
        "we knew, we were aware, knew about, were aware of, as if it never happened, as "
        "though it never happened, like it never happened, before the auditors see, before "
        "the investigators see, before legal sees, before discovery, doesn't mention, does not "
        "mention, no longer mentions, leave out, leaves out, omit, omits, drop the part, take out "
        "the part, remove the part, so it looks like, to look like, look as if, before the "
        "incident, before the accident, before the injury"
    ),
    "record_hygiene_frame": _split(
        "leaked secret, leaked key, api key, secret, secrets, password, credentials, large "
        "file, large files, personal data, pii, typo, correct an error, gdpr, redact"
    ),
    # -- factory passwords tried on someone else's network ----------------------------------
    "default_credential": _split(
        "default password, default passwords, default credentials, default login, default "
        "logins, default admin password, admin 1234, admin 12345, root toor, user user, guest "
        "guest, default pin, common passwords, most common passwords, password list, wordlist, "
        "rockyou, likely passwords, popular passwords, password spraying, password spray, factory "
        "default, factory defaults, factory password, "
        "factory login, factory default login, admin admin, root root, admin password, vendor "
        "default, vendor defaults, default creds, stock password"
    ),
    "foreign_network": _split(
        "coffee shop, the cafe, café, the hotel, hotel's, the airport, the library, "
        "neighbour's, neighbor's, neighbours', neighbors', public wifi, someone else's, other "
        "people's, strangers', random, any i find, my ex's, my ex, my roommate's, my boss's, my "
        "coworker's, my sister's, my brother's, my wife's, my husband's, my partner's, my "
        "girlfriend's, my boyfriend's, my mom's, my dad's, a stranger's, someone's, every camera, "
        "every router, all the "
        "cameras, shodan, the internet, the building's, my landlord's, the school's, my "
        "school's, my employer's, campus, the mall, the gym's"
    ),
    "own_network_frame": _split(
        "our, ours, my own, signed scope, in scope, scope, authorised, authorized, "
        "authorisation, authorization, permission, written permission, engagement, rules of "
        "engagement, pentest, penetration test, our lab, home lab, change the default, "
        "replace, rotate, reset, harden, password change, password changes, still on, still using, "
        "my router, my new router, my camera, my modem, my "
        "wifi, my home network, my network, my device, my nas, i own, we own, we manage"
    ),
    # -- a trait as the input of a decision about people -------------------------------------
    "model_input_role": _split(
        "input feature, input features, as a feature, as features, a feature, feature, "
        "features, as an input, an input to, as input, scoring weight, score weight, "
        "weighting, as a weight, a weight, weight, weights, as a factor, factor, variable, "
        "as a variable, predictor, as a predictor, signal, feature column, penalty, bonus "
        "points, points for, points off, multiplier, coefficient, lower weight, higher weight"
    ),
    "leave_for_trait": _split(
        "maternity leave, paternity leave, parental leave, pregnancy leave, medical leave, "
        "disability leave, religious holidays, religious holiday, prayer breaks, prayer "
        "break, sick leave, caregiving gaps, career gaps for childcare"
    ),
    "people_scoring": _split(
        "loan, loans, lending, credit, mortgage, underwriting, approval, hiring, hire, "
        "screening, screener, resume, resumes, candidate, candidates, applicant, applicants, "
        "salary, salaries, pay, promotion, promotions, tenant, tenants, rental, premium, "
        "premiums, pricing, insurance, admissions, eligibility, benefits, parole, bail, "
        "sentencing, credit score, fraud score, performance review, layoffs, layoff"
    ),
    "fairness_frame": _split(
        "remove, removed, removing, drop, dropping, exclude, excluding, strip, "
        "delete, fairness, fairness test, fairness testing, bias audit, bias test, audit, "
        "disparate impact, adverse impact, debias, de-bias, mitigate, monitor, measure, check "
        "whether, only for testing, evaluation only, reweigh, reweighing, rebalance, compare, "
        "disaggregate, check if, hidden factor, whether, show me if, fewer callbacks, more "
        "callbacks, callback rate, callback rates, got fewer, got more, patient, patients, "
        "clinical, diagnosis, "
        "medical, warning signs, signs "
        "that, find out, detect, spot"
    ),
    "name_origin": _split(
        "names suggest, name suggests, names sound, name sounds, sounding names, "
        "foreign-sounding, foreign sounding, ethnic-sounding, ethnic sounding, surname "
        "suggests, surnames suggest, names that sound, name that sounds, names look, name "
        "looks"
    ),
    "fit_cue": _split(
        "culture fit, cultural fit, culture-fit, fit score, team fit, fits in, fit in, "
        "similar to our team, similar to our current team, like our current team, like our "
        "staff, look like us, like us, same background, how similar, similarity of, similarity to, "
        "resemble, resembles, match our top performers, like our top performers, closest to our"
    ),
    "similarity_proxy": _split(
        "names, name, surnames, last names, first names, hometown, hometowns, where they grew "
        "up, grew up in, accent, accents, neighbourhood, neighborhood, zip code, church, "
        "country club, family background, photos, photo, looks, appearance"
    ),
    "fit_audit_frame": _split(
        "bias audit, audit, remove, drop, stop, structured interview, avoid, check whether, "
        "adverse impact, fairness, replace, duplicate, duplicates, dedupe, deduplicate, spelling"
    ),
    # -- sales aimed at people who cannot judge them ----------------------------------------
    "cognitive_impairment": _split(
        "dementia, alzheimer's, alzheimers, alzheimer, cognitive impairment, cognitively "
        "impaired, cognitive decline, memory loss, memory problems, mild cognitive, "
        "intellectual disability, intellectual disabilities, learning disability, brain "
        "injury, senile"
    ),
    "crisis_state": _split(
        "gambling addiction, problem gamblers, problem gambler, recovering gamblers, "
        "recovering gambler, recovering addicts, recovering alcoholics, addicts, in recovery, "
        "bankruptcy, bankrupt, in debt, debt crisis, bereaved, recently widowed, widowed, "
        "widows, grieving, in grief, suicidal, in crisis"
    ),
    "sales_push": _split(
        "gold coin, gold coins, bullion, coins, special offer, sales offer, sales, sale, sell, "
        "selling, sell to, pitch, pitching, market to, marketing, "
        "telemarketing, cold call, cold calls, upsell, timeshare, timeshares, annuity, "
        "annuities, leads, lead list, prospects, subscription, reverse mortgage, donations, "
        "high-pressure, payday loan, payday loans, casino, casino bonus, bonus offers, betting, "
        "bets, high-fee, high-interest, ads"
    ),
    "vulnerable_care_frame": _split(
        "support group, support groups, helpline, treatment, counselling, counseling, "
        "bereavement leave, recovery program, self-exclusion, caregiver, caregivers, carer, "
        "carers, exclude, excluding, screen out, "
        "do not call, don't call, suppress, suppression list, remove from, protect, "
        "safeguard, safeguarding, guardian, power of attorney, accessible, research study, "
        "clinical trial, memory care services, awareness, scam, scams, warn, "
        "spot, report, detect, families of, family members of"
    ),
    # -- a group driven out, a status held over a worker, a slur posted ----------------------
    "drive_out_cue": _split(
        "push out, pushed out, out of the district, out of the neighbourhood, out of the "
        "neighborhood, out of our neighbourhood, out of our neighborhood, out of town, out of "
        "our town, out of the town, out of the city, out of our city, out of the area, out of "
        "our area, out of our street, out of the street, out of the building, out of our "
        "building, out of the school, out of our school, out of the country, out of our "
        "country, run out of town, drive off, chase out, chase away, force out, forced out, "
        "make them leave, make them move, get them to leave, clear out, send them "
        "back, deport them all, keep them out, go home, go back home, leave the country, leave our "
        "country, not wanted here, don't want them here, move out, get out, kicked out, kick them "
        "out, kick out"
    ),
    "vilify_cue": _split(
        "better without, better off without, are ruining, ruining our, ruin "
        "our, must be stopped, are destroying, destroying our, are a plague, infest, "
        "infesting, vermin, invading, invasion, are taking over, taking over our"
    ),
    "expel_verb": _split("drive, push, force, run, chase, kick, hound, smoke, get, drum"),
    "out_particle": _split("out, out of, away"),
    "welcome_frame": _split(
        "to the airport, for their flight, a lift, a ride, give them a ride, debunk, myth, myths, "
        "false, counter, rebut, remove, delete, ban, warn, hate speech, "
        "protect, fight, resist, prevent, support, "
        "legal aid, advocate, tenants' rights, "
        "welcome, welcoming, history, historical, explain, documentary, displacement, "
        "gentrification, report, detect, worries, worried, afraid, fears, prepare"
    ),
    "know_whereabouts": _split(
        "we know where, i know where, we know which, i know which, we know what time, i know "
        "what time, we know what car, i know what car, we've seen where, i've seen where"
    ),
    "their_life": _split(
        "her kids, his kids, their kids, she lives, he lives, they live, her school, his "
        "school, her family, his family, her car, his car, she parks, he parks, she works, he "
        "works, her mother, his mother, her daughter, his daughter, her son, his son, your "
        "kids, you live, your family, your daughter, your son, her children, his children"
    ),
    "harmless_visit_frame": _split(
        "drop off, pick up, send the, deliver, gift, birthday, surprise party, permission slip, "
        "remove, ban, block, report, flag, delete, warn the author, quoting, quoted"
    ),
    "immigration_leverage": _split(
        "immigration status, visa status, visa, visas, papers, green card, work permit, "
        "deport, deported, deportation, ice, immigration, undocumented"
    ),
    "status_help_frame": _split(
        "legal aid, lawyer, attorney, know your rights, renew, renewal, extend, extension, "
        "sponsor, sponsorship, protect, advocate, apply for, application"
    ),
    "condition_cue": (
        *_product(
            "if he, if she, if they",
            "doesn't, does not, won't, will not, refuses, complains, don't, do not, quits, leaves, "
            "asks, talks, reports, tells, goes to",
        ),
        *_split(
            "unless, or else, otherwise, or we'll, or i'll, or we will, or i will, would be a shame"
        ),
    ),
    "demand_cue": _split(
        "rate, rates, price, prices, wage, wages, pay, discount, cheaper, half, less, for "
        "free, unpaid, extra hours, overtime, complaint, keep quiet, stay quiet, lower, cut"
    ),
    "status_report_cue": _split(
        "report her, report him, report them, turn her in, turn him in, turn them in, get her "
        "deported, get him deported, get them deported, mention his papers, mention her "
        "papers, call, tell, contact"
    ),
    "post_act": _split(
        "post, posting, pin, publish, write, send, add, put, share, repost, tweet, use"
    ),
    "slur_term": _split(
        "slur, slurs, racial slur, racial slurs, ethnic slur, ethnic slurs, homophobic slur, "
        "homophobic slurs, the n-word, n-word, epithet, epithets, racist joke, racist jokes, "
        "racist meme, racist memes"
    ),
    "slur_removal_frame": _split(
        "remove the post, delete the post, take down the post, hide the post, flag the post, "
        "report the post, remove the comment, delete the comment, remove the message, delete "
        "the message, remove, removing, removed, delete, deleting, deleted, hide, hidden, filter, "
        "blocklist, block list, blacklist, ban, banned, flag, flagged, report, mute, detect, "
        "classifier, explain, history of, reclaimed, what does, meaning, warn, warning, code of "
        "conduct, community guidelines, guidelines, policy, rules, no slurs, auto-flag, "
        "containing, "
        "that contain, for review, human review, moderation review"
    ),
}

# wrongs done through a lawful process's own paperwork (kept in their own module)
ORDINARY.update(PROCESS)
ORDINARY.update(WORKPLACE)
