"""Intent firewall: judges an agent's requested action before it runs.

Shell text is parsed with tree-sitter-bash and judged against a command catalogue kept as
data; paths, URLs and hosts are resolved the way programs and clients would resolve them;
text is compared in one canonical form (NFKC, no invisible marks, case folded, confusables
folded). Whatever cannot be resolved from the text is at least *review* (fail closed). The
answer is a :class:`Verdict`: allow, review or block, a score in [0, 1], reasons naming
each rule with the token as written and as resolved, and the frozen parameters judged.
"""

from aegis.intent_firewall.firewall import IntentFirewall
from aegis.intent_firewall.frozen import FrozenDict
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
from aegis.intent_firewall.policy import DEFAULT_ALLOWED_HOSTS, Limits, Policy
from aegis.intent_firewall.rules import DEFAULT_RULES

__all__ = [
    "DEFAULT_ALLOWED_HOSTS",
    "DEFAULT_RULES",
    "PENALTY",
    "Decision",
    "Effect",
    "Finding",
    "FrozenDict",
    "IntentFirewall",
    "Limits",
    "Policy",
    "Request",
    "Rule",
    "Severity",
    "Verdict",
]
