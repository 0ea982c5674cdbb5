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

# Python's re, not RE2, for its Unicode classes and one look-ahead; every pattern here is a
# single character class or a run of word characters with one-character separators, so none
# can backtrack (each character has one place in a match): linear in the input.
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "CLAUSE_BREAK",
    "Text",
    "fold",
    "folded_size",
    "hyphen_joined",
    "mixed_script_words",
    "normalise",
    "stem",
    "tokens",
]

#: A word with inner apostrophes or hyphens, or a clause-ending mark (a full stop only where
#: no word character follows: "paypal.com" is no sentence end); linear (see above).
# Python's re for its Unicode \w and the look-ahead RE2 lacks; it cannot backtrack: a run of
# word characters is only ever followed by a separator that is not one, so each character
# has one place in a match.
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


#: Words that never join a phrase into one hyphenated token: the stem of "is-suing" is the
#: stem of "issued", of "for-me" that of "form", of "sex-ed" that of "sex".
_UNJOINED = frozenset(
    {"a", "an", "the", "is", "are", "as", "for", "to", "of", "at", "by", "my", "me", "ed",
     "per", "her", "him", "his", "its", "our", "your", "their", "we", "i", "it", "and", "or",
     "but", "with", "from", "this", "that", "who", "no"}
)  # fmt: skip


def hyphen_joined(words: tuple[str, ...] | list[str]) -> str | None:
    """The stem a listed phrase has when written hyphenated as one token ("risk-free",
    "take-home"), or ``None`` when a function word in it would make that stem another
    word's (hyphens are dropped from stems: "is-suing" would read as "issued")."""
    if len(words) < 2 or _UNJOINED.intersection(words):
        return None
    return stem("-".join(words))


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


#: Latin letters and the letters of other scripts drawn the same (from Unicode's
#: confusables: Cyrillic, Greek, and the small capitals NFKC leaves as they are), case-folded.
_CONFUSABLE_LETTERS = {
    "a": "\u0430\u03b1\u1d00",
    "b": "\u0432\u03b2\u0299",
    "c": "\u0441\u03f2\u1d04",
    "d": "\u0501\u1d05",
    "e": "\u0435\u0454\u03b5\u1d07",
    "f": "\ua730",
    "g": "\u0261\u0262",
    "h": "\u04bb\u043d\u029c",
    "i": "\u0456\u03b9\u04cf\u026a",
    "j": "\u0458\u1d0a",
    "k": "\u043a\u03ba\u1d0b",
    "l": "\u029f",
    "m": "\u043c\u1d0d",
    "n": "\u03b7\u0274",
    "o": "\u043e\u03bf\u1d0f",
    "p": "\u0440\u03c1\u1d18",
    "q": "\u051b",
    "r": "\u0433\u0280",
    "s": "\u0455\ua731",
    "t": "\u0442\u03c4\u1d1b",
    "u": "\u03c5\u1d1c",
    "v": "\u03bd\u1d20",
    "w": "\u051d\u1d21",
    "x": "\u0445\u03c7",
    "y": "\u0443\u028f",
    "z": "\u1d22",
}
_LOOKALIKES = frozenset("".join(_CONFUSABLE_LETTERS.values()))
#: Categories of characters that hide a word without changing how it reads: format
#: characters (zero-width spaces and joiners, bidirectional controls, soft hyphens, Unicode
#: tag characters) and combining marks ("k̷i̵l̴l̸", variation selectors).
_HIDDEN_CATEGORIES = frozenset({"Cf", "Mn", "Me"})
#: Marks put inside a word to split it for a reader that matches words ("ki*ll", "st·eal");
#: no word the engine needs is spelt with them, so they are removed wherever they stand.
_FILLERS = "*\u00b7\u2022\u2027\u2219"


def _fold_table() -> dict[int, str | None]:
    """One ``str.translate`` table: hidden characters removed, look-alike letters made Latin.

    Built once at import by walking the planes that hold such characters (the basic and
    supplementary multilingual planes and the special-purpose plane of tags and variation
    selectors; the others hold only ideographs and private use); translating with it is one
    linear pass over the text.
    """
    planes = (*range(0x20000), *range(0xE0000, 0xE1000))
    table: dict[int, str | None] = {
        code: None for code in planes if unicodedata.category(chr(code)) in _HIDDEN_CATEGORIES
    }
    for latin, lookalikes in _CONFUSABLE_LETTERS.items():
        table.update({ord(letter): latin for letter in lookalikes})
    table.update(dict.fromkeys(map(ord, _FILLERS)))
    return table


_FOLD = _fold_table()
_HIDDEN_ONLY = {code: None for code, value in _FOLD.items() if value is None}


def fold(text: str) -> str:
    """NFKC, case folding, hidden characters removed and look-alike letters made Latin."""
    if text.isascii():
        # the same result, cheaper: ASCII is its own NFKC form, its case folding is lower(),
        # and the only ASCII character the table changes is the filler "*"
        return text.lower().replace("*", "")
    return unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)


#: Characters normalised at a time when only the size is wanted.
_SIZE_CHUNK = 1_024


def folded_size(text: str, limit: int) -> int:
    """The length of ``fold(text)``, or any number over ``limit`` once it is clearly over.

    NFKC and case folding can turn one character into eighteen ("\ufdfa"), so a text within
    the size limit may fold to one far past it. Measured a chunk at a time, the cost stops
    near ``limit`` characters of output however much one character expands. (A chunk's edge
    may split a combining sequence; that moves the count by a character or two, never more.)
    The translation :func:`fold` applies last only removes characters or swaps one for one.
    """
    if text.isascii():
        return len(text)
    size = 0
    for start in range(0, len(text), _SIZE_CHUNK):
        chunk = text[start : start + _SIZE_CHUNK]
        size += len(unicodedata.normalize("NFKC", chunk).casefold())
        if size > limit:
            break
    return size


def mixed_script_words(text: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` words that mix Latin letters with look-alikes from another script.

    Nobody writes "kіll" with a Cyrillic "і" by accident: it is written to slip past a
    reader, so the engine reports it (a finding, not a pass) rather than only reading through
    it. ASCII text, the usual case, costs one check.
    """
    if text.isascii():
        return []
    plain = unicodedata.normalize("NFKC", text).casefold()
    if _LOOKALIKE.search(plain) is None:  # one pass at C speed: most text has none at all
        return []
    found: list[str] = []
    for word in _TOKEN.findall(plain.translate(_HIDDEN_ONLY)):
        if word.isascii() or _LATIN.search(word) is None or _LOOKALIKE.search(word) is None:
            continue
        found.append(word)
        if len(found) >= limit:
            break
    return found


# Character classes only: a match is one character, so neither can backtrack.
# single character classes: nothing to backtrack over
_LATIN = re.compile("[a-z]")
_LOOKALIKE = re.compile("[" + re.escape("".join(sorted(_LOOKALIKES))) + "]")


def tokens(text: str) -> list[str]:
    """Case-folded words of ``text`` as written (no stemming, no clause marks)."""
    folded = fold(text)
    return [piece for piece in _TOKEN.findall(folded) if piece not in _CLAUSE_MARKS]


#: Digits written for the letters they look like ("p1pe b0mb", "m4ke").
_LEET_LETTERS = str.maketrans("0134578", "oieastb")
_DIGITS = frozenset("0123456789")


def _unleet(token: str) -> str:
    """A word of letters with look-alike digits inside, read as letters: ``b0mb`` is ``bomb``.

    Each part of a compound is read on its own. Digits between its letters are letters, and so
    is one digit at its edge ("0ff", "h4ck3d"); two or more digits at an edge are a number and
    stay one ("15-year-old", "covid19", "win10", "x86"), as do plain numbers and parts with
    fewer than two letters or more digits than letters ("3d", "2fa", "h264").
    """
    if not any(character in _DIGITS for character in token):
        return token
    return "".join(_unleet_part(part) for part in _PART_SPLIT.split(token))


#: A compound's parts and the marks between them (kept, so the token is rebuilt as it was).
_PART_SPLIT = re.compile(r"(['’\-])")  # one character class: cannot backtrack


def _unleet_part(part: str) -> str:
    letters = [index for index, character in enumerate(part) if character not in _DIGITS]
    if len(letters) < 2 or len(part) - len(letters) > len(letters):
        return part
    start = letters[0] if letters[0] > 1 else 0  # a number before the word stays a number
    end = letters[-1] + 1 if len(part) - letters[-1] > 2 else len(part)  # and one after it
    return part[:start] + part[start:end].translate(_LEET_LETTERS) + part[end:]


#: Enough one-letter words in a row to be a word spelt out ("k i l l   t h e   c a t").
_SPELT_OUT_RUN = 4


def _spelt_out(folded: str, pieces: list[str]) -> list[str]:
    """The tokens of text whose words are spelt out letter by letter, words apart by wider
    gaps (the usual way to write it), joined back into words; other text as it was."""
    if "  " not in folded:
        return pieces
    singles = sum(len(piece) == 1 for piece in pieces)
    if singles < _SPELT_OUT_RUN or singles * 2 < len(pieces):
        return pieces
    joined = " ".join(part.replace(" ", "") for part in folded.split("  ") if part)
    return _TOKEN.findall(joined)


def normalise(text: str) -> Text:
    """Normalise ``text`` (see :func:`fold`) and split it into stems and clause breaks."""
    folded = fold(text)
    words: list[str] = []
    stems: list[str] = []
    known_word, known_stem = _pieces.get, _stems.get
    for piece in _spelt_out(folded, _TOKEN.findall(folded)):
        word = known_word(piece) or _piece(piece)
        if word == CLAUSE_BREAK:
            if stems and stems[-1] != CLAUSE_BREAK:
                words.append(CLAUSE_BREAK)
                stems.append(CLAUSE_BREAK)
            continue
        words.append(word)
        stems.append(known_stem(word) or stem(word))
    return Text(tuple(words), tuple(stems))


#: What a piece of text reads as: :data:`CLAUSE_BREAK`, or the word (digits read as the
#: letters they stand for), whose stem :func:`stem` keeps. Kept for short pieces, bounded like
#: the stems. Strings only, never tuples: a cache of strings gives the garbage collector
#: nothing to scan, so filling it does not bring on full collections that would stall a call.
_pieces: dict[str, str] = {}


def _piece(piece: str) -> str:
    token = piece if piece.isalpha() or piece in _CLAUSE_MARKS else _unleet(piece)
    word = CLAUSE_BREAK if token in _CLAUSE_MARKS or token in _CLAUSE_WORDS else token
    if len(piece) <= _MAX_CACHED_TOKEN and len(_pieces) < _MAX_STEM_CACHE:
        _pieces[piece] = word  # bounded: at most 50,000 entries of at most 40 characters
    return word
