"""Reading one action: every text it carries, normalised once, judged by the rules and signals.

The engine and the training script both read actions through :func:`read`, so the learned
model is trained on exactly the stems it will see at run time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from aegis.love_engine import rules
from aegis.love_engine.cache import ByteBoundedCache
from aegis.love_engine.lexicon import LEXICON, Signal
from aegis.love_engine.model import features
from aegis.love_engine.normalise import (
    CLAUSE_BREAK,
    folded_size,
    mixed_script_words,
    normalise,
)
from aegis.love_engine.text import negator_before
from aegis.love_engine.traverse import Limits, Walk, camel_words, walk_parameters

__all__ = ["TOO_LARGE", "Reading", "read", "read_action", "walk", "walk_key"]

TOO_LARGE = "too large to judge"


@dataclass(slots=True)
class Reading:
    """What was found in an action: rule findings, soft signals, stems, and reading problems."""

    findings: list[rules.Finding] = field(default_factory=list)
    signals: dict[str, tuple[Signal, str]] = field(default_factory=dict)
    stems: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    clauses: list[int] = field(default_factory=list)  # each clause's concepts, as a bit mask
    framed: set[str] = field(default_factory=set)  # categories a frame excused
    #: each parameter text's stems and clauses, as (first stem, end, first clause, end)
    parameter_parts: list[tuple[int, int, int, int]] = field(default_factory=list)
    #: each parameter text's key, as stems (a label, not words of the request)
    parameter_keys: list[frozenset[str]] = field(default_factory=list)

    def features(self) -> set[str]:
        """What the learned model reads: stems, stem pairs, the kinds of evidence met, and each
        stem beside each kind of evidence."""
        return (
            features(self.stems)
            | rules.concept_features(self.clauses, self.framed, self.findings)
            | rules.cross_features(self.stems, self.clauses)
        )

    def add_signal(self, signal: Signal, where: str) -> None:
        self.signals.setdefault(signal.label, (signal, where))

    @property
    def too_large(self) -> bool:
        return TOO_LARGE in self.problems


_PAIR_STARTS = frozenset(entry.split(" ", 1)[0] for entry in LEXICON if " " in entry)
#: Every word that can start a signal: a text with none of them has none (most texts).
_SIGNAL_STARTS = _PAIR_STARTS | {entry for entry in LEXICON if " " not in entry}


def _soft_signals(words: tuple[str, ...], where: str, reading: Reading) -> None:
    """The lexicon's soft signals, with negation turning a word around ("without consent")."""
    if _SIGNAL_STARTS.isdisjoint(words):
        return
    index, count = 0, len(words)
    while index < count:
        signal, width = None, 1
        if index + 1 < count and words[index] in _PAIR_STARTS:
            signal = LEXICON.get(f"{words[index]} {words[index + 1]}")
            width = 2 if signal is not None else 1
        if signal is None:
            signal = LEXICON.get(words[index])
        if signal is not None:
            negator = negator_before(words, index)
            if negator is not None:
                signal = signal.negated
            if signal is not None and signal.deltas:
                start = index if negator is None else negator
                phrase = " ".join(words[start : index + width])
                reading.add_signal(signal, f"'{phrase}' in {where}")
        index += width


#: Texts the learned model does not read: the requester's own impact estimate and the
#: conversation context are not what the model was trained on (the rules still read them).
_UNMODELLED = frozenset({"potential_impact", "state.context"})


@dataclass(frozen=True, slots=True)
class _TextReading:
    """What one text yields, kept for texts that recur (action types, impacts, contexts)."""

    findings: tuple[rules.Finding, ...]
    clauses: tuple[int, ...]
    framed: frozenset[str]
    stems: tuple[str, ...]
    signals: tuple[tuple[Signal, str], ...]
    seen: int
    problems: tuple[str, ...] = ()


#: Short texts recur (the same action types, impacts and contexts): their reading is kept.
#: (Their reading never depends on the description's frame, which only parameters inherit.)
_TEXT_CACHE: ByteBoundedCache[_TextReading] = ByteBoundedCache(2 << 20, max_key_chars=256)


#: The texts that recur from action to action; descriptions and parameters rarely do.
_RECURRING = frozenset({"intent", "potential_impact", "state.context"})


def _key_stems(where: str) -> frozenset[str]:
    """The stems of the key a parameter text is read under ("parameters.claim" -> claim)."""
    key = where.rsplit(".", 1)[-1].split("[", 1)[0]
    return frozenset(normalise(camel_words(key)).stems) - {CLAUSE_BREAK}


def _read_text(text: str, where: str, reading: Reading, inherited: int = 0) -> int:
    if where in _RECURRING:
        key = (where, text)
        part = _TEXT_CACHE.get(key)
        if part is None:
            part = _read_text_uncached(text, where, inherited)
            _TEXT_CACHE.put(key, part)
    else:
        part = _read_text_uncached(text, where, inherited)
    reading.findings.extend(part.findings)
    reading.problems.extend(part.problems)
    for signal, found_at in part.signals:
        reading.add_signal(signal, found_at)
    if where not in _UNMODELLED:
        if where.startswith("parameters"):
            stems_end, clauses_end = len(reading.stems) + len(part.stems), len(reading.clauses)
            reading.parameter_parts.append(
                (len(reading.stems), stems_end, clauses_end, clauses_end + len(part.clauses))
            )
            reading.parameter_keys.append(_key_stems(where))
        reading.clauses.extend(part.clauses)
        reading.framed.update(part.framed)
        reading.stems.extend(part.stems)
        reading.stems.append(CLAUSE_BREAK)
    return part.seen


def _read_text_uncached(text: str, where: str, inherited: int) -> _TextReading:
    normalised = normalise(text)
    findings: list[rules.Finding] = []
    clauses: list[int] = []
    framed: set[str] = set()
    seen = rules.find_in(
        normalised, where, findings, inherited=inherited, clauses=clauses, framed=framed
    )
    signals = Reading()
    _soft_signals(normalised.words, where, signals)
    disguised = mixed_script_words(text)
    problems = (
        (f"{where}: words written with look-alike letters of another script: {disguised}",)
        if disguised
        else ()
    )
    return _TextReading(
        tuple(findings),
        tuple(clauses),
        frozenset(framed),
        normalised.stems,
        tuple(signals.signals.values()),
        seen,
        problems,
    )


def text_size(texts: tuple[tuple[str, str], ...]) -> int:
    return sum(str.__len__(text) for _, text in texts)  # a subclass's __len__ may lie


def _folded_size(texts: tuple[tuple[str, str], ...], walked: Walk) -> int:
    """Characters the texts take once normalised (see :func:`folded_size`), counted no
    further than just past the limit, before any other pass over them."""
    pieces = [text for _, text in texts] + [text for _, text in walked.clauses]
    size = 0
    for text in pieces:
        size += folded_size(text, walked.max_chars - size)
        if size > walked.max_chars:
            break
    return size


def walk(texts: tuple[tuple[str, str], ...], parameters: Mapping[str, Any], limits: Limits) -> Walk:
    """The parameters as clauses, or the reason they cannot be read; the texts' size counts.

    Cheap (no normalisation), so the engine can key its cache on the result.
    """
    size = text_size(texts)
    if size > limits.max_text_chars:  # len() is O(1): an oversized action costs nothing
        return Walk(problems=[TOO_LARGE], max_chars=limits.max_text_chars)
    if isinstance(parameters, dict) and not dict.__len__(parameters):
        return Walk(max_chars=limits.max_text_chars)  # (never a subclass's own __len__)
    walked = walk_parameters(parameters, limits, limits.max_text_chars - size)
    walked.max_chars = limits.max_text_chars
    return walked


def read(texts: tuple[tuple[str, str], ...], walked: Walk) -> Reading:
    """Read ``texts`` ((where, text) pairs) and the parameters ``walked`` from the action."""
    reading = Reading()
    reading.problems.extend(walked.problems)
    if not reading.too_large and _folded_size(texts, walked) > walked.max_chars:
        reading.problems.append(TOO_LARGE)
    if reading.too_large:
        return reading
    for key, where in walked.flags:
        reading.add_signal(_FLAG_SIGNALS[key], where)
    described = 0
    for where, text in texts:
        if text:
            seen = _read_text(text, where, reading)
            described |= seen if where == "description" else 0
    for where, text in walked.clauses:
        _read_text(text, where, reading, described)  # read in the description's frame
    return reading


def read_action(
    texts: tuple[tuple[str, str], ...], parameters: Mapping[str, Any], limits: Limits
) -> Reading:
    """:func:`walk` then :func:`read`: everything found in one action."""
    return read(texts, walk(texts, parameters, limits))


def walk_key(walked: Walk) -> str:
    """A string that determines the reading of the walked parameters (for caching).

    ``repr`` of the parts, not a join: a separator a parameter may itself contain would let
    two different actions share a key (and one verdict). ``repr`` quotes every string and
    escapes its control characters, so distinct walks give distinct keys.
    """
    return repr((walked.clauses, walked.flags, walked.problems))


_FLAG_SIGNALS: Mapping[str, Signal] = {
    "bulk": LEXICON["bulk"],
    "hide": LEXICON["hide"],
    "no backup": LEXICON["backup"].negated or LEXICON["backup"],
}
