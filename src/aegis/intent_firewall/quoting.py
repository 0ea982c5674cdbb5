"""What text quotes: a page on prompt injection quoting 'ignore previous instructions', a
test fixture holding one, a regular expression of injection phrases in code, all mention
the phrase; the rest of the text is what the file says to whoever reads it.
"""

from __future__ import annotations

__all__ = ["QUOTES", "without_quoted"]

#: Opening quote -> its closing quote: what a document or a program quotes it only mentions.
QUOTES = {'"': '"', "'": "'", "`": "`", "\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb"}
#: Quotes looked for per line; past that the rest of the line is kept (judged as written).
_MAXQUOTES_PER_LINE = 64


def without_quoted(text: str) -> str:
    """``text`` with what it quotes on each line blanked out: a page on prompt injection
    quoting 'ignore previous instructions' or a test fixture holding one mentions the
    phrase; an unquoted one is addressed to whoever reads the file. An apostrophe inside
    a word (``don't``) opens nothing; an unclosed quote keeps the rest of its line."""
    if not any(quote in text for quote in QUOTES) and "/" not in text:
        return text
    return "\n".join(_unquoted_line(line) for line in text.split("\n"))


#: Characters after which a ``/`` opens a regular expression literal (``= /…/i``).
_REGEX_OPENERS = frozenset("([,=:!&|?{;")
#: Characters only a pattern holds between its slashes (``/etc/`` is a path).
_REGEX_MARKS = frozenset(" ()|?*+[\\")


def _regex_end(line: str, index: int) -> int:
    """Where the regular expression literal opened by the ``/`` at ``index`` ends (after
    its flags), or -1: code quotes patterns of injection phrases as data too."""
    opener = index - 1
    while opener >= 0 and line[opener] in " \t":
        opener -= 1
    if opener >= 0 and line[opener] not in _REGEX_OPENERS:
        return -1
    end = line.find("/", index + 1)
    while end > 0 and line[end - 1] == "\\":
        end = line.find("/", end + 1)
    if end < 0 or _REGEX_MARKS.isdisjoint(line[index + 1 : end]):
        return -1
    after = end + 1
    while after < len(line) and line[after].isalpha():
        after += 1
    return after if after == len(line) or line[after] in ",);.]} \t" else -1


def _unquoted_line(line: str) -> str:
    kept: list[str] = []
    start = index = 0
    tries = 0
    while index < len(line) and tries < _MAXQUOTES_PER_LINE:
        if line[index] == "/" and (after := _regex_end(line, index)) > 0:
            tries += 1
            kept.append(line[start:index])
            kept.append(" ")
            start = index = after
            continue
        closing = QUOTES.get(line[index])
        if closing is None or (index and line[index - 1].isalnum()):
            index += 1
            continue
        tries += 1
        end = line.find(closing, index + 1)
        while end > 0 and end + 1 < len(line) and line[end + 1].isalnum() and closing == "'":
            end = line.find(closing, end + 1)  # "'it's quoted'": the apostrophe closes nothing
        if end < 0:
            break
        kept.append(line[start:index])
        kept.append(" ")
        start = index = end + 1
    kept.append(line[start:])
    return "".join(kept)
