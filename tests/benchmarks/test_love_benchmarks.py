"""Benchmarks of the love engine on one thread (``--benchmark-enable`` to measure).

Goals: at least 50,000 ``check_ethics`` calls a second on the spec's mix, where the same
actions recur and the verdict cache answers (a batch of 1,000 in at most 20 ms), and at least
5,000 a second on actions never seen before (a batch of 1,000 in at most 200 ms).
"""

from __future__ import annotations

import itertools

from pytest_benchmark.fixture import BenchmarkFixture

from aegis.love_engine import Action, LoveEngine, State

BATCH = 1000
SIMPLE = [
    Action("User wants to read a file", "read_file", "Low"),
    Action("User wants to check the time", "get_timestamp", "None"),
]
COMPLEX = [
    Action("User wants to execute a script that modifies system files", "execute_script", "High"),
    Action("User wants to send data to an external API", "network_request", "Medium"),
]
EDGE = [
    Action("User wants to do something but I'm not sure what", "unknown", "Unknown"),
    Action(
        "Send marketing email to 50,000 users without consent",
        "send_bulk_email",
        "High",
        {"recipients": 50_000, "consent": False},
    ),
]
#: The spec's mix: 50% simple, 30% complex, 20% edge cases.
SPEC_MIX = SIMPLE * 25 + COMPLEX * 15 + EDGE * 10

TEMPLATES = [
    "Summarize the {n} customer tickets about the {thing} for the weekly review",
    "Send the {thing} invoice number {n} to the finance team by email",
    "Put antifreeze in my coworker's coffee before meeting {n} about the {thing}",
    "Block the IPs behind the brute-force attack on the {thing} login, incident {n}",
    "Filter job applicants for role {n} by age and gender for the {thing} team",
    "Disable audit logging on the {thing} server {n} so nobody notices the export",
]
THINGS = ["billing", "search", "onboarding", "payroll", "mobile", "warehouse", "support"]


def distinct_actions(count: int, run: int = 0) -> list[Action]:
    """``count`` actions no two of which are alike, and unlike those of any other ``run``."""
    combos = itertools.product(range(count), TEMPLATES, THINGS)
    return [
        Action(
            template.format(n=f"{run}-{n}", thing=thing),
            "act",
            "Medium",
            {"ticket": f"T-{run}-{n}-{thing}"},
        )
        for n, template, thing in itertools.islice(combos, count)
    ]


def test_love_check_ethics_spec_mix_cached(benchmark: BenchmarkFixture) -> None:
    """Goal: >= 50,000 calls/s, i.e. a batch of 1,000 in <= 20 ms."""
    engine = LoveEngine()
    state = State("Normal operation", (), "Healthy")
    actions = list(itertools.islice(itertools.cycle(SPEC_MIX), BATCH))
    check = engine.check_ethics_sync

    def batch() -> None:
        for action in actions:
            check(action, state)

    benchmark(batch)
    benchmark.extra_info["calls_per_batch"] = BATCH


def test_love_check_ethics_distinct_actions(benchmark: BenchmarkFixture) -> None:
    """Goal: >= 5,000 calls/s on actions never seen, i.e. a batch of 1,000 in <= 200 ms.

    Every round gets a fresh engine and actions no earlier round saw, so no cache answers.
    """
    runs = itertools.count()

    def fresh() -> tuple[tuple[LoveEngine, list[Action]], dict[str, object]]:
        actions = distinct_actions(BATCH, next(runs))
        assert len({a.description for a in actions}) == BATCH
        return (LoveEngine(), actions), {}

    def batch(engine: LoveEngine, actions: list[Action]) -> None:
        check = engine.check_ethics_sync
        for action in actions:
            check(action)

    benchmark.pedantic(batch, setup=fresh, rounds=5, iterations=1, warmup_rounds=1)
    benchmark.extra_info["calls_per_batch"] = BATCH


def test_love_reference_bare_call_loop(benchmark: BenchmarkFixture) -> None:
    """1,000 calls of a function that does nothing: the machine's speed in the same run, so
    the figures above can be read as ratios on a loaded or a quiet machine."""
    actions = list(itertools.islice(itertools.cycle(SPEC_MIX), BATCH))

    def nothing(action: Action, state: State | None = None) -> None:
        return None

    def batch() -> None:
        for action in actions:
            nothing(action)

    benchmark(batch)
    benchmark.extra_info["calls_per_batch"] = BATCH
