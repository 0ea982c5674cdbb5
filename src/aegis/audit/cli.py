"""``aegis audit verify|export|checkpoint``: the audit log from the command line."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TextIO

from aegis.audit.export import verify_export
from aegis.audit.log import AuditLog
from aegis.audit.model import Checkpoint, VerificationReport
from aegis.audit.verify_db import verify_database

__all__ = ["add_audit_commands", "run_audit"]

_SQLITE_MAGIC = b"SQLite format 3\x00"


def add_audit_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="verify, export or checkpoint an audit log")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="verify a database or a JSON Lines export")
    verify.add_argument("path", type=Path, help="audit database (SQLite) or export (.jsonl)")
    verify.add_argument(
        "--public-key",
        metavar="HEX",
        help="the public key to trust (default: the one stored with the log)",
    )
    verify.add_argument(
        "--checkpoint",
        type=Path,
        metavar="FILE",
        help="a checkpoint kept earlier; the log must still extend it",
    )
    export = actions.add_parser("export", help="write a database as JSON Lines")
    export.add_argument("database", type=Path)
    export.add_argument("output", type=Path)
    export.add_argument(
        "--key", type=Path, metavar="FILE", help="signing key file (default: DATABASE.key)"
    )
    checkpoint = actions.add_parser("checkpoint", help="print a signed checkpoint of a database")
    checkpoint.add_argument("database", type=Path)
    checkpoint.add_argument("--key", type=Path, metavar="FILE")


def _report(report: VerificationReport, out: TextIO) -> int:
    if report.ok:
        out.write(f"ok: {report.entries_checked} entries verified; root {report.root.hex()}\n")
        return 0
    out.write(
        f"FAILED: {report.entries_checked} entries checked; first bad seq {report.first_bad_seq}\n"
    )
    for finding in report.findings:
        out.write(f"  {finding.kind.value} at seq {finding.seq}: {finding.detail}\n")
    return 1


def run_audit(arguments: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if arguments.audit_command == "verify":
        key = bytes.fromhex(arguments.public_key) if arguments.public_key else None
        held = (
            Checkpoint.from_json(arguments.checkpoint.read_text()) if arguments.checkpoint else None
        )
        path: Path = arguments.path
        with path.open("rb") as source:
            is_database = source.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
        verify = verify_database if is_database else verify_export
        return _report(verify(path, key, held), out)
    key_file = arguments.key or arguments.database.with_name(arguments.database.name + ".key")
    if not key_file.is_file():
        raise ValueError(f"no signing key file at {str(key_file)!r}; pass --key")
    with AuditLog(arguments.database, signing_key=key_file) as log:
        if arguments.audit_command == "export":
            held = asyncio.run(log.export(arguments.output))
            out.write(f"exported {held.size} entries to {arguments.output}\n")
        else:
            out.write(log.checkpoint().to_json() + "\n")
    return 0
