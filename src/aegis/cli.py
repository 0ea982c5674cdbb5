"""The ``aegis`` command line; the only part of the package that prints."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from aegis import __version__

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aegis", description="Aegis, a safety layer for AI agents: command-line tools."
    )
    parser.add_argument("--version", action="version", version=f"aegis {__version__}")
    parser.add_subparsers(dest="command", metavar="COMMAND")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help(sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
