"""Properties of the firewall over open-ended input (Hypothesis)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall import IntentFirewall, Request, Rule

FIREWALL = IntentFirewall()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(
    st.text(min_size=1).filter(str.strip),
    st.dictionaries(st.text(), json_values, max_size=6),
    st.floats(min_value=0, max_value=1),
)
def test_any_json_like_request_gets_a_verdict(
    action: str, parameters: dict[str, object], confidence: float
) -> None:
    verdict = FIREWALL.validate_request_sync(Request(action, parameters, "", confidence))
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.allowed is (verdict.decision == "allow")
    assert len(verdict.reasons) >= len(verdict.matched_rules)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_any_command_line_gets_a_verdict(command: str) -> None:
    verdict = FIREWALL.validate_request_sync(Request("execute_command", {"cmd": command}))
    assert 0.0 <= verdict.score <= 1.0


DANGEROUS = [
    ("rm", ["-r", "-f"], "/"),
    ("rm", ["-R", "--force"], "/etc"),
    ("chmod", ["-R", "777"], "/"),
    ("cat", [], "/etc/shadow"),
    ("mkfs.ext4", ["-F"], "/dev/sda1"),
]
SAFE = [
    ("rm", ["-r", "-f"], "/tmp/build"),
    ("ls", ["-l", "-a"], "/home/user"),
    ("cat", [], "/tmp/notes.txt"),
]


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@st.composite
def rewritten(draw: st.DrawFn, program: str, flags: list[str], target: str) -> str:
    """The same command with reordered flags, extra spaces, fullwidth letters, path detours."""
    order = draw(st.permutations(flags))
    space = " " * draw(st.integers(1, 3))
    if target.startswith("/") and draw(st.booleans()):
        target = "/tmp/.." + target.replace("/", "//", 1)
    if draw(st.booleans()):
        program = "/bin/" + program
    line = space.join([program, *order, target]) + " " * draw(st.integers(0, 2))
    return _fullwidth(line) if draw(st.booleans()) else line


@given(st.data())
def test_rewritten_forms_get_the_same_verdict(data: st.DataObject) -> None:
    for program, flags, target in DANGEROUS + SAFE:
        original = FIREWALL.validate_request_sync(
            Request("execute_command", {"cmd": " ".join([program, *flags, target])})
        )
        line = data.draw(rewritten(program, flags, target))
        variant = FIREWALL.validate_request_sync(Request("execute_command", {"cmd": line}))
        assert (variant.decision, variant.matched_rules) == (
            original.decision,
            original.matched_rules,
        ), line


@given(
    st.text(alphabet="abcdefghij /-._", min_size=1, max_size=12).filter(str.strip),
    st.text(max_size=30),
    st.floats(0, 1),
)
def test_adding_a_rule_never_raises_a_score(pattern: str, text: str, confidence: float) -> None:
    request = Request(
        "process", {"input": text, "note": unicodedata.normalize("NFKD", text)}, "", confidence
    )
    before = IntentFirewall().validate_request_sync(request)
    stricter = IntentFirewall(rules=[Rule("extra", pattern.replace(".", r"\."))])
    after = stricter.validate_request_sync(request)
    assert after.score <= before.score
