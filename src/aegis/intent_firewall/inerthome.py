"""Home configuration files that load no code: ``~/.config/ruff/ruff.toml``, git's global
ignore file.

Every dot-file and ``~/.config`` entry of the home is judged as the configuration or
start-up code of some tool (fail closed: a tool nobody listed reads its directory just the
same). A few well-known ones only hold a linter's or formatter's rules or ignore patterns:
nothing they say starts a program, so writing one is ordinary set-up, not persistence.
The list is data (``data/home_configs.toml``); a file below a listed directory's
subdirectory, or any name not listed, keeps its findings.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

__all__ = ["inert_home_config"]


@cache
def _paths() -> tuple[frozenset[str], tuple[str, ...]]:
    text = resources.files("aegis.intent_firewall").joinpath("data/home_configs.toml").read_text()
    entries = tomllib.loads(text)["paths"]
    files = frozenset(entry for entry in entries if not entry.endswith("/"))
    dirs = tuple(entry for entry in entries if entry.endswith("/"))
    return files, dirs


def inert_home_config(relative: str) -> bool:
    """``relative`` (a path below the home, no leading ``/``) is a listed inert file."""
    if ".." in relative or "//" in relative:
        return False
    files, dirs = _paths()
    if relative in files:
        return True
    cut = relative.rfind("/") + 1
    return cut > 0 and relative[cut:] != "" and relative[:cut] in dirs
