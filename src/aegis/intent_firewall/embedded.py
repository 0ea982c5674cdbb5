"""Text and shapes that carry structure: JSON nesting measured before it is parsed, YAML
loaded safely, name/value pairs and position-keyed maps read as what they stand for.

``json.loads`` recurses in C and in Python; text nested a thousand deep would raise
``RecursionError`` (or worse) from inside it. One linear scan, which stops as soon as the
depth passes the limit, decides first whether the text may be parsed at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.vocabulary import ARGUMENT_KEYS, ENV_KEYS

__all__ = [
    "is_flat_mapping",
    "load_yaml",
    "name_value_pair",
    "nesting_depth",
    "positional_words",
]

#: Keys that make a mapping more than flat data (tool calls, environments, name/value).
_SPECIAL_NAMES = ARGUMENT_KEYS | ENV_KEYS | {
    "name", "key", "value", "tool", "tool_name", "function", "recipient_name", "command_name",
}  # fmt: skip


def nesting_depth(text: str, limit: int) -> int:
    """Bracket depth of JSON text outside strings, stopping once past ``limit``."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def name_value_pair(value: Mapping[Any, Any]) -> tuple[str, str] | None:
    """``{"name": "LD_PRELOAD", "value": "/x.so"}`` sets a variable as ``env`` does."""
    name = value.get("name", value.get("key"))
    setting = value.get("value")
    # dotted and dashed names too: {"key": "core.sshCommand", "value": …} is a setting
    plain = name.replace("_", "").replace(".", "").replace("-", "") if isinstance(name, str) else ""
    if isinstance(name, str) and isinstance(setting, str) and plain.isalnum():
        return name.casefold(), setting
    return None


def positional_words(items: list[tuple[Any, Any]]) -> list[str] | None:
    """``{"0": "rm", "1": "-rf", "2": "/"}`` is the list ``["rm", "-rf", "/"]``."""
    if not 1 < len(items) <= 4096 or not all(
        isinstance(k, str | int) and str(k).isdigit() and isinstance(v, str) for k, v in items
    ):
        return None
    return [v for _, v in sorted(items, key=lambda kv: int(str(kv[0])))]


def load_yaml(text: str) -> tuple[Any, bool]:
    """The YAML document (``None`` when it is not YAML) and whether it nests too deep."""
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
        return yaml.load(text, Loader=loader), False  # noqa: S506 - a safe loader, chosen above
    except RecursionError:
        return None, True
    except (yaml.YAMLError, ValueError):
        return None, False


_FLAT_VALUES = frozenset({str, int, float, bool, type(None)})


def is_flat_mapping(parameters: Mapping[str, Any], keys_matter: bool) -> bool:
    """A plain dict of at most 16 identifier keys and scalar values with no special meaning."""
    if type(parameters) is not dict or len(parameters) > 16 or keys_matter:
        return False
    for name, item in parameters.items():
        if (
            type(name) is not str
            or type(item) not in _FLAT_VALUES
            or not name.isidentifier()
            or not name.isascii()
            or name.casefold() in _SPECIAL_NAMES
        ):
            return False
    return True
