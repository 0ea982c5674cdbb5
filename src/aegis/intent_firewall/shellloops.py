"""Parts of the shell walk that bind variables: ``for`` loops over literal words, ``while
read`` loops fed by a producer of path names, and ``NAME=$!`` (see
:mod:`aegis.intent_firewall.bindings` for when a binding is sound).
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from aegis.intent_firewall.bindings import (
    MAX_PASSES,
    MAX_UNROLLED_BYTES,
    MAX_VALUES,
    Bindings,
    own_job,
    producer_values,
    repeated,
)
from aegis.intent_firewall.shellarrays import array_loop_word
from aegis.intent_firewall.shellmodel import MAX_COMMAND_WORDS, Context, SimpleCommand
from aegis.intent_firewall.words import Binding, Word

__all__ = ["LoopParts"]

_READ_FLAGS = frozenset({"-r"})


def _sequence(word: Word) -> Word | None:
    """``$(seq 3)``, ``$(seq 2 5)``, ``$(seq 0 2 10)`` (integers only): the numbers seq prints,
    as the words of the loop (up to :data:`MAX_VALUES`; more stay unknown)."""
    written = word.written
    if word.value is not None or not written.startswith("$(") or not written.endswith(")"):
        return None
    parts = written[2:-1].split()
    if not 2 <= len(parts) <= 4 or parts[0] != "seq":
        return None
    try:
        numbers = [int(part) for part in parts[1:]]
    except ValueError:
        return None
    if any(abs(n) > 10**6 for n in numbers):
        return None
    first, step, last = (1, 1, numbers[0]) if len(numbers) == 1 else (numbers[0], 1, numbers[-1])
    if len(numbers) == 3:
        step = numbers[1]
    if step == 0 or (last - first) // step + 1 > MAX_VALUES:
        return None
    values = tuple(str(n) for n in range(first, last + (1 if step > 0 else -1), step))
    return Word(written, " ".join(values), values, [], word.substitutions)


class LoopParts:
    """Mixed into the walker, which provides the state and ``text``/``word`` declared here."""

    bindings: Bindings
    stage_commands: dict[tuple[int, int], SimpleCommand]
    binding_sites: set[tuple[int, int]]
    source: bytes
    arrays: dict[str, tuple[tuple[str, ...], int]]

    @abstractmethod
    def text(self, node: Any) -> str:
        """The source text of ``node`` (the walker's own)."""

    @abstractmethod
    def word(self, node: Any, context: Context, stack: list[Any], *, emit: bool = True) -> Word:
        """``node`` resolved as bash would read it (the walker's own)."""

    @abstractmethod
    def construct(self, rule: str, evidence: str) -> None:
        """Record what the walk could not resolve (the walker's own)."""

    def for_loop(self, node: Any, context: Context, stack: list[Any]) -> None:
        """``for NAME in WORDS; do BODY; done``: the body once per value, NAME bound to it."""
        variable = node.child_by_field_name("variable")
        body = node.child_by_field_name("body")
        name = self.text(variable) if variable is not None else ""
        nodes = node.children_by_field_name("value")
        if len(nodes) > MAX_COMMAND_WORDS:
            self.construct("too-large", f"a loop over more than {MAX_COMMAND_WORDS} words")
            nodes = nodes[:MAX_COMMAND_WORDS]
        words = [
            array_loop_word(v, self.source, self.arrays) or self.word(v, context, stack, emit=False)
            for v in nodes
        ]
        words = [_sequence(word) or word for word in words]
        for word in words:
            if word.value is None:  # a known value is judged where the variable is used
                for construct in word.constructs:
                    self.construct("shell-expansion", construct)
        keyword = node.children[0].type if node.children else ""
        listed = any(child.type == "in" for child in node.children)
        values: list[tuple[str, bool]] | None = None
        known = all(w.value is not None for w in words)
        complete = len(nodes) == len(node.children_by_field_name("value"))
        if keyword == "for" and listed and name and complete and known:
            values = [(field, w.glob) for w in words for field in w.fields]
        if name:
            self.bindings.site(name, node.start_byte, repeated=repeated(node))
        if body is None:
            return
        self.unrolled(name, values, body, context, stack, exact=True)

    def unrolled(
        self,
        name: str,
        values: list[tuple[str, bool]] | None,
        body: Any,
        context: Context,
        stack: list[Any],
        *,
        exact: bool,
    ) -> None:
        """Push ``body`` once per value with ``name`` bound (``exact``: the values are the
        variable's own, not patterns standing for them); once, unbound, if they are not
        known, too many, or the name may not be bound."""
        bindings = self.bindings
        stack.append(("unbind", name))
        cost = (body.end_byte - body.start_byte) * len(values or ())
        if (
            values is None
            or not 0 < len(values) <= MAX_VALUES
            or not bindings.may_bind(name)
            or bindings.passes + len(values) > MAX_PASSES
            or bindings.unrolled_bytes + cost > MAX_UNROLLED_BYTES
        ):
            bindings.writes.add(name)  # unknown inside the body: any use is an expansion
            stack.append((body, context))
            stack.append(("unbind", name))
            return
        bindings.passes += len(values)
        bindings.unrolled_bytes += cost
        for value, glob in reversed(values):
            stack.append((body, context))
            stack.append(("bind", name, Binding(value, glob, exact=exact and not glob)))

    def while_read(self, node: Any, context: Context, stack: list[Any]) -> bool:
        """``PRODUCER | while read -r NAME; do BODY; done``, where the producer prints only
        path names below the working directory: NAME bound to each kind of name it prints.
        ``False`` if the loop is not of that shape (it is then walked as any other)."""
        condition = node.child_by_field_name("condition")
        body = node.child_by_field_name("body")
        previous = node.prev_sibling
        producer_node = node.prev_named_sibling
        if (
            condition is None
            or body is None
            or previous is None
            or previous.type != "|"
            or producer_node is None
            or node.parent is None
            or node.parent.type != "pipeline"
        ):
            return False
        name = self._read_name(condition)
        producer = self.stage_commands.get((producer_node.start_byte, producer_node.end_byte))
        if not name or producer is None:
            return False
        args = [w.value if len(w.fields) == 1 else None for w in producer.words[1:]]
        values = producer_values(producer.program, args)
        self.binding_sites.add((condition.start_byte, condition.end_byte))
        self.bindings.site(name, node.start_byte, repeated=repeated(node))
        # the condition (read) is walked first, then the body once per kind of value
        self.unrolled(name, values, body, context, stack, exact=False)
        stack.append((condition, context))
        return True

    def _read_name(self, condition: Any) -> str:
        """NAME of a condition that is exactly ``[IFS=] read [-r] NAME``, else ``""``."""
        if condition.type != "command":
            return ""
        words: list[str] = []
        for child in condition.named_children:
            if child.type == "variable_assignment":
                name = child.child_by_field_name("name")
                if name is None or self.text(name) != "IFS":
                    return ""
            elif child.type in ("command_name", "word"):
                words.append(self.text(child))
            else:
                return ""
        if len(words) < 2 or words[0] != "read" or not _READ_FLAGS.issuperset(words[1:-1]):
            return ""
        name = words[-1]
        return name if name.isidentifier() and name.isascii() else ""

    def own_job_site(
        self, node: Any, words: list[Word], assignments: list[tuple[str, Word]]
    ) -> bool:
        """``NAME=$!`` as a statement of its own at the top of the line: NAME is bound to
        the line's own last background job."""
        if words or len(assignments) != 1 or not own_job(assignments[0][1]):
            return False
        following = node.next_sibling
        if node.parent is None or node.parent.type != "program":
            return False
        if following is not None and following.type == "&":
            return False  # run in a background subshell: the assignment does not stay
        name = assignments[0][0]
        if not self.bindings.may_bind(name):
            return False
        self.bindings.site(name, node.start_byte, repeated=False)  # at the top of the line
        self.bindings.bound[name] = Binding("", own_job=True)
        return True
