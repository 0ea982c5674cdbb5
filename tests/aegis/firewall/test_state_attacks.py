"""Attacks on the firewall's state rather than its parsing: stale verdicts, quiet rule removal,
and parameters that change between the check and the use.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request, Rule, Verdict

SHELL = "execute_command"


def _judge(firewall: IntentFirewall, request: Request) -> Verdict:
    return asyncio.run(firewall.validate_request(request))


def test_tightening_allowed_hosts_revokes_an_earlier_allow() -> None:
    firewall = IntentFirewall(allowed_hosts=["evil.example", "github.com"])
    request = Request("fetch_url", {"url": "https://evil.example/payload"})
    assert _judge(firewall, request).decision is Decision.ALLOW
    firewall.allowed_hosts = frozenset({"github.com"})
    assert _judge(firewall, request).decision is not Decision.ALLOW


def test_raising_the_threshold_revokes_an_earlier_allow() -> None:
    firewall = IntentFirewall(threshold=0.7)
    request = Request("read_file", {"path": "README.md"}, "", 0.4)  # low confidence: -0.2
    first = _judge(firewall, request)
    assert first.decision is Decision.ALLOW
    firewall.threshold = min(1.0, first.score + 0.05)
    assert _judge(firewall, request).decision is not Decision.ALLOW


def test_a_rule_added_later_applies_to_a_request_seen_before() -> None:
    firewall = IntentFirewall()
    request = Request("send_message", {"message": "the launch codes are 0000"})
    assert _judge(firewall, request).decision is Decision.ALLOW
    firewall.block_pattern(Rule(id="launch-codes", pattern="launch codes"))
    assert _judge(firewall, request).decision is Decision.BLOCK


def test_unblock_pattern_does_not_quietly_disable_a_default_rule() -> None:
    firewall = IntentFirewall()
    request = Request(SHELL, {"command": "rm -rf /"})
    verdict = _judge(firewall, request)
    assert verdict.decision is not Decision.ALLOW
    for rule_id in verdict.matched_rules:
        try:
            firewall.unblock_pattern(rule_id)
        except (KeyError, ValueError):
            continue  # refusing is one right answer; still refusing the request is the other
    assert _judge(firewall, request).decision is not Decision.ALLOW


class _Flipping(Mapping[str, str]):
    """Parameters that read ``ls`` and ``rm -rf /`` on alternate reads."""

    def __init__(self) -> None:
        self.reads = 0

    def _value(self) -> str:
        self.reads += 1
        return "ls" if self.reads % 2 else "rm -rf /"

    def __getitem__(self, key: str) -> str:
        if key != "command":
            raise KeyError(key)
        return self._value()

    def __iter__(self) -> Iterator[str]:
        return iter(["command"])

    def __len__(self) -> int:
        return 1


@pytest.mark.parametrize("skip_reads", [0, 1, 2, 3])
def test_the_verdict_carries_exactly_what_it_judged(skip_reads: int) -> None:
    parameters = _Flipping()
    parameters.reads = skip_reads
    verdict = _judge(IntentFirewall(), Request(SHELL, parameters))
    judged = getattr(verdict, "parameters", None)
    assert judged is not None, "a verdict must carry the frozen parameters it judged"
    again = _judge(IntentFirewall(), Request(SHELL, dict(judged)))
    assert again.decision is verdict.decision, (dict(judged), verdict.decision)
    if verdict.allowed:
        assert "rm" not in str(dict(judged))


def test_changing_the_callers_mapping_after_the_check_changes_nothing_judged() -> None:
    inner = {"command": "ls -la"}
    parameters: dict[str, object] = {"step": inner, "argv": ["ls"]}
    verdict = _judge(IntentFirewall(), Request(SHELL, parameters))
    inner["command"] = "rm -rf /"
    parameters["argv"].append("/etc/shadow")  # type: ignore[attr-defined]
    judged = getattr(verdict, "parameters", None)
    assert judged is not None, "a verdict must carry the frozen parameters it judged"
    assert judged["step"]["command"] == "ls -la"
    assert list(judged["argv"]) == ["ls"]
    with pytest.raises(TypeError):
        judged["step"]["command"] = "rm -rf /"  # type: ignore[index]


def test_inventing_a_new_source_per_request_gains_no_extra_requests() -> None:
    now = [0.0]
    firewall = IntentFirewall(rate_limit=1.0, burst=2.0, clock=lambda: now[0])
    allowed = sum(
        _judge(firewall, Request("get_time", {}, "", 1.0, f"agent-{n}")).allowed
        for n in range(1000)
    )
    assert allowed <= 4, f"{allowed} of 1000 requests got through a budget of 2 by rotating source"
