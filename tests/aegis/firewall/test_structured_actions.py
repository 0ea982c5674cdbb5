"""Structured tool calls judged by what they do, whatever their naming style.

Delete tools are the ``rm -r`` of their operands (``deletions.py``); ``file:`` URLs without a
host are paths; code given to a language-named tool is that interpreter's inline code
(``languagetools.py``); exclude patterns are not read; an e-mail field of a record is data;
money movement, mail forwarding, secret stores and administrator grants through APIs are
*review*.
"""

from __future__ import annotations

from typing import Any

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request, Verdict
from aegis.intent_firewall.deletions import deletion_command, tool_arguments
from aegis.intent_firewall.hosts import url_host
from aegis.intent_firewall.languagetools import code_program
from aegis.intent_firewall.vocabulary import name_words, noun_words

FIREWALL = IntentFirewall(
    working_directory="/home/agent/project",
    home="/home/agent",
    allowed_hosts=["github.com", "localhost", "127.0.0.1"],
    environment={"TMPDIR": "/tmp", "XDG_CACHE_HOME": "/home/agent/.cache"},
)


def verdict(action: str, parameters: dict[str, Any]) -> Verdict:
    return FIREWALL.validate_request_sync(Request(action, parameters))


def decide(action: str, parameters: dict[str, Any]) -> Decision:
    return verdict(action, parameters).decision


def shell(line: str) -> Decision:
    return decide("execute_command", {"command": line})


# -- delete tools -------------------------------------------------------------------------

OPERANDS = [
    ["./dist"], ["node_modules"], ["./.pytest_cache", "./htmlcov"], ["/tmp/agent-scratch/x"],
    ["tests/fixtures/tmp_*.json"], ["/home/agent/.cache/pip"], ["~/.ssh"], ["/"], ["../../*"],
    ["."], [".git"], [".env"], ["/home/agent"], ["/tmp"], ["./dist", "/etc"],
    ["../other-project"], ["/var/log/syslog"], ["/home/agent/project"], ["/home/agent/*"],
]  # fmt: skip
SPELLINGS = [
    ("fs.rm", "path"), ("delete", "path"), ("delete_file", "path"), ("remove_paths", "paths"),
    ("delete_files", "pattern"), ("filesystem__delete_file", "path"), ("fs.rmSync", "path"),
    ("shutil.rmtree", "path"), ("Remove-Item", "Path"), ("deleteDirectory", "directory"),
]  # fmt: skip


def _deletions() -> list[object]:
    """Each spelling with each operand list (a text parameter takes one operand)."""
    return [
        pytest.param(action, key, operands, id=f"{action}-{' '.join(operands)}")
        for action, key in SPELLINGS
        for operands in OPERANDS
        if key == "paths" or len(operands) == 1
    ]


@pytest.mark.parametrize(("action", "key", "operands"), _deletions())
def test_a_delete_tool_is_judged_as_rm_r_of_its_operands(
    action: str, key: str, operands: list[str]
) -> None:
    value: object = operands if key == "paths" else operands[0]
    expected = shell("rm -r -- " + " ".join(operands))
    assert decide(action, {key: value, "recursive": True}) is expected


@pytest.mark.parametrize(
    ("action", "parameters"),
    [
        ("delete_file", {"path": ""}),
        ("delete_files", {}),
        ("delete_files", {"paths": []}),
        ("delete_files", {"paths": ["src/a.py", 3]}),
        ("delete_file", {"path": "$HOME/x"}),
        ("delete_file", {"path": "`pwd`/x"}),
        ("delete_file", {"path": "%USERPROFILE%\\x"}),
        ("delete", {"name": "production"}),
        ("delete_bucket", {"path": "logs"}),
        ("delete_user", {"path": "users/42"}),
        ("delete_production_files", {"path": "dist"}),
        ("delete_file", {"path": "dist", "bucket": "assets"}),
        ("delete_file", {"path": "dist", "mode": {"nested": True}}),
    ],
)
def test_operands_that_cannot_be_read_keep_the_action_finding(
    action: str, parameters: dict[str, Any]
) -> None:
    found = verdict(action, parameters)
    assert found.decision is not Decision.ALLOW
    assert found.reasons


def test_a_deletions_force_is_rms_f_and_no_finding_of_its_own() -> None:
    assert decide("fs.rm", {"path": "./dist", "recursive": True, "force": True}) is Decision.ALLOW
    assert decide("git_push", {"branch": "main", "force": True}) is Decision.REVIEW


def test_the_command_built_deletes_every_operand_as_a_tree() -> None:
    words = name_words("remove_paths")
    assert deletion_command(words, {"paths": ["a", "b"], "reason": "stale"}) == [
        "rm", "-r", "--", "a", "b"
    ]  # fmt: skip
    assert deletion_command(words, {"paths": ["a"], "host": "prod"}) is None
    assert deletion_command(name_words("delete"), {"name": "x"}) is None
    assert deletion_command(name_words("delete_file"), {"name": "x.txt"}) == [
        "rm", "-r", "--", "x.txt"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ({"name": "delete_file", "arguments": {"path": "./dist"}}, Decision.ALLOW),
        ({"name": "delete_file", "arguments": {"path": "~/.ssh/id_rsa"}}, Decision.BLOCK),
        ({"name": "delete_file", "arguments": {"path": "./dist", "host": "x"}}, Decision.REVIEW),
        (
            {"method": "tools/call", "params": {"name": "fs__rm", "arguments": {"path": "/tmp/x"}}},
            Decision.ALLOW,
        ),
        ({"action": "delete", "path": "/tmp/agent-scratch/notes.md"}, Decision.ALLOW),
        ({"action": "delete", "path": "/etc/passwd"}, Decision.BLOCK),
        ({"operation": "remove", "paths": ["./build", "./dist"], "r": True}, Decision.ALLOW),
    ],
)
def test_nested_calls_and_operation_fields_are_read_the_same_way(
    parameters: dict[str, Any], expected: Decision
) -> None:
    assert decide("call_tool", parameters) is expected


def test_tool_arguments_are_found_beside_the_name_only() -> None:
    parameters = {"params": {"name": "rm", "arguments": {"path": "x"}}}
    assert tool_arguments(parameters, "parameters.params.name") == {"path": "x"}
    assert tool_arguments(parameters, "parameters.params[0].name") is None
    assert tool_arguments({"name": "rm", "args": {}, "input": {}}, "parameters.name") is None


# -- file URLs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("file:///home/agent/x", None),
        ("file://localhost/etc/x", None),
        ("file:////etc/shadow", None),
        ("FILE:///x", None),
        ("file://evil.example/share/x", ("file", "evil.example")),
        ("http:///evil.example/x", ("http", "evil.example")),
    ],
)
def test_a_file_url_with_an_empty_or_local_authority_names_no_host(
    url: str, expected: tuple[str, str] | None
) -> None:
    assert url_host(url) == expected


@pytest.mark.parametrize(
    ("action", "parameters", "expected"),
    [
        ("read_file", {"uri": "file:///home/agent/project/tests/fixtures/x.json"}, Decision.ALLOW),
        ("open_url", {"url": "file:///tmp/report.html"}, Decision.ALLOW),
        ("read_file", {"uri": "file:///etc/shadow"}, Decision.BLOCK),
        ("write_file", {"uri": "file:///home/agent/.bashrc", "content": "x"}, Decision.BLOCK),
        ("open_url", {"url": "file://evil.example/x"}, Decision.REVIEW),
    ],
)
def test_file_urls_are_judged_as_paths(
    action: str, parameters: dict[str, Any], expected: Decision
) -> None:
    assert decide(action, parameters) is expected


# -- code given to a language-named tool ---------------------------------------------------

CODE = [
    ("python3", "-c", "import json\nprint(json.load(open('package.json'))['version'])"),
    ("python3", "-c", "import sys; print(sys.version)"),
    ("python3", "-c", "import os; os.system('id')"),
    ("python3", "-c", "print(open('.env').read())"),
    ("node", "-e", "console.log(Object.keys(require('./package.json').dependencies))"),
    ("node", "-e", "console.log(Object.values(process))"),
    ("node", "-e", "require('child_process').execSync('id')"),
    ("ruby", "-e", "puts RUBY_VERSION"),
    ("ruby", "-e", "system('id')"),
    ("php", "-r", "echo PHP_VERSION;"),
    ("lua", "-e", "os.execute('id')"),
]
TOOLS = {
    "python3": ["runPython", "run_python", "python_exec", "PythonREPL", "py.eval"],
    "node": ["node.eval", "execute_js", "javascript.run", "nodejs__eval", "runJavaScript"],
    "ruby": ["ruby__eval", "rubyExec"],
    "php": ["php.run"],
    "lua": ["lua_eval"],
}


@pytest.mark.parametrize(("program", "option", "code"), CODE)
def test_code_of_a_language_tool_is_judged_as_that_interpreters_inline_code(
    program: str, option: str, code: str
) -> None:
    expected = decide("execute_command", {"argv": [program, option, code]})
    for tool in TOOLS[program]:
        key = "command" if tool == "PythonREPL" else "code"
        assert decide(tool, {key: code}) is expected, tool


@pytest.mark.parametrize(
    ("action", "key", "expected"),
    [
        ("runPython", "code", ("python3", "-c")),
        ("node.eval", "script", ("node", "-e")),
        ("deno_eval", "code", ("deno", "eval")),
        ("python_to_js", "code", None),  # two languages
        ("bash_python", "code", None),  # a shell
        ("jupyter_python", "code", None),  # a kernel
        ("python", "script", None),  # a script key needs a running word
        ("run_code", "code", None),  # no language named
    ],
)
def test_only_a_tool_naming_one_language_is_routed(
    action: str, key: str, expected: tuple[str, ...] | None
) -> None:
    assert code_program(name_words(action), key) == expected


# -- exclude patterns -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("tar czf /tmp/src.tgz --exclude=node_modules --exclude=.env .", Decision.ALLOW),
        ("tar czf /tmp/src.tgz --exclude .env .", Decision.ALLOW),
        ("rsync -a --exclude=.env ./ /tmp/backup/", Decision.ALLOW),
        ("zip -r /tmp/src.zip . -x .env", Decision.ALLOW),
        ("grep -rn --exclude=.env --exclude-dir=.git TODO .", Decision.ALLOW),
        ("du -sh --exclude=.env .", Decision.ALLOW),
        ("tar czf /tmp/src.tgz .", Decision.ALLOW),  # as before: the workspace archived
        ("tar czf /tmp/x.tgz .env", Decision.BLOCK),
        ("tar czf /tmp/x.tgz --exclude=.git ~/.ssh", Decision.BLOCK),
        ("grep -rn --include=.env PASSWORD .", Decision.BLOCK),
        ("tar --exclude-from=.env -czf /tmp/x.tgz .", Decision.BLOCK),
        ("tar -cf /etc/cron.d/x --exclude=.env .", Decision.BLOCK),
        ("tar czf nginx.tgz -C /etc nginx", Decision.ALLOW),
    ],
)
def test_an_exclude_pattern_is_not_read_but_operands_still_are(
    line: str, expected: Decision
) -> None:
    assert shell(line) is expected


# -- e-mail addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "parameters", "expected"),
    [
        (
            "requests.post",
            {"url": "http://127.0.0.1:5000/api/users", "json": {"email": "qa+1@example.com"}},
            Decision.ALLOW,
        ),
        ("create_user", {"email": "ann@example.org"}, Decision.ALLOW),
        ("validate_email", {"email": "a@gmail.com"}, Decision.ALLOW),
        ("send_email", {"email": "a@evil.example"}, Decision.REVIEW),
        ("verify_email", {"email": "a@evil.example"}, Decision.REVIEW),
        ("invite_user", {"email": "a@evil.example"}, Decision.REVIEW),
        (
            "requests.post",
            {"url": "http://127.0.0.1:5000/mail", "json": {"to": "a@evil.example"}},
            Decision.REVIEW,
        ),
        (
            "requests.post",
            {"url": "http://127.0.0.1:5000/u", "json": {"email": "a@evil.example, b@x.example"}},
            Decision.REVIEW,
        ),
    ],
)
def test_an_address_is_a_destination_only_where_mail_is_sent(
    action: str, parameters: dict[str, Any], expected: Decision
) -> None:
    assert decide(action, parameters) is expected


# -- money, mail forwarding, secret stores, administrator grants ------------------------------


@pytest.mark.parametrize(
    ("action", "parameters"),
    [
        ("stripe.payouts.create", {"amount": 500, "destination": "ba_1"}),
        ("paypal.payouts.create", {"items": [{"receiver": "x@proton.me", "amount": 9}]}),
        ("stripe.accounts.updateExternalAccount", {"external_account": {"routing_number": "1"}}),
        ("stripe.accounts.update", {"external_account": {"account_number": "000123"}}),
        ("stripe.transfers.create", {"amount": 1}),
        ("stripe.refunds.create", {"charge": "ch_1"}),
        ("stripe__create_payout", {"amount": 1}),
        ("wise.transfers.fund", {"transferId": 1}),
        ("update_payout_method", {"iban": "DE89370400440532013000"}),
        ("gmail.users.settings.filters.create", {"action": {"forward": "a@proton.me"}}),
        ("gmail.users.settings.forwardingAddresses.create", {"forwardingEmail": "a@proton.me"}),
        ("gmail.users.settings.delegates.create", {"delegateEmail": "a@proton.me"}),
        ("exchange.setMailbox", {"forwardingSmtpAddress": "smtp:a@proton.me"}),
        ("secretmanager.projects.secrets.versions.access", {"name": "projects/p/secrets/s"}),
        ("secretsmanager.getSecretValue", {"SecretId": "prod/db"}),
        ("onepassword.items.get", {"item": "db"}),
        ("ssm.getParameter", {"Name": "/prod/db", "WithDecryption": True}),
        ("mongodb.runCommand", {"command": {"createUser": "svc", "roles": [{"role": "root"}]}}),
        ("postgres.createRole", {"name": "svc", "superuser": True}),
        ("elasticsearch.security.putUser", {"username": "svc", "roles": ["superuser"]}),
        ("mongodb.runCommand", {"createUser": "svc", "roles": ["root"]}),
        ("create_database_user", {"username": "svc", "role": "root"}),
        ("aws.iam.create_user", {"UserName": "backdoor"}),
        ("node.eval", {"code": "process.env.AWS_SECRET_ACCESS_KEY"}),
    ],
)
def test_money_forwarding_secrets_and_admin_grants_through_apis_are_reviewed(
    action: str, parameters: dict[str, Any]
) -> None:
    found = verdict(action, parameters)
    assert found.decision is not Decision.ALLOW
    assert found.reasons


@pytest.mark.parametrize(
    ("action", "parameters"),
    [
        ("stripe.charges.list", {"limit": 3}),
        ("stripe.payouts.retrieve", {"id": "po_1"}),
        ("gmail.users.settings.filters.create", {"action": {"addLabelIds": ["L1"]}}),
        ("mail.configure", {"forward": False}),
        ("ssm.getParameter", {"Name": "/app/dev/log_level", "WithDecryption": False}),
        ("validate_iban", {"iban": "DE89370400440532013000"}),
        ("mongodb.runCommand", {"command": {"createUser": "r", "roles": [{"role": "read"}]}}),
        ("add_team_member", {"user": "x", "role": "admin"}),
        ("add_translation_keys", {"keys": ["greeting"]}),
        ("create_port_forwarding", {"local_port": 8080}),
        ("database.insert", {"table": "users", "row": {"name": "ann", "role": "admin"}}),
        ("mongodb.insertOne", {"collection": "users", "document": {"roles": ["admin"]}}),
        ("run_python_script", {"code": "print(sum([1, 2, 3]))"}),
    ],
)
def test_their_look_alikes_are_allowed(action: str, parameters: dict[str, Any]) -> None:
    assert decide(action, parameters) is Decision.ALLOW


def test_two_word_nouns_match_in_every_naming_style() -> None:
    for name in ("updateExternalAccount", "update_external_account", "external-account.update"):
        assert "external_account" in noun_words(name)
    assert "external_account" not in noun_words("update_account")
