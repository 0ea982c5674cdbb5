"""Variables a dotenv file sets for every program that loads it.

``.env`` with ``NODE_OPTIONS=--require /tmp/x.js`` (or ``LD_PRELOAD``, ``PYTHONSTARTUP``,
``BASH_ENV``) makes the next ``npm test`` or ``docker compose up`` load code from outside the
workspace, as the same assignment on a command line would: dotenv libraries, Compose's
``env_file`` and task runners put each line into the environment. Each ``KEY=VALUE`` line
(``export`` and quotes allowed) is judged as that assignment before a harmless command, and
only what it draws as a dangerous variable is kept: a value is data, not a command line.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable

import re2

from aegis.intent_firewall.rules import Hit

__all__ = ["dotenv_findings"]

JudgeLine = Callable[[str], list[Hit]]
_MAX_TEXT = 65536
_MAX_LINES = 256
_ASSIGNMENT = re2.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")


def is_dotenv(name: str) -> bool:
    """``.env``, ``.env.local``, ``prod.env`` (a lower-case file name)."""
    return name == ".env" or name.startswith(".env.") or name.endswith(".env")


def dotenv_findings(name: str, texts: list[str], judge_line: JudgeLine) -> list[Hit]:
    """The dangerous variables the dotenv file ``name`` written with ``texts`` sets."""
    if not is_dotenv(name):
        return []
    hits: list[Hit] = []
    for text in texts:
        for line in text[:_MAX_TEXT].splitlines()[:_MAX_LINES]:
            match = _ASSIGNMENT.match(line)
            if match is None:
                continue
            value = _unquoted(match.group(2))
            assignment = f"{match.group(1)}={shlex.quote(value)} true"
            hits.extend(hit for hit in judge_line(assignment) if hit.rule == _RULE)
    return hits


_RULE = "dangerous-environment"


def _unquoted(value: str) -> str:
    """A dotenv value: one pair of outer quotes off, or a trailing `` # comment`` off."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value.split(" #", 1)[0]
