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

from aegis.intent_firewall.textchecks import patterns

__all__ = ["storage_bucket", "storage_scheme"]


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
