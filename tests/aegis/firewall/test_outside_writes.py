"""Writes outside the workspace: ``outside-workspace-write`` (access.py, outside.py).

With a named working directory, writing, deleting or changing the mode of a POSIX path that
lies outside it, the agent's own home and scratch is review unless a more specific rule
judged it already; without a named working directory there is no outside.
"""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, IntentFirewall, Request, Verdict
from aegis.intent_firewall.outside import home_cache, outside_workspace

WORKSPACE = "/home/agent/project"
HOME = "/home/agent"
ENVIRONMENT = {"TMPDIR": "/scratch/agent", "XDG_CACHE_HOME": "/var/cache/agent"}
FIREWALL = IntentFirewall(working_directory=WORKSPACE, home=HOME, environment=ENVIRONMENT)
UNNAMED = IntentFirewall(home=HOME)
RULE = "outside-workspace-write"


def verdict(command: str, firewall: IntentFirewall = FIREWALL) -> Verdict:
    return asyncio.run(firewall.validate_request(Request("execute_command", {"command": command})))


def tool(action: str, **parameters: object) -> Verdict:
    return asyncio.run(FIREWALL.validate_request(Request(action, parameters)))


@pytest.mark.parametrize(
    "path",
    [
        "/var/www/html/x.php",
        "/opt/tool/bin/helper",
        "/srv/app/config.js",
        "/var/lib/app/state.json",
        "/home/bob/bin/ls",
        "/mnt/shared/data.db",
        "/media/usb/x",
        "/home/agent2/x",  # a name that only starts like the home
        "/work/project/x",  # another tree that is not the named workspace
    ],
)
def test_machine_locations_are_outside(path: str) -> None:
    assert outside_workspace(path, WORKSPACE, HOME)


@pytest.mark.parametrize(
    "path",
    [
        WORKSPACE,
        f"{WORKSPACE}/dist/app",
        "/tmp/x",
        "/var/tmp/build.log",
        "/dev/shm/ready",
        "/dev/null",
        "/dev/stderr",
        "/dev/fd/2",
        "/proc/self/fd/1",
        f"{HOME}/.cache/pip",
        f"{HOME}/notes.md",  # the agent's own home: its sensitive files have rules of their own
        "/(workspace)/build",  # where relative paths land when no workspace is named
    ],
)
def test_ordinary_places_are_not_outside(path: str) -> None:
    assert not outside_workspace(path, WORKSPACE, HOME)


def test_scratch_directories_of_the_environment_are_not_outside() -> None:
    pairs = tuple(sorted(ENVIRONMENT.items()))
    assert not outside_workspace("/scratch/agent/x", WORKSPACE, HOME, pairs)
    assert not outside_workspace("/var/cache/agent/pip/x", WORKSPACE, HOME, pairs)
    assert outside_workspace("/scratch/other/x", WORKSPACE, HOME, pairs)
    assert outside_workspace("/scratch/x", WORKSPACE, HOME, (("EDITOR", "/scratch"),))


def test_a_workspace_prefix_is_not_the_workspace() -> None:
    assert outside_workspace("/home/agent/project2/x", WORKSPACE, "/root")


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        (".cache", True),
        (".cache/pip/http", True),
        (".npm/_cacache", True),
        (".cargo/registry/cache", True),
        (".gradle/caches/build-cache-1", True),
        (".cargo/config.toml", False),
        (".m2/settings.xml", False),
        (".cachex/x", False),
    ],
)
def test_home_caches_are_data_only(relative: str, expected: bool) -> None:
    assert home_cache(relative) is expected


@pytest.mark.parametrize(
    "command",
    [
        "cp shell.php /var/www/html/",
        "tee /srv/app/config.js",
        "echo x > /opt/tool/bin/helper",
        "rsync -a dist/ /srv/www/",
        "tar -xzf release.tgz -C /opt/app",
        "rm /opt/app/lib/auth.py",
        "chmod 755 /opt/app/run.sh",
        "cp helper ~bob/tools/helper",  # (~bob/bin is a PATH directory: persistence-write)
        "go build -o /srv/app/server .",
        "git worktree add /opt/hotfix hotfix",
        "cargo install --root /opt/tools ripgrep",
    ],
)
def test_a_write_outside_is_reviewed_and_named(command: str) -> None:
    result = verdict(command)
    assert result.decision is Decision.REVIEW
    assert RULE in result.matched_rules


def test_the_finding_names_the_resolved_path_and_the_written_one() -> None:
    result = verdict("cd /opt && cp helper tool/bin/helper")
    assert result.matched_rules == (RULE,)
    assert (
        "'/opt/tool/bin/helper' (written tool/bin/helper) outside the workspace"
        in (result.reasons[0])
    )


def test_a_sensitive_target_is_reported_by_its_own_rule_only() -> None:
    # /usr/local/bin is a system directory: system-config-write says it, once
    result = verdict("install -m755 helper /usr/local/bin/helper")
    assert "system-config-write" in result.matched_rules
    assert RULE not in result.matched_rules


def test_a_windows_path_keeps_its_own_rule() -> None:
    result = verdict(r"cp app.exe 'D:\deploy\app.exe'")
    assert result.matched_rules == ("windows-path-write",)


def test_a_file_tool_outside_the_workspace_is_reviewed() -> None:
    assert RULE in tool("write_file", path="/opt/app/config.yaml", content="x").matched_rules
    assert tool("write_file", path=f"{WORKSPACE}/src/app.py", content="x").allowed
    assert tool("write_file", path="/scratch/agent/x.txt", content="x").allowed


def test_a_link_made_on_the_line_is_followed_by_later_writes() -> None:
    assert RULE in verdict("ln -s /var/www/html web && echo x > web/x.php").matched_rules
    assert RULE in verdict("ln -s /srv/www site; cp index.html site/").matched_rules
    # the link alone writes nothing outside
    assert verdict("ln -s /opt/app/conf conf").allowed
    assert verdict("ln -s /usr/bin/python3 .venv/bin/python3").allowed


@pytest.mark.parametrize(
    "command",
    [
        "openssl req -x509 -nodes -keyout certs/dev.key -out certs/dev.crt -subj /CN=localhost",
        "git worktree add ../project-hotfix hotfix",
        "cp /etc/hosts ./hosts.bak",
        "cp build/app $TMPDIR/app",
        "mkdir -p ~/.cache/app",
        "make > /dev/null 2>&1",
        "rm -rf ~/.gradle/caches/build-cache-1",
    ],
)
def test_ordinary_writes_stay_allowed(command: str) -> None:
    result = verdict(command)
    assert result.allowed, result.reasons


def test_without_a_named_workspace_there_is_no_outside() -> None:
    # /srv/app may be the workspace itself: the spec's look-alike stays allowed
    assert verdict("chmod -R 755 /srv/app/static", UNNAMED).allowed
    assert RULE not in verdict("cp x /opt/app/x", UNNAMED).matched_rules


_SEGMENT = st.text(alphabet="abcxyz.-_", min_size=1, max_size=8).filter(
    lambda s: s not in (".", "..")
)


@given(st.lists(_SEGMENT, min_size=1, max_size=6))
def test_any_path_below_the_workspace_or_tmp_is_not_outside(segments: list[str]) -> None:
    tail = "/".join(segments)
    assert not outside_workspace(f"{WORKSPACE}/{tail}", WORKSPACE, HOME)
    assert not outside_workspace(f"/tmp/{tail}", WORKSPACE, HOME)
    assert outside_workspace(f"/opt/{tail}", WORKSPACE, HOME)
