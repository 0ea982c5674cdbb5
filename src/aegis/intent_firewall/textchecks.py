"""Heuristic checks on free text: instruction-override phrases and SQL-injection shapes.

Both are RE2 sets compiled once from ``data/patterns.toml`` (one automaton each, linear in
the text). They answer *review* only: these read intent from words, and words can be
innocent. The README says so.
"""

from __future__ import annotations

import html
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import unquote

import re2

from aegis.intent_firewall.carriers import CARRIER_CHARS, decoded_base64, decoded_hex

__all__ = [
    "FreeTextFindings",
    "code_danger",
    "code_in_data",
    "config_escape",
    "config_exec",
    "first_pattern",
    "free_text_checks",
    "instruction_override",
    "patterns",
    "search_set",
    "secret_in_text",
    "sql_injection_shape",
]


@cache
def patterns() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/patterns.toml").read_text()
    return tomllib.loads(text)


def search_set(expressions: Iterable[str], max_mem: int = 64 << 20) -> Any:
    """One compiled RE2 set searching for every pattern of ``expressions`` in a single pass
    (linear in the text), its memory capped at ``max_mem`` bytes."""
    options = re2.Options()
    options.max_mem = max_mem
    options.log_errors = False
    compiled = re2.Set.SearchSet(options)
    for pattern in expressions:
        compiled.Add(pattern)
    compiled.Compile()
    return compiled


@cache
def _compiled(name: str) -> Any:
    return search_set(patterns()[name])


def _first(name: str, text: str) -> str | None:
    matched = _compiled(name).Match(text)
    if not matched:
        return None
    return str(patterns()[name][min(matched)])


def first_pattern(name: str, text: str) -> str | None:
    """The first pattern of the ``name`` list in ``patterns.toml`` found in ``text``."""
    return _first(name, text)


_LEET = frozenset("0123456789@$!|")
_ROT13 = str.maketrans(
    "abcdefghijklmnopqrstuvwxyz", "nopqrstuvwxyzabcdefghijklm"
)  # canonical text is already lower case


def _unleet(canonical: str) -> str:
    """``canonical`` with leet letters read as letters, through its UTF-8 bytes: every leet
    pair is one ASCII byte for another and no byte of a longer character is ASCII, so the
    result is the same as translating characters, one table lookup per byte in C instead
    of a dictionary lookup per character (16,000 Cyrillic letters: 1 ms; a 60-character
    ASCII line: half the time of ``str.translate`` with a full ASCII table)."""
    raw = canonical.encode("utf-8", "surrogatepass")
    return raw.translate(_leet_bytes()).decode("utf-8", "surrogatepass")


#: A word of digits alone: a number, which leetspeak never writes (``1gn0re`` mixes).
_NUMBER = re2.compile(r"\b[0-9]+\b")


@cache
def _leet_bytes() -> bytes:
    pairs = patterns()["leet_map"]
    assert all(len(pair) == 2 and pair.isascii() for pair in pairs)
    return bytes.maketrans(
        "".join(p[0] for p in pairs).encode(), "".join(p[1] for p in pairs).encode()
    )


def instruction_override(canonical: str, original: str = "") -> str | None:
    """The first instruction-override pattern found in ``canonical`` text (also with
    leetspeak undone: ``1gn0re prev10us``), or ``None``."""
    found = _first("instruction_override", canonical)
    return found if found is not None else _override_respelled(canonical, original)


def _override_respelled(canonical: str, original: str, turned: bool | None = None) -> str | None:
    """The override patterns on the other spellings of ``canonical`` (both
    :func:`instruction_override` and :func:`free_text_checks` retry through here).
    ``turned`` says whether ``canonical`` holds a turned marker, when a scan already told."""
    found: str | None = None
    if not original.isascii():  # skeletons turn Cyrillic into Latin
        found = _first("instruction_override", unicodedata.normalize("NFKC", original).casefold())
    if found is None and not _LEET.isdisjoint(canonical):  # one C pass over the text
        found = _first("instruction_override", _unleet(canonical))
        if found is not None and _NUMBER.search(canonical):
            # "SEC-41: add" is a number, not "ai: add": read again with numbers kept (rare)
            found = _first("instruction_override", _unleet(_NUMBER.sub("#", canonical)))
    if found is None and "%" in canonical:
        found = _first("instruction_override", unquote(canonical))
    if found is None:
        found = _decoded_variants(canonical)
    if turned is None:
        turned = _holds_turned_marker(canonical)
    if found is None and canonical.isascii() and turned:
        # the same phrases reversed or in ROT13, the two spellings a model decodes unasked,
        # in one scan (a blank line apart, so no phrase spans the two)
        found = _first(
            "instruction_override", canonical[::-1] + "\n\n" + canonical.translate(_ROT13)
        )
    return found


#: The checks every judged string goes through, scanned as one automaton: one pass over
#: the text instead of one per check, and the same first pattern of each (see below).
_FREE_TEXT = ("instruction_override", "secrets_in_text", "code_in_data")

#: (instruction override, secret written out, code run when loaded): the first pattern of
#: each that ``text`` matches, or ``None``.
FreeTextFindings = tuple[str | None, str | None, str | None]


@cache
def _free_text_set() -> tuple[Any, tuple[tuple[int, int], ...]]:
    """The three sets' patterns in one RE2 set, and where each check's patterns start and end;
    after them the turned markers (see :func:`_holds_turned_marker`), from the last range's
    end on.

    An RE2 set reports every pattern that matches, so the lowest index matched within a
    check's range is exactly what that check's own set would report first. A marker is
    letters only, so as a pattern it matches exactly where it occurs as a substring.
    """
    expressions: list[str] = []
    ranges: list[tuple[int, int]] = []
    for name in _FREE_TEXT:
        start = len(expressions)
        expressions.extend(patterns()[name])
        ranges.append((start, len(expressions)))
    assert all(marker.isalpha() for marker in _TURNED_MARKERS)
    expressions.extend(_TURNED_MARKERS)
    return search_set(expressions), tuple(ranges)


def free_text_checks(canonical: str, original: str = "") -> FreeTextFindings:
    """What :func:`instruction_override`, :func:`secret_in_text` and :func:`code_in_data`
    would each answer on ``canonical``, in one scan of it (which also tells whether a
    turned marker occurs, for the override check's retries)."""
    compiled, ranges = _free_text_set()
    matched = compiled.Match(_without_public_secrets(canonical))
    found: list[str | None] = [None, None, None]
    turned = False
    if matched:
        markers = ranges[-1][1]
        turned = max(matched) >= markers
        for check, (name, (start, end)) in enumerate(zip(_FREE_TEXT, ranges, strict=True)):
            first = min((index for index in matched if start <= index < end), default=None)
            found[check] = None if first is None else str(patterns()[name][first - start])
    override = found[0]
    if override is None:  # as instruction_override does
        override = _override_respelled(canonical, original, turned)
    return override, found[1], found[2]


_SPLITTERS = str.maketrans("", "", ".-_*~|")
#: Words every override phrase uses, reversed and in ROT13: only text holding one of them is
#: read backwards or rotated (a substring test instead of two more scans of every text).
_OVERRIDE_WORDS = ("ignor", "instruct", "previous", "disregard", "forget", "prompt", "rules",
                   "jailbreak", "override", "bypass", "restrict", "pretend", "system")  # fmt: skip
_TURNED_MARKERS = tuple(
    spelling for word in _OVERRIDE_WORDS for spelling in (word[::-1], word.translate(_ROT13))
)
#: Up to this length the markers are looked for one by one; longer text is scanned once.
_SHORT_TEXT = 256


@cache
def _turned_scan() -> Any:
    """The markers as one RE2 alternation (letters only, so nothing to escape)."""
    assert all(marker.isalpha() for marker in _TURNED_MARKERS)
    options = re2.Options()
    options.log_errors = False
    return re2.compile("|".join(_TURNED_MARKERS), options)


def _holds_turned_marker(canonical: str) -> bool:
    """Whether ``canonical`` holds a marker: 26 substring tests beat one RE2 call on short
    text, one linear scan beats 26 on long text; both answer the same."""
    if len(canonical) <= _SHORT_TEXT:
        return any(marker in canonical for marker in _TURNED_MARKERS)
    return _turned_scan().search(canonical) is not None


#: Sixteen characters of a hex or base64 word in a row (``CARRIER_CHARS``): one linear
#: scan, where splitting 16,000 characters of prose into words costs 0.3 ms (short text
#: is split: a call into RE2 costs more than a few words).
_CARRIER_RUN = re2.compile(r"[A-Za-z0-9+/=_-]{16}")


def _decoded_variants(canonical: str) -> str | None:
    """Overrides behind HTML entities (``&#105;gnore``), letters split by dots or dashes
    (``i.g.n.o.r.e``), or in a hex or base64 word of their own."""
    if "&" in canonical and ";" in canonical:
        found = _first("instruction_override", html.unescape(canonical))
        if found is not None:
            return found
    splitters = canonical.count(".") + canonical.count("-") + canonical.count("_")
    if splitters > len(canonical) // 5:
        found = _first("instruction_override", canonical.translate(_SPLITTERS))
        if found is not None:
            return found
    if len(canonical) < 16:
        return None
    if len(canonical) > _SHORT_TEXT and _CARRIER_RUN.search(canonical) is None:
        return None  # no 16 carrier characters in a row: no word below can be a carrier
    # the first 16 long words: a list built in one comprehension costs less than a
    # generator sliced, and the split has already visited every word
    for word in [w for w in canonical.split() if len(w) >= 16][:16]:
        if not CARRIER_CHARS.issuperset(word):
            continue  # ./dist/manifest.json: neither hex nor base64
        hidden = decoded_hex(word) or decoded_base64(word)
        if hidden is not None:
            found = _first("instruction_override", hidden.casefold())
            if found is not None:
                return found
    return None


def code_danger(canonical: str) -> bool:
    """Code that starts programs, deletes files or opens sockets (``os.system``, ``!rm``)."""
    return _first("code_danger", canonical) is not None


def config_exec(canonical: str) -> str | None:
    """Configuration text that makes a program run commands later (local-exec, ext::)."""
    return _first("config_exec", canonical)


def config_escape(canonical: str) -> str | None:
    """Container configuration that reaches the host (privileged, host root mounted)."""
    return _first("config_escape", canonical)


def sql_injection_shape(canonical: str) -> str | None:
    """The first SQL-injection shape found in ``canonical`` text, or ``None``."""
    if (
        "'" not in canonical
        and '"' not in canonical
        and "union" not in canonical
        and (";" not in canonical)
        and "(" not in canonical
        and "@@" not in canonical
        and " or " not in canonical
    ):
        return None
    return _first("sql_injection", canonical)


def whole_sql_statement(canonical: str) -> str | None:
    """``canonical`` is one destructive SQL statement and nothing else, or ``None``."""
    if not canonical.lstrip().startswith(("drop", "truncate", "delete")):
        return None
    return _first("sql_whole_statement", canonical)


def secret_in_text(canonical: str) -> str | None:
    """A private key block or a provider's token written out in the text, or ``None``."""
    return _first("secrets_in_text", _without_public_secrets(canonical))


def _without_public_secrets(canonical: str) -> str:
    """``canonical`` without the secrets published for local development (Azurite's key)
    or as documentation examples (AWS's ``AKIAIOSFODNN7EXAMPLE``): written out, they leak
    nothing."""
    if "==" not in canonical and "example" not in canonical and "sk_test_" not in canonical:
        return canonical  # each of them holds one of these: three substring tests at most
    for secret in patterns()["public_development_secrets"]:
        canonical = canonical.replace(secret, "")
    return canonical


def code_in_data(canonical: str) -> str | None:
    """Data that runs code or rewrites structure when it is loaded, rendered or sent (YAML
    tags, template expressions, prototype keys, script tags, header breaks, LDAP and NoSQL
    operators, spreadsheet formulas), or ``None``."""
    return _first("code_in_data", canonical)
