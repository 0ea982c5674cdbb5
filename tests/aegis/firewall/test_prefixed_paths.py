"""Credential system paths below a link, mount or chroot, and AI tools' MCP configurations."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.prefixed import agent_config_outside, prefixed_system_path
from aegis.intent_firewall.targets import targets


def tail(path: str) -> str | None:
    return prefixed_system_path(path, targets().classify, "/home/agent")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/work/project/link_to_root/etc/sudoers", "/etc/sudoers"),
        ("/work/project/mnt/host/etc/shadow", "/etc/shadow"),
        ("/work/project/rootfs/root/.ssh/id_ed25519", "/root/.ssh/id_ed25519"),
        ("/work/project/hostfs/proc/1/environ", "/proc/1/environ"),
        ("/tmp/x/etc/gshadow", "/etc/gshadow"),
    ],
)
def test_a_credential_tail_is_found(path: str, expected: str) -> None:
    assert tail(path) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/work/project/tests/fixtures/etc/hosts",
        "/work/project/tests/fixtures/etc/os-release",
        "/work/project/tests/fixtures/etc/passwd",
        "/work/project/rootfs/etc/hostname",
        "/etc/shadow",  # the path itself is judged as itself, not as a tail
        "/work/project/src/app.py",
    ],
)
def test_harmless_tails_and_whole_paths_pass(path: str) -> None:
    assert tail(path) is None


@given(st.lists(st.text(alphabet="abcdefghij_-.", min_size=1, max_size=12), max_size=8))
def test_any_prefix_before_etc_shadow_is_found(prefix: list[str]) -> None:
    path = "/" + "/".join(["work", *prefix, "etc", "shadow"])
    assert tail(path) == "/etc/shadow"


def test_mcp_configurations_outside_the_workspace_are_credentials() -> None:
    assert agent_config_outside("/home/other/app/.vscode/mcp.json", "/home/agent/project")
    assert agent_config_outside("/home/agent/.cursor/mcp.json", "/home/agent/project")
    assert not agent_config_outside("/home/agent/project/.vscode/mcp.json", "/home/agent/project")
    assert not agent_config_outside("/home/other/app/.vscode/settings.json", None)


def test_a_very_deep_path_is_bounded() -> None:
    assert tail("/a" * 10_000 + "/etc/shadow") == "/etc/shadow"  # padding gains nothing
    assert tail("/a" * 10 + "/etc/shadow") == "/etc/shadow"


def test_start_up_files_written_below_a_host_root_are_found_fixtures_are_not() -> None:
    classify = targets().classify
    host_cron = "/w/mnt/host/etc/cron.d/job"
    assert prefixed_system_path(host_cron, classify, "/root", writing=True) == "/etc/cron.d/job"
    assert prefixed_system_path(host_cron, classify, "/root") is None  # reading a job is fine
    fixture = "/w/tests/fixtures/etc/cron.d/job"
    assert prefixed_system_path(fixture, classify, "/root", writing=True) is None
