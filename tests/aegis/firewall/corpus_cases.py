"""The firewall corpora as data: loading, validation, and the one place a policy is applied.

``corpus/attacks.yaml`` and ``corpus/benign.yaml`` hold one request per case with the decision
it must get and a one-line reason. This module turns them into :class:`Request` objects, checks
that the files are well formed (unique ids, required fields, declared classes, one request
form per case) and builds the firewall every case is judged by from the policy written at the
top of each file.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aegis.intent_firewall import Decision, IntentFirewall, Request, Rule, Verdict

__all__ = [
    "ATTACK_CORPORA",
    "BENIGN_CORPORA",
    "CORPUS_DIR",
    "Corpus",
    "CorpusCase",
    "CorpusError",
    "Policy",
    "build_firewall",
    "corpus_kind",
    "corpus_problems",
    "judge",
    "load_corpus",
    "make_firewall",
    "relocated",
    "uncached_firewall",
]

CORPUS_DIR = Path(__file__).parent / "corpus"

#: Which decisions a case may name, per kind of corpus; a file's kind is the last word of its
#: name (``round3_attacks`` is an attacks corpus).
EXPECTATIONS: Mapping[str, frozenset[str]] = {
    "attacks": frozenset({"review", "block"}),
    "benign": frozenset({"allow"}),
}
#: Every corpus file of each kind, judged alike.
ATTACK_CORPORA = ("attacks", "round3_attacks", "devtools_attacks")
BENIGN_CORPORA = ("benign", "round3_benign", "devtools_benign")


def corpus_kind(name: str) -> str:
    """``attacks`` or ``benign`` for a corpus file named ``name`` (``round3_attacks``)."""
    return name.rsplit("_", 1)[-1]


REQUIRED_FIELDS = ("id", "class", "expect", "reason")
REQUEST_FORMS = ("cmd", "sql", "request")
OPTIONAL_FIELDS = ("rules",)
REQUEST_FIELDS = frozenset({"action", "parameters", "context", "confidence", "source"})
#: Shorthand request forms: the action and the parameter key their text goes under.
SHORTHANDS: Mapping[str, tuple[str, str]] = {
    "cmd": ("execute_command", "command"),
    "sql": ("query_database", "query"),
}


class CorpusError(ValueError):
    """A corpus file that does not follow the format described in its header."""


@dataclass(frozen=True, slots=True)
class Policy:
    """What the corpus assumes about the agent's surroundings."""

    cwd: str
    home: str
    allowed_hosts: tuple[str, ...]
    #: Environment variables the deployment knows (``environment:``, optional).
    environment: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusCase:
    id: str
    cls: str
    expect: Decision
    reason: str
    request: Request
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    policy: Policy
    classes: Mapping[str, str]
    cases: tuple[CorpusCase, ...]


def corpus_problems(name: str, document: object) -> list[str]:
    """Every way ``document`` (a parsed corpus file) breaks the format; empty when it is valid."""
    if not isinstance(document, dict):
        return [f"{name}: the file must be a mapping, got {type(document).__name__}"]
    problems: list[str] = []
    policy = document.get("policy")
    if not isinstance(policy, dict) or not {"cwd", "home", "allowed_hosts"} <= policy.keys():
        problems.append(f"{name}: policy must give cwd, home and allowed_hosts")
    classes = document.get("classes")
    if not isinstance(classes, dict) or not classes:
        problems.append(f"{name}: classes must map each class name to its description")
        classes = {}
    cases = document.get("cases")
    if not isinstance(cases, list) or not cases:
        return [*problems, f"{name}: cases must be a non-empty list"]
    seen: set[str] = set()
    used: set[str] = set()
    allowed_expect = EXPECTATIONS.get(corpus_kind(name), frozenset())
    for index, case in enumerate(cases):
        problems.extend(_case_problems(name, index, case, classes, allowed_expect, seen))
        if isinstance(case, dict):
            used.add(str(case.get("class")))
    problems.extend(
        f"{name}: class {unused!r} is declared but has no case" for unused in classes.keys() - used
    )
    return problems


def _case_problems(
    name: str,
    index: int,
    case: object,
    classes: Mapping[str, str],
    allowed_expect: frozenset[str],
    seen: set[str],
) -> list[str]:
    where = f"{name}: case #{index}"
    if not isinstance(case, dict):
        return [f"{where} must be a mapping, got {type(case).__name__}"]
    problems = [f"{where} lacks {field!r}" for field in REQUIRED_FIELDS if field not in case]
    case_id = case.get("id")
    if case_id is not None:
        where = f"{name}: case {case_id!r}"
        if case_id in seen:
            problems.append(f"{where} repeats an id")
        seen.add(str(case_id))
    for field in REQUIRED_FIELDS:
        value = case.get(field)
        if field in case and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{where}: {field} must be a non-empty string, got {value!r}")
    if "class" in case and case["class"] not in classes:
        problems.append(f"{where}: class {case['class']!r} is not declared")
    if "expect" in case and case["expect"] not in allowed_expect:
        problems.append(f"{where}: expect {case['expect']!r} not in {sorted(allowed_expect)}")
    return problems + _form_problems(where, case)


def _form_problems(where: str, case: Mapping[str, Any]) -> list[str]:
    """Problems with how the case gives its request and its optional custom rules."""
    problems = []
    forms = [form for form in REQUEST_FORMS if form in case]
    if len(forms) != 1:
        problems.append(f"{where} must give exactly one of {REQUEST_FORMS}, got {forms}")
    unknown = case.keys() - {*REQUIRED_FIELDS, *REQUEST_FORMS, *OPTIONAL_FIELDS}
    if unknown:
        problems.append(f"{where} has unknown fields {sorted(unknown)}")
    if "request" in case:
        problems.extend(_request_problems(where, case["request"]))
    problems.extend(
        f"{where}: {form} must be a string"
        for form in SHORTHANDS
        if form in case and not isinstance(case[form], str)
    )
    rules = case.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) and r for r in rules):
        problems.append(f"{where}: rules must be a list of patterns")
    return problems


def _request_problems(where: str, request: object) -> list[str]:
    if not isinstance(request, dict):
        return [f"{where}: request must be a mapping"]
    problems = []
    if not isinstance(request.get("action"), str):
        problems.append(f"{where}: request.action must be a string")
    if not isinstance(request.get("parameters", {}), dict):
        problems.append(f"{where}: request.parameters must be a mapping")
    if request.keys() - REQUEST_FIELDS:
        unknown = sorted(request.keys() - REQUEST_FIELDS)
        problems.append(f"{where}: request has unknown fields {unknown}")
    return problems


def _request_of(case: Mapping[str, Any]) -> Request:
    for form, (action, key) in SHORTHANDS.items():
        if form in case:
            return Request(action, {key: case[form]})
    spec = case["request"]
    return Request(
        spec["action"],
        spec.get("parameters", {}),
        spec.get("context", ""),
        spec.get("confidence", 1.0),
        spec.get("source", "default"),
    )


@functools.cache
def load_corpus(name: str) -> Corpus:
    """Parse and validate ``corpus/<name>.yaml``; a malformed file is a :class:`CorpusError`."""
    path = CORPUS_DIR / f"{name}.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = corpus_problems(name, document)
    if problems:
        raise CorpusError("\n".join(problems))
    policy = document["policy"]
    cases = tuple(
        CorpusCase(
            id=case["id"],
            cls=case["class"],
            expect=Decision(case["expect"]),
            reason=case["reason"],
            request=_request_of(case),
            rules=tuple(case.get("rules", ())),
        )
        for case in document["cases"]
    )
    return Corpus(
        name=name,
        policy=Policy(
            policy["cwd"],
            policy["home"],
            tuple(policy["allowed_hosts"]),
            tuple(sorted(dict(policy.get("environment") or {}).items())),
        ),
        classes=dict(document["classes"]),
        cases=cases,
    )


# The engine's constructor is the only thing the corpus needs to know about the policy API.
# Keywords are passed when the constructor names them, so the corpus keeps working while the
# engine grows (a working directory and home directory are newer than allowed_hosts).
_POLICY_KEYWORDS: Mapping[str, tuple[str, ...]] = {
    "allowed_hosts": ("allowed_hosts",),
    "cwd": ("cwd", "working_directory", "workdir"),
    "home": ("home", "home_directory", "home_dir"),
    "environment": ("environment",),
}


def build_firewall(policy: Policy, rules: tuple[str, ...] = ()) -> IntentFirewall:
    """A new firewall with ``policy`` applied and ``rules`` added."""
    accepted = inspect.signature(IntentFirewall).parameters
    options: dict[str, object] = {}
    for field, names in _POLICY_KEYWORDS.items():
        value = getattr(policy, field)
        for keyword in names:
            if keyword in accepted:
                options[keyword] = dict(value) if field == "environment" else value
                break
    firewall = IntentFirewall(**options)  # type: ignore[arg-type]
    for index, pattern in enumerate(rules):
        firewall.block_pattern(Rule(id=f"corpus-rule-{index}", pattern=pattern))
    return firewall


@functools.cache
def make_firewall(policy: Policy, rules: tuple[str, ...] = ()) -> IntentFirewall:
    """The firewall a corpus case is judged by (one per policy and rule set, shared)."""
    return build_firewall(policy, rules)


def uncached_firewall(policy: Policy, run: int) -> IntentFirewall:
    """A firewall no verdict cache can answer for: its policy differs from every other one.

    A cache keyed on the policy (the way to keep verdicts from outliving a policy) would
    otherwise answer a repeated probe; one extra host that no request names makes the
    policy new without changing any verdict.
    """
    hosts = (*policy.allowed_hosts, f"timing-run-{run}.invalid")
    return build_firewall(Policy(policy.cwd, policy.home, hosts, policy.environment))


def relocated(case: CorpusCase, old: str, new: str) -> CorpusCase:
    """``case`` with every mention of the working directory ``old`` moved to ``new``: the
    same request from an agent whose workspace is elsewhere."""

    def move(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(old, new)
        if isinstance(value, Mapping):
            return {move(k): move(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [move(v) for v in value]
        return value

    request = case.request
    moved = Request(
        request.action,
        move(dict(request.parameters)),
        move(request.context),
        request.confidence,
        request.source,
    )
    return CorpusCase(case.id, case.cls, case.expect, case.reason, moved, case.rules)


def judge(policy: Policy, case: CorpusCase) -> Verdict:
    """The verdict ``case`` gets from the public async API."""
    return asyncio.run(make_firewall(policy, case.rules).validate_request(case.request))


def describe(case: CorpusCase, verdict: Verdict) -> str:
    """The assertion message for a case that got the wrong decision."""
    reasons = "; ".join(verdict.reasons) or "no reasons"
    return (
        f"{case.id} [{case.cls}] expected {case.expect.value}, got {verdict.decision.value} "
        f"(score {verdict.score:g}): {case.reason}. Firewall said: {reasons}"
    )


def class_counts(cases: Iterable[CorpusCase]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for case in cases:
        counts[case.cls] = counts.get(case.cls, 0) + 1
    return counts
