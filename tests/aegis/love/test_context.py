"""Trusted context: risk and consent from the deployment's manifest and records, not the request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aegis.love_engine import (
    Action,
    ConsentRecord,
    LoveEngine,
    Risk,
    ToolManifest,
    ToolPolicy,
    Verdict,
)

MANIFEST = {
    "strict": True,
    "tools": {
        "read_file": {"risk": "low"},
        "send_newsletter": {
            "risk": "medium",
            "affected_party": "recipient",
            "requires_consent": True,
        },
        "wire_transfer": {"risk": "high", "approvals": ["finance-lead"]},
    },
}


@pytest.fixture
def engine() -> LoveEngine:
    consents = ConsentRecord({"alice@example.com": ["send_newsletter"]})
    return LoveEngine(manifest=ToolManifest.from_mapping(MANIFEST), consents=consents)


def test_a_declared_low_risk_tool_is_allowed(engine: LoveEngine) -> None:
    result = engine.check_ethics_sync(Action("Read the quarterly report", "read_file"))
    assert result.verdict is Verdict.ALLOW


def test_an_undeclared_action_type_is_reviewed_when_the_manifest_is_strict(
    engine: LoveEngine,
) -> None:
    result = engine.check_ethics_sync(Action("Read the quarterly report", "open_file"))
    assert result.verdict is Verdict.REVIEW
    assert "'open_file' is not declared in the tool manifest" in result.reasons[-1]
    lenient = LoveEngine(manifest=ToolManifest.from_mapping({**MANIFEST, "strict": False}))
    assert lenient.check_ethics_sync(Action("Read the report", "open_file")).ethical


def test_declared_risk_and_approvals_ask_for_a_human(engine: LoveEngine) -> None:
    result = engine.check_ethics_sync(
        Action("Pay the invoice the supplier sent", "wire_transfer", "Low", {"amount": 120})
    )
    assert result.verdict is Verdict.REVIEW
    assert any("high risk" in r for r in result.reasons)
    assert any("needs approval by finance-lead" in r for r in result.reasons)


def test_consent_comes_from_the_record_keyed_by_the_affected_party(engine: LoveEngine) -> None:
    on_record = Action(
        "Send the monthly newsletter", "send_newsletter", "", {"recipient": "alice@example.com"}
    )
    assert engine.check_ethics_sync(on_record).verdict is Verdict.ALLOW
    missing = Action(
        "Send the monthly newsletter",
        "send_newsletter",
        "",
        {"recipient": "bob@example.com", "consent": True, "user_confirmed": True},
    )
    result = engine.check_ethics_sync(missing)
    assert result.verdict is Verdict.REVIEW  # the request's own "consent: true" is not believed
    assert any("no consent on record from 'bob@example.com'" in r for r in result.reasons)


def test_a_request_cannot_lower_its_own_risk() -> None:
    engine = LoveEngine()
    low = engine.check_ethics_sync(Action("Delete all customer records", "delete", "Low"))
    critical = engine.check_ethics_sync(Action("Delete all customer records", "delete", "Critical"))
    none = engine.check_ethics_sync(Action("Delete all customer records", "delete", ""))
    assert low.score == none.score  # "Low" raises nothing
    assert critical.score < none.score  # a stated high impact may only lower it


def test_consent_on_record_never_clears_a_finding_of_harm() -> None:
    engine = LoveEngine(
        manifest=ToolManifest.from_mapping(
            {"tools": {"message": {"affected_party": "to", "requires_consent": True}}}
        ),
        consents=ConsentRecord({"sam": ["*"]}),
    )
    result = engine.check_ethics_sync(
        Action("Send threatening messages to him until he quits", "message", "", {"to": "sam"})
    )
    assert result.verdict is not Verdict.ALLOW


def test_the_manifest_loads_from_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(json.dumps(MANIFEST), encoding="utf-8")
    manifest = ToolManifest.load(path)
    assert manifest.policy("wire_transfer") == ToolPolicy(Risk.HIGH, ("finance-lead",))
    assert manifest.policy("nope") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "manifest must be an object with a 'tools' object"),
        ({"tools": {"x": []}}, r"manifest tools\['x'\] must be an object"),
        ({"tools": {"x": {"risk": "extreme"}}}, r"tools\['x'\].risk must be one of low, medium"),
        ({"tools": {"x": {"approvals": "boss"}}}, r"tools\['x'\].approvals must be a list"),
        ({"tools": {"x": {"affected_party": 3}}}, r"affected_party must be a string, got 3"),
        ({"tools": {"x": {"requires_consent": True}}}, "requires_consent needs affected_party"),
        ({"tools": {}, "strict": "yes"}, "manifest strict must be true or false"),
    ],
)
def test_a_malformed_manifest_is_a_clear_error(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ToolManifest.from_mapping(data)


def test_bad_context_arguments_are_clear_errors() -> None:
    with pytest.raises(TypeError, match="manifest must be a ToolManifest"):
        LoveEngine(manifest={"tools": {}})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="consents must be a ConsentRecord"):
        LoveEngine(consents={"a": ["x"]})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="consent for 'a' must be a list of action types"):
        ConsentRecord({"a": "send"})
