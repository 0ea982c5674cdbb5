"""Properties over open-ended input (Hypothesis).

* Quoting or escaping the words of a blocked command in any way bash reads the same never
  gets it allowed.
* No input, of any shape, raises anything but the documented ``TypeError``/``ValueError``.
* The plain-line fast path and the tree-sitter walk see the same commands.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.fastlex import plain_script
from aegis.intent_firewall.shell import parse_script

FIREWALL = IntentFirewall(working_directory="/work/project", home="/home/agent")

BLOCKED = [
    ["rm", "-rf", "/"],
    ["rm", "-r", "-f", "/etc"],
    ["cat", "/etc/shadow"],
    ["chmod", "-R", "777", "/"],
    ["mkfs.ext4", "/dev/sda1"],
    ["dd", "if=/dev/zero", "of=/dev/sda"],
    ["sudo", "ls"],
    ["crontab", "-e"],
]


def _ansi_c(word: str) -> str:
    return "$'" + "".join(f"\\x{ord(c):02x}" for c in word) + "'"


def _octal(word: str) -> str:
    return "$'" + "".join(f"\\{ord(c):03o}" for c in word) + "'"


def _backslashes(word: str) -> str:
    return "".join("\\" + c if c.isalnum() else c for c in word)


def _split_quotes(word: str) -> str:
    middle = max(1, len(word) // 2)
    return f"'{word[:middle]}'\"{word[middle:]}\""


def _empty_quotes(word: str) -> str:
    return word[:1] + '""' + word[1:] if len(word) > 1 else word + "''"


STYLES = [
    lambda w: w,
    lambda w: f"'{w}'",
    lambda w: f'"{w}"',
    _ansi_c,
    _octal,
    _backslashes,
    _split_quotes,
    _empty_quotes,
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BLOCKED), st.data())
def test_any_quoting_of_a_blocked_command_is_never_allowed(
    words: list[str], data: st.DataObject
) -> None:
    styled = [data.draw(st.sampled_from(STYLES))(word) for word in words]
    line = " ".join(styled)
    verdict = FIREWALL.validate_request_sync(Request("execute_command", {"cmd": line}))
    assert verdict.decision is not Decision.ALLOW, line


SHELLISH = st.text(alphabet="ab $'\"\\`|&;<>(){}[]*?~!#=%-./\n\t\x00é\u200b", max_size=80)
KEYS = st.sampled_from(["cmd", "command", "path", "url", "host", "query", "text", "env", "argv"])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | SHELLISH | st.binary(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS | SHELLISH, inner, max_size=4),
    max_leaves=24,
)


@settings(max_examples=300, deadline=None)
@given(SHELLISH.filter(str.strip) | st.sampled_from(["exec", "writeFile", "run_tool"]), VALUES)
def test_no_input_raises_anything_but_a_verdict(action: str, value: object) -> None:
    try:
        request = Request(action, {"payload": value, "cmd": value})
    except (TypeError, ValueError):
        return
    verdict = FIREWALL.validate_request_sync(request)
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.allowed is (verdict.decision is Decision.ALLOW)


PLAIN_WORD = st.text(alphabet="abcdefghijklmnop0123456789-_./:,+@%*?", min_size=1, max_size=8)
OPERATOR = st.sampled_from([" ", " ", " ", " && ", " || ", " | ", "; ", " > ", " 2>&1 "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(PLAIN_WORD, OPERATOR), min_size=1, max_size=8))
def test_the_fast_path_sees_the_commands_tree_sitter_sees(pieces: list[tuple[str, str]]) -> None:
    line = "".join(word + operator for word, operator in pieces).strip()
    fast = plain_script(line, "/w", {})
    if fast is None:  # a reserved word: the fast path declines
        return
    slow = parse_script(line + " #", "/w", {}, 10_000)  # the comment forces tree-sitter
    if any(kind == "unparseable-command" for kind, _ in slow.constructs):
        return  # a line bash would refuse, such as a dangling operator

    def shape(commands: list) -> tuple[object, ...]:  # type: ignore[type-arg]
        # tree-sitter may hang a redirection (and words after it) on the list around a
        # command: compare the words and redirections of the line as a whole
        words = [w.value for c in commands for w in c.words]
        targets = sorted(
            (r.operator, r.target.value if r.target else None)
            for c in commands
            for r in c.redirects
        )
        return sorted(words), targets

    assert shape(fast.commands) == shape(slow.commands), line
