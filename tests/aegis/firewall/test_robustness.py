"""No input shape hangs or crashes the firewall: a verdict or the documented error, always.

Each probe runs in a forked child (see ``probe_runner``) so that a hang or a hard crash is
reported for that probe instead of taking the session down. Speed is not asserted here: the
worst probes are measured in ``tests/benchmarks/test_firewall_robustness_benchmarks.py``.
"""

from __future__ import annotations

import pytest

from tests.aegis.firewall.probe_runner import run_isolated
from tests.aegis.firewall.robustness_probes import PROBES, Probe


@pytest.mark.parametrize("probe", PROBES, ids=lambda probe: probe.id)
def test_a_probe_gets_a_verdict_or_the_documented_error(probe: Probe) -> None:
    outcome = run_isolated(probe)
    assert outcome.kind in {"verdict", "documented-error"}, (
        f"{probe.id} ({probe.reason}): {outcome.kind}: {outcome.detail}"
    )
    if probe.dangerous and outcome.kind == "verdict":
        assert outcome.decision != "allow", f"{probe.id} ({probe.reason}) was allowed"


def test_there_are_enough_probes_with_unique_ids() -> None:
    ids = [probe.id for probe in PROBES]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)
