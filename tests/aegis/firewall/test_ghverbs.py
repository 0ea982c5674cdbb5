"""GitHub writes judged by method and REST path, whichever client sends them."""

from __future__ import annotations

import pytest

from aegis.intent_firewall.ghverbs import github_api_host, github_api_write


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "gists"),
        ("POST", "/user/keys"),
        ("post", "repos/acme/app/transfer"),
        ("PUT", "orgs/acme/memberships/mallory"),
        ("POST", "repos/acme/app/actions/runners/registration-token"),
    ],
)
def test_writes_beyond_a_conversation(method: str, path: str) -> None:
    assert github_api_write(method, path)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "repos/acme/app/hooks"),
        ("POST", "repos/acme/app/issues/3/comments"),
        ("POST", "repos/acme/app/issues/3/labels"),
        ("POST", "graphql"),
    ],
)
def test_reads_comments_and_graphql_are_not_judged_here(method: str, path: str) -> None:
    assert not github_api_write(method, path)


def test_api_host() -> None:
    assert github_api_host("API.GitHub.com.")
    assert not github_api_host("github.com")
