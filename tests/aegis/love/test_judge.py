"""The external judge hook, with fake judges: it can only make a verdict stricter."""

from __future__ import annotations

import asyncio

import pytest

from aegis.love_engine import Action, LoveEngine, State, Verdict

PLAIN = Action("Summarize the meeting notes for the team", "summarize")
HARMFUL = Action("Put antifreeze in my coworker's coffee", "act")


class FakeJudge:
    """Answers what it is told to, after an optional delay, and records what it was asked."""

    def __init__(self, answer: object = "allow", delay: float = 0.0, error: bool = False) -> None:
        self.answer, self.delay, self.error = answer, delay, error
        self.asked: list[tuple[Action, State | None]] = []

    async def __call__(self, action: Action, state: State | None) -> object:
        self.asked.append((action, state))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.error:
            raise RuntimeError("guard model unavailable")
        return self.answer


@pytest.mark.asyncio
async def test_a_judge_that_allows_leaves_the_verdict_as_it_was() -> None:
    judge = FakeJudge("allow")
    engine = LoveEngine(judge=judge)
    state = State("ticket 42")
    assert (await engine.check_ethics(PLAIN, state)).verdict is Verdict.ALLOW
    assert (await engine.check_ethics(HARMFUL)).verdict is not Verdict.ALLOW
    assert judge.asked[0] == (PLAIN, state)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("answer", "expected"), [("review", Verdict.REVIEW), (Verdict.DENY, Verdict.DENY)]
)
async def test_a_stricter_judge_wins(answer: object, expected: Verdict) -> None:
    result = await LoveEngine(judge=FakeJudge(answer)).check_ethics(PLAIN)
    assert result.verdict is expected
    assert not result.ethical
    assert f"external judge answered {expected.value}" in result.reasons


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("judge", "reason"),
    [
        (FakeJudge(delay=5.0), "external judge gave no answer within 0.05 s"),
        (FakeJudge(error=True), "external judge failed: RuntimeError: guard model unavailable"),
        (FakeJudge("maybe"), "external judge answered 'maybe', not allow/review/deny"),
        (FakeJudge(None), "external judge answered None, not allow/review/deny"),
    ],
)
async def test_no_answer_from_the_judge_is_review(judge: FakeJudge, reason: str) -> None:
    engine = LoveEngine(judge=judge, judge_budget=0.05)
    result = await engine.check_ethics(PLAIN)
    assert result.verdict is Verdict.REVIEW
    assert reason in result.reasons


def test_without_an_event_loop_the_judge_cannot_be_asked_so_the_answer_is_review() -> None:
    result = LoveEngine(judge=FakeJudge("allow")).check_ethics_sync(PLAIN)
    assert result.verdict is Verdict.REVIEW
    assert "external judge not consulted (synchronous call)" in result.reasons


@pytest.mark.asyncio
async def test_the_alignment_report_counts_the_final_verdict() -> None:
    engine = LoveEngine(judge=FakeJudge("deny"))
    await engine.check_ethics(PLAIN)
    assert (await engine.evaluate_alignment()).ethical_rate == 0.0


def test_bad_judge_arguments_are_clear_errors() -> None:
    with pytest.raises(TypeError, match="judge must be an async callable, got str"):
        LoveEngine(judge="llama-guard")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="judge_budget must be a finite number > 0, got 0"):
        LoveEngine(judge_budget=0)
