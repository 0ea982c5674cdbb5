"""Units behind ``corpus/coderun_*.yaml``: Emacs's option abbreviations, the Ex commands
that only edit a buffer, and the IPython magics a cell is read into."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.emacsargs import emacs_option
from aegis.intent_firewall.excommands import inert_ex
from aegis.intent_firewall.ipymagics import read_cell


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("--exe", "code"),
        ("--eva=(x)", "code"),
        ("-eval", "code"),
        ("--lo", "load"),
        ("--scr", "load"),
        ("-l/tmp/x.el", "load"),
        ("--fun=f", "function"),
        ("--dir", "dir"),
        ("--batch", "flag"),
        ("--vers", "flag"),
        ("--no-such-option", "unknown"),
    ],
)
def test_an_emacs_option_is_read_whole_or_abbreviated(word: str, role: str) -> None:
    assert emacs_option(word)[0] == role


def test_an_ambiguous_emacs_prefix_takes_the_most_powerful_option() -> None:
    # --di is --directory (a load path) or --display (a name): read as the load path
    assert emacs_option("--di=/tmp")[0] == "dir"
    assert emacs_option("--e")[0] == "unknown"  # one letter completes nothing: refused


@pytest.mark.parametrize(
    "line",
    ["set ff=unix", "%s/foo/bar/g", "g/TODO/d", "%retab", "wq", "%s/\\s\\+$//e|x", "1,5d"],
)
def test_editing_ex_commands_are_inert(line: str) -> None:
    assert inert_ex(line)


@pytest.mark.parametrize(
    "line",
    [
        "!id",
        "r !id",
        "w !sh",
        "w /etc/x",
        "s/x/\\=system('id')/",
        "g/x/!id",
        "set shell=/bin/sh",
        "so /tmp/x.vim",
        "norm ggdd",
        "exe '!id'",
        "set ff=unix|!id",
        "call system('id')",
        "py3 import os",
    ],
)
def test_ex_commands_that_run_code_are_not(line: str) -> None:
    assert not inert_ex(line)


def test_a_cell_without_magics_is_left_to_the_python_reader() -> None:
    assert read_cell("x = 1\nprint(x % 2)") is None


def test_magics_become_the_command_lines_they_run() -> None:
    cell = read_cell("%pip install requests\nfiles = !ls data\n%timeit -n 3 f()\n%env A=1")
    assert cell is not None
    assert cell.shell == ["pip install requests", "ls data", "export A='1'"]
    assert cell.python.split("\n") == ["pass", "pass", "f()", "pass"]
    assert cell.findings == []


def test_a_shell_cell_is_a_script_and_an_unknown_magic_is_refused() -> None:
    shell = read_cell("%%bash\nmake test\n")
    assert shell is not None
    assert shell.shell == ["make test\n"]
    unknown = read_cell("%rerun 1-3")
    assert unknown is not None
    assert unknown.findings[0][0] == "interpreter-code"
