"""Text and shapes that carry structure: JSON nesting measured before it is parsed, YAML
loaded safely, name/value pairs and position-keyed maps read as what they stand for.

``json.loads`` recurses in C and in Python; text nested a thousand deep would raise
``RecursionError`` (or worse) from inside it. One linear scan, which stops as soon as the
depth passes the limit, decides first whether the text may be parsed at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.bucketcalls import BUCKET_KEYS
from aegis.intent_firewall.subcommandkeys import SUBCOMMAND_KEYS
from aegis.intent_firewall.vocabulary import (
    ARGUMENT_KEYS,
    COMMAND_WORDS,
    ENV_KEYS,
    RUN_WORDS,
    name_words,
)

__all__ = [
    "is_flat_mapping",
    "load_toml",
    "load_yaml",
    "name_value_pair",
    "nesting_depth",
    "positional_words",
    "xml_leaves",
]

#: Keys that make a mapping more than flat data (tool calls, environments, name/value).
_SPECIAL_NAMES = ARGUMENT_KEYS | ENV_KEYS | {
    "name", "key", "value", "tool", "tool_name", "function", "recipient_name", "command_name",
    "argumentlist", "arglist", "argv",
} | BUCKET_KEYS | SUBCOMMAND_KEYS  # fmt: skip


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


def load_toml(text: str) -> dict[str, Any] | None:
    """The TOML document, or ``None`` when the text is not TOML (nesting is checked first)."""
    import tomllib

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None


#: Elements whose text is read: tool calls and their arguments, not prose markup.
_TOOL_WORDS = COMMAND_WORDS | RUN_WORDS | {"tool", "function", "invoke", "parameter", "param",
                                           "arguments", "args", "input", "use", "call"}  # fmt: skip
_MAX_TAGS = 512


def _tag(text: str, start: int, end: int) -> tuple[str, str, bool, bool]:
    """(name, label, closing, self-closing) of the tag between ``start`` and ``end``; the
    label is a ``name="…"`` attribute where there is one (``<parameter name="command">``)."""
    body = text[start:end]
    closing = body.startswith("/")
    body = body[1:] if closing else body
    self_closing = body.endswith("/")
    name = body.split(None, 1)[0].rstrip("/") if body.strip() else ""
    label = name
    position = body.find("name=")
    if position > 0 and len(body) > position + 6 and body[position + 5] in "\"'":
        quote = body[position + 5]
        finish = body.find(quote, position + 6)
        if finish > position + 6:
            label = body[position + 6 : finish]
    return name, label, closing, self_closing


def xml_leaves(text: str, limit: int = 64) -> list[tuple[str, str, str]]:
    """(label, text, enclosing label) of the innermost elements of tool-call XML in
    ``text``; entities decoded, CDATA unwrapped. A linear scan with a bounded stack."""
    import html

    leaves: list[tuple[str, str, str]] = []
    stack: list[list[Any]] = []  # [name, label, content start, has children]
    index = tags = 0
    while len(leaves) < limit and tags < _MAX_TAGS:
        opening = text.find("<", index)
        closing_at = text.find(">", opening + 1) if opening >= 0 else -1
        if closing_at < 0:
            break
        tags += 1
        if text.startswith("<![CDATA[", opening):
            index = text.find("]]>", opening)
            index = len(text) if index < 0 else index + 3
            continue
        index = closing_at + 1
        name, label, closing, self_closing = _tag(text, opening + 1, closing_at)
        if not name or not (name[0].isalpha() or name[0] == "_"):
            continue
        if closing:
            depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == name), -1)
            if depth < 0:
                continue
            _, own, start, children = stack[depth]
            del stack[depth:]
            parent = stack[-1][1] if stack else ""
            if not children and name_words(own + " " + parent) & _TOOL_WORDS:
                content = text[start:opening].replace("<![CDATA[", "").replace("]]>", "")
                leaves.append((own, html.unescape(content).strip(), parent))
            continue
        if stack:
            stack[-1][3] = True
        if not self_closing and len(stack) < 32:
            stack.append([name, label, index, False])
    return leaves


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
