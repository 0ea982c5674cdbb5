"""Whether a word is the object of the verb a rule anchors on: role, not mere presence.

A clause that holds a disabling verb and a safety control is not yet tampering: "edit the
audit findings" edits a document about an audit, "drop graduation_year from the screener and
rerun the age-bias audit" drops a field and reruns the audit. The control must be what the
verb acts on: within a few terms after it, before any word that ends its object (a
subordinator, a relative word, a new subject), and not the modifier of a document noun; or
just before it ("leave the audit logging disabled", "the alarms stop"). A pronoun in the
object ("delete it") stands for something named elsewhere, which is not parsed: the scope
then counts as met (fails closed). Each check reads a fixed number of terms: constant time.
"""

from __future__ import annotations

from aegis.love_engine.rulebook import BIT

__all__ = ["in_object_scope"]

#: A document about a control, or a weakening of it ("the MFA exemption"): the control word
#: before it modifies it and is not what the verb acts on.
_DOCUMENT = BIT["document_head"] | BIT["weakening_head"]
_DOCUMENT_ONLY = BIT["document_head"]
_OBJECT_END = BIT["object_end"]
_ANAPHOR = BIT["anaphor"]
#: How many terms after a verb its object may reach ("delete yesterday's entries from the
#: audit log"), and how many before it a subject or a passive's object may stand.
_AFTER = 9
_BEFORE = 3


def _is_document(clause: list[tuple[int, str]], index: int, objects: int) -> bool:
    """Whether the term at ``index`` names a document rather than the object itself: it is a
    document noun, or a document noun that is no object follows it ("audit findings")."""
    mask = clause[index][0]
    if mask & _DOCUMENT and not mask & objects & ~_DOCUMENT:
        return True
    if index + 1 < len(clause):
        following = clause[index + 1][0]
        return bool(following & _DOCUMENT) and not following & objects
    return False


#: A word that joins a second predicate to the first: what stands before it is the first
#: one's, not the subject of the verb after it.
_COORDINATORS = frozenset({"and", "or", "then"})
#: Demonstratives that are determiners when a noun follows ("stop the deletion for that
#: mailbox"), pronouns otherwise ("delete that").
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_NOT_NOUNS = frozenset({"and", "or", "then", "to", "too", "now", "for", "from", "with", "as", "is"})


_PREPOSITIONS = frozenset(
    {"for", "on", "in", "from", "of", "at", "with", "to", "about", "into", "across", "under"}
)
#: Nouns that name part of something named before ("goes through the logs and removes
#: entries"): the container before the verb is what they belong to.
_PART_NOUNS = frozenset(
    {"entries", "entry", "lines", "line", "rows", "row", "records", "record", "events", "items"}
)


def _part_follows(clause: list[tuple[int, str]], position: int) -> bool:
    return any(surface in _PART_NOUNS for _, surface in clause[position + 1 : position + 4])


def _determiner(clause: list[tuple[int, str]], index: int, verb: int) -> bool:
    """Whether the demonstrative at ``index`` determines the noun after it: right after the
    verb ("delete that file") or a preposition ("stop the deletion for that mailbox"), and a
    noun follows. Then that noun, read next, is the object, and nothing is left unresolved;
    after a noun it is a relative pronoun ("the results that showed ...")."""
    if clause[index][1] not in _DEMONSTRATIVES or index + 1 >= len(clause):
        return False
    if index != verb + 1 and clause[index - 1][1] not in _PREPOSITIONS:
        return False
    following = clause[index + 1][1]
    return following not in _NOT_NOUNS and following.replace("-", "").isalpha()


_PEOPLE = BIT["person"] | BIT["official"]
#: Things a verb may act on that are never a control: people's content and people.
_PLAIN_OBJECTS = BIT["content_item"] | BIT["person"]
#: Pronouns listed among people's content ("anything"): they stand for whatever is meant.
_INDEFINITE = frozenset({"anything", "everything", "anyone", "anybody", "everyone", "all"})
_OBJECT_DETERMINERS = frozenset({"the", "a", "an", "all", "every", "any", "those", "these"})


def _direct_object(clause: list[tuple[int, str]], position: int) -> bool:
    """Whether the verb at ``position`` has a plain object of its own right after it (past a
    determiner): then nothing before the verb is what it acts on."""
    index = position + 1
    if index < len(clause) and clause[index][1] in _OBJECT_DETERMINERS:
        index += 1
    if index >= len(clause) or clause[index][1] in _INDEFINITE:
        return False
    return bool(clause[index][0] & _PLAIN_OBJECTS)


def _after_verb(
    clause: list[tuple[int, str]], position: int, objects: int, verbs: int
) -> bool | None:
    """The forward reading: ``True`` when a control (or an unresolved pronoun) is the verb's
    object, ``False`` when the object is plainly something else, ``None`` when undecided."""
    end = min(len(clause), position + 1 + _AFTER)
    person = False
    for index in range(position + 1, end):
        mask, surface = clause[index]
        if mask & objects and not _is_document(clause, index, objects):
            return True
        person = person or bool(mask & _PEOPLE)
        if person and surface == "from" and not _purpose_follows(clause, index):
            return False  # "remove the clerk from the approvers group": the person moves
        if _relative(clause, index, position):
            break  # "remove posts that share ...": what follows is said of the posts
        if mask & _ANAPHOR and not mask & _OBJECT_END and not _determiner(clause, index, position):
            return True
        # a document is the object itself: what follows is its topic ("find the court's
        # guidance on juror identity"); a weakening ("the MFA exemption") is an object of
        # its own, and the list goes on ("... and the MFA requirement")
        if mask & (_OBJECT_END | verbs | _DOCUMENT_ONLY):
            break
    return None


_PURPOSES = frozenset({"so", "so that", "in order to", "so she can", "so he can", "so they can"})


def _purpose_follows(clause: list[tuple[int, str]], index: int) -> bool:
    """Whether a purpose clause follows ("... from the approvers group so she can approve
    her own payments"): what the move is for is then the request, and the finding stands."""
    return any(surface in _PURPOSES for _, surface in clause[index + 1 :])


def _relative(clause: list[tuple[int, str]], index: int, verb: int) -> bool:
    """Whether "that" at ``index`` opens a relative clause about people's content or people
    ("posts that share ..."). After any other noun it may still stand for something unparsed
    ("the results that showed the safety tests failing"), and fails closed."""
    return (
        clause[index][1] == "that"
        and index > verb + 1
        and bool(clause[index - 1][0] & _PLAIN_OBJECTS)
    )


def in_object_scope(clause: list[tuple[int, str]], position: int, objects: int, verbs: int) -> bool:
    """Whether a term of ``objects`` is what the verb at ``position`` acts on, or its object is
    a pronoun whose referent is not parsed. Another term of ``verbs`` ends the object: that
    verb is judged on its own."""
    forward = _after_verb(clause, position, objects, verbs)
    if forward is not None:
        return forward
    if (
        position
        and clause[position - 1][1] in _COORDINATORS
        and not _part_follows(clause, position)
    ):
        return False  # "issue a hardware key and remove the bypass": a second predicate
    if _direct_object(clause, position):
        return False  # "the moderation rule: remove posts that ...": the posts are removed
    for index in range(position - 1, max(-1, position - 1 - _BEFORE), -1):
        mask = clause[index][0]
        if mask & (_OBJECT_END | verbs):
            break
        if mask & objects and not _is_document(clause, index, objects):
            return True
    return False
