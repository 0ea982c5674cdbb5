"""Streaming verification of a hash chain of signed entries.

Rows are fed in ``seq`` order and checked one by one (links and hashes) while signatures
are checked in batches by worker threads: libsodium runs without Python's interpreter lock,
so the checks use every core without the cost of worker processes. Memory stays bounded
whatever the size of the log. Each problem becomes a :class:`Finding` of a distinct kind.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import NamedTuple

from nacl.bindings import crypto_sign_open
from nacl.exceptions import BadSignatureError

from aegis.audit.encoding import GENESIS, entry_hash
from aegis.audit.merkle import EMPTY_ROOT, leaf_hash, node_hash
from aegis.audit.model import Checkpoint, Finding, FindingKind, VerificationReport

__all__ = ["Anomaly", "Row", "verify_rows"]

#: Signatures checked per batch; batches go to worker threads for larger logs.
BATCH = 2048
#: Batches queued per worker at most: reading outpaces checking, and memory must not grow.
IN_FLIGHT_PER_WORKER = 2
#: Logs at least this large have their signatures checked on every core.
PARALLEL_FROM = 2 * BATCH
#: How far a moved entry is searched for, to tell reordering and deletion from modification.
MOVE_WINDOW = 16
MAX_FINDINGS = 100


class Row(NamedTuple):
    seq: int
    timestamp_ns: int
    action: str
    details: str
    prev_hash: bytes
    entry_hash: bytes
    signature: bytes


class Anomaly(NamedTuple):
    """A row that is not an entry as the log writes them (or a read that broke off)."""

    seq: int | None
    kind: FindingKind
    detail: str
    #: The row's entry hash when it is one (32 bytes), so the next row's link is checked.
    entry_hash: bytes | None = None


def bad_signatures(public_key: bytes, batch: list[tuple[int, bytes, bytes]]) -> list[int]:
    """Seqs in ``batch`` whose signature over the entry hash does not verify."""
    bad = []
    for seq, digest, signature in batch:
        try:
            crypto_sign_open(signature + digest, public_key)
        except (BadSignatureError, ValueError):
            bad.append(seq)
    return bad


class _CompactRange:
    """Roots of the perfect subtrees covering the leaves so far: O(log n) memory."""

    def __init__(self) -> None:
        self.size = 0
        self._stack: list[tuple[int, bytes]] = []

    def append(self, data: bytes) -> None:
        node, height = leaf_hash(data), 0
        while self._stack and self._stack[-1][0] == height:
            node = node_hash(self._stack.pop()[1], node)
            height += 1
        self._stack.append((height, node))
        self.size += 1

    def root(self) -> bytes:
        if not self._stack:
            return EMPTY_ROOT
        node = self._stack[-1][1]
        for _, left in reversed(self._stack[:-1]):
            node = node_hash(left, node)
        return node


class _Checker:
    def __init__(self, public_key: bytes, executor: Executor | None, workers: int) -> None:
        self.public_key = public_key
        self.executor = executor
        self.max_in_flight = IN_FLIGHT_PER_WORKER * workers
        self.findings: list[Finding] = []
        self.pending: list[tuple[int, bytes, bytes]] = []
        self.futures: deque[Future[list[int]]] = deque()
        #: How many signatures failed, and the first of them (batches finish in seq order).
        self.bad_count = 0
        self.first_bad: list[int] = []
        #: The first moved rows as ``(seq, seq it was signed as)``; kept few, like findings.
        self.moves: list[tuple[int, int]] = []
        self.moved_backward = False
        #: Rows whose signature was checked (those whose content matched their hash).
        self.signed = 0

    def add_move(self, seq: int, origin: int) -> None:
        self.moved_backward = self.moved_backward or origin < seq
        if len(self.moves) < MAX_FINDINGS:
            self.moves.append((seq, origin))

    def add_bad(self, seqs: list[int]) -> None:
        self.bad_count += len(seqs)
        self.first_bad.extend(seqs[: MAX_FINDINGS - len(self.first_bad)])

    def add(self, kind: FindingKind, seq: int | None, detail: str) -> None:
        if len(self.findings) < MAX_FINDINGS:
            self.findings.append(Finding(kind, seq, detail))

    def queue_signature(self, row: Row) -> None:
        self.signed += 1
        self.pending.append((row.seq, row.entry_hash, row.signature))
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        if self.executor is None:
            self.add_bad(bad_signatures(self.public_key, batch))
            return
        self.futures.append(self.executor.submit(bad_signatures, self.public_key, batch))
        while len(self.futures) > self.max_in_flight:  # wait for the oldest: bounded memory
            self.add_bad(self.futures.popleft().result())

    def check_signatures(self) -> None:
        """Wait for every queued signature check."""
        self.flush()
        while self.futures:
            self.add_bad(self.futures.popleft().result())

    def moved_from(self, row: Row) -> int | None:
        """The seq at which this row's content was signed, if near its current place."""
        for offset in range(1, MOVE_WINDOW + 1):
            for candidate in (row.seq + offset, row.seq - offset):
                if candidate < 1:
                    continue
                digest = entry_hash(
                    candidate, row.timestamp_ns, row.action, row.details, row.prev_hash
                )
                if digest == row.entry_hash:
                    return candidate
        return None


def _check_row(checker: _Checker, row: Row, expected_seq: int, previous_hash: bytes | None) -> None:
    if row.seq > expected_seq:
        missing = (
            f"{expected_seq}" if row.seq == expected_seq + 1 else f"{expected_seq}-{row.seq - 1}"
        )
        checker.add(FindingKind.DELETION, expected_seq, f"entries {missing} are missing")
    digest = entry_hash(row.seq, row.timestamp_ns, row.action, row.details, row.prev_hash)
    if digest != row.entry_hash:
        origin = checker.moved_from(row)
        if origin is None:
            checker.add(FindingKind.MODIFICATION, row.seq, "content does not match its hash")
        else:
            checker.add_move(row.seq, origin)
        return
    if row.seq == expected_seq and previous_hash is not None and row.prev_hash != previous_hash:
        checker.add(FindingKind.MODIFICATION, row.seq, "does not link to the entry before it")
    checker.queue_signature(row)


class _Walk:
    """Where the walk along the chain stands: the seq due next and the hash it links to."""

    def __init__(self, checker: _Checker, checkpoint: Checkpoint | None) -> None:
        self.checker = checker
        self.checkpoint = checkpoint
        self.tree = _CompactRange()
        self.checkpoint_root: bytes | None = (
            EMPTY_ROOT if checkpoint is not None and checkpoint.size == 0 else None
        )
        self.expected_seq = 1
        self.previous_hash: bytes | None = GENESIS
        self.last_seq: int | None = None
        self.count = 0

    def take(self, row: Row | Anomaly) -> None:
        seq = row.seq
        if seq is None:  # the read broke off, or a line named no seq
            assert isinstance(row, Anomaly)
            self.checker.add(row.kind, self.expected_seq, row.detail)
            return
        if seq < 1:
            detail = row.detail if isinstance(row, Anomaly) else "an unsigned or foreign row"
            self.checker.add(
                FindingKind.OUTSIDE_CHAIN, seq, f"seq {seq} is outside the chain (1..n): {detail}"
            )
            return
        if self.last_seq is not None and seq <= self.last_seq:
            self.checker.add(
                FindingKind.DUPLICATE,
                seq,
                f"seq {seq} read again after seq {self.last_seq}: the table is damaged",
            )
            return
        if isinstance(row, Anomaly):
            if seq > self.expected_seq:
                missing = f"{self.expected_seq}-{seq - 1}"
                self.checker.add(
                    FindingKind.DELETION, self.expected_seq, f"entries {missing} are missing"
                )
            self.checker.add(row.kind, seq, row.detail)
            self._advance(seq, row.entry_hash)
            return
        _check_row(self.checker, row, self.expected_seq, self.previous_hash)
        self._advance(seq, row.entry_hash)

    def _advance(self, seq: int, digest: bytes | None) -> None:
        self.expected_seq, self.previous_hash, self.last_seq = seq + 1, digest, seq
        self.count += 1
        self.tree.append(digest or b"")
        if self.checkpoint is not None and self.tree.size == self.checkpoint.size:
            self.checkpoint_root = self.tree.root()


def _classify_moves(checker: _Checker) -> None:
    """Content signed for another seq: swapped rows move both ways; renumbering after a
    deletion moves every later row the same way."""
    if not checker.moves:
        return
    kind = FindingKind.REORDERING if checker.moved_backward else FindingKind.DELETION
    for seq, origin in checker.moves:
        checker.add(kind, seq, f"holds the entry signed as seq {origin}")


def verify_rows(
    rows: Iterable[Row | Anomaly],
    public_key: bytes,
    *,
    stored_public_key: bytes | None = None,
    checkpoint: Checkpoint | None = None,
    expected_count: int | None = None,
    findings: Iterable[Finding] = (),
) -> VerificationReport:
    """Check every row (or what was found wrong with it); ``public_key`` is the key the
    verifier trusts, ``findings`` what the caller found about the file itself."""
    use_pool = expected_count is not None and expected_count >= PARALLEL_FROM
    workers = max(2, os.cpu_count() or 2)
    executor = ThreadPoolExecutor(workers, thread_name_prefix="audit-verify") if use_pool else None
    checker = _Checker(public_key, executor, workers)
    for finding in findings:
        checker.add(finding.kind, finding.seq, finding.detail)
    wrong_key = stored_public_key is not None and stored_public_key != public_key
    if wrong_key:
        checker.add(FindingKind.WRONG_KEY, 1, "the log's stored public key is not the one trusted")
    walk = _Walk(checker, checkpoint)
    try:
        for row in rows:
            walk.take(row)
        checker.check_signatures()
    finally:
        if executor is not None:
            executor.shutdown()
    count, tree = walk.count, walk.tree
    _classify_moves(checker)
    if checker.bad_count == checker.signed and checker.signed:  # none signed by the trusted key
        if not wrong_key:
            checker.add(
                FindingKind.WRONG_KEY,
                checker.first_bad[0],
                "no signature verifies with the trusted key",
            )
    else:
        for seq in checker.first_bad:
            checker.add(FindingKind.BAD_SIGNATURE, seq, "signature does not verify")
    if checkpoint is not None:
        _check_checkpoint(checker, checkpoint, public_key, count, walk.checkpoint_root)
    ordered = sorted(checker.findings, key=lambda f: (f.seq is None, f.seq or 0))
    first_bad = next((f.seq for f in ordered if f.seq is not None), None)
    return VerificationReport(not ordered, count, first_bad, tuple(ordered), tree.root())


def _check_checkpoint(
    checker: _Checker, checkpoint: Checkpoint, public_key: bytes, count: int, root: bytes | None
) -> None:
    if not checkpoint.valid(public_key):
        checker.add(
            FindingKind.INVALID_CHECKPOINT,
            None,
            "the checkpoint is invalid: it is not signed by the trusted key (forged, damaged, "
            "or another log's), so the log cannot be checked against it",
        )
    elif count < checkpoint.size:
        checker.add(
            FindingKind.TRUNCATION,
            count + 1,
            f"the log holds {count} entries; the checkpoint vouches for {checkpoint.size}",
        )
    elif root != checkpoint.root:
        within = [f.seq for f in checker.findings if f.seq is not None and f.seq <= checkpoint.size]
        if within:
            checker.add(
                FindingKind.MODIFICATION,
                min(within),
                f"the first {checkpoint.size} entries are not those the checkpoint vouches "
                f"for; the first that differs is seq {min(within)}",
            )
        else:
            checker.add(
                FindingKind.MODIFICATION,
                None,
                f"the first {checkpoint.size} entries are not those the checkpoint vouches "
                "for, yet each links to the one before and is signed: the history was "
                "rewritten whole by a holder of the signing key, and a root alone cannot "
                "tell which entry differs first",
            )
