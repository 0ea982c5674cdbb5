"""One permission grant of an agent's settings judged broad or narrow (``agentgrants.py``).

A grant is ``Tool`` or ``Tool(specifier)``: a command line (``Bash(npm test:*)``, where
``:*`` or a trailing ``*`` leaves the arguments open), a path pattern (``Read(./src/**)``,
``//`` an absolute path, ``~/`` the home, ``/`` the settings' project) or a domain
(``WebFetch(domain:docs.python.org)``). Each is judged as the firewall judges what it lets
through: the command line's fixed words, a read or a write of the path.
"""

from __future__ import annotations

import posixpath
import shlex
import tomllib
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.rules import Hit

__all__ = ["broad_grant", "configured_command", "outside_directory"]

JudgeLine = Callable[[str], list[Hit]]
_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/agentgrants.toml").read_text()
)
_WHOLE = frozenset(_DATA["whole_tools"])
_COMMAND_TOOLS = frozenset(_DATA["command_tools"])
_READ_TOOLS = frozenset(_DATA["read_tools"])
_WRITE_TOOLS = frozenset(_DATA["write_tools"])
_FETCH_TOOLS = frozenset(_DATA["fetch_tools"])
_OPEN_ROLES = frozenset(_DATA["open_roles"])
#: Catalogue roles of programs read by their subcommand (``git diff``), like ``subcommands``.
_SUBCOMMAND_ROLES = frozenset({"git"})
_WILDCARD_SPECS = frozenset({"", "*", "**", ":*", "domain:*"})


def broad_grant(grant: str, judge_line: JudgeLine) -> str | None:
    """Why ``grant`` is broad, or None for a narrow one."""
    grant = grant.strip()
    name, paren, rest = grant.partition("(")
    tool = "".join(char for char in name.lower() if char.isalnum())
    if grant.startswith("/") and grant.endswith("/") and len(grant) > 1:
        why: str | None = "a pattern approving every command it matches"
    elif "*" in name or (grant and not name.strip()):
        why = "a wildcard tool name"
    elif not paren:
        why = _bare(grant, tool, judge_line)
    else:
        why = _specified(tool, rest[:-1] if rest.endswith(")") else rest, judge_line)
    return why


def _bare(grant: str, tool: str, judge_line: JudgeLine) -> str | None:
    """A tool named alone (whole), or a command line or program written as a key (VS
    Code's terminal approvals)."""
    if tool in _WHOLE:
        return "the whole tool"
    if not grant or tool.startswith("mcp"):
        return None
    if " " in grant:
        return _command(grant, judge_line)
    # a program's name alone (a terminal approval keyed by command prefix): any arguments
    known = catalogue().lookup(grant.lower()) is not None
    return _command(f"{grant}:*", judge_line) if known else None


def _specified(tool: str, spec: str, judge_line: JudgeLine) -> str | None:
    if spec.strip() in _WILDCARD_SPECS:
        return "a wildcard specifier"
    if tool in _COMMAND_TOOLS:
        return _command(spec, judge_line)
    if tool in _READ_TOOLS or tool in _WRITE_TOOLS:
        return _path(spec, tool in _WRITE_TOOLS, judge_line)
    if tool in _FETCH_TOOLS:
        domain = spec.partition(":")[2] if spec.startswith("domain:") else spec
        return "every domain" if "*" in domain.lstrip("*.") or not domain else None
    return None


def _command(spec: str, judge_line: JudgeLine) -> str | None:
    """A command grant: ``prefix:*``/``prefix *`` leaves the rest open."""
    fixed = spec.strip()
    open_ended = fixed.endswith("*")
    fixed = fixed.rstrip("*").rstrip().removesuffix(":").rstrip()
    if "*" in fixed or not fixed:
        return "a wildcard command"
    hits = judge_line(fixed)
    if hits:
        return f"the command draws {hits[0].rule}"
    return _open_program(fixed) if open_ended else None


def _open_program(fixed: str) -> str | None:
    """Any arguments after ``fixed``: broad for a program the firewall does not know or
    whose arguments may do anything, unless a subcommand is fixed too."""
    try:
        words = shlex.split(fixed)
    except ValueError:
        return "a command that does not parse"
    if not words:
        return "a wildcard command"
    entry = catalogue().lookup(words[0].rsplit("/", 1)[-1].lower())
    if entry is None:
        return f"any arguments to {words[0]!r}, a program the firewall does not know"
    if (
        len(words) > 1
        and not words[1].startswith("-")
        and (entry.subcommands or entry.operands in _SUBCOMMAND_ROLES)
    ):
        return None
    if entry.wrapper is not None or entry.finding or entry.operands in _OPEN_ROLES:
        return f"any arguments to {words[0]!r}"
    return None


def _path(spec: str, writes: bool, judge_line: JudgeLine) -> str | None:
    """A path grant judged as a read (``cat``) or a write (``touch``) of its pattern."""
    pattern = spec.strip()
    if pattern.startswith("//"):
        pattern = pattern[1:]
    elif pattern.startswith("/"):
        pattern = "." + pattern
    if pattern in (".", "./", "./**", "**"):
        return None
    plain = all(char.isalnum() or char in "_./~*-@+" for char in pattern)
    written = pattern if plain else shlex.quote(pattern)
    hits = judge_line(f"{'touch' if writes else 'cat'} -- {written}")
    return f"the path draws {hits[0].rule}" if hits else None


def outside_directory(value: object, where: tuple[str, str]) -> str | None:
    """A directory added to the agent's reach (``additionalDirectories``) outside the
    working directory: the home, the root, another project."""
    cwd, home = where
    entries = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    for entry in entries[:64]:
        if not isinstance(entry, str):
            continue
        resolved = posixpath.normpath(posixpath.join(cwd, entry.replace("~", home, 1)))
        if resolved != cwd and not resolved.startswith(cwd.rstrip("/") + "/"):
            return f"the directory {entry[:80]!r} added outside the workspace"
    return None


def configured_command(value: Mapping[Any, Any], judge_line: JudgeLine) -> str | None:
    """A command the settings make the agent run (an MCP server, a hook), judged as the
    command line it is."""
    command = value.get("command")
    if not isinstance(command, str) or not command.strip():
        return None
    args = value.get("args")
    words = [item for item in args if isinstance(item, str)] if isinstance(args, list) else []
    line = " ".join([command, *(shlex.quote(word) for word in words[:64])])
    hits = judge_line(line)
    return f"the command {line[:80]!r} draws {hits[0].rule}" if hits else None
