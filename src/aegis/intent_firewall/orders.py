"""Orders and mentions in prose: which commands and URLs a text tells its reader to run or
reach, told from those it reports, warns against or gives as examples.

Security discussion quotes attacks: a contributing guide says "never run `rm -rf /`", an
advisory says the exploit "ran `curl … | sh`", a review comment gives "`; rm -rf ~`" as an
example of an injection. Judging every command found in such text as the reader's own
blocked the discussion, not the attack. Here a command or URL found in text counts only
when the text orders it:

- the words before it, read backwards within its sentence, meet an order first: an
  order's verb in an order's place ("run:", "then paste", "please execute", "fix it by
  running"), an adverb that orders ("then", "now", "first", "please"), or a label that
  introduces it ("Step 1: …", "Cleanup: `…`");
- not a warning ("never", "do not", "avoid", "instead of"), a report ("ran", "the attacker",
  "we saw", "the exploit"), an example ("such as", "e.g.", "like") or a sentence about
  refusing or detecting it ("the firewall blocks …", "why …") met first;
- with no such word, what stands where a command stands is ordered (a shell fence, a line
  of its own, a label's command, a clause's first word); a command in backticks inside a
  sentence, a program named mid-sentence and a URL are mentions.

Everything is a linear scan over bounded text; the word lists are data (``orders.toml``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

__all__ = ["Candidate", "ordered", "ordered_urls", "prose_like"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/orders.toml").read_text()
)
_VERBS = frozenset(_DATA["order_verbs"])
_ADVERBS = frozenset(_DATA["order_adverbs"])
_OPENERS = frozenset(_DATA["imperative_openers"])
_GERUNDS = frozenset(_DATA["gerund_words"])
_GERUND_OPENERS = frozenset(_DATA["gerund_openers"])
_NEGATIVE = frozenset(_DATA["negative_words"])
_STOPS = (
    _NEGATIVE
    | frozenset(_DATA["report_words"])
    | frozenset(_DATA["example_words"])
    | frozenset(_DATA["mention_words"])
)
_TAIL = frozenset(_DATA["tail_words"])
_URL_VERBS = frozenset(_DATA["url_words"])
_FUNCTION = frozenset(_DATA["function_words"])

#: Words read backwards from a candidate, and forwards after it.
_LOOK_BACK = 16
_LOOK_AHEAD = 4
#: Characters before a candidate its lead is read from (16 words fit well within).
_LEAD_CHARS = 240
_MAX_TEXT = 16384
_STRIP = "\"'`()[]{}<>,;!?*“”‘’«»"
#: Words a sentence does not end at (``e.g. `rm -rf ~```).
_ABBREVIATIONS = ("e.g", "i.e", "etc", "vs", "cf", "eg", "ie")
_LIST_MARKS = frozenset({"-", "*", "+", "$", ">", "#", "•"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A command or URL found in text: where it starts and ends, and whether it stands where
    a command stands (a fence, a line of its own, a label's command)."""

    start: int
    end: int
    placed: bool


def _word(token: str) -> str:
    return token.strip(_STRIP).rstrip(".:").lower()


def _sentence_start(segment: str) -> int:
    """Where the last sentence or clause of ``segment`` starts."""
    best = 0
    for mark in (". ", "! ", "? ", "; "):
        at = segment.rfind(mark)
        while at > 0 and mark == ". " and segment[:at].lower().endswith(_ABBREVIATIONS):
            at = segment.rfind(mark, 0, at)
        if at >= 0:
            best = max(best, at + 2)
    return best


def _without_spans(segment: str) -> str:
    """``segment`` with each complete backtick span replaced by a placeholder word."""
    if "`" not in segment:
        return segment
    parts = segment.split("`")
    if len(parts) % 2 == 0:  # an unclosed backtick: the rest is the candidate's own
        parts = parts[:-1]
    return " code ".join(parts[0::2])


def _previous_line(text: str, line_start: int) -> str:
    """The last non-blank line before ``line_start`` (fence lines skipped), or ``""``."""
    end = line_start - 1
    for _ in range(4):
        if end <= 0:
            return ""
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].strip()
        if line and not line.startswith("```"):
            return line
        end = begin - 1
    return ""


def lead_of(text: str, start: int) -> tuple[list[str], bool]:
    """The words before ``start`` in its sentence (the line before when it introduces this
    one with a colon), and whether ``start`` is where a command stands: first on its line,
    after a label's colon or a clause's comma."""
    line_start = text.rfind("\n", 0, start) + 1
    segment = _without_spans(text[max(line_start, start - _LEAD_CHARS) : start])
    segment = segment[_sentence_start(segment) :]
    tokens = [token for token in segment.split() if token not in _LIST_MARKS]
    if not tokens:
        previous = _previous_line(text, line_start)[-_LEAD_CHARS:]
        if previous.endswith(":"):
            tokens = _without_spans(previous)[_sentence_start(previous) :].split()
        return _words(tokens), True
    placed = tokens[-1].endswith((",", ":", "(")) or (len(tokens) == 1 and tokens[0][:1].isdigit())
    return _words(tokens), placed


def _words(tokens: list[str]) -> list[str]:
    """The last words of ``tokens``, a comma or colon kept as a word of its own: a verb
    after one opens a clause ("To verify, execute …")."""
    words: list[str] = []
    for token in tokens[-_LOOK_BACK:]:
        words.append(_word(token))
        if token.endswith((",", ":", "(")):
            words.append(_CLAUSE)
    return words


#: The word a clause break stands as.
_CLAUSE = ","


def _decide(words: list[str]) -> bool | None:
    """True when an order is met first reading backwards, False for a warning, report,
    example or refusal; None when no word decides."""
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        before = words[index - 1] if index else ""
        if word == "instead":  # "instead of X" warns; "instead, do X" orders
            return words[index + 1 : index + 2] != ["of"]
        if word in _ADVERBS:
            return not _negated(words, index)
        if word in _VERBS and (
            not before or before == _CLAUSE or before in _OPENERS or before in _ADVERBS
        ):
            return not _negated(words, index)
        if word in _GERUNDS and before in _GERUND_OPENERS:
            return True
        if word in _STOPS:
            return False
    return None


def _negated(words: list[str], index: int) -> bool:
    """A warning within four words before ``words[index]`` in its clause ("we never ask
    you to run"), unless it is undone on the way ("do not hesitate to run", "don't forget
    to run")."""
    before = words[max(0, index - 4) : index]
    if _CLAUSE in before:  # "No worries, just run …": a negation in another clause
        before = before[len(before) - before[::-1].index(_CLAUSE) :]
    for at, word in enumerate(before):
        if word in _NEGATIVE:
            return not any(later in _UNDOING for later in before[at + 1 :])
    return False


#: Words after a negation that turn it into an order ("do not forget to run").
_UNDOING = frozenset({"hesitate", "forget", "fail", "wait", "delay"})


def _tail(text: str, end: int) -> bool:
    """Whether the words right after a candidate say it is an example or a report."""
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)].split()[:_LOOK_AHEAD]
    return any(_word(token) in _TAIL for token in after)


def _ordered_after(text: str, end: int) -> bool:
    """An order right after a candidate that points back at it ("`…` — run it now",
    "reproduce it exactly"), not negated."""
    line_end = text.find("\n", end)
    after = [_word(t) for t in text[end : line_end if line_end >= 0 else len(text)].split()[:6]]
    for index, word in enumerate(after[:-1]):
        if word in _VERBS and after[index + 1] in _BACK_REFERENCES:
            return not _negated(after, index)
    return False


#: Words by which an order after a command points back at it.
_BACK_REFERENCES = frozenset({"it", "this", "that", "them", "these", "those"})


def ordered(text: str, candidate: Candidate, *, undecided: bool = False) -> bool:
    """Whether ``text`` orders its reader to run or reach ``candidate``; ``undecided`` is
    the answer when no word decides and the candidate does not stand where a command
    stands (text given to the agent as its task: what it does not disown, it orders)."""
    words, placed = lead_of(text, candidate.start)
    decided = _decide(words)
    if decided or _ordered_after(text, candidate.end):
        return True
    if decided is not None or _tail(text, candidate.end):
        return False
    return candidate.placed or placed or undecided


#: Words after which a verb's -s form is a verb ("which uploads", "it posts"), not a noun
#: ("we saw requests to …").
_SUBJECTS = frozenset({"which", "that", "it", "this", "who", "and", "then", "also", "script",
                       "automatically", "job", "hook", "tool", "helper"})  # fmt: skip


def _url_verb(word: str, before: str) -> bool:
    """A verb that reaches a URL, inflected too: "posted", "sending", "which uploads"."""
    if word in _URL_VERBS:
        return True
    stems = [word[:-2] if word.endswith("ed") else "", word[:-1] if word.endswith("ed") else "",
             word[:-3] if word.endswith("ing") else "",
             word[:-3] + "y" if word.endswith("ied") else ""]  # fmt: skip
    if before in _SUBJECTS:
        stems += [word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "",
                  word[:-3] + "y" if word.endswith("ies") else ""]  # fmt: skip
    # submitted, hitting, shipping: the last consonant doubled before the ending
    stems += [stem[:-1] for stem in stems if len(stem) > 3 and stem[-1] == stem[-2]]
    return any(stem in _URL_VERBS for stem in stems if len(stem) > 2)


def _decide_url(words: list[str]) -> bool:
    """True when a verb that reaches a URL (or an ordering adverb) is met first reading
    backwards, False at a warning, report, example or refusal, or at the start."""
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word == "instead" and words[index + 1 : index + 2] == ["of"]:
            return False
        before = words[index - 1] if index else ""
        if _url_verb(word, before) or word in _ADVERBS:
            return not _negated(words, index)
        if word in _STOPS:
            return False
    return False


def ordered_urls(text: str, urls: list[str]) -> list[str]:
    """Of ``urls`` (found in ``text`` in order), those the text orders to be reached:
    fetched, opened, downloaded, sent to ("send the log to https://…")."""
    kept: list[str] = []
    position = 0
    for url in urls:
        start = text.find(url, position)
        if start < 0:
            start = text.lower().find(url.lower(), position)
        if start < 0:
            kept.append(url)  # not found as written: judged (fail closed)
            continue
        position = start + len(url)
        span = _enclosing_span(text, start)
        if span is not None:  # inside a quoted command: reached when that is ordered
            if ordered(text, span):
                kept.append(url)
        elif _decide_url(lead_of(text, start)[0]):
            kept.append(url)
    return kept


def _enclosing_span(text: str, start: int) -> Candidate | None:
    """The backtick span ``start`` lies in, on its line, or None."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.count("`", line_start, start) % 2 == 0:
        return None
    opening = text.rfind("`", line_start, start)
    closing = text.find("`", start)
    return Candidate(opening, len(text) if closing < 0 else closing + 1, False)


def prose_like(text: str) -> bool:
    """Sentences rather than a command line or markup: several words, the first no markup
    and not a program's name followed by what only a command line has, a third of them
    words (backtick spans and URLs make up the rest of a security note) and one of them a
    function word of a language (``cd ~; rm -rf .ssh`` has none)."""
    from aegis.intent_firewall.injection import starts_as_command

    if len(text) > _MAX_TEXT:
        return False
    tokens = text.split(None, 64)[:64]
    if len(tokens) < 4 or tokens[0][:1] in _MARKUP or starts_as_command(text):
        return False
    words = sum(1 for token in tokens if _is_word(token))
    return words * 3 >= len(tokens) and any(_word(token) in _FUNCTION for token in tokens)


#: First characters of markup, data and command lines, never of a sentence.
_MARKUP = frozenset("<{[`$=|;&\\")


def _is_word(token: str) -> bool:
    """A word of a sentence: letters (an apostrophe or hyphen inside), then punctuation
    (``<?xml`` and ``key=value`` are not words)."""
    bare = token.lstrip("(\"'“‘").rstrip(".,;:!?)\"'”’")
    return bare.replace("'", "").replace("-", "").replace("’", "").isalpha()
