"""Findings a catalogue entry gives a subcommand that its target, written on the line, makes
moot: the target is a disposable thing of the agent's own machine.

* a publication (``irreversible-publish``) to a registry on the local host
  (``npm publish --registry http://localhost:4873``; ``localpublish.py``);
* a database reset (``destructive-command``) of the test environment (``php artisan
  migrate:fresh --env=testing``; ``testresets.py``).

The command judge asks :func:`spared` before it records such a finding; everything else
about the command (its files, its URLs against ``allowed_hosts``) is judged as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from aegis.intent_firewall.localpublish import local_registry
from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.testresets import resets_test_database

__all__ = ["spared"]


def spared(
    rule: str,
    program: str,
    task: str,
    args: list[Arg],
    assignments: Iterable[tuple[str, str | None]] = (),
    *,
    lines: Iterable[str] = (),
) -> bool:
    """Whether ``rule`` for ``task`` of ``program`` (its catalogue name: ``npm``, ``dotnet
    nuget``, ``php:artisan``) with ``args`` acts only on a disposable local target; the
    request's ``lines`` must set no variable that moves it (``envmoves.py``)."""
    if rule == "irreversible-publish":
        return local_registry(f"{program} {task}", args, lines)
    if rule == "destructive-command":
        return resets_test_database(program, task, args, assignments, lines)
    return False
