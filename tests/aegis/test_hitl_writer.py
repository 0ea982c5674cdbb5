"""The write-ahead writer ends a change's flight exactly once, whichever way its write fails.

A failed write is seen twice: by the write itself (which drops the change at once, so the
changes queued behind it may go ahead) and by the task's done-callback (for a task cancelled
before it ran). Dropping twice would end the flight another change has begun on the same
decision meanwhile (from another thread), letting a third change run beside it: two answers
in one decision's history.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any, cast

import pytest

from aegis.hitl.expiry import ExpiryTimer
from aegis.hitl.journal import ExpiryJournal
from aegis.hitl.writer import AuditWriter


class _Timer:
    def wake(self) -> None:
        pass


class _CancelledWrite:
    async def log_action(self, action: str, details: Mapping[str, Any]) -> object:
        raise asyncio.CancelledError


class _FailedWrite:
    async def log_action(self, action: str, details: Mapping[str, Any]) -> object:
        raise OSError("disk full")


def _writer(audit: object) -> AuditWriter:
    timer = cast(ExpiryTimer, _Timer())
    return AuditWriter(ExpiryJournal(keeping=True), timer, lambda: cast(Any, audit))


@pytest.mark.parametrize(
    ("audit", "error"), [(_CancelledWrite(), asyncio.CancelledError), (_FailedWrite(), OSError)]
)
def test_a_failed_write_drops_its_change_once(audit: object, error: type[BaseException]) -> None:
    aborts: list[str] = []
    commits: list[str] = []

    async def main() -> None:
        writer = _writer(audit)
        with pytest.raises(error):
            await writer.write_ahead(
                cast(Any, audit),
                "hitl.rejected",
                {"id": "d1"},
                lambda: commits.append("d1"),
                lambda: aborts.append("d1"),
            )
        for _ in range(3):  # the done-callback runs on a later turn of the loop
            await asyncio.sleep(0)

    asyncio.run(main())
    assert aborts == ["d1"]
    assert commits == []


def test_a_task_cancelled_before_it_ran_drops_its_change() -> None:
    aborts: list[str] = []

    async def main() -> None:
        writer = _writer(_FailedWrite())
        call = asyncio.ensure_future(
            writer.write_ahead(
                cast(Any, _FailedWrite()),
                "hitl.rejected",
                {"id": "d1"},
                lambda: None,
                lambda: aborts.append("d1"),
            )
        )
        await asyncio.sleep(0)  # the inner task is made, not yet run
        call.cancel()
        with pytest.raises((asyncio.CancelledError, OSError)):
            await call
        for _ in range(3):
            await asyncio.sleep(0)

    asyncio.run(main())
    assert aborts == ["d1"]
