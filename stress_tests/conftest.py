"""Fixtures of the stress suite: the profile's scale, fresh components, tier assertions."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from aegis.audit import AuditLog
from pytest_aegis_stress import StressResult
from stress_tests.profiles import ASSERTED_TIER, PROFILES, TIME_BOUND_SLACK, Scale, Tiers

TIER_ORDER = ("below-minimum", "minimum", "acceptable", "target")


def _profile(config: pytest.Config) -> str:
    given = config.getoption("stress_profile")
    return str(given if given is not None else config.getini("stress_profile") or "quick")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Worker counts of the concurrency sweep come from the profile, with ids ``workers=N``."""
    if "workers" in metafunc.fixturenames:
        counts = PROFILES[_profile(metafunc.config)].workers
        metafunc.parametrize("workers", counts, ids=[f"workers={n}" for n in counts])


@pytest.fixture
def scale(stress_profile: str) -> Scale:
    return PROFILES[stress_profile]


#: The signing key of the suite's audit logs (a log on PostgreSQL has no key file beside it).
AUDIT_SEED = bytes(range(32))


@pytest.fixture
def audit_location(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A new, empty log's location in the store ``--aegis-audit-store`` names."""
    if request.config.getoption("aegis_audit_store") == "postgresql":
        return str(request.getfixturevalue("postgres_dsn"))
    return str(tmp_path_factory.mktemp("audit") / "audit.db")


@pytest.fixture
def audit_log(audit_location: str) -> Iterator[AuditLog]:
    with AuditLog(audit_location, signing_key=AUDIT_SEED) as log:
        yield log


@pytest.fixture
def assert_tier(stress_profile: str) -> object:
    """``assert_tier(result, value, tiers)``: grade the result, then require the profile's tier."""

    def check(result: StressResult, value: float, tiers: Tiers) -> str:
        reached = result.grade(
            value, minimum=tiers.minimum, acceptable=tiers.acceptable, target=tiers.target
        )
        wanted = ASSERTED_TIER[stress_profile]
        assert TIER_ORDER.index(reached) >= TIER_ORDER.index(wanted), (
            f"{result.test_name}: {value:,.0f} reaches only {reached}; the {stress_profile} "
            f"profile requires {wanted} ({getattr(tiers, wanted):,.0f})"
        )
        return reached

    return check


@pytest.fixture
def assert_within(
    stress_profile: str, record_property: Callable[[str, object], None]
) -> Callable[[str, float, float], None]:
    """``assert_within(name, value, bound)``: record a timed figure in the JUnit XML, then
    require it under the spec's ``bound`` (times the profile's :data:`TIME_BOUND_SLACK`)."""
    slack = TIME_BOUND_SLACK[stress_profile]

    def check(name: str, value: float, bound: float) -> None:
        record_property(name, round(value, 4))
        limit = bound * slack
        assert value < limit, (
            f"{name} = {value:.3f}, over {limit:g} (the spec's {bound:g} x {slack:g} for the "
            f"{stress_profile} profile)"
        )

    return check


@pytest.fixture(autouse=True)
def _earlier_tests_heap_set_aside() -> Iterator[None]:
    """Collect and freeze what earlier tests left before each stress test, and thaw it after.

    In a full session the heap holds hundreds of megabytes of other tests' objects; a full
    collection walking them inside a run of about a second reads as the product's latency or
    throughput collapsing (a 740 MB session once put 350 ms into the p95 of the evolution
    ramp, and a concurrency run did 14,496 operations in 0.76 s where one worker does about
    230,000 a second). Frozen objects are skipped by the collector; everything the test
    itself creates is collected as usual.
    """
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()
