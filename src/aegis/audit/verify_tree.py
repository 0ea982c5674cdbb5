"""The Merkle root of a stream of entries, and the check against a held checkpoint.

Verification streams the log once, so the tree is not built whole (that is
:class:`~aegis.audit.merkle.MerkleTree`'s job, for proofs): only the roots of the perfect
subtrees covering the leaves so far are kept, O(log n) memory, which is enough for the
root of every prefix. The root of the prefix a checkpoint vouches for is taken as the walk
passes it, so truncation, and a history rewritten under the checkpoint, are found in the
same single pass.
"""

from __future__ import annotations

from aegis.audit.merkle import EMPTY_ROOT, leaf_hash, node_hash
from aegis.audit.model import Checkpoint, FindingKind
from aegis.audit.verify_chain import Findings

__all__ = ["CompactRange", "StreamedTree", "check_checkpoint"]


class CompactRange:
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


class StreamedTree:
    """The tree over the entry hashes seen, and the root at ``checkpoint``'s size once the
    stream has passed it (None until then)."""

    def __init__(self, checkpoint: Checkpoint | None) -> None:
        self.checkpoint = checkpoint
        self.range = CompactRange()
        self.checkpoint_root: bytes | None = (
            EMPTY_ROOT if checkpoint is not None and checkpoint.size == 0 else None
        )

    def append(self, digest: bytes | None) -> None:
        """The next leaf; a row without an entry hash counts as an empty one."""
        self.range.append(digest or b"")
        if self.checkpoint is not None and self.range.size == self.checkpoint.size:
            self.checkpoint_root = self.range.root()

    def root(self) -> bytes:
        return self.range.root()


def check_checkpoint(
    findings: Findings, checkpoint: Checkpoint, public_key: bytes, count: int, root: bytes | None
) -> None:
    """Whether a log of ``count`` entries whose first ``checkpoint.size`` have ``root``
    still extends ``checkpoint``; what is wrong goes to ``findings``."""
    if not checkpoint.valid(public_key):
        findings.add(
            FindingKind.INVALID_CHECKPOINT,
            None,
            "the checkpoint is invalid: it is not signed by the trusted key (forged, damaged, "
            "or another log's), so the log cannot be checked against it",
        )
    elif count < checkpoint.size:
        findings.add(
            FindingKind.TRUNCATION,
            count + 1,
            f"the log holds {count} entries; the checkpoint vouches for {checkpoint.size}",
        )
    elif root != checkpoint.root:
        within = [f.seq for f in findings.items if f.seq is not None and f.seq <= checkpoint.size]
        if within:
            findings.add(
                FindingKind.MODIFICATION,
                min(within),
                f"the first {checkpoint.size} entries are not those the checkpoint vouches "
                f"for; the first that differs is seq {min(within)}",
            )
        else:
            findings.add(
                FindingKind.MODIFICATION,
                None,
                f"the first {checkpoint.size} entries are not those the checkpoint vouches "
                "for, yet each links to the one before and is signed: the history was "
                "rewritten whole by a holder of the signing key, and a root alone cannot "
                "tell which entry differs first",
            )
