"""What ``echo`` or ``printf`` hands down a pipe when every word of it is known.

``echo 'print(1)' | python3`` and ``printf 'ls\\n' | sh`` run exactly the text the first
command prints, so they are judged as ``python3 -c 'print(1)'`` and ``sh -c 'ls'`` are. The
text is computed only when it is certain: static words (no expansion, no glob), ``echo``
with at most ``-n``/``-e``/``-E``, ``printf`` with a format of plain characters, the common
backslash escapes, ``%s`` and ``%%``. Anything else (another conversion, an escape
``dash`` and ``bash`` print differently, an option such as ``printf -v``) gives ``None``,
and the pipe stays a finding (fail closed).
"""

from __future__ import annotations

from collections.abc import Sequence

from aegis.intent_firewall.options import Arg

__all__ = ["LITERAL_PRODUCERS", "literal_output"]

#: The programs whose output :func:`literal_output` can compute.
LITERAL_PRODUCERS = frozenset({"echo", "printf"})
#: Longest text computed (a longer one is not judged as code: it stays a finding).
_MAX_TEXT = 4096
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "r": "\r",
            "v": "\v", '"': '"', "'": "'"}  # fmt: skip


def literal_output(producer: Sequence[Arg]) -> str | None:
    """The text ``producer`` (an ``echo`` or ``printf`` stage: program and arguments)
    writes, or ``None`` when it is not certain."""
    if not producer or any(value is None or glob for value, _, glob in producer):
        return None
    program, *words = [value or "" for value, _, _ in producer]
    if program == "echo":
        text = _echo(words)
    elif program == "printf":
        text = _printf(words)
    else:
        return None
    return text if text is not None and len(text) <= _MAX_TEXT else None


def _echo(words: list[str]) -> str | None:
    newline, escapes = True, False
    while words and len(words[0]) > 1 and words[0][0] == "-" and set(words[0][1:]) <= set("neE"):
        for letter in words.pop(0)[1:]:
            newline = newline and letter != "n"
            escapes = letter == "e" if letter in "eE" else escapes
    joined = " ".join(words)
    if "\\" in joined and not escapes:
        return None  # bash prints the backslash, dash's echo interprets it
    text = _unescape(joined) if "\\" in joined else joined
    return None if text is None else text + ("\n" if newline else "")


def _printf(words: list[str]) -> str | None:
    if not words or words[0].startswith("-"):
        return None  # printf -v NAME assigns; a format starting with - is read as an option
    form, arguments = _unescape(words[0]), words[1:]
    if form is None:
        return None
    pieces = form.split("%")
    if not all(piece.startswith("s") for piece in pieces[1:] if piece) or "%%" in form:
        return None  # any conversion but %s (and %% kept simple: not computed)
    slots = len(pieces) - 1
    if not slots:
        return form
    out: list[str] = []
    position = 0
    while True:  # bash reuses the format until the arguments are used up
        for index, piece in enumerate(pieces):
            if index == 0:
                out.append(piece)
                continue
            out.append(arguments[position] if position < len(arguments) else "")
            position += 1
            out.append(piece[1:])
        if position >= len(arguments) or sum(map(len, out)) > _MAX_TEXT:
            return "".join(out)


def _unescape(text: str) -> str | None:
    """``text`` with the common backslash escapes replaced; ``None`` at any other escape."""
    out: list[str] = []
    position = 0
    while position < len(text):
        found = text.find("\\", position)
        if found < 0:
            out.append(text[position:])
            break
        out.append(text[position:found])
        replacement = _ESCAPES.get(text[found + 1 : found + 2])
        if replacement is None:
            return None  # \c, \0NNN, \xHH, \u…: not computed
        out.append(replacement)
        position = found + 2
    return "".join(out)
