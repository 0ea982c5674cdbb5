"""Destruction inside the working directory (``irreversible.py``): overwriting tools,
emptied data files, and the workspace's permissions or ownership taken away."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, IntentFirewall, Request

FIREWALL = IntentFirewall(working_directory="/work/project", home="/home/agent")
UNNAMED = IntentFirewall(home="/home/agent")


def rules(line: str, firewall: IntentFirewall = FIREWALL) -> tuple[str, ...]:
    verdict = firewall.validate_request_sync(Request("execute_command", {"command": line}))
    return verdict.matched_rules


def decision(line: str) -> Decision:
    return FIREWALL.validate_request_sync(Request("execute_command", {"command": line})).decision


@pytest.mark.parametrize(
    "line",
    [
        "shred -u notes.md",
        "wipe -rf ./data",
        "srm -r exports",
        "truncate -s 0 data/app.db",
        "truncate --size=0 a.json",
        "truncate -s -10K data.csv",
        "dd if=/dev/zero of=data.db bs=1k count=1",
        "truncate -s 0 fixtures/customers.json",
        "truncate -s 0 data/tests.csv",
    ],
)
def test_an_overwrite_beyond_recovery_is_named(line: str) -> None:
    assert "irreversible-overwrite" in rules(line)


@pytest.mark.parametrize(
    "line",
    [
        "truncate -s 0 server.log",
        "truncate -s 0 build/out.txt",
        "truncate -s 1G tmp/disk.img",
        "truncate -s +1M data.bin",
        "dd if=/dev/zero of=build/x.img bs=1M count=1",
        "dd if=a.bin of=/dev/null",
        "dd if=/dev/urandom of=./tests/fixtures/random.bin bs=1M count=4",
        "truncate -s 0 testdata/empty.csv",
        "truncate -s 0 tests/unit/data/empty.csv",
        "rm data/old.csv",
    ],
)
def test_disposable_files_and_growth_are_not(line: str) -> None:
    assert "irreversible-overwrite" not in rules(line)
    assert decision(line) is Decision.ALLOW


@pytest.mark.parametrize(
    "line",
    [
        "chmod -R 000 .",
        "chmod -R 0 /work/project",
        "chmod -R a-rwx ./",
        "chmod -R u=x .",
        "chmod 000 -R src",
        "chmod -R 000 *",
        "chmod -R 000 /work",
        "chown -R nobody .",
        "chown -R root:root /work/project",
        "chattr -R +i .",
    ],
)
def test_taking_the_workspace_away_is_a_lockout(line: str) -> None:
    assert "workspace-lockout" in rules(line)


@pytest.mark.parametrize(
    "line",
    [
        "chmod +x ./scripts/run.sh",
        "chmod -R u+w ./build",
        "chmod -R 755 .",
        "chmod -R go-rwx .",
        "chmod 000 tests/fixtures/locked.txt",
        "chmod -R 000 src/fixtures/locked",
        "chown -R agent:agent .",
        "chattr -R -i .",
    ],
)
def test_changes_that_leave_the_owner_in_control_are_allowed(line: str) -> None:
    assert decision(line) is Decision.ALLOW, rules(line)


def test_with_no_working_directory_named_dot_is_still_the_workspace() -> None:
    assert "workspace-lockout" in rules("chmod -R 000 .", UNNAMED)
    assert "workspace-lockout" not in rules("chmod -R 755 .", UNNAMED)


@given(st.integers(min_value=0, max_value=0o777))
@settings(max_examples=80, deadline=None)
def test_a_recursive_mode_locks_out_exactly_when_the_owner_loses_read_or_write(mode: int) -> None:
    owner = mode >> 6
    locked = "workspace-lockout" in rules(f"chmod -R {mode:03o} .")
    assert locked is (owner & 0o6 != 0o6)
