"""The everyday developer corpus under the firewall's own defaults.

``corpus/devtools_benign.yaml`` and ``devtools_attacks.yaml`` are judged under their corpus
policy by ``test_corpus.py``. Here the same commands meet ``IntentFirewall`` as an
application builds it, naming only a working directory and a home: nothing but localhost is
an allowed host, so the ``network`` class (downloads from GitHub and PyPI) is left out, and
every other everyday command must still be allowed and every attack variant still refused.
"""

from __future__ import annotations

import asyncio

import pytest

from aegis.intent_firewall import Decision, IntentFirewall
from tests.aegis.firewall.corpus_cases import CorpusCase, describe, load_corpus

BENIGN = load_corpus("devtools_benign")
ATTACKS = load_corpus("devtools_attacks")
#: The class whose commands need hosts the default policy does not allow.
NEEDS_HOSTS = "network"

_FIREWALL = IntentFirewall(working_directory="/work/project", home="/home/agent")


def _decision(case: CorpusCase) -> tuple[Decision, str]:
    verdict = asyncio.run(_FIREWALL.validate_request(case.request))
    return verdict.decision, describe(case, verdict)


@pytest.mark.parametrize(
    "case", [c for c in BENIGN.cases if c.cls != NEEDS_HOSTS], ids=lambda c: c.id
)
def test_an_everyday_command_is_allowed_by_the_default_firewall(case: CorpusCase) -> None:
    decision, message = _decision(case)
    assert decision is Decision.ALLOW, message


@pytest.mark.parametrize(
    "case", [c for c in BENIGN.cases if c.cls == NEEDS_HOSTS], ids=lambda c: c.id
)
def test_a_download_from_a_host_the_default_does_not_allow_is_review(case: CorpusCase) -> None:
    decision, message = _decision(case)
    assert decision is Decision.REVIEW, message


@pytest.mark.parametrize("case", ATTACKS.cases, ids=lambda c: c.id)
def test_an_attack_variant_is_refused_by_the_default_firewall(case: CorpusCase) -> None:
    decision, message = _decision(case)
    assert decision is not Decision.ALLOW, message


def test_the_corpus_spans_the_ecosystems_it_names() -> None:
    counts: dict[str, int] = {}
    for case in BENIGN.cases:
        counts[case.cls] = counts.get(case.cls, 0) + 1
    assert len(BENIGN.cases) >= 600
    assert set(counts) == set(BENIGN.classes)
    assert min(count for cls, count in counts.items() if cls != NEEDS_HOSTS) >= 10, counts
