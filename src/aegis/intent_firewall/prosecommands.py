"""Commands written inside prose: shell fences, backtick spans, the words after a cue
("run X"), and a catalogued program followed by an argument only a command line has (an
option, a path, a URL, ``user@host:``). :func:`embedded_commands` finds them and keeps those
the text orders its reader to run (``orders.py``); :func:`starts_as_command` tells a value
that opens the way a command line does from a sentence.

Every scan is linear over bounded text (16,384 characters, 64 lines, 96 words a line).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from importlib import resources

import re2

from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.orders import Candidate, ordered
from aegis.intent_firewall.quoting import QUOTES

__all__ = ["MAX_COMMAND", "embedded_commands", "negated", "prose_word", "starts_as_command"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/injection.toml").read_text()
)
_NEGATIONS = frozenset(_DATA["negations"])
_CUES = frozenset(_DATA["command_cues"])
_WORD_PROGRAMS = frozenset(_DATA["word_programs"])
#: Longest text scanned (longer text is judged by the other checks only, within its limits).
_MAX_TEXT = 16384
_MAX_SENTENCES = 64
_MAX_COMMANDS = 6
#: Candidates weighed as orders or mentions per text.
_MAX_WEIGHED = 48
MAX_COMMAND = 512
_STRIP = "\"'`()[]{}<>,;!?*“”‘’«»"
_SHELL_FENCES = frozenset({"", "bash", "sh", "shell", "zsh", "console", "terminal", "sh-session"})


def prose_word(token: str) -> str:
    """``token`` as a word of prose: quotes and punctuation stripped, lower case."""
    return token.strip(_STRIP).rstrip(".:").lower()


def negated(words: list[str], at: int) -> bool:
    """A negation right before ``words[at]`` ("never paste", "do not run"); one further
    away ("do not hesitate to run") does not cancel the order."""
    return any(word in _NEGATIONS for word in words[max(0, at - 2) : at])


def _technical(token: str) -> bool:
    """An argument only a command line has: an option, a path, a URL, ``user@host:``."""
    return (
        token[:1] in ("-", "/", "~", "$")
        or token.startswith(("./", "../"))
        or "://" in token
        or ("@" in token and ":" in token)
        or ("/" in token and not token.endswith("/") and " " not in token)
    )


def _clause(tokens: list[str]) -> str:
    """Tokens up to the end of their clause ("… and then continue", a full stop)."""
    kept: list[str] = []
    for index, token in enumerate(tokens[:64]):
        lowered = token.lower()
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if kept and (lowered == "then" or (lowered == "and" and following == "then")):
            break
        if kept and token.endswith((".", "!", "?")) and not token.endswith(".."):
            kept.append(token.rstrip(".!?"))
            break
        kept.append(token)
    return " ".join(kept).strip()


def _unquote_clause(clause: str) -> str:
    """``'rm -rf ~/.git' now`` -> ``rm -rf ~/.git``: a command quoted in a sentence."""
    quote = clause[:1]
    if quote in ("'", '"', "\u201c", "\u2018"):
        closing = QUOTES[quote]
        return clause[1:].split(closing, 1)[0].strip()
    return clause


def _subcommand_line(tokens: list[str], index: int) -> bool:
    """``"pip install -e .[dev]"``: a program, one of its subcommands, then an argument only
    a command line has; the line starts at the program, not at the subcommand (``install``
    is a program of its own)."""
    if index + 2 >= len(tokens) or not _technical(tokens[index + 2]):
        return False
    spec = catalogue().lookup(prose_word(tokens[index]).rsplit("/", 1)[-1])
    return spec is not None and prose_word(tokens[index + 1]) in spec.subcommands


def _program(token: str) -> bool:
    spec = catalogue().lookup(prose_word(token).rsplit("/", 1)[-1])
    return spec is not None and (spec.operands != "none" or bool(spec.finding))


def _known(token: str) -> bool:
    """A catalogued program whatever its operands (``pip`` before ``install -e``)."""
    return catalogue().lookup(prose_word(token).rsplit("/", 1)[-1]) is not None


def starts_as_command(text: str) -> bool:
    """``text`` opens the way a command line does: a path or an assignment, or a program
    followed by an argument (``make sure …`` and ``find the bug`` open sentences)."""
    tokens = text.split(None, 2)
    if not tokens or _SHELL_COMPOUND.search(text) is not None:
        return bool(tokens)  # if [ -f Makefile ]; then make lint; fi
    first = tokens[0]
    if first.startswith(("/", "./", "~", "$")) or ("=" in first and first[:1].isalpha()):
        return len(tokens) == 1 or not tokens[1].isalpha()  # "/preview accepts …": prose
    if not _program(first):
        return False
    if len(tokens) > 1 and _technical(tokens[1]):
        return True
    if first[:1].isupper() and first[1:].islower() and _opens_sentence(text):
        return False  # "Replace the installer docs …": a sentence, not replace(1)
    return len(tokens) == 1 or prose_word(first) not in _WORD_PROGRAMS


#: A shell compound command: ``if``/``while``/``until`` then a test, or ``for``/``case`` with
#: its ``in``, and the keyword after a ``;`` (no sentence has ``; then`` or ``; do``).
_SHELL_COMPOUND = re2.compile(
    r"^\s*(?:(?:if|while|until)\s+(?:\[\[?|test\s|!\s|[a-z_./-]+\s)[^\n]*;\s*(?:then|do)\b|"
    r"for\s+[A-Za-z_][A-Za-z0-9_]*\s+in\s[^\n]*;\s*do\b|case\s+\S+\s+in\b)"
)
#: Words that make a capitalised first word the start of a sentence ("Replace the …").
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "to", "that", "and", "of", "in", "for", "with", "on", "all", "this",
     "it", "your", "our", "my", "its", "their", "any", "every", "each", "some"}
)  # fmt: skip


def _opens_sentence(text: str) -> bool:
    return any(word in _FUNCTION_WORDS for word in text.split(None, 4)[1:4])


def embedded_commands(text: str, *, orders_only: bool = True, undecided: bool = False) -> list[str]:
    """Command lines written inside prose: fenced blocks, backtick spans, the words after
    a cue ("run X"), and a catalogued program followed by a command line's argument; with
    ``orders_only`` only those the text orders its reader to run (``orders.py``: not one
    it reports, warns against or gives as an example; ``undecided`` for one no word
    decides)."""
    if len(text) > _MAX_TEXT:
        return []
    found: list[str] = []
    weighed = [0]

    def add(command: str, candidate: Candidate) -> None:
        if not command or command in found or len(found) >= _MAX_COMMANDS:
            return
        weighed[0] += 1  # past the bound every command is taken as ordered (fail closed)
        if (
            not orders_only
            or weighed[0] > _MAX_WEIGHED
            or ordered(text, candidate, undecided=undecided)
        ):
            found.append(command)

    masked = _quoted(text, add) if "`" in text else text
    position = 0
    for line in masked.split("\n")[:_MAX_SENTENCES]:
        _line_commands(line, position, add)
        position += len(line) + 1
        if len(found) >= _MAX_COMMANDS:
            break
    return [command[:MAX_COMMAND] for command in found[:_MAX_COMMANDS]]


def _offsets(line: str, tokens: list[str]) -> list[int]:
    offsets: list[int] = []
    at = 0
    for token in tokens:
        at = line.find(token, at)
        offsets.append(at)
        at += len(token)
    return offsets


def _line_commands(line: str, position: int, add: Callable[[str, Candidate], None]) -> None:
    """The commands of one line of prose (backtick spans blanked out) given to ``add``."""
    tokens = line.split()[:96]
    words = [prose_word(token) for token in tokens]
    offsets = _offsets(line, tokens)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        rest = tokens[index + 1 :]
        cue = words[index] in _CUES and bool(rest) and _program(rest[0])
        technical = (
            index + 1 < len(tokens)
            and (
                (_program(token) and _technical(tokens[index + 1]))
                or _subcommand_line(tokens, index)
            )
            and (words[index] not in _WORD_PROGRAMS or tokens[index + 1].startswith("-"))
        )
        if negated(words, index) or not (cue or technical):
            index += 1
            continue
        first = index + 1 if cue else index
        if technical and index > 0 and words[index] in _WORD_PROGRAMS and _known(tokens[index - 1]):
            first = index - 1  # pip install -e .: the subcommand's program opens the line
        clause = _clause(tokens[first:])
        start = position + offsets[first]
        add(_unquote_clause(clause), Candidate(start, start + len(clause), first == 0))
        index = first + max(1, len(clause.split()))


def _quoted(text: str, add: Callable[[str, Candidate], None]) -> str:
    """Fenced blocks and backtick spans given to ``add``; ``text`` returned with them
    blanked out (same length, line breaks kept) for the scan of the prose around them."""
    chars = list(text)
    fence = text.find("```")
    count = 0
    while fence >= 0 and count < 16:
        close = text.find("```", fence + 3)
        end = len(text) if close < 0 else close + 3
        language, _, body = text[fence + 3 : max(fence + 3, end - 3)].partition("\n")
        if language.strip().lower() in _SHELL_FENCES:
            lines = (line.strip().removeprefix("$ ") for line in body.splitlines())
            add("\n".join(line for line in lines if line), Candidate(fence, end, True))
        _blank(chars, fence, end)
        fence = text.find("```", end) if close >= 0 else -1
        count += 1
    masked = "".join(chars)
    start = masked.find("`")
    count = 0
    while start >= 0 and count < 32:
        close = masked.find("`", start + 1)
        if close < 0:
            break
        span = masked[start + 1 : close].strip().removeprefix("$ ")
        if span and " " in span:
            add(span, Candidate(start, close + 1, False))
        _blank(chars, start, close + 1)
        start = masked.find("`", close + 1)
        count += 1
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, min(end, len(chars))):
        if chars[index] != "\n":
            chars[index] = " "
