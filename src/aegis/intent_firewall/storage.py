"""Cloud storage URIs (``s3://bucket/key``, ``gs://…``, ``az://…``) are resources, not hosts.

The part after ``s3://`` names a bucket, reached through the cloud provider's own endpoint,
so it is never compared with ``allowed_hosts``: listing a bucket or copying an object into
the workspace reaches no host of the caller's choosing. Copying *into* a bucket sends
workspace data to storage the policy knows nothing about, so an upload is judged like a
network destination outside the policy (*review*). The schemes are data
(``storage_schemes`` in ``patterns.toml``).
"""

from __future__ import annotations

from functools import cache

import re2

from aegis.intent_firewall.textchecks import patterns

__all__ = ["storage_bucket", "storage_scheme", "storage_uris_written"]


@cache
def _schemes() -> frozenset[str]:
    return frozenset(patterns()["storage_schemes"])


def storage_scheme(value: str) -> str:
    """The storage scheme ``value`` starts with (``s3`` for ``S3://b/k``); empty if none."""
    scheme, sep, _rest = value.partition("://")
    scheme = scheme.strip().lower()
    return scheme if sep and scheme in _schemes() else ""


def storage_bucket(value: str) -> str:
    """The bucket (or container) a storage URI names; empty when ``value`` is not one."""
    if not storage_scheme(value):
        return ""
    return value.partition("://")[2].split("/", 1)[0]


#: ``scheme://bucket`` anywhere in a text (code that reads or writes a bucket by name).
_URI = re2.compile(r"\b([A-Za-z][A-Za-z0-9+]{1,9})://([A-Za-z0-9][A-Za-z0-9._-]{0,62})")
#: Words just before a URI in code that make it where data goes (``df.to_csv("s3://…")``).
_WRITING = ("to_", "write", "upload", "save", "put", "dump", "export", "copy", "sync", "push",
            "cp ", "mv ")  # fmt: skip


def storage_uris_written(text: str, limit: int = 8) -> list[str]:
    """The storage URIs (``s3://bucket``) that code writes to: named within a few words
    after a writing call (``to_csv``, ``upload_file``, ``put_object``, ``cp``); a bucket
    only read from (``read_parquet("s3://…")``) reaches nothing of the caller's choosing."""
    found: list[str] = []
    for match in _URI.finditer(text[:65536]):
        uri = f"{match.group(1)}://{match.group(2)}"
        lead = text[max(0, match.start() - 48) : match.start()].casefold()
        if storage_scheme(uri) and uri not in found and any(w in lead for w in _WRITING):
            found.append(uri)
            if len(found) >= limit:
                break
    return found
