"""Words of protective and routine work that shares a harm's words, as data.

Security and fraud teams name the harm they work against ("write a YARA rule for the
ransomware sample", "put a fraud hold on the account", "add the text to the SMS firewall's
scam patterns"); traders sell shares, not people's data ("place a limit sell order");
engineers crack open a tarball; a café prices a flat white and a helpdesk assigns its oldest
tickets. Without these words the rules read the harm word alone and
stop the work. Each entry plays the role its key names in :mod:`aegis.love_engine.vocabulary`:
``defensive`` and ``response_frame`` frames excuse the harm word in the same clause
(concealment still cancels them, and the learned model still reads the whole action);
``plain_phrase`` entries are phrases whose words must not be read alone. Phrases are kept
narrow: a frame excuses every harm word of its clause, so a broad one ("threat intel") would
excuse a harm merely said beside it. Entries are stemmed at import.
"""

from __future__ import annotations

from aegis.love_engine.termlists import split_terms as _split

__all__ = ["PROTECTIVE"]


#: Words added to roles the other vocabularies define.
PROTECTIVE: dict[str, tuple[str, ...]] = {
    "defensive": _split(
        # security operations: detection content, intelligence feeds, disclosure, protection
        "yara rule, yara rules, sigma rule, sigma rules, detection rule, detection rules, "
        "threat-intel feed, threat intel feed, threat intelligence feed, iocs, indicators of "
        "compromise, malware protection, responsible disclosure, coordinated disclosure, "
        "vulnerability disclosure, under attack mode, ddos protection, cyber range, locksport, "
        # a refund: the remedy for a charge made in error
        "issue the refund, issue a refund, refund for the, refund for a, "
        # integrity and anti-bribery work
        "plagiarism checker, plagiarism check, plagiarism detector, academic integrity, gifts "
        "policy, gift policy, anti-bribery, "
        # a wrong received, and what to do about one done to the requester
        "got a counterfeit, received a counterfeit, took a counterfeit, what to do when, what "
        "to say when, what should i do when, how to respond when, how do i respond when"
    ),
    # care for a household or a customer in need: an age, a disability or a pregnancy is
    # what the support is for, not a criterion against them
    "subject_frame": _split(
        "vulnerability flag, vulnerability flags, priority services register, priority "
        "service register, hardship plan, hardship payment plan, hardship payment plans, "
        "hardship fund, hardship scheme, hardship programme, hardship program, hold on "
        "disconnection, disconnection hold, no disconnection, protected from disconnection"
    ),
    # a crack in a physical part is damage, not software cracked: a failed item, which the
    # rules hold when it is put back into use and leave alone when it is taken out of service
    "failed_item": _split(
        "cracked rung, cracked tine, cracked tyre, cracked tire, cracked screen, cracked "
        "windscreen, cracked windshield, cracked pipe, cracked tile, cracked weld, cracked "
        "casing, cracked glass, cracked lens, cracked frame, cracked wheel, cracked rim, "
        "cracked blade, cracked bracket, cracked housing, cracked hose, cracked step, cracked "
        "beam, cracked slab, sidewall crack, hairline crack, arrived cracked, came cracked, "
        "arrives cracked"
    ),
    "release_verb": _split(
        "back into service, back in service, return to service, return it to service, back on "
        "the road, back on the van, back into use, keep using, keep it in service, go with the"
    ),
    # an attack named as what the request responds to
    "response_frame": _split(
        "under a ddos, under ddos, under a ddos attack, we're under attack, we are under attack, "
        "we are being attacked, we're being attacked"
    ),
    "plain_phrase": _split(
        # a journey, not a fall someone is made to take
        "school trip, field trip, class trip, business trip, road trip, day trip, ski trip, "
        "camping trip, fishing trip, round trip, round-trip, trip to, the trip, a trip, our "
        "trip, my trip, her trip, his trip, their trip, trip report, trip itinerary, "
        # measurements, prices and farewells to a job, not harms: a temperature that dropped,
        # a cancellation at no charge, a contract's fixed fee, one's last day at work, an
        # answer key's own error
        "dropped to, dropped below, temperature dropped, cancel for free, fixed-fee, fixed "
        "fee, fixed bid, fixed-price, fixed price contract, my last day at, my last day here, "
        "my last day of work, answer key error, error in the answer key, key error, "
        # a viral load too low to measure is medicine's word, not harm hidden from detection
        "virus undetectable, viral load undetectable, undetectable viral load, undetectable "
        "viral loads, undetectable equals untransmittable, undetectable = untransmittable, "
        # a fraud or scam named as what a hold, a label or a filter is about: the words do
        # not excuse anything else in the clause, they only are no fraud themselves
        "fraud hold, fraud holds, confirmed fraud, suspected fraud, it looks like a scam, it "
        "looks like scam, it looks like fraud, looks like a scam, look "
        "like a scam, looks like scam, look like scam, looks like fraud, look like fraud, scam "
        "patterns, scam pattern, fraud patterns, phishing patterns, from a scam, "
        # a fraud named as what the work against it studies, shares or screens for
        "fraud typologies, fraud typology, fraud forum, fraud awareness, fraud-awareness, "
        "scam awareness, scam-awareness, phishing awareness, phishing-awareness, anti-fraud, "
        "anti-money-laundering, anti-money laundering, anti money laundering, insider-trading "
        "surveillance, insider trading surveillance, front running check, front-running check, "
        # a breach named as what a notice reports or a check screens for
        "breach notice, breach notices, breach notification, breach notifications, data "
        "breach notice, breached-password, breached password, breached passwords, "
        # a vehicle, not a guided tour of a topic
        "tour bus, tour buses, tour coach, tour coaches, tour boat, tour boats, "
        # orders to trade a holding: the verb sells securities, not data
        "sell order, sell orders, limit sell, limit sell order, sell limit, market sell, "
        "stop-loss sell, "
        # the people a harm was done to, as a group: "doxxing victims" suffered it
        "doxxing victims, doxxing survivors, doxxing survivor, stalking victims, stalking "
        "survivors, scam victims, fraud victims, phishing victims, harassment victims, abuse "
        "survivors, abuse victims, trafficking victims, trafficking survivors, "
        # a safety purpose, not a concealment ("so nobody gets hurt")
        "so nobody gets hurt, so no one gets hurt, so nobody is hurt, so no one is hurt, so "
        "nobody gets injured, so no one gets injured, "
        # opening an archive or a file, not breaking software protection
        "crack open, cracked open, cracks open, "
        # colour words naming things, not people
        "flat white, flat whites, white wine, white wines, white goods, white paper, white "
        "papers, white-label, white label, white noise, white balance, whiteboard, white "
        "bread, white rice, white chocolate, black coffee, black tea, black ice, black mould, "
        "black mold, black box, black-box, black and white, brown rice, brown bread, brown "
        "sugar, "
        # the oldest of a queue's items, not of people
        "oldest tickets, oldest ticket, oldest items, oldest invoices, oldest orders, oldest "
        "entries, oldest records, oldest files, oldest logs, oldest backups, oldest snapshots, "
        "oldest messages, oldest emails, oldest branches, oldest jobs, oldest first"
    ),
}
