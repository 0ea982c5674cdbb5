"""Test-runner configuration written as the command lines it makes.

``pytest.ini`` with ``addopts = --basetemp=/home/agent`` makes every later ``pytest`` empty
the home (pytest deletes its basetemp first); ``tox.ini``'s ``commands = rm -rf {homedir}``
runs at the next ``tox``; ``.mocharc.yml``'s ``require: /tmp/evil.js`` loads code from
outside the workspace into every ``mocha``. The file kinds, sections, keys and the program
each key's text is handed to are data (``data/tool_configs.toml``); each resulting line is
judged as the command line it is. A file that does not parse is left to the other rules.
"""

from __future__ import annotations

import configparser
import fnmatch
import json
import shlex
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import yaml

from aegis.intent_firewall.rules import Hit

__all__ = ["tool_config_findings"]

JudgeLine = Callable[[str], list[Hit]]
_MAX_TEXT = 65536
_MAX_LINES = 32


@cache
def _data() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/tool_configs.toml")
    data = tomllib.loads(text.read_text())
    data["names"] = frozenset(
        name
        for kind in ("ini", "toml", "mapping")
        for entry in data[kind]
        for name in entry["files"]
    )
    return data


def tool_config_findings(path: str, texts: list[str], judge_line: JudgeLine) -> list[Hit]:
    """Findings on the command lines the configuration file at ``path`` (lower case)
    written with ``texts`` gives its runner."""
    name = path.rsplit("/", 1)[-1]
    if name not in _data()["names"]:
        return []
    hits: list[Hit] = []
    for text in texts:
        for line in _lines(name, text[:_MAX_TEXT])[:_MAX_LINES]:
            hits.extend(judge_line(line))
    return hits


def _lines(name: str, text: str) -> list[str]:
    data = _data()
    lines: list[str] = []
    for entry in data["ini"]:
        if name in entry["files"]:
            lines.extend(_ini_lines(text, entry))
    for entry in data["toml"]:
        if name in entry["files"]:
            lines.extend(_toml_lines(text, entry))
    for entry in data["mapping"]:
        if name in entry["files"]:
            lines.extend(_mapping_lines(text, entry))
    return lines


def _command(program: str, value: str) -> list[str]:
    """The command lines a key's text makes: given to ``program``, or one per line."""
    subs = _data()["substitutions"]
    for key, replacement in subs.items():
        value = value.replace(key, replacement)
    if program:
        return [f"{program} {' '.join(value.split())}"]
    return [line.strip().lstrip("-") for line in value.splitlines() if line.strip()]


def _ini_lines(text: str, entry: dict[str, Any]) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    lines: list[str] = []
    for section in parser.sections():
        if not any(fnmatch.fnmatchcase(section, pattern) for pattern in entry["sections"]):
            continue
        for key in entry["keys"]:
            value = parser.get(section, key, fallback=None)
            if value and key != "allowlist_externals":
                lines.extend(_command(entry["program"], value))
    return lines


def _toml_lines(text: str, entry: dict[str, Any]) -> list[str]:
    try:
        table: Any = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return []
    for part in entry["table"].split("."):
        table = table.get(part) if isinstance(table, dict) else None
    if not isinstance(table, dict):
        return []
    lines: list[str] = []
    for key in entry["keys"]:
        value = table.get(key)
        if isinstance(value, list):
            value = " ".join(shlex.quote(str(v)) for v in value)
        if isinstance(value, str) and value:
            lines.extend(_command(entry["program"], value))
    return lines


def _mapping_lines(text: str, entry: dict[str, Any]) -> list[str]:
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        document = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader, chosen above
    except (yaml.YAMLError, ValueError, RecursionError):
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            return []
    if not isinstance(document, dict):
        return []
    lines: list[str] = []
    for key in entry["keys"]:
        value = document.get(key)
        values = value if isinstance(value, list) else [value]
        lines.extend(
            f"{entry['program']} {shlex.quote(item)}"
            for item in values[:16]
            if isinstance(item, str)
        )
    return lines
