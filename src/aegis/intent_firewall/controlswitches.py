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

import ipaddress
import itertools
from collections.abc import Callable, Mapping
from typing import Any

from aegis.intent_firewall.mappingwalk import mappings_below
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["control_switch", "setting_findings", "switch_key", "wide_range_findings"]

#: Words of a key that name a safety or security control. (Not ``logging``, ``backup``,
#: ``ssl`` or ``signing`` alone: a test run without logs, an edit without a backup file and a
#: loopback database without TLS are everyday work.)
_CONTROL_WORDS = frozenset(
    {"scanning", "protection", "protections", "auditing", "alerts", "alerting",
     "mfa", "2fa", "twofactor", "firewall", "antivirus", "defender", "security",
     "authentication", "protected", "termination", "automatedbackups", "pointintimerecovery",
     "guardduty", "cloudtrail", "dependabot", "codeql", "encryption", "versioning",
     "sso", "waf", "quarantine", "lockout", "ratelimit", "ratelimiting", "guardrails",
     "guardrail", "moderation", "safesearch", "tamper", "pitr",
     "advancedsecurity", "deletionprotection", "terminationprotection", "scanonpush",
     "securityhub", "inspector", "edr", "crowdstrike", "falco", "selinux", "apparmor"}
)  # fmt: skip
#: ``audit`` names a control only beside these (``npm install {audit: false}`` is a
#: package manager's report): ``audit_log``, ``audit_trail``, ``auditLogging``.
_AUDIT_PARTS = frozenset({"log", "logs", "logging", "trail", "trails", "events", "records"})
#: Words of a key that turn its meaning around: ``disable_secret_scanning: true``.
_NEGATING = frozenset({"disable", "disabled", "disables", "bypass", "skip", "skipped", "off",
                       "suspend", "suspended", "without"})  # fmt: skip
#: Values that switch a control off.
_OFF = frozenset({"disabled", "disable", "off", "false", "no", "n", "none", "suspended", "0",
                  "paused", "inactive", "skip", "bypass", "deactivated", "never", "optional",
                  "not_enforced", "notenforced", "unenforced", "permissive", "detectonly",
                  "detect_only", "simulate", "log_only", "logonly", "monitor_only"})  # fmt: skip
#: Keys of a mapping under a control that say whether it runs.
_STATE_KEYS = frozenset({"status", "state", "enabled", "enable", "mode", "active", "on",
                         "value", "setting", "settingvalue", "setting_value"})  # fmt: skip
#: Words of a switch that asks for secret values in the clear.
_REVEAL_WORDS = frozenset({"reveal", "unmask", "unmasked", "decryption", "decrypt",
                           "decrypted", "plaintext", "unredacted", "cleartext"})  # fmt: skip
#: Words of a switch whose *off* value shows secrets (``mask: false``).
_MASK_WORDS = frozenset({"mask", "masked", "masking", "redact", "redacted", "redaction",
                         "obfuscate"})  # fmt: skip
#: Of those, the ones that name a secret's masking even alone (a CI variable's ``masked``).
_MASK_ALONE = frozenset({"masked", "masking", "redact", "redacted", "redaction"})
#: Words of a switch that shows values when it is on (``show_values``, ``expose_secrets``).
_SHOWING = frozenset({"show", "expose", "display", "print", "include", "return", "dump"})
_VALUE_WORDS = frozenset({"values", "value", "secrets", "secret", "sensitive", "env"})
#: A key naming public access (``public_access``, ``allowPublic``), and the words that turn
#: it around (``block_public_access: false`` opens as surely).
_PUBLIC_WORDS = frozenset({"public", "publicly", "unauthenticated"})
_BLOCKING_WORDS = frozenset({"block", "blocked", "restrict", "restricted", "prevent", "deny",
                             "disable", "disabled", "no", "private"})  # fmt: skip
#: A switch that skips a check: ``skip_tests: true``, ``bypass_review``, ``no_verify``.
_SKIP_WORDS = frozenset({"skip", "bypass", "no", "without", "ignore", "disable", "force"})
_CHECK_WORDS = frozenset({"checks", "check", "review", "reviews", "approval", "approvals",
                          "verification", "verify", "validation", "hooks", "ci", "scan",
                          "scans", "audit", "gates", "gate", "signoff"})  # fmt: skip
#: Checks a build may skip on a developer's machine (``skip_tests``): they count only where
#: the action deploys, releases, merges or sends.
_BUILD_CHECKS = frozenset({"tests", "test", "lint", "linting"})
#: Keys holding address ranges; the ranges that mean the whole internet.
_RANGE_KEYS = frozenset({"cidr", "cidrs", "cidrip", "cidripv6", "cidrblock", "cidrblocks",
                         "sourceranges", "sourcerange", "sourceaddressprefix",
                         "sourceaddressprefixes", "ipranges", "sourceip", "sourcecidr",
                         "remoteipprefix", "sourceiprange", "ipv4range", "ipv6cidr",
                         "ipv6range", "cidripv6block", "ipv6cidrblock"})  # fmt: skip
_WORLD = frozenset({"0.0.0.0/0", "::/0", "0/0", "0.0.0.0", "*", "any", "internet"})  # noqa: S104
#: Words of a key that holds where traffic may come from (``source``, ``remote_ip``).
_SOURCE_WORDS = frozenset({"source", "sources", "remote", "ingress", "inbound", "allowed",
                           "allow", "whitelist", "allowlist", "from", "ip", "ips"})  # fmt: skip
#: A grant's decision that lets requests past every check (Cloudflare Access ``bypass``).
_DECISION_KEYS = frozenset({"decision", "effect", "policy_action"})
#: What an authentication type set to these leaves: no sign-in at all.
_NO_AUTH = frozenset({"none", "anonymous", "noauth", "no_auth", "disabled", "off", "public"})
#: Keys whose value says how far a load balancer or endpoint reaches, and the values that
#: mean the internet.
_EXPOSURE_WORDS = frozenset({"scheme", "exposure", "facing", "endpoint", "ingress"})
_EXPOSED = frozenset({"internet-facing", "internetfacing", "0.0.0.0/0", "::/0"})
#: Keys of a ``{id: waf, value: off}`` setting: its name and its value.
_NAME_KEYS = ("id", "name", "key", "setting", "field", "option")
_SETTING_VALUE_KEYS = ("value", "setting_value", "settingvalue", "state", "status", "enabled")
#: Grantee keys that mean everyone (Cloudflare Access ``include: [{everyone: {}}]``).
_EVERYONE_KEYS = frozenset({"everyone", "anyone", "allusers", "all_users", "anonymous"})
_MAX_MAPPINGS = 256


def _off(value: object) -> bool:
    if isinstance(value, list | tuple) and 0 < len(value) <= 16:
        return all(_off(item) for item in value)
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value == 0
    if not isinstance(value, str):
        return False
    folded = value.strip().casefold()
    return (
        folded in _OFF
        or folded.endswith(("_off", "-off", " off"))
        or folded.startswith(("disabled", "off_", "deactivated"))
    )


def _on(value: object) -> bool:
    if isinstance(value, list | tuple) and 0 < len(value) <= 16:
        return all(_on(item) for item in value)
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().casefold() in _ON


_ON = frozenset({"true", "yes", "on", "1", "enabled", "enable", "allow", "allowed", "active"})


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
        _control(key, words)
        or _public_key(words)
        or words & (_REVEAL_WORDS | _MASK_WORDS | _SHOWING | {"auth", "authtype"})
        or (words & _SKIP_WORDS and words & (_CHECK_WORDS | _BUILD_CHECKS))
        or _range_key(key)
        or words & (_SOURCE_WORDS | _EXPOSURE_WORDS)
        or key.casefold() in _DECISION_KEYS
    )


def _control(key: str, words: frozenset[str]) -> bool:
    """Whether ``key`` names a safety or security control (its words, or its letters run
    together: ``AdvancedSecurity``, ``scanOnPush``)."""
    compact = key.casefold().replace("_", "").replace("-", "")
    compact = compact.removesuffix("enabled").removesuffix("enable")
    return bool(
        words & _CONTROL_WORDS
        or compact in _CONTROL_WORDS
        or ("factor" in words and words & {"two", "second", "multi"})
        or ("audit" in words and words & _AUDIT_PARTS)
        or (words & {"verify", "verification"} and words & _TLS_WORDS)
    )


_TLS_WORDS = frozenset({"ssl", "tls", "cert", "certs", "certificate", "certificates", "hostname"})


def control_switch(key: str, value: object, *, deploying: bool = False) -> tuple[str, str] | None:
    """(rule, evidence) for one field that turns a control off or reveals secrets
    (``deploying``: the action deploys, merges or sends, so skipping its tests counts)."""
    if not switch_key(key):
        return None  # most keys: none of the checks can fire (see switch_key)
    return _checked_switch(key, value, deploying=deploying)


def _checked_switch(key: str, value: object, *, deploying: bool) -> tuple[str, str] | None:
    """Every check of :func:`control_switch`, whatever the key."""
    words = name_words(key)
    shown = key[:60]
    public = _public(words, value)
    control = _control(key, words)
    off = _off(value) or (isinstance(value, Mapping) and _state_off(value))
    if words & _NEGATING:  # disable_secret_scanning: true
        off = _on(value) or (isinstance(value, Mapping) and _state_on(value))
    checks = (
        (control and off, "destructive-action", f"parameter {shown} switches a safety control off"),
        (
            control and value is None,
            "destructive-action",
            f"parameter {shown}: null removes a safety control",
        ),
        (bool(public), "irreversible-publish", f"parameter {shown} {public}"),
        (
            bool(words & _SKIP_WORDS)
            and bool(words & _CHECK_WORDS or (deploying and words & _BUILD_CHECKS))
            and _on(value),
            "destructive-action",
            f"parameter {shown}: true skips a check",
        ),
        (
            _world_range(key, words, value),
            "destructive-action",
            f"parameter {shown} opens to the whole internet",
        ),
        (
            bool(words & _REVEAL_WORDS or (words & _SHOWING and words & _VALUE_WORDS))
            and _on(value),
            "credential-mint",
            f"parameter {shown}: true shows secrets in the clear",
        ),
        (
            bool(words & _MASK_WORDS and (words & _VALUE_WORDS or words <= _MASK_ALONE))
            and (_off(value) or (isinstance(value, Mapping) and _state_off(value))),
            "credential-mint",
            f"parameter {shown}: off shows secrets in the clear",
        ),
        (
            bool(words & {"auth", "authentication", "authtype"}) and _word_in(value, _NO_AUTH),
            "destructive-action",
            f"parameter {shown}: {value if isinstance(value, str) else ''} lets anyone in unsigned",
        ),
        (
            key.casefold() in _DECISION_KEYS and _word_in(value, frozenset({"bypass"})),
            "destructive-action",
            f"parameter {shown}: bypass lets requests past every check",
        ),
    )
    return next(((rule, why) for hit, rule, why in checks if hit), None)


def _public_key(words: frozenset[str]) -> bool:
    """``public_access``, ``PubliclyAccessible``, ``anonymous_access`` (not a survey's
    ``anonymous`` answers)."""
    return bool(words & _PUBLIC_WORDS) or ("anonymous" in words and bool(words & _ACCESSING))


_ACCESSING = frozenset({"access", "read", "reads", "view", "viewing", "browse", "browsing"})


def _public(words: frozenset[str], value: object) -> str:
    """Why a public-access field opens to everyone, else ``""``."""
    if not _public_key(words):
        return ""
    on = _on(value) or (isinstance(value, Mapping) and _state_on(value))
    off = _off(value) or (isinstance(value, Mapping) and _state_off(value))
    if words & _BLOCKING_WORDS:
        return "switches public-access blocking off" if off else ""
    return "opens it to everyone" if on else ""


def _word_in(value: object, words: frozenset[str]) -> bool:
    return isinstance(value, str) and value.strip().casefold() in words


def _range_key(key: str) -> bool:
    """``CidrIp``, ``sourceRanges``, ``source_address_prefix``: a key holding addresses."""
    return key.casefold().replace("_", "").replace("-", "") in _RANGE_KEYS


def _world(value: object, forms: frozenset[str] = _WORLD) -> bool:
    values = value if isinstance(value, list | tuple) else [value]
    return any(isinstance(v, str) and v.strip().casefold() in forms for v in values[:32])


def _world_range(key: str, words: frozenset[str], value: object) -> bool:
    """The whole internet allowed in: any range form under a range key, a CIDR form under a
    key of where traffic comes from (``source``, ``remote_ip``), ``internet-facing``."""
    if words & _EXPOSURE_WORDS and _world(value, _EXPOSED - {"0.0.0.0/0", "::/0"}):
        return True  # Scheme: internet-facing
    if _range_key(key):
        return _world(value)
    return bool(words & _SOURCE_WORDS) and _world(value, _CIDR_WORLD)


_CIDR_WORLD = frozenset({"0.0.0.0/0", "::/0", "0/0"})


def setting_findings(parameters: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """Findings of settings given as records (``items: [{id: waf, value: off}]``), of
    grants to everyone given as keys (``include: [{everyone: {}}]``) and of address-range
    records (``IpRanges: [{CidrIp: 0.0.0.0/0}]``): every mapping below ``parameters``,
    breadth first, bounded, each once."""
    for node in mappings_below(parameters, _MAX_MAPPINGS):
        keys = {k.casefold(): k for k in list(node)[:64] if isinstance(k, str)}
        if _EVERYONE_KEYS.intersection(keys):
            return [("irreversible-publish", "access granted to everyone")]
        name = next((node[keys[k]] for k in _NAME_KEYS if k in keys), None)
        value_key = next((keys[k] for k in _SETTING_VALUE_KEYS if k in keys), None)
        if isinstance(name, str) and value_key is not None and len(name) <= 64:
            hit = control_switch(name, node[value_key])
            if hit is not None:
                return [hit]
        if _every_address(node, keys):
            return [_WIDE_RANGE]
    return []


_WIDE_RANGE = (
    "destructive-action",
    "an address range of half or more of all addresses opens to the internet",
)


def wide_range_findings(node: Mapping[Any, Any]) -> list[tuple[str, str]]:
    """The finding of a range record of half or more of all addresses given as the
    parameters themselves (``{start_ip: 0.0.0.0, end_ip: 255.255.255.255}``)."""
    keys = {k.casefold(): k for k in list(node)[:64] if isinstance(k, str)}
    return [_WIDE_RANGE] if _every_address(node, keys) else []


#: Keys of a range's two ends (Salesforce ``loginIpRanges``: ``startAddress``/``endAddress``).
_RANGE_ENDS = (("startaddress", "endaddress"), ("start", "end"), ("startip", "endip"),
               ("firstip", "lastip"), ("from", "to"), ("rangestart", "rangeend"))  # fmt: skip


def _every_address(node: Mapping[Any, Any], keys: dict[str, Any]) -> bool:
    """A range record that spans at least half of all addresses of its family: every pair of
    ends present is read (a validity ``start``/``end`` date pair beside ``start_ip`` hides
    nothing), so an end off by one or two halves given as two records still count."""
    compact = {k.replace("_", "").replace("-", ""): v for k, v in keys.items()}
    for low, high in _RANGE_ENDS:
        if low in compact and high in compact:
            span = _span(node[compact[low]], node[compact[high]])
            if span is not None and span >= _HALF_OF_ALL:
                return True
    return any(
        isinstance(value, str) and _dashed_range_wide(value) for value in list(node.values())[:64]
    )


#: Half of an address family, as a share of its addresses: a range this wide is no allowlist.
_HALF_OF_ALL = 0.5


def _span(low: object, high: object) -> float | None:
    """The share of its family's addresses from ``low`` to ``high``; None unless both are
    addresses of one family."""
    if not isinstance(low, str) or not isinstance(high, str):
        return None
    try:
        first, last = ipaddress.ip_address(low.strip()), ipaddress.ip_address(high.strip())
    except ValueError:
        return None
    if first.version != last.version:
        return None
    total: int = 2**first.max_prefixlen
    return (int(last) - int(first) + 1) / total


def _dashed_range_wide(value: str) -> bool:
    """``"0.0.0.0-255.255.255.255"``: a range written as one value."""
    low, dash, high = value.partition("-")
    if not dash or len(value) > 100:
        return False
    span = _span(low, high)
    return span is not None and span >= _HALF_OF_ALL
