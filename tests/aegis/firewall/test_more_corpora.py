"""The firewall against the corpora grown beside the first two: ``corpus/*_attacks.yaml`` and
``corpus/*_benign.yaml``.

Each file has the format and the policy of ``attacks.yaml``/``benign.yaml`` (its kind is the
last word of its name) and one class per kind of defect it covers; its cases are held to the
same decisions: an attack never allowed, a look-alike always allowed.
"""

from __future__ import annotations

import pytest
import yaml

from aegis.intent_firewall import Decision
from tests.aegis.firewall.corpus_cases import (
    CORPUS_DIR,
    CorpusCase,
    corpus_problems,
    describe,
    judge,
    load_corpus,
)
from tests.aegis.firewall.known_gaps import known_gaps

NAMES = {
    kind: sorted(path.stem for path in CORPUS_DIR.glob(f"*_{kind}.yaml"))
    for kind in ("attacks", "benign")
}
BASE = load_corpus("attacks")


def _cases(kind: str) -> list[tuple[str, CorpusCase]]:
    return [(name, case) for name in NAMES[kind] for case in load_corpus(name).cases]


def _params(kind: str) -> list[object]:
    """Each case with its file's name, a known gap marked strict xfail."""
    gaps = known_gaps()
    return [
        pytest.param(
            name,
            case,
            id=case.id,
            marks=[pytest.mark.xfail(strict=True, reason=f"known gap: {gaps[case.id]}")]
            if case.id in gaps
            else [],
        )
        for name, case in _cases(kind)
    ]


@pytest.mark.parametrize(("name", "case"), _params("attacks"))
def test_an_attack_is_never_allowed(name: str, case: CorpusCase) -> None:
    verdict = judge(load_corpus(name).policy, case)
    assert verdict.decision is not Decision.ALLOW, describe(case, verdict)
    assert verdict.reasons, f"{case.id}: a refusal must say why"


@pytest.mark.parametrize(("name", "case"), _params("benign"))
def test_a_benign_look_alike_is_allowed(name: str, case: CorpusCase) -> None:
    verdict = judge(load_corpus(name).policy, case)
    assert verdict.decision is Decision.ALLOW, describe(case, verdict)


@pytest.mark.parametrize("name", NAMES["attacks"] + NAMES["benign"])
def test_each_file_is_well_formed_and_assumes_the_shared_policy(name: str) -> None:
    document = yaml.safe_load((CORPUS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    assert corpus_problems(name, document) == []
    assert load_corpus(name).policy == BASE.policy


def test_ids_are_unique_across_every_corpus() -> None:
    base = (*BASE.cases, *load_corpus("benign").cases)
    ids = [case.id for case in base] + [case.id for kind in NAMES for _, case in _cases(kind)]
    assert len(ids) == len(set(ids))
