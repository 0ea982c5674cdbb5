"""The Merkle tree against RFC 6962's definitions and the published test vectors."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aegis.audit.merkle import (
    EMPTY_ROOT,
    MerkleTree,
    leaf_hash,
    node_hash,
    verify_consistency,
    verify_inclusion,
)

# The Certificate Transparency reference leaves and tree heads for sizes 0..8.
LEAVES = [
    bytes.fromhex(h)
    for h in [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
]
ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION = {
    (0, 8): [
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    (5, 8): [
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
}
CONSISTENCY = {
    (2, 5): [
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
    (6, 8): [
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
}


def build(data: list[bytes], kept_from_level: int = 0) -> MerkleTree:
    """A tree over ``data``; with ``kept_from_level``, lower levels are read back from it."""
    tree = MerkleTree(
        (lambda first, count: data[first : first + count]) if kept_from_level else None,
        kept_from_level,
    )
    for item in data:
        tree.append(item)
    return tree


#: Every test of the tree runs with all levels kept, and with the lower ones let go.
kept_levels = pytest.mark.parametrize("kept", [0, 1, 2, 3])


def reference_tree(kept: int = 0) -> MerkleTree:
    return build(LEAVES, kept)


def mth(data: list[bytes]) -> bytes:
    """RFC 6962 section 2.1, written as the RFC writes it."""
    if not data:
        return hashlib.sha256(b"").digest()
    if len(data) == 1:
        return leaf_hash(data[0])
    k = 1 << ((len(data) - 1).bit_length() - 1)
    return node_hash(mth(data[:k]), mth(data[k:]))


@kept_levels
def test_roots_match_the_published_vectors(kept: int) -> None:
    tree = reference_tree(kept)
    assert [tree.root(n).hex() for n in range(9)] == ROOTS
    assert MerkleTree().root() == EMPTY_ROOT


@kept_levels
@pytest.mark.parametrize(("index", "size"), sorted(INCLUSION))
def test_inclusion_proofs_match_the_published_vectors(index: int, size: int, kept: int) -> None:
    proof = reference_tree(kept).inclusion_proof(index, size)
    assert [p.hex() for p in proof] == INCLUSION[index, size]
    assert verify_inclusion(LEAVES[index], index, size, proof, bytes.fromhex(ROOTS[size]))


@kept_levels
@pytest.mark.parametrize(("old", "new"), sorted(CONSISTENCY))
def test_consistency_proofs_match_the_published_vectors(old: int, new: int, kept: int) -> None:
    proof = reference_tree(kept).consistency_proof(old, new)
    assert [p.hex() for p in proof] == CONSISTENCY[old, new]
    assert verify_consistency(old, new, bytes.fromhex(ROOTS[old]), bytes.fromhex(ROOTS[new]), proof)


@kept_levels
def test_every_proof_of_every_size_verifies_and_tampering_fails(kept: int) -> None:
    data = [bytes([i, i * 7 % 256]) for i in range(40)]
    tree = build(data, kept)
    for size in range(1, 41):
        root = tree.root(size)
        assert root == mth(data[:size])
        for index in range(size):
            proof = tree.inclusion_proof(index, size)
            assert verify_inclusion(data[index], index, size, proof, root)
            assert not verify_inclusion(data[index] + b"!", index, size, proof, root)
            if proof:
                assert not verify_inclusion(data[index], index, size, proof[:-1], root)
        for old in range(size + 1):
            proof = tree.consistency_proof(old, size)
            old_root = tree.root(old)
            assert verify_consistency(old, size, old_root, root, proof)
            if 0 < old < size:
                assert not verify_consistency(old, size, old_root, node_hash(root, root), proof)
                assert not verify_consistency(old, size, root, root, proof)


@given(st.lists(st.binary(max_size=8), min_size=1, max_size=70), st.integers(0, 4), st.data())
def test_the_incremental_root_equals_the_rfc_definition(
    data: list[bytes], kept: int, draw: st.DataObject
) -> None:
    tree = build(data, kept)
    assert tree.root() == mth(data)
    size = draw.draw(st.integers(1, len(data)), label="size")
    index = draw.draw(st.integers(0, size - 1), label="index")
    assert tree.root(size) == mth(data[:size])
    proof = tree.inclusion_proof(index, size)
    assert verify_inclusion(data[index], index, size, proof, tree.root(size))


def test_only_old_blocks_are_read_back_and_the_whole_root_needs_none() -> None:
    data = [bytes([i]) for i in range(37)]
    reads: list[tuple[int, int]] = []

    def leaves(first: int, count: int) -> list[bytes]:
        reads.append((first, count))
        return data[first : first + count]

    tree = MerkleTree(leaves, kept_from_level=3)
    for item in data:
        tree.append(item)
    assert tree.root() == mth(data)
    assert reads == []  # complete blocks by their kept top nodes, the newest from memory
    proof = tree.inclusion_proof(10, 37)
    assert verify_inclusion(data[10], 10, 37, proof, tree.root())
    assert reads == [(8, 8)]  # the one block holding leaf 10
    tree.inclusion_proof(11, 37)
    assert reads == [(8, 8)]  # rebuilt blocks are kept at hand


def test_a_block_that_cannot_be_read_back_is_an_error() -> None:
    tree = MerkleTree(lambda first, count: [], kept_from_level=2)
    for item in range(9):
        tree.append(bytes([item]))
    with pytest.raises(LookupError, match="leaves 0"):
        tree.inclusion_proof(1)
    with pytest.raises(ValueError, match="a source to rebuild them from"):
        MerkleTree(kept_from_level=2)


@pytest.mark.parametrize("bad", [-1, 9, True, "3"])
def test_bad_sizes_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="must be an int"):
        reference_tree().root(bad)  # type: ignore[arg-type]
