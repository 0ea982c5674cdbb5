"""Listed phrases whose words keep their roles: who signs, and whose thing is checked.

A phrase is looked up whole ("sign it", "checking her"), which hides the roles its words play
in the sentence around it:

- **"sign it" by its rightful signer.** "Ask legal to review the NDA before we sign it",
  "wait for her to sign it before running the check": a subject or "to" right before the
  verb names who signs, and "off" on a condition ("sign it off only if it passes") makes it
  an approval. A forgery signs *as* someone else: "sign it as the manager", "sign it with
  her name", "sign it for him" keep their finding, whoever is named before; so do a
  signature tricked out of its signer ("get the owner to sign it thinking it's a
  vaccination consent") and one after the fact ("the engineer can sign it off afterwards").
  "Signed it" reports a signature by the one named right before it ("the engineer signed
  it off", "the manager signed it"); "I signed it as the inspector" keeps its finding.
- **"sign as" a group the sender is part of.** "Sign as the whole team", "sign it as all of
  us": a card from everyone; "sign as the site manager" keeps its finding.
- **"get rid of her" + her thing.** "How do I get rid of her old Facebook account": the
  thing after the possessive is what is removed; "get rid of her for good" is the person.
- **"signs it's a deepfake".** The noun "signs" and "it is", not the verb and its object.
- **"checking her" + her document.** "Apply the discount after checking her student ID":
  "her" is a possessive, and what is checked is a document or a reading taken with the
  person (an ID, a ticket, a temperature). "Keep checking her phone", "checking her every
  hour" keep their finding: anything else after the pronoun, or nothing, is the person.

Each check reads a fixed number of terms around the anchor: constant time.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT

__all__ = ["own_signature", "signed_as_group", "their_document_checked", "their_thing_removed"]

#: A signature given unread, tricked out of its signer, or for what was not checked.
_UNFREE = frozenset(
    {"thinking", "believing", "without", "afterwards", "later", "after", "anyway", "retroactively"}
)
_SIGN_NOUNS = frozenset({"signs", "sign"})
_CONDITIONAL = frozenset({"only", "if", "once", "when", "after"})
_SIGNERS = frozenset({"we", "i", "she", "he", "they", "you", "to", "will", "can", "must"})
_AS_SOMEONE = frozenset(
    {"as", "with", "for", "on", "in", "using", "under", "on behalf", "in the name of"}
)


def own_signature(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether "sign it" at ``position`` is signed by whoever the sentence names, or is an
    approval ("sign it off"), and not signed as someone else."""
    surface = clause[position][1]
    words = surface.split(" ")
    if len(words) == 2 and words[0] in _SIGN_NOUNS and words[1] in {"it's", "its"}:
        return True  # "signs it's a deepfake": the noun, and "it is"
    if surface == "signed it":
        return _signed_by_named(clause, position)
    if surface != "sign it":
        return False
    following = [s for _, s in clause[position + 1 : position + 4]]
    if any(s.split(" ", 1)[0] in _UNFREE or _as_someone(s) for s in following):
        return False  # signed unread, tricked, after the fact, or as someone else
    if following and following[0] == "off":
        # an approval given on a condition ("sign it off only if it passes"); bare, it may
        # be after the fact (the clause word "afterwards" starts a new clause)
        return len(following) > 1 and following[1].split(" ", 1)[0] in _CONDITIONAL
    return position > 0 and clause[position - 1][1].rsplit(" ", 1)[-1] in _SIGNERS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NAMED_SIGNERS = BIT["person"] | BIT["official"] | BIT["third_party"]
#: Who signs off work by their role ("the engineer signed it off").
_ROLE_SIGNERS = _words(
    "engineer manager inspector director supervisor owner landlord tenant client customer "
    "auditor architect surveyor officer lead head partner trustee chair board doctor"
)


def _as_someone(surface: str) -> bool:
    return surface in _AS_SOMEONE or surface.split(" ", 1)[0] in _AS_SOMEONE


def _signed_by_named(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether "signed it" reports a signature by the one named right before it ("the
    engineer signed it off", "the manager signed it"), not as or for someone else."""
    following = [s for _, s in clause[position + 1 : position + 4]]
    if any(s.split(" ", 1)[0] in _UNFREE or _as_someone(s) for s in following):
        return False
    if position == 0:
        return False
    mask, before = clause[position - 1]
    last = before.rsplit(" ", 1)[-1]
    return last in _SIGNERS or last in _ROLE_SIGNERS or bool(mask & _NAMED_SIGNERS)


#: A group the sender belongs to and may sign for ("from the whole team", "all of us").
_COLLECTIVE = frozenset({"whole", "entire", "everyone", "everybody", "us"})
_SIGN_AS = frozenset({"sign as", "signed as", "sign it as"})


def signed_as_group(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether "sign as" at ``position`` signs for a group the sender is part of ("sign as
    the whole team", "sign it as all of us"): a card from everyone, not someone's name
    borrowed. "Sign as the manager" or "as all the directors" names no such group."""
    if clause[position][1] not in _SIGN_AS:
        return False
    return any(
        not _COLLECTIVE.isdisjoint(s.split()) for _, s in clause[position + 1 : position + 4]
    )


_POSSESSIVE_PHRASES = ("her", "his", "their")
#: What is checked with the person rather than about them: documents, tickets, readings.
_THEIR_DOCUMENTS = frozenset(
    {
        "student",
        "id",
        "id card",
        "ticket",
        "tickets",
        "passport",
        "licence",
        "license",
        "documents",
        "paperwork",
        "references",
        "reference",
        "work",
        "homework",
        "answers",
        "essay",
        "temperature",
        "blood pressure",
        "pulse",
        "vitals",
        "oxygen",
        "dressing",
        "wound",
        "prescription",
        "medication",
        "order",
        "booking",
        "reservation",
        "eligibility",
        "credentials",
        "qualifications",
        "certificate",
        "certificates",
        "form",
        "application",
        "payslip",
        "membership",
        "boarding pass",
        "visa",
        "right to work",
    }
)


def their_document_checked(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether a surveillance phrase ending in a possessive ("checking her") at ``position``
    acts on the person's document or reading named right after it."""
    return _possessed_next(clause, position, _THEIR_DOCUMENTS)


#: A thing a person leaves behind or owns, which "get rid of her ..." acts on.
_THEIR_THINGS = frozenset(
    {
        "old",
        "account",
        "accounts",
        "facebook",
        "profile",
        "page",
        "stuff",
        "things",
        "belongings",
        "clothes",
        "furniture",
        "books",
        "subscription",
        "subscriptions",
        "email",
        "number",
        "car",
        "bike",
        "phone",
        "laptop",
        "records",
        "files",
        "mail",
    }
)


def their_thing_removed(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether a harm phrase ending in a possessive ("get rid of her") at ``position`` acts
    on the person's thing named right after it ("her old Facebook account"); "get rid of her
    for good", or nothing after, is the person."""
    return _possessed_next(clause, position, _THEIR_THINGS)


def _possessed_next(clause: list[tuple[int, str]], position: int, things: frozenset[str]) -> bool:
    """Whether the phrase at ``position`` ends in a possessive ("checking her") and the word
    right after it is one of ``things`` (alone or as the first word of a phrase)."""
    surface = clause[position][1]
    if " " not in surface or surface.rsplit(" ", 1)[-1] not in _POSSESSIVE_PHRASES:
        return False
    if position + 1 >= len(clause):
        return False
    following = clause[position + 1][1]
    return following in things or following.split(" ", 1)[0] in things
