"""Scripts of the workspace itself: ``./configure``, ``bash scripts/test.sh``, ``sh ./gradlew``.

``make`` and ``npm test`` run code the workspace holds (a Makefile, package.json scripts), and
the firewall allows them: it judges text, and the workspace's own build is the agent's work.
A script file below the configured working directory, run by path or handed to a shell or
interpreter as its script operand, is the same trust and is judged the same way. What keeps
it a *user script* (review) is whatever says the file is not the workspace's own:

- the working directory is ``/`` (then every path would count as "inside"); with none
  configured, a relative path that does not climb is below wherever the agent works, as
  ``./Makefile`` is for ``make``, until a ``cd`` moves the line elsewhere;
- the path resolves outside it (``../../x.sh``, ``/tmp/x.sh``, ``cd /tmp && ./configure``),
  into a world-writable scratch directory, into ``.git/`` (hooks), or onto a sensitive target;
- the same command line wrote it first (``curl -o x.sh …; bash x.sh``, ``tar -x … && ./configure``,
  ``echo … > x.sh && sh x.sh``): the agent's own fresh text, not the workspace's;
- the shell or interpreter also reads standard input from a pipe, a here-document or a
  redirection (what reaches it is not the file).

The firewall cannot see the file's contents nor whether it is a symbolic link made earlier:
that limit is the same as for a Makefile.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from aegis.intent_firewall.access import stays_below_unknown_cwd
from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.targets import targets

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope
    from aegis.intent_firewall.commands import Feed
    from aegis.intent_firewall.options import Arg

__all__ = [
    "PROJECT_SCRIPT_NAMES",
    "SCRIPT_SUFFIXES",
    "SHARED_SCRATCH",
    "below_working_directory",
    "in_program_dir",
    "in_shared_scratch",
    "note_unnamed_writes",
    "offensive_name",
    "workspace_file",
    "workspace_script",
]

#: File names that say "a script" when a file is run by its path.
SCRIPT_SUFFIXES = (
    *(".sh", ".bash", ".zsh", ".py", ".pl", ".rb", ".js", ".mjs", ".cjs", ".php", ".ps1"),
)
#: Build entry points that projects ship without a suffix; only ever files of a project, so
#: one outside the workspace is any script.
PROJECT_SCRIPT_NAMES = frozenset(
    {"configure", "config.status", "autogen", "bootstrap", "gradlew", "mvnw"}
)
#: Characters a workspace script's path is written without (whitespace, shell syntax, the
#: separators of Windows paths and URLs, NUL).
_NOT_IN_A_PLAIN_PATH = frozenset(" \t\n\r\x00\\:;|&$`<>(){}'\"*?[]!#~")
#: What may hand a workspace file over in a process substitution (``bash <(cat ./x.sh)``,
#: vetted by ``shellparts.piped_file``: file readers of paths below the working directory).
_WORKSPACE_FILE_READERS = frozenset({"cat", "git"})
#: Programs that write files their command line does not name (an archive's or a patch's
#: file names): after them, any file below the working directory may be new.
_UNNAMED_WRITERS = frozenset(
    {"patch", "unzip", "7z", "7za", "7zr", "unrar", "cpio", "bsdtar", "ar", "pax"}
)
_GIT_UNNAMED_WRITES = frozenset({"apply", "am"})
#: World-writable directories: anyone may have put a script there.
SHARED_SCRATCH = ("/tmp/", "/var/tmp/", "/dev/shm/")  # noqa: S108 (names, not used as files)


def workspace_script(scope: Scope, arg: Arg, feed: Feed) -> bool:  # noqa: PLR0911 (one reason each)
    """Whether ``arg`` names a file of the configured workspace that this line did not write."""
    value, _written, glob = arg
    workspace = scope.workspace
    if value is None or glob or (scope.cwd_known and (not workspace or workspace == "/")):
        return False
    if value.startswith(("-", "+")) or any(char in _NOT_IN_A_PLAIN_PATH for char in value):
        return False  # a Windows path, a URL, or words a shell would split: not one file here
    if feed.stdin_programs or feed.stdin_text is not None or feed.stdin_redirected:
        return False
    if not set(feed.fed_by) <= _WORKSPACE_FILE_READERS:
        return False  # bash <(curl …): only a substitution that reads a workspace file
    catalogue = targets()
    resolved = resolve_path(value, feed.cwd, scope.home)
    if not _below_working_directory(scope, value, resolved):
        return False
    if resolved.startswith(SHARED_SCRATCH):
        return False
    if scope.cwd_known and catalogue.classify(resolved, scope.home) is not None:
        return False  # (with the working directory unknown, "/" only stands in for it)
    if _offensive_name(resolved.rsplit("/", 1)[-1]):
        return False
    return not any(_below(resolved, written) for written in scope.written_paths)


def workspace_file(scope: Scope, arg: Arg, cwd: str) -> bool:
    """Whether ``arg``, a file a program reads its program text from (``awk -f``, ``sed -f``,
    ``deno run x.ts``), is the workspace's own by the rules of a script run by path. Standard
    input is the program's data there, not its program, so only the path decides."""
    from aegis.intent_firewall.commands import Feed

    return workspace_script(scope, arg, Feed(cwd))


def below_working_directory(scope: Scope, value: str, resolved: str) -> bool:
    """Whether ``value`` (resolved as ``resolved``) is a file below the working directory,
    outside ``.git/`` (see :func:`_below_working_directory`)."""
    return _below_working_directory(scope, value, resolved)


def _below_working_directory(scope: Scope, value: str, resolved: str) -> bool:
    """Below the configured working directory (not a system one), outside ``.git/``; with
    none configured and no ``cd`` on the line, a relative path that does not climb is below
    wherever the agent works, as ``./Makefile`` is for ``make``."""
    workspace = scope.workspace
    if not scope.cwd_known:
        return stays_below_unknown_cwd(value) and "/.git/" not in "/" + value
    if workspace is None or targets().is_system_dir(workspace, scope.home):
        return False
    return resolved.startswith(workspace.rstrip("/") + "/") and "/.git/" not in resolved


def offensive_name(base: str) -> bool:
    """Whether a file or module name is named like a tool an intruder brings along."""
    return _offensive_name(base)


def _offensive_name(base: str) -> bool:
    """linpeas.sh, pspy64, exploit2.py: named like a tool an intruder brings along."""
    lowered = base.lower()
    stem = lowered.rsplit(".", 1)[0] if lowered.endswith(SCRIPT_SUFFIXES) else lowered
    stem = stem.rstrip("0123456789").rstrip("-_") or stem
    listed = catalogue()
    return stem in listed.refused_script_names or any(
        fragment in lowered for fragment in listed.refused_script_fragments
    )


def in_program_dir(scope: Scope, value: str, cwd: str) -> bool:
    """Whether ``value`` lies in a directory of the workspace that holds its own programs
    (``bin/``, ``scripts/``, ``target/`` …), rather than at its root."""
    workspace = scope.workspace
    if not scope.cwd_known:
        relative = posixpath.normpath(value).split("/")
    elif workspace:
        resolved = resolve_path(value, cwd, scope.home)
        relative = resolved[len(workspace.rstrip("/")) + 1 :].split("/")
    else:
        return False
    return len(relative) > 1 and relative[0] in catalogue().program_dirs


def _below(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def note_unnamed_writes(scope: Scope, name: str, args: list[Arg], feed: Feed) -> None:
    """Record the working directory as written by ``patch -p1 < x``, ``unzip x.zip``,
    ``git apply x.patch``: a workspace script run later on the line may be their text."""
    unnamed = name in _UNNAMED_WRITERS or (
        name == "git" and any(a[0] in _GIT_UNNAMED_WRITES for a in args[1:4])
    )
    if unnamed and len(scope.written_paths) < 256:
        scope.written_paths.append(feed.cwd)


def in_shared_scratch(scope: Scope, value: str, cwd: str) -> bool:
    """Whether the program path ``value`` lies in a world-writable scratch directory."""
    return resolve_path(value, cwd, scope.home).startswith(SHARED_SCRATCH)
