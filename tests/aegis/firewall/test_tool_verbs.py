"""Tool calls read as the command lines they amount to, and SQL stacks that only read.

The corpus pair ``corpus/toolverbs_*.yaml`` holds the decisions; these specify the readers:
what command line each tool call becomes, which lists are a named program's words, what
Python's subprocess calls run, what a JSON pointer edit writes, which SQL stacks are quiet and
how a routine's dollar-quoted body is read.
"""

from __future__ import annotations

import json

import pytest

from aegis.intent_firewall.deletions import deletion_command
from aegis.intent_firewall.jsonedits import edited_manifest_items
from aegis.intent_firewall.mongotools import scoped_delete
from aegis.intent_firewall.namedtools import named_argv, named_program
from aegis.intent_firewall.pysubprocess import subprocess_argvs
from aegis.intent_firewall.sqlreadings import readings
from aegis.intent_firewall.sqlstacks import quiet_stack
from aegis.intent_firewall.toolcommands import tool_commands
from aegis.intent_firewall.vocabulary import name_words


def _commands(action: str, parameters: dict[str, object]) -> list[list[str]] | None:
    return tool_commands(name_words(action), parameters)


@pytest.mark.parametrize(
    ("action", "parameters", "expected"),
    [
        ("kill_process", {"pid": 48213, "signal": "TERM"}, [["kill", "-s", "TERM", "--", "48213"]]),
        ("kill_process", {"pid": "$(pgrep x)"}, None),
        ("kill_process", {"name": "sshd"}, None),
        (
            "extract_archive",
            {"archive": "a.zip", "dest": "out", "members": ["x/y.css"]},
            [["unzip", "-o", "a.zip", "x/y.css", "-d", "out"], ["touch", "--", "out/x/y.css"]],
        ),
        (
            "extract_archive",
            {"archive": "a.tgz", "dest": "out"},
            [["tar", "-xf", "a.tgz", "-C", "out"]],
        ),
        ("migrate", {"tool": "alembic", "target": "head"}, [["alembic", "upgrade", "head"]]),
        ("migrate", {"tool": "alembic", "target": "base"}, [["alembic", "downgrade", "base"]]),
        ("migrate", {"tool": "flyway"}, None),
        (
            "kubectl_apply",
            {"context": "kind-dev", "files": ["a.yaml", "b.yaml"]},
            [["kubectl", "apply", "--context", "kind-dev", "-f", "a.yaml", "-f", "b.yaml"]],
        ),
        ("kubectl_apply", {"context": "prod-eu", "files": ["a.yaml"]}, None),
    ],
)
def test_a_verb_tool_is_the_command_line_it_runs(
    action: str, parameters: dict[str, object], expected: list[list[str]] | None
) -> None:
    assert _commands(action, parameters) == expected


def test_a_tool_named_for_a_program_takes_its_list_as_that_programs_words() -> None:
    not_programs = frozenset({"run", "execute"})
    assert named_program(frozenset({"git"}), not_programs) == "git"
    assert named_program(frozenset({"redis"}), not_programs) == "redis-cli"
    assert named_program(frozenset({"git", "docker"}), not_programs) is None
    assert named_argv("git", ["log", "-n", "5"]) == ["git", "log", "-n", "5"]
    assert named_argv("git", ["git", "status"]) == ["git", "status"]


def test_a_delete_tool_reads_any_key_whose_last_word_is_a_path() -> None:
    assert deletion_command(name_words("removePath"), {"targetPath": "build/x"}) == [
        "rm", "-r", "--", "build/x",
    ]  # fmt: skip
    assert deletion_command(name_words("removePath"), {"profile": "x"}) is None


def test_python_runs_only_literal_argument_vectors() -> None:
    code = "import subprocess, sys\nr = subprocess.run([sys.executable, '-m', 'pytest'], text=True)"
    assert subprocess_argvs(code) == [["python", "-m", "pytest"]]
    assert subprocess_argvs("import subprocess\nsubprocess.run('ls', shell=True)") is None
    assert subprocess_argvs("import subprocess\nc = ['ls']\nsubprocess.run(c)") is None
    assert subprocess_argvs("import subprocess, os\nsubprocess.run(['ls'])\nos.remove('x')") is None


def test_a_pointer_edit_writes_the_members_under_its_pointer() -> None:
    items = edited_manifest_items(
        {"file": "package.json", "pointer": "/scripts/prepare", "value": "husky"}
    )
    assert items[0].text == "package.json"
    assert json.loads(items[1].text) == {"scripts": {"prepare": "husky"}}
    assert edited_manifest_items({"file": "package.json", "value": 1}) == []


def test_a_mongo_delete_needs_a_filter_that_picks_some_documents() -> None:
    words = name_words("mongodb.deleteMany")
    base = {"database": "app", "collection": "events"}
    assert scoped_delete(words, {**base, "filter": {"kind": "test", "age": {"$lt": 3}}})
    assert not scoped_delete(words, {**base, "filter": {"age": {"$lt": 3}}})  # pins nothing
    assert not scoped_delete(words, {**base, "filter": {}})
    assert not scoped_delete(words, {**base, "filter": {"$where": "true"}})
    assert not scoped_delete(words, {**base, "collection": "system.users", "filter": {"a": 1}})


@pytest.mark.parametrize(
    ("sql", "quiet"),
    [
        ("show tables; describe orders;", True),
        ("set search_path to app; select 1;", True),
        ("select 1; delete from t where id = 1", False),
        ("set role admin; select 1", False),
        ("explain analyze delete from t; select 1", False),
    ],
)
def test_a_stack_is_quiet_when_every_statement_reads(sql: str, quiet: bool) -> None:
    statements = [s for reading in readings(sql) for s in reading.statements]
    assert quiet_stack(statements) is quiet


def test_a_routines_dollar_quoted_body_is_one_statement() -> None:
    body = "create function f() returns trigger language plpgsql as $$ begin return new; end $$"
    assert [len(r.statements) for r in readings(body)] == [1]
    assert len(readings("select 1 as $$; drop table users; $$")[0].statements) > 1
