"""Bounds within one command line that keep its cost linear and small: words resolved per
simple command and per ``for`` list, redirections judged per command, and nesting given to
the parser. Past each the rest is not inspected and the answer is at least review, "too
large to inspect"; what came before still counts."""

from __future__ import annotations

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.shellmodel import MAX_COMMAND_WORDS, MAX_NESTING


def _judge(line: str) -> tuple[Decision, tuple[str, ...], str]:
    verdict = IntentFirewall(working_directory="/work/project").validate_request_sync(
        Request("execute_command", {"command": line})
    )
    return verdict.decision, verdict.matched_rules, "; ".join(verdict.reasons)


def test_a_command_past_its_word_bound_is_too_large_and_its_program_still_counts() -> None:
    # the $(…) keeps the line off the plain reader, so the grammar's walk reads it
    decision, rules, reasons = _judge("rm -rf / $(true) " + "a " * (MAX_COMMAND_WORDS + 10))
    assert decision is Decision.BLOCK
    assert "too-large" in rules
    assert f"more than {MAX_COMMAND_WORDS} words in one command" in reasons


def test_a_command_within_its_word_bound_is_judged_as_before() -> None:
    decision, rules, _ = _judge('echo "$(date)" ' + "a " * (MAX_COMMAND_WORDS - 20))
    assert "too-large" not in rules
    assert decision is not Decision.BLOCK


def test_a_loop_over_too_many_words_is_too_large_and_never_allowed() -> None:
    line = "for f in " + "a " * (MAX_COMMAND_WORDS + 1) + "; do rm -rf /tmp/$f; done"
    decision, rules, reasons = _judge(line)
    assert decision is not Decision.ALLOW
    assert "too-large" in rules
    assert "a loop over more than" in reasons


def test_redirections_past_their_bound_are_too_large() -> None:
    decision, rules, reasons = _judge("echo x" + " >f" * 100)
    assert decision is Decision.REVIEW
    assert "too-large" in rules
    assert "redirections in one command" in reasons
    assert _judge("echo x" + " >f" * 3)[0] is Decision.ALLOW


def test_nesting_deeper_than_the_parser_is_given_is_not_parsed_and_not_allowed() -> None:
    deep = "echo $((" + "a[" * (MAX_NESTING + 1) + "0" + "]" * (MAX_NESTING + 1) + "))"
    decision, rules, reasons = _judge(deep)
    assert decision is Decision.REVIEW
    assert "too-large" in rules
    assert f"brackets nested over {MAX_NESTING} deep" in reasons
    shallow = "echo $((" + "(" * 20 + "1" + ")" * 20 + "))"
    assert "too-large" not in _judge(shallow)[1]


def test_text_of_too_many_distinct_characters_is_too_large_and_natural_text_is_not() -> None:
    from aegis.intent_firewall.text import MAX_DISTINCT_CHARACTERS

    firewall = IntentFirewall()
    wide = "".join(chr(0x4E00 + n) for n in range(MAX_DISTINCT_CHARACTERS + 1))
    verdict = firewall.validate_request_sync(Request("send_message", {"text": wide}))
    assert verdict.decision is Decision.REVIEW
    assert "distinct characters" in verdict.reasons[0]
    natural = "这是一个关于文件和数据的测试。" * 1000  # 15,000 characters, 14 distinct
    verdict = firewall.validate_request_sync(Request("send_message", {"text": natural}))
    assert verdict.decision is Decision.ALLOW
