"""A guard switched off through a configuration tool, in any shape of key and value.

``set_config {key: safety.firewall.enabled, value: false}``, ``{name: audit_logging,
enabled: false}``, ``{path: guardrails.moderation.enabled, set: "off"}``, ``{settings:
{approval_required: false}}`` and ``{config: {safety: {sandbox: {enabled: 0}}}}`` all say
one thing: a setting whose path names a guard is set to a value that means off. The path is
the nested keys leading to the value, or the name given beside it under a naming key; a
value means off when it is ``false``, ``0`` or a word such as ``off``, ``disabled``,
``none``, ``allow_all``. Words that also name ordinary things (``filter``, ``review``,
``audit``, ``logging``, ``approval``) count only beside a switch word (``enabled``,
``required``, ``mode``, ``policy`` …): ``search {filter: none}`` is a search.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from aegis.intent_firewall.vocabulary import name_words

__all__ = ["guard_switched_off"]

#: Words that name a guard whatever stands beside them.
_STRONG = frozenset(
    {"safety", "firewall", "guard", "guards", "guardrail", "guardrails", "moderation",
     "sandbox", "sandboxing", "hitl", "mfa", "2fa", "aegis", "safeguard", "safeguards",
     "ratelimit", "ratelimiting", "throttling", "totp", "otp"}
)  # fmt: skip
#: Words that name a guard only beside a switch word.
_WEAK = frozenset(
    {"audit", "auditing", "logging", "filter", "filters", "filtering", "approval",
     "approvals", "review", "reviews", "protection", "moderator", "scanning", "verification",
     "permission", "permissions"}
)  # fmt: skip
_SWITCHES = frozenset(
    {"enabled", "enable", "required", "require", "mode", "active", "on", "policy", "enforce",
     "enforced", "enforcement", "check", "checks", "strict"}
)  # fmt: skip
_OFF = frozenset(
    {"false", "off", "0", "no", "disable", "disabled", "none", "allow_all", "allow-all",
     "allowall", "permissive", "bypass", "skip", "never", "unsafe", "inactive", "f", "n",
     "danger-full-access", "full-access", "yolo", "unrestricted", "bypasspermissions"}
)  # fmt: skip
#: Keys whose string value names the setting the value beside it sets.
_NAMING = frozenset(
    {"key", "name", "path", "setting", "variable", "var", "option", "flag", "field",
     "property", "config_key", "setting_name", "parameter", "param", "id"}
)  # fmt: skip
_MAX_NODES = 512
_MAX_DEPTH = 16


def _off(value: Any) -> bool:
    if isinstance(value, bool):
        return value is False
    if isinstance(value, int | float):
        return value == 0
    return isinstance(value, str) and value.strip().strip("'\"").lower() in _OFF


def _guard_path(path: str) -> bool:
    words = name_words(path.lower())
    if words & _STRONG or {"rate", "limit"} <= words or {"rate", "limiting"} <= words:
        return True
    return bool(words & _WEAK and words & _SWITCHES)


def _settings(parameters: Any) -> Iterator[tuple[str, Any]]:
    """Each (path, value) of the parameters' leaves, and each naming key's value joined with
    the keys beside it, bounded in nodes and depth (iterative: no input can recurse)."""
    stack: list[tuple[str, Any, int]] = [("", parameters, 0)]
    seen = 0
    while stack and seen < _MAX_NODES:
        prefix, node, depth = stack.pop()
        seen += 1
        if depth > _MAX_DEPTH:
            continue
        if isinstance(node, Mapping):
            # keys that are not strings are skipped: their str() may raise or recurse
            pairs = [(k, v) for k, v in node.items() if isinstance(k, str)]
            named = [v for k, v in pairs if k.lower() in _NAMING
                     and isinstance(v, str) and len(v) <= 200]  # fmt: skip
            for key, value in pairs:
                if key.lower() in _NAMING:
                    continue
                # {key: safety, value: {enabled: false}}: the name leads the path below it
                for lead in named[:4] or [""]:
                    path = ".".join(part for part in (prefix, lead, key) if part)
                    stack.append((path, value, depth + 1))
        elif isinstance(node, list | tuple):
            stack.extend((prefix, value, depth + 1) for value in node[:_MAX_NODES])
        else:
            yield prefix, node


def _flat_and_on(parameters: Any) -> bool:
    """A mapping of strings none of which means off (a loop: this runs for every request)."""
    if type(parameters) is not dict and not isinstance(parameters, Mapping):
        return False
    for value in parameters.values():
        if type(value) is not str or (len(value) < 24 and _off(value)):
            return False
    return True


def guard_switched_off(parameters: Any) -> str:
    """The first guard setting the parameters switch off, described, or empty."""
    if _flat_and_on(parameters):
        return ""  # the common request: a few strings, none of them an "off"
    for path, value in _settings(parameters):
        if _off(value) and _guard_path(path):
            return f"guard setting {path[:100]!r} set to {str(value)[:20]!r}"
    return ""
