"""One-liners that only print: Python reading workspace files, node and ruby printing facts."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.inertcode import inert_python, python_reads
from aegis.intent_firewall.inertscript import inert_script


def test_python_reads_name_the_files_opened_for_reading() -> None:
    code = 'import json; print(json.load(open("package.json"))["version"])'
    assert python_reads(code) == ("package.json",)
    assert python_reads('print(open("a", "rb").read(), open("b", encoding="utf-8").read())') == (
        "a",
        "b",
    )


@pytest.mark.parametrize(
    "code",
    [
        'open("x", "w").write("y")',
        'open("x", mode="a")',
        "import sys; print(open(sys.argv[1]).read())",
        'f = open; print(f("x").read())',
        'print(list(map(open, ["a"])))',
        'import os; print(open("x").read())',
    ],
)
def test_any_other_open_is_outside_the_grammar(code: str) -> None:
    assert python_reads(code) is None


def test_a_file_read_is_no_longer_inert_python() -> None:
    assert inert_python("import sys; print(sys.version)")
    assert not inert_python('print(open("x").read())')


@pytest.mark.parametrize(
    ("language", "code", "printed"),
    [
        ("node", "console.log(process.version)", False),
        ("node", 'console.log("v" + process.versions.v8, process.arch)', False),
        ("node", "process.platform", True),
        ("ruby", "puts RUBY_VERSION", False),
        ("ruby", 'puts RbConfig::CONFIG["host_os"]; p Gem::VERSION', False),
    ],
)
def test_printing_facts_is_inert(language: str, code: str, printed: bool) -> None:
    assert inert_script(language, code, printed=printed)


@pytest.mark.parametrize(
    ("language", "code"),
    [
        ("node", "console.log(process.env)"),
        ("node", "console.log(`${process.version}`)"),
        ("node", 'console.log(require("fs").readFileSync("/etc/passwd"))'),
        ("node", "console.log(process.version); process.exit(1)"),
        ("node", 'console.log("\\u0041")'),
        ("ruby", "puts `id`"),
        ("ruby", 'puts "#{system("id")}"'),
        ("ruby", 'puts ENV["HOME"]'),
        ("ruby", "puts RUBY_VERSION.succ"),
        ("perl", "print 1"),
    ],
)
def test_anything_else_is_not(language: str, code: str) -> None:
    assert not inert_script(language, code)
