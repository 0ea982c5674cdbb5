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
_MAX_LINES = 64
#: ``KEY=value``, ``export KEY=value`` and Ruby dotenv's ``KEY: value``.
_ASSIGNMENT = re2.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?:=|:\s)\s*(.*?)\s*$")
#: What an assignment draws that matters in a file every run loads: code injected
#: (``NODE_OPTIONS=--require …``), a program or search path overridden (``PATH``,
#: ``RUSTC_WRAPPER``), code loaded into a build (``JAVA_OPTS=-javaagent:…``). A URL is
#: configuration here, not a request sent.
_RULES = frozenset({"dangerous-environment", "shell-construct", "unmodelled-option"})
#: Variables only an interactive POSIX shell reads (``ENV=production`` is an app's setting).
_INTERACTIVE_ONLY = frozenset({"ENV"})


def is_dotenv(name: str) -> bool:
    """``.env``, ``.env.local``, ``prod.env`` (a lower-case file name)."""
    return name in (".env", ".flaskenv") or name.startswith(".env.") or name.endswith(".env")


def dotenv_findings(name: str, texts: list[str], judge_line: JudgeLine) -> list[Hit]:
    """The dangerous variables the dotenv file ``name`` written with ``texts`` sets."""
    if not is_dotenv(name):
        return []
    hits: list[Hit] = []
    for text in texts:
        for line in text[:_MAX_TEXT].lstrip("\ufeff").splitlines()[:_MAX_LINES]:
            match = _ASSIGNMENT.match(line)
            if match is None or match.group(1) in _INTERACTIVE_ONLY:
                continue
            value = _unquoted(match.group(2))
            assignment = f"{match.group(1)}={shlex.quote(value)} true"
            hits.extend(hit for hit in judge_line(assignment) if hit.rule in _RULES)
    return hits


def _unquoted(value: str) -> str:
    """A dotenv value: one pair of outer quotes off, or a trailing `` # comment`` off."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value.split(" #", 1)[0]
