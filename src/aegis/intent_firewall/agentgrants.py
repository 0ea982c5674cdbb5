"""Permission grants written into an AI coding agent's settings.

``.claude/settings.json`` with ``"permissions": {"allow": ["Bash(curl:*)"]}``, a Cursor or
VS Code setting that approves every tool call, an MCP server's ``autoApprove: ["*"]`` or
Codex's ``approval_policy = "never"`` lets the agent (or the next one) run unasked what the
firewall would have stopped: the settings are the policy of every later session. A grant is
``agent-permission-grant`` (*review*) when it is broad:

- a whole tool (``Bash``, ``Write``, ``WebFetch``), a wildcard in a tool's name
  (``mcp__*``), a specifier of only a wildcard (``Bash(*)``, ``WebFetch(domain:*)``);
- a command grant whose fixed words the firewall finds anything on, or that leaves the
  arguments open to a program whose arguments may do anything (``Bash(bash -c:*)``,
  ``Bash(curl:*)``, ``Bash(python -c:*)``, ``Bash(rm:*)``);
- a path grant whose place the firewall would not let the agent read or write
  (``Read(~/.aws/**)``, ``Read(//home/agent/.ssh/**)``, ``Edit(~/.bashrc)``, ``Read(./.env)``);
- a switch that stops the asking (``bypassPermissions``, ``dangerouslySkipPermissions``,
  ``yoloMode``, ``autoApprove: true``, ``approval_policy = "never"``,
  ``danger-full-access``).

Narrow grants (``Bash(npm test:*)``, ``Read(./src/**)``, ``mcp__github__get_issue``) and deny
lists pass. Content that does not parse is scanned for grant-shaped strings and switch
words (fail closed). The data is ``data/agentgrants.toml``; every walk is bounded.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from typing import Any

import re2
import yaml

from aegis.intent_firewall.agentgrantspecs import (
    broad_grant,
    configured_command,
    outside_directory,
)
from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["agent_grant_findings", "is_agent_settings", "line_grant_findings"]

JudgeLine = Callable[[str], list[Hit]]
_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/agentgrants.toml").read_text()
)
_DIRS = tuple(f"/{name}/" for name in _DATA["settings_dirs"])
_NAMES = frozenset(_DATA["settings_names"])
_SUFFIXES = tuple(_DATA["settings_suffixes"])
_GRANT_KEYS = frozenset(_DATA["grant_keys"])
_SWITCH_KEYS = frozenset(_DATA["switch_keys"])
_SWITCH_VALUES = frozenset(_DATA["switch_values"])
_ASK_KEYS = frozenset(_DATA["ask_keys"])
_MAX_TEXT = 65536
_MAX_NODES = 4096
#: ``Tool(specifier)`` written in text that does not parse.
_GRANT = re2.compile(
    r"([A-Za-z_][A-Za-z0-9_]{0,60})\(([^()\n]{0,300})\)|(mcp__[A-Za-z0-9_*.-]{0,120})"
)
#: A hook that answers the agent's permission question itself.
_HOOK_APPROVAL = re2.compile(r"(?i)(permission_?decision|\bdecision)\W{1,6}(approve|allow)\b")
_DIRECTORY_KEYS = frozenset(_DATA["directory_keys"])
_SWITCH_TEXT = re2.compile(
    r"(?i)(bypass_?permissions|dangerously[-_]?skip|danger-full-access|yolo|full[-_]?auto"
    r"|auto_?approve|always_?allow|allow_?all)"
)


def is_agent_settings(path: str) -> bool:
    """``path`` (lower case, ``/`` separators) is a file of an agent's settings."""
    normal = "/" + path.lstrip("/")
    name = normal.rsplit("/", 1)[-1]
    return name in _NAMES or (name.endswith(_SUFFIXES) and any(d in normal for d in _DIRS))


def _key(key: str) -> str:
    last = key.rsplit(".", 1)[-1]
    return "".join(char for char in last.lower() if char.isalnum())


def _parsed(text: str) -> object | None:
    for load in (json.loads, tomllib.loads, yaml.safe_load):
        try:
            return load(text)
        except Exception:  # noqa: S112 - a format that does not fit: try the next
            continue
    return None


def _nodes(value: object) -> Iterator[tuple[str, object]]:
    """Every (key, value) pair below ``value``, bounded."""
    stack, seen = [value], 0
    while stack and seen < _MAX_NODES:
        current = stack.pop()
        seen += 1
        if isinstance(current, Mapping):
            for key, inner in current.items():
                yield str(key), inner
                stack.append(inner)
        elif isinstance(current, list | tuple):
            stack.extend(current)


def _granted(value: object) -> Iterator[str]:
    """The grants a grant key's value holds: strings of a list, keys set true, or ``*``
    for ``true`` itself (everything)."""
    if value is True:
        yield "*"
    elif isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        yield from (item for item in value[:256] if isinstance(item, str))
    elif isinstance(value, Mapping):
        yield from (str(k) for k, v in list(value.items())[:256] if v is not False)


#: Values that switch a setting on (a mapping or list under such a key lists grants).
_ON = frozenset({"true", "on", "yes", "always", "all", "*", "1"})


def _switched(key: str, value: object) -> bool:
    folded = _key(key)
    if folded in _SWITCH_KEYS and (
        value is True or (isinstance(value, str) and value.lower() in _ON) or value == 1
    ):
        return True
    if isinstance(value, str):
        word = "".join(char for char in value.lower() if char.isalnum())
        return word in _SWITCH_VALUES and (word != "never" or folded in _ASK_KEYS)
    return False


def line_grant_findings(line: str, judge_line: JudgeLine, *, seen: bool) -> list[Hit]:
    """A command line naming an agent's settings file (``jq '.permissions.allow += [...]'
    .claude/settings.json``, ``sed -i``): its grant-shaped strings and switch words are
    judged as if written into the file, whichever program writes it. Written with text the
    line does not show (``cp /tmp/s.json .claude/settings.json``, a download) and not
    ``seen`` (``echo``/heredoc text judged as the file's content) it is a finding: fail
    closed."""
    bounded = line[:_MAX_TEXT]
    folded = bounded.casefold()
    if not any(d[1:] in folded for d in _DIRS) and not any(n in folded for n in _NAMES):
        return []
    names = [
        word
        for word in folded.replace("'", " ").replace('"', " ").split()
        if is_agent_settings(word)
    ]
    if not names:
        return []
    found = _scanned(bounded, names[0], judge_line)
    if found or seen or not any(marker in f" {folded} " for marker in _WRITERS):
        return found
    return [_hit("settings written with content the firewall does not see", names[0])]


#: Marks of a command line that writes a file it names.
_WRITERS = (">", " tee ", " cp ", " mv ", " install ", " ln ", " rsync ", " curl ", " wget ",
            " dd ", "sed -i", " sponge ", " patch ", " git apply ", " git checkout ", " unzip ",
            " tar ", " scp ")  # fmt: skip


def _scanned(text: str, path: str, judge_line: JudgeLine) -> list[Hit]:
    """Grant-shaped strings and switch words in text that does not parse."""
    for match in _GRANT.finditer(text):
        grant = match.group(0)
        why = broad_grant(grant, judge_line)
        if why is not None:
            return [_hit(f"{grant[:80]!r}: {why}", path)]
    switch = _SWITCH_TEXT.search(text)
    return [] if switch is None else [_hit(repr(switch.group(0)), path)]


def _structured(
    document: Mapping[Any, Any], path: str, judge_line: JudgeLine, where: tuple[str, str]
) -> list[Hit]:
    """Switches, broad grants, directories added and commands configured below the keys
    of a parsed settings document."""
    for key, value in _nodes(document):
        why: str | None = None
        if _switched(key, value):
            why = f"{key}: {value!r:.60}"
        elif _key(key) in _GRANT_KEYS:
            why = next(
                (f"{g[:80]!r}: {w}" for g in _granted(value) if (w := broad_grant(g, judge_line))),
                None,
            )
        elif _key(key) in _DIRECTORY_KEYS:
            why = outside_directory(value, where)
        elif isinstance(value, Mapping):
            why = configured_command(value, judge_line)
        if why is not None:
            return [_hit(why, path)]
    return []


def _hit(what: str, path: str) -> Hit:
    return default_hit("agent-permission-grant", f"{what} in {path[-80:]}")


#: A hook's command in agent settings (``"command": "/usr/local/bin/guard check"``).
_HOOK_COMMAND = re2.compile(r'"command"\s*:\s*"([^"\n]{1,300})"')
_HOOK_EVENTS = (
    "pretooluse", "posttooluse", "userpromptsubmit", "beforeshellexecution",
    "beforemcpexecution", "beforereadfile", "sessionstart", "stop", "hooks",
)  # fmt: skip


def removed_hook(path: str, new: list[str], old: list[str]) -> list[Hit]:
    """An edit of agent settings that takes out a hook's command: a hook is the check that
    runs before each tool call (a firewall, a policy), and an edit that drops it turns the
    check off for every later session."""
    if not old or not is_agent_settings(path):
        return []
    before = "\n".join(old)[:_MAX_TEXT]
    after = "\n".join(new)[:_MAX_TEXT]
    kept = {match.group(1) for match in _HOOK_COMMAND.finditer(after)}
    for match in _HOOK_COMMAND.finditer(before):
        command = match.group(1)
        if command not in kept and not any(_same_check(command, other) for other in kept):
            return [_hit(f"a hook removed or its failure ignored ({command[:80]!r})", path)]
    narrowed = _narrowed(before, after) if kept else None
    if narrowed is not None:
        return [_hit(f"a hook kept but no longer run where it was ({narrowed})", path)]
    return []


_MATCHER = re2.compile(r'"matcher"\s*:\s*"([^"\n]{0,300})"')
_EVENT = re2.compile(
    r'"(PreToolUse|PostToolUse|UserPromptSubmit|beforeShellExecution|beforeMCPExecution|'
    r'beforeReadFile|SessionStart|Stop|SubagentStop|Notification|PreCompact)"\s*:'
)
#: Matchers that match every tool.
_EVERY_TOOL = frozenset({"", "*", ".*"})


def _narrowed(before: str, after: str) -> str | None:
    """What an edit that keeps a hook's command took from where it runs: a matcher replaced
    by one that covers fewer tools (``Bash`` to ``NoSuchTool``), or an event it hung under
    (``PreToolUse``) gone."""
    old_events = {m.group(1) for m in _EVENT.finditer(before)}
    new_events = {m.group(1) for m in _EVENT.finditer(after)}
    for event in sorted(old_events - new_events):
        return f"event {event!r} gone"
    new_matchers = [m.group(1) for m in _MATCHER.finditer(after)]
    for match in _MATCHER.finditer(before):
        tools = set(match.group(1).split("|"))
        if not any(new in _EVERY_TOOL or tools <= set(new.split("|")) for new in new_matchers):
            return f"matcher {match.group(1)[:60]!r} narrowed"
    return None


def _same_check(command: str, other: str) -> bool:
    """``other`` still runs ``command`` and lets its failure stop the call: only options or
    arguments added (``guard.sh --strict``), no ``|| true``, ``; true``, ``# …``."""
    rest = other[len(command) :] if other.startswith(command) else "|"
    return not any(mark in rest for mark in ("|", ";", "&", "#", "`", "$("))


def agent_grant_findings(
    path: str, texts: list[str], judge_line: JudgeLine, where: tuple[str, str]
) -> list[Hit]:
    """Findings on agent settings written at ``path`` (lower case) with ``texts``;
    ``where`` is (working directory, home)."""
    if not is_agent_settings(path):
        return []
    for text in texts:
        bounded = text[:_MAX_TEXT]
        approval = _HOOK_APPROVAL.search(bounded)
        if approval is not None:
            return [_hit(f"a hook answering {approval.group(0)!r}", path)]
        parsed = _parsed(bounded) if bounded.strip() else None
        found = (
            _structured(parsed, path, judge_line, where)
            if isinstance(parsed, Mapping)
            else _scanned(bounded, path, judge_line)
        )
        if found:
            return found
    return []
