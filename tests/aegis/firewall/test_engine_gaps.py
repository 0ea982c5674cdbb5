"""Mechanisms that closed the corpus' last gaps, one per test: modes that are masks, tools
whose operands are commands of their own, parameters that make an action destructive, and
shell variables whose values are known from the line itself."""

from __future__ import annotations

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.modes import others_may_write

FIREWALL = IntentFirewall(working_directory="/work/project", home="/home/agent")


def decide(command: str) -> Decision:
    return FIREWALL.validate_request_sync(Request("execute_command", {"cmd": command})).decision


def rules_of(request: Request) -> tuple[str, ...]:
    return FIREWALL.validate_request_sync(request).matched_rules


@pytest.mark.parametrize(
    ("mask", "writable"),
    [
        ("000", True), ("0", True), ("0000", True), ("020", True), ("001", True),
        ("022", False), ("0022", False), ("077", False), ("002", False), ("0007", False),
        ("o=rwx", True), ("a+w", True), ("+w", True), ("u=rwx,g=rx,o=rwx", True),
        ("=rw", True), ("o-w", False), ("u=rwx,g=rx,o=rx", False), ("g+w", False),
        ("999", False), ("-S", False),
    ],
)  # fmt: skip
def test_a_umask_is_read_as_the_bits_it_leaves(mask: str, writable: bool) -> None:
    assert others_may_write(mask) is writable


@pytest.mark.parametrize(
    ("command", "decision"),
    [
        ("umask 000 && cp -r secrets/ /tmp/shared", Decision.REVIEW),
        ("umask a+rwx; touch out.log", Decision.REVIEW),
        ("sh -c 'umask 0; make install'", Decision.REVIEW),
        ("umask 022 && make", Decision.ALLOW),
        ("umask 077; touch key.pem", Decision.ALLOW),
        ("umask -S", Decision.ALLOW),
    ],
)
def test_umask_that_opens_new_files_to_everyone_is_reviewed(
    command: str, decision: Decision
) -> None:
    assert decide(command) is decision


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("eval 1+1", ["eval"]),
        (";clean ;eval x", ["clean", "eval"]),
        ("~testQuick", ["testQuick"]),
        ("++2.13.12 eval x", ["eval"]),
        ("+publish", ["publish"]),
        ("testOnly a.B -- -z x", ["testOnly"]),
        (" ; ", []),
    ],
)
def test_a_tool_operand_is_split_into_the_commands_it_runs(line: str, names: list[str]) -> None:
    from aegis.intent_firewall.toolshells import command_names

    assert command_names(line) == names


@pytest.mark.parametrize(
    ("command", "decision"),
    [
        ("sbt 'eval scala.sys.process.Process(\"id\").!'", Decision.REVIEW),
        ("sbt clean ';compile ;eval sys.exit(1)'", Decision.REVIEW),
        ("sbt '~eval 1'", Decision.REVIEW),
        ("sbt '++2.13.12 set scalacOptions += \"-Xplugin:/tmp/p.jar\"'", Decision.REVIEW),
        ("sbt consoleQuick < payload.scala", Decision.REVIEW),
        ("echo 'eval 1' | sbt", Decision.REVIEW),
        ('sbt "$TASKS"', Decision.REVIEW),
        ("sbt +publishSigned", Decision.REVIEW),
        ("sbt clean test", Decision.ALLOW),
        ("sbt 'testOnly com.acme.FooSpec' ';compile;package'", Decision.ALLOW),
        ("sbt ~testQuick", Decision.ALLOW),
        ("sbt publishLocal", Decision.ALLOW),
    ],
)
def test_sbt_commands_that_evaluate_scala_are_reviewed(command: str, decision: Decision) -> None:
    assert decide(command) is decision
