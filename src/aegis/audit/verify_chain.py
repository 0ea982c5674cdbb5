"""The hash chain, checked row by row: each entry's hash, its link, and its place.

This is the part of verification that must see the rows in ``seq`` order: whether each
row's content matches its hash, whether it links to the row before, and whether rows are
missing, repeated, outside the chain or moved. It knows nothing of signatures or the Merkle
tree: a row whose content matches its hash is handed on (``vouched``) for its signature to
be checked, and every row's hash (``leaf``) for the tree; :mod:`aegis.audit.verifier` wires
the three together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from aegis.audit.encoding import GENESIS, entry_hash
from aegis.audit.model import Finding, FindingKind

__all__ = ["MAX_FINDINGS", "MOVE_WINDOW", "Anomaly", "ChainWalk", "Findings", "Row"]

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


class Findings:
    """What verification found, the first :data:`MAX_FINDINGS` of it: a wrecked log must
    not make the report as large as the log."""

    def __init__(self) -> None:
        self.items: list[Finding] = []
        #: The first moved rows as ``(seq, seq it was signed as)``; kept few, like findings.
        self.moves: list[tuple[int, int]] = []
        self.moved_backward = False

    def add(self, kind: FindingKind, seq: int | None, detail: str) -> None:
        if len(self.items) < MAX_FINDINGS:
            self.items.append(Finding(kind, seq, detail))

    def add_move(self, seq: int, origin: int) -> None:
        self.moved_backward = self.moved_backward or origin < seq
        if len(self.moves) < MAX_FINDINGS:
            self.moves.append((seq, origin))

    def classify_moves(self) -> None:
        """Content signed for another seq: swapped rows move both ways; renumbering after a
        deletion moves every later row the same way."""
        if not self.moves:
            return
        kind = FindingKind.REORDERING if self.moved_backward else FindingKind.DELETION
        for seq, origin in self.moves:
            self.add(kind, seq, f"holds the entry signed as seq {origin}")


def moved_from(row: Row) -> int | None:
    """The seq at which this row's content was signed, if near its current place."""
    for offset in range(1, MOVE_WINDOW + 1):
        for candidate in (row.seq + offset, row.seq - offset):
            if candidate < 1:
                continue
            digest = entry_hash(candidate, row.timestamp_ns, row.action, row.details, row.prev_hash)
            if digest == row.entry_hash:
                return candidate
    return None


def check_entry(
    findings: Findings, row: Row, expected_seq: int, previous_hash: bytes | None
) -> bool:
    """Check one row at its place in the chain; True if its content matches its hash (its
    signature is then worth checking)."""
    if row.seq > expected_seq:
        missing = (
            f"{expected_seq}" if row.seq == expected_seq + 1 else f"{expected_seq}-{row.seq - 1}"
        )
        findings.add(FindingKind.DELETION, expected_seq, f"entries {missing} are missing")
    digest = entry_hash(row.seq, row.timestamp_ns, row.action, row.details, row.prev_hash)
    if digest != row.entry_hash:
        origin = moved_from(row)
        if origin is None:
            findings.add(FindingKind.MODIFICATION, row.seq, "content does not match its hash")
        else:
            findings.add_move(row.seq, origin)
        return False
    if row.seq == expected_seq and previous_hash is not None and row.prev_hash != previous_hash:
        findings.add(FindingKind.MODIFICATION, row.seq, "does not link to the entry before it")
    return True


class ChainWalk:
    """Where the walk along the chain stands: the seq due next and the hash it links to.

    ``vouched`` receives each row whose content matches its hash; ``leaf`` receives the
    entry hash of every row in the chain (None where the row has none), in order.
    """

    def __init__(
        self,
        findings: Findings,
        vouched: Callable[[Row], None],
        leaf: Callable[[bytes | None], None],
    ) -> None:
        self.findings = findings
        self.vouched = vouched
        self.leaf = leaf
        self.expected_seq = 1
        self.previous_hash: bytes | None = GENESIS
        self.last_seq: int | None = None
        self.count = 0

    def take(self, row: Row | Anomaly) -> None:
        seq = row.seq
        if seq is None:  # the read broke off, or a line named no seq
            assert isinstance(row, Anomaly)
            self.findings.add(row.kind, self.expected_seq, row.detail)
            return
        if seq < 1:
            detail = row.detail if isinstance(row, Anomaly) else "an unsigned or foreign row"
            self.findings.add(
                FindingKind.OUTSIDE_CHAIN, seq, f"seq {seq} is outside the chain (1..n): {detail}"
            )
            return
        if self.last_seq is not None and seq <= self.last_seq:
            self.findings.add(
                FindingKind.DUPLICATE,
                seq,
                f"seq {seq} read again after seq {self.last_seq}: the table is damaged",
            )
            return
        if isinstance(row, Anomaly):
            if seq > self.expected_seq:
                missing = f"{self.expected_seq}-{seq - 1}"
                self.findings.add(
                    FindingKind.DELETION, self.expected_seq, f"entries {missing} are missing"
                )
            self.findings.add(row.kind, seq, row.detail)
        elif check_entry(self.findings, row, self.expected_seq, self.previous_hash):
            self.vouched(row)
        self._advance(seq, row.entry_hash)

    def _advance(self, seq: int, digest: bytes | None) -> None:
        self.expected_seq, self.previous_hash, self.last_seq = seq + 1, digest, seq
        self.count += 1
        self.leaf(digest)
