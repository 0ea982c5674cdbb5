"""Operations given as fields of a tool call (``operations.py``): the operation read from
its key and value, match-all selectors, and file operations judged as their commands."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.operations import is_operation_key, structured_operations

FIREWALL = IntentFirewall(
    working_directory="/work/project", home="/home/agent", allowed_hosts=["github.com", "localhost"]
)


def decide(parameters: dict[str, Any], action: str = "tool") -> Decision:
    return FIREWALL.validate_request_sync(Request(action, parameters)).decision


def rules(parameters: dict[str, Any], action: str = "tool") -> tuple[str, ...]:
    return FIREWALL.validate_request_sync(Request(action, parameters)).matched_rules


def command(line: str) -> Decision:
    return decide({"command": line}, "execute_command")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("verb", True),
        ("operation", True),
        ("httpMethod", True),
        ("operation_name", True),
        ("apiCall", True),
        ("name", False),
        ("path", False),
        ("operation_that_has_too_many_words", False),
    ],
)
def test_a_key_names_an_operation_by_its_words(key: str, *, expected: bool) -> None:
    assert is_operation_key(key) is expected


@pytest.mark.parametrize(
    "spelling",
    ["delete_bucket", "DeleteBucket", "deleteBucket", "DELETE-BUCKET", "s3:DeleteBucket"],
)
def test_every_identifier_spelling_of_a_destructive_operation_is_review(spelling: str) -> None:
    assert decide({"service": "s3", "operation": spelling, "bucket": "b"}) is Decision.REVIEW


@pytest.mark.parametrize(
    "selector",
    [{}, "1=1", " TRUE ", {"_id": {"$exists": True}}, {"id": {"$ne": None}},
     {"$or": [{"a": 1}, {}]}, {"query": {"match_all": {}}}, {"name": {"$regex": ".*"}}],
)  # fmt: skip
def test_a_selector_matching_every_row_is_review(selector: object) -> None:
    parameters = {"op": "deleteMany", "collection": "users", "filter": selector}
    assert "destructive-action" in rules(parameters)


@pytest.mark.parametrize(
    "selector",
    [{"status": "spam"}, "id = 7", {"run_id": "ci-1234"}, {"tags": ["tmp", "fixture"]}],
)
def test_a_specific_selector_deletes_as_delete_where_does(selector: object) -> None:
    parameters = {"op": "deleteMany", "collection": "users", "filter": selector}
    assert decide(parameters) is Decision.ALLOW


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        ({"action": "delete", "path": "build/x.o"}, "rm build/x.o"),
        ({"action": "delete", "path": "dist", "recursive": True}, "rm -r dist"),
        ({"action": "delete", "path": "."}, "rm -r ."),
        ({"action": "delete", "path": ".git", "recursive": True}, "rm -rf .git"),
        ({"action": "delete", "path": "/etc/hosts"}, "rm /etc/hosts"),
        ({"action": "move", "src": "a.txt", "dst": "docs/a.txt"}, "mv a.txt docs/a.txt"),
        (
            {"action": "move", "src": "/work/project", "dst": "/dev/null"},
            "mv /work/project /dev/null",
        ),
        ({"operation": "chmod", "path": "run.sh", "mode": "755"}, "chmod 755 run.sh"),
    ],
)
def test_a_file_operation_gets_what_its_command_line_gets(
    fields: dict[str, Any], line: str
) -> None:
    decision = decide(fields, "filesystem")
    assert (decision is Decision.ALLOW) is (command(line) is Decision.ALLOW), (fields, line)


@pytest.mark.parametrize(
    ("method", "endpoint", "expected"),
    [
        ("DELETE", "/repos/org/app", Decision.REVIEW),
        ("PATCH", "/repos/org/app", Decision.REVIEW),
        ("GET", "/repos/org/app", Decision.ALLOW),
        ("POST", "https://api.example/v1/instances/i-1/terminate", Decision.REVIEW),
        ("POST", "https://api.github.com/repos/org/app/issues", Decision.ALLOW),
        ("DELETE", "http://localhost:8000/api/items/4", Decision.ALLOW),
    ],
)
def test_an_http_method_is_judged_with_its_endpoint(
    method: str, endpoint: str, expected: Decision
) -> None:
    assert decide({"method": method, "endpoint": endpoint}, "http_request") is expected


def test_the_operation_inside_json_arguments_counts() -> None:
    arguments = '{"verb": "delete", "kind": "Namespace", "name": "prod"}'
    assert decide({"name": "k8s", "arguments": arguments}, "call_tool") is Decision.REVIEW


def test_a_named_tool_takes_a_one_word_command_as_its_subcommand() -> None:
    assert decide({"command": "plan"}, "terraform") is Decision.ALLOW
    assert decide({"command": "destroy"}, "terraform") is Decision.REVIEW


_VERBS = st.sampled_from(["delete", "drop", "truncate", "purge", "wipe", "terminate", "revoke"])
_OBJECTS = st.sampled_from(["bucket", "table", "instances", "namespace", "Stack", "users"])
_KEYS = st.sampled_from(["verb", "operation", "op", "action", "api", "call", "operationName"])


@given(_VERBS, _OBJECTS, _KEYS, st.sampled_from(["snake", "camel", "pascal", "upper"]))
@settings(max_examples=60, deadline=None)
def test_a_destructive_operation_is_never_allowed_however_written(
    verb: str, noun: str, key: str, style: str
) -> None:
    words = [verb, noun.lower()]
    written = {
        "snake": "_".join(words),
        "camel": words[0] + words[1].capitalize(),
        "pascal": "".join(w.capitalize() for w in words),
        "upper": "_".join(words).upper(),
    }[style]
    assert decide({key: written, "resource": noun}) is not Decision.ALLOW


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=24,
)


@given(_JSON)
@settings(max_examples=80, deadline=None)
def test_any_shape_of_parameters_is_read_without_raising(value: object) -> None:
    found = structured_operations({"op": "deleteMany", "filter": value, "x": value}, inside=bool)
    assert len(found.findings) <= 8
    assert all(rule == "destructive-action" for rule, _ in found.findings)


def test_a_structure_referring_to_itself_is_walked_once() -> None:
    loop: dict[str, Any] = {"op": "drop", "table": "t"}
    loop["self"] = loop
    found = structured_operations({"args": loop}, inside=bool)
    assert found.findings


@pytest.mark.parametrize(
    ("source_key", "target_key"),
    [
        ("source", "destination"),
        ("from", "to"),
        ("src", "dst"),
        ("old_path", "new_path"),
        ("source", "target"),
    ],
)
def test_a_file_tool_named_for_moving_reads_its_operands_under_any_key(
    source_key: str, target_key: str
) -> None:
    away = {source_key: "/work/project", target_key: "/dev/null"}
    inside = {source_key: "/work/project/a.txt", target_key: "/work/project/b.txt"}
    assert decide(away, "filesystem__move_file") is not Decision.ALLOW
    assert decide(inside, "filesystem__move_file") is Decision.ALLOW


def test_a_move_onto_a_device_or_of_the_history_is_a_finding() -> None:
    found = structured_operations(
        {"from": "src", "to": "/dev/null"}, inside=lambda _: True, action_words=frozenset({"move"})
    )
    assert found.commands == [["mv", "--", "src", "/dev/null"]]
    assert found.findings
    history = {"old_path": ".git", "new_path": "/tmp/g"}
    assert decide(history, "rename_file") is not Decision.ALLOW


def test_a_copy_tool_reads_its_source_and_writes_its_destination() -> None:
    assert decide({"source": "/etc/hosts", "destination": "./hosts.bak"}, "copy_file") is (
        Decision.ALLOW
    )
    assert decide({"src": "/etc/shadow", "dst": "./s"}, "copy_file") is not Decision.ALLOW
    assert decide({"from": "./x", "to": "/etc/cron.d/x"}, "copy_file") is not Decision.ALLOW
