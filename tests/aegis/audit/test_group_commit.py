"""Group commit: every caller gets its own result once, whoever leads and however they wait."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Sequence

import pytest

from aegis.audit.group_commit import GroupCommitter


class Doubler:
    """A commit that records its batches and can be told to fail once."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.fail_next = False

    def __call__(self, items: Sequence[int]) -> list[int]:
        if self.fail_next:
            self.fail_next = False
            raise OSError("disk full")
        self.batches.append(list(items))
        return [item * 2 for item in items]


def test_each_thread_gets_its_own_result_and_every_item_is_committed_once() -> None:
    commit = Doubler()
    committer = GroupCommitter(commit)
    results: dict[int, int] = {}

    def caller(first: int) -> None:
        for item in range(first, first + 300):
            results[item] = committer.run_sync(item)

    threads = [threading.Thread(target=caller, args=(n * 1000,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    committed = [item for batch in commit.batches for item in batch]
    assert sorted(committed) == sorted(results)
    assert len(results) == 16 * 300
    assert all(result == item * 2 for item, result in results.items())


@pytest.mark.asyncio
async def test_tasks_that_wait_together_share_a_commit() -> None:
    commit = Doubler()
    committer = GroupCommitter(commit)
    results = await asyncio.gather(*(committer.run(n) for n in range(64)))
    assert results == [n * 2 for n in range(64)]
    assert len(commit.batches) < 64
    assert max(map(len, commit.batches)) > 1


@pytest.mark.asyncio
async def test_a_failed_commit_fails_its_own_batch_only() -> None:
    commit = Doubler()
    committer = GroupCommitter(commit)
    commit.fail_next = True
    outcomes = await asyncio.gather(*(committer.run(n) for n in range(8)), return_exceptions=True)
    failed = [o for o in outcomes if isinstance(o, OSError)]
    assert failed
    assert all(str(o) == "disk full" for o in failed)
    assert [o for o in outcomes if not isinstance(o, OSError)] == [
        n * 2 for n, o in enumerate(outcomes) if not isinstance(o, OSError)
    ]
    assert await committer.run(100) == 200


@pytest.mark.asyncio
async def test_a_leader_cancelled_before_it_commits_still_commits_for_the_others() -> None:
    commit = Doubler()
    committer = GroupCommitter(commit)
    await asyncio.gather(*(committer.run(n) for n in range(32)))
    assert committer.last_batch > 1  # so the next leader yields before it commits
    leader = asyncio.create_task(committer.run(100))
    await asyncio.sleep(0)  # the leader queues its item and yields to let others join
    follower = asyncio.create_task(committer.run(101))
    leader.cancel()
    assert await asyncio.wait_for(follower, timeout=5) == 202
    with pytest.raises(asyncio.CancelledError):
        await leader
    committed = [item for batch in commit.batches for item in batch]
    assert (committed.count(100), committed.count(101)) == (1, 1)  # the leader's entry too


def test_threads_and_tasks_share_one_committer() -> None:
    commit = Doubler()
    committer = GroupCommitter(commit)
    from_threads: list[int] = []

    def thread_caller() -> None:
        from_threads.extend(committer.run_sync(n) for n in range(200))

    async def task_callers() -> list[int]:
        return await asyncio.gather(*(committer.run(1000 + n) for n in range(200)))

    threads = [threading.Thread(target=thread_caller) for _ in range(4)]
    for thread in threads:
        thread.start()
    from_tasks = asyncio.run(task_callers())
    for thread in threads:
        thread.join()
    assert from_tasks == [2 * (1000 + n) for n in range(200)]
    assert sorted(from_threads) == sorted(2 * n for n in range(200) for _ in range(4))
    assert sum(map(len, commit.batches)) == 4 * 200 + 200


def test_a_thread_leader_hands_over_once_its_own_item_is_committed() -> None:
    """The first caller leads; a second queues meanwhile. Once the first caller's item is
    committed it returns, and the second commits its own item on its own thread."""
    release_first = threading.Event()
    committed_by: dict[int, int] = {}

    def commit(items: Sequence[int]) -> list[int]:
        if items == [1]:
            release_first.wait(timeout=5)
        for item in items:
            committed_by[item] = threading.get_ident()
        return [item * 2 for item in items]

    committer = GroupCommitter(commit)
    callers: dict[int, int] = {}

    def call(item: int) -> None:
        callers[item] = threading.get_ident()
        assert committer.run_sync(item) == item * 2

    first = threading.Thread(target=call, args=(1,))
    first.start()
    while not committer._leader.locked():  # the first caller leads, held in its commit
        time.sleep(0.001)
    second = threading.Thread(target=call, args=(2,))
    second.start()
    while not committer._queue:  # the second caller has queued its item
        time.sleep(0.001)
    release_first.set()
    first.join(timeout=5)
    second.join(timeout=5)
    assert committed_by == {1: callers[1], 2: callers[2]}
    assert not committer._leader.locked()


def test_a_task_whose_loop_closed_while_it_waited_does_not_stop_the_committer() -> None:
    release_first = threading.Event()

    def commit(items: Sequence[int]) -> list[int]:
        if items == [1]:
            release_first.wait(timeout=5)
        return [item * 2 for item in items]

    committer = GroupCommitter(commit)
    first = threading.Thread(target=committer.run_sync, args=(1,))
    first.start()
    while not committer._leader.locked():  # the thread leads, held in its commit
        time.sleep(0.001)

    async def give_up_waiting() -> None:
        waiting = asyncio.create_task(committer.run(2))
        await asyncio.sleep(0.01)  # queued with a future of this loop, then abandoned
        waiting.cancel()

    asyncio.run(give_up_waiting())  # the loop is closed before item 2 is committed
    release_first.set()
    first.join(timeout=5)
    later: list[int] = []
    caller = threading.Thread(target=lambda: later.append(committer.run_sync(3)))
    caller.start()
    caller.join(timeout=5)
    assert later == [6]
