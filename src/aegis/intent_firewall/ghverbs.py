"""What ``gh`` changes on GitHub beyond the workspace, from ``data/github_cli.toml``.

github.com is an allowed host, so a gh command is judged by what it does there: merging past
branch protection or approving in a person's stead, registering keys, changing gh's token or
account, settings gh runs as commands, CI variables, public ports, gists of workspace data,
and ``gh api`` calls that write (``-f``/``-F``/``--input`` make the default method POST).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge
    from aegis.intent_firewall.options import Arg, Parsed

__all__ = ["gh_changes", "github_api_host", "github_api_write"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/github_cli.toml").read_text()
)


@dataclass(frozen=True, slots=True)
class _Command:
    words: tuple[str, ...]
    when: frozenset[str]
    rule: str
    why: str


_COMMANDS = tuple(
    _Command(tuple(e["words"]), frozenset(e.get("when", ())), e["rule"], e["why"])
    for e in _DATA["command"]
)
_CODE_SETTINGS = frozenset(_DATA["code_settings"])
_FIELD_OPTIONS = frozenset(_DATA["field_options"])
_PLAIN_WRITES = frozenset(_DATA["plain_writes"])
_GIST_SUFFIXES = tuple(_DATA["gist_data_suffixes"])
_GIST_DIRS = frozenset(_DATA["gist_data_directories"])
_API_HOSTS = frozenset(_DATA["api_hosts"])
_PLAIN_PROGRAMS = frozenset(_DATA["plain_programs"])
_RUNNERS = frozenset(_DATA["runners"])
#: A program name looked up on PATH: no path, space, quote or shell character.
#: Each pattern is one character class under one quantifier (or a plain word): no nesting
#: or alternation to backtrack over, so matching stays linear in the text.
_BARE_PROGRAM = re.compile(r"[A-Za-z0-9_.+-]+")
_PLAIN_OPTION = re.compile(r"-[A-Za-z0-9=-]*")
_MUTATION = re.compile(r"(?i)\bmutation\b")


def gh_changes(judge: CommandJudge, args: list[Arg], parsed: Parsed) -> None:
    """Findings of one ``gh`` command line (``args`` with the program name)."""
    words = [(a[0] or "").lower() for a in parsed.operands]
    written = {(a[0] or "").partition("=")[0] for a in args[1:]}
    for command in _COMMANDS:
        size = len(command.words)
        if tuple(words[:size]) == command.words and (not command.when or command.when & written):
            judge.hit(command.rule, f"gh {' '.join(command.words)}: {command.why}")
    head = tuple(words[:2])
    if head == ("config", "set") and len(words) > 3 and words[2] in _CODE_SETTINGS:
        _code_setting(judge, words[2], parsed.operands[3][0] or "")
    alias = parsed.operands[3][0] if head == ("alias", "set") and len(words) > 3 else None
    if (alias or "").lstrip().startswith("!"):
        judge.hit("interpreter-code", "gh alias set '!…': a shell command gh runs")
    if head in (("gist", "create"), ("gist", "edit")):
        _gist_files(judge, parsed.operands[2:])
    if words[:1] == ["api"] and len(words) > 1:
        _api_write(judge, words[1], parsed)


def _code_setting(judge: CommandJudge, key: str, value: str) -> None:
    """``gh config set pager 'less -R'`` is a plain program; a path, a shell or anything
    beyond a plain program's options is a command line gh runs later."""
    first, *rest = value.split() or [""]
    plain = (
        first not in _RUNNERS
        and _BARE_PROGRAM.fullmatch(first) is not None
        and (
            not rest or (first in _PLAIN_PROGRAMS and all(_PLAIN_OPTION.fullmatch(w) for w in rest))
        )
    )
    if not plain:
        judge.hit("interpreter-code", f"gh config {key} {value[:80]!r}: a command gh runs")


def _gist_files(judge: CommandJudge, operands: list[Arg]) -> None:
    for value, shown, _ in operands:
        path = (value or "").lower()
        if value is None or path == "-" or _data_file(path):
            judge.hit(
                "irreversible-publish", f"gist of {shown[:100]!r}: read by anyone with its URL"
            )


def _data_file(path: str) -> bool:
    parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
    return path.endswith(_GIST_SUFFIXES) or bool(_GIST_DIRS.intersection(parts[:-1]))


def _api_write(judge: CommandJudge, endpoint: str, parsed: Parsed) -> None:
    """``gh api ENDPOINT`` that writes: an explicit method other than GET, or request fields
    without one (gh then sends POST). GraphQL is POST for reads too: a mutation writes."""
    methods = [(a[0] or "").upper() for _, a, o in parsed.options if o in ("-X", "--method")]
    fields = [a for _, a, o in parsed.options if o in _FIELD_OPTIONS]
    method = methods[-1] if methods else ("POST" if fields else "GET")
    if method in ("GET", "HEAD"):
        return
    path = endpoint.strip("/").partition("?")[0]
    if path == "graphql":
        if any(a[0] is None or _MUTATION.search(a[0]) for a in fields):
            judge.hit("destructive-command", "gh api graphql mutation writes on GitHub")
        return
    if github_api_write(method, path):
        judge.hit("destructive-command", f"gh api {method} {endpoint[:100]} writes on GitHub")


def github_api_write(method: str, path: str) -> bool:
    """Whether ``method`` on the REST ``path`` (no host, no query) changes GitHub beyond a
    conversation: keys, members, refs, hooks, gists, dispatches, settings. A GraphQL
    request's method says nothing (its reads are POST too), so it is not judged here."""
    path = path.strip("/").lower()
    if method.upper() in ("GET", "HEAD", "OPTIONS") or path == "graphql":
        return False
    return path.rpartition("/")[2] not in _PLAIN_WRITES


def github_api_host(host: str) -> bool:
    """A host that serves GitHub's REST API (``api.github.com``)."""
    return host.lower().rstrip(".") in _API_HOSTS
