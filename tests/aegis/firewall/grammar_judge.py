"""The firewall the option-grammar specifications judge by (a named workspace, GitHub and
the local host allowed)."""

from __future__ import annotations

from aegis.intent_firewall import Decision, IntentFirewall, Request

__all__ = ["FIREWALL", "verdict"]

FIREWALL = IntentFirewall(
    working_directory="/work/project",
    home="/home/agent",
    allowed_hosts=["github.com", "localhost", "127.0.0.1"],
)


def verdict(line: str) -> tuple[Decision, tuple[str, ...], str]:
    """The decision, the rules fired and the reasons for one command line."""
    judged = FIREWALL.validate_request_sync(Request("execute_command", {"command": line}))
    return judged.decision, judged.matched_rules, " ".join(judged.reasons)
