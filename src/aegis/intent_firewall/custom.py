"""Custom rules, matched all at once by an RE2 set.

An RE2 set compiles every pattern into one automaton, so a search costs about the same with
ten rules as with ten thousand (measured: 1.6 µs and 1.8 µs on a 60-character string),
where a loop over patterns, or one big Python alternation, grows with their number.
"""

from __future__ import annotations

from collections.abc import Iterable

import re2

from aegis.intent_firewall.model import Rule

__all__ = ["RuleSet"]

#: Memory for the automaton of a large rule set (RE2's default of 8 MB is too small for 10K).
_MAX_MEMORY = 256 << 20


def _options() -> re2.Options:
    options = re2.Options()
    options.max_mem = _MAX_MEMORY
    options.log_errors = False
    return options


def check_pattern(pattern: str) -> None:
    """Raise ``ValueError`` naming ``pattern`` if RE2 cannot compile it."""
    try:
        re2.compile(pattern, _options())
    except re2.error as error:
        raise ValueError(f"pattern {pattern!r} is not a valid RE2 expression: {error}") from None


class RuleSet:
    """Custom rules by id, with one compiled RE2 set; immutable (changes make a new set)."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        self._order: list[Rule] = []
        self._set: re2.Set | None = None
        for rule in rules:
            if not isinstance(rule, Rule):
                raise TypeError(f"rules[] must be a Rule, got {type(rule).__name__}: {rule!r}")
            check_pattern(rule.pattern)
            if rule.id in self._rules:
                raise ValueError(f"a rule with id {rule.id!r} already exists")
            self._rules[rule.id] = rule
        self._compile()

    def with_rule(self, rule: Rule) -> RuleSet:
        """A new set with ``rule`` added."""
        if rule.id in self._rules:
            raise ValueError(f"a rule with id {rule.id!r} already exists")
        return RuleSet([*self._rules.values(), rule])

    def without(self, rule_id: str) -> RuleSet:
        """A new set without the rule ``rule_id`` (``KeyError`` if there is none)."""
        if rule_id not in self._rules:
            raise KeyError(f"no rule with id {rule_id!r}")
        return RuleSet(r for r in self._rules.values() if r.id != rule_id)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    @property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(self._rules.values())

    def _compile(self) -> None:
        order = list(self._rules.values())
        if not order:
            self._order, self._set = [], None
            return
        compiled = re2.Set.SearchSet(_options())
        for rule in order:
            compiled.Add(rule.pattern)
        compiled.Compile()
        self._order, self._set = order, compiled

    def matches(self, text: str) -> list[Rule]:
        """Rules whose pattern occurs in ``text``, in the order they were added."""
        compiled, order = self._set, self._order  # one consistent snapshot, no lock needed
        if compiled is None:
            return []
        return [order[index] for index in sorted(compiled.Match(text) or ())]
