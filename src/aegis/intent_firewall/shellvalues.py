"""Shell values the line's own text fixes: brace lists, literal assignments, fed loops.

The firewall reviews every expansion whose value it does not know. Three kinds are known
from the line itself, and judging their values instead keeps harmless lines allowed while
whatever the values name is judged as if written out:

* **Brace expansion in an argument** is a rewrite bash does before anything runs:
  ``rm -rf ./{dist,build}`` is ``rm -rf ./dist ./build``. The walk already unfolds it into
  the word's fields; here it is decided whether the unfolding is complete (no braces left,
  at most :data:`MAX_BRACE_WORDS` words, a small range) so that the fields alone can be
  judged. A brace in the program name stays a finding (the caller never asks).
* **A literal assigned at the top level of the line** (``svc=db; docker compose logs
  "$svc"``): a statement of its own, run in sequence (``;``, newline, the left end of an
  ``&&`` chain), whose value is a plain literal, binds the name from there on. Any other
  write of the name anywhere on the line (in a loop, a subshell, a branch, a second
  assignment, ``read``, ``eval`` ...) makes the walk start again with it unbound, as for the
  other bindings (:mod:`aegis.intent_firewall.bindings`); names the shell itself reads
  (``IFS``, ``PATH`` ...) are never bound.
* **A loop fed by a process substitution** (``while read -r f; do ...; done < <(git diff
  --name-only)``) runs what ``git diff --name-only | while read -r f; do ...; done`` runs:
  the line is rewritten to that pipeline, which the walk judges as it judges any such
  pipeline. A process substitution anywhere else stays a finding.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from aegis.intent_firewall.bindings import Bindings
from aegis.intent_firewall.globbing import has_braces
from aegis.intent_firewall.words import Binding, Word

__all__ = ["MAX_BRACE_WORDS", "LiteralParts", "fed_loops", "known_braces"]

#: Words a brace expansion may unfold into and still be judged word by word.
MAX_BRACE_WORDS = 12
#: Loops fed by a process substitution rewritten per line.
_MAX_FED_LOOPS = 8
#: Variables the shell or the programs it starts read by name: never bound.
_SPECIAL = frozenset(
    {"IFS", "PATH", "HOME", "PWD", "OLDPWD", "CDPATH", "ENV", "BASH_ENV", "SHELLOPTS",
     "BASHOPTS", "PS4", "PROMPT_COMMAND", "GLOBIGNORE", "TMPDIR", "LD_PRELOAD",
     "LD_LIBRARY_PATH", "PYTHONPATH", "NODE_OPTIONS", "BASH_XTRACEFD", "FUNCNEST"}
)  # fmt: skip
#: Value nodes that can hold a plain literal.
_LITERAL_NODES = frozenset({"word", "raw_string", "string", "number"})
#: Redirections that may sit beside the fed one (they do not touch standard input).
_OUTPUT_OPERATORS = frozenset({">", ">>", "&>", "&>>", ">|"})


def known_braces(word: Word) -> bool:
    """Whether ``word``'s only expansion is a brace expansion that unfolded completely into
    a few plain words (so judging its fields is judging what runs)."""
    if word.value is None or word.substitutions or word.hazards:
        return False
    if not 1 <= len(word.fields) <= MAX_BRACE_WORDS:
        return False
    if any(not c.startswith("brace expansion ") for c in word.constructs):
        return False
    return not any(has_braces(field) for field in word.fields)


class LiteralParts:
    """Mixed into the shell walker, which provides ``bindings`` and ``text``."""

    bindings: Bindings

    @abstractmethod
    def text(self, node: Any) -> str:
        """The source text of ``node`` (the walker's own)."""

    def literal_site(
        self, node: Any, words: list[Word], assignments: list[tuple[str, Word]]
    ) -> bool:
        """``NAME=literal`` as a statement that surely runs, in sequence, at the top of the
        line: NAME is bound to the literal from here on (``True``); else ``False``."""
        if words or len(assignments) != 1 or node.type != "variable_assignment":
            return False
        name, value = assignments[0]
        value_node = node.child_by_field_name("value")
        if (
            not name.isidentifier()
            or not name.isascii()
            or name in _SPECIAL
            or (value_node is not None and value_node.type not in _LITERAL_NODES)
            or value.value is None
            or value.constructs
            or value.substitutions
            or value.hazards
            or value.glob
            or [c.type for c in node.children if not c.is_named] != ["="]
            or not _surely_runs(node)
            or not self.bindings.may_bind(name)
        ):
            return False
        if name in self.bindings.sites:
            self.bindings.writes.add(name)  # assigned twice: not modelled, walk it unbound
        self.bindings.site(name, node.start_byte, repeated=False)
        self.bindings.bound[name] = Binding(value.value, glob=False, exact=True)
        return True


def _surely_runs(node: Any) -> bool:
    """Whether ``node`` runs in the line's own shell, once, before what follows it: a
    statement of the program itself, or the first of an ``&&`` chain that is one."""
    child, parent = node, node.parent
    while parent is not None and parent.type == "list":
        operators = [c.type for c in parent.children if not c.is_named]
        if operators != ["&&"] or parent.named_children[:1] != [child]:
            return False
        child, parent = parent, parent.parent
    if parent is None or parent.type != "program":
        return False
    following = child.next_sibling
    return following is None or following.type != "&"


def fed_loops(root: Any, source: bytes) -> bytes | None:
    """``source`` with each ``while ...; done < <(P)`` rewritten to ``P | while ...; done``
    (when P is one command or pipeline, and nothing else redirects the loop's standard
    input); ``None`` when there is none. The tree is walked iteratively, bounded."""
    found: list[tuple[Any, Any, Any]] = []
    stack = [root]
    visited = 0
    while stack and visited < 4096 and len(found) < _MAX_FED_LOOPS:
        node = stack.pop()
        visited += 1
        if node.type == "redirected_statement":
            fed = _fed(node)
            if fed is not None:
                found.append((node, *fed))
                continue
        stack.extend(node.named_children)
    if not found:
        return None
    for statement, redirect, producer in sorted(found, key=lambda f: -f[0].start_byte):
        head = source[statement.start_byte : redirect.start_byte].rstrip()
        tail = source[redirect.end_byte : statement.end_byte]
        feeding = source[producer.start_byte : producer.end_byte]
        rewritten = feeding + b" | " + head + tail
        source = source[: statement.start_byte] + rewritten + source[statement.end_byte :]
    return source


def _fed(statement: Any) -> tuple[Any, Any] | None:
    """(the redirection, the command it runs) of a ``while`` loop fed by ``< <(P)``."""
    body = statement.child_by_field_name("body")
    if body is None or body.type != "while_statement":
        return None
    fed: tuple[Any, Any] | None = None
    for redirect in statement.children_by_field_name("redirect"):
        operators = [c.type for c in redirect.children if not c.is_named]
        named = redirect.named_children
        if redirect.type != "file_redirect" or len(operators) != 1:
            return None
        if any(c.type == "file_descriptor" for c in named):
            return None  # 3< <(P), 0> x: not the loop's plain standard input and output
        if operators == ["<"] and len(named) == 1 and named[0].type == "process_substitution":
            inner = named[0].named_children
            if fed is not None or len(inner) != 1 or inner[0].type not in ("command", "pipeline"):
                return None
            fed = (redirect, inner[0])
        elif operators[0] not in _OUTPUT_OPERATORS:
            return None
    return fed
