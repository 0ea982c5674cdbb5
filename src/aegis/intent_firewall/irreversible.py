"""Destruction inside the working directory that ``rm`` rules do not see as such.

``rm build/x`` is cleanup: the file is gone, and a build makes it again. Other ways of
getting rid of a file leave nothing to restore from, and taking the workspace's permissions
or ownership away locks the agent (and its user) out of all of it at once:

- ``shred``, ``wipe`` and ``srm`` overwrite before they delete: ``irreversible-overwrite``
  unless what they overwrite is disposable (``tmp/``, ``scratch/``, build output, a log);
- ``truncate`` to zero or smaller (``-s 0``, ``-s -1K``, ``-s <1M``) and ``dd of=FILE`` throw
  a file's contents away: ``irreversible-overwrite`` unless the file is disposable (a log,
  build output, a scratch directory, a test tree's fixtures that a generator or version
  control gives back) — ``truncate -s 1G disk.img`` only sets a size;
- a recursive ``chmod`` that takes the owner's read or write permission (``000``, ``a-rwx``,
  ``u=``), a recursive ``chown`` to another user (``nobody``, ``root``) or ``chattr -R +i``
  applied to the working directory, an ancestor of it or one of its top-level directories
  is ``workspace-lockout``; ``chmod +x ./scripts/run.sh`` and ``chmod -R u+w ./build`` add
  permissions and stay allowed, and ``chown -R`` to the user the home directory belongs to
  gives the files back.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from aegis.intent_firewall.access import UNKNOWN_WORKSPACE, Scope, stays_below_unknown_cwd
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg, Parsed, parse_options
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.text import written_as

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["LockoutTarget", "dd_target", "lockout", "overwritten", "shred", "truncate"]

#: Directories whose files a build or a run makes again (or that nobody keeps).
_DISPOSABLE_DIRS = frozenset(
    {"build", "dist", "target", "out", "tmp", "temp", ".cache", "cache", "node_modules",
     "__pycache__", "coverage", "htmlcov", ".pytest_cache", ".mypy_cache", ".ruff_cache",
     "logs", "log", "scratch", ".tox", ".nox", ".venv", "venv", "_build", ".next", ".parcel-cache"}
)  # fmt: skip
#: Fixture directories of a test tree: the inputs of tests, made by a generator or kept in
#: version control (``tests/fixtures/random.bin``); ``fixtures/`` alone may be an
#: application's seed data, and ``testdata/`` is go's name for test inputs (listed above).
_TEST_TREES = frozenset({"tests", "test", "spec", "__tests__"})
_FIXTURE_DIRS = frozenset({"fixtures", "__fixtures__", "test-data", "test_data", "data"})
_DISPOSABLE_SUFFIXES = (".log", ".out", ".tmp", ".swp", ".pid", ".lock", ".o", ".pyc", ".img")
_SCRATCH = ("/tmp/", "/var/tmp/", "/dev/shm/", "/dev/")  # noqa: S108
_RECURSIVE_FLAGS = frozenset({"-R", "--recursive"})
#: Users a workspace may be given back to, besides the home directory's own.
_OWN_USERS = frozenset({"$user", "${user}", "$(id -u)", "$(whoami)", "$uid", "${uid}"})


def _disposable(resolved: str, scope: Scope) -> bool:
    if resolved.startswith(_SCRATCH) or resolved.endswith(_DISPOSABLE_SUFFIXES):
        return True
    parts = resolved.split("/")
    if not _DISPOSABLE_DIRS.isdisjoint(parts):
        return True
    return _fixture(resolved, scope)


def _fixture(resolved: str, scope: Scope) -> bool:
    """A fixture of the workspace's own test tree (``tests/fixtures/x``, ``testdata/x``),
    on a line that makes no link: a link made on the line may put anything under that name
    (``ln -s ~/Documents tests/fixtures/docs``), and outside the workspace a "test" tree is
    anyone's (``~/backups/testdata``)."""
    workspace = (scope.workspace or "").rstrip("/")
    if not workspace or scope.links or not resolved.startswith(workspace + "/"):
        return False
    parts = resolved[len(workspace) + 1 :].split("/")
    if "testdata" in parts[:-1]:
        return True
    tree = next((i for i, part in enumerate(parts) if part in _TEST_TREES), len(parts))
    return not _FIXTURE_DIRS.isdisjoint(parts[tree + 1 : -1])


def overwritten(judge: CommandJudge, arg: Arg, cwd: str, how: str) -> None:
    """``irreversible-overwrite`` for what ``arg`` names, unless it is disposable."""
    value, written, _glob = arg
    if value is None or value == "-":
        return
    resolved = resolve_path(value, cwd, judge.scope.home)
    if not _disposable(resolved, judge.scope):
        judge.hit("irreversible-overwrite", f"{how} {written_as(resolved, written)}")


def _size(args: list[Arg]) -> str | None:
    """The size ``truncate`` is given (``-s 0``, ``-s0``, ``--size=0``), ``""`` for a
    reference file (``-r``: a size not known here), ``None`` when there is none."""
    for index, (value, _, _) in enumerate(args):
        text = value or ""
        if text in ("-s", "--size"):
            return args[index + 1][0] or "" if index + 1 < len(args) else ""
        if text.startswith("--size="):
            return text.split("=", 1)[1]
        if text.startswith("-s") and len(text) > len("-s"):  # -s0
            return text[2:]
        if text in ("-r", "--reference") or text.startswith("--reference="):
            return ""
    return None


def _shrinks(size: str | None) -> bool:
    """A size that throws contents away: zero, a reduction (``-``, ``<``, ``/``), or one
    only known when it runs; a plain size (``1G``) or growth (``+1M``) sets or extends."""
    if size is None:
        return False
    size = size.strip()
    if not size or size[0] in "-</%":
        return True
    digits = size.lstrip("0")
    return size[0].isdigit() and (not digits or not digits[0].isdigit())


def truncate(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``truncate``: its operands are deleted (as before), and thrown away for good when the
    size shrinks them."""
    parsed = parse_options(spec, args[1:])
    cwd = judge.options(parsed, feed) if parsed.options else feed.cwd
    shrinks = _shrinks(_size(args[1:]))
    for arg in parsed.operands:
        judge.path(arg, "delete", cwd)
        if shrinks:
            overwritten(judge, arg, cwd, "truncate empties")


def shred(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``shred``, ``wipe``, ``srm``: each operand deleted as ``rm`` deletes it (a tree with
    ``-r``), and overwritten for good unless it is disposable (``tmp/``, a log)."""
    parsed = parse_options(spec, args[1:])
    cwd = judge.options(parsed, feed) if parsed.options else feed.cwd
    recursive = any(
        flag in ("-r", "-R", "--recursive")
        or (not flag.startswith("--") and ("r" in flag or "R" in flag))
        for flag in parsed.flags
    )
    for arg in parsed.operands:
        judge.path(arg, "delete-tree" if recursive else "delete", cwd)
        overwritten(judge, arg, cwd, f"{spec.name} overwrites")


def dd_target(judge: CommandJudge, target: str, written: str, cwd: str) -> None:
    """``dd of=FILE`` writes over FILE in place: its earlier contents are gone."""
    overwritten(judge, (target, written, False), cwd, "dd writes over")


def _large_part(judge: CommandJudge, value: str, cwd: str, *, recursive: bool) -> str | None:
    """The resolved path when ``value`` is the working directory, an ancestor of it or (for
    a recursive change) one of its top-level directories or all of them (``*``)."""
    scope = judge.scope
    workspace = (scope.workspace or "").rstrip("/")
    if not scope.cwd_known and cwd == "/" and stays_below_unknown_cwd(value):
        cwd = UNKNOWN_WORKSPACE
    resolved = resolve_path(value, cwd, scope.home).rstrip("/") or "/"
    root = workspace if workspace and scope.cwd_known else ""
    if cwd == UNKNOWN_WORKSPACE or resolved.startswith(UNKNOWN_WORKSPACE):
        root = UNKNOWN_WORKSPACE
    if not root:
        return None
    stem = resolved.split("*", 1)[0].rstrip("/") or "/"
    if resolved == root or (root + "/").startswith(resolved + "/") or stem == root:
        return resolved
    if recursive and posixpath.dirname(resolved) == root:
        return resolved
    return None


def _owner_loses_access(mode: str) -> bool:
    """``000``, ``0``, ``444``, ``a-rwx``, ``u-w``, ``u=``, ``=``: the owner can no longer read
    or write what the mode is applied to."""
    if mode.isdigit():
        value = int(mode, 8) if all(c in "01234567" for c in mode) else 0o777
        owner = (value >> 6) & 0o7
        return owner & 0o6 != 0o6
    for clause in mode.split(","):
        operator = next((c for c in clause if c in "+-="), "")
        if not operator:
            continue
        who, _, perms = clause.partition(operator)
        if who and not set(who) & set("ua"):
            continue
        if (operator == "-" and set(perms) & set("rw")) or (
            operator == "=" and not set("rw") <= set(perms)
        ):
            return True
    return False


def _other_owner(owner: str, home: str) -> bool:
    user = owner.split(":", 1)[0].split(".", 1)[0].strip().lower()
    own = posixpath.basename(home.rstrip("/")).lower()
    return bool(user) and user != own and user not in _OWN_USERS


@dataclass(frozen=True, slots=True)
class LockoutTarget:
    """What a permission command was given: its mode or owner, and the paths it changes."""

    mode: str
    targets: list[Arg]
    cwd: str


def lockout(judge: CommandJudge, spec: Program, parsed: Parsed, given: LockoutTarget) -> None:
    """``chmod -R 000 .``, ``chown -R nobody /work/project``, ``chattr -R +i .``."""
    mode, targets, cwd = given.mode, given.targets, given.cwd
    recursive = not parsed.flags.isdisjoint(_RECURSIVE_FLAGS) or any(
        flag.startswith("-") and not flag.startswith("--") and "R" in flag for flag in parsed.flags
    )
    name = spec.name
    if name == "chmod":
        locks = bool(mode) and _owner_loses_access(mode)
    elif name == "chown":
        locks = bool(mode) and _other_owner(mode, judge.scope.home)
    elif name == "chattr":
        locks = any((a[0] or "").startswith("+") and set(a[0] or "") & set("ia") for a in targets)
        targets = [a for a in targets if not (a[0] or "").startswith(("+", "-", "="))]
    else:
        return
    if not locks:
        return
    for value, written, _ in targets:
        if value is None:
            continue
        resolved = _large_part(judge, value, cwd, recursive=recursive)
        if resolved is not None:
            shown = f"{name} {'-R ' if recursive else ''}{mode} {written_as(resolved, written)}"
            judge.hit("workspace-lockout", shown.replace("  ", " "))
            return
