"""Text to stems: Unicode-normalised, case-folded words with inflections and compounds folded.

"Weapons", "weapon's" and "weapon" are one stem; so are "stalking", "stalked" and "stalks".
A hyphenated compound is one token ("brute-force" is ``bruteforce``, never "force"), and so is
its spelling as one word or two (the vocabulary lists two-word forms as phrases). The same
function stems the vocabulary at import, so an inflection the suffix rules get wrong is wrong
the same way on both sides.

The scan is one pass of a regular expression that cannot backtrack: each repetition of the
group must consume a separator (an apostrophe or a hyphen) that the letter class excludes, so
there is exactly one way to match any input, and the cost is linear in its length. (The RE2
binding was measured 20 times slower here, per call overhead on short matches.)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["CLAUSE_BREAK", "Text", "fold", "normalise", "stem", "tokens"]

#: A word with inner apostrophes or hyphens, or a clause-ending mark (a full stop only where
#: no word character follows: "paypal.com" is no sentence end); linear (see above).
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*|[;!?\n]|\.(?!\w)")
CLAUSE_BREAK = "."
_CLAUSE_MARKS = frozenset(".;!?\n")
#: Words that start a new clause, so a frame ("block ... attack") stays with its own verb.
_CLAUSE_WORDS = frozenset({"then", "but", "however", "afterwards", "also", "meanwhile", "while"})
_IRREGULAR = {
    "made": "make",
    "bought": "buy",
    "stole": "steal",
    "stolen": "steal",
    "sold": "sell",
    "built": "build",
    "shot": "shoot",
    "hid": "hide",
    "hidden": "hide",
    "broke": "break",
    "broken": "break",
    "let": "let",
    "fed": "feed",
    "sent": "send",
    "spent": "spend",
    "taken": "take",
    "took": "take",
    "gave": "give",
    "given": "give",
    "wrote": "write",
    "written": "write",
    "kept": "keep",
    "left": "leave",
    "paid": "pay",
    "women": "woman",
    "men": "man",
    "children": "child",
    "people": "person",
    "data": "data",
    "news": "news",
}
#: Stems that must stay what they are: "notes" must not become the negator "not".
_RESERVED = frozenset({"not", "no", "nor", "non", "us", "at", "an", "on", "in", "to", "be"})
_MAX_STEM_CACHE = 50_000
_MAX_CACHED_TOKEN = 40
_stems: dict[str, str] = {}


def stem(token: str) -> str:
    """The stem of one case-folded token: possessive, hyphens and common suffixes removed."""
    cached = _stems.get(token)
    if cached is not None:
        return cached
    result = _stem(token)
    if len(token) <= _MAX_CACHED_TOKEN and len(_stems) < _MAX_STEM_CACHE:
        _stems[token] = result  # bounded: at most 50,000 entries of at most 40 characters
    return result


def _stem(token: str) -> str:
    word = token.replace("’", "'")
    if word.endswith(("'s", "s'")):
        word = word[:-2] if word.endswith("'s") else word[:-1]
    word = word.replace("-", "").replace("'", "")
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if len(word) <= 3 or not word.isalpha():
        return word
    stemmed = _strip_suffixes(word)
    return word if stemmed in _RESERVED else stemmed


def _strip_suffixes(word: str) -> str:
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            if (
                replacement == ""
                and len(word) > 3
                and word[-1] == word[-2]
                and word[-1] not in "ls"
            ):
                word = word[:-1]  # stopping -> stop, but killing -> kill, missing -> miss
            break
    else:
        if word.endswith(("sses", "shes", "ches", "xes", "zes")):
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]  # make, making, makes -> mak; the vocabulary is stemmed the same way
    return word


@dataclass(frozen=True, slots=True)
class Text:
    """Stems of a text, with ``.`` where a clause ends; ``words`` are the case-folded tokens."""

    words: tuple[str, ...]
    stems: tuple[str, ...]


#: Marks that hide a word without changing how it reads: combining marks left after NFKC
#: composed what it could ("k̷i̵l̴l̸"), zero-width and soft-hyphen characters ("ki\u200bll"),
#: and bidirectional controls. A character class, so removing them is one linear pass.
_INVISIBLE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u064b-\u065f\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff]"
)


def fold(text: str) -> str:
    """NFKC, case folding, and the invisible marks removed."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text).casefold())


def tokens(text: str) -> list[str]:
    """Case-folded words of ``text`` as written (no stemming, no clause marks)."""
    folded = fold(text)
    return [piece for piece in _TOKEN.findall(folded) if piece not in _CLAUSE_MARKS]


def normalise(text: str) -> Text:
    """Normalise ``text`` (see :func:`fold`) and split it into stems and clause breaks."""
    folded = fold(text)
    words: list[str] = []
    stems: list[str] = []
    known = _stems.get
    for token in _TOKEN.findall(folded):
        if token in _CLAUSE_MARKS or token in _CLAUSE_WORDS:
            if stems and stems[-1] != CLAUSE_BREAK:
                words.append(CLAUSE_BREAK)
                stems.append(CLAUSE_BREAK)
            continue
        words.append(token)
        stems.append(known(token) or stem(token))
    return Text(tuple(words), tuple(stems))
