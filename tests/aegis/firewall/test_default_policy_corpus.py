"""The default firewall (no working directory named) against ``corpus/default_policy.yaml``.

With the working directory unknown, ``.``, ``./``, ``$PWD`` and top-level globs stand for it,
never for ``/``: ordinary workspace commands are allowed, the real root and paths that climb
out of the workspace are judged where they land, and the whole unknown root is review.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml

from aegis.intent_firewall import Decision, IntentFirewall, Request
from tests.aegis.firewall.corpus_cases import CORPUS_DIR

_DOCUMENT: dict[str, Any] = yaml.safe_load(
    (CORPUS_DIR / "default_policy.yaml").read_text(encoding="utf-8")
)
_EXPECTATIONS = ("allow", "review", "block", "not-allow")


def _cases(kind: str) -> list[Any]:
    return [pytest.param(case, id=case["cmd"][:60]) for case in _DOCUMENT[kind]]


def _decision(command: str) -> tuple[Decision, str]:
    request = Request(action="execute_command", parameters={"command": command})
    verdict = asyncio.run(IntentFirewall().validate_request(request))
    return verdict.decision, "; ".join(verdict.reasons) or "no reasons"


@pytest.mark.parametrize("case", _cases("benign"))
def test_a_workspace_command_is_allowed_by_the_default_firewall(case: dict[str, str]) -> None:
    decision, reasons = _decision(case["cmd"])
    assert decision is Decision.ALLOW, f"{case['cmd']!r} ({case['reason']}): {reasons}"


@pytest.mark.parametrize("case", _cases("attacks"))
def test_an_attack_gets_its_decision_from_the_default_firewall(case: dict[str, str]) -> None:
    decision, reasons = _decision(case["cmd"])
    expected = case["expect"]
    message = f"{case['cmd']!r} ({case['reason']}): expected {expected}, got {reasons}"
    if expected == "not-allow":
        assert decision is not Decision.ALLOW, message
    else:
        assert decision.value == expected, message


def test_globs_are_judged_as_text_never_against_this_machines_disk(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    """The firewall judges text: what ``*`` could match here says nothing about where the
    command will run, so no verdict may depend on (or even look at) the local file system."""
    import glob
    import os
    import pathlib

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the firewall looked at the disk: {args!r}")

    monkeypatch.chdir(tmp_path)
    for owner, name in ((os, "listdir"), (os, "scandir"), (os, "walk"), (glob, "glob")):
        monkeypatch.setattr(owner, name, refuse)
    monkeypatch.setattr(glob, "iglob", refuse)
    monkeypatch.setattr(pathlib.Path, "iterdir", refuse)
    monkeypatch.setattr(pathlib.Path, "glob", refuse)
    (tmp_path / "etc").mkdir()  # a local directory named like a system one changes nothing
    decisions = {
        command: _decision(command)[0]
        for command in ("rm -rf ./*", "cat /e?c/sh*", "cd / && rm -rf *", "ls *.py", "rm -rf e*")
    }
    assert decisions == {
        "rm -rf ./*": Decision.REVIEW,
        "cat /e?c/sh*": Decision.BLOCK,
        "cd / && rm -rf *": Decision.BLOCK,
        "ls *.py": Decision.ALLOW,
        "rm -rf e*": Decision.ALLOW,
    }


def test_the_default_policy_corpus_is_well_formed_and_large_enough() -> None:
    benign, attacks = _DOCUMENT["benign"], _DOCUMENT["attacks"]
    assert len(benign) >= 60
    assert len(attacks) >= 30
    commands = [case["cmd"] for case in benign + attacks]
    assert len(commands) == len(set(commands)), "a command is listed twice"
    for case in benign + attacks:
        assert case.get("reason"), case
        assert case.get("expect", "allow") in _EXPECTATIONS, case
