"""The readers behind the tool calls and SQL of ``corpus/toolreads_*.yaml``.

What is a document pointer, which MongoDB shell code is a known read, which redis command a
line sends past its options, which database connection stays on the machine, which
Kubernetes context is a local cluster, which SQL settings and PRAGMAs are harmless, which
Mongo filter pins a field, which delete sweeps a root, and which scripts run a build tool
after a download.
"""

from __future__ import annotations

import pytest

from aegis.intent_firewall.dbconnections import local_connection
from aegis.intent_firewall.deletions import deletion_command
from aegis.intent_firewall.jsonedits import document_pointer
from aegis.intent_firewall.kubecontexts import foreign_manifest, local_context
from aegis.intent_firewall.mongoselect import selective, write_findings
from aegis.intent_firewall.mongoshell import mongo_shell_findings
from aegis.intent_firewall.rediscli import redis_command_findings
from aegis.intent_firewall.sqlsettings import harmless_pragma, harmless_set
from aegis.intent_firewall.vocabulary import name_words

_EDIT = frozenset({"json", "edit"})


@pytest.mark.parametrize(
    ("key", "text", "words", "expected"),
    [
        ("pointer", "/scripts", _EDIT, True),
        ("jsonpointer", "/compilerOptions/strict", _EDIT, True),
        ("pointer", "/bin/ls", _EDIT, False),
        ("pointer", "/home/agent/.npmrc", _EDIT, False),
        ("pointer", "/a/.ssh", _EDIT, False),
        ("key_path", "/scripts", frozenset({"read", "file"}), False),
        ("file", "/scripts", _EDIT, False),
    ],
)
def test_a_pointer_is_a_place_only_in_a_document_tool(
    key: str, text: str, words: frozenset[str], expected: bool
) -> None:
    assert document_pointer(key, text, words) is expected


@pytest.mark.parametrize(
    ("code", "rules"),
    [
        ("db.orders.countDocuments()", []),
        ("db.users.find({a: 1}).limit(3).toArray()", []),
        ("show dbs", []),
        ("db.version(); require('child_process').execSync('id')", ["interpreter-code"]),
        ("db.adminCommand({shutdown: 1})", ["interpreter-code"]),
        ("db.users.aggregate([{$out: 'x'}])", ["interpreter-code"]),
        ("db.users.deleteMany({})", ["destructive-command", "interpreter-code"]),
        ("db.x.find()['constructor']('y')()", ["interpreter-code"]),
    ],
)
def test_mongo_shell_code_is_reviewed_unless_a_known_read(code: str, rules: list[str]) -> None:
    assert [rule for rule, _ in mongo_shell_findings(code)] == rules


@pytest.mark.parametrize(
    ("words", "allowed"),
    [
        (["GET", "k"], True),
        (["-n", "1", "HGETALL", "s:1"], True),
        (["--raw", "SCAN", "0"], True),
        (["-r", "1", "FLUSHALL"], False),
        (["-e", "FLUSHALL"], False),
        (["FUNCTION", "FLUSH"], False),
        (["CLIENT", "KILL", "TYPE", "normal"], False),
        (["CLIENT", "LIST"], True),
        (["--rdb", "/home/agent/.bashrc"], False),
        (["--unknown", "GET", "k"], False),
    ],
)
def test_redis_commands_are_an_allow_list_found_past_options(
    words: list[str], allowed: bool
) -> None:
    assert (redis_command_findings(words) == []) is allowed


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("postgresql://localhost:5432/app_dev", True),
        ("host=127.0.0.1 dbname=app", True),
        ("postgresql:///app?host=/var/run/postgresql", True),
        ("sqlite:///app.db", True),
        ("host=prod-db.internal dbname=app", False),
        ("postgresql:///app?host=db.internal", False),
        ("postgresql://localhost:5432,db.internal:5432/app", False),
        ("Server=sql.corp;Database=app", False),
        ("production", False),
    ],
)
def test_a_connection_is_local_only_when_every_host_is(text: str, local: bool) -> None:
    assert local_connection(text) is local


@pytest.mark.parametrize(
    ("context", "local"),
    [
        ("kind-dev", True),
        ("minikube", True),
        ("kind-prod-eu-1", False),
        ("k3d-production", False),
        ("KIND-dev", False),
        ("kind-", False),
        ("prod-eu-1", False),
    ],
)
def test_a_context_is_local_by_its_exact_name_without_production(context: str, local: bool) -> None:
    assert local_context(context) is local


def test_a_manifest_from_a_url_or_outside_the_workspace_is_foreign() -> None:
    cwd = "/home/agent/project"
    assert not foreign_manifest("k8s/app.yaml", cwd)
    assert foreign_manifest("https://example.org/x.yaml", cwd)
    assert foreign_manifest("/tmp/x.yaml", cwd)
    assert foreign_manifest("../other/x.yaml", cwd)


@pytest.mark.parametrize(
    ("rest", "harmless"),
    [
        ("search_path to billing, public", True),
        ("statement_timeout = 5000", True),
        ("names utf8mb4", True),
        ("time zone 'utc'", True),
        ("statement_timeout = 0", False),
        ("search_path = evil, pg_catalog", False),
        ("global init_connect = 'x'", False),
        ("names utf8mb4, global max_connections = 1", False),
        ("work_mem = '64gb'", False),
        ("role admin", False),
        ("foreign_key_checks = 1", True),
        ("foreign_key_checks = 0", False),
    ],
)
def test_session_settings_are_an_allow_list(rest: str, harmless: bool) -> None:
    assert harmless_set(rest) is harmless


@pytest.mark.parametrize(
    ("name", "value", "harmless"),
    [
        ("table_info", "orders", True),
        ("foreign_keys", "ON", True),
        ("foreign_keys", "0", False),
        ("journal_mode", "WAL", True),
        ("journal_mode", "OFF", False),
        ("user_version", None, True),
        ("user_version", "0", False),
        ("busy_timeout", "5000", True),
        ("writable_schema", "1", False),
    ],
)
def test_pragmas_take_listed_values(name: str, value: str | None, harmless: bool) -> None:
    assert harmless_pragma(name, value) is harmless


@pytest.mark.parametrize(
    ("selector", "pinned"),
    [
        ({"source": "pytest"}, True),
        ({"status": {"$in": ["a", "b"]}}, True),
        ({"$and": [{"_id": {"$exists": True}}, {"k": 1}]}, True),
        ({"_id": {"$ne": "x"}}, False),
        ({"deleted": {"$in": [True, False]}}, False),
        ({"deleted": {"$in": ["x", None]}}, False),
        ({"$expr": {"$eq": [1, 1]}}, False),
        ({"created_at": {"$lt": "9999"}}, False),
        ({"$or": [{"a": 1}, {"b": {"$ne": 2}}]}, False),
    ],
)
def test_a_mongo_filter_is_selective_when_it_pins_a_field(
    selector: dict[str, object], pinned: bool
) -> None:
    assert selective(selector) is pinned


def test_updates_of_privileges_and_pipelines_into_system_collections_are_found() -> None:
    assert write_findings({"update": {"$set": {"role": "admin"}}})
    assert write_findings({"pipeline": [{"$out": {"db": "admin", "coll": "x"}}]})
    assert not write_findings({"update": {"$set": {"status": "shipped"}}})


@pytest.mark.parametrize(
    ("parameters", "read"),
    [
        ({"paths": ["build/*"]}, True),
        ({"glob": "*.log", "root": "."}, True),
        ({"paths": ["*", ".*"]}, False),
        ({"glob": "**/*", "root": "/home/agent/project"}, False),
        ({"targetPath": "db-host:/var/lib/data"}, False),
    ],
)
def test_deletes_of_every_file_or_of_another_host_are_not_read(
    parameters: dict[str, object], read: bool
) -> None:
    assert (deletion_command(name_words("delete_files"), parameters) is not None) is read
