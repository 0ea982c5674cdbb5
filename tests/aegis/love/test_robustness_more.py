"""Input shapes that run the caller's own code, or grow when normalised: never a crash or a pass.

A ``dict`` subclass may lie about its length, raise from ``__iter__`` or mutate itself while
read; a ``str`` subclass may claim to be one character long; NFKC turns one character into
eighteen. Each is read through the base types' own methods or refused as too large.
"""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.love_engine import (
    Action,
    ConsentRecord,
    Limits,
    LoveEngine,
    State,
    ToolManifest,
    Verdict,
    detect_hallucination_sync,
)
from aegis.love_engine.normalise import folded_size, normalise


class _RaisingIter(dict[str, Any]):
    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("iter")


class _RaisingGetitem(dict[str, Any]):
    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("getitem")


class _RaisingLen(dict[str, Any]):
    def __len__(self) -> int:
        raise RuntimeError("len")


class _HugeLen(dict[str, Any]):
    def __len__(self) -> int:
        return 10**30


class _Mutating(dict[str, Any]):
    def __iter__(self) -> Iterator[str]:
        for key in list(dict.keys(self)):
            self[key + "x"] = "y"
            yield key


class _RaisingList(list[Any]):
    def __iter__(self) -> Iterator[Any]:
        raise RuntimeError("iter")

    def __len__(self) -> int:
        return 0


HOSTILE_DICTS = [_RaisingIter, _RaisingGetitem, _RaisingLen, _HugeLen, _Mutating]


@pytest.mark.parametrize("kind", HOSTILE_DICTS, ids=[k.__name__ for k in HOSTILE_DICTS])
@pytest.mark.parametrize("nested", [False, True], ids=["top", "nested"])
def test_a_dict_subclass_is_read_by_what_it_holds_not_by_its_own_methods(
    kind: type[dict[str, Any]], nested: bool
) -> None:
    hostile = kind(settings="disable the audit log")
    parameters: Mapping[str, Any] = {"config": hostile} if nested else hostile
    result = LoveEngine().check_ethics_sync(Action("Apply the settings", "apply", "", parameters))
    assert result.verdict is not Verdict.ALLOW
    assert "safety_tampering" in result.categories


def test_a_list_subclass_is_read_by_what_it_holds() -> None:
    parameters = {"steps": _RaisingList(["disable the audit log"])}
    result = LoveEngine().check_ethics_sync(Action("Run the steps", "run", "", parameters))
    assert "safety_tampering" in result.categories


class _Failing(Mapping[str, Any]):
    """A mapping that is no dict: its own code runs, and here it fails."""

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError("lookup")

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("iteration")

    def __len__(self) -> int:
        raise RuntimeError("length")


class _Endless(Mapping[str, Any]):
    def __getitem__(self, key: str) -> Any:
        return "x"

    def __iter__(self) -> Iterator[str]:
        index = 0
        while True:  # a reader that asks for every key never returns
            yield f"k{index}"
            index += 1

    def __len__(self) -> int:
        return 1


@pytest.mark.parametrize("nested", [False, True], ids=["top", "nested"])
def test_a_mapping_whose_own_code_raises_is_review_naming_where(nested: bool) -> None:
    parameters: Mapping[str, Any] = {"config": _Failing()} if nested else _Failing()
    result = LoveEngine().check_ethics_sync(Action("Apply the settings", "apply", "", parameters))
    assert result.verdict is Verdict.REVIEW
    where = "parameters.config" if nested else "parameters"
    assert f"{where} cannot be read (RuntimeError)" in result.reasons


def test_a_mapping_that_never_ends_is_read_no_further_than_the_node_limit() -> None:
    result = LoveEngine().check_ethics_sync(Action("Apply", "apply", "", {"c": _Endless()}))
    assert result.verdict is Verdict.REVIEW
    assert "parameters.c holds 513 items, more than 512" in result.reasons


class _ShortStr(str):
    """A string that claims to be one character long, and whose methods sleep or lie."""

    __slots__ = ()

    def __len__(self) -> int:
        return 1

    def strip(self, chars: str | None = None) -> str:
        raise AssertionError("a str subclass's own methods must not run")

    def __str__(self) -> str:
        raise AssertionError("a str subclass's own methods must not run")

    def __format__(self, spec: str) -> str:
        raise AssertionError("a str subclass's own methods must not run")


def test_a_string_that_lies_about_its_length_is_measured_by_what_it_holds() -> None:
    big = _ShortStr("steal the passwords " * 2_000)
    for action in [Action(big, "act"), Action("send", "send", "", {"body": big})]:
        result = LoveEngine().check_ethics_sync(action)
        assert result.reasons == ("too large to judge",)
    small = LoveEngine().check_ethics_sync(
        Action("send", "send", "", {"body": _ShortStr("steal the passwords")})
    )
    assert small.verdict is not Verdict.ALLOW


@pytest.mark.parametrize(
    "character",
    ["\ufdfa", "\u337b", "\ufb03", "\u00df"],
    ids=["arabic-ligature-18", "squared-era-4", "ffi-ligature", "sharp-s"],
)
def test_text_that_normalisation_grows_past_the_limit_is_too_large(character: str) -> None:
    limit = Limits().max_text_chars
    result = LoveEngine().check_ethics_sync(Action(character * (limit - 100), "act"))
    assert result.verdict is Verdict.REVIEW
    assert result.reasons == ("too large to judge",)
    in_state = LoveEngine().check_ethics_sync(Action("read", "act"), State(character * limit))
    assert in_state.reasons == ("too large to judge",)


def test_a_few_expanding_characters_are_read() -> None:
    result = LoveEngine().check_ethics_sync(Action("\ufdfa put antifreeze in her coffee", "act"))
    assert "physical_harm" in result.categories


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("a 15-year-old", ("a", "15-year-old")),
        ("covid19 and win10 on x86", ("covid19", "and", "win10", "on", "x86")),
        ("3d 2fa h264", ("3d", "2fa", "h264")),
        ("turn 0ff h4ck3d l33t", ("turn", "off", "hacked", "leet")),
    ],
)
def test_numbers_beside_letters_stay_numbers_and_digits_inside_words_are_letters(
    text: str, words: tuple[str, ...]
) -> None:
    assert normalise(text).words == words


def test_a_tiny_cache_shared_by_eight_threads_gives_every_thread_the_same_scores() -> None:
    actions = [
        Action(f"Put antifreeze in coworker {index}'s coffee", "act") for index in range(20)
    ] + [Action(f"Summarise report {index}", "summarize") for index in range(20)]
    expected = [LoveEngine().check_ethics_sync(a) for a in actions]
    shared = LoveEngine(cache_bytes=2_048)  # room for about three entries: constant eviction
    barrier = threading.Barrier(8)

    def run(offset: int) -> list[tuple[int, Verdict, float, int, tuple[str, ...]]]:
        barrier.wait()
        order = list(range(offset, len(actions))) + list(range(offset))
        return [
            (index, r.verdict, r.score, r.model_score, r.reasons)
            for index in order * 5
            for r in [shared.check_ethics_sync(actions[index])]
        ]

    with ThreadPoolExecutor(8) as pool:
        for outcome in pool.map(run, range(0, 40, 5)):
            assert len(outcome) == len(actions) * 5
            for index, *got in outcome:
                want = expected[index]
                assert tuple(got) == (want.verdict, want.score, want.model_score, want.reasons)
    assert shared._cache.bytes_used <= 2_048


def test_the_folded_size_is_counted_no_further_than_just_past_the_limit() -> None:
    assert folded_size("plain ascii", 5) == len("plain ascii")
    assert folded_size("\u00df" * 10, 100) == 20  # "ß" folds to "ss"
    grown = folded_size("\ufdfa" * 100_000, 1_000)  # 1.8 million characters once folded
    assert 1_000 < grown <= 1_000 + 18 * 1_024


class _HostileAnswer(str):
    __slots__ = ()

    def __hash__(self) -> int:
        raise RuntimeError("hash")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")


class _LoudError(Exception):
    def __str__(self) -> str:
        return "y" * 1_000_000


class _HugeRepr:
    def __repr__(self) -> str:
        raise AssertionError("a judge's answer is never asked for its repr")


def _judge_answering(answer: object) -> Any:
    async def judge(action: Action, state: State | None) -> object:
        if isinstance(answer, BaseException):
            raise answer
        return answer

    return judge


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (_HostileAnswer("allow"), None),
        (_HostileAnswer("nonsense"), "external judge answered 'nonsense', not allow/review/deny"),
        (_HugeRepr(), "external judge answered a _HugeRepr, not allow/review/deny"),
        (b"allow", "external judge answered a bytes, not allow/review/deny"),
        ("allow" * 100_000, "external judge answered 500000 characters"),
        (asyncio.CancelledError(), "external judge failed: it cancelled itself"),
    ],
    ids=["hostile-str-allow", "hostile-str-other", "object", "bytes", "huge-str", "cancelled"],
)
@pytest.mark.asyncio
async def test_a_judge_answering_garbage_is_review_with_a_short_reason(
    answer: object, reason: str | None
) -> None:
    engine = LoveEngine(judge=_judge_answering(answer), judge_budget=1.0)
    result = await engine.check_ethics(Action("Read the quarterly report", "read_file"))
    if reason is None:
        assert result.verdict is Verdict.ALLOW
    else:
        assert result.verdict is Verdict.REVIEW
        assert reason in result.reasons


@pytest.mark.asyncio
async def test_a_judge_error_with_a_huge_message_is_quoted_short() -> None:
    engine = LoveEngine(judge=_judge_answering(_LoudError()), judge_budget=1.0)
    result = await engine.check_ethics(Action("Read the quarterly report", "read_file"))
    assert result.verdict is Verdict.REVIEW
    assert max(len(reason) for reason in result.reasons) < 400
    assert "external judge failed: _LoudError: yyy" in result.reasons[-1]


@pytest.mark.asyncio
async def test_cancelling_the_caller_still_cancels_while_the_judge_is_asked() -> None:
    async def slow(action: Action, state: State | None) -> str:
        await asyncio.sleep(60)
        return "allow"

    engine = LoveEngine(judge=slow, judge_budget=60.0)
    task = asyncio.ensure_future(engine.check_ethics(Action("Read the report", "read_file")))
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


@pytest.mark.parametrize(
    "text",
    ["maybe probably " * 100_000, "\ufdfa" * 10_000],
    ids=["long", "grows-when-normalised"],
)
def test_hallucination_text_too_large_to_read_is_flagged_unread(text: str) -> None:
    report = detect_hallucination_sync(text)
    assert (report.flagged, report.signals) == (True, ("too_large",))


def test_the_affected_party_is_read_without_the_parameters_own_methods() -> None:
    manifest = ToolManifest.from_mapping(
        {
            "tools": {
                "send_newsletter": {
                    "risk": "low",
                    "requires_consent": True,
                    "affected_party": "recipient",
                }
            }
        }
    )
    engine = LoveEngine(manifest=manifest, consents=ConsentRecord({"alice@example.com": ["*"]}))
    for parameters in (_RaisingGetitem(recipient="bob@example.com"), {"recipient": _Failing()}):
        action = Action("Send the monthly newsletter", "send_newsletter", "", parameters)
        result = engine.check_ethics_sync(action)
        assert result.verdict is Verdict.REVIEW
    raising = Action("Send the newsletter", "send_newsletter", "", _Failing())
    reasons = engine.check_ethics_sync(raising).reasons
    assert "no consent on record from None for 'send_newsletter'" in reasons


# --- pathological text and parameter shapes: a score or the documented error, every one ------

_LIMIT = Limits().max_text_chars
_EVERY_SPACE = "".join(chr(code) for code in range(0x3100) if chr(code).isspace())
_MEGABYTE_VIEW = memoryview(bytearray(1 << 20))


class _Colour(enum.Enum):
    RED = "disable the audit log"


@dataclasses.dataclass
class _Record:
    name: str = "disable the audit log"


class _ArrayLike:
    """Shaped like a numpy array: a length, an iterator and ``tolist``, none of them asked."""

    shape = (1_000, 1_000)

    def __len__(self) -> int:
        raise AssertionError("an unmodelled value is never measured")

    def __iter__(self) -> Iterator[float]:
        raise AssertionError("an unmodelled value is never iterated")

    def tolist(self) -> list[float]:
        raise AssertionError("an unmodelled value is never converted")


SHAPES: list[tuple[str, object, object]] = [
    # (name, description, parameters): each a shape no other probe has, with why
    ("one phrase prefix repeated", "put antifreeze in " * (_LIMIT // 18), {}),  # matcher restarts
    ("a clause break every other char", "a." * (_LIMIT // 2), {}),  # a clause per word
    ("every char a separator", "-'" * (_LIMIT // 2), {}),  # compound marks with no letters
    ("digits mixed with letters", "a1b2" * (_LIMIT // 4), {}),  # leet reading on every token
    ("every word distinct", " ".join(f"w{i}q1x" for i in range(_LIMIT // 8)), {}),  # no cache
    ("combining marks", "a" + "\u0301" * (_LIMIT - 1), {}),  # removed, leaving one letter
    ("emoji ZWJ sequences", "\U0001f468\u200d\U0001f469\u200d\U0001f467" * (_LIMIT // 8), {}),
    ("RTL overrides around words", "\u202ekill\u202c " * (_LIMIT // 7), {}),
    ("surrogate pairs and lone halves", "\ud800\udc00\ud800" * (_LIMIT // 3), {}),
    ("mixed scripts in every word", "kіll ѕteal " * (_LIMIT // 11), {}),  # look-alike letters
    ("every whitespace kind", (_EVERY_SPACE + "x") * (_LIMIT // (len(_EVERY_SPACE) + 1)), {}),
    ("U+FDFA at the limit", "\ufdfa" * _LIMIT, {}),  # 18 characters each once folded
    ("case folding expansions", "ßﬃ" * (_LIMIT // 2), {}),
    ("100,000 tiny keys", "set", {str(i): 1 for i in range(100_000)}),
    ("keys equal after folding", "set", {"AUDIT" + "\u200b" * i: "off" for i in range(400)}),
    ("enum value and key", "set", {"c": _Colour.RED, _Colour.RED: 1}),
    ("dataclass value", "set", {"d": _Record()}),
    ("numpy-like value", "set", {"a": _ArrayLike()}),
    ("invalid UTF-8 and UTF-16 bytes", "set", {"b": b"\xff\xfe\xfd", "w": "kill".encode("utf-16")}),
    ("memoryview of 1 MB", "set", {"m": _MEGABYTE_VIEW}),
    ("memoryview as parameters", "set", _MEGABYTE_VIEW),
    ("generator as parameters", "set", (n for n in range(10))),
    ("huge int key", "set", {10**5000: 1}),
]


def _action_or_error(description: object, parameters: object) -> Action | Exception:
    """The action, or the documented error its construction raises; anything else propagates."""
    try:
        return Action(description, "tool", "", parameters)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        return error


@pytest.mark.parametrize(("name", "description", "parameters"), SHAPES, ids=[s[0] for s in SHAPES])
def test_every_shape_gets_a_score_or_an_error_naming_its_field(
    name: str, description: object, parameters: object
) -> None:
    action = _action_or_error(description, parameters)
    if isinstance(action, Exception):
        assert "parameters" in str(action) or "description" in str(action), name
        return
    first = LoveEngine().check_ethics_sync(action)
    again = LoveEngine().check_ethics_sync(action)
    assert 0.0 <= first.score <= 1.0
    assert (first.verdict, first.score, first.model_score) == (
        again.verdict,
        again.score,
        again.model_score,
    )


#: A short random text repeated to the limit: every shape of text, at the size that costs most.
_near_the_limit = st.text(st.characters(), min_size=1, max_size=64).map(
    lambda piece: (piece * (_LIMIT // len(piece) + 1))[:_LIMIT]
)


@settings(max_examples=150, deadline=None)
@given(_near_the_limit)
def test_any_text_repeated_to_the_limit_gets_a_verdict(text: str) -> None:
    result = LoveEngine().check_ethics_sync(Action(text, "act"))
    assert result.verdict in set(Verdict)
    assert 0.0 <= result.score <= 1.0
