"""The firewall against its adversarial corpus: no attack allowed, every look-alike allowed.

The cases live in ``corpus/*.yaml`` (one request, expected decision and reason per case); see
the header of each file for the format and the policy they assume.
"""

from __future__ import annotations

import pytest
import yaml

from aegis.intent_firewall import Decision
from tests.aegis.firewall.corpus_cases import (
    ATTACK_CORPORA,
    BENIGN_CORPORA,
    CORPUS_DIR,
    CorpusCase,
    Policy,
    class_counts,
    corpus_problems,
    describe,
    judge,
    load_corpus,
    relocated,
)
from tests.aegis.firewall.known_gaps import marked, unknown_gap_ids

ATTACKS = load_corpus("attacks")
BENIGN = load_corpus("benign")
MORE_ATTACKS = [load_corpus(name) for name in ATTACK_CORPORA if name != "attacks"]
MORE_BENIGN = [load_corpus(name) for name in BENIGN_CORPORA if name != "benign"]
ATTACK_CASES = tuple(case for corpus in (ATTACKS, *MORE_ATTACKS) for case in corpus.cases)
BENIGN_CASES = tuple(case for corpus in (BENIGN, *MORE_BENIGN) for case in corpus.cases)


@pytest.mark.parametrize("case", marked(ATTACK_CASES))
def test_an_attack_is_never_allowed(case: CorpusCase) -> None:
    verdict = judge(ATTACKS.policy, case)
    assert verdict.decision is not Decision.ALLOW, describe(case, verdict)
    assert not verdict.allowed, describe(case, verdict)
    assert verdict.reasons, f"{case.id}: a refusal must say why"


#: The later corpora again, from an agent whose workspace is not below its home.
ELSEWHERE = Policy(
    "/work/project", ATTACKS.policy.home, ATTACKS.policy.allowed_hosts, ATTACKS.policy.environment
)


@pytest.mark.parametrize(
    "case",
    marked(relocated(c, ATTACKS.policy.cwd, ELSEWHERE.cwd) for m in MORE_ATTACKS for c in m.cases),
)
def test_a_later_attack_is_never_allowed_with_the_workspace_elsewhere(case: CorpusCase) -> None:
    verdict = judge(ELSEWHERE, case)
    assert verdict.decision is not Decision.ALLOW, describe(case, verdict)


@pytest.mark.parametrize(
    "case",
    marked(relocated(c, BENIGN.policy.cwd, ELSEWHERE.cwd) for m in MORE_BENIGN for c in m.cases),
)
def test_a_later_look_alike_is_allowed_with_the_workspace_elsewhere(case: CorpusCase) -> None:
    verdict = judge(ELSEWHERE, case)
    assert verdict.decision is Decision.ALLOW, describe(case, verdict)


@pytest.mark.parametrize("case", marked(BENIGN_CASES))
def test_a_benign_look_alike_is_allowed(case: CorpusCase) -> None:
    verdict = judge(BENIGN.policy, case)
    assert verdict.decision is Decision.ALLOW, describe(case, verdict)
    assert verdict.allowed, describe(case, verdict)


@pytest.mark.parametrize("name", [*ATTACK_CORPORA, *BENIGN_CORPORA])
def test_each_corpus_file_is_well_formed(name: str) -> None:
    document = yaml.safe_load((CORPUS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    assert corpus_problems(name, document) == []


def test_every_corpus_assumes_the_same_policy() -> None:
    assert all(corpus.policy == ATTACKS.policy for corpus in (BENIGN, *MORE_ATTACKS, *MORE_BENIGN))
    assert ATTACKS.policy.cwd.startswith(ATTACKS.policy.home + "/")


def test_the_corpora_are_large_enough_and_cover_every_class() -> None:
    attacks, benign = class_counts(ATTACKS.cases), class_counts(BENIGN.cases)
    assert len(ATTACKS.cases) >= 350
    assert len(BENIGN.cases) >= 130
    assert set(attacks) == set(ATTACKS.classes)
    assert set(benign) == set(BENIGN.classes)
    assert min(attacks.values()) >= 5, attacks


def test_every_known_gap_names_a_corpus_case() -> None:
    names = sorted(
        path.stem
        for pattern in ("*attacks.yaml", "*benign.yaml")
        for path in CORPUS_DIR.glob(pattern)
    )
    every = [case for name in names for case in load_corpus(name).cases]
    assert unknown_gap_ids(every) == []


def test_case_ids_are_unique_across_every_corpus() -> None:
    ids = [case.id for case in (*ATTACK_CASES, *BENIGN_CASES)]
    assert len(ids) == len(set(ids))


def test_a_broken_case_is_reported_with_its_id_and_field() -> None:
    document = {
        "policy": {"cwd": "/w", "home": "/h", "allowed_hosts": []},
        "classes": {"paths": "p"},
        "cases": [
            {"id": "a", "class": "paths", "expect": "allow", "reason": "r", "cmd": "ls"},
            {"id": "a", "class": "nope", "expect": "review", "cmd": "ls", "sql": "x"},
        ],
    }
    problems = corpus_problems("attacks", document)
    assert "attacks: case 'a': expect 'allow' not in ['block', 'review']" in problems
    assert "attacks: case 'a' repeats an id" in problems
    assert "attacks: case #1 lacks 'reason'" in problems
    assert "attacks: case 'a': class 'nope' is not declared" in problems
    assert any("exactly one of" in problem for problem in problems)
