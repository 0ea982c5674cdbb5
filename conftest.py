"""Shared by every test folder: Hypothesis profiles sized for a 2-core CI machine, and a
throw-away PostgreSQL server for the tests of the audit log's PostgreSQL store."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.postgres_server import PostgresServer, find_pg_bin, start_server

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", parent=settings.get_profile("default"), max_examples=50, derandomize=True
)
settings.load_profile("ci" if os.environ.get("CI") else "default")

_databases = itertools.count(1)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--aegis-audit-store",
        choices=("sqlite", "postgresql"),
        default=None,
        help="where the stress suite's audit logs live: a SQLite file (default) or a database "
        "on a throw-away PostgreSQL server",
    )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server on loopback for the session (one per xdist worker).

    Without PostgreSQL the tests that need it skip, except under CI (``CI`` set), where a
    missing server is a failure: CI installs it, so its absence there is a broken setup.
    """
    bin_dir = find_pg_bin()
    if bin_dir is None:
        message = "PostgreSQL's pg_ctl and initdb were not found (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must have them")
        pytest.skip(message)
    server = start_server(bin_dir)
    yield server
    server.stop()


@pytest.fixture
def postgres_dsn(postgres_server: PostgresServer) -> str:
    """The DSN of a new, empty database on the session's server."""
    import psycopg

    name = f"audit_{os.getpid()}_{next(_databases)}"
    with psycopg.connect(postgres_server.dsn(), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return postgres_server.dsn(name)
