"""A build tool's command line read as the build reads it: its JVM properties and its tasks.

``mvn -Dmaven.ext.class.path=/tmp/x.jar package`` loads a jar from outside the workspace
into Maven's core before any project code runs; ``-Dorg.gradle.jvmargs=-javaagent:…`` and
``MAVEN_OPTS=-javaagent:…`` load an agent into the build's JVM; ``-XX:OnError=…`` runs a
command. Such code from outside the working directory is judged as the unmodelled path it
is (*review*), a command as code. A task or goal that uploads the build (Gradle's
``publish…ToSonatypeRepository``, ``closeAndRelease…``, Maven's ``deploy`` and
``nexus-staging:release``, written with coordinates too) is ``irreversible-publish``,
while publishing into this machine's own Maven repository (``publishToMavenLocal``) is not.
The names and properties are data (``data/build_tools.toml``); printing stored secrets and
dropping databases are judged by ``buildsecrets`` and ``frameworkdb``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from aegis.intent_firewall.localpublish import local_registry
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = [
    "build_data",
    "build_words",
    "code_path",
    "judge_build",
    "judge_jvm_variable",
    "jvm_options",
    "maven_goal",
    "trusted_entry",
]

#: Options of Gradle and of Maven that take the next word as their value (not a task).
_GRADLE_VALUES = frozenset(
    {"-x", "--exclude-task", "-p", "--project-dir", "-g", "--gradle-user-home", "-I",
     "--init-script", "-c", "--settings-file", "-b", "--build-file", "--console",
     "--warning-mode", "--max-workers", "--priority", "--include-build", "--project-cache-dir",
     "--tests", "--configuration", "--dependency", "-M", "--write-verification-metadata"}
)  # fmt: skip
_MAVEN_VALUES = frozenset(
    {"-pl", "--projects", "--activate-profiles", "-T", "--threads", "-f", "--file", "-s",
     "--settings", "-gs", "--global-settings", "-t", "--toolchains", "-gt",
     "--global-toolchains", "-rf", "--resume-from", "-l", "--log-file", "-b", "--builder",
     "-emp", "--encrypt-master-password", "-ep", "--encrypt-password"}
)  # fmt: skip
_MAX_WORDS = 64


@cache
def build_data() -> dict[str, Any]:
    text = resources.files("aegis.intent_firewall").joinpath("data/build_tools.toml")
    return tomllib.loads(text.read_text(encoding="utf-8"))


@cache
def _programs() -> frozenset[str]:
    data = build_data()
    return frozenset(
        [
            *data["jvm"]["programs"],
            *data["publish"]["programs"],
            *data["database"]["programs"],
            *data["secrets"]["config_reads"],
            *data["publish"]["commands"],
        ]
    )


def build_words(
    args: list[Arg], values: frozenset[str] = frozenset()
) -> tuple[list[str], list[tuple[str, str]]]:
    """The operand words (tasks, goals, subcommands) and the ``-D``/``-P`` properties
    ``(name, value)`` of a build tool's command line (``values``: options that take the
    next word); unknown words are ``?``."""
    operands: list[str] = []
    properties: list[tuple[str, str]] = []
    words = [arg[0] for arg in args[1 : _MAX_WORDS + 1]]
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word is None:
            operands.append("?")
            continue
        if word in ("-D", "-P") and index < len(words):
            name, _, value = (words[index] or "?=?").partition("=")
            properties.append((name.lower(), value))
            index += 1
        elif word.startswith(("-D", "-P")) and len(word) > 2:
            name, _, value = word[2:].partition("=")
            properties.append((name.lower(), value))
        elif word in values:
            index += 1
        elif not word.startswith("-"):
            operands.append(word)
    return operands, properties


def _camel_words(task: str) -> list[str]:
    words: list[str] = []
    for char in task:
        if char.isupper() or not words:
            words.append(char.lower())
        else:
            words[-1] += char
    return words


def _gradle_publishes(task: str) -> bool:
    data = build_data()["publish"]
    name = task.rsplit(":", 1)[-1]
    lowered = name.lower()
    if not name or lowered.endswith(tuple(data["local_endings"])):
        return False
    if lowered in data["tasks"]:
        return True
    words = _camel_words(name)
    if words[0] in data["first_words"] or set(words[1:]) & set(data["any_words"]):
        return True
    return _abbreviation(words)


def _abbreviation(words: list[str]) -> bool:
    """``pAPTSR``, ``cARSSR``: Gradle runs the task whose camel-case words these letters
    begin; one of three words or more that may begin a publishing word is judged as that
    task (fail closed), but not ``pTML`` (publishToMavenLocal)."""
    if len(words) < 3 or any(len(word) > 3 for word in words):
        return False
    if [word[:1] for word in words[-2:]] == ["m", "l"]:
        return False
    prefixes = build_data()["publish"]["abbreviated"]
    return any(full.startswith(words[0]) and full != words[0] for full in prefixes)


def maven_goal(goal: str) -> str:
    """``org.apache.maven.plugins:maven-deploy-plugin:3.1.1:deploy`` as ``deploy:deploy``."""
    parts = goal.lower().split(":")
    if len(parts) < 3:
        return goal.lower()
    artifact = parts[1].removesuffix("-maven-plugin").removesuffix("-plugin")
    return f"{artifact.removeprefix('maven-')}:{parts[-1]}"


def _release_command(judge: CommandJudge, name: str, args: list[Arg]) -> None:
    """``lerna publish``, ``gh release create``, ``semantic-release``: a release tool's
    publishing verb, unless it is a dry run."""
    data = build_data()["publish"]
    verbs = data["commands"].get(name)
    if verbs is None or any(arg[0] in data["dry_run"] for arg in args[1:_MAX_WORDS]):
        return
    words = [word.lower() for word in build_words(args)[0]]
    for verb in verbs:
        parts = verb.split()
        if words[: len(parts)] == parts:
            if not local_registry(f"{name} {verb}", args):  # helm push … oci://localhost:5000
                judge.hit("irreversible-publish", f"{name} {verb} publishes a release".strip())
            return


def _uploads(judge: CommandJudge, args: list[Arg], cwd: str) -> None:
    """``./gradlew build --scan``: the build's data sent to the option's service."""
    from aegis.intent_firewall.access import judge_url

    uploads = build_data()["publish"]["uploads"]
    for arg in args[1:_MAX_WORDS]:
        if arg[0] in uploads:
            judge_url(judge.scope, uploads[arg[0]], arg[1], cwd)


def _publish(judge: CommandJudge, name: str, operands: list[str]) -> None:
    goals = frozenset(build_data()["publish"]["goals"])
    for word in operands[:16]:
        gradle = name.startswith("gradle")
        if (gradle and _gradle_publishes(word)) or (not gradle and maven_goal(word) in goals):
            judge.hit("irreversible-publish", f"{name} task {word} publishes the build")
            return


def trusted_entry(judge: CommandJudge, entry: str) -> bool:
    """A JDK or tool installed system-wide or in the home's own tool stores."""
    home = judge.scope.home.rstrip("/")
    lowered = entry.lower().replace("$home", "~").replace("${home}", "~")
    lowered = lowered.replace("${user.home}", "~")
    if lowered.startswith(home.lower() + "/"):
        lowered = "~" + lowered[len(home) :]
    if ".." in lowered:
        return False
    return lowered.startswith(tuple(build_data()["jvm"]["trusted_roots"]))


def code_path(judge: CommandJudge, shown: str, value: str, cwd: str) -> None:
    """A class or module path (``java -cp /tmp/x.jar:build/classes``): each entry outside the
    workspace and the trusted tool stores is code from elsewhere."""
    from aegis.intent_firewall.optionroles import unmodelled_value

    for written in value.replace(";", ":").replace(",", ":").split(":")[:8]:
        entry = written.strip().strip("'\"")
        if entry and not trusted_entry(judge, entry):
            arg: Arg = (entry, entry, False)
            unmodelled_value(judge, f"{shown} (code loaded into the build)", arg, cwd)


def jvm_options(judge: CommandJudge, words: list[str], cwd: str, depth: int = 0) -> None:
    """JVM options (``-javaagent:PATH``, ``-XX:OnError=CMD``, ``-Dprop=value``)."""
    data = build_data()["jvm"]
    for word in words[:_MAX_WORDS]:
        lowered = word.lower()
        agent = next((o for o in data["agent_options"] if lowered.startswith(o)), None)
        if agent is not None:
            path = word[len(agent) :].split("=", 1)[0]
            code_path(judge, word[: len(agent) - 1], path, cwd)
        elif lowered.startswith(tuple(data["command_options"])):
            judge.hit("interpreter-code", f"JVM option {word[:80]} runs a command")
        elif lowered.startswith("-agentlib:"):
            judge.hit("interpreter-code", f"JVM option {word[:80]} loads a native agent")
        elif lowered.startswith("-d") and "=" in word and depth < 2:
            name, _, value = word[2:].partition("=")
            _property(judge, name.lower(), value, cwd, depth + 1)


def _property(judge: CommandJudge, name: str, value: str, cwd: str, depth: int = 0) -> None:
    data = build_data()["jvm"]
    if name in data["code_path_properties"]:
        code_path(judge, f"-D{name}", value, cwd)
    elif name in data["option_properties"] and depth < 2:
        jvm_options(judge, value.strip("'\"").split(), cwd, depth + 1)


def judge_build(judge: CommandJudge, name: str, args: list[Arg], feed: Feed) -> None:
    """Judge a build tool's JVM properties, publishing tasks, secret-printing tasks and
    database drops (a cheap return for every other program)."""
    if name not in _programs():
        return
    from aegis.intent_firewall.buildsecrets import secret_prints
    from aegis.intent_firewall.frameworkdb import database_drops

    data = build_data()
    values = _MAVEN_VALUES if name.startswith("mvn") else frozenset()
    operands, properties = build_words(args, _GRADLE_VALUES if "gradle" in name else values)
    if name in data["jvm"]["programs"]:
        for prop, value in properties[:16]:
            _property(judge, prop, value, feed.cwd)
        if name == "sbt":
            jvm = [a[0][2:] for a in args[1:_MAX_WORDS] if a[0] and a[0].startswith("-J-")]
            jvm_options(judge, jvm, feed.cwd)
    if name in data["publish"]["programs"]:
        _publish(judge, name, operands)
        if "gradle" in name:
            _uploads(judge, args, feed.cwd)
    _release_command(judge, name, args)
    secret_prints(judge, name, operands, properties, args)
    database_drops(judge, name, operands, properties, args)


def judge_jvm_variable(scope: Scope, name: str, value: str, cwd: str | None) -> bool:
    """``MAVEN_OPTS=-javaagent:/tmp/a.jar``: a build tool's JVM options judged as its
    ``-D`` words are, ``JAVA_HOME`` and ``CC`` as the code they point at; False when the
    variable's other checks must still run."""
    data = build_data()["jvm"]
    key = name.lower()
    program = key in data["program_variables"] and "/" in value.split(" ", 1)[0]
    if key not in data["variables"] and key not in data["path_variables"] and not program:
        return False
    from aegis.intent_firewall.commands import CommandJudge

    judge = CommandJudge(scope, lambda *_: None)
    if program:  # CC=/tmp/cc: the compiler's path; the variable's other checks still run
        code_path(judge, name, value.split(" ", 1)[0], cwd or "/")
        return False
    if key in data["path_variables"]:
        code_path(judge, name, value, cwd or "/")
    else:
        jvm_options(judge, value.strip("'\"").split(), cwd or "/")
    return True
