"""Programs whose modes are options, not words: ``nginx -t`` tests a configuration, ``nginx
-s stop`` signals the server and plain ``nginx`` starts it.

A program's catalogue entry (not a subcommand's: ``terraform output -raw``) whose
subcommand keys are all options (``"-t"``, ``"-V"``) besides ``"*"`` names such modes: the
first word selects one when it is listed, and anything else (another option first, no
option at all) falls to ``"*"``, so a mode nobody listed is judged as the catalogue's
fail-closed default rather than as the harmless top level.
"""

from __future__ import annotations

from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg

__all__ = ["flag_mode"]


def flag_mode(spec: Program, args: list[Arg]) -> tuple[str, Program, list[Arg]] | None:
    """The mode of a flag-mode program (its name, entry and the words it used), else None."""
    subcommands = spec.subcommands
    if " " in spec.name or "*" not in subcommands or len(subcommands) < 2:
        return None
    if not all(k == "*" or k[:1] == "-" for k in subcommands):
        return None
    first = args[1][0] if len(args) > 1 else None
    if first is not None and first != "*" and first in subcommands:
        return first, subcommands[first], [args[1]]
    return "*", subcommands["*"], []
