"""Tool-call fields that switch a safety control off or ask for secrets in the clear.

``github.repos.update {security_and_analysis: {secret_scanning: {status: disabled}}}`` turns
off the control that stops leaked keys, as surely as a command line would; so do
``{audit_logging: false}``, ``{versioning: {status: Suspended}}`` and ``{mfa_required: "off"}``.
A key whose words name a safety control (scanning, audit, logging, alerts, MFA, backups,
encryption …; ``control_words`` below) given an off value, directly or as the ``status``,
``state`` or ``enabled`` of a mapping under it, is ``destructive-action`` (*review*).

``env.dump {reveal_values: true}`` and ``secrets.get {with_decryption: true}`` print what a
store keeps hidden: a switch whose words ask for values in the clear (``reveal``,
``unmask``, ``with_decryption``), or one that turns masking off (``mask: false``,
``redact: false``), is ``credential-mint`` (*review*). Plain words, one pass over the
fields the parameter walk yields.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from typing import Any

from aegis.intent_firewall.vocabulary import name_words

__all__ = ["control_switch", "setting_findings", "switch_key"]

#: Words of a key that name a safety or security control. (Not ``logging``, ``backup``,
#: ``ssl`` or ``signing`` alone: a test run without logs, an edit without a backup file and a
#: loopback database without TLS are everyday work.)
_CONTROL_WORDS = frozenset(
    {"scanning", "protection", "protections", "audit", "auditing", "alerts", "alerting",
     "monitoring", "mfa", "2fa", "twofactor", "firewall", "antivirus", "defender",
     "guardduty", "cloudtrail", "dependabot", "codeql", "encryption", "versioning",
     "retention", "sso", "waf", "quarantine", "lockout", "captcha", "ratelimit",
     "ratelimiting", "verification", "guardrails", "guardrail", "moderation", "safesearch",
     "tamper"}
)  # fmt: skip
#: Values that switch a control off.
_OFF = frozenset({"disabled", "disable", "off", "false", "no", "none", "suspended", "0",
                  "paused", "inactive", "skip", "bypass"})  # fmt: skip
#: Keys of a mapping under a control that say whether it runs.
_STATE_KEYS = frozenset({"status", "state", "enabled", "enable", "mode", "active", "on"})
#: Words of a switch that asks for secret values in the clear.
_REVEAL_WORDS = frozenset({"reveal", "unmask", "unmasked", "decryption", "decrypt",
                           "decrypted", "plaintext", "unredacted", "cleartext"})  # fmt: skip
#: Words of a switch whose *off* value shows secrets (``mask: false``).
_MASK_WORDS = frozenset({"mask", "masked", "redact", "redacted", "redaction", "hide", "hidden",
                         "obfuscate", "sanitize", "sanitise"})  # fmt: skip
_VALUE_WORDS = frozenset({"values", "value", "secrets", "secret", "sensitive", "env"})
#: A key naming public access (``public_access``, ``allowPublic``), and the words that turn
#: it around (``block_public_access: false`` opens as surely).
_PUBLIC_WORDS = frozenset({"public", "anonymous", "unauthenticated"})
_BLOCKING_WORDS = frozenset({"block", "blocked", "restrict", "restricted", "prevent", "deny",
                             "disable", "disabled", "no", "private"})  # fmt: skip
#: A switch that skips a check: ``skip_tests: true``, ``bypass_review``, ``no_verify``.
_SKIP_WORDS = frozenset({"skip", "bypass", "no", "without", "ignore", "disable", "force"})
_CHECK_WORDS = frozenset({"tests", "test", "checks", "check", "review", "reviews", "approval",
                          "approvals", "verification", "verify", "validation", "hooks", "ci",
                          "scan", "scans", "lint", "audit", "gates", "gate"})  # fmt: skip
#: Keys holding address ranges; the ranges that mean the whole internet.
_RANGE_KEYS = frozenset({"cidr", "cidrs", "cidrip", "cidripv6", "cidrblock", "cidrblocks",
                         "sourceranges", "sourcerange", "sourceaddressprefix",
                         "sourceaddressprefixes", "ipranges", "sourceip", "sourcecidr",
                         "remoteipprefix", "sourceiprange", "ipv4range"})  # fmt: skip
_WORLD = frozenset({"0.0.0.0/0", "::/0", "0.0.0.0", "*", "any", "internet"})  # noqa: S104
#: Keys of a ``{id: waf, value: off}`` setting: its name and its value.
_NAME_KEYS = ("id", "name", "key", "setting", "field", "option")
_SETTING_VALUE_KEYS = ("value", "state", "status", "enabled")
#: Grantee keys that mean everyone (Cloudflare Access ``include: [{everyone: {}}]``).
_EVERYONE_KEYS = frozenset({"everyone", "anyone", "allusers", "all_users", "anonymous"})
_MAX_MAPPINGS = 256


def _off(value: object) -> bool:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value == 0
    if not isinstance(value, str):
        return False
    folded = value.strip().casefold()
    return folded in _OFF or folded.endswith(("_off", "-off", " off"))


def _on(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().casefold() in ("true", "yes", "on", "1")


def _state(value: Mapping[Any, Any], test: Callable[[object], bool]) -> bool:
    """Whether the mapping's own switch (``status``, ``enabled`` …) passes ``test``."""
    items = itertools.islice(value.items(), 16)
    return any(isinstance(key, str) and key.casefold() in _STATE_KEYS and test(state)
               for key, state in items)  # fmt: skip


def _state_off(value: Mapping[Any, Any]) -> bool:
    """``{status: disabled}`` / ``{enabled: false}``: the mapping's own switch is off."""
    return _state(value, _off)


def _state_on(value: Mapping[Any, Any]) -> bool:
    return _state(value, _on)


def switch_key(key: str) -> bool:
    """Whether :func:`control_switch` may find anything under ``key``, whatever its value."""
    words = name_words(key)
    return bool(
        words & (_CONTROL_WORDS | _REVEAL_WORDS | _MASK_WORDS | _PUBLIC_WORDS)
        or (words & _SKIP_WORDS and words & _CHECK_WORDS)
        or _range_key(key)
    )


def control_switch(key: str, value: object) -> tuple[str, str] | None:
    """(rule, evidence) for one field that turns a control off or reveals secrets."""
    words = name_words(key)
    shown = key[:60]
    public = _public(words, value)
    off = _off(value) or (isinstance(value, Mapping) and _state_off(value))
    checks = (
        (
            bool(words & _CONTROL_WORDS) and off,
            "destructive-action",
            f"parameter {shown} switches a safety control off",
        ),
        (
            bool(words & _CONTROL_WORDS) and value is None,
            "destructive-action",
            f"parameter {shown}: null removes a safety control",
        ),
        (bool(public), "irreversible-publish", f"parameter {shown} {public}"),
        (
            bool(words & _SKIP_WORDS and words & _CHECK_WORDS) and _on(value),
            "destructive-action",
            f"parameter {shown}: true skips a check",
        ),
        (
            _range_key(key) and _world(value),
            "destructive-action",
            f"parameter {shown} opens to the whole internet",
        ),
        (
            bool(words & _REVEAL_WORDS) and _on(value),
            "credential-mint",
            f"parameter {shown}: true shows secrets in the clear",
        ),
        (
            bool(words & _MASK_WORDS and (words & _VALUE_WORDS or len(words) == 1)) and _off(value),
            "credential-mint",
            f"parameter {shown}: off shows secrets in the clear",
        ),
    )
    return next(((rule, why) for hit, rule, why in checks if hit), None)


def _public(words: frozenset[str], value: object) -> str:
    """Why a public-access field opens to everyone, else ``""``."""
    if not words & _PUBLIC_WORDS:
        return ""
    on = _on(value) or (isinstance(value, Mapping) and _state_on(value))
    off = _off(value) or (isinstance(value, Mapping) and _state_off(value))
    if words & _BLOCKING_WORDS:
        return "switches public-access blocking off" if off else ""
    return "opens it to everyone" if on else ""


def _range_key(key: str) -> bool:
    """``CidrIp``, ``sourceRanges``, ``source_address_prefix``: a key holding addresses."""
    return key.casefold().replace("_", "").replace("-", "") in _RANGE_KEYS


def _world(value: object) -> bool:
    values = value if isinstance(value, list | tuple) else [value]
    return any(isinstance(v, str) and v.strip().casefold() in _WORLD for v in values[:32])


def setting_findings(parameters: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """Findings of settings given as records (``items: [{id: waf, value: off}]``), of
    grants to everyone given as keys (``include: [{everyone: {}}]``) and of address-range
    records (``IpRanges: [{CidrIp: 0.0.0.0/0}]``): every mapping below ``parameters``,
    breadth first, bounded, each once."""
    pending: list[Any] = [parameters]
    seen: set[int] = set()
    while pending and len(seen) < _MAX_MAPPINGS:
        node = pending.pop(0)
        if id(node) in seen:
            continue
        seen.add(id(node))
        children = list(node.values())[:64] if isinstance(node, Mapping) else list(node)[:64]
        pending.extend(c for c in children if isinstance(c, Mapping | list | tuple))
        if not isinstance(node, Mapping):
            continue
        keys = {k.casefold(): k for k in list(node)[:64] if isinstance(k, str)}
        if _EVERYONE_KEYS.intersection(keys):
            return [("irreversible-publish", "access granted to everyone")]
        name = next((node[keys[k]] for k in _NAME_KEYS if k in keys), None)
        value_key = next((keys[k] for k in _SETTING_VALUE_KEYS if k in keys), None)
        if isinstance(name, str) and value_key is not None and len(name) <= 64:
            hit = control_switch(name, node[value_key])
            if hit is not None:
                return [hit]
    return []
