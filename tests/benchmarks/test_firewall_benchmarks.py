"""Intent firewall speed (``--benchmark-enable`` to measure; otherwise one smoke round).

Goals: the spec mix at 100,000 validations/s or more (cached: agents repeat requests),
distinct shell command lines at 20,000/s or more (every line new, so nothing is cached), and
the worst input inside the size limits answered in under 20 ms.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from aegis.intent_firewall import IntentFirewall, Request

BATCH = 1000

SPEC_MIX = (
    [
        Request("read_file", {"path": "/tmp/test.txt"}, "User wants to read a file", 0.9),
        Request("list_directory", {"path": "/home/user"}, "User wants to list files", 0.95),
        Request("get_timestamp", {}, "User wants current time", 1.0),
    ]
    * 23
    + [Request("read_file", {"path": "/tmp/test.txt"}, "User wants to read a file", 0.9)]
    + [
        Request("execute_command", {"cmd": "rm -rf /"}, "User wants to delete everything", 0.3),
        Request("write_file", {"path": "/etc/passwd"}, "User wants to modify system file", 0.4),
    ]
    * 10
    + [
        Request("network_request", {"url": "http://unknown.com"}, "Unknown URL", 0.6),
        Request("execute_script", {"script": "user_provided.sh"}, "Run a script", 0.65),
    ]
    * 5
)

#: Shapes of the command lines an agent runs; ``{n}`` makes every line distinct.
LINE_SHAPES = (
    "git status && pytest -q tests/unit_{n} | tee out_{n}.log",
    "make -j4 -C build_{n} all > build_{n}.log 2>&1",
    "grep -rn 'TODO {n}' src/ | wc -l",
    "python -m pytest tests/test_{n}.py -x -q",
    "ls -la ./dist_{n} && cat ./dist_{n}/manifest.json",
    "cp ./config_{n}.example ./config_{n}.yaml",
    "npm run build -- --env=stage_{n}",
    "cd ./pkg_{n} && cargo test --release",
    "rm -rf ./build_{n} ./dist_{n}",
    "docker build -t app:{n} .",
)


def _distinct_lines() -> Iterator[Request]:
    for n in itertools.count():
        for shape in LINE_SHAPES:
            yield Request("execute_command", {"cmd": shape.format(n=n)})


def _batch(firewall: IntentFirewall, requests: list[Request]) -> Callable[[], None]:
    validate = firewall.validate_request_sync

    def run() -> None:
        for request in requests:
            validate(request)

    return run


def test_spec_mix_cached(benchmark: BenchmarkFixture) -> None:
    """Goal: >= 100,000 validations/s, a batch of 1,000 in <= 10 ms."""
    firewall = IntentFirewall()
    requests = list(itertools.islice(itertools.cycle(SPEC_MIX), BATCH))
    benchmark(_batch(firewall, requests))


def test_distinct_shell_lines_uncached(benchmark: BenchmarkFixture) -> None:
    """Goal: >= 20,000 distinct lines/s, a batch of 1,000 in <= 50 ms; no line repeats."""
    firewall = IntentFirewall(working_directory="/work/project", home="/home/agent")
    lines = _distinct_lines()

    def setup() -> tuple[tuple[Callable[[], None]], dict[str, object]]:
        return (_batch(firewall, list(itertools.islice(lines, BATCH))),), {}

    benchmark.pedantic(  # type: ignore[no-untyped-call]
        lambda run: run(), setup=setup, rounds=5, iterations=1, warmup_rounds=1
    )


def _worst_inputs() -> dict[str, Request]:
    """Inputs just inside the limits: everything in them is parsed and judged."""
    assert len(" | ".join(f"grep -v x{n}" for n in range(250))) < 4096
    pipeline = " | ".join(f"grep -v x{n}" for n in range(250))  # just under 4,096 chars
    nested = "echo " + "$(" * 60 + "ls" + ")" * 60
    words = "echo " + " ".join(f"'w{n}'" for n in range(550))
    wide = {f"k{n}": f"v{n} /tmp/f{n} http://h{n}.example/" for n in range(200)}
    return {
        "long-pipeline": Request("execute_command", {"cmd": pipeline}),
        "nested-substitutions": Request("execute_command", {"cmd": nested}),
        "many-quoted-words": Request("execute_command", {"cmd": words}),
        "wide-parameters": Request("process", wide),
    }


@pytest.mark.parametrize("name", sorted(_worst_inputs()))
def test_worst_input_inside_the_limits(benchmark: BenchmarkFixture, name: str) -> None:
    """Goal: each answers in < 20 ms (a fresh firewall per round: no cache answers)."""
    request = _worst_inputs()[name]

    def setup() -> tuple[tuple[IntentFirewall], dict[str, object]]:
        return (IntentFirewall(),), {}

    verdict = benchmark.pedantic(  # type: ignore[no-untyped-call]
        lambda firewall: firewall.validate_request_sync(request),
        setup=setup,
        rounds=5,
        iterations=1,
        warmup_rounds=1,
    )
    assert 0.0 <= verdict.score <= 1.0
