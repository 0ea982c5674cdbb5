"""Ed25519 signatures of a stream of entries, checked in batches on every core.

Signature checks are verification's costly part and need no order, so they are split off
from the walk along the chain: rows are queued as the walk vouches for their content, and
checked in batches by worker threads. libsodium runs without Python's interpreter lock, so
the checks use every core without the cost of worker processes; the batches in flight are
bounded, so memory stays bounded whatever the size of the log.
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor

from nacl.bindings import crypto_sign_open
from nacl.exceptions import BadSignatureError

from aegis.audit.model import FindingKind
from aegis.audit.verify_chain import MAX_FINDINGS, Findings, Row

__all__ = [
    "BATCH",
    "IN_FLIGHT_PER_WORKER",
    "PARALLEL_FROM",
    "SignatureChecks",
    "bad_signatures",
]

#: Signatures checked per batch; batches go to worker threads for larger logs.
BATCH = 2048
#: Batches queued per worker at most: reading outpaces checking, and memory must not grow.
IN_FLIGHT_PER_WORKER = 2
#: Logs at least this large have their signatures checked on every core.
PARALLEL_FROM = 2 * BATCH


def bad_signatures(public_key: bytes, batch: list[tuple[int, bytes, bytes]]) -> list[int]:
    """Seqs in ``batch`` whose signature over the entry hash does not verify."""
    bad = []
    for seq, digest, signature in batch:
        try:
            crypto_sign_open(signature + digest, public_key)
        except (BadSignatureError, ValueError):
            bad.append(seq)
    return bad


class SignatureChecks:
    """The signatures of the rows queued, checked against ``public_key``, on worker threads
    of its own when ``expected_count`` (the rows about to come) is large; :meth:`close`
    ends them."""

    def __init__(self, public_key: bytes, expected_count: int | None) -> None:
        self.public_key = public_key
        workers = max(2, os.cpu_count() or 2)
        use_pool = expected_count is not None and expected_count >= PARALLEL_FROM
        self.executor = (
            ThreadPoolExecutor(workers, thread_name_prefix="audit-verify") if use_pool else None
        )
        self.max_in_flight = IN_FLIGHT_PER_WORKER * workers
        self.pending: list[tuple[int, bytes, bytes]] = []
        self.futures: deque[Future[list[int]]] = deque()
        #: How many signatures failed, and the first of them (batches finish in seq order).
        self.bad_count = 0
        self.first_bad: list[int] = []
        #: Rows whose signature was checked (those whose content matched their hash).
        self.signed = 0

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()

    def queue(self, row: Row) -> None:
        self.signed += 1
        self.pending.append((row.seq, row.entry_hash, row.signature))
        if len(self.pending) >= BATCH:
            self._flush()

    def _add_bad(self, seqs: list[int]) -> None:
        self.bad_count += len(seqs)
        self.first_bad.extend(seqs[: MAX_FINDINGS - len(self.first_bad)])

    def _flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        if self.executor is None:
            self._add_bad(bad_signatures(self.public_key, batch))
            return
        self.futures.append(self.executor.submit(bad_signatures, self.public_key, batch))
        while len(self.futures) > self.max_in_flight:  # wait for the oldest: bounded memory
            self._add_bad(self.futures.popleft().result())

    def finish(self) -> None:
        """Wait for every queued signature check."""
        self._flush()
        while self.futures:
            self._add_bad(self.futures.popleft().result())

    def report(self, findings: Findings, *, wrong_key_found: bool) -> None:
        """Add what the checks found: a wrong key when no signature verifies (unless the
        stored key already said so), else each bad signature."""
        if self.bad_count == self.signed and self.signed:  # none signed by the trusted key
            if not wrong_key_found:
                findings.add(
                    FindingKind.WRONG_KEY,
                    self.first_bad[0],
                    "no signature verifies with the trusted key",
                )
        else:
            for seq in self.first_bad:
                findings.add(FindingKind.BAD_SIGNATURE, seq, "signature does not verify")
