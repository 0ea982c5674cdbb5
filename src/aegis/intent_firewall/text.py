"""Canonical text, so that spelling tricks cannot carry a request past the rules.

Every string is compared in one form: Unicode NFKC (fullwidth letters become ASCII), format
characters (zero-width spaces, bidi controls, soft hyphens) and combining marks (U+034F and
friends) removed, case folded, and every character that Unicode TR39 lists as confusable
with an ASCII character replaced by it (Cyrillic ``о`` is ``o``). The confusable table comes
from the ``confusable-homoglyphs`` data package, not from a hand-made list.

ASCII text, the common case, skips all of it: ``str.isascii`` is one C loop.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Set as AbstractSet
from functools import cache
from typing import Literal

import re2
from confusable_homoglyphs import categories, confusables

__all__ = [
    "MAX_DISTINCT_CHARACTERS",
    "MAX_NORMALISATION_GROWTH",
    "canonical_text",
    "character_set",
    "distinct_characters",
    "hidden_text",
    "mixed_script_words",
    "normalisation_growth",
    "written_as",
]

#: Scripts that may mix with any other (digits, punctuation, combining marks).
_NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED"})


@cache
def _skeleton_table() -> dict[int, str]:
    """Non-ASCII characters TR39 declares confusable with an ASCII one, and that character."""
    data = confusables.confusables_data
    table: dict[int, str] = {}
    for char in data:
        if len(char) != 1 or char.isascii():
            continue
        frontier, seen = [char], {char}
        for _ in range(3):  # follow short chains (Cyrillic em -> turned w -> ...) to ASCII
            found = [
                glyph["c"]
                for item in frontier
                for glyph in data.get(item, ())
                if glyph["c"] not in seen
            ]
            ascii_targets = [t for t in found if t.isascii() and t.isprintable() and t.strip()]
            if ascii_targets:
                table[ord(char)] = ascii_targets[0].casefold()
                break
            seen.update(found)
            frontier = [t for t in found if len(t) == 1]
    for block in (range(0x0280, 0x02B0), range(0x1D00, 0x1D2C), range(0xA730, 0xA7B0)):
        for code in block:  # small capitals (ʜ, ᴀ) read as the letter they are drawn as
            name = unicodedata.name(chr(code), "")
            if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name) == 28:
                table.setdefault(code, name[-1].lower())
    return table


def canonical_text(text: str, *, fold: bool = True) -> str:
    """NFKC, no format characters or combining marks, confusables folded; case folded
    unless ``fold`` is false (shell text keeps case: ``-R`` and ``-r`` differ)."""
    if text.isascii():
        return text.lower() if fold else text
    normal = unicodedata.normalize("NFKC", text)
    if not normal.isascii():  # decompose so that marks folded into letters (ȧ) go too
        decomposed = unicodedata.normalize("NFKD", normal)
        # long text without a mark or format character: the translation would delete nothing
        if len(decomposed) <= _SHORT or _MARKS.search(decomposed) is not None:
            decomposed = decomposed.translate(_INVISIBLE)
        normal = unicodedata.normalize("NFKC", decomposed)
    folded = normal.casefold() if fold else normal
    if folded.isascii():
        return folded
    skeleton = unicodedata.normalize("NFKC", folded.translate(_skeleton_table()))
    return skeleton.casefold() if fold else skeleton


class _Invisible(dict[int, int | None]):
    """A ``str.translate`` table deleting format characters and combining marks; filled
    lazily, so translation runs in C and asks Python once per distinct character."""

    def __missing__(self, code: int) -> int | None:
        kept: int | None = None if unicodedata.category(chr(code)) in ("Cf", "Mn", "Me") else code
        if len(self) < 65536:
            self[code] = kept
        return kept


_INVISIBLE = _Invisible()
#: Every character ``_INVISIBLE`` deletes, and a few more (RE2's Unicode tables are newer
#: than Python's, never older; a test checks every code point): text without one needs no
#: translation, which costs a dictionary lookup per character (1 ms per 16,000 Cyrillic).
_MARKS = re2.compile(r"[\p{Cf}\p{Mn}\p{Me}]")
#: Text up to this length is translated without the screen (a call into RE2 costs more).
_SHORT = 256


#: Bidi embeddings, overrides and isolates: text displayed in another order than it is read.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_TAGS = range(0xE0000, 0xE0080)
_BLACK_FLAG = "\U0001f3f4"  # a flag's tag sequence (England, Scotland) is an emoji


def hidden_text(text: str) -> str | None:
    """What bidi controls or tag characters hide in ``text`` (Trojan Source, ASCII
    smuggling), or ``None``: tag characters read as the ASCII they encode, overridden runs
    read in the order they are stored."""
    if text.isascii():
        return None
    # no tag character (U+E0000…, F3 A0 … in UTF-8): one C pass instead of a Python loop
    if b"\xf3\xa0" not in text.encode("utf-8", "surrogatepass"):
        # nine substring searches in C, not a set lookup per character (16,000 of them)
        if any(control in text for control in _BIDI_CONTROLS):
            return "bidi controls around " + repr(text[:80])
        return None
    smuggled, flag = [], False
    for char in text:
        code = ord(char)
        if code in _TAGS:
            if not flag:
                smuggled.append(chr(code - 0xE0000))
            continue
        flag = char == _BLACK_FLAG
    if smuggled:
        return "tag characters spelling " + repr("".join(smuggled)[:80])
    if not _BIDI_CONTROLS.isdisjoint(text):
        return "bidi controls around " + repr(text[:80])
    return None


#: Scripts written together as one writing system (UTS #39 "highly restrictive"): Japanese
#: mixes Han, Hiragana and Katakana (and Latin acronyms), Chinese Han and Bopomofo, Korean
#: Han and Hangul.
_WRITING_SYSTEMS = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)


def _writing_system(scripts: set[str]) -> bool:
    mixed = scripts - _NEUTRAL_SCRIPTS
    return any(mixed <= system for system in _WRITING_SYSTEMS)


@cache
def _script_ranges() -> tuple[list[int], list[int], list[str]]:
    """The data package's script ranges (sorted, disjoint) as starts, ends and names."""
    data = categories.categories_data
    ranges = data["code_points_ranges"]
    names = data["iso_15924_aliases"]
    return [r[0] for r in ranges], [r[1] for r in ranges], [str(names[r[2]]) for r in ranges]


def _script(char: str) -> str:
    """What ``categories.aliases_categories(char)[0]`` answers, by a binary search in C:
    text of 8,000 distinct ideographs asks 8,000 times, and the package's own search runs
    in Python (about 4 microseconds each)."""
    starts, ends, names = _script_ranges()
    code = ord(char)
    index = bisect_right(starts, code) - 1
    return names[index] if index >= 0 and code <= ends[index] else "Unknown"


def mixed_script_words(text: str, limit: int = 4) -> list[str]:
    """Words of ``text`` whose letters come from more than one script (at most ``limit``).

    A word is a run of letters; digits and punctuation belong to every script. Checked on
    the NFKC form before folding, so a fullwidth Latin word is still one script.
    """
    if text.isascii():
        return []
    normal = unicodedata.normalize("NFKC", text)  # ``text`` itself when it is NFKC already
    # one script in the whole text (the common case): no word can mix two
    if not _mixed(character_set(normal)):
        return []
    found: list[str] = []
    # words as runs of letters, marks inside a word dropped: two C passes (translate, split)
    # and Python work per word, not per character
    for word in dict.fromkeys(normal.translate(_WORD_LETTERS).split()):
        if _mixed(set(word)):
            found.append(word)
            if len(found) >= limit:
                break
    return found


#: Characters compatibility normalisation may add to a text before it is not inspected:
#: U+FDFA becomes 18 characters, U+3300 four, so 16,000 of them would cost every later pass
#: (NFKC, skeleton, script and pattern scans) 4 to 18 times the work the size limit allows.
MAX_NORMALISATION_GROWTH = 1024
_GROWTH_CHUNK = 512


#: Distinct characters in one text before it is not inspected. Canonical text costs a
#: Python call per character seen for the first time (the translation tables fill lazily
#: and are bounded), so 16,000 distinct ideographs cost 13 ms, and 30 ms once the tables
#: are full; natural text, even Chinese or Japanese, uses a few thousand.
MAX_DISTINCT_CHARACTERS = 4096


def distinct_characters(text: str, bound: int = MAX_DISTINCT_CHARACTERS) -> int:
    """How many distinct characters ``text`` holds, or 0 when it cannot hold more than
    ``bound`` (shorter text: no need to count)."""
    return 0 if len(text) <= bound else len(character_set(text))


#: The last text whose characters were collected, and them (one entry, replaced whole).
_LAST_SET: list[tuple[str, frozenset[str]]] = [("", frozenset())]


def character_set(text: str) -> frozenset[str]:
    """The distinct characters of ``text``. A value's are asked for twice in a row (its
    size bound, then its scripts), and for text outside Latin-1 collecting them costs an
    object per character (0.7 ms per 16,000 Cyrillic): the last answer is kept, for that
    same string object only (the entry holds it, so its identity cannot be reused)."""
    last = _LAST_SET[0]
    if last[0] is text:
        return last[1]
    found = frozenset(text)
    if len(text) > _SET_WORTH_KEEPING:
        _LAST_SET[0] = (text, found)
    return found


#: Texts shorter than this are collected again rather than kept.
_SET_WORTH_KEEPING = 256


def normalisation_growth(text: str, bound: int = MAX_NORMALISATION_GROWTH) -> int:
    """How many characters NFKC adds to ``text``, counted until the count passes ``bound``
    (the chunks already normalised; a bomb stops after a few). Chunks split a combining
    sequence at most at their edges, which can change the count by a character or two."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return 0
    # NFKD (no recomposition, several times cheaper) never comes out shorter than NFKC:
    # text it does not grow past the bound does not grow under NFKC either
    if _chunked_growth(text, "NFKD", bound) <= bound:
        return 0
    return _chunked_growth(text, "NFKC", bound)


def _chunked_growth(text: str, form: Literal["NFKC", "NFKD"], bound: int) -> int:
    growth = 0
    for start in range(0, len(text), _GROWTH_CHUNK):
        chunk = text[start : start + _GROWTH_CHUNK]
        growth += len(unicodedata.normalize(form, chunk)) - len(chunk)
        if growth > bound:
            break
    return growth


def _mixed(letters: AbstractSet[str]) -> bool:
    """Whether the distinct characters ``letters`` hold letters of two scripts that are not
    one writing system."""
    codes = sorted([ord(c) for c in letters if c.isalpha()])
    scripts = _scripts(codes)
    return len(scripts - _NEUTRAL_SCRIPTS) > 1 and not _writing_system(scripts)


def _scripts(codes: list[int]) -> set[str]:
    """The scripts of the sorted letters ``codes`` (ASCII ones are Latin), found range by
    range: one binary search per script range the letters touch, not one per letter (text
    of 16,000 distinct ideographs touches two ranges)."""
    starts, ends, names = _script_ranges()
    found: set[str] = set()
    index = bisect_left(codes, 128)
    if index:
        found.add("LATIN")
    while index < len(codes):
        code = codes[index]
        at = bisect_right(starts, code) - 1
        if at >= 0 and code <= ends[at]:
            found.add(names[at])
            index = bisect_right(codes, ends[at], index)
        else:
            found.add("Unknown")
            following = starts[at + 1] if at + 1 < len(starts) else code + 1
            index = bisect_left(codes, following, index)
    return found


class _WordLetters(dict[int, int | str | None]):
    """A ``str.translate`` table for word splitting: letters kept, invisible marks (Mn, Me,
    Cf) deleted so they do not end a word, anything else a space; filled lazily."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        kept: int | str | None
        if char.isalpha():
            kept = code
        elif unicodedata.category(char) in ("Mn", "Me", "Cf"):
            kept = None
        else:
            kept = " "
        if len(self) < 65536:
            self[code] = kept
        return kept


_WORD_LETTERS = _WordLetters()


def written_as(resolved: str, written: str) -> str:
    """``'rm' (written $'\\x72m')`` when the two differ, else ``'rm'``."""
    shown = resolved if len(resolved) <= 80 else resolved[:77] + "..."
    if written and written != resolved:
        origin = written if len(written) <= 60 else written[:57] + "..."
        return f"{shown!r} (written {origin})"
    return repr(shown)
