"""XML namespace names are left out of the URLs a written file reaches (``xmlnames.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.hosts import urls_in
from aegis.intent_firewall.xmlnames import MAX_NAMESPACES, without_namespace_names


@pytest.mark.parametrize(
    "text",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"/>',
        "<html xmlns='http://www.w3.org/1999/xhtml'/>",
        '<a xmlns:android="http://schemas.android.com/apk/res/android"/>',
        '<p\n  xmlns = "http://maven.apache.org/POM/4.0.0"/>',
    ],
)
def test_a_namespace_url_is_no_destination(text: str) -> None:
    assert list(urls_in(without_namespace_names(text))) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('<a xmlns="http://x.example/a"><s src="http://x.example/a"/></a>', "http://x.example/a"),
        ('<a data-xmlns="http://x.example/b"/>', "http://x.example/b"),
        ("<a xmlns=http://x.example/c />", "http://x.example/c"),
        ('<a xsi:schemaLocation="urn:x http://x.example/d.xsd"/>', "http://x.example/d.xsd"),
        ('<a xmlns="http://x.example/e f"/>', "http://x.example/e"),
    ],
)
def test_other_urls_stay(text: str, kept: str) -> None:
    assert kept in list(urls_in(without_namespace_names(text)))


def test_reading_stops_after_the_bound() -> None:
    text = '<a xmlns="urn:x"/>' * MAX_NAMESPACES + '<b xmlns="http://x.example/late"/>'
    assert "http://x.example/late" in list(urls_in(without_namespace_names(text)))


@given(st.text(alphabet="xmlns:=\"' <>/ahttp", max_size=200))
def test_only_text_inside_quotes_is_removed(text: str) -> None:
    result = without_namespace_names(text)
    rest = iter(text)
    assert all(char in rest for char in result)  # what is left, in order
    assert result.count('"') + result.count("'") == text.count('"') + text.count("'")
