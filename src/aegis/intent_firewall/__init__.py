"""Intent firewall: judges an agent's requested action before it runs.

Every string in the request is canonicalised (Unicode NFKC, format characters removed, case
folded; paths resolved; embedded JSON unpacked; shell command lines parsed into the commands
they would run) and checked against default rules and custom RE2 rules. The answer is a
:class:`Verdict`: allow, review or block, a score in [0, 1], and reasons naming each rule.
"""

from aegis.intent_firewall.detectors import DEFAULT_RULES
from aegis.intent_firewall.firewall import IntentFirewall
from aegis.intent_firewall.model import (
    PENALTY,
    Decision,
    Effect,
    Finding,
    Request,
    Rule,
    Severity,
    Verdict,
)
from aegis.intent_firewall.shell import Command, ShellParseError, parse_command_line

__all__ = [
    "DEFAULT_RULES",
    "PENALTY",
    "Command",
    "Decision",
    "Effect",
    "Finding",
    "IntentFirewall",
    "Request",
    "Rule",
    "Severity",
    "ShellParseError",
    "Verdict",
    "parse_command_line",
]
