"""Every input is checked in its caller's own call, before it joins a batch shared with others.

One caller's bad entry fails that caller alone, with an error naming the value; a batch that
fails for a reason of its own fails each of its callers with the same error.
"""

from __future__ import annotations

import asyncio
import atexit
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.audit import (
    MAX_ACTION_BYTES,
    MAX_DEPTH,
    MAX_DETAILS_BYTES,
    AuditLog,
    AuditWriteError,
    verify_export,
)
from aegis.audit.encoding import canonical_details

LONE_SURROGATE = "\ud800"
TOO_BIG = f"details may take at most {MAX_DETAILS_BYTES} bytes"


def nested(depth: int) -> dict[str, Any]:
    """Details with ``depth`` mappings nested, the outermost one included."""
    details: dict[str, Any] = {"leaf": 1}
    for _ in range(depth - 1):
        details = {"down": details}
    return details


# -- one bad caller among many ----------------------------------------------------------------


@pytest.mark.asyncio
async def test_a_lone_surrogate_fails_its_own_task_and_no_other() -> None:
    """Finding 1, tasks: one bad caller among 40 failed 27 innocent ones."""
    async with AuditLog() as log:

        async def caller(n: int) -> int:
            details = {"n": n, "text": LONE_SURROGATE if n == 13 else "fine"}
            return (await log.log_action("task", details)).seq

        results = await asyncio.gather(*(caller(n) for n in range(40)), return_exceptions=True)
        failures = {n: r for n, r in enumerate(results) if isinstance(r, BaseException)}
        assert list(failures) == [13]
        assert isinstance(failures[13], ValueError)
        assert "details['text'] holds a lone surrogate" in str(failures[13])
        assert sorted(r for r in results if isinstance(r, int)) == list(range(1, 40))
        report = await log.verify()
        assert (report.ok, report.entries_checked) == (True, 39)


def test_a_lone_surrogate_fails_its_own_thread_and_no_other(log_path: Path) -> None:
    """Finding 1, threads: 6-7 of 8 innocent threads failed beside one bad caller."""
    with AuditLog(log_path) as log:
        errors: dict[int, list[BaseException]] = {n: [] for n in range(8)}
        barrier = threading.Barrier(9)

        def innocent(n: int) -> None:
            barrier.wait()
            for i in range(200):
                try:
                    log.log_action_sync("thread", {"n": n, "i": i})
                except BaseException as error:
                    errors[n].append(error)

        def bad() -> None:
            barrier.wait()
            for i in range(200):
                with pytest.raises(ValueError, match="lone surrogate"):
                    log.log_action_sync("thread", {"bad": [i, {"key": LONE_SURROGATE}]})

        threads = [threading.Thread(target=innocent, args=(n,)) for n in range(8)]
        threads.append(threading.Thread(target=bad))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == {n: [] for n in range(8)}
        report = log.verify_sync()
        assert (report.ok, report.entries_checked) == (True, 1600)


@pytest.mark.parametrize(
    ("action", "details", "error", "message"),
    [
        ("act", {LONE_SURROGATE: 1}, ValueError, r"details has a key '\\ud800' with a lone"),
        ("act", {"a": [1, 2, ["x" + LONE_SURROGATE]]}, ValueError, r"details\['a'\]\[2\]\[0\]"),
        ("act" + LONE_SURROGATE, {}, ValueError, r"action 'act\\ud800' holds a lone surrogate"),
        ("a" * (MAX_ACTION_BYTES + 1), {}, ValueError, "an action may take at most 1024"),
        ("act", {"x": "y" * MAX_DETAILS_BYTES}, ValueError, TOO_BIG),
        ("act", {"x": ["y"] * MAX_DETAILS_BYTES}, ValueError, TOO_BIG),
        ("act", nested(MAX_DEPTH + 1), ValueError, f"nested {MAX_DEPTH + 1} deep"),
        ("act", nested(10_000), ValueError, f"at most {MAX_DEPTH} deep"),
        ("act", {"n": 10**5000}, ValueError, r"details\['n'\] is an int too long"),
        ("act", {"f": [float("inf")]}, TypeError, r"details\['f'\]\[0\] is inf"),
        (7, {}, TypeError, "action must be a str, got int"),
    ],
    ids=[
        "surrogate-key",
        "surrogate-deep",
        "surrogate-action",
        "long-action",
        "big-text",
        "many-values",
        "one-too-deep",
        "ten-thousand-deep",
        "huge-int",
        "infinity",
        "action-not-text",
    ],
)
def test_bad_entries_are_refused_in_the_callers_call_naming_the_value(
    action: Any, details: Any, error: type[Exception], message: str
) -> None:
    with AuditLog() as log:
        with pytest.raises(error, match=message):
            log.log_action_sync(action, details)
        assert log.size == 0
        assert log.log_action_sync("after", {}).seq == 1


def test_circular_details_are_refused_by_where_they_loop() -> None:
    """Finding 7: circular details raised RecursionError."""
    looping: dict[str, Any] = {"a": {"b": []}}
    looping["a"]["b"].append(looping)
    shared = [1, 2]
    with AuditLog() as log:
        with pytest.raises(ValueError, match=r"details\['a'\]\['b'\]\[0\] contains itself"):
            log.log_action_sync("loop", looping)
        # the same list twice is a tree written out twice, not a cycle
        entry = log.log_action_sync("twice", {"x": shared, "y": shared})
        assert entry.details == {"x": [1, 2], "y": [1, 2]}


def test_a_list_shared_exponentially_is_refused_by_size_not_walked_for_ever() -> None:
    bomb: list[Any] = []
    for _ in range(60):  # 2**60 leaves once written out; 60 lists in memory
        bomb = [bomb, bomb]
    with AuditLog() as log, pytest.raises(ValueError, match="encode to more than"):
        log.log_action_sync("bomb", {"bomb": bomb})


def test_details_nested_988_deep_from_a_fresh_thread_are_refused(tmp_path: Path) -> None:
    """Finding 7: accepted from a thread, then query and export raised RecursionError for good."""
    outcome: list[BaseException | None] = []
    with AuditLog(tmp_path / "deep.db") as log:

        def append() -> None:
            try:
                log.log_action_sync("deep", nested(988))
                outcome.append(None)
            except BaseException as error:
                outcome.append(error)

        thread = threading.Thread(target=append)
        thread.start()
        thread.join()
        assert isinstance(outcome[0], ValueError)
        assert f"may nest at most {MAX_DEPTH} deep" in str(outcome[0])
        deepest = log.log_action_sync("deepest", nested(MAX_DEPTH))
        assert log.query_sync() == [deepest]
        log.export_sync(tmp_path / "out.jsonl")
    assert verify_export(tmp_path / "out.jsonl", log.public_key).ok
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


# -- a batch that fails for its own reason ----------------------------------------------------


@pytest.mark.asyncio
async def test_a_batch_that_fails_for_its_own_reason_fails_each_caller_alike(
    log_path: Path,
) -> None:
    async with AuditLog(log_path) as log:
        await log.log_action("setup", {})
        pages = log._store._writer.execute("PRAGMA page_count").fetchone()[0]
        log._store._writer.execute(f"PRAGMA max_page_count = {pages}")  # a full disk, in effect
        results = await asyncio.gather(
            *(log.log_action("big", {"n": n, "pad": "x" * 5000}) for n in range(20)),
            return_exceptions=True,
        )
        assert all(isinstance(r, AuditWriteError) for r in results), results
        assert len({str(r) for r in results}) == 1
        assert str(log_path) in str(results[0])
        assert "nothing of this batch was written" in str(results[0])
        log._store._writer.execute("PRAGMA max_page_count = 1073741823")
        entry = await log.log_action("after", {})
        assert entry.seq == 2
        report = await log.verify()
        assert (report.ok, report.entries_checked) == (True, 2)


# -- open-ended inputs ------------------------------------------------------------------------

_LOG = AuditLog()
atexit.register(_LOG.close)
# Any code point, lone surrogates drawn often (they are the text UTF-8 cannot carry).
_ANY_TEXT = st.text(st.characters(codec=None) | st.characters(categories=["Cs"]), max_size=8)
_ANY_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ANY_TEXT, inner, max_size=3),
    max_leaves=10,
)


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=150, deadline=None)
@given(_ANY_TEXT, st.dictionaries(_ANY_TEXT, _ANY_VALUE, max_size=4))
def test_an_entry_is_stored_exactly_or_refused_before_it_is_queued(
    action: str, details: dict[str, Any]
) -> None:
    before = _LOG.size
    try:
        text = canonical_details(details)
    except (TypeError, ValueError):
        with pytest.raises((TypeError, ValueError)):
            _LOG.log_action_sync(action or "x", details)
        assert _LOG.size == before
        return
    assert _storable(text)
    if not action.strip() or not _storable(action):
        with pytest.raises(ValueError, match="action"):
            _LOG.log_action_sync(action, details)
        assert _LOG.size == before
        return
    entry = _LOG.log_action_sync(action, details)
    assert entry.seq == before + 1
    stored = _LOG.query_sync(limit=1)[0]
    assert (stored.seq, stored.action, canonical_details(stored.details)) == (
        entry.seq,
        action,
        text,
    )


class _Shifty(str):
    """Text that would hash one way and be stored another."""

    __slots__ = ()

    def encode(self, encoding: str = "utf-8", errors: str = "strict") -> bytes:
        return b"something else"

    def __str__(self) -> str:
        return "something else"


def test_a_str_subclass_is_stored_and_hashed_as_the_text_it_holds() -> None:
    with AuditLog() as log:
        entry = log.log_action_sync(_Shifty("agent.act"), {_Shifty("k"): _Shifty("v")})
        assert type(entry.action) is str
        assert entry.action == "agent.act"
        assert log.query_sync()[0].details == {"k": "v"}
        assert log.verify_sync().ok
