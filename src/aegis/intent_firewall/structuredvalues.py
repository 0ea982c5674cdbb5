"""A structured edit's value as the text it puts in the file.

``yaml.edit {file: .github/workflows/release.yml, path: jobs.release.steps[2], value:
{uses: release-helperz/publish@main}}`` writes ``uses: release-helperz/publish@main`` into
the workflow; the file's judge (``workflows.py``, ``infraprotections.py``) reads text, so a
mapping or list value is rendered as the YAML lines it becomes. Such an edit names a place
in a file whose rest is not in view: it is a fragment, judged as an edit is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["SELECTOR_KEYS", "rendered"]

#: keys that name a place inside the file a structured edit changes
SELECTOR_KEYS = frozenset(
    {"key", "keys", "pointer", "json_pointer", "jsonpointer", "selector", "jsonpath",
     "yaml_path", "yamlpath", "query", "field", "location", "at", "key_path", "keypath"}
)  # fmt: skip
_MAX_LINES = 2000
_MAX_DEPTH = 32


def rendered(value: Any) -> str:
    """``value`` (mappings, lists and scalars) as YAML-like lines, bounded."""
    lines: list[str] = []
    stack: list[tuple[int, str, Any]] = [(0, "", value)]
    while stack and len(lines) < _MAX_LINES:
        depth, prefix, current = stack.pop()
        indent = "  " * min(depth, _MAX_DEPTH)
        if isinstance(current, Mapping):
            if prefix:
                lines.append(f"{indent}{prefix}")
            items = list(current.items())
            stack.extend((depth + 1 if prefix else depth, f"{k}:", v) for k, v in reversed(items))
        elif isinstance(current, list | tuple):
            if prefix:
                lines.append(f"{indent}{prefix}")
            stack.extend((depth + 1, "-", v) for v in reversed(current))
        else:
            lines.append(f"{indent}{prefix} {current}".rstrip() if prefix else f"{indent}{current}")
    return "\n".join(lines)
