"""The shell judgement's line-break check answers as the scan over every mark does, with
its shortcut for ASCII lines holding none of the ASCII marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.analysis import _ODD_BREAKS, _odd_break


def _every_mark(text: str) -> list[str]:
    """The check written without its shortcut."""
    odd = next((mark for mark in _ODD_BREAKS if mark in text), None)
    if odd is None and "\r" in text and "\r" in text.replace("\r\n", "\n"):
        odd = "\r"
    return [] if odd is None else [f"line break {odd!r} bash does not see in a command"]


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(["a", " ", "\n", "\r", "é", *_ODD_BREAKS]), max_size=12))
def test_a_line_break_is_found_as_the_scan_over_every_mark_finds_it(text: str) -> None:
    scope = Scope("/home/agent", frozenset())
    _odd_break(text, scope)
    assert [hit.evidence for hit in scope.hits] == _every_mark(text)
