"""The small readers behind the firewall's newer mechanisms, tested without a firewall:
backticks the grammar leaves as text, reset distances, XML tool calls, Windows argument
strings, structured parameters rendered once, what xargs is fed, PowerShell's lexer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.embedded import load_toml, xml_leaves
from aegis.intent_firewall.git import commits_back
from aegis.intent_firewall.powershell import _Lexer, looks_like_cmdlet, split_arguments
from aegis.intent_firewall.producers import produced
from aegis.intent_firewall.requests import config_text
from aegis.intent_firewall.words import backtick_bodies


def _args(*words: str) -> tuple[tuple[str, str, bool], ...]:
    return tuple((w, w, False) for w in words)


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("${x-`rm -rf ~`}", ["rm -rf ~"]),
        ("a `id` b `uname -a`", ["id", "uname -a"]),
        ("escaped \\`not\\` run", []),
        ("`unclosed to the end", ["unclosed to the end"]),
        ("`echo \\`inner\\``", ["echo `inner`"]),
        ("``", []),
    ],
)
def test_backtick_bodies(text: str, bodies: list[str]) -> None:
    assert backtick_bodies(text) == bodies


@given(st.text(max_size=400))
def test_backtick_bodies_never_raise_and_are_bounded(text: str) -> None:
    found = backtick_bodies(text)
    assert len(found) <= 16
    assert all(len(body) <= len(text) for body in found)


@pytest.mark.parametrize(
    ("revision", "back"),
    [("HEAD", 0), ("HEAD~", 1), ("HEAD~50", 50), ("@^^^", 3), ("main~3^2", 3), ("abc123", 0),
     ("origin/main~30", 30), ("HEAD^1", 1), ("HEAD^2", 0)],
)  # fmt: skip
def test_commits_back(revision: str, back: int) -> None:
    assert commits_back(revision) == back


def test_xml_leaves_read_tool_calls_not_markup() -> None:
    text = (
        '<p>Hi <b>there</b></p><invoke name="Bash"><parameter name="command">'
        "ls &amp;&amp; id</parameter></invoke><bash><![CDATA[a > b]]></bash>"
    )
    assert xml_leaves(text) == [("command", "ls && id", "Bash"), ("bash", "a > b", "")]


@given(st.text(alphabet="<>/ab =\"'![]CDAT", max_size=300))
def test_xml_leaves_never_raise(text: str) -> None:
    assert len(xml_leaves(text)) <= 64


def test_load_toml_is_none_for_text_that_is_not_toml() -> None:
    assert load_toml('[task]\ncommand = "ls"\n') == {"task": {"command": "ls"}}
    assert load_toml("[not toml") is None
    assert load_toml("[" * 5000) is None


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("-c Remove-Item C:\\", ["-c", "Remove-Item", "C:\\"]),
        ('/c "del /q" x', ["/c", "del /q", "x"]),
        ('a \\"b c', ["a", '"b', "c"]),
        ('""', [""]),
    ],
)
def test_split_arguments(line: str, words: list[str]) -> None:
    assert split_arguments(line) == words


def test_config_text_writes_each_shared_container_once() -> None:
    diamond: list[object] = []
    for _ in range(60):
        diamond = [diamond, diamond]
    text = config_text({"privileged": True, "k": diamond}, 65536)
    assert text.startswith('{"privileged": true')
    assert len(text) < 1000


@pytest.mark.parametrize(
    ("producer", "operands", "roots"),
    [
        (("echo", "/etc/shadow", "a b"), ["/etc/shadow", "a", "b"], []),
        (("printf", "/etc/shadow\\n%s", "x"), ["/etc/shadow", "x"], []),
        (("find", "/", "-name", "id_rsa"), ["/id_rsa"], ["/"]),
        (("find", "src", "-type", "f"), [], ["src"]),
        (("locate", "id_rsa"), ["/id_rsa"], ["/"]),
        (("ls", "/etc"), [], ["/etc"]),
    ],
)
def test_what_xargs_is_fed(
    producer: tuple[str, ...], operands: list[str], roots: list[str]
) -> None:
    output = produced(_args(*producer), "/work")
    assert output is not None
    assert [a[0] for a in output.operands] == operands
    assert output.roots == roots


def test_an_unknown_producer_feeds_unknown_operands() -> None:
    assert produced(_args("cat", "list.txt"), "/work") is None


def test_powershell_lexer_quotes_variables_and_statements() -> None:
    statements = _Lexer("Remove-Item 'a b' -Path \"$x\"; gc `$y ~", "/home/u").run()
    assert [[w[0] for w in s] for s in statements] == [
        ["Remove-Item", "a b", "-Path", None],
        ["gc", "$y", "~"],
    ]


@pytest.mark.parametrize(
    ("name", "cmdlet"),
    [("Remove-Item", True), ("get-content", True), ("pre-commit", False), ("git-lfs", False),
     ("install-deps.sh", False), ("Frobnicate-Thing", False)],
)  # fmt: skip
def test_looks_like_cmdlet(name: str, cmdlet: bool) -> None:
    assert looks_like_cmdlet(name) is cmdlet
