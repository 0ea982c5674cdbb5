"""The firewall on its worst robustness probes (``--benchmark-enable`` to measure).

Goal: each of these answers in under 20 ms (median), with a verdict or the documented error.
Without ``--benchmark-enable`` each runs once, as a smoke test. A fresh firewall per round
keeps the verdict cache from answering instead of the engine.
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from tests.aegis.firewall.corpus_cases import load_corpus, make_firewall
from tests.aegis.firewall.probe_runner import Outcome, run_in_process, run_isolated
from tests.aegis.firewall.robustness_probes import PROBES, Probe

# The shapes that hung, crashed or took longest on the first-generation engine.
WORST = (
    "str-50k-letters",
    "str-50k-then-attack",
    "str-1mb-text",
    "str-1mb-commands",
    "str-1mb-cjk",
    "json-text-10000-deep",
    "json-text-huge-int",
    "dict-10000-deep",
    "shared-references",
    "diamond-2-to-60",
    "yaml-billion-laughs",
    "huge-list",
    "huge-dict",
    "combining-50k",
    "nested-substitution-5000",
    "pipes-10000",
    "semicolons-20000",
    "unbalanced-dollar-quote",
    "heredoc-no-end",
    "brace-bomb",
    "percent-encoding-chain",
    "sql-deep-parens",
    "sql-100k-statements",
    "backtracking-shape",
)
BY_ID = {probe.id: probe for probe in PROBES}
POLICY = load_corpus("attacks").policy


@pytest.mark.parametrize("probe", [BY_ID[name] for name in WORST], ids=lambda probe: probe.id)
def test_worst_probe(benchmark: BenchmarkFixture, probe: Probe) -> None:
    # A probe that hangs or crashes the engine is reported here instead of stalling the run.
    first = run_isolated(probe)
    assert first.kind in {"verdict", "documented-error"}, f"{first.kind}: {first.detail}"

    def one_round() -> Outcome:
        make_firewall.cache_clear()
        return run_in_process(probe, make_firewall(POLICY))

    outcome = benchmark.pedantic(  # type: ignore[no-untyped-call]
        one_round, rounds=5, iterations=1, warmup_rounds=1
    )
    assert outcome.kind in {"verdict", "documented-error"}, outcome.detail
    if probe.dangerous and outcome.kind == "verdict":
        assert outcome.decision != "allow"
