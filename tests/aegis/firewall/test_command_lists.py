"""Lists of command lines: judged line by line, and as one script when a line can change the
shell for a later one; ordinary lists fit the work budget, hostile sizes do not."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall import IntentFirewall, Request
from aegis.intent_firewall.shellstate import carries_state
from tests.aegis.firewall.corpus_cases import load_corpus

_WORKSPACE = "/home/agent/project"
_SHORT_LINES = (
    "ls -la ./src",
    "git status --short",
    "cat README.md",
    "pytest -q tests/unit",
    "grep -rn 'TODO' ./src",
    "python3 -m build",
    "wc -l setup.cfg",
    "git log --oneline -5 | head -3",
)


def _firewall() -> IntentFirewall:
    return IntentFirewall(working_directory=_WORKSPACE, home="/home/agent")


def _judge(lines: list[str]) -> tuple[str, tuple[str, ...]]:
    request = Request("execute_command", {"commands": lines})
    verdict = _firewall().validate_request_sync(request)
    return verdict.decision.value, verdict.reasons


def _ordinary(count: int) -> list[str]:
    return [f"{line} x{i}" for i, line in zip(range(count), itertools.cycle(_SHORT_LINES))]


@pytest.mark.parametrize(
    "line",
    [
        "ls -la ./src",
        "git commit -m 'fix: cd into build first'",
        "grep -rn 'x' src | wc -l",
        "sort < in.txt > out.txt",
        "pytest -q  # cd /etc in a comment",
        "",
        "echo a#b",
        "make && make test",
        "ls; pwd",
        "pytest 2>&1 | tee log.txt",
        "npm run build || npm run build:fallback",
        "sleep 1 &",
    ],
)
def test_a_plain_line_carries_no_state(line: str) -> None:
    assert not carries_state(line)


@pytest.mark.parametrize(
    "line",
    [
        "cd /etc",
        "pushd /etc",
        "'cd' /etc",
        '"c"d /etc',
        "CD /etc",
        "export PATH=/tmp",
        "PATH=/tmp",
        "A=1 ls",
        "alias ls='rm -rf /'",
        "source ./env.sh",
        ". ./env.sh",
        "set -o allexport",
        "shopt -s expand_aliases",
        "printf -v PATH /tmp",
        "read -r HOME",
        "hash -p /tmp/evil ls",
        "eval ls",
        "command cd /etc",
        "builtin cd /etc",
        "umask 000",
        "ls | cd /etc",
        "ls ||",
        "ls &&",
        "ls ; ; pwd",
        "ls |",
        "ls | # the pipe goes on below",
        "echo 'open quote",
        "cat <<EOF",
        "2>err cd /etc",
        "ls; cd /etc",
        "ls && cd /etc",
        "cd\t/etc",
        "echo $HOME",
        "echo `id`",
        "if true",
        "then rm -rf /",
        "for f in *",
        "f() { cd /etc; }",
        "сd /etc",  # Cyrillic es
        "echo " + "'a' " * 40,  # more quotes than the scan looks at
    ],
)
def test_a_line_that_can_change_the_shell_or_span_lines_carries_state(line: str) -> None:
    assert carries_state(line)


@given(
    st.lists(st.sampled_from(["cd", "export", "alias", "source", "A=1", "ls", "cat", "git"])),
    st.sampled_from(["cd", "export", "alias", "source", "set", "X=y"]),
)
def test_a_stateful_command_anywhere_in_a_pipeline_is_seen(
    before: list[str], stateful: str
) -> None:
    line = " | ".join([*(f"{word} x" for word in before), f"{stateful} /etc"])
    assert carries_state(line)


def test_thirty_short_lines_are_judged_in_full() -> None:
    assert _judge(_ordinary(30)) == ("allow", ())


def test_thirty_short_lines_after_a_cd_are_judged_in_full_twice() -> None:
    # joined as one script (the cd moves the rest) on a budget of its own
    assert _judge(["cd ./build", *_ordinary(30)]) == ("allow", ())


def test_a_cd_sixty_lines_before_a_credential_read_is_followed() -> None:
    # past the work budget the list is review, but what was read first still blocks
    decision, reasons = _judge(["cd /etc", *_ordinary(60), "cat shadow"])
    assert decision == "block"
    assert any("/etc/shadow" in reason for reason in reasons)


def test_a_cd_too_many_lines_before_a_read_is_too_large_not_a_pass() -> None:
    decision, reasons = _judge(["cd /etc", *["true"] * 70, "cat shadow"])
    assert decision != "allow"
    assert any("too many to read as one script" in reason for reason in reasons)


def test_a_cd_before_lines_too_long_to_join_is_too_large_not_a_pass() -> None:
    decision, _ = _judge(["cd /etc", *["echo " + "x" * 100] * 45, "cat shadow"])
    assert decision != "allow"


@pytest.mark.parametrize("count", [120, 256, 400])
def test_a_hostile_number_of_lines_still_meets_the_budget(count: int) -> None:
    decision, reasons = _judge(_ordinary(count))
    assert decision == "review"
    assert any("too large to inspect" in reason for reason in reasons)


def test_long_lines_still_meet_the_budget() -> None:
    decision, reasons = _judge([f"echo {i} " + "a " * 2000 for i in range(30)])
    assert decision == "review"
    assert any("too much to judge" in reason for reason in reasons)


def test_many_stateful_lists_share_one_script_budget() -> None:
    # every list is joined, but all the joined readings share one budget
    lists = {f"step{i}": ["cd ./build", *_ordinary(40)] for i in range(12)}
    request = Request("execute_command", lists)
    verdict = _firewall().validate_request_sync(request)
    assert verdict.decision.value == "review"


def _plain_corpus_lines() -> list[str]:
    lines = []
    for name in ("benign", "attacks"):
        for case in load_corpus(name).cases:
            command = case.request.parameters.get("command")
            if (
                case.request.action == "execute_command"
                and len(case.request.parameters) == 1
                and isinstance(command, str)
                and len(command) < 200
                and not carries_state(command)
            ):
                lines.append(command)
    return lines


def test_a_list_of_plain_lines_is_judged_as_its_joined_script_is() -> None:
    # the joined reading is skipped for plain lines because it would say the same: check
    # that on real corpus lines, pairwise
    lines = _plain_corpus_lines()
    assert len(lines) > 100
    firewall = _firewall()
    pairs = list(zip(lines[::7], lines[3::7], strict=False))[:150]
    for first, second in pairs:
        listed = firewall.validate_request_sync(
            Request("execute_command", {"commands": [first, second]})
        )
        joined = firewall.validate_request_sync(
            Request("execute_command", {"command": f"{first}\n{second}"})
        )
        assert (listed.decision == "allow") == (joined.decision == "allow"), (first, second)
