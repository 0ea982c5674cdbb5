"""SQL comments are whitespace to the server, so they are to the judge: a comment can neither
hide a statement's first word nor split a keyword, whichever dialect's comments it uses."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.sql import judge_sql, looks_like_sql
from aegis.intent_firewall.sqlcomments import comments_as_space, leading_word


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("drop/**/table/**/users", "drop table users"),
        ("drop--x\ntable users", "drop \ntable users"),
        ("drop#x\ntable users", "drop \ntable users"),
        ("select '--', '/*', '#' from t", "select '--', '/*', '#' from t"),
        ("select 'it''s -- fine' from t", "select 'it''s -- fine' from t"),
        ("select 1 /* never closed", "select 1  "),
        ('select "a#b" from t # tail', 'select "a#b" from t  '),
    ],
)
def test_comments_become_one_space_and_quoted_text_stays(text: str, spaced: str) -> None:
    assert comments_as_space(text) == spaced


def test_the_leading_word_ends_where_a_name_cannot_go_on() -> None:
    assert leading_word("drop/**/table") == "drop"
    assert leading_word("exec('x')") == "exec"
    assert leading_word("/**/drop") == ""


@pytest.mark.parametrize(
    "text",
    ["drop/**/table/**/users", "delete/**/from/**/users", "truncate/*x*/orders", "drop#x\ntable t"],
)
def test_a_statement_spaced_by_comments_is_sql_and_judged(text: str) -> None:
    assert looks_like_sql(text)
    assert any(hit.rule in ("sql-destructive", "sql-not-understood") for hit in judge_sql(text))


def test_every_dialect_reading_of_a_commented_text_is_judged() -> None:
    # MySQL: one SELECT and a comment; PostgreSQL: an XOR and a stacked DROP
    rules = {hit.rule for hit in judge_sql("select 1 # 2; drop table users")}
    assert "sql-destructive" in rules


def test_keywords_split_by_a_comment_are_still_found_by_the_word_checks() -> None:
    rules = {hit.rule for hit in judge_sql("copy users to/**/program 'sh'")}
    assert "sql-command-execution" in rules


@pytest.mark.parametrize(
    "text",
    [
        "select name from users where id = 3; -- profile page",
        "select name /* display */ from users where id = 3",
        "create temp table scratch as select id from orders where id > 3",
        "create temporary view v as select 1",
        "explain analyze select count(*) from orders",
        "explain delete from sessions",
        "set search_path = app, public",
        "set time zone 'utc'",
    ],
)
def test_session_scoped_and_read_only_sql_has_no_finding(text: str) -> None:
    assert judge_sql(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "explain analyze delete from users",
        "explain (analyze, buffers) update users set active = false",
        "explain analyze explain analyze select 1",
        "create global temporary table t (a int)",
        "set role postgres",
        "set session authorization postgres",
    ],
)
def test_statements_that_run_or_persist_or_change_identity_are_found(text: str) -> None:
    assert judge_sql(text) != ()
