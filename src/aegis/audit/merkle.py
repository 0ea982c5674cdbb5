"""An RFC 6962 Merkle tree over the log's entry hashes, kept incrementally.

Leaves hash as ``SHA-256(0x00 || data)`` and nodes as ``SHA-256(0x01 || left || right)``;
a tree of n leaves splits at the largest power of two below n. Every completed perfect
subtree is stored by level, so appending costs amortised two hashes, and the root of any
size, an inclusion proof or a consistency proof costs O(log n) hashes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

__all__ = [
    "EMPTY_ROOT",
    "MerkleTree",
    "leaf_hash",
    "node_hash",
    "verify_consistency",
    "verify_inclusion",
]

_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two strictly below ``size`` (``size`` >= 2)."""
    return 1 << ((size - 1).bit_length() - 1)


class MerkleTree:
    """Leaf hashes and every completed perfect subtree, level by level, in flat bytearrays."""

    def __init__(self) -> None:
        self._levels: list[bytearray] = [bytearray()]

    def __len__(self) -> int:
        return len(self._levels[0]) // _SIZE

    def append(self, data: bytes) -> None:
        """Add a leaf whose data is ``data`` (for the audit log: an entry hash)."""
        node = leaf_hash(data)
        level = 0
        while True:
            row = self._levels[level]
            row += node
            count = len(row) // _SIZE
            if count % 2:
                return
            node = node_hash(bytes(row[-2 * _SIZE : -_SIZE]), node)
            level += 1
            if level == len(self._levels):
                self._levels.append(bytearray())

    def _node(self, level: int, index: int) -> bytes:
        return bytes(self._levels[level][index * _SIZE : (index + 1) * _SIZE])

    def _subtree(self, start: int, end: int) -> bytes:
        """MTH of leaves ``[start, end)``."""
        width = end - start
        if width & (width - 1) == 0 and start % width == 0:
            return self._node(width.bit_length() - 1, start // width)
        k = _split(width)
        return node_hash(self._subtree(start, start + k), self._subtree(start + k, end))

    def _check_size(self, size: int | None) -> int:
        total = len(self)
        if size is None:
            return total
        if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= total:
            raise ValueError(f"size must be an int in [0, {total}], got {size!r}")
        return size

    def root(self, size: int | None = None) -> bytes:
        """The tree head over the first ``size`` leaves (all of them by default)."""
        size = self._check_size(size)
        return EMPTY_ROOT if size == 0 else self._subtree(0, size)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """Audit path of leaf ``index`` (0-based) in the tree of ``size`` leaves."""
        size = self._check_size(size)
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < size:
            raise ValueError(f"leaf index must be an int in [0, {size}), got {index!r}")
        return self._path(index, 0, size)

    def _path(self, index: int, start: int, end: int) -> list[bytes]:
        if end - start == 1:
            return []
        k = _split(end - start)
        if index < start + k:
            return [*self._path(index, start, start + k), self._subtree(start + k, end)]
        return [*self._path(index, start + k, end), self._subtree(start, start + k)]

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        """Proof that the tree of ``old_size`` leaves is a prefix of the one of ``new_size``."""
        new_size = self._check_size(new_size)
        if (
            isinstance(old_size, bool)
            or not isinstance(old_size, int)
            or not 0 <= old_size <= new_size
        ):
            raise ValueError(f"old_size must be an int in [0, {new_size}], got {old_size!r}")
        if old_size in (0, new_size):
            return []
        return self._subproof(old_size, 0, new_size, complete=True)

    def _subproof(self, m: int, start: int, end: int, *, complete: bool) -> list[bytes]:
        width = end - start
        if m == width:
            return [] if complete else [self._subtree(start, end)]
        k = _split(width)
        if m <= k:
            return [
                *self._subproof(m, start, start + k, complete=complete),
                self._subtree(start + k, end),
            ]
        return [
            *self._subproof(m - k, start + k, end, complete=False),
            self._subtree(start, start + k),
        ]


def verify_inclusion(
    data: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """Whether ``proof`` shows leaf ``data`` at ``index`` in the tree of ``size`` with ``root``."""
    if not 0 <= index < size:
        return False
    node, last = leaf_hash(data), size - 1
    position = index
    for sibling in proof:
        if last == 0:
            return False
        if position % 2 or position == last:
            node = node_hash(sibling, node)
            while position % 2 == 0 and position != 0:
                position >>= 1
                last >>= 1
        else:
            node = node_hash(node, sibling)
        position >>= 1
        last >>= 1
    return last == 0 and node == root


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """Whether ``proof`` shows the tree (``old_size``, ``old_root``) is a prefix of the new one."""
    if not 0 <= old_size <= new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)  # the old tree is one complete subtree of the new
    if not path:
        return False
    node = old_size - 1
    last = new_size - 1
    while node % 2:
        node >>= 1
        last >>= 1
    old_hash = new_hash = path[0]
    for sibling in path[1:]:
        if last == 0:
            return False
        if node % 2 or node == last:
            old_hash = node_hash(sibling, old_hash)
            new_hash = node_hash(sibling, new_hash)
            while node % 2 == 0 and node != 0:
                node >>= 1
                last >>= 1
        else:
            new_hash = node_hash(new_hash, sibling)
        node >>= 1
        last >>= 1
    return last == 0 and old_hash == old_root and new_hash == new_root
