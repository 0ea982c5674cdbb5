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

__all__ = [
    "COMMENT_MARKS",
    "comments_as_space",
    "executable_comments_opened",
    "has_comment",
    "leading_word",
    "without_leading_comments",
]

#: What opens a comment in some dialect.
COMMENT_MARKS = ("/*", "--", "#")
_QUOTES = "'\"`"


def has_comment(text: str) -> bool:
    return any(mark in text for mark in COMMENT_MARKS)


def comments_as_space(text: str, *, quotes: bool = True) -> str:
    """``text`` with every comment (``/* */`` unnested, ``--`` and ``#`` to the end of the
    line) replaced by one space; an unterminated ``/*`` comments out the rest. Without
    ``quotes`` a quote is an ordinary character: an injected value closes the quote of the
    statement around it (``x';/**/DROP…``), so its own quotes open nothing."""
    out: list[str] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if quotes and char in _QUOTES:
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


def executable_comments_opened(text: str) -> str:
    """MySQL runs the text of ``/*! … */`` and ``/*!50000 … */`` comments as SQL (they are
    for version-specific syntax): the comment markers are removed so the parser sees what
    the server runs (one linear pass)."""
    if "/*!" not in text:
        return text
    out, index = [], 0
    while (start := text.find("/*!", index)) >= 0:
        out.append(text[index:start] + " ")
        body = start + 3
        while body < len(text) and text[body].isdigit():
            body += 1
        end = text.find("*/", body)
        if end < 0:
            out.append(text[body:])
            index = len(text)
            break
        out.append(text[body:end] + " ")
        index = end + 2
    out.append(text[index:])
    return "".join(out)


def without_leading_comments(text: str) -> str:
    text = executable_comments_opened(text)
    text = text.lstrip(" \t\r\n(;")
    while text.startswith(("--", "/*", "#")):
        end = text.find("*/") + 2 if text.startswith("/*") else text.find("\n") + 1
        text = text[end:].lstrip(" \t\r\n(;") if end > 0 else ""
    return text
