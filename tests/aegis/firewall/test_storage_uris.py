"""Cloud storage URIs are resources reached through the provider, not hosts."""

from __future__ import annotations

from aegis.intent_firewall.hosts import host_of, url_host
from aegis.intent_firewall.storage import storage_bucket, storage_scheme


def test_a_bucket_is_not_a_host() -> None:
    for uri in ("s3://team-artifacts/", "GS://team/x", "abfss://c@acct.dfs.core.windows.net/p"):
        assert storage_scheme(uri)
        assert url_host(uri) is None
        assert host_of(uri) is None


def test_the_bucket_is_named() -> None:
    assert storage_bucket("s3://team-artifacts/build/app.zip") == "team-artifacts"
    assert storage_bucket("gs://b") == "b"
    assert storage_bucket("https://b.s3.amazonaws.com/x") == ""


def test_web_urls_keep_their_host() -> None:
    assert url_host("https://team.s3.amazonaws.com/x") == ("https", "team.s3.amazonaws.com")
    assert storage_scheme("http://s3://x") == ""
