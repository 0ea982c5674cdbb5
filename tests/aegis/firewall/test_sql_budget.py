"""One request's SQL shares a budget of characters handed to the parser
(``Limits.max_sql_parsed``): past it a statement is judged by its words only and the
request is *review* ("too large to inspect"); what was parsed before still blocks."""

from __future__ import annotations

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall.policy import Limits


def _queries(count: int) -> list[str]:
    return [f"SELECT a{n} FROM t{n} WHERE b = {n}" for n in range(count)]  # noqa: S608


def _verdict(queries: list[str], budget: int) -> tuple[Decision, tuple[str, ...]]:
    # work enough for every statement: these tests are about the parser's budget alone
    firewall = IntentFirewall(limits=Limits(max_sql_parsed=budget, max_work=100_000))
    verdict = firewall.validate_request_sync(Request("query_database", {"queries": queries}))
    return verdict.decision, verdict.matched_rules


def test_sql_within_the_budget_is_parsed_as_before() -> None:
    assert _verdict(_queries(3), 4096) == (Decision.ALLOW, ())


def test_past_the_budget_the_request_is_too_large_to_inspect() -> None:
    decision, rules = _verdict(_queries(40), 200)
    assert decision is Decision.REVIEW
    assert rules == ("too-large",)


def test_a_single_query_longer_than_the_budget_is_still_parsed() -> None:
    query = "DELETE FROM users WHERE 1 = 1 OR name = " + "'x' || " * 20 + "'y'"
    decision, rules = _verdict([query], 16)
    assert decision is not Decision.ALLOW
    assert "sql-destructive" in rules  # "DELETE of every row" needs the parse
    assert "too-large" not in rules


def test_what_was_parsed_before_the_budget_is_still_found() -> None:
    decision, rules = _verdict(["DELETE FROM users", *_queries(40)], 64)
    assert decision is not Decision.ALLOW
    assert set(rules) == {"sql-destructive", "too-large"}


def test_past_the_budget_the_words_still_block() -> None:
    decision, rules = _verdict([*_queries(40), "SELECT pg_sleep(100000)"], 64)
    assert decision is not Decision.ALLOW
    assert "too-large" in rules
    assert len(rules) > 1
