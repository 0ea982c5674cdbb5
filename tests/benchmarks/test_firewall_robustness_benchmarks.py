"""The firewall on its worst robustness probes (``--benchmark-enable`` to measure).

Goal: each of these answers in under 20 ms (median), with a verdict or the documented error.
Only the validation is timed: the request is built once, and each round gets a fresh
firewall with a policy no cache has seen (built in the untimed setup), so that no verdict
cache answers instead of the engine. Without ``--benchmark-enable`` each runs once, as a
smoke test; a probe that hangs or crashes the engine is reported first, from a forked
child, instead of stalling the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from aegis.intent_firewall import IntentFirewall, Request, Verdict
from tests.aegis.firewall.corpus_cases import load_corpus, uncached_firewall
from tests.aegis.firewall.probe_runner import run_isolated
from tests.aegis.firewall.robustness_probes import DOCUMENTED_ERRORS, PROBES, Probe

# The shapes that hung, crashed or took longest on the first- and second-generation engines.
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
    "brace-range",
    "long-url",
    "percent-encoding-chain",
    "sql-deep-parens",
    "sql-100k-statements",
    "backtracking-shape",
    "pipes-2040",
    "words-2040",
    "many-command-lines",
    "many-urls-list",
    "many-paths-list",
    "many-sql-list",
    # availability shapes: many values each at its own bound (the request's work budget
    # stops them), lines of thousands of words, text of thousands of distinct characters
    "keys-as-commands",
    "hosts-under-many-keys",
    "max-strings-16k-cyrillic",
    "long-lines-2000-words",
    "long-lines-pipes",
    "distinct-hosts-20000",
    "distinct-han-8000",
    "confusable-cyrillic-16k",
    "url-encoded-redirects",
    "negated-pipelines",
    "redirections-1000",
    "for-loop-2000-words",
    "arith-array-subscripts",
    "heredoc-quoted-into-sh",
    "hyperfine-nested-quotes",
    "bytes-latin1-1mb",
)
BY_ID = {probe.id: probe for probe in PROBES}
POLICY = load_corpus("attacks").policy


def _validator(firewall: IntentFirewall) -> Callable[[Request], Verdict]:
    sync = getattr(firewall, "validate_request_sync", None)
    if callable(sync):
        return sync  # type: ignore[no-any-return]
    return lambda request: asyncio.run(firewall.validate_request(request))


@pytest.mark.parametrize("probe", [BY_ID[name] for name in WORST], ids=lambda probe: probe.id)
def test_worst_probe(request: pytest.FixtureRequest, probe: Probe) -> None:
    first = run_isolated(probe)
    assert first.kind in {"verdict", "documented-error"}, f"{first.kind}: {first.detail}"
    if probe.dangerous and first.kind == "verdict":
        assert first.decision != "allow"
    # Asked for only now: a probe that failed above has nothing to measure.
    benchmark: BenchmarkFixture = request.getfixturevalue("benchmark")
    try:
        built = probe.build()
    except DOCUMENTED_ERRORS:
        benchmark.pedantic(_build_refused, args=(probe,), rounds=5, iterations=1)  # type: ignore[no-untyped-call]
        return

    runs = itertools.count()

    def fresh() -> tuple[tuple[Any, ...], dict[str, Any]]:
        return (_validator(uncached_firewall(POLICY, next(runs))), built), {}

    benchmark.pedantic(_validate, setup=fresh, rounds=5, iterations=1, warmup_rounds=1)  # type: ignore[no-untyped-call]


def _validate(validate: Callable[[Request], Verdict], request: Request) -> None:
    # The documented refusal of a malformed request is an answer too.
    with contextlib.suppress(*DOCUMENTED_ERRORS):
        validate(request)


def _build_refused(probe: Probe) -> None:
    with contextlib.suppress(*DOCUMENTED_ERRORS):
        probe.build()
