"""Turning a batch of pending entries into signed rows that extend the chain.

The hashes are computed first, in order (each covers the one before); only then are they
signed, which is the costly part and needs no order, so :class:`~aegis.audit.signer.Signer`
may spread it over two threads.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import NamedTuple

from aegis.audit.encoding import EncodedEntry, hash_encoded
from aegis.audit.signer import Signer

__all__ = ["PendingEntry", "SignedRow", "Tail", "chain_rows"]

#: ``(seq, timestamp_ns, action, details text, prev_hash, entry_hash, signature)``, the
#: column order of the ``entries`` table.
SignedRow = tuple[int, int, str, str, bytes, bytes, bytes]


#: An entry waiting for its place in the chain: checked and encoded in its caller's call.
PendingEntry = EncodedEntry


class Tail(NamedTuple):
    """The newest entry of the chain, which the next one extends."""

    seq: int
    entry_hash: bytes
    timestamp_ns: int


def chain_rows(tail: Tail, batch: Sequence[PendingEntry], signer: Signer) -> list[SignedRow]:
    """Rows for ``batch`` extending ``tail``, sharing one timestamp that never runs back."""
    timestamp = max(time.time_ns(), tail.timestamp_ns)
    previous = tail.entry_hash
    digests: list[bytes] = []
    for offset, pending in enumerate(batch, start=1):
        previous = hash_encoded(
            tail.seq + offset, timestamp, pending.action_bytes, pending.details_bytes, previous
        )
        digests.append(previous)
    signatures = signer.sign_all(digests)
    previous = tail.entry_hash
    rows: list[SignedRow] = []
    for offset, (pending, digest, signature) in enumerate(
        zip(batch, digests, signatures, strict=True), start=1
    ):
        rows.append(
            (
                tail.seq + offset,
                timestamp,
                pending.action,
                pending.text,
                previous,
                digest,
                signature,
            )
        )
        previous = digest
    return rows
