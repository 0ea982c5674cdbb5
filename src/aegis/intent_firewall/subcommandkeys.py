"""A tool call that names its subcommand under a key of its own.

``terraform {subcommand: state, args: [rm, module.vpc]}`` runs ``terraform state rm
module.vpc``, and so does the same mapping written as YAML or JSON text under
``arguments``: the subcommand's words come first, then the argument list, and the tool's
program in front of both (``namedtools``). Judged apart, ``state`` would be an unknown
word and ``rm module.vpc`` arguments of no subcommand, and the state removal would pass.
Only plain words count as a subcommand (a line with operators is judged as text).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["SUBCOMMAND_KEYS", "subcommand_words"]

#: Keys naming the subcommand of the tool's program, folded.
SUBCOMMAND_KEYS = frozenset({"subcommand", "sub_command", "subcmd", "subcommands"})
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:/ ")
_MAX = 64


def subcommand_words(value: Mapping[Any, Any], names: set[str]) -> tuple[str, list[str]] | None:
    """The key holding a subcommand and its words, or ``None`` (no such key, or not plain
    words: a list of words counts as written)."""
    key = next((name for name in names if name.casefold() in SUBCOMMAND_KEYS), None)
    if key is None:
        return None
    text = value.get(key)
    if isinstance(text, list | tuple) and 0 < len(text) <= 8:
        if not all(isinstance(word, str) for word in text):
            return None
        text = " ".join(text)
    if not isinstance(text, str) or not 0 < len(text) <= _MAX or not _PLAIN.issuperset(text):
        return None
    words = text.split()
    return (key, words) if words and not words[0].startswith("-") else None
