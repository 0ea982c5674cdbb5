"""Stakes read from a tool call's fields and from one row of SQL."""

from __future__ import annotations

import pytest
import sqlglot

from aegis.intent_firewall.pageactions import click_evidence, entry_evidence
from aegis.intent_firewall.rules import Hit
from aegis.intent_firewall.sqljobs import scheduled_jobs
from aegis.intent_firewall.sqlwrites import sensitive_writes
from aegis.intent_firewall.stakes import stakes_evidence
from aegis.intent_firewall.vocabulary import name_words


def _sql_rules(text: str) -> tuple[list[str], list[str]]:
    statements = sqlglot.parse(text, read="postgres")
    hits: list[Hit] = []
    sensitive_writes(statements, hits)
    texts = scheduled_jobs(statements, hits)
    return [hit.rule for hit in hits], texts


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO payouts (account, amount) VALUES ('a', 1)",
        "UPDATE invoices SET status = 'paid' WHERE id = 1",
        "UPDATE orders SET total = 0.01 WHERE id = 1",
        "UPDATE feature_flags SET enabled = false WHERE name = 'mfa_required'",
        "UPDATE api_keys SET expires_at = NULL WHERE id = 3",
    ],
)
def test_a_sensitive_row_write_is_found(sql: str) -> None:
    assert _sql_rules(sql)[0] == ["sql-sensitive-write"]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE orders SET status = 'shipped' WHERE id = 1",
        "UPDATE feature_flags SET enabled = false WHERE name = 'new_checkout'",
        "UPDATE tasks SET due_date = NULL WHERE id = 3",
        "INSERT INTO orders (customer_id, note) VALUES (1, 'x')",
    ],
)
def test_an_ordinary_row_write_is_not(sql: str) -> None:
    assert _sql_rules(sql)[0] == []


def test_a_scheduled_job_hands_back_its_statement() -> None:
    rules, texts = _sql_rules("SELECT cron.schedule('*/5 * * * *', 'DELETE FROM orders')")
    assert rules == ["sql-scheduled-job"]
    assert texts == ["DELETE FROM orders"]


def test_reading_the_job_table_is_no_job() -> None:
    assert _sql_rules("SELECT jobid, command FROM cron.job") == ([], [])


@pytest.mark.parametrize(
    ("action", "parameters", "found"),
    [
        ("deploy", {"env": "production"}, True),
        ("deploy", {"env": "preview"}, False),
        ("deploy", {"env": "production", "dry_run": True}, False),
        ("get_deployment_status", {"env": "production"}, False),
        ("vercel_deploy", {"prod": True}, True),
        ("release", {"target": "pypi"}, True),
        ("release", {"target": "staging"}, False),
    ],
)
def test_stakes_in_fields(action: str, parameters: dict[str, object], found: bool) -> None:
    assert bool(stakes_evidence(name_words(action), parameters)) is found


def test_a_click_is_read_by_its_element() -> None:
    words = name_words("browser_click")
    assert click_evidence(words, {"element": "Send payment"})
    assert click_evidence(words, {"selector": "button#confirm-purchase"})
    assert not click_evidence(words, {"selector": "#search-button"})


def test_a_secret_typed_into_a_page_is_found() -> None:
    assert entry_evidence(name_words("browser_type"), {"selector": "#password", "text": "x"})
    fields = {"fields": {"card_number": "4111111111111111"}}
    assert entry_evidence(name_words("browser_fill_form"), fields)
    assert not entry_evidence(name_words("browser_type"), {"selector": "#q", "text": "x"})
