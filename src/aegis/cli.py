"""The ``aegis`` command line; the only part of the package that prints."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from aegis import __version__
from aegis.audit.cli import add_audit_commands, run_audit

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
    """Exit status: 0 success, 1 verification failed, 2 bad usage or input."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        return run_audit(arguments)
    except (OSError, ValueError) as error:
        print(f"aegis: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
