"""Build tools and package managers asked to print the credentials they merge in.

Gradle's ``properties`` task prints every project property, those read from
``~/.gradle/gradle.properties`` (signing and repository passwords) too; ``mvn
help:effective-settings -DshowPasswords=true`` prints ``settings.xml`` with its passwords in
clear, and ``help:evaluate -Dexpression=settings.servers`` any one of them; ``npm config get
//registry.npmjs.org/:_authToken``, ``composer config http-basic.example.com``, ``yarn
config get npmAuthToken --no-redacted`` and ``mix hex.config api_key`` print a token. These
are reads of the credential files the catalogue protects, so they are
``secret-environment`` (*review*). Keys that name no secret (``npm config get registry``)
and settings printed with their passwords masked (``help:effective-settings``) pass. The
task, goal and key words are data (``[secrets]`` of ``data/build_tools.toml``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.buildinvocations import build_data
from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge

__all__ = ["names_secret", "secret_prints"]

_RULE = "secret-environment"
_FALSE = frozenset({"false", "0", "no", "off"})


def _tokens(text: str) -> set[str]:
    """Words of a key: split at punctuation and camel case (``_authToken``: auth, token)."""
    words: list[str] = []
    previous = ""
    for char in text:
        if not char.isalnum():
            words.append("")
        elif char.isupper() and previous.islower():
            words.append(char.lower())
        elif words:
            words[-1] += char.lower()
        else:
            words.append(char.lower())
        previous = char
    return {word for word in words if word}


def names_secret(key: str) -> bool:
    """Whether a configuration key or expression names a stored secret."""
    data = build_data()["secrets"]
    lowered = key.lower()
    if any(part in lowered for part in data["secret_parts"]):
        return True
    return not _tokens(key).isdisjoint(data["secret_words"])


def _host_key(key: str) -> bool:
    """``gems.example.com``, ``BUNDLE_GEMS__EXAMPLE__COM``: a key naming a host."""
    return "__" in key or ("." in key.strip(".") and "/" not in key)


def _maven(judge: CommandJudge, name: str, goals: list[str], props: dict[str, str]) -> None:
    from aegis.intent_firewall.buildinvocations import maven_goal

    data = build_data()["secrets"]
    for word in goals[:16]:
        goal = maven_goal(word)
        if goal not in data["maven_goals"]:
            continue
        reveal = any(props.get(p, "false").lower() not in _FALSE for p in data["maven_reveal"])
        expression = props.get("expression", "")
        if reveal or expression.startswith("settings.") or names_secret(expression):
            judge.hit(_RULE, f"{name} {goal} prints stored passwords")


def _config_read(judge: CommandJudge, name: str, operands: list[str], args: list[Arg]) -> None:
    data = build_data()["secrets"]
    words = [word.lower() for word in operands]
    for pattern in data["config_reads"].get(name, ()):
        head = pattern.split()
        if words[: len(head)] != head:
            continue
        keys = operands[len(head) :]
        if len(head) == 1 and head[0] == "config" and len(keys) != 1:
            continue  # composer config KEY VALUE sets, a lone key reads
        hosts = name in data["host_keys"]
        if any(names_secret(key) or (hosts and _host_key(key)) for key in keys[:8]):
            judge.hit(_RULE, f"{name} {pattern} {' '.join(keys)[:60]} prints a stored secret")
            return
    if "config" in words and any(a[0] in data["reveal_options"] for a in args[1:64]):
        judge.hit(_RULE, f"{name} config prints its secrets unmasked")


def secret_prints(
    judge: CommandJudge,
    name: str,
    operands: list[str],
    properties: list[tuple[str, str]],
    args: list[Arg],
) -> None:
    """Findings for a build tool or package manager printing stored credentials."""
    data = build_data()["secrets"]
    if name in ("gradle", "gradlew"):
        for task in operands[:16]:
            if task.rsplit(":", 1)[-1].lower() in data["gradle_tasks"]:
                judge.hit(_RULE, f"{name} {task} prints every property, passwords too")
                return
    elif name in ("mvn", "mvnw"):
        _maven(judge, name, operands, dict(properties))
    if name in data["config_reads"]:
        _config_read(judge, name, operands, args)
