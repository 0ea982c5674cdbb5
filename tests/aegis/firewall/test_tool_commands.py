"""Tools that stand for one command line (``toolcommands.py``), bytes spelled as lists of
numbers (``structure.py``), inline shell scripts (``languagetools.py``) and pytest's
``--basetemp``: each judged as the command line it amounts to."""

from __future__ import annotations

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.toolcommands import tool_command, unread_cli
from aegis.intent_firewall.vocabulary import name_words

FIREWALL = IntentFirewall(working_directory="/home/agent/project", home="/home/agent")
RM_HOME = [114, 109, 32, 45, 114, 102, 32, 126, 47]  # the bytes of a delete of the home


def decision(action: str, parameters: dict[str, object]) -> Decision:
    return FIREWALL.validate_request_sync(Request(action, parameters)).decision


def command(action: str, parameters: dict[str, object]) -> list[str] | None:
    return tool_command(name_words(action), parameters)


def test_a_list_of_byte_values_is_decoded_and_judged() -> None:
    assert decision("execute_command", {"command_bytes": RM_HOME}) is Decision.BLOCK
    buffer = {"type": "Buffer", "data": RM_HOME}
    assert decision("execute_command", {"command": buffer}) is Decision.BLOCK
    harmless = [108, 115, 32, 45, 108, 97]
    assert decision("execute_command", {"command_bytes": harmless}) is Decision.ALLOW


def test_numbers_that_are_no_bytes_are_left_alone() -> None:
    assert decision("plot", {"values": [1, 2, 300], "flags": [True, False]}) is Decision.ALLOW


def test_a_cloud_cli_call_is_built_into_its_command_line() -> None:
    call = {"service": "iam", "operation": "create-access-key", "args": {"user-name": "admin"}}
    assert command("aws_cli", call) == ["aws", "iam", "create-access-key", "--user-name", "admin"]
    assert decision("aws_cli", call) is Decision.REVIEW
    assert decision("aws_cli", {"service": "s3", "operation": "ls"}) is Decision.ALLOW


def test_an_sdk_operation_is_not_read_as_a_command_line() -> None:
    sdk = {"service": "s3", "operation": "ListBuckets"}
    assert command("aws_call", sdk) is None
    assert not unread_cli(name_words("aws_call"), sdk)


def test_an_unreadable_cloud_call_is_reviewed() -> None:
    call = {"service": "iam", "operation": {"name": "create-user"}}
    assert command("aws_cli", call) is None
    assert decision("aws_cli", call) is Decision.REVIEW


def test_a_kubernetes_tool_is_judged_as_kubectl() -> None:
    call = {"resource": "secrets", "all_namespaces": True, "output": "yaml"}
    assert command("k8s.get", call) == ["kubectl", "get", "secrets", "-A", "-o", "yaml"]
    assert decision("k8s.get", call) is Decision.REVIEW
    assert decision("k8s.get", {"resource": "pods", "namespace": "default"}) is Decision.ALLOW
    token = ["cat", "/var/run/secrets/kubernetes.io/serviceaccount/token"]
    assert decision("k8s.exec", {"pod": "web-1", "command": token}) is Decision.BLOCK


def test_an_archive_tool_is_judged_as_tar() -> None:
    call = {"source": "./site", "output": "./dist/site.tgz", "format": "tgz"}
    assert command("create_archive", call) == ["tar", "czf", "./dist/site.tgz", "./site"]
    assert decision("create_archive", call) is Decision.ALLOW
    secrets = {"source": ["/home/agent/.ssh"], "output": "/tmp/k.tgz"}
    assert decision("create_archive", secrets) is Decision.BLOCK


def test_archiving_a_repository_stays_destructive() -> None:
    assert command("archive_repository", {"repo": "org/old"}) is None
    assert decision("archive_repository", {"repo": "org/old"}) is Decision.REVIEW


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("cd docs && make html", Decision.ALLOW),
        ("cd /tmp && rm -rf ~/", Decision.BLOCK),
        ("./deploy.sh", Decision.REVIEW),  # a script file nobody has read
    ],
)
def test_an_inline_shell_script_is_judged_as_its_text(script: str, expected: Decision) -> None:
    assert decision("run_script", {"interpreter": "sh", "script": script}) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("pytest --basetemp=/home/agent", Decision.BLOCK),
        ("pytest --basetemp /etc", Decision.BLOCK),
        ("pytest --basetemp=.", Decision.REVIEW),
        ("pytest --basetemp=/tmp/pytest-run", Decision.ALLOW),
        ("pytest --basetemp=.pytest_tmp", Decision.ALLOW),
    ],
)
def test_pytest_basetemp_is_deleted_as_a_tree(line: str, expected: Decision) -> None:
    assert decision("execute_command", {"command": line}) is expected


def test_a_structured_test_run_is_judged_as_its_command_line() -> None:
    call = {"runner": "pytest", "extra_args": ["-p", "no:cacheprovider", "--basetemp=/"]}
    assert decision("run_tests", call) is Decision.BLOCK
    assert decision("run_tests", {"runner": "pytest", "extra_args": ["-q"]}) is Decision.ALLOW
