"""Switching the safety layer off, stopping audit logging, and grants through API tools."""

from __future__ import annotations

import asyncio

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.guardtamper import (
    guard_config_path,
    guard_variable_off,
    shell_guard_edit,
)

FIREWALL = IntentFirewall(working_directory="/home/agent/project", home="/home/agent")


def rules_of(action: str, **parameters: object) -> set[str]:
    verdict = asyncio.run(FIREWALL.validate_request(Request(action, parameters)))
    return {reason.split(" ", 1)[0] for reason in verdict.reasons}


@pytest.mark.parametrize(
    ("name", "value"),
    [("AEGIS_FIREWALL", "off"), ("AEGIS_ENABLED", "0"), ("AEGIS_HITL", "False"),
     ("AEGIS_DISABLE_AUDIT", "1"), ("GUARDRAILS_ENABLED", "false"), ("SANDBOX", "none"),
     ("aegis_mode", "permissive"), ("SKIP_SAFETY_CHECKS", "yes")],
)  # fmt: skip
def test_guard_variables_switched_off(name: str, value: str) -> None:
    assert guard_variable_off(name, value)


@pytest.mark.parametrize(
    ("name", "value"),
    [("AEGIS_LOG_LEVEL", "0"), ("AEGIS_THRESHOLD", "0.8"), ("GUARDRAILS_ENABLED", "true"),
     ("DISABLE_TELEMETRY", "1"), ("AEGIS_AUDIT_PATH", "./a.db"), ("DEBUG", "0")],
)  # fmt: skip
def test_other_variables_are_not_guard_switches(name: str, value: str) -> None:
    assert not guard_variable_off(name, value)


@pytest.mark.parametrize(
    ("path", "kind"),
    [(".aegis/config.yaml", "aegis"), ("/w/aegis.toml", "aegis"), ("guardrails.yaml", "guard"),
     ("config/firewall-policy.json", "guard"), ("docs/security-policy.md", ""),
     ("src/guard.py", ""), ("feature_flags.yaml", "")],
)  # fmt: skip
def test_guard_configuration_paths(path: str, kind: str) -> None:
    assert guard_config_path(path) == kind


@pytest.mark.parametrize(
    ("line", "found"),
    [("sed -i 's/enabled: true/enabled: false/' .aegis/config.yaml", True),
     ("sed -i -e 's|enforce = true|enforce = false|' guardrails.toml", True),
     ("sed -i 's/true/false/' feature_flags.yaml", False),
     ("sed -i 's/false/true/' guardrails.yaml", False),
     ("sed -n 's/enabled: true/enabled: false/p' guardrails.yaml", False)],
)  # fmt: skip
def test_sed_flips_of_guard_settings(line: str, found: bool) -> None:
    assert bool(shell_guard_edit(line)) is found


@pytest.mark.parametrize(
    "operation",
    ["StopLogging", "stop_logging", "DeleteTrail", "delete-flow-logs", "projects.sinks.delete",
     "Microsoft.Insights/diagnosticSettings/delete", "StopConfigurationRecorder"],
)  # fmt: skip
def test_audit_stops_in_any_spelling(operation: str) -> None:
    assert "audit-tampering" in rules_of("cloud_call", operation=operation, target="main")


@pytest.mark.parametrize(
    "operation", ["StartLogging", "DescribeTrails", "LookupEvents", "ListSinks"]
)
def test_audit_reads_and_starts_pass(operation: str) -> None:
    assert "audit-tampering" not in rules_of("cloud_call", operation=operation)


def test_grants_of_admin_and_public_access_are_reviewed() -> None:
    assert "privilege-grant" in rules_of(
        "add_collaborator", repo="o/r", username="m", permission="admin"
    )
    assert "privilege-grant" in rules_of(
        "set_iam_policy", policy={"bindings": [{"role": "roles/viewer", "members": ["allUsers"]}]}
    )
    assert "privilege-grant" not in rules_of(
        "add_collaborator", repo="o/r", username="m", permission="push"
    )


def test_a_secret_emptied_is_reviewed_a_sealed_value_is_not() -> None:
    named = {"secret_name": "DEPLOY_KEY"}
    assert "privilege-grant" in rules_of("create_or_update_secret", **named, value="")
    sealed = rules_of("create_or_update_secret", **named, encrypted_value="c2VhbGVk")
    assert "privilege-grant" not in sealed


def test_turning_the_guard_off_blocks() -> None:
    verdict = asyncio.run(
        FIREWALL.validate_request(
            Request("execute_command", {"command": "export AEGIS_FIREWALL=off"})
        )
    )
    assert verdict.decision is Decision.BLOCK


def test_a_zero_switches_off_a_switch_not_a_count() -> None:
    assert guard_variable_off("AEGIS_THRESHOLD", "0")
    assert guard_variable_off("AEGIS", "0")
    assert not guard_variable_off("AEGIS_MAX_RETRIES", "0")
