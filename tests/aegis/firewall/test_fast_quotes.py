"""The fast path for lines with quoted words reads them exactly as the tree walk does.

A quoted line on the fast path must get the verdict the full walk gives it, so the property
here is stricter than for plain lines: the same commands (every word as written, its value,
fields and glob; redirections, working directory, pipeline stages) and the same constructs.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import shell
from aegis.intent_firewall.fastlex import is_plain, plain_script
from aegis.intent_firewall.shell import parse_script
from aegis.intent_firewall.shellmodel import Script

HOME = "/home/agent"

_PROGRAMS = ["grep", "git", "ls", "cd", "sh", "python3", "rm", "./run.sh", "--opt=", "X=1",
             "pass:", "a@b:", "'rm'", "r'm'", "eval", "."]  # fmt: skip
_BODIES = ["TODO 1", "a b", "*.py", "$(id)", "`id`", "a[$(id)]", "x[`id`]", "", " ", '"',
           "\\", "~-", "~+", "-", "*", "{a,b}", "if", "then", "|", ";", "#", "!", "/etc/shadow",
           "~/.ssh/id_rsa", "$HOME", "..", "=", "s/a/b/g", "\t", "  ", "it's", "a;b",
           "fix: x"]  # fmt: skip
_PLAIN_WORDS = ["-rn", "src/", "x=1", "--env=", "~/", "a*", "2>&1", "./out", "..", "-", "%2F"]
_OPERATORS = ["|", "&&", "||", ";", "&", "|&", ">", ">>", "<"]

_QUOTED = st.builds(
    lambda before, quote, body, after: f"{before}{quote}{body.replace(quote, '')}{quote}{after}",
    st.sampled_from(["", "", "--name=", "a", "~", "-"]),
    st.sampled_from(["'", '"']),
    st.sampled_from(_BODIES),
    st.sampled_from(["", "", "b", "'x'", '"y"', "/", "*"]),
)
_TOKEN = st.one_of(
    _QUOTED, st.sampled_from(_PLAIN_WORDS), st.sampled_from(_OPERATORS), st.sampled_from(_PROGRAMS)
)


def _walked(line: str) -> Script:
    with pytest.MonkeyPatch.context() as patched:  # the same line through tree-sitter
        patched.setattr(shell, "is_plain", lambda text: False)
        return parse_script(line, "/w", {"HOME": HOME}, 1000)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_PROGRAMS), st.lists(_TOKEN, min_size=1, max_size=10), st.booleans())
@example("grep", ["|", "src/", "|", "src/", "'TODO 1'"], True)  # a stage named '' feeds none
def test_a_quoted_line_on_the_fast_path_is_what_the_tree_walk_makes_of_it(
    program: str, tokens: list[str], spaced: bool
) -> None:
    line = (" " if spaced else "").join([program, *tokens])
    if "'" not in line or not is_plain(line):
        return
    fast = plain_script(line, "/w", {"HOME": HOME})
    if fast is None:
        return
    walked = _walked(line)
    assert fast.commands == walked.commands
    assert fast.constructs == walked.constructs
    assert fast.inner_scripts == walked.inner_scripts


@pytest.mark.parametrize(
    "line",
    [
        "grep -rn 'TODO 12' src/ | wc -l",
        "git commit -m 'fix: the parser' && git log -1",
        "echo 'a b' 'c'd e'f' --name='x y'",
        'git commit -m "fix: the parser" && git push',
        """echo "it's" 'say "hi"'""",
    ],
)
def test_common_quoted_lines_take_the_fast_path(line: str) -> None:
    fast = plain_script(line, "/w", {"HOME": HOME})
    assert is_plain(line)
    assert fast is not None
    assert fast.commands == _walked(line).commands


@pytest.mark.parametrize(
    "line",
    [
        "cat '~''-'/x",  # the walk reads a ~- value as the previous directory
        "a 'x' | b | c && d",  # tree-sitter nests the list inside the pipeline
        "X='a b' env",  # an assignment: left to the walk
        "'rm' -rf /",  # a quoted program: left to the walk
        "echo 'a[$(id)]'",  # a subscript that runs a substitution
        "echo 'x' > out",  # redirections on a quoted line
        "echo 'unterminated",
        'echo "$HOME" "`id`" "a\\b" "!x"',  # double quotes that expand or escape
        'echo " " x',  # tree-sitter reads a blank-only string as empty
    ],
)
def test_lines_the_walk_reads_its_own_way_take_the_walk(line: str) -> None:
    assert not is_plain(line) or plain_script(line, "/w", {"HOME": HOME}) is None
