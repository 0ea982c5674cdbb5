"""What each kind of value costs a request's work budget, and the answer at and past each
bound: judged in full up to it, *review* ("too large to inspect") past it, never *allow*.

The costs are measured ones (a unit is about a microsecond on a shared 2-core machine): a
statement the SQL parser reads, a value resolved as a path, a character of ASCII or of other
text. A request with more values than the walk reads is review already and gets an eighth
of the budget for the values it does read.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall import IntentFirewall, Request, Verdict
from aegis.intent_firewall.analysis import CommandBudget
from aegis.intent_firewall.parameterflags import _compact
from aegis.intent_firewall.policy import Limits
from aegis.intent_firewall.requests import PAST_NODES_SHARE
from aegis.intent_firewall.text import _INVISIBLE, _MARKS, canonical_text, character_set

_TOO_MUCH = "too much to judge: more than {} units of work in one request"


def _judge(parameters: dict[str, object], action: str, limits: Limits | None = None) -> Verdict:
    firewall = IntentFirewall(working_directory="/work/project", limits=limits or Limits())
    return firewall.validate_request_sync(Request(action, parameters))


def _too_much(verdict: Verdict, units: int) -> bool:
    return any(_TOO_MUCH.format(units) in reason for reason in verdict.reasons)


def test_the_default_work_budget() -> None:
    assert Limits().max_work == 3072


# -- SQL: each statement the parser reads costs its start ---------------------------------


def test_a_parsed_statement_costs_the_parsers_start_on_top_of_its_words() -> None:
    budget = CommandBudget(256, 10_000, 128, work=1000)
    assert budget.parse_sql(16)
    assert budget.work_left == 1000 - (64 + 1 + 320)


def test_a_statement_not_parsed_costs_only_its_words() -> None:
    budget = CommandBudget(256, 20, 128, work=1000)
    assert budget.parse_sql(20)  # the request's first statement: always parsed
    left = budget.work_left
    assert not budget.parse_sql(16)
    assert budget.work_left == left - (64 + 1)


def test_statements_within_the_budget_are_parsed_and_one_more_is_too_much() -> None:
    # each short statement: 40 (the value) + 64 + 320 (the parse) = 424 units
    limits = Limits(max_work=848, max_sql_parsed=10_000)
    two = ["SELECT a FROM t", "SELECT b FROM u"]
    within = _judge({"queries": two}, "query_database", limits)
    assert (within.decision.value, within.reasons) == ("allow", ())
    over = _judge({"queries": [*two, "SELECT c FROM v"]}, "query_database", limits)
    assert over.decision.value == "review"
    assert over.matched_rules == ("too-large",)
    assert _too_much(over, 848)


# -- paths: each value resolved as a path costs its classification ------------------------


def test_a_classified_path_costs_its_classification() -> None:
    budget = CommandBudget(256, 256, 128, work=1000)
    assert budget.classify_path()
    assert budget.work_left == 1000 - 48


def test_paths_within_the_budget_are_judged_and_one_more_is_too_much() -> None:
    # each short path: 40 (the value) + 48 (the classification) = 88 units
    limits = Limits(max_work=880)
    paths = [f"./src/f{n}.py" for n in range(10)]
    within = _judge({"paths": paths}, "read_files", limits)
    assert (within.decision.value, within.reasons) == ("allow", ())
    over = _judge({"paths": [*paths, "./src/g.py"]}, "read_files", limits)
    assert over.decision.value == "review"
    assert over.matched_rules == ("too-large",)
    assert _too_much(over, 880)


# -- text: a character of ASCII and of other text ------------------------------------------


def test_text_costs_a_unit_per_16_ascii_or_4_other_characters() -> None:
    budget = CommandBudget(256, 256, 128, work=10_000)
    assert budget.judge_value("a" * 1600)
    assert budget.work_left == 10_000 - (40 + 100)
    assert budget.judge_value("я" * 1600)
    assert budget.work_left == 10_000 - (40 + 100) - (40 + 400)


def _prose(count: int) -> dict[str, object]:
    return {f"text{n}": f"{n} " + "word " * 3270 for n in range(count)}


def test_three_ascii_texts_at_the_string_bound_are_judged_and_four_are_too_much() -> None:
    # 16,000 ASCII characters: 40 + 1,000 units; the third starts within the budget
    within = _judge(_prose(3), "send_message")
    assert (within.decision.value, within.reasons) == ("allow", ())
    over = _judge(_prose(4), "send_message")
    assert over.decision.value == "review"
    assert over.matched_rules == ("too-large",)
    assert _too_much(over, 3072)


def test_one_cyrillic_text_at_the_string_bound_is_judged_and_two_are_too_much() -> None:
    # 16,000 Cyrillic characters cost 4,000 units: the first is judged in full
    text = "привет мир " * 1450
    within = _judge({"text": text}, "send_message")
    assert (within.decision.value, within.reasons) == ("allow", ())
    over = _judge({"text": text, "text2": "2 " + text}, "send_message")
    assert over.decision.value == "review"
    assert over.matched_rules == ("too-large",)
    assert _too_much(over, 3072)


# -- a request past the walk's values: an eighth of the budget -----------------------------


def _paths(count: int) -> dict[str, object]:
    return {"paths": [f"./src/f{n}.py" for n in range(count)]}


def test_a_request_at_the_walks_bound_gets_the_whole_budget() -> None:
    # the mapping, the list and 254 paths: 256 values, no more than the walk reads
    verdict = _judge(_paths(254), "read_files")
    assert verdict.decision.value == "review"
    assert verdict.matched_rules == ("too-large",)
    assert _too_much(verdict, 3072)


def test_a_request_past_the_walks_bound_is_review_on_an_eighth_of_the_budget() -> None:
    assert PAST_NODES_SHARE == 8
    verdict = _judge(_paths(255), "read_files")
    assert verdict.decision.value == "review"
    assert verdict.matched_rules == ("too-large",)
    assert any("more than 256 values" in reason for reason in verdict.reasons)


def test_past_the_walks_bound_only_the_eighth_is_read() -> None:
    # an eighth of 1,408 units: two paths of 88; the walk reads ten values
    limits = Limits(max_nodes=10, max_work=8 * 2 * 88)
    rest = [f"./src/f{n}.py" for n in range(10)]
    second = _judge({"paths": ["./src/a.py", "/etc/shadow", *rest]}, "read_files", limits)
    assert second.decision.value == "block"
    assert "credential-file-read" in second.matched_rules
    third_paths = ["./src/a.py", "./src/b.py", "/etc/shadow"]
    third = _judge({"paths": [*third_paths, *rest]}, "read_files", limits)
    assert third.decision.value == "review"  # the third path was not read as a path
    assert "too-large" in third.matched_rules
    assert "credential-file-read" not in third.matched_rules
    within = _judge({"paths": third_paths}, "read_files", limits)
    assert within.decision.value == "block"  # five values: the whole budget


def test_past_the_walks_bound_what_is_read_first_still_blocks() -> None:
    paths = ["/etc/shadow", *(f"./src/f{n}.py" for n in range(400))]
    verdict = _judge({"paths": paths}, "read_files")
    assert verdict.decision.value == "block"
    assert "too-large" in verdict.matched_rules


def test_past_the_walks_bound_an_attack_after_the_eighth_is_never_allowed() -> None:
    paths = [*(f"./src/f{n}.py" for n in range(400)), "/etc/shadow"]
    assert _judge({"paths": paths}, "read_files").decision.value == "review"


# -- the shortcuts behind the costs answer what the full passes do -------------------------


def test_every_character_the_invisible_table_deletes_is_one_the_screen_finds() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    screened = set(_MARKS.findall(every))
    deleted = {char for char in every if unicodedata.category(char) in ("Cf", "Mn", "Me")}
    assert deleted <= screened
    assert all(_INVISIBLE[ord(char)] is None for char in sorted(deleted)[:50])


def test_canonical_text_still_drops_marks_and_format_characters() -> None:
    assert canonical_text("r\u0301m\u200b -rf") == "rm -rf"
    assert canonical_text("привет") == canonical_text("привет\u200d")


def test_the_character_set_of_a_text_is_its_characters() -> None:
    text = "привет мир " * 100
    assert character_set(text) == frozenset(text)
    assert character_set(text) == frozenset(text)  # kept for this object
    other = "".join(reversed(text)) + "z"
    assert character_set(other) == frozenset(other)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40) | st.text(max_size=20))
def test_a_keys_compact_form_is_its_letters_and_digits_case_folded(key: str) -> None:
    assert _compact(key) == "".join(c for c in key.casefold() if c.isalnum())
