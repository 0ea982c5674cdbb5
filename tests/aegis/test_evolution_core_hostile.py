"""The evolution core against hostile arguments: every refusal names its argument.

Values nobody expects (a 5,000-digit int, an int too large for a float, a str subclass
whose ``__eq__`` and ``__hash__`` lie, an object whose repr raises, a 10 MB string) are
either accepted as the plain value they stand for or refused with a TypeError, ValueError
or KeyError naming the argument; rescoring one experience over and over keeps it bounded.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.evolution_core import EvolutionEngine, Outcome


class LyingStr(str):
    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 1


class PosingStr(str):
    """Hashes and compares as ``'failure'`` whatever its text."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return hash("failure")


class Unprintable:
    def __repr__(self) -> str:
        raise RuntimeError("no repr for you")


HOSTILE: list[object] = [
    None,
    b"bytes",
    10**5000,
    -(10**5000),
    10**400,
    float("nan"),
    float("inf"),
    True,
    Unprintable(),
    "x" * 10_000_000,
    [[]],
    {1: 2},
]

Call = Callable[[EvolutionEngine, object], Any]
CALLS: dict[str, tuple[str, Call]] = {
    "action": ("action", lambda e, v: e.log_experience_sync(v, "success", 0.5, 0.5)),  # type: ignore[arg-type]
    "outcome": ("outcome", lambda e, v: e.log_experience_sync("a", v, 0.5, 0.5)),  # type: ignore[arg-type]
    "ethical_score": (
        "ethical_score",
        lambda e, v: e.log_experience_sync("a", "success", v, 0.5),  # type: ignore[arg-type]
    ),
    "safety_score": (
        "safety_score",
        lambda e, v: e.log_experience_sync("a", "success", 0.5, v),  # type: ignore[arg-type]
    ),
    "experience_id": ("experience_id", lambda e, v: asyncio.run(e.learn_from_ethics(v, 0.5))),  # type: ignore[arg-type]
    "score": ("score", lambda e, v: asyncio.run(e.learn_from_safety(1, v))),  # type: ignore[arg-type]
    "concerns": ("concerns", lambda e, v: asyncio.run(e.learn_from_ethics(1, 0.5, v))),  # type: ignore[arg-type]
    "since": ("since", lambda e, v: e.experiences(since=v)),  # type: ignore[arg-type]
    "query action": ("action", lambda e, v: e.experiences(action=v)),  # type: ignore[arg-type]
    "query outcome": ("outcome", lambda e, v: e.experiences(outcome=v)),  # type: ignore[arg-type]
    "success_rate": ("action", lambda e, v: e.success_rate(v)),  # type: ignore[arg-type]
    "get": ("experience_id", lambda e, v: e.get(v)),  # type: ignore[arg-type]
    "max_history": ("max_history", lambda e, v: EvolutionEngine(v)),  # type: ignore[arg-type]
    "max_actions": ("max_actions", lambda e, v: EvolutionEngine(max_actions=v)),  # type: ignore[arg-type]
}


def _accepted_or_refused(name: str, value: object) -> None:
    engine = EvolutionEngine()
    engine.log_experience_sync("a", "success", 0.5, 0.5)
    field, call = CALLS[name]
    try:
        call(engine, value)
    except (TypeError, ValueError, KeyError) as error:
        message = str(error)
        assert field in message, message[:300]
        assert len(message) < 1_000, message[:300]
    metrics = engine.metrics()  # whatever happened, the totals still add up
    assert metrics.successes + metrics.failures + metrics.learnings == metrics.total_experiences
    assert 0.0 <= metrics.mean_ethical_score <= 1.0


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_argument_refuses_hostile_values_naming_itself(name: str) -> None:
    for value in HOSTILE:
        _accepted_or_refused(name, value)


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(sorted(CALLS)),
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=2**1000, max_value=2**20000),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(),
        st.binary(),
        st.lists(st.one_of(st.text(), st.integers()), max_size=3),
        st.dictionaries(st.integers(), st.text(), max_size=3),
    ),
)
def test_any_value_is_accepted_or_refused_naming_its_argument(name: str, value: object) -> None:
    _accepted_or_refused(name, value)


def test_a_str_subclass_with_a_lying_hash_cannot_merge_actions() -> None:
    engine = EvolutionEngine()
    engine.log_experience_sync(LyingStr("read"), "success", 0.9, 0.9)
    engine.log_experience_sync(LyingStr("delete"), "failure", 0.9, 0.9)
    assert engine.metrics().action_types == 2
    assert type(engine.get(1).action) is str
    assert [e.action for e in engine.experiences(action=LyingStr("delete"))] == ["delete"]
    assert engine.success_rate(LyingStr("read")) == 1.0
    assert engine.log_experience_sync("a", LyingStr("success"), 0.5, 0.5).outcome is Outcome.SUCCESS
    posing = engine.log_experience_sync("a", PosingStr("success"), 0.5, 0.5)
    assert posing.outcome is Outcome.SUCCESS


def test_an_int_too_large_for_a_float_is_out_of_range_not_an_overflow() -> None:
    engine = EvolutionEngine()
    engine.log_experience_sync("a", "success", 0.5, 0.5)
    with pytest.raises(ValueError, match="ethical_score must be in"):
        engine.log_experience_sync("a", "success", 10**400, 0.5)
    assert engine.experiences(since=-(10**400))[0].id == 1  # before everything
    assert engine.experiences(since=10**400) == []  # after everything
    with pytest.raises(ValueError, match="max_history must be an int in"):
        EvolutionEngine(10**30)


def test_rescoring_one_experience_over_and_over_keeps_it_bounded() -> None:
    from aegis.evolution_core.checks import MAX_FEEDBACK

    engine = EvolutionEngine()
    experience = engine.log_experience_sync("a", "success", 0.5, 0.5)

    async def rescore() -> None:
        for round_ in range(2_000):
            await engine.learn_from_ethics(experience.id, (round_ % 10) / 10, [f"round {round_}"])

    asyncio.run(rescore())
    feedback = engine.get(experience.id).feedback
    assert len(feedback) == MAX_FEEDBACK
    assert feedback[-1].concerns == ("round 1999",)  # the most recent are kept
    assert engine.metrics().mean_ethical_score == pytest.approx(0.9)


def test_a_clock_reading_nan_does_not_break_the_time_order() -> None:
    readings = iter([1.0, math.nan, 2.0, math.nan, 3.0])
    engine = EvolutionEngine(clock=lambda: next(readings))
    for _ in range(5):
        engine.log_experience_sync("a", "success", 0.5, 0.5)
    stamps = [e.timestamp for e in engine.experiences()]
    assert stamps == [1.0, 1.0, 2.0, 2.0, 3.0]
    assert [e.id for e in engine.experiences(since=2.0)] == [3, 4, 5]
