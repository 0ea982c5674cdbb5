"""Paths, hosts and the request's structure: normalisation and the sensitive catalogue."""

from __future__ import annotations

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.hosts import host_allowed, url_host
from aegis.intent_firewall.paths import resolve_path

FIREWALL = IntentFirewall(
    working_directory="/work/project", home="/home/agent", allowed_hosts=["github.com"]
)


def judge(action: str, parameters: dict[str, object]) -> tuple[Decision, tuple[str, ...]]:
    answer = FIREWALL.validate_request_sync(Request(action, parameters))
    return answer.decision, answer.matched_rules


@pytest.mark.parametrize(
    ("written", "resolved"),
    [
        ("file://localhost/etc/passwd", "/etc/passwd"),
        ("%2Fetc%2Fshadow", "/etc/shadow"),
        ("%252Fetc%252Fshadow", "/etc/shadow"),
        ("~root/.ssh/id_rsa", "/root/.ssh/id_rsa"),
        ("$HOME/.aws/credentials", "/home/agent/.aws/credentials"),
        ("/proc/self/root/etc/shadow", "/etc/shadow"),
        ("C:\\Users\\me\\.ssh\\id_rsa", "/users/me/.ssh/id_rsa"),
        ("../../../etc/passwd", "/etc/passwd"),
        ("..%c0%af..%c0%afetc", "/etc"),
    ],
)
def test_paths_are_normalised_once(written: str, resolved: str) -> None:
    assert resolve_path(written, "/work/project", "/home/agent") == resolved


@pytest.mark.parametrize(
    ("path", "decision"),
    [
        ("~/.ssh/id_ed25519", Decision.BLOCK),
        ("~/.ssh/id_ed25519.pub", Decision.ALLOW),
        ("/var/run/secrets/kubernetes.io/serviceaccount/token", Decision.BLOCK),
        ("/etc/shadow-", Decision.BLOCK),
        ("/etc/hostname", Decision.ALLOW),
        ("/etc/ssl/private/tls.key", Decision.BLOCK),
        ("notes/etc/passwd-notes.txt", Decision.ALLOW),
    ],
)
def test_reading_sensitive_targets(path: str, decision: Decision) -> None:
    assert judge("read_file", {"path": path})[0] is decision


def test_a_nul_byte_or_an_encoded_traversal_is_a_finding() -> None:
    assert "opaque-value" in judge("read_file", {"path": "notes.txt\x00.png"})[1]
    assert "path-evasion" in judge("read_file", {"path": "....//....//etc/hosts"})[1]


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("http://evil.example\\@github.com/", "evil.example"),
        ("http:evil.example", "evil.example"),
        ("https://user@GitHub.com:443/x", "github.com"),
        ("http://0x7f.1/", "127.0.0.1"),
        ("http://b\u00fccher.example/", "xn--bcher-kva.example"),
        ("gopher://127.0.0.1:6379/_", "127.0.0.1"),
    ],
)
def test_urls_are_parsed_as_a_client_would(url: str, host: str) -> None:
    parsed = url_host(url)
    assert parsed is not None
    assert parsed[1] == host


def test_allowed_hosts_include_subdomains_only() -> None:
    allowed = frozenset({"github.com"})
    assert host_allowed("api.github.com", allowed)
    assert not host_allowed("github.com.evil.example", allowed)
    assert not host_allowed("evilgithub.com", allowed)


@pytest.mark.parametrize(
    "parameters",
    [
        {"host": "evil.example"},
        {"to": "exfil@evil.example"},
        {"text": "see http://evil.example/x"},
        {"url": "gopher://localhost:6379/_FLUSHALL"},
    ],
)
def test_every_network_destination_is_checked(parameters: dict[str, object]) -> None:
    assert judge("send", parameters)[0] is not Decision.ALLOW


@pytest.mark.parametrize(
    ("action", "parameters"),
    [
        ("exec", {"argv": ["rm", "-rf", "/"]}),
        ("run_tool", {"tool": "bash", "arguments": '{"command": "rm -rf /"}'}),
        ("run_tool", {"name": "shell", "input": "command: rm -rf /"}),
        ("run", {"input": b"rm -rf / && echo done"}),
        ("setEnv", {"name": "LD_PRELOAD", "value": "/tmp/x.so"}),
        ("exec", {"argv": {"0": "rm", "1": "-rf", "2": "/"}}),
    ],
)
def test_structure_carries_commands(action: str, parameters: dict[str, object]) -> None:
    assert judge(action, parameters)[0] is not Decision.ALLOW


def test_the_judged_parameters_are_a_frozen_copy() -> None:
    parameters: dict[str, object] = {"cmd": "ls", "opts": {"flags": ["-l"]}}
    answer = FIREWALL.validate_request_sync(Request("execute_command", parameters))
    parameters["cmd"] = "rm -rf /"
    assert answer.parameters["cmd"] == "ls"
    with pytest.raises(TypeError, match="frozen"):
        answer.parameters["cmd"] = "rm -rf /"  # type: ignore[index]
    assert answer.parameters["opts"]["flags"] == ("-l",)


def test_cycles_and_shared_references_are_bounded() -> None:
    node: dict[str, object] = {"cmd": "ls"}
    node["self"] = node
    assert "reference-cycle" in judge("x", node)[1]
    shared: dict[str, object] = {"leaf": "ok"}
    for _ in range(60):
        shared = {"a": shared, "b": shared}
    assert judge("x", shared)[0] is Decision.REVIEW
