"""A package.json edit given as a fragment that opens or closes an object is read as the
scripts it holds; any text at all is read or refused, never an exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.runscripts import _json


def test_a_fragment_that_opens_the_scripts_object_is_read() -> None:
    fragment = '"scripts": {\n    "test": "jest --coverage",'
    assert _json(fragment, fragment=True) == {"scripts": {"test": "jest --coverage"}}


def test_a_fragment_that_closes_an_object_keeps_its_members_under_a_placeholder() -> None:
    fragment = '    "prepare": "make hooks"\n  },\n  "license"'
    assert _json(fragment, fragment=True) == {"_": {"prepare": "make hooks"}}


def test_a_whole_document_is_not_a_fragment() -> None:
    assert _json('{"scripts": {"x": 1}', fragment=False) is None


@given(st.text(alphabet='{}[]",: ab\\\n', max_size=200))
def test_any_fragment_is_read_or_refused(text: str) -> None:
    result = _json(text, fragment=True)
    assert result is None or isinstance(result, dict | list | str | int | float | bool)
