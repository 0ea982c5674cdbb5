"""What the rest of a request's shell lines do, for the exceptions that depend on it.

Several exceptions hold only while nothing else on the line undoes their premise: a policy
variable's known value holds only while no command unsets, empties or re-exports it (or
starts a child with a cleared environment); a hooks directory is the project's own only
while nothing on the line fetches, checks out or installs into it; ``git gc --prune=now``
deletes nothing reachable only while nothing on the line drops refs or reflogs. These
checks read the lines as written (outer lines before the inner ones they carry), by plain
scans: a word anywhere on any line of the request counts, which is fail closed (a word in a
quoted message counts too).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from aegis.intent_firewall.access import Scope
from aegis.intent_firewall.pidshapes import PID_ROOT, pid_root
from aegis.intent_firewall.valueshapes import PRODUCER_NAMES, TRUSTED_PRODUCERS

__all__ = [
    "line_words",
    "literal_stdin",
    "mentions_bare",
    "note_line",
    "producers_replaced",
    "shell_variables",
    "stable_environment",
    "word_pairs",
]

_MAX_LINES = 32
_SEPARATORS = str.maketrans(dict.fromkeys(";&|()<>'\"`\n\t\r{}", " "))
#: Programs that start their command with an environment of their own making.
_CLEARING = frozenset({"sudo", "su", "doas", "runuser", "pkexec", "systemd-run", "machinectl"})
_ENV_CLEAR = frozenset({"-i", "-", "--ignore-environment", "-c"})
#: Text without which no line clears the environment (a test before splitting words).
_CLEARING_MARKS = ("env", "exec", "su", "doas", "pkexec", "systemd-run", "machinectl")
#: Words that define a command under a name or load definitions from a file.
_DEFINING = frozenset({"alias", "hash", "enable", "function", "source", ".", "eval"})
#: Directories on a usual PATH: a file written there may shadow a producer.
_PATH_DIRS = ("/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/sbin",
              "~/.local/bin", "~/bin", "$HOME/.local/bin", "$HOME/bin",
              "/opt/homebrew/bin")  # fmt: skip


def note_line(scope: Scope, text: str) -> None:
    """Remember a shell line of this request (bounded; later lines past the bound are not
    remembered, and :func:`stable_environment` then trusts no variable)."""
    if len(scope.lines) < _MAX_LINES:
        scope.lines.append(text)
    elif len(scope.lines) == _MAX_LINES:
        scope.lines.append("env -i")  # past the bound: no variable holds, no shape counts


def line_words(scope: Scope) -> Iterator[str]:
    """Every word of every remembered line, split at blanks, quotes and operators."""
    for line in scope.lines:
        yield from line.translate(_SEPARATORS).split()


def word_pairs(scope: Scope) -> Iterator[tuple[str, str]]:
    """(word, the word before it) for every word of every remembered line."""
    for line in scope.lines:
        before = ""
        for word in line.translate(_SEPARATORS).split():
            yield word, before
            before = word


def mentions_bare(lines: Iterable[str], name: str) -> bool:
    """Whether ``name`` is written on a line other than as an expansion (``$NAME``,
    ``${NAME…}``): ``unset NAME``, ``NAME=``, ``export NAME=``, ``env -u NAME``, ``read NAME``."""
    size = len(name)
    for line in lines:
        start = line.find(name)
        while start != -1:
            before = line[start - 1] if start else " "
            after = line[start + size : start + size + 1]
            joined = before.isalnum() or before == "_" or after.isalnum() or after == "_"
            if not joined and before not in "${!#":
                return True
            start = line.find(name, start + size)
    return False


def stable_environment(scope: Scope) -> dict[str, str]:
    """The policy's variables whose values still hold on this request's lines: none when a
    line clears the environment (``env -i``, ``sudo``), else those the lines never name
    bare (a name unset, assigned or exported there is unknown, as it may be empty)."""
    if not scope.environment:
        return {}
    clearing = any(mark in line for line in scope.lines for mark in _CLEARING_MARKS)
    for word, before in word_pairs(scope) if clearing else ():  # cheap test first
        wrapper = before.rsplit("/", 1)[-1]
        if word.rsplit("/", 1)[-1] in _CLEARING or (
            wrapper in ("env", "exec") and (word in _ENV_CLEAR or (word[:1] == "-" and "i" in word))
        ):
            return {}
    return {
        name: value for name, value in scope.environment if not mentions_bare(scope.lines, name)
    }


def producers_replaced(scope: Scope) -> bool:
    """Whether a line may make a listed producer (``nproc``, ``whoami``) run something else:
    PATH changed, a function, alias or sourced file, a file named like a producer written
    (``bin/whoami``), or a path into a PATH directory named."""
    if mentions_bare(scope.lines, "PATH") or any("()" in line for line in scope.lines):
        return True
    for word in line_words(scope):
        if word == "." and not _sources(scope.lines):
            continue  # docker build -t app:$(date +%F) .: a directory operand
        if word in _DEFINING or word.startswith(_PATH_DIRS):
            return True
        if "/" in word and word.rstrip("/").rsplit("/", 1)[-1] in PRODUCER_NAMES:
            return True
    return False


def _sources(lines: list[str]) -> bool:
    """Whether ``.`` may be the source command on a line: it opens the line or follows an
    operator (``. ./env.sh``, ``make && . venv/bin/activate``), not a build's last word."""
    for line in lines:
        for index in range(len(line)):
            if line[index] == "." and line[index + 1 : index + 2] in (" ", "\t"):
                before = line[:index].rstrip()
                if not before or before[-1] in ";&|({\n`":
                    return True
    return False


def shell_variables(scope: Scope) -> dict[str, str]:
    """The variables a line starts with: :func:`stable_environment`, plus the mark that lets
    known-shape substitutions count (``valueshapes``) when no producer may be replaced."""
    variables = stable_environment(scope)
    current = scope.lines[-1] if scope.lines else ""
    if ("$(" in current or "`" in current) and not producers_replaced(scope):
        variables[TRUSTED_PRODUCERS] = "1"
        if ".pid" in current and (root := pid_root(scope)):
            variables[PID_ROOT] = root
    return variables


def literal_stdin(scope: Scope, cwd: str) -> bool:
    """Whether a literal piped into an interpreter is all it reads and runs: no line
    redirects an input (``<&3``, ``exec 3<``, ``<<``), the directory it runs in (first on
    its module path) is the workspace's, and the request writes no module there."""
    workspace = (scope.workspace or "").rstrip("/")
    if not workspace or not scope.cwd_known or any("<" in line for line in scope.lines):
        return False
    if cwd.rstrip("/") != workspace and not cwd.startswith(workspace + "/"):
        return False
    return not any(
        path.rpartition("/")[0] == cwd.rstrip("/") or path.endswith((".py", ".pth", ".js", ".mjs"))
        for path in scope.written_paths
    )
