"""Audit logs on disk, for tests that tamper with the file or share it between processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from aegis.audit import AuditLog


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    return tmp_path / "audit.db"


@pytest.fixture
def filled_log(log_path: Path) -> Iterator[AuditLog]:
    """A log of ten entries, seq 1..10, of a few actions."""
    with AuditLog(log_path) as log:
        for i in range(10):
            log.log_action_sync(["firewall.verdict", "ethics.score"][i % 2], {"i": i, "note": "x"})
        yield log
