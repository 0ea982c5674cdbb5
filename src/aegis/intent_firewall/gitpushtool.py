"""A git push tool judged as the ``git push`` command line it amounts to.

``git_push {remote: origin, branch: feature/retry, force_with_lease: true}`` runs ``git push
--force-with-lease origin feature/retry``: the git rules judge that line as they judge it
written in a shell (a lease on a feature branch is the agent's own history; a protected
branch, a plain ``--force`` or a forced refspec stays a finding). Only what is certain is
read: the name says nothing but git and push, every parameter is one listed here with a
plain value (no option-like or expanding text); anything else leaves the tool unread and
its parameters' ``force…: true`` findings stand.
"""

from __future__ import annotations

from collections.abc import Mapping

from aegis.intent_firewall.valuereading import CWD_KEYS

__all__ = ["PUSH_WORDS", "push_command"]

#: The words of a push tool's name (``git_push``, ``git.push``, ``gitPush``).
PUSH_WORDS = frozenset({"git", "push"})
#: Parameters that are operands, in command-line order.
_OPERANDS = (("remote", "remote_name", "origin"), ("branch", "ref", "refspec", "branch_name"))
#: Parameters whose true value is an option (false: left out).
_FLAGS = {
    "force_with_lease": "--force-with-lease", "forcewithlease": "--force-with-lease",
    "force": "--force", "set_upstream": "-u", "setupstream": "-u", "upstream": "-u",
    "tags": "--tags", "follow_tags": "--follow-tags", "no_verify": "--no-verify",
    "dry_run": "--dry-run", "atomic": "--atomic",
}  # fmt: skip
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-@")


def _key(key: object) -> str:
    return key.replace("-", "_").casefold() if isinstance(key, str) else ""


def push_command(words: frozenset[str], parameters: object) -> list[str] | None:
    """``git push [options] [remote [branch]]`` for a push tool's parameters, or ``None``."""
    if words != PUSH_WORDS or not isinstance(parameters, Mapping) or len(parameters) > 8:
        return None
    given = {_key(key): value for key, value in parameters.items()}
    if len(given) != len(parameters):
        return None
    options = _options(given)
    if options is None:
        return None
    remote, branch = (next((given[n] for n in names if n in given), None) for names in _OPERANDS)
    if remote is None and branch is not None:
        return None  # a branch without a remote: the tool's default remote is not known
    operands = [value for value in (remote, branch) if value is not None]
    if not all(_plain(value) for value in operands):
        return None
    return ["git", "push", *options, *operands]


def _options(given: dict[str, object]) -> list[str] | None:
    """The options the flags ask for; ``None`` when a parameter is not understood."""
    options: list[str] = []
    for key, value in given.items():
        if key in _FLAGS:
            if not isinstance(value, bool):
                return None
            if value:
                options.append(_FLAGS[key])
        elif not any(key in names for names in _OPERANDS) and key not in CWD_KEYS:
            return None  # a working directory key moves where the line runs (read elsewhere)
    return options


def _plain(value: object) -> bool:
    """A remote or branch name: no option, forced refspec (``+main``) or deletion (``:x``)."""
    return isinstance(value, str) and bool(value) and value[0] not in "-+:" and set(value) <= _PLAIN
