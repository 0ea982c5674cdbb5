"""The role readings only ever lower a finding to a hint: they never erase it.

A reading takes a harm word's harmful part away where it stands, and leaves a hint for the
learned model. So for any text, every (category, reason) the rules find with the readings
switched off is still found with them on, at some level. Texts are drawn from words that
anchor rules, readings' cues and filler, so that the readings fire often.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.love_engine import rules
from aegis.love_engine.rules import find

_POOL = (
    "disable the audit log remove MFA exemption alert when someone disables it why is service "
    "dropping events keeps stopping don't never bypass filter price haircuts by gender not age "
    "regardless of religion ignore dates of birth are not part decision do women get fewer "
    "offers than men chart outcomes a guide on avoiding scams pension fraud explain how data "
    "brokers sell location data during pile-on after attack my mother older applicants hire "
    "reject sign it we checking her student ID get rid of old account signs it's deepfake "
    "can't use transcripts without consent ex keeps texting partner and then so log every "
    "override dose limit poison coffee coworker phishing email stalk track her phone"
)
WORDS = tuple(_POOL.split())


def _found(text: str) -> set[tuple[str, str]]:
    return {(f.category, f.reason) for f in find(text, "description")}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=24))
def test_a_reading_never_erases_a_finding(words: list[str]) -> None:
    text = " ".join(words)
    with_readings = _found(text)
    original = rules._role_taken_away
    rules._role_taken_away = lambda clause, position, rule: False
    try:
        without_readings = _found(text)
    finally:
        rules._role_taken_away = original
    assert without_readings <= with_readings


@pytest.mark.parametrize(
    "text",
    [
        "Price the haircuts by length and time needed, not by gender",
        "Set up an alert when someone disables the audit log",
        "Write a guide on avoiding pension scams for our retiring staff",
    ],
)
def test_a_cleared_finding_is_still_read_as_a_hint(text: str) -> None:
    levels = [f.level for f in find(text, "description")]
    assert levels
    assert max(levels) == rules.Level.HINT
