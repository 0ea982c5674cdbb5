"""``aegis audit verify|export|checkpoint``: the audit log from the command line.

Exit status: 0 verified against a pinned key; 1 findings (the log or export is not what it
should be); 2 bad usage or a file that cannot be used (each one line on stderr naming it);
3 consistent, but only against the public key stored in the file itself, because no key
was pinned, which anyone able to rewrite the file could have replaced.

Nothing here writes to the database: export and checkpoint read it as verification does,
and sign with the key file, so a log on read-only media can be exported in place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from aegis.audit.backend import is_postgres_dsn
from aegis.audit.export import export_database, verify_export
from aegis.audit.keys import load_key_file
from aegis.audit.log import fleet_key
from aegis.audit.model import AuditError, AuditFileError, Checkpoint, VerificationReport
from aegis.audit.opening import default_key_file
from aegis.audit.verify_db import verify_database

__all__ = ["EXIT_FINDINGS", "EXIT_UNPINNED", "EXIT_USAGE", "add_audit_commands", "run_audit"]

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNPINNED = 3
_SQLITE_MAGIC = b"SQLite format 3\x00"


_DATABASE_HELP = "a SQLite file or a postgresql:// DSN"


def _location(text: str) -> Path | str:
    """A DSN as given (a path would fold its ``//``), anything else as a path."""
    return text if is_postgres_dsn(text) else Path(text)


class UsageError(AuditError):
    """Arguments that cannot be used (exit status 2)."""


def add_audit_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser("audit", help="verify, export or checkpoint an audit log")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="verify a database or a JSON Lines export",
        epilog="exit status: 0 ok against a pinned key, 1 findings, 2 usage or file error, "
        "3 ok but only against the key stored in the file (no key pinned)",
    )
    verify.add_argument(
        "path",
        type=_location,
        help="audit database (a SQLite file or a postgresql:// DSN) or export (.jsonl)",
    )
    pinned = verify.add_mutually_exclusive_group()
    pinned.add_argument("--public-key", metavar="HEX", help="the public key to trust")
    pinned.add_argument(
        "--public-key-file", type=Path, metavar="FILE", help="a file holding the public key"
    )
    pinned.add_argument(
        "--key", type=Path, metavar="FILE", help="trust the public half of this signing key file"
    )
    verify.add_argument(
        "--checkpoint",
        type=Path,
        metavar="FILE",
        help="a checkpoint kept earlier; the log must still extend it",
    )
    export = actions.add_parser("export", help="verify a database, then write it as JSON Lines")
    export.add_argument("database", type=_location, help=_DATABASE_HELP)
    export.add_argument("output", type=Path)
    export.add_argument(
        "--key",
        type=Path,
        metavar="FILE",
        help="signing key file (default: DATABASE.key beside a SQLite file; for PostgreSQL, "
        "AEGIS_AUDIT_KEY_FILE or AEGIS_AUDIT_KEY)",
    )
    checkpoint = actions.add_parser(
        "checkpoint", help="verify a database, then print a signed checkpoint of it"
    )
    checkpoint.add_argument("database", type=_location, help=_DATABASE_HELP)
    checkpoint.add_argument("--key", type=Path, metavar="FILE")


def _public_key(arguments: argparse.Namespace) -> bytes | None:
    if arguments.public_key is not None:
        return _key_bytes(arguments.public_key.encode(), "--public-key")
    if arguments.public_key_file is not None:
        path: Path = arguments.public_key_file
        raw = _head(path, 1024, "public key")
        return raw if len(raw) == 32 else _key_bytes(raw.strip(), f"the file {str(path)!r}")
    if arguments.key is not None:
        return bytes(load_key_file(arguments.key).verify_key)
    return None


def _head(path: Path, size: int, what: str) -> bytes:
    """The first ``size`` bytes of the ``what`` file at ``path``; UsageError naming it if it
    cannot be read."""
    try:
        with path.open("rb") as source:
            return source.read(size)
    except OSError as error:
        raise UsageError(f"cannot read the {what} file {str(path)!r}: {error.strerror}") from None


def _key_bytes(text: bytes, where: str) -> bytes:
    if len(text) != 64 or not all(c in b"0123456789abcdefABCDEF" for c in text):
        shown = text[:80].decode("ascii", "replace")
        raise UsageError(f"{where} must be a public key of 64 hex digits, got {shown!r}")
    return bytes.fromhex(text.decode("ascii"))


def _checkpoint(path: Path | None) -> Checkpoint | None:
    if path is None:
        return None
    text = _head(path, 8192, "checkpoint")
    try:
        return Checkpoint.from_json(text)
    except AuditError as error:
        raise UsageError(f"the checkpoint file {str(path)!r} is invalid: {error}") from None


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as source:  # this process has no connection to it open
            head = source.read(len(_SQLITE_MAGIC))
    except IsADirectoryError:
        raise UsageError(f"{str(path)!r} is a directory, not an audit log") from None
    except FileNotFoundError:
        raise UsageError(f"no audit log or export at {str(path)!r}") from None
    except OSError as error:
        raise UsageError(f"cannot read {str(path)!r}: {error.strerror}") from None
    if not head:
        raise UsageError(f"{str(path)!r} is an empty file, not an audit log or an export")
    return head == _SQLITE_MAGIC


def _report(report: VerificationReport, out: TextIO) -> int:
    if report.ok:
        out.write(f"ok: {report.entries_checked} entries verified; root {report.root.hex()}\n")
        return 0
    if report.first_bad_seq is not None:
        where = f"first bad seq {report.first_bad_seq}"
    else:
        where = report.findings[0].detail
    out.write(f"FAILED: {report.entries_checked} entries checked; {where}\n")
    for finding in report.findings:
        at = f" at seq {finding.seq}" if finding.seq is not None else ""
        out.write(f"  {finding.kind.value}{at}: {finding.detail}\n")
    return EXIT_FINDINGS


def _verify(arguments: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    key = _public_key(arguments)
    held = _checkpoint(arguments.checkpoint)
    path: Path | str = arguments.path
    if isinstance(path, str) or _is_database(path):
        report = verify_database(path, key, held)
    else:
        try:
            report = verify_export(path, key, held)
        except AuditFileError as error:
            if "is not an aegis audit export" not in str(error):
                raise
            raise UsageError(
                f"{str(path)!r} is neither an audit log (a SQLite database) nor an aegis audit "
                "export; check the path"
            ) from None
    status = _report(report, out)
    if status == 0 and key is None:
        err.write(
            "aegis: WARNING: no key pinned (--public-key, --public-key-file or --key): the log "
            "was checked only against the public key stored in the file itself, which whoever "
            "can rewrite the file can replace; this proves consistency, not authorship\n"
        )
        return EXIT_UNPINNED
    return status


def _signed(arguments: argparse.Namespace, out: TextIO) -> tuple[Checkpoint | None, int]:
    """A checkpoint of the whole log once it verifies against the key, or the findings."""
    database: Path | str = arguments.database
    if arguments.key is not None:
        key = load_key_file(arguments.key)
    elif isinstance(database, str):
        key = fleet_key(database)
    else:
        key = load_key_file(default_key_file(database))
    public = bytes(key.verify_key)
    report = verify_database(database, public)
    if not report.ok:
        return None, _report(report, out)
    message = Checkpoint.message(report.entries_checked, report.root)
    signature = key.sign(message).signature
    return Checkpoint(report.entries_checked, report.root, public, signature), 0


def run_audit(
    arguments: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run one ``aegis audit`` command; AuditError (or OSError) for the caller to print."""
    out, err = out or sys.stdout, err or sys.stderr
    if arguments.audit_command == "verify":
        return _verify(arguments, out, err)
    held, status = _signed(arguments, out)
    if held is None:
        return status
    if arguments.audit_command == "export":
        export_database(arguments.database, arguments.output, held)
        out.write(f"exported {held.size} entries to {arguments.output}\n")
    else:
        out.write(held.to_json() + "\n")
    return 0
