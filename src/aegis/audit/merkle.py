"""An RFC 6962 Merkle tree over the log's entry hashes, kept incrementally.

Leaves hash as ``SHA-256(0x00 || data)`` and nodes as ``SHA-256(0x01 || left || right)``;
a tree of n leaves splits at the largest power of two below n. Every completed perfect
subtree is stored by level, so appending costs amortised two hashes, and the root of any
size, an inclusion proof or a consistency proof costs O(log n) hashes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

__all__ = [
    "EMPTY_ROOT",
    "LeafSource",
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


#: Where to read back leaves whose hashes were let go: ``(first, count) -> data``.
LeafSource = Callable[[int, int], Sequence[bytes]]
#: Blocks of leaves rebuilt from a :data:`LeafSource` kept at hand for the next proof.
_REBUILT_BLOCKS = 8


class MerkleTree:
    """Every completed perfect subtree, level by level, in flat bytearrays.

    With ``leaves`` (a :data:`LeafSource`) and ``kept_from_level`` k, the levels below k are
    kept only for the newest, incomplete block of 2**k leaves: an older one is rebuilt from
    its leaves when a proof or an old root needs it. Memory per leaf then falls from 64 bytes
    to 64 / 2**k, which is what lets a log run for days; the root of the whole tree never
    needs a rebuild.
    """

    def __init__(self, leaves: LeafSource | None = None, kept_from_level: int = 0) -> None:
        if leaves is None and kept_from_level:
            raise ValueError("levels can be let go only with a source to rebuild them from")
        self._leaves = leaves
        self._kept_from = kept_from_level
        self._block = 1 << kept_from_level
        self._levels: list[bytearray] = [bytearray()]
        #: Leaves in the complete blocks whose lower levels were let go.
        self._released = 0
        self._rebuilt: dict[int, list[bytes]] = {}

    def __len__(self) -> int:
        return self._released + len(self._levels[0]) // _SIZE

    def append(self, data: bytes) -> None:
        """Add a leaf whose data is ``data`` (for the audit log: an entry hash)."""
        node = leaf_hash(data)
        level = 0
        while True:
            row = self._levels[level]
            row += node
            count = len(row) // _SIZE
            if count % 2:
                break
            node = node_hash(bytes(row[-2 * _SIZE : -_SIZE]), node)
            level += 1
            if level == len(self._levels):
                self._levels.append(bytearray())
        if self._kept_from and len(self._levels[0]) == self._block * _SIZE:
            self._released += self._block  # the block is complete: its top node is kept
            for lower in self._levels[: self._kept_from]:
                lower.clear()

    def _node(self, level: int, index: int) -> bytes:
        if level < self._kept_from:
            first = index << level  # the node's first leaf
            if first < self._released:
                return self._rebuilt_node(level, index)
            index -= self._released >> level
        return bytes(self._levels[level][index * _SIZE : (index + 1) * _SIZE])

    def _rebuilt_node(self, level: int, index: int) -> bytes:
        """A node below the kept levels, from its block's leaves read back."""
        block = (index << level) >> self._kept_from
        nodes = self._rebuilt.get(block)
        if nodes is None:
            assert self._leaves is not None
            data = self._leaves(block * self._block, self._block)
            if len(data) != self._block:
                raise LookupError(f"leaves {block * self._block}+ could not be read back")
            nodes = [leaf_hash(item) for item in data]
            row = nodes
            while len(row) > 1:  # the levels of the block, bottom up, in one list
                row = [node_hash(row[i], row[i + 1]) for i in range(0, len(row), 2)]
                nodes += row
            if len(self._rebuilt) >= _REBUILT_BLOCKS:
                del self._rebuilt[next(iter(self._rebuilt))]
            self._rebuilt[block] = nodes
        offset = sum(self._block >> lower for lower in range(level))
        return nodes[offset + index - (block << (self._kept_from - level))]

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
