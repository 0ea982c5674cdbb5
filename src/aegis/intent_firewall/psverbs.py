"""PowerShell beyond the cmdlet tables: cmdlets judged by their approved verb, expression
statements, and static .NET calls (``data/powershell.toml``, ``[verbs]`` and ``[dotnet]``).

PowerShell's verb convention says what a cmdlet may do: ``Get-``, ``Test-``, ``Measure-``,
``Compare-``, ``Resolve-``, ``Find-`` and the pipeline verbs (``Sort-``, ``Where-``,
``ForEach-`` …) read or reshape. Such a cmdlet the tables do not list is judged by its words
(paths read, URLs and hosts checked) unless it is a catalogued exception (``Get-Credential``)
or its noun names a secret (``Get-PassHashes``). Any other verb stays review.

A statement that starts with a value (``$_.Length -gt 10``, ``1..5``, ``'text'``) is an
expression, not a command: it runs nothing but the method calls it makes, and those are
allowed only from short lists of members that only compute (``[Math]::Round``,
``$_.ToString()``); ``[Reflection.Assembly]::Load`` or ``$wc.DownloadFile(`` are review.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import re2

from aegis.intent_firewall.access import judge_host, judge_url
from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.paths import looks_like_path

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["drive_words", "expression", "is_expression", "read_only_cmdlet"]

#: Statement words as the PowerShell lexer gives them: value (None when known only at run
#: time), as written (a trailing "(" marks a call), and what made the value unknown.
Word = tuple[str | None, str, str]


@cache
def _tables() -> Mapping[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/powershell.toml").read_text()
    data: dict[str, Any] = tomllib.loads(text)
    verbs = data.get("verbs", {})
    dotnet = data.get("dotnet", {})
    return {
        "read_only": frozenset(verbs.get("read_only", ())),
        "secret_nouns": tuple(verbs.get("secret_nouns", ())),
        "network_nouns": frozenset(verbs.get("network_nouns", ())),
        "exceptions": dict(verbs.get("exceptions", {})),
        "allowed": frozenset(dotnet.get("allowed", ())),
        "methods": frozenset(dotnet.get("methods", ())),
        "properties": frozenset(dotnet.get("properties", ())),
    }


def read_only_cmdlet(judge: CommandJudge, name: str, args: list[Arg], feed: Feed) -> bool:
    """Judge the uncatalogued cmdlet ``name`` by its verb; False when the verb is not one
    of the read-only ones (the caller's review stands)."""
    tables = _tables()
    verb, _, noun = name.partition("-")
    shown = " ".join(a[1] for a in args)[:100]
    rule = tables["exceptions"].get(name) or (
        "credential-mint" if any(part in noun for part in tables["secret_nouns"]) else ""
    )
    if rule:
        judge.hit(rule, f"PowerShell {shown}")
        return True
    if verb not in tables["read_only"]:
        return False
    network = any(part in noun for part in tables["network_nouns"])
    members = tables["methods"] | tables["properties"]
    previous = ""
    for arg in args[1:]:
        value = arg[0]
        parameter, previous = previous, (value or "").lower()
        if value is None or (value.startswith("-") and len(value) > 1):
            continue
        if parameter in _REMOTE_PARAMETERS:
            # Get-WmiObject -ComputerName HOST: the cmdlet runs against that machine
            judge_host(judge.scope, value, arg[1])
        elif verb == "foreach" and value.lower() not in members:
            # ForEach-Object Delete calls that method on every object piped in
            judge.hit("powershell-command", f"{name} member {arg[1][:60]!r} is not modelled")
        elif "://" in value:
            judge_url(judge.scope, value, arg[1], feed.cwd)
        elif network and not value.isdigit():
            judge_host(judge.scope, value, arg[1])
        elif looks_like_path(value):
            judge.path(arg, "read", feed.cwd)
    return True


#: Parameters whose value is another machine the cmdlet reaches.
_REMOTE_PARAMETERS = frozenset(
    {"-computername", "-cn", "-server", "-targetname", "-remoteaddress", "-hostname",
     "-computer", "-destination", "-uri", "-url"}
)  # fmt: skip


def drive_words(judge: CommandJudge, words: list[Word]) -> None:
    """``Get-ChildItem env:``, ``Get-Content env:GITHUB_TOKEN``: the environment drive
    holds the process's secrets."""
    for value, written, _ in words[1:]:
        if value is not None and value.lower().startswith("env:"):
            judge.hit("secret-environment", f"PowerShell environment drive {written[:60]!r}")
            return


def is_expression(words: list[Word]) -> bool:
    """A statement that starts with a value rather than a command name."""
    written = words[0][1]
    # (Get-Date).AddDays(-1): a member of the value just computed; .\build.ps1 is a script
    member = written[:1] == "." and written[1:2].isalpha()
    negative = written[:1] == "-" and written[1:2].isdigit()
    return member or negative or written[:1] in ("$", "'", '"', "[", "@") or written[:1].isdigit()


def expression(judge: CommandJudge, words: list[Word]) -> list[Word]:
    """The calls an expression statement makes; everything else in it only computes.
    Returns the statement an assignment's right-hand side holds (``$x = Get-Content .env``),
    for the caller to judge as a command; empty when there is none."""
    setting = _environment_setting(words)
    if setting is not None:
        from aegis.intent_firewall.environment import judge_assignment

        judge_assignment(judge.scope, *setting)
        return []
    tables = _tables()
    for index, (_value, written, _) in enumerate(words):
        if written in _ASSIGNMENTS and index > 0:
            return words[index + 1 :]
        if written in ("&", "."):
            judge.hit("powershell-command", f"PowerShell invocation operator {written!r}")
            continue
        if _value is None and "$(" in written and written[:1] in ("'", '"', "@"):
            # "$(Remove-Item ~)": a subexpression inside an expanding string runs
            judge.hit("dynamic-program", f"PowerShell subexpression in {written[:80]!r}")
            continue
        if "=" in written.split("(", 1)[0] and written[:1] != "'" and written[:1] != '"':
            judge.hit("powershell-command", f"assignment {written[:80]!r} is not modelled")
            continue
        static = _static_member(written)
        if static is not None:
            kind, member = static
            allowed = tables["allowed"]
            if f"{kind}::*" not in allowed and f"{kind}::{member}" not in allowed:
                judge.hit("powershell-command", f".NET call {written[:80]!r} is not modelled")
                continue
        called = written.partition("]::")[2] if static is not None else written
        if called.endswith("(") and "." in called:
            method = called[:-1].rsplit(".", 1)[-1].lower()
            if method not in tables["methods"]:
                judge.hit("powershell-command", f"method call {written[:80]!r} is not modelled")
    return []


_ENV_NAME = re2.compile(r"(?i)^\$env:([A-Za-z_][A-Za-z0-9_]{0,127})$")
_ENV_JOINED = re2.compile(r"(?i)^\$env:([A-Za-z_][A-Za-z0-9_]{0,127})=('[^']*'|\"[^\"$`]*\")$")


def _environment_setting(words: list[Word]) -> tuple[str, str, str] | None:
    """(name, value, written) of ``$env:NAME = 'literal'`` (or ``$env:NAME='literal'``): an
    environment variable set for the commands after it, judged as a shell's ``NAME=value``."""
    if len(words) == 1 and (joined := _ENV_JOINED.match(words[0][1])) is not None:
        return joined.group(1), joined.group(2)[1:-1], words[0][1]
    if len(words) != 3 or words[1][1] != "=":
        return None
    named, (value, written, _) = _ENV_NAME.match(words[0][1]), words[2]
    if named is None or value is None or written[:1] not in ("'", '"'):
        return None
    return named.group(1), value, f"{words[0][1]} = {written}"


_ASSIGNMENTS = frozenset({"=", "+=", "-=", "*=", "/=", "%=", "??="})


def _static_member(written: str) -> tuple[str, str] | None:
    """``[System.IO.Path]::Combine(`` -> ("io.path", "combine"); None when not static."""
    if not written.startswith("[") or "]::" not in written:
        return None
    kind, _, rest = written[1:].partition("]::")
    kind = kind.lower().removeprefix("system.")
    member = rest.rstrip("(").split(".", 1)[0].lower()
    return kind, member
