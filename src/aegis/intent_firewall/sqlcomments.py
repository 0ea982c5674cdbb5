"""SQL comments read the way a server reads them: as whitespace between words.

``DROP/**/TABLE/**/users`` is ``DROP TABLE users`` to every server, and ``#`` starts a
comment only in MySQL (PostgreSQL reads it as XOR). Judging the text as written would let a
comment hide the statement's first word or split a keyword the word checks look for, so the
judge also reads the text with every comment turned into one space. Dialects disagree on
what a comment is (``#``, nesting ``/* /* */ */``, ``--`` without a following space), so the
caller reads the text both ways and keeps every finding: the reading that hides more is
never the only one judged.

One linear pass, no regular expression; quotes are respected so ``'--'`` and ``'/*'`` inside
a string stay text.
"""

from __future__ import annotations

__all__ = ["COMMENT_MARKS", "comments_as_space", "has_comment", "leading_word"]

#: What opens a comment in some dialect.
COMMENT_MARKS = ("/*", "--", "#")
_QUOTES = "'\"`"


def has_comment(text: str) -> bool:
    return any(mark in text for mark in COMMENT_MARKS)


def comments_as_space(text: str) -> str:
    """``text`` with every comment (``/* */`` unnested, ``--`` and ``#`` to the end of the
    line) replaced by one space; an unterminated ``/*`` comments out the rest."""
    out: list[str] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char in _QUOTES:
            end = _quote_end(text, index)
            out.append(text[index:end])
            index = end
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            index = length if end < 0 else end + 2
            out.append(" ")
        elif text.startswith("--", index) or char == "#":
            end = text.find("\n", index)
            index = length if end < 0 else end
            out.append(" ")
        else:
            out.append(char)
            index += 1
    return "".join(out)


def _quote_end(text: str, start: int) -> int:
    """The index just past the quoted string opened at ``start`` (a doubled quote is an
    escaped one; an unterminated string runs to the end)."""
    quote, index = text[start], start + 1
    while True:
        end = text.find(quote, index)
        if end < 0:
            return len(text)
        if text.startswith(quote * 2, end):
            index = end + 2
            continue
        return end + 1


def leading_word(text: str) -> str:
    """The run of letters and underscores the text starts with: ``drop`` in
    ``drop/**/table``, ``exec`` in ``exec('…')``."""
    end = 0
    while end < len(text) and (text[end].isalpha() or text[end] == "_"):
        end += 1
    return text[:end]
