"""Any spelling of a blocked command that bash runs the same way is never allowed.

The spellings are checked against a real bash first (when one is installed), so a failure of
the property is a firewall that was fooled, not a test that generated a different command.
"""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, Request
from tests.aegis.firewall.corpus_cases import load_corpus, make_firewall
from tests.aegis.firewall.spellings import BLOCKED_COMMANDS, bash_words, spelled_line

POLICY = load_corpus("attacks").policy


def _decision(line: str) -> Decision:
    firewall = make_firewall(POLICY)
    verdict = asyncio.run(firewall.validate_request(Request("execute_command", {"command": line})))
    return verdict.decision


@st.composite
def _spelled(draw: st.DrawFn) -> tuple[tuple[str, ...], str, str]:
    words = draw(st.sampled_from(BLOCKED_COMMANDS))
    bare, wrapped = draw(spelled_line(words))
    return words, bare, wrapped


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_spelled())
def test_a_respelled_blocked_command_is_never_allowed(
    case: tuple[tuple[str, ...], str, str],
) -> None:
    words, bare, wrapped = case
    for line in (bare, wrapped):
        assert _decision(line) is not Decision.ALLOW, f"{line!r} runs {' '.join(words)!r}"


@settings(max_examples=40, deadline=None)
@given(_spelled())
def test_the_spellings_are_what_bash_runs(case: tuple[tuple[str, ...], str, str]) -> None:
    words, bare, _ = case
    expanded = bash_words(bare)
    if expanded is None:
        pytest.skip("bash is not installed")
    assert expanded == list(words), bare


@pytest.mark.parametrize("words", BLOCKED_COMMANDS, ids=" ".join)
def test_each_blocked_command_as_written_is_refused(words: tuple[str, ...]) -> None:
    assert _decision(" ".join(words)) is not Decision.ALLOW
