"""Units of the structured readers: authorities holding a character no host name holds, values
declared encoded, and scripts a shell or interpreter reads on standard input."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.authorityglyphs import foreign_authorities
from aegis.intent_firewall.declaredencoding import declared_key, decoded_text, is_blob
from aegis.intent_firewall.rules import default_hit
from aegis.intent_firewall.stdinscripts import (
    stdin_code_program,
    stdin_shell_key,
    without_stdin_shell,
)

ALLOWED = frozenset({"github.com", "pypi.org", "localhost", "127.0.0.1"})


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("https://github.com\u2044acme\u2044app.git", "U+2044 FRACTION SLASH"),
        ("https://github\u2024com/acme", "U+2024 ONE DOT LEADER"),
        ("https://github.com\u2215@evil.example/x", "U+2215 DIVISION SLASH"),
        ("git@github.com\u29f8x:acme/app.git", "U+29F8 BIG SOLIDUS"),
        ("--host=localhost\u2044evil.example", "U+2044 FRACTION SLASH"),
        ("https://pypi.org:443\uff0fx/simple", "U+FF0F FULLWIDTH SOLIDUS"),
    ],
)
def test_an_authority_with_a_foreign_character_is_named(text: str, named: str) -> None:
    found = foreign_authorities(text, ALLOWED)
    assert found
    assert named in found[0]


@pytest.mark.parametrize(
    "text",
    [
        "https://github.com/acme/1\u20442.md",  # after the authority
        "r\u00e9sum\u00e9 \u2014 https://github.com/acme",  # elsewhere on the line
        "https://evil\u2044example.org/x",  # folds to no allowed host: judged elsewhere
        "https://github.com/acme",
    ],
)
def test_other_text_is_no_finding(text: str) -> None:
    assert foreign_authorities(text, ALLOWED) == []


def test_a_declared_encoding_renames_only_command_keys_holding_a_blob() -> None:
    mapping = {"command": "bWFrZSB0ZXN0", "encoding": "base64", "input": "./a.b64"}
    assert declared_key("command", mapping["command"], mapping) == "command_b64"
    assert declared_key("input", mapping["input"], mapping) == "input"
    assert declared_key("command", "make test", mapping) == "command"
    assert declared_key("command", "bWFrZSB0ZXN0", {"encoding": "utf-8"}) == "command"


def test_decoding_accepts_both_alphabets_and_no_padding() -> None:
    assert decoded_text("bWFrZSB0ZXN0") == "make test"
    assert decoded_text("Z2l0IGxvZyAtLW9uZWxpbmUgLTU") == "git log --oneline -5"
    assert decoded_text("//79AA==") is None  # bytes that are not UTF-8
    assert decoded_text("make test") is None
    assert is_blob("bWFr\nZSB0")
    assert not is_blob("make test")
    assert not is_blob("rm -rf /")


def test_a_shell_fed_its_script_on_stdin() -> None:
    params = {"command": "bash -s", "stdin": "npm test"}
    assert stdin_shell_key("stdin", "npm test", params)
    hits = [default_hit("interactive-shell", "bash -s")]
    assert without_stdin_shell(hits, "command", "bash -s", params) == []
    for command in ("bash -i", "sudo bash -s", "bash -s && bash", "cat"):
        other = {"command": command, "stdin": "npm test"}
        assert without_stdin_shell(hits, "command", command, other) == hits
    assert (
        without_stdin_shell(hits, "command", "bash -s", {"command": "bash -s", "stdin": " "})
        == hits
    )


def test_an_interpreter_fed_its_program_on_stdin() -> None:
    assert stdin_code_program("stdin", "x", {"command": "python3 -", "stdin": "x"}) == (
        "python3",
        "-c",
    )
    assert stdin_code_program("stdin", "x", {"command": "node -", "stdin": "x"}) == ("node", "-e")
    assert stdin_code_program("stdin", "x", {"command": "python3 app.py", "stdin": "x"}) is None
    assert stdin_code_program("path", "x", {"command": "python3 -", "stdin": "x"}) is None
