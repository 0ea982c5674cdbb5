"""JSON and YAML written with a key twice in one object.

``{"cell_type": "markdown", "source": [...], "cell_type": "code"}`` is a markdown cell to a
reader that keeps the first value and a code cell to Jupyter, which keeps the last; npm,
VS Code and most JSON readers keep the last, some keep the first, some refuse the file.
Whichever value the firewall reads, the program that loads the file may read the other:
a key given twice with different text or structure is ``duplicate-key`` (*review*).
Repeated keys whose values are all numbers, booleans or null carry no command, code or
setting of that kind and pass, as do repeats of the same value. JSON nested deeper than
the firewall parses is left to the other checks (``embedded.nesting_depth`` first). A YAML
file (``.yml``, ``.yaml``) is read as a node tree, where the repeats are still seen:
GitHub Actions and Kubernetes refuse such a file, PyYAML and others keep the last value.
"""

from __future__ import annotations

import json
from typing import Any

from aegis.intent_firewall.embedded import nesting_depth
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["duplicate_key_findings"]

_MAX_TEXT = 262144
_MAX_DEPTH = 64


class _DuplicateKeyError(Exception):
    """A key given twice with values that differ in kind."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen and seen[key] != value and not (_scalar(seen[key]) and _scalar(value)):
            raise _DuplicateKeyError(key)
        seen[key] = value
    return seen


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, bool | int | float)


def _yaml_duplicate(text: str) -> str | None:
    """A key given twice in one mapping of a YAML document, with values that differ and
    are not all numbers, booleans or null (the node tree is walked once, aliases once)."""
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        stack: list[Any] = list(yaml.compose_all(text, Loader=loader))
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    seen_nodes: set[int] = set()
    while stack and len(seen_nodes) < _MAX_NODES:
        node = stack.pop()
        if node is None or id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            values: dict[str, Any] = {}
            for key, value in node.value:
                name = str(getattr(key, "value", ""))
                if name in values and _differs(values[name], value):
                    return name
                values[name] = value
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _differs(first: Any, second: Any) -> bool:
    """Two YAML value nodes that are not the same plain scalar or both a plain number,
    boolean or null."""
    import yaml

    if isinstance(first, yaml.ScalarNode) and isinstance(second, yaml.ScalarNode):
        if first.value == second.value:
            return False
        return not (first.tag in _PLAIN_TAGS and second.tag in _PLAIN_TAGS)
    return True


_MAX_NODES = 20000
_PLAIN_TAGS = frozenset(
    {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
     "tag:yaml.org,2002:null"}
)  # fmt: skip


def duplicate_key_findings(path: str, texts: list[str]) -> list[Hit]:
    """``duplicate-key`` for JSON or YAML text written at ``path`` that names a key twice."""
    for text in texts:
        stripped = text.lstrip()
        if len(text) > _MAX_TEXT:
            continue
        if path.endswith((".yml", ".yaml")) and not stripped.startswith(("{", "[")):
            key = _yaml_duplicate(text)
            if key is not None:
                return [default_hit("duplicate-key", f"{key[:60]!r} given twice in {path[-80:]}")]
            continue
        if not stripped.startswith(("{", "[")):
            continue
        if nesting_depth(text, _MAX_DEPTH) > _MAX_DEPTH:
            continue
        try:
            json.loads(text, object_pairs_hook=_pairs)
        except _DuplicateKeyError as duplicate:
            key = str(duplicate)[:60]
            return [default_hit("duplicate-key", f"{key!r} given twice in {path[-80:]}")]
        except (ValueError, RecursionError):
            continue
    return []
