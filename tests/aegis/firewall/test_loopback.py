"""Every spelling of the local host is one machine; on it, control APIs are not the app."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.hosts import url_host
from aegis.intent_firewall.loopback import allows_loopback, is_loopback, sensitive_local_path

SPELLINGS = (
    "http://127.1/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://localhost./",
    "http://LOCALHOST/",
    "http://app.localhost/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://127.8.9.10/",
)


@pytest.mark.parametrize("url", SPELLINGS)
def test_every_loopback_spelling_is_the_local_host(url: str) -> None:
    parsed = url_host(url)
    assert parsed is not None
    assert is_loopback(parsed[1])


@pytest.mark.parametrize("host", ["localhost.evil.example", "127.0.0.1.nip.io", "10.0.0.1", "x"])
def test_names_that_only_look_local_are_not(host: str) -> None:
    assert not is_loopback(host)


def test_a_policy_allows_loopback_under_any_spelling_or_none() -> None:
    assert allows_loopback(frozenset({"::1"}))
    assert not allows_loopback(frozenset({"github.com"}))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.1:8080/api/v1/secrets",
        "http://localhost/%61dmin",
        "http://localhost/latest/meta-data/",
        "http://localhost:6379/",
        "//localhost:8080/actuator/env",
    ],
)
def test_control_apis_and_non_http_services_are_named(url: str) -> None:
    assert sensitive_local_path(url)


@pytest.mark.parametrize(
    "url",
    ["http://localhost:3000/api/v1/users", "http://localhost/login?next=/admin", "http://[::1]/"],
)
def test_the_app_under_test_is_not(url: str) -> None:
    assert sensitive_local_path(url) == ""
