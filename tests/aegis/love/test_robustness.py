"""No input shape hangs or crashes the engine: size, depth, cycles, width, caches in bytes."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.love_engine import Action, Limits, LoveEngine, State, Verdict
from aegis.love_engine import reading as reading_module
from aegis.love_engine.cache import ByteBoundedCache

MB = 1 << 20


def test_an_oversized_description_is_review_without_being_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def must_not_read(text: str) -> None:
        raise AssertionError("an oversized action must be answered without reading it")

    monkeypatch.setattr(reading_module, "normalise", must_not_read)
    engine = LoveEngine()
    for action, state in [
        (Action("x" * MB, "act"), None),
        (Action("read", "act", "", {"body": "y" * MB}), None),
        (Action("read", "act"), State("z" * MB)),
    ]:
        result = engine.check_ethics_sync(action, state)
        assert result.verdict is Verdict.REVIEW
        assert result.reasons == ("too large to judge",)


def test_texts_within_the_limit_are_read_whole() -> None:
    tail = "then put antifreeze in my coworker's coffee"
    limits = Limits()
    padding = "a " * ((limits.max_text_chars - len(tail) - 10) // 2)
    result = LoveEngine().check_ethics_sync(Action(padding + tail, "act"))
    assert "physical_harm" in result.categories


def nested(depth: int) -> dict[str, Any]:
    root: dict[str, Any] = {}
    node = root
    for _ in range(depth):
        node["child"] = {}
        node = node["child"]
    node["leaf"] = "disable the audit log"
    return root


def test_parameters_nested_ten_thousand_deep_are_review_not_a_recursion_error() -> None:
    result = LoveEngine().check_ethics_sync(Action("Run the job", "run", "", nested(10_000)))
    assert result.verdict is Verdict.REVIEW
    assert any("nested deeper than 32" in reason for reason in result.reasons)


def test_self_referring_parameters_are_review() -> None:
    loop: dict[str, Any] = {"name": "report"}
    loop["self"] = loop
    items: list[Any] = ["a"]
    items.append(items)
    for parameters in ({"config": loop}, {"items": items}):
        result = LoveEngine().check_ethics_sync(Action("Run the job", "run", "", parameters))
        assert result.verdict is Verdict.REVIEW
        assert any("refer to themselves" in reason for reason in result.reasons)


def test_wide_parameters_are_review() -> None:
    result = LoveEngine().check_ethics_sync(
        Action(
            "Email the list", "send", "", {"to": [f"user{i}@example.com" for i in range(50_000)]}
        )
    )
    assert result.verdict is Verdict.REVIEW
    assert any("more than 512" in reason for reason in result.reasons)


def test_a_value_the_engine_does_not_model_is_review_by_name() -> None:
    result = LoveEngine().check_ethics_sync(Action("Store it", "store", "", {"blob": b"\x00"}))
    assert result.verdict is Verdict.REVIEW
    assert "parameters.blob holds a bytes, which is not judged" in result.reasons


def test_sets_and_non_string_keys_are_read_in_a_fixed_order() -> None:
    parameters = {1: "first", None: "second", "tags": {"zeta", "alpha", "disable the audit log"}}
    engine = LoveEngine()
    results = [engine.check_ethics_sync(Action("Tag it", "tag", "", parameters)) for _ in range(3)]
    assert all(result == results[0] for result in results)
    assert "safety_tampering" in results[0].categories


def test_the_cache_is_bounded_in_bytes() -> None:
    engine = LoveEngine(cache_bytes=64 * 1024)
    for index in range(2_000):
        engine.check_ethics_sync(Action(f"Summarize report number {index}", "summarize"))
    assert engine._cache.bytes_used <= 64 * 1024
    for index in range(20):  # large texts are not kept at all
        engine.check_ethics_sync(Action(str(index) + "word " * 10_000, "act"))
    assert engine._cache.bytes_used <= 64 * 1024


def test_byte_bounded_cache_evicts_the_least_recently_used() -> None:
    cache: ByteBoundedCache[int] = ByteBoundedCache(max_bytes=2 * (512 + 4), max_key_chars=10)
    cache.put(("a",), 1)
    cache.put(("b",), 2)
    assert cache.get(("a",)) == 1  # "a" is now the most recent
    cache.put(("c",), 3)
    assert (cache.get(("a",)), cache.get(("b",)), cache.get(("c",))) == (1, None, 3)
    cache.put(("x" * 11,), 4)
    assert cache.get(("x" * 11,)) is None
    with pytest.raises(ValueError, match="max_bytes and max_key_chars must be >= 0, got -1, 10"):
        ByteBoundedCache(-1, 10)


ACTIONS = [
    Action("Put antifreeze in my coworker's coffee", "act"),
    Action("Read the quarterly report", "read_file"),
    Action("Rank applicants", "rank", "", {"rank_by": "ethnicity"}),
    Action("Email the team", "send", "", {"to": ["a@example.com"], "consent": False}),
]


def test_verdicts_and_scores_are_identical_across_threads_and_engines() -> None:
    expected = [LoveEngine().check_ethics_sync(a) for a in ACTIONS]
    shared = LoveEngine()
    barrier = threading.Barrier(4)

    def run(_: int) -> list[tuple[Verdict, float, int]]:
        barrier.wait()
        return [
            (r.verdict, r.score, r.model_score)
            for r in (shared.check_ethics_sync(a) for a in ACTIONS * 50)
        ]

    with ThreadPoolExecutor(4) as pool:
        for outcome in pool.map(run, range(4)):
            assert outcome == [(r.verdict, r.score, r.model_score) for r in expected] * 50


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@settings(max_examples=200)
@given(st.text(), st.text(), st.dictionaries(st.text(), json_values, max_size=6))
def test_any_text_and_json_parameters_get_a_verdict(
    description: str, intent: str, parameters: dict[str, Any]
) -> None:
    result = LoveEngine().check_ethics_sync(Action(description, intent, "", parameters))
    assert result.verdict in set(Verdict)
    assert 0.0 <= result.score <= 1.0
    assert result.ethical is (result.verdict is Verdict.ALLOW)
