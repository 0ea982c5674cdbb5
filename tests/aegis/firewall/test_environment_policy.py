"""Environment variables a deployment configures (``Policy.environment``) resolve in paths;
any other expansion stays known only at run time (fail closed)."""

from __future__ import annotations

import pytest

from aegis.intent_firewall import IntentFirewall, Request
from aegis.intent_firewall.policy import Policy

_ENVIRONMENT = {"TMPDIR": "/tmp", "XDG_CACHE_HOME": "/home/agent/.cache"}


def _decision(command: str, environment: dict[str, str] | None = _ENVIRONMENT) -> str:
    firewall = IntentFirewall(
        working_directory="/home/agent/project", home="/home/agent", environment=environment
    )
    verdict = firewall.validate_request_sync(Request("execute_command", {"command": command}))
    return verdict.decision.value


@pytest.mark.parametrize(
    "command",
    ['rm -rf "$TMPDIR/build"', "rm -rf ${TMPDIR}/build", 'du -sh "$XDG_CACHE_HOME/pip"'],
)
def test_a_configured_variable_resolves(command: str) -> None:
    assert _decision(command) == "allow"


@pytest.mark.parametrize(
    ("command", "decision"),
    [
        ('rm -rf "$TMPDIR/../etc"', "block"),
        ('cat "$XDG_CACHE_HOME/../.ssh/id_rsa"', "block"),
        ('"$TMPDIR/tool" --install', "review"),  # a program name is never resolved
        ('rm -rf "$OTHER/build"', "review"),
    ],
)
def test_a_configured_variable_is_judged_by_its_value(command: str, decision: str) -> None:
    assert _decision(command) == decision


def test_without_configuration_the_variable_stays_unknown() -> None:
    assert _decision('rm -rf "$TMPDIR/build"', None) == "review"


def test_the_environment_is_kept_as_sorted_pairs_and_the_policy_stays_hashable() -> None:
    policy = Policy(environment={"XDG_CACHE_HOME": "/c/", "TMPDIR": "/tmp"})  # type: ignore[arg-type]
    assert policy.environment == (("TMPDIR", "/tmp"), ("XDG_CACHE_HOME", "/c"))
    assert isinstance(hash(policy), int)  # a policy may key a cache


@pytest.mark.parametrize(
    ("environment", "error", "named"),
    [
        ({"HOME": "/x"}, ValueError, "'HOME'"),
        ({"PWD": "/x"}, ValueError, "'PWD'"),
        ({"TMPDIR": "relative/tmp"}, ValueError, "relative/tmp"),
        ({"1BAD": "/x"}, ValueError, "1BAD"),
        ({"A-B": "/x"}, ValueError, "A-B"),
        ({"TMPDIR": 3}, TypeError, "TMPDIR"),
        ("TMPDIR=/tmp", TypeError, "TMPDIR=/tmp"),
    ],
)
def test_a_bad_environment_is_refused_naming_the_value(
    environment: object, error: type[Exception], named: str
) -> None:
    with pytest.raises(error, match="environment") as raised:
        Policy(environment=environment)  # type: ignore[arg-type]
    assert named in str(raised.value)


def test_replacing_the_policy_replaces_the_environment() -> None:
    firewall = IntentFirewall(working_directory="/home/agent/project", home="/home/agent")
    request = Request("execute_command", {"command": 'rm -rf "$TMPDIR/build"'})
    assert firewall.validate_request_sync(request).decision.value == "review"
    firewall.replace_policy(environment=_ENVIRONMENT)
    assert firewall.validate_request_sync(request).decision.value == "allow"
