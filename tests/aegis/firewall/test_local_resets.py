"""Resets of disposable local resources: the name rule, the place rule, and one SQL statement.

The corpus pair ``localreset_*.yaml`` holds whole requests; these specify the units: which
names are disposable (words, not substrings; records and production never), which
connections stay on this machine (Go DSNs split as the driver splits them), which SQL is one
plain reset, and that the command reading drops only the findings its entry lists.
"""

from __future__ import annotations

import pytest

from aegis.intent_firewall.dbplaces import connection_place, go_dsn, local_host
from aegis.intent_firewall.disposable import disposable, never_named
from aegis.intent_firewall.hosts import host_of
from aegis.intent_firewall.sqlresets import sql_place, sql_reset


@pytest.mark.parametrize(
    ("objects", "context", "expected"),
    [
        (["scratch", "tmp_import_20261130"], [], True),
        (["agent-test-events"], [], True),
        (["sessions"], ["app_test"], True),
        (["agentTestRun"], [], True),
        (["contest"], [], False),  # test inside another word
        (["devices"], [], False),
        (["tmp2024"], [], False),
        (["users"], [], False),
        (["tmp_orders_backup"], [], False),  # a record beside the disposable word
        (["scratch", "audit_log"], [], False),
        (["tmp_x"], ["app_prod"], False),  # the database around it says production
        (["local"], [], False),  # MongoDB's own database
        (["mysql", "tmp_x"], [], False),
        (["tmp users"], [], False),  # a name with a blank is not read
        (["staging_test"], [], False),  # a shared environment
    ],
)
def test_disposable_names(objects: list[str], context: list[str], expected: bool) -> None:
    assert disposable(objects, context) is expected


def test_never_named_reads_words() -> None:
    assert never_named(["app_prod"])
    assert never_named(["kind-live-eu"])
    assert not never_named(["product_catalog_test"])  # product is not prod


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dev@tcp(127.0.0.1:3306)/app_dev", ("127.0.0.1:3306", "app_dev")),
        ("root@unix(/run/mysqld/mysqld.sock)/app", ("/run/mysqld/mysqld.sock", "app")),
        ("/app_test", ("", "app_test")),
        # the driver splits at the last / and the last @ before it
        ("u:p@tcp(127.0.0.1:1)/x@tcp(db.example:3306)/app", ("db.example:3306", "app")),
        ("postgresql://localhost/app", None),
        ("evil.example/path", None),
    ],
)
def test_go_dsn(text: str, expected: tuple[str, str] | None) -> None:
    assert go_dsn(text) == expected


def test_go_dsn_host_is_the_address() -> None:
    assert host_of("dev@tcp(127.0.0.1:3306)/app_dev") == "127.0.0.1"
    assert host_of("u:p@tcp(127.0.0.1:1)/x@tcp(db.example:3306)/app") == "db.example"


@pytest.mark.parametrize(
    ("text", "local", "database"),
    [
        ("postgresql://localhost:5432/app_test", True, "app_test"),
        ("postgresql://localhost:5432,db.example:5432/app_test", False, "app_test"),
        ("host=localhost dbname=app_test", True, "app_test"),
        ("mongodb+srv://cluster0.example.net/app_test", False, "app_test"),
        ("dev@tcp(db.example:3306)/app_dev", False, "app_dev"),
        ("app_test", True, "app_test"),
    ],
)
def test_connection_place(text: str, local: bool, database: str) -> None:
    assert connection_place(text) == (local, database)


def test_local_hosts() -> None:
    assert all(map(local_host, ["::1", "[::1]:5432", "127.1", "localhost:9092,127.0.0.1:9093"]))
    remote = ["db.example", "localhost.evil.example", "localhost,db.example"]
    assert not any(map(local_host, remote))


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("DROP TABLE IF EXISTS scratch.tmp_rows;", [], True),
        ("TRUNCATE TABLE sessions", ["app_test"], True),
        ("TRUNCATE TABLE app.sessions", ["app_test"], False),  # a qualified name is its own place
        ("DROP DATABASE app", ["app_test"], False),  # only the database dropped counts
        ("DROP DATABASE IF EXISTS app_test", ["postgres"], True),
        ("CREATE SCHEMA IF NOT EXISTS reporting", [], True),  # adds only
        ("CREATE SCHEMA s AUTHORIZATION owner", [], False),
        ("CREATE OR REPLACE VIEW scratch.v AS SELECT 1", [], True),
        ("DROP TABLE tmp_x; DROP TABLE users", [], False),
        ("DROP TABLE users -- tmp", [], False),
        ("BEGIN; DROP TABLE tmp_x; COMMIT;", [], True),
        ("DELETE FROM tmp_rows WHERE id > 3", [], False),  # not a reset: left to the rules
        ("DROP FUNCTION tmp_fn", [], False),
    ],
)
def test_sql_reset(text: str, context: list[str], expected: bool) -> None:
    assert sql_reset(text, context) is expected


def test_sql_place() -> None:
    assert sql_place({"query": "x"}, "query", "query_database") == []
    assert sql_place({"sql": "x", "database": "crm_test"}, "sql", "db.execute") == ["crm_test"]
    assert sql_place({"sql": "x", "host": "db.example"}, "sql", "db.execute") is None
    assert sql_place({"sql": "x", "cluster": "pg-dev"}, "sql", "db.execute") is None
    assert sql_place({"sql": "x", "environment": "production"}, "sql", "db.execute") is None
    assert sql_place({"sql": "x"}, "sql", "prod_db.execute") is None
