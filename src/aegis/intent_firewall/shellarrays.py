"""Literal arrays looped over: ``pkgs=(core api cli); for p in "${pkgs[@]}"; do …; done``.

A loop over ``"${pkgs[@]}"`` runs its body once per element, as a loop over ``core api cli``
written out would. When the array is assigned from plain or single-quoted words (no
expansion, glob or substitution) by a statement of the line's top level, and the loop is
the very next statement (nothing between them can change the array: not ``+=``, ``read
-a "di"rs``, ``printf -v``, ``unset``, nor a name built at run time), the loop's words are
those elements and the body is judged once per element. A conditional assignment (``false
&& pkgs=(…)``), any other array, or an expansion of one elsewhere stays the finding it was.
"""

from __future__ import annotations

from typing import Any

from aegis.intent_firewall.words import Word

__all__ = ["MAX_ELEMENTS", "array_loop_word", "literal_elements"]

#: More elements than this are not unrolled (the loop keeps its finding).
MAX_ELEMENTS = 32
_PLAIN = frozenset({"word", "number", "raw_string"})
#: Builtins that can make an assignment fail or mean something else (a read-only array
#: keeps its old elements; an integer or name reference reads its words otherwise).
_ATTRIBUTE_SETTERS = (b"readonly", b"declare", b"typeset", b"local", b"enable", b"shopt")


def literal_elements(node: Any, source: bytes) -> tuple[str, ...] | None:
    """The elements of an ``array`` node made only of plain or single-quoted words, when
    the assignment holding it is a statement of the line's top level; else ``None``."""
    if node is None or node.type != "array":
        return None
    assignment = node.parent
    if assignment is None or assignment.parent is None or assignment.parent.type != "program":
        return None
    elements = [child for child in node.named_children if child.type != "comment"]
    if len(elements) > MAX_ELEMENTS or any(child.type not in _PLAIN for child in elements):
        return None
    values = []
    for child in elements:
        text = source[child.start_byte : child.end_byte].decode("utf-8", "replace")
        if child.type == "raw_string":
            text = text[1:-1]
        if not text or any(mark in text for mark in "$`*?[]{}~\\'\" \t\n"):
            return None
        values.append(text)
    return tuple(values)


def _expanded_name(node: Any, source: bytes) -> str | None:
    """``NAME`` of a loop word that is ``"${NAME[@]}"``, ``${NAME[@]}`` or their ``[*]``."""
    text = source[node.start_byte : node.end_byte].decode("utf-8", "replace")
    inner = text[1:-1] if text.startswith('"') and text.endswith('"') else text
    if not (inner.startswith("${") and inner.endswith(("[@]}", "[*]}"))):
        return None
    name = inner[2:-4]
    return name if name.isidentifier() and name.isascii() else None


def array_loop_word(
    node: Any, source: bytes, arrays: dict[str, tuple[tuple[str, ...], int]]
) -> Word | None:
    """The elements a loop word over a literal array stands for, as one word of several
    fields; ``None`` when it is not such a word or anything stands between the array's
    assignment and the loop."""
    name = _expanded_name(node, source)
    if name is None or name not in arrays:
        return None
    elements, assigned_end = arrays[name]
    loop = node.parent
    if loop is None or loop.type != "for_statement" or loop.parent is None:
        return None
    if loop.parent.type != "program":
        return None
    between = source[assigned_end : loop.start_byte].decode("utf-8", "replace")
    if between.strip(" \t;\n"):
        return None  # anything between them may change the array
    if any(word in source for word in _ATTRIBUTE_SETTERS):
        return None  # readonly dirs=(/): a later dirs=(build) fails and the old ones stay
    written = source[node.start_byte : node.end_byte].decode("utf-8", "replace")
    return Word(written, " ".join(elements), elements)
