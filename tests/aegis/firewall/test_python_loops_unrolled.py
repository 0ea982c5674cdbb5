"""A Python one-liner's loop over a short literal is judged as its calls written out: each
item is then a literal path the file readers check (``pyunroll.py``)."""

from __future__ import annotations

import ast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.pyunroll import unrolled_loops

FIREWALL = IntentFirewall(working_directory="/home/agent/project", home="/home/agent")


def _decision(code: str) -> Decision:
    return FIREWALL.validate_request_sync(Request("python_exec", {"code": code})).decision


def test_a_loop_over_a_literal_is_written_out_once_per_item() -> None:
    code = 'import shutil\nfor d in ["build", "dist"]:\n    shutil.rmtree(d)'
    assert unrolled_loops(code) == "import shutil\nshutil.rmtree('build')\nshutil.rmtree('dist')"


@pytest.mark.parametrize(
    "code",
    [
        "for d in dirs:\n    print(d)",  # not a literal
        'for d in ["a"]:\n    d = "/"\n    print(d)',  # the body rebinds the name
        'for d in ["a", "b"]:\n    if d:\n        break',  # leaves early
        'for d in ["a"]:\n    for e in ["b"]:\n        print(d, e)',  # a loop inside
        "for d in [x, 'b']:\n    print(d)",  # an item that is no constant
        "for d in ['a']:\n    print(d)\nelse:\n    print(1)",  # an else
        "print(1)",  # no loop at all
        "for (",  # does not parse
    ],
)
def test_other_shapes_are_left_as_they_are(code: str) -> None:
    assert unrolled_loops(code) is None


def test_build_directories_removed_in_a_loop_are_allowed() -> None:
    code = 'import shutil\nfor d in ["build", "dist", ".pytest_cache"]:\n    shutil.rmtree(d)'
    assert _decision(code) is Decision.ALLOW


@pytest.mark.parametrize("items", ['"build", "/etc"', '"build", "../other"', '"~/.ssh"', '"/"'])
def test_a_path_outside_the_workspace_in_the_loop_is_not_allowed(items: str) -> None:
    code = f"import shutil\nfor d in [{items}]:\n    shutil.rmtree(d)"
    assert _decision(code) is not Decision.ALLOW


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=8), min_size=1, max_size=20))
def test_unrolling_keeps_valid_python_or_declines(items: list[str]) -> None:
    code = f"for d in {items!r}:\n    print(d)"
    unrolled = unrolled_loops(code)
    if len(items) > 16:
        assert unrolled is None
    else:
        assert unrolled is not None
        assert len(ast.parse(unrolled).body) == len(items)
