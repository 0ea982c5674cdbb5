"""Control switches, administrators' groups and GraphQL mutations, read from tool-call fields."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.adminmembers import admin_membership
from aegis.intent_firewall.controlswitches import (
    _checked_switch,
    control_switch,
    setting_findings,
    switch_key,
)
from aegis.intent_firewall.graphqlops import mutation_evidence, mutation_fields


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("secret_scanning", {"status": "disabled"}, "destructive-action"),
        ("versioning", {"Status": "Suspended"}, "destructive-action"),
        ("require_mfa", False, "destructive-action"),
        ("ssoProtection", None, "destructive-action"),
        ("public_access", {"enabled": True}, "irreversible-publish"),
        ("BlockPublicAcls", False, "irreversible-publish"),
        ("disable_secret_scanning", True, "destructive-action"),
        ("CidrIp", "0.0.0.0/0", "destructive-action"),
        ("reveal_values", True, "credential-mint"),
        ("redact", False, "credential-mint"),
    ],
)
def test_a_switch_that_weakens_a_control_is_named(key: str, value: object, rule: str) -> None:
    hit = control_switch(key, value)
    assert hit is not None
    assert hit[0] == rule
    assert key[:20] in hit[1]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("secret_scanning", {"status": "enabled"}),
        ("BlockPublicAcls", True),
        ("public_access", {"enabled": False}),
        ("run_tests", True),
        ("skip_tests", True),
        ("audit", False),
        ("logging", False),
        ("backup", False),
        ("ssl", False),
        ("CidrIp", "10.0.0.0/8"),
        ("redact", True),
        ("mask_values", True),
    ],
)
def test_a_switch_that_keeps_a_control_or_means_nothing_passes(key: str, value: object) -> None:
    assert control_switch(key, value) is None


def test_a_check_skipped_counts_only_where_the_action_deploys() -> None:
    assert control_switch("skip_tests", "true", deploying=True) is not None
    assert control_switch("skip_tests", "true") is None


def test_settings_given_as_records_are_read_by_their_names() -> None:
    off = {"items": [{"id": "dark_mode", "value": "off"}, {"id": "waf", "value": "off"}]}
    assert setting_findings(off) == [
        ("destructive-action", "parameter waf switches a safety control off")
    ]
    assert setting_findings({"items": [{"id": "dark_mode", "value": "off"}]}) == []
    assert setting_findings({"include": [{"everyone": {}}]})[0][0] == "irreversible-publish"


def test_a_shared_or_cyclic_structure_is_read_once_and_ends() -> None:
    shared: dict[str, Any] = {"id": "theme", "value": "on"}
    cyclic: dict[str, Any] = {"a": [shared, shared]}
    cyclic["self"] = cyclic
    assert setting_findings(cyclic) == []


def test_only_groups_named_for_administrators_grant_privilege() -> None:
    adding = frozenset({"add", "user", "to", "group"})
    assert admin_membership({"groupId": "00g_it_admins"}, adding)
    assert admin_membership({"body": {"groups": ["Domain Admins"]}}, adding)
    assert not admin_membership({"groupId": "00g_engineering"}, adding)
    assert not admin_membership({"groupId": "00g_it_admins"}, frozenset({"list", "members"}))


def test_the_top_level_fields_of_a_mutation_are_its_actions() -> None:
    document = "mutation M($id: ID!) { a: deleteRepository(input: {id: $id}) { x } addStar { y } }"
    assert mutation_fields(document) == ["deleteRepository", "addStar"]
    assert "deleteRepository" in mutation_evidence({"query": document})
    assert mutation_evidence({"query": "query { deleteRepository { x } }"}) == ""


@given(st.text(max_size=300))
def test_any_document_is_scanned_without_error(text: str) -> None:
    fields = mutation_fields("mutation " + text)
    assert len(fields) <= 32
    assert isinstance(mutation_evidence({"query": "mutation " + text}), str)


_KEY_PARTS = ["audit", "trail", "scheme", "secret", "scanning", "disable", "public", "access",
              "anonymous", "skip", "tests", "approval", "cidr", "ip", "source", "reveal",
              "values", "masking", "auth", "type", "decision", "mfa", "enabled", "show", "name",
              "color"]  # fmt: skip
_VALUES = [True, False, None, 0, 1, 0.0, "off", "disabled", "none", "bypass", "0.0.0.0/0",
           "enabled", "internet-facing", {"status": "disabled"}, {"enabled": True},
           ["off"]]  # fmt: skip


@given(
    st.lists(st.sampled_from(_KEY_PARTS), min_size=1, max_size=3),
    st.sampled_from(["_", "-", ""]),
    st.sampled_from(_VALUES),
    st.booleans(),
)
def test_a_key_that_can_switch_something_is_never_taken_for_a_quiet_one(
    parts: list[str], joiner: str, value: object, deploying: bool
) -> None:
    key = joiner.join(parts)
    # the checks themselves, without the switch_key guard control_switch puts before them
    if _checked_switch(key, value, deploying=deploying) is not None:
        assert switch_key(key), key
