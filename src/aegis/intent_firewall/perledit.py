"""``perl -pi -e 's/old/new/g' FILE``: perl used as sed, an edit that runs no other code.

Perl's ``-p``/``-n`` loop over input lines, ``-i`` edits the files in place (an attached
suffix names a backup copy), ``-l``/``-0`` set line endings and ``-a`` splits fields: none
takes a separate value. ``-e`` takes the program. When every program is a lone
substitution or transliteration whose pattern and replacement cannot run code, the line
does to its files what ``sed -i`` would: the files are judged as written (or read, without
``-i``), and no interpreter-code finding is needed.

A substitution runs code through its ``e`` flag, through ``@{[ … ]}`` and ``${\\ … }`` in
its replacement or pattern (both are interpolated like double-quoted strings) and through
``(?{ … })`` in its pattern; so ``@`` and ``$`` (other than a capture reference in the
replacement or an end anchor in the pattern), ``(?{``, ``(??{`` and ``(*{`` make it
ordinary code. Bracketing delimiters (``s{a}{b}``) and any other statement are not read
here either: they stay interpreter code (review). The scan is linear in the program's
length; perl's ``-pie`` trap (``e`` taken as the backup suffix, the program read as a
script file name) is not inert.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["PerlEdit", "perl_edit"]

#: Flag letters that take no value and run nothing (``-w`` warns, ``-s`` switches for the
#: program's own arguments are not accepted: they would read operands as options).
_FLAGS = frozenset("pnaw")
_OCTAL = frozenset("01234567")
_HEX = frozenset("0123456789abcdefABCDEF")
_SUFFIX = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~-")
_SUBSTITUTION_FLAGS = frozenset("gimsxnr")
_TRANSLITERATION_FLAGS = frozenset("cdsr")
_CODE_IN_PATTERN = ("(?{", "(??{", "(*{")
_MAX_PROGRAM = 1024

#: (the programs, whether files are edited in place, the file operands) of an inert edit.
PerlEdit = tuple[list[str], bool, list[str]]


def perl_edit(words: Sequence[str | None]) -> PerlEdit | None:
    """``words`` (perl's arguments, the program name excluded) read as an inert edit, or
    ``None`` when they are anything else (then perl is judged as an interpreter)."""
    programs: list[str] = []
    in_place = False
    index = 0
    while index < len(words):
        word = words[index]
        if word is None:
            return None
        if not word.startswith("-") or word == "-":
            break
        if word == "--":
            index += 1
            break
        switches = _switches(word[1:])
        if switches is None:
            return None
        edits, wants_program, attached = switches
        in_place = in_place or edits
        index += 1
        if wants_program:
            if attached is None:
                attached = words[index] if index < len(words) else None
                index += 1
            if attached is None:
                return None
            programs.append(attached)
    files = words[index:]
    if not programs or any(f is None or f.startswith("-") for f in files):
        return None
    if not all(_inert_program(program) for program in programs):
        return None
    return programs, in_place, [f for f in files if f is not None]


def _switches(letters: str) -> tuple[bool, bool, str | None] | None:
    """One cluster of switches: (edits in place, ends with -e, the program attached to it)."""
    edits = False
    position = 0
    while position < len(letters):
        letter = letters[position]
        position += 1
        if letter in "l0":  # -l[octal], -0[octal] or -0x[hex]: digits attached, if any
            digits = _HEX if letters[position : position + 1] == "x" and letter == "0" else _OCTAL
            position += digits is _HEX
            while position < len(letters) and letters[position] in digits:
                position += 1
        elif letter == "i":
            suffix = letters[position:]
            if not _SUFFIX.issuperset(suffix):
                return None  # a suffix with / or * names backups elsewhere; -pie is a trap
            return True, False, None
        elif letter in "eE":
            rest = letters[position:]
            return edits, True, rest or None
        elif letter not in _FLAGS:
            return None
    return edits, False, None


def _inert_program(program: str) -> bool:
    """A program of substitutions and transliterations (``;`` between them) that run no code."""
    if len(program) > _MAX_PROGRAM or not program.isascii():
        return False
    rest = program.strip()
    if not rest:
        return False
    while rest:
        after = _one_edit(rest)
        if after is None:
            return False
        rest = after.lstrip()
        if rest.startswith(";"):
            rest = rest[1:].lstrip()
    return True


def _one_edit(text: str) -> str | None:
    """What follows one inert ``s///`` or ``tr///`` at the start of ``text``, else ``None``."""
    kind = next((k for k in ("s", "tr", "y") if text.startswith(k)), "")
    body = text[len(kind) :]
    if not kind or not body or body[0].isalnum() or body[0].isspace() or body[0] in "{([<_;":
        return None
    delimiter = body[0]
    pattern, after = _delimited(body[1:], delimiter)
    replacement, after = _delimited(after, delimiter) if pattern is not None else (None, "")
    if pattern is None or replacement is None:
        return None
    flags_end = 0
    while flags_end < len(after) and after[flags_end].isalpha():
        flags_end += 1
    flags = after[:flags_end]
    if kind == "s":  # e and ee evaluate the replacement as code
        inert = (
            _SUBSTITUTION_FLAGS.issuperset(flags)
            and _inert_pattern(pattern, delimiter)
            and _inert_replacement(replacement)
        )
    else:  # tr and y interpolate nothing
        inert = _TRANSLITERATION_FLAGS.issuperset(flags)
    return after[flags_end:] if inert else None


def _delimited(text: str, delimiter: str) -> tuple[str | None, str]:
    """The part of ``text`` before the first unescaped ``delimiter``, and what follows."""
    position = 0
    while position < len(text):
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == delimiter:
            return text[:position], text[position + 1 :]
        position += 1
    return None, ""


def _unescaped(text: str, mark: str) -> list[int]:
    """Positions of ``mark`` in ``text`` not preceded by a backslash escape."""
    found: list[int] = []
    position = 0
    while position < len(text):
        if text[position] == "\\":
            position += 2
            continue
        if text[position] == mark:
            found.append(position)
        position += 1
    return found


def _inert_pattern(pattern: str, delimiter: str) -> bool:
    """No embedded code, no array interpolation, ``$`` only as an end anchor."""
    if any(mark in pattern for mark in _CODE_IN_PATTERN) or _unescaped(pattern, "@"):
        return False
    for position in _unescaped(pattern, "$"):
        following = pattern[position + 1 : position + 2]
        if following not in ("", ")", "|", delimiter):
            return False
    return True


def _inert_replacement(replacement: str) -> bool:
    """No interpolation but capture references (``$1``, ``$&``)."""
    if _unescaped(replacement, "@"):
        return False
    for position in _unescaped(replacement, "$"):
        following = replacement[position + 1 : position + 2]
        if not (following.isdigit() or following == "&"):
            return False
    return True
