"""Prescreens on the request path: each skips work only where that work finds nothing.

The grant check reads every short value's words; its prescreen looks for the grant words as
substrings of the values instead. Audit stops are told by one ``endswith`` over every stop.
A dependency file written by a command line is looked for only when the line holds a
manifest's name. A URL the plain reading judged is not judged again. Each is checked here
against the reading it stands for, on open-ended input.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import IntentFirewall, Request, access, plaintext, valuejudge
from aegis.intent_firewall import guardtamper as tamper
from aegis.intent_firewall.items import Item
from aegis.intent_firewall.manifests import _MANIFEST_NAMES, manifest_kind, shell_manifest_findings
from aegis.intent_firewall.vocabulary import name_words

_GRANT_TEXTS = sorted(tamper._GRANT_OR_SECRET)
_TEXTS = st.one_of(
    st.sampled_from(_GRANT_TEXTS),
    st.sampled_from(_GRANT_TEXTS).map(lambda word: f"x{word.title()}Y"),
    st.sampled_from(["admin", "allUsers", "*", "group:everyone", "roles/owner", "ｇｒａｎｔ"]),
    st.text("abcdefghijklmnopqrstuvwxyzGRANT_-:/ ", max_size=45),
    st.text(max_size=45),
)
_KEYS = st.one_of(
    st.sampled_from(["role", "member", "value", "query", "operation", "name", "SecretString"]),
    st.text("abcdefghijklmnopqrstuvwxyzR_", min_size=1, max_size=12),
)
_ITEMS = st.lists(
    st.builds(lambda key, text: Item(f"parameters.{key}", text, key.casefold()), _KEYS, _TEXTS),
    max_size=6,
)
_WORDS = st.frozensets(st.sampled_from(["get", "list", "query", "grant", "secret", "x", "iam"]))


@settings(max_examples=400, deadline=None)
@given(_WORDS, _ITEMS)
def test_the_grant_prescreen_passes_every_request_the_grant_check_reads(
    words: frozenset[str], items: list[Item]
) -> None:
    """Where the prescreen says no grant word occurs, neither the action's, the keys' nor
    the short values' words hold one (so the grant check would return at once)."""
    if tamper._may_grant(words, items):
        return
    every = words.union(
        *(name_words(i.key) | tamper._short_words(i.text) for i in items)  # as _grant reads
    )
    assert not every & tamper._GRANT_OR_SECRET
    assert tamper._grant(words, items) == ""


def _audit_stop_by_each_ending(action: str, items: list[Item]) -> bool:
    """Whether the action or a value of at most 80 characters ends in an audit stop."""
    for text in [action, *(i.text for i in items if len(i.text) <= 80)]:
        letters = tamper._letters(text)
        if letters in tamper._AUDIT_STOPS or any(letters.endswith(s) for s in tamper._AUDIT_STOPS):
            return True
    return False


_STOP_TEXTS = st.one_of(
    st.sampled_from(sorted(tamper._AUDIT_STOPS)).map(lambda stop: f"x-{stop}"),
    st.sampled_from(["StopLogging", "cloudtrail stop-logging", "DeleteTrail", "put-event"]),
    st.text(max_size=90),
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_STOP_TEXTS, st.just("call")), st.lists(_STOP_TEXTS, max_size=5))
def test_audit_stops_are_told_as_by_each_ending(action: str, texts: list[str]) -> None:
    items = [Item(f"parameters.v{n}", text, f"v{n}") for n, text in enumerate(texts)]
    found = tamper._audit_stop(action, items)
    assert found.startswith("audit logging stopped") == _audit_stop_by_each_ending(action, items)


_WORDS_OF_LINES = st.one_of(
    st.sampled_from([*_MANIFEST_NAMES, "requirements-dev.in", "dev-constraints.txt", "x.txt"]),
    st.sampled_from(["echo", "'reqeusts'", ">", ">>", "tee", "-a", "cat", "<<EOF"]),
    st.text("abcdefghijklmnopqrstuvwxyzPJ./\\'\"-", max_size=16),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS_OF_LINES, max_size=6))
def test_lines_naming_no_manifest_write_none(words: list[str]) -> None:
    """The manifest-name prescreen: a line none of whose words is a dependency file's name
    gives nothing, and one that names one is still read."""
    line = " ".join(words)
    head = line.partition("\n")[0]
    names = [w for w in head.replace(">", " ").split() if manifest_kind(w.strip("'\""))]
    if not names:
        assert shell_manifest_findings(line) == []


def test_a_dependency_file_written_by_echo_is_still_read() -> None:
    found = shell_manifest_findings("echo 'reqeusts' >> Requirements.txt")
    assert [hit.rule for hit in found] == ["package-typosquat"]


@pytest.mark.parametrize(
    ("parameters", "calls"),
    [
        ({"url": "https://evil.example/x"}, 1),
        ({"url": "https://evil.example/x", "host": "evil.example:8443"}, 2),
        ({"path": "file:///etc/passwd"}, 1),
    ],
)
def test_a_url_the_plain_reading_judged_is_judged_once(
    monkeypatch: pytest.MonkeyPatch, parameters: dict[str, Any], calls: int
) -> None:
    """``judge_url`` runs once per URL value (it used to run once in the plain reading and
    again for the URLs in the value), and the verdict is the same."""
    before = IntentFirewall().validate_request_sync(Request("fetch", parameters))
    seen: list[str] = []

    def counted(scope: access.Scope, value: str, written: str, cwd: str) -> None:
        seen.append(value)
        judge(scope, value, written, cwd)

    judge = access.judge_url
    monkeypatch.setattr(plaintext, "judge_url", counted)
    monkeypatch.setattr(valuejudge, "judge_url", counted)
    after = IntentFirewall().validate_request_sync(Request("fetch", parameters))
    assert after.reasons == before.reasons
    assert len([value for value in seen if "://" in value or ":8443" in value]) == calls
