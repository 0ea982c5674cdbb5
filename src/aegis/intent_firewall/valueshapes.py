"""Command substitutions whose output has a known shape, accepted where it cannot matter.

``make -j"$(nproc)"``, ``tar czf backup/config-$(date +%F).tgz config/`` and ``ln -s
"$(command -v node)" ./bin/node`` hold values known only when the shell runs, but what
``nproc``, ``date +%F`` and ``command -v`` print has a fixed shape: a number, a date stamp,
a program's path. The catalogue (``data/value_shapes.toml``) lists such producers and the
places where their shape cannot change what the command does; there the word is judged
with an example of the shape in place of the output and the substitution is no finding
(the producer itself is still judged as a command). Anything else keeps the finding.

:class:`Shaped` marks each accepted substitution in a word's value while the word is
resolved; :func:`settle` then checks every mark's place and gives the value to judge.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "PRODUCER_NAMES",
    "TRUSTED_PRODUCERS",
    "Shaped",
    "mark",
    "pid_file",
    "producer_shape",
    "settle",
]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall")
    .joinpath("data/value_shapes.toml")
    .read_text(encoding="utf-8")
)
_SHAPES: dict[str, dict[str, object]] = _DATA["shape"]
_PRODUCERS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (tuple(entry["command"]), entry["shape"]) for entry in _DATA["producer"]
)
_CONVERSIONS: dict[str, str] = _DATA["date"]["conversions"]
_JOINED: tuple[str, ...] = tuple(_DATA["options"]["joined"])
#: The programs that print the shapes: a file of one of these names written on the line, a
#: changed PATH or a function or alias makes the output anyone's (``linecontext``).
PRODUCER_NAMES = frozenset(pattern[0] for pattern, _ in _PRODUCERS)
#: The key, among a line's variables, that says its producers are the real programs.
TRUSTED_PRODUCERS = "\x00producers"
_DATE_LITERALS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-:")
_NAME_CHARS = frozenset(_DATE_LITERALS - {":"} | {"+"})
#: Characters of a producer's words once one level of quotes is removed.
_PLAIN = frozenset(_DATE_LITERALS | set("%+=,/"))
#: Marks a substitution in a value under resolution (private-use characters no text holds).
_OPEN, _CLOSE = "\ue000", "\ue001"


@dataclass(frozen=True, slots=True)
class Shaped:
    """One accepted substitution: its mark in the value, the example judged in its place,
    the places its shape is accepted in and the finding it stands for."""

    mark: str
    example: str
    places: tuple[str, ...]
    construct: str


def _words(text: str) -> tuple[str, ...] | None:
    """The words of a substitution's body (``$(…)`` or ``…``) when they are plain: one
    level of quotes around a whole word, nothing the shell would expand or join."""
    body = text[2:-1] if text.startswith("$(") else text[1:-1]
    if not body.isprintable():
        return None  # a newline or a tab separates commands or hides one: not one producer
    words: list[str] = []
    for written in body.split():
        quoted = len(written) > 1 and written[0] == written[-1] and written[0] in "'\""
        word = written[1:-1] if quoted else written
        if not word or not set(word) <= _PLAIN:
            return None
        words.append(word)
    return tuple(words)


def _date(form: str) -> str | None:
    """What ``date +FORM`` prints for the example date; ``None`` for any conversion or
    character the catalogue does not list (``%D`` prints a ``/``)."""
    if not form.startswith("+") or len(form) > 64:
        return None
    out: list[str] = []
    index = 1
    while index < len(form):
        char = form[index]
        if char == "%":
            printed = _CONVERSIONS.get(form[index + 1 : index + 2])
            if printed is None:
                return None
            out.append(printed)
            index += 2
            continue
        if char not in _DATE_LITERALS:
            return None
        out.append(char)
        index += 1
    return "".join(out) or None


def _match(pattern: tuple[str, ...], words: tuple[str, ...]) -> dict[str, str] | None:
    if len(pattern) != len(words):
        return None
    found: dict[str, str] = {}
    for expected, word in zip(pattern, words, strict=True):
        head, marker, kind = expected.partition("<")
        if not marker:
            if word != expected:
                return None
            continue
        kind, given = kind.rstrip(">"), word[len(head) :]
        if not word.startswith(head) or not given:
            return None
        ok = {"digits": given.isdigit(), "name": _program_name(given),
              "format": given.startswith("+"), "pidfile": pid_file(given),
              "port": _port(given)}.get(kind, False)  # fmt: skip
        if not ok:
            return None
        found[kind] = given
    return found


def _port(word: str) -> bool:
    """An unprivileged port (1024 and above): a dev server's, not a system daemon's."""
    return word.isdigit() and 1024 <= int(word[:6]) <= 65535


def pid_file(word: str) -> bool:
    """A ``*.pid`` file named plainly, without ``..`` or a home shortcut (where it lies is
    checked against the workspace by ``pidshapes``)."""
    parts = word.split("/")
    return word.endswith(".pid") and ".." not in parts and word[0] not in "-~" and len(word) <= 128


def _program_name(word: str) -> bool:
    return len(word) <= 64 and word[0] not in ".-+" and set(word) <= _NAME_CHARS


def _option_start(text: str) -> bool:
    """``text`` begins with a listed option that takes a count or an identifier: ``-j``,
    ``--jobs=``, ``--user=1000:`` (``[options] joined``); never ``-s`` (a size) or a path."""
    for name in _JOINED:
        if text.startswith(name):
            rest = text[len(name) :]
            if not name.startswith("--") or rest[:1] == "=":
                return True
    return False


@lru_cache(maxsize=256)
def producer_shape(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(example, places) for the substitution written ``text`` when the catalogue knows
    what it prints; ``None`` otherwise."""
    if len(text) > 128:
        return None
    words = _words(text)
    if not words:
        return None
    for pattern, listed in _PRODUCERS:
        found = _match(pattern, words)
        if found is None:
            continue
        shape = listed
        if listed == "date":
            example = _date(found.get("format", ""))
            if example is None:
                return None
            shape = "stamp"  # %Y%m%d is digits, still a stamp in a name
        else:
            example = str(_SHAPES[shape]["example"]).replace("{name}", found.get("name", ""))
        places = _SHAPES[shape]["places"]
        assert isinstance(places, list)
        return example, tuple(places)
    return None


def mark(index: int) -> str:
    """The mark of a value's ``index``-th shaped substitution."""
    return f"{_OPEN}{index}{_CLOSE}"


def _accepted(
    value: str, item: Shaped, examples: dict[str, str], *, program: bool, kill: bool
) -> bool:
    position = value.find(item.mark)
    if position < 0:
        return False
    before, after = value[:position], value[position + len(item.mark) :]
    if "kill" in item.places:
        return kill and not before and not after
    if "whole" in item.places and not before and not after:
        return not program
    if "option" in item.places and _option_start(_filled(before, examples)):
        return True
    return "name" in item.places and _in_name(before, after, part="part" in item.places)


def _in_name(before: str, after: str, *, part: bool) -> bool:
    """Next to literal text of the same path part (``build-$(…)``), or with ``part`` a whole
    part below a literal directory (``logs/$(date +%F)/x``; never the first part)."""
    near = (before[-1:], after[:1])
    if any(c and c not in (_OPEN, _CLOSE, "/") for c in near):
        return True
    return part and before[-1:] == "/" and before.strip("/") != ""


def _filled(value: str, examples: dict[str, str]) -> str:
    for placed, example in examples.items():
        value = value.replace(placed, example)
    return value


def settle(
    value: str | None,
    shaped: list[Shaped],
    constructs: list[str],
    *,
    program: bool = False,
    kill: bool = False,
) -> str | None:
    """The value to judge: every mark replaced by its example when each sits in a place
    its shape is accepted in (their findings removed from ``constructs``); ``None`` (the
    value unknown, the findings kept) when any does not. ``program``: the word is a
    command's name, which is never a whole substitution's value (fail closed); ``kill``: the
    word is an operand of a plain ``kill`` (``pidshapes.kill_operand``)."""
    if value is None:
        return None
    examples = {item.mark: item.example for item in shaped}
    if value.count(_OPEN) != len(shaped) or not all(
        _accepted(value, item, examples, program=program, kill=kill) for item in shaped
    ):
        return None
    for item in shaped:
        if item.construct in constructs:
            constructs.remove(item.construct)
    return _filled(value, examples)
