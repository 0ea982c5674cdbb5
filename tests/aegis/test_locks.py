"""The yielding lock: mutual exclusion first, whatever the contention."""

from __future__ import annotations

import threading
import time

import pytest

from aegis import _locks
from aegis._locks import YieldingLock


def _hammer(lock: YieldingLock, threads: int, rounds: int) -> list[int]:
    counter = [0]

    def work() -> None:
        for _ in range(rounds):
            with lock:
                value = counter[0]
                time.sleep(0)  # invite a switch in the middle of the section
                counter[0] = value + 1

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return counter


def test_sections_never_overlap_under_contention() -> None:
    assert _hammer(YieldingLock(), threads=8, rounds=2000) == [8 * 2000]


def test_waiters_that_run_out_of_spins_block_and_still_exclude(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_locks, "SPINS", 0)
    assert _hammer(YieldingLock(), threads=8, rounds=500) == [8 * 500]


def test_a_long_holder_is_waited_for() -> None:
    lock, entered = YieldingLock(), threading.Event()
    order: list[str] = []

    def holder() -> None:
        with lock:
            entered.set()
            time.sleep(0.05)  # longer than the spins last: the waiter must block
            order.append("holder")

    thread = threading.Thread(target=holder)
    thread.start()
    entered.wait()
    with lock:
        order.append("waiter")
    thread.join()
    assert order == ["holder", "waiter"]
    assert not lock.locked()


def test_the_lock_is_released_when_the_section_raises() -> None:
    lock = YieldingLock()
    with pytest.raises(KeyError), lock:
        raise KeyError("x")
    assert not lock.locked()
