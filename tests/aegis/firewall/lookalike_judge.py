"""The firewall the look-alike mechanism tests share: a workspace at ``/work/project`` that may
reach GitHub and the local host, answering with its decision and the rules that matched."""

from __future__ import annotations

from typing import Any

from aegis.intent_firewall import Decision, IntentFirewall, Request

__all__ = ["FIREWALL", "judge", "judge_tool"]

FIREWALL = IntentFirewall(
    working_directory="/work/project",
    home="/home/agent",
    allowed_hosts=["github.com", "localhost", "127.0.0.1"],
)


def judge(command: str) -> tuple[Decision, tuple[str, ...]]:
    """The decision and matched rules for ``command`` run in the shell."""
    return judge_tool("execute_command", {"command": command})


def judge_tool(action: str, parameters: dict[str, Any]) -> tuple[Decision, tuple[str, ...]]:
    """The decision and matched rules for the tool call ``action(**parameters)``."""
    answer = FIREWALL.validate_request_sync(Request(action, parameters))
    return answer.decision, answer.matched_rules
