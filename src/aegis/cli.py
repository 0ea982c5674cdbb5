"""The ``aegis`` command line; the only part of the package that prints."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from aegis import __version__
from aegis.audit.cli import add_audit_commands, run_audit
from aegis.audit.model import AuditError

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aegis", description="Aegis, a safety layer for AI agents: command-line tools."
    )
    parser.add_argument("--version", action="version", version=f"aegis {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    add_audit_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Exit status: 0 success, 1 verification failed, 2 bad usage or input, 3 verified only
    against the key stored in the file. Never a traceback: one line naming the problem."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        return run_audit(arguments)
    except (AuditError, OSError, ValueError, sqlite3.Error) as error:
        print(f"aegis: error: {_one_line(error)}", file=sys.stderr)
    except Exception as error:
        print(
            f"aegis: error: unexpected {type(error).__name__}: {_one_line(error)}",
            file=sys.stderr,
        )
    return 2


def _one_line(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
