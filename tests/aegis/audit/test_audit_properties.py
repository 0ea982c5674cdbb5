"""Audit log properties over open-ended operations (Hypothesis)."""

from __future__ import annotations

import atexit
import json
import math
import re
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from aegis.audit import AuditLog, Checkpoint, verify_consistency, verify_inclusion
from aegis.audit.encoding import canonical_details

ACTIONS = ["firewall", "ethics", "hitl", "evolution"]


def _filled() -> AuditLog:
    log = AuditLog()
    for index in range(120):
        log.log_action_sync(ACTIONS[index % 4] if index % 7 else "rare", {"i": index})
    return log


LOG = _filled()
atexit.register(LOG.close)
ALL = sorted(LOG.query_sync(), key=lambda e: e.seq)
TIMES = sorted({e.timestamp for e in ALL})


@given(
    st.one_of(st.none(), st.sampled_from(TIMES)),
    st.one_of(st.none(), st.sampled_from(TIMES)),
    st.one_of(st.none(), st.lists(st.sampled_from([*ACTIONS, "rare", "absent"]), max_size=3)),
    st.one_of(st.none(), st.integers(0, 130)),
)
def test_queries_equal_a_brute_force_filter(
    start: float | None, end: float | None, actions: list[str] | None, limit: int | None
) -> None:
    expected = [
        e
        for e in reversed(ALL)
        if (start is None or e.timestamp_ns >= int(start * 1e9))
        and (end is None or e.timestamp_ns < int(end * 1e9))
        and (actions is None or e.action in actions)
    ]
    expected.sort(key=lambda e: (e.timestamp_ns, e.seq), reverse=True)
    if limit is not None:
        expected = expected[:limit]
    assert [e.seq for e in LOG.query_sync(start, end, actions, limit)] == [e.seq for e in expected]


class AuditModel(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.log = AuditLog()
        self.hashes: list[bytes] = []
        self.checkpoints: list[Checkpoint] = []

    @rule(count=st.integers(1, 5), action=st.sampled_from(ACTIONS), value=st.text(max_size=10))
    def append(self, count: int, action: str, value: str) -> None:
        for _ in range(count):
            entry = self.log.log_action_sync(action, {"value": value})
            assert entry.seq == len(self.hashes) + 1
            assert entry.prev_hash == (self.hashes[-1] if self.hashes else bytes(32))
            self.hashes.append(entry.entry_hash)

    @rule()
    def checkpoint(self) -> None:
        held = self.log.checkpoint()
        assert held.size == len(self.hashes)
        self.checkpoints.append(held)

    @rule(data=st.data())
    def prove_inclusion(self, data: st.DataObject) -> None:
        if not self.hashes:
            return
        seq = data.draw(st.integers(1, len(self.hashes)))
        proof = self.log.inclusion_proof(seq)
        root = self.log.merkle_root()
        assert verify_inclusion(self.hashes[seq - 1], seq - 1, len(self.hashes), proof, root)

    @invariant()
    def verifies_and_extends_every_checkpoint(self) -> None:
        for held in self.checkpoints[-3:]:
            report = self.log.verify_sync(checkpoint=held)
            assert report.ok, report.findings
            proof = self.log.consistency_proof(held.size)
            assert verify_consistency(
                held.size, len(self.hashes), held.root, self.log.merkle_root(), proof
            )

    def teardown(self) -> None:
        self.log.close()


TestAuditModel = AuditModel.TestCase
TestAuditModel.settings = settings(max_examples=25, stateful_step_count=15, deadline=None)


_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(), _JSON_VALUES, max_size=6))
def test_canonical_details_is_sorted_compact_utf8_json(details: dict[str, object]) -> None:
    reference = json.dumps(
        details, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    assert canonical_details(details) == reference
    assert canonical_details(MappingProxyType(details)) == reference


@given(st.dictionaries(st.text(), _JSON_SCALARS, min_size=1, max_size=4), st.data())
def test_a_non_finite_float_is_refused_by_key_in_flat_details(
    details: dict[str, object], data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(sorted(details)))
    details[key] = data.draw(st.sampled_from([math.nan, math.inf, -math.inf]))
    with pytest.raises(TypeError, match=re.escape(f"details[{key!r}] is")):
        canonical_details(details)
