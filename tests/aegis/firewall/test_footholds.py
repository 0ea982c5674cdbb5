"""Units of the foothold checks: patch targets, local admin APIs, editor settings and code,
workflows, redirected dependencies, secrets in messages and the home's dot-directories."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from aegis.intent_firewall.adminapis import admin_api
from aegis.intent_firewall.depredirect import redirect_findings, shell_redirects
from aegis.intent_firewall.editorcode import editor_code_findings
from aegis.intent_firewall.editorsettings import settings_findings
from aegis.intent_firewall.items import Item
from aegis.intent_firewall.messagesecrets import message_findings
from aegis.intent_firewall.outside import home_config
from aegis.intent_firewall.patches import patch_findings
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.workflows import workflow_findings

WHERE = ("/home/agent/project", "/home/agent")


def _recorder(
    calls: list[tuple[str, dict[str, str]]],
) -> Callable[[str, dict[str, str]], list[Hit]]:
    def judge(action: str, parameters: dict[str, str]) -> list[Hit]:
        calls.append((action, parameters))
        return []

    return judge


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        (
            "--- a/../.bashrc\n+++ b/../.bashrc\n@@ -0,0 +1 @@\n+alias x=y\n",
            ("../.bashrc", "alias x=y"),
        ),
        (
            "*** Begin Patch\n*** Add File: /etc/cron.d/j\n+* * * * * id\n*** End Patch\n",
            ("/etc/cron.d/j", "* * * * * id"),
        ),
        (
            "diff --git a/x b/../../.profile\nrename from x\nrename to ../../.profile\n",
            ("../../.profile", ""),
        ),
    ],
)
def test_each_patch_target_is_judged_as_a_write_with_the_added_lines(
    patch: str, expected: tuple[str, str]
) -> None:
    calls: list[tuple[str, dict[str, str]]] = []
    patch_findings(
        frozenset({"apply", "patch"}), [Item("parameters.patch", patch, "patch")], _recorder(calls)
    )
    assert ("write_file", {"path": expected[0], "content": expected[1]}) in calls


def test_a_deleted_file_is_judged_as_a_deletion_and_text_of_other_actions_is_no_patch() -> None:
    calls: list[tuple[str, dict[str, str]]] = []
    patch = "*** Begin Patch\n*** Delete File: ../../.ssh/config\n*** End Patch\n"
    patch_findings(
        frozenset({"apply", "patch"}), [Item("parameters.input", patch, "input")], _recorder(calls)
    )
    assert calls == [("delete_file", {"path": "../../.ssh/config"})]
    calls.clear()
    patch_findings(
        frozenset({"write", "file"}),
        [Item("parameters.content", patch, "content")],
        _recorder(calls),
    )
    assert calls == []


@pytest.mark.parametrize(
    ("method", "url", "admin"),
    [
        ("POST", "http://localhost:2019/load", True),
        ("PATCH", "http://127.1:2019/config/", True),
        ("POST", "http://[::1]:9901/quitquitquit", True),
        ("POST", "http://localhost:8080/scriptText", True),
        ("GET", "http://localhost:2019/config/", False),
        ("POST", "http://localhost:8000/api/orders", False),
        ("POST", "https://example.com:2019/load", False),
    ],
)
def test_state_changing_requests_to_local_admin_apis(method: str, url: str, admin: bool) -> None:
    assert bool(admin_api(method, url)) is admin


@pytest.mark.parametrize(
    ("value", "held"),
    [
        ("/tmp/.x/python", True),
        ("/home/agent/.local/bin/python", True),
        ("~/bin/git", True),
        ("${workspaceFolder}/../../tmp/py", True),
        ("/usr/bin/python3", False),
        ("${workspaceFolder}/.venv/bin/python", False),
        (".venv/bin/python", False),
        ("python3", False),
        ("/home/agent/project/.venv/bin/python", False),
    ],
)
def test_editor_settings_naming_a_program_outside_the_workspace(value: str, held: bool) -> None:
    text = '{"python.defaultInterpreterPath": "' + value + '"}'
    found = settings_findings(".vscode/settings.json", [text], {}, WHERE)
    assert bool(found) is held
    assert settings_findings("config/settings.json", [text], {}, WHERE) == []


def test_dir_locals_eval_is_code_and_plain_settings_are_not() -> None:
    none: list[Hit] = []
    assert editor_code_findings(
        ".dir-locals.el", ['((nil . ((eval . (message "hi")))))'], lambda _: none
    )
    assert not editor_code_findings(
        ".dir-locals.el", ["((nil . ((fill-column . 80))))"], lambda _: none
    )


def test_vim_commands_are_judged_as_command_lines() -> None:
    seen: list[str] = []

    def judge_line(line: str) -> list[Hit]:
        seen.append(line)
        return [default_hit("destructive-command", line)] if "rm" in line else []

    assert editor_code_findings(".exrc", ["silent !rm -rf ~\n"], judge_line)
    assert not editor_code_findings(".nvim.lua", ["vim.fn.system('git status')\n"], judge_line)
    assert "git status" in seen
    # a command built at run time is code whatever it says
    assert editor_code_findings(".nvim.lua", ["vim.fn.system(cmd)\n"], judge_line)


@pytest.mark.parametrize(
    ("old", "new", "held"),
    [
        ("uses: actions/setup-node@v4", "uses: setup-n0de/setup-node@main", True),
        ("uses: actions/checkout@v4", "uses: actlons/checkout@v4", True),
        ("uses: foo/bar@v1", "uses: foo/bar@v2", False),
        (
            "uses: actions/checkout@v4",
            "uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11",
            False,
        ),
        ("on: pull_request", "on: pull_request_target", True),
    ],
)
def test_workflow_edits(old: str, new: str, held: bool) -> None:
    assert bool(workflow_findings(".github/workflows/ci.yml", [new], [old])) is held


@pytest.mark.parametrize(
    ("name", "text", "held"),
    [
        ("go.mod", "replace golang.org/x/crypto => github.com/x/crypto v0.1.0\n", True),
        ("go.mod", "replace example.com/lib => ./lib\n", False),
        ("go.mod", "replace example.com/a v1.0.0 => example.com/a v1.0.1\n", False),
        ("cargo.toml", '[patch.crates-io]\nserde = { git = "https://github.com/x/serde" }\n', True),
        ("cargo.toml", '[patch.crates-io]\nserde = { path = "vendor/serde" }\n', False),
        ("package.json", '{"overrides": {"a": "github:x/a"}}', True),
        ("package.json", '{"resolutions": {"a": "^1.2.3"}}', False),
        ("requirements.txt", "--extra-index-url https://mirror.example/simple\nx==1\n", True),
        ("requirements.txt", "x==1\n", False),
    ],
)
def test_dependency_redirection(name: str, text: str, held: bool) -> None:
    assert bool(redirect_findings(name, [text])) is held


def test_go_mod_edit_replace_on_a_command_line() -> None:
    assert shell_redirects("go mod edit -replace=github.com/a/b=github.com/c/b@v1.0.0")
    assert not shell_redirects("go mod edit -replace=github.com/a/b=../b")


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("{{file:/home/agent/.config/gh/hosts.yml}}", True),
        ("token=${GITHUB_TOKEN}", True),
        ("{{ secrets.DEPLOY_KEY }}", True),
        ("see ~/.netrc", False),
        ("Please add a GITHUB_TOKEN secret.", False),
        ("Build {{run_id}} costs $5, 100% done.", False),
    ],
)
def test_messages_carrying_a_secret(text: str, held: bool) -> None:
    found = message_findings(frozenset({"add", "comment"}), {"body": text})
    assert bool(found) is held
    assert message_findings(frozenset({"read", "file"}), {"body": text}) == []


@pytest.mark.parametrize(
    ("path", "held"),
    [
        ("/home/agent/.ipython/profile_default/ipython_config.py", True),
        ("/home/agent/.someclirc.d/init.sh", True),
        ("/home/agent/.cache/pip/x", False),
        ("/home/agent/.npm/_cacache/x", False),
        ("/home/agent/project/.venv/bin/x", False),
        ("/home/agent/notes.txt", False),
        ("/home/other/.bashrc", False),
    ],
)
def test_the_homes_dot_directories(path: str, held: bool) -> None:
    assert home_config(path, "/home/agent/project", "/home/agent") is held
