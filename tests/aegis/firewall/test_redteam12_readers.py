"""The readers added for the red-team round of issue 12, at their edges: what they take
apart, what they leave, and inputs that must neither crash nor hang them."""

from __future__ import annotations

import time

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.envprograms import _toolchain_name
from aegis.intent_firewall.gitobjects import _object_path
from aegis.intent_firewall.pyactions import python_action_findings
from aegis.intent_firewall.toolconfigs import tool_config_findings

FIREWALL = IntentFirewall(
    working_directory="/home/agent/project",
    home="/home/agent",
    allowed_hosts=["github.com", "localhost", "127.0.0.1"],
    environment={"TMPDIR": "/tmp"},
)


def decide(action: str, parameters: dict[str, object]) -> Decision:
    return FIREWALL.validate_request_sync(Request(action=action, parameters=parameters)).decision


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("HEAD:.env", ".env"),
        ("HEAD~3:deploy/id_rsa", "deploy/id_rsa"),
        (":0:.env", ".env"),
        ("HEAD:./src/a.py", "src/a.py"),
        ("--format=%s", ""),
        ("https://example.com/x", ""),
        ("main", ""),
        ("HEAD:", ""),
    ],
)
def test_a_revision_path_is_the_file_after_the_colon(value: str, path: str) -> None:
    assert _object_path(value) == path


@pytest.mark.parametrize(
    ("name", "toolchain"),
    [
        ("gcc", True),
        ("gcc-12", True),
        ("clang-17.0", True),
        ("x86_64-linux-gnu-gcc", True),
        ("arm-none-eabi-ld", True),
        ("rm", False),
        ("curl", False),
        ("gcc-evil", False),
    ],
)
def test_a_toolchain_name_may_carry_a_version_or_a_target(name: str, toolchain: bool) -> None:
    assert _toolchain_name(name, frozenset({"gcc", "clang", "ld"})) is toolchain


@pytest.mark.parametrize(
    "text",
    ["def (:", "\x00" * 10, "x = (" * 5000, "import os\n" * 20000, ""],
)
def test_python_that_does_not_parse_or_is_huge_draws_nothing_and_returns(text: str) -> None:
    started = time.perf_counter()
    assert python_action_findings("tests/test_x.py", [text], lambda line: []) == []
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pytest.ini", "[pytest\naddopts = x"),
        ("tox.ini", "no sections at all"),
        (".mocharc.yml", "- a\n- b\n"),
        (".mocharc.json", "{not json"),
        ("pyproject.toml", "[tool.pytest.ini_options\n"),
    ],
)
def test_configuration_that_does_not_parse_draws_nothing(name: str, text: str) -> None:
    assert tool_config_findings(name, [text], lambda line: [line]) == []  # type: ignore[list-item]


def test_tox_substitutions_are_what_they_stand_for() -> None:
    seen: list[str] = []
    text = "[testenv]\ncommands =\n    pytest {posargs}\n    rm -rf {homedir}\n"
    tool_config_findings("tox.ini", [text], lambda line: seen.append(line) or [])  # type: ignore[func-returns-value]
    assert seen == ["pytest", "rm -rf ~"]


def test_a_test_reading_a_key_through_pathlib_is_that_read() -> None:
    content = "from pathlib import Path\nprint((Path.home() / '.ssh' / 'id_ed25519').read_text())\n"
    assert decide("write_file", {"path": "tests/test_k.py", "content": content}) is Decision.BLOCK


def test_application_code_is_not_read_as_a_test() -> None:
    content = "import shutil\nshutil.rmtree('build')\n"
    assert decide("write_file", {"path": "src/app/clean.py", "content": content}) is Decision.ALLOW
