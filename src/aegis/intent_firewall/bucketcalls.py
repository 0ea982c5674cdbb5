"""A storage tool call that names its bucket as a parameter.

``s3_put {bucket: acme-tfstate-prod, key: prod/terraform.tfstate, body: …}`` writes into
the bucket as ``aws s3 cp x s3://acme-tfstate-prod/prod/terraform.tfstate`` does, and a
bucket is no host the policy can list (``storage.py``): the call is judged as the storage
URI it amounts to, so an upload, a copy or an action whose words say nothing is a
destination outside the policy (*review*), while listing and downloading pass. A call that
names its own endpoint (``endpoint_url: http://localhost:4566``, a local emulator) reaches
that endpoint, which is judged as the URL it is instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aegis.intent_firewall.readings import LOOKING_WORDS
from aegis.intent_firewall.vocabulary import WRITE_WORDS, name_words

__all__ = ["BUCKET_KEYS", "bucket_uri"]

#: Keys naming a bucket, folded (camel case and snake case alike).
BUCKET_KEYS = frozenset({"bucket", "bucket_name", "bucketname", "s3_bucket", "gcs_bucket"})
#: Keys naming the endpoint a storage client talks to instead of the provider's.
_ENDPOINT_KEYS = frozenset(
    {"endpoint", "endpoint_url", "endpointurl", "s3_endpoint", "url", "host", "base_url",
     "server", "service_url"}
)  # fmt: skip
#: Keys naming the operation a generic client runs (``aws_sdk {api: s3:GetObject}``).
_OPERATION_KEYS = frozenset({"api", "operation", "op", "method", "action", "call", "verb"})
#: Words of a call that only lists or downloads, and of one that writes.
_READS = LOOKING_WORDS | {"download", "fetch", "ls", "head", "stat", "cat", "pull", "objects"}
_WRITES = WRITE_WORDS | {"upload", "put", "copy", "cp", "sync", "move", "mv", "post", "send"}
_OBJECT_KEYS = ("key", "object", "object_key", "objectkey", "name", "path", "prefix")
_BUCKET_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-_")
#: The scheme the provider's words pick (any storage scheme is judged alike).
_SCHEMES = (("gs", frozenset({"gcs", "gs", "gcp", "google"})), ("az", frozenset({"azure", "blob"})))


def bucket_uri(value: Mapping[Any, Any], names: set[str], tool: str) -> str | None:
    """``s3://BUCKET/KEY`` for a mapping naming a bucket (``None``: none, or an endpoint of
    its own)."""
    folded = {name.casefold(): name for name in names}
    key = next((folded[k] for k in BUCKET_KEYS if k in folded), None)
    if key is None or not _ENDPOINT_KEYS.isdisjoint(folded):
        return None
    bucket = value.get(key)
    if not isinstance(bucket, str) or not 0 < len(bucket) <= 255:
        return None
    if not _BUCKET_CHARS.issuperset(bucket.lower()):
        return None  # s3://… already (judged as written), or not a bucket name
    found = next((folded[k] for k in _OBJECT_KEYS if k in folded), None)
    target = value.get(found) if found is not None else ""
    target = target if isinstance(target, str) and len(target) <= 1024 else ""
    words = set(name_words(tool)) if tool else set()
    for name in _OPERATION_KEYS & folded.keys():
        operation = value.get(folded[name])
        if isinstance(operation, str) and len(operation) <= 128:
            words |= name_words(operation)
    if words & _READS and not words & _WRITES:
        return None  # s3_get, list_objects, {api: s3:GetObject}: nothing leaves
    scheme = next((s for s, marks in _SCHEMES if marks & words), "s3")
    return f"{scheme}://{bucket}/{target.lstrip('/')}"
