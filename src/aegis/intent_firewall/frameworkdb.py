"""Framework commands that drop or reset a database, judged by where they run.

``mix ecto.reset`` in the default dev environment, ``MIX_ENV=test mix ecto.drop`` and
``dotnet ef database drop --connection "Host=localhost;Database=app_dev"`` throw away a
developer's own local database, made to be rebuilt. The same verbs with a production
environment (``MIX_ENV=prod``, ``ASPNETCORE_ENVIRONMENT=Production``), a connection to
another host (``--connection "Server=sql-prod-01…"``, ``-Dflyway.url=jdbc:…//db.corp/…``,
``DATABASE_URL=…``) or no way to tell (``dotnet ef database drop`` reads its connection from
the project's configuration, Flyway's ``clean`` from its own) are ``destructive-command``
(*review*): held unless the line plainly names a local development or test database. The
environment is read from the line's assignments (``MIX_ENV=prod``, ``export MIX_ENV=prod``,
``env MIX_ENV=prod``; any one of them not local counts), the tool's environment options and
the policy's environment; the verbs are data (``[database]`` of ``data/build_tools.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aegis.intent_firewall.buildinvocations import build_data, maven_goal
from aegis.intent_firewall.dbconnections import local_connection
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge

__all__ = ["database_drops"]

_MAX_LINE = 4096


def _assigned(lines: list[str], names: list[str]) -> list[str]:
    """Values the request's lines assign to any of ``names`` (``NAME=value`` words)."""
    found: list[str] = []
    for line in lines[:32]:
        for word in line[:_MAX_LINE].split():
            name, equals, value = word.partition("=")
            if equals and name.lower() in names:
                found.append(value.strip("'\";&|()"))
    return found


def _option_values(args: list[Arg], options: list[str]) -> list[str]:
    found: list[str] = []
    for index, arg in enumerate(args[1:64], start=1):
        word = arg[0] or ""
        for option in options:
            if word == option and index + 1 < len(args):
                found.append(args[index + 1][0] or "$?")
            elif word.startswith(option + "="):
                found.append(word[len(option) + 1 :])
    return found


def _runs_a_drop(entry: dict[str, Any], operands: list[str], args: list[Arg]) -> str:
    words = [word.lower().removeprefix("./") for word in operands]
    flags = {arg[0] for arg in args[1:64] if arg[0]}
    for verb in entry.get("verbs", ()):
        parts = verb.split()
        leading = [p for p in parts if not p.startswith("-")]
        if words[: len(leading)] == leading and all(p in flags for p in parts if p[0] == "-"):
            return str(verb)
    tasks = entry.get("tasks", ())
    for word in words[:16]:
        # flyway:clean, :app:flywayClean, org.flywaydb:flyway-maven-plugin:10.0.0:clean
        if {word, word.rsplit(":", 1)[-1], maven_goal(word)} & set(tasks):
            return word
    return ""


def _local(
    judge: CommandJudge, entry: dict[str, Any], props: dict[str, str], args: list[Arg]
) -> bool:
    """Whether the drop plainly runs against a local development or test database."""
    data = build_data()["database"]
    lines = judge.scope.lines
    environment = dict(judge.scope.environment)
    names = [name.lower() for name in entry.get("env", ())]
    chosen = _assigned(lines, names) + _option_values(args, entry.get("options", []))
    chosen += [value for name, value in environment.items() if name.lower() in names]
    connections = _option_values(args, [c for c in entry.get("connection", ()) if c[0] == "-"])
    connections += [props[c] for c in entry.get("connection", ()) if c in props]
    variables = data["connection_variables"]
    connections += _assigned(lines, variables)
    connections += [value for name, value in environment.items() if name.lower() in variables]
    if not all(value.lower() in data["local_environments"] for value in chosen):
        return False  # MIX_ENV=prod, --environment Production, MIX_ENV=$ENV
    if connections:
        return all(local_connection(value) and "$" not in value for value in connections)
    # no connection named: the tool's own configuration decides, known only by default
    return bool(chosen) or bool(entry.get("default"))


def database_drops(
    judge: CommandJudge,
    name: str,
    operands: list[str],
    properties: list[tuple[str, str]],
    args: list[Arg],
) -> None:
    """``destructive-command`` for a framework's drop or reset not plainly local."""
    entry = build_data()["database"]["programs"].get(name)
    if entry is None:
        return
    verb = _runs_a_drop(entry, operands, args)
    if verb and not _local(judge, entry, dict(properties), args):
        judge.hit(
            "destructive-command",
            f"{name} {verb} drops a database that is not plainly a local development one",
        )
