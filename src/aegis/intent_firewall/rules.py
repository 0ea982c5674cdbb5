"""The default rules: ids, severities, effects and what each one means."""

from __future__ import annotations

from typing import NamedTuple

from aegis.intent_firewall.model import Effect, Severity

__all__ = ["DEFAULT_RULES", "Hit", "default_hit"]


class Hit(NamedTuple):
    """A rule that fired on one string, before the firewall adds where the string was."""

    rule: str
    severity: Severity
    effect: Effect
    description: str
    evidence: str


C, H, M = Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM
BLOCK, REVIEW = Effect.BLOCK, Effect.REVIEW

#: Default rules by id (``IntentFirewall.unblock_pattern`` can disable one).
DEFAULT_RULES: dict[str, tuple[Severity, Effect, str]] = {
    "recursive-delete-system": (C, BLOCK, "recursive deletion of / or a system directory"),
    "credential-file-write": (C, BLOCK, "writes or deletes a credential file"),
    "credential-file-read": (H, BLOCK, "reads a credential file"),
    "system-config-write": (H, BLOCK, "writes system configuration or binaries"),
    "disk-format": (C, BLOCK, "formats or repartitions a disk"),
    "raw-device-write": (C, BLOCK, "writes to a raw block device"),
    "fork-bomb": (C, BLOCK, "fork bomb"),
    "recursive-permission-system": (C, BLOCK, "recursive permission change on a system path"),
    "setuid": (H, BLOCK, "sets the setuid or setgid bit"),
    "download-piped-to-shell": (C, BLOCK, "runs downloaded content in a shell"),
    "privilege-escalation": (H, BLOCK, "runs with elevated privileges"),
    "system-shutdown": (H, BLOCK, "shuts down, reboots or kills every process"),
    "unparseable-command": (H, BLOCK, "command line that cannot be parsed with confidence"),
    "nesting-too-deep": (M, REVIEW, "parameters nested deeper than the firewall inspects"),
    "unknown-network-destination": (M, REVIEW, "network request to a host not allowed"),
    "user-script": (M, REVIEW, "runs a user-supplied script"),
}


def default_hit(rule: str, evidence: str) -> Hit:
    severity, effect, description = DEFAULT_RULES[rule]
    return Hit(rule, severity, effect, description, evidence)
