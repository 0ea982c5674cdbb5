"""Streaming verification of a hash chain of signed entries, with a Merkle tree over it.

The one entry point, :func:`verify_rows`, is shared by every reader (a SQLite file, a
PostgreSQL database, a JSON Lines export): each turns its rows into :class:`Row` values, or
:class:`Anomaly` values for what is wrong with them, and hands them here in ``seq`` order.
One pass checks three things, each in a module of its own: the chain's hashes, links and
order (:mod:`~aegis.audit.verify_chain`), the signatures, in batches on worker threads
(:mod:`~aegis.audit.verify_signatures`), and the Merkle root, against a held checkpoint
(:mod:`~aegis.audit.verify_tree`). Memory stays bounded whatever the size of the log, and
each problem becomes a :class:`~aegis.audit.model.Finding` of a distinct kind.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

from aegis.audit.model import AuditKeyError, Checkpoint, Finding, FindingKind, VerificationReport
from aegis.audit.verify_chain import Anomaly, ChainWalk, Findings, Row
from aegis.audit.verify_signatures import SignatureChecks, bad_signatures
from aegis.audit.verify_tree import StreamedTree, check_checkpoint

__all__ = ["Anomaly", "Row", "bad_signatures", "report_of", "trusted_key", "verify_rows"]


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
    found = Findings()
    for finding in findings:
        found.add(finding.kind, finding.seq, finding.detail)
    wrong_key = stored_public_key is not None and stored_public_key != public_key
    if wrong_key:
        found.add(FindingKind.WRONG_KEY, 1, "the log's stored public key is not the one trusted")
    tree = StreamedTree(checkpoint)
    with contextlib.closing(SignatureChecks(public_key, expected_count)) as signatures:
        walk = ChainWalk(found, signatures.queue, tree.append)
        for row in rows:
            walk.take(row)
        signatures.finish()
    found.classify_moves()
    signatures.report(found, wrong_key_found=wrong_key)
    if checkpoint is not None:
        check_checkpoint(found, checkpoint, public_key, walk.count, tree.checkpoint_root)
    return report_of(found.items, walk.count, tree.root())


def report_of(findings: Iterable[Finding], entries_checked: int, root: bytes) -> VerificationReport:
    """The report of ``findings`` in ``seq`` order (those of no seq last): ok if none."""
    ordered = sorted(findings, key=lambda f: (f.seq is None, f.seq or 0))
    first_bad = next((f.seq for f in ordered if f.seq is not None), None)
    return VerificationReport(not ordered, entries_checked, first_bad, tuple(ordered), root)


def trusted_key(given: bytes | None, stored: bytes | None, where: str, *, missing: str) -> bytes:
    """The key a reader verifies with: the one ``given``, else the log's ``stored`` one
    (which proves consistency but not authorship); AuditKeyError naming the log at
    ``where`` if there is neither (``missing`` says what it lacks)."""
    if stored is None and given is None:
        raise AuditKeyError(
            f"{where!r} holds {missing}; pass the one to trust (--public-key on the command line)",
            where,
        )
    return given or stored or b""
