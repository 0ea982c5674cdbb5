"""Several processes appending to one audit log: one gap-free chain, every entry counted.

Each worker process opens the log once (SQLite file or PostgreSQL database, whichever
``--aegis-audit-store`` names) and appends for the test's duration; the chain is then
verified from the test's own process, and must hold exactly the appends that succeeded.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from nacl.signing import SigningKey

from aegis.audit import AuditLog, verify_database
from pytest_aegis_stress import StressRunner
from stress_tests.conftest import AUDIT_SEED
from stress_tests.profiles import Scale

pytestmark = pytest.mark.stress

PROCESSES = 4
_OPEN: dict[str, AuditLog] = {}


class AppendFromThisProcess:
    """A picklable operation: append one entry to the log at ``location`` (opened once per
    process, on first use)."""

    def __init__(self, location: str) -> None:
        self.location = location

    def __call__(self) -> None:
        log = _OPEN.get(self.location)
        if log is None:
            log = _OPEN[self.location] = AuditLog(self.location, signing_key=AUDIT_SEED)
        log.log_action_sync("stress.process", {"pid": os.getpid()})


def test_concurrent_audit_processes(
    stress: StressRunner,
    scale: Scale,
    audit_location: str,
    record_property: Callable[[str, object], None],
) -> None:
    AuditLog(audit_location, signing_key=AUDIT_SEED).close()  # one creator, before the race
    result = stress.run(
        AppendFromThisProcess(audit_location),
        duration=scale.concurrent_seconds,
        workers=PROCESSES,
        mode="process",
    )
    assert result.ops_failed == 0, result.errors
    report = verify_database(audit_location, bytes(SigningKey(AUDIT_SEED).verify_key))
    assert report.ok, report.findings
    assert report.entries_checked == result.ops_completed
    record_property("processes", PROCESSES)
