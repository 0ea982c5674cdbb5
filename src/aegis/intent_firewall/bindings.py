"""Shell variables whose values the line itself fixes: loop variables and ``$!``.

``for f in tests/*.py; do python -m py_compile "$f"; done`` binds ``f`` to one file matching
``tests/*.py`` in each pass, so ``"$f"`` is judged as that glob (and ``for p in rm; do $p -rf /;
done`` as ``rm -rf /``); ``git ls-files | while read -r f; do wc -l "$f"; done`` binds it to a
path below the working directory; ``PID=$!`` to the job the line just started. A bound
variable is no unknown expansion, which is what lets such lines be allowed, so a binding
must hold wherever it is used:

* a loop binds its variable only inside its body, to exactly its words (after the brace
  expansion and globbing the walk models), at most :data:`MAX_VALUES` of them, each judged in
  a pass of its own; ``select`` and loops over unknown words bind nothing;
* a value that stands for a set (a glob, a producer's output lines) only counts where it is
  quoted: unquoted, bash would split and glob a file name the line does not show;
* ``NAME=$!`` binds only as a statement of its own at the top of the line;
* any other write of the name anywhere on the line (an assignment, ``read``, ``declare``,
  ``printf -v``, arithmetic, ``${NAME:=…}``, a second loop), or anything that can write any
  variable (``source``, ``eval``, namerefs, words a builtin takes that are not known), makes
  the walk start again with that name (or every name) unbound: fail closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aegis.intent_firewall.words import Binding, Word

__all__ = [
    "MAX_PASSES",
    "MAX_UNROLLED_BYTES",
    "MAX_VALUES",
    "Bindings",
    "identifiers",
    "own_job",
    "producer_values",
    "repeated",
]

#: Values a loop is unrolled for; more, and its variable stays unknown.
MAX_VALUES = 16
#: Loop passes walked per line in all (nested loops multiply), and the source bytes those
#: passes walk again: past either, a loop binds nothing, so a line's walk stays linear.
MAX_PASSES = 32
MAX_UNROLLED_BYTES = 8192
#: Builtins that can assign the variables their words name (read NAME, printf -v NAME …).
_WRITERS = frozenset(
    {"read", "mapfile", "readarray", "printf", "getopts", "wait", "let", "declare", "typeset",
     "local", "export", "readonly", "unset", "builtin", "command", "time", "coproc", "enable",
     "alias", "trap", "caller", "compgen", "complete", "hash", "select"}
)  # fmt: skip
#: Builtins that can assign any variable at all.
_ANY_WRITERS = frozenset({"source", ".", "eval", "exec", "fc", "bind"})
_IDENTIFIER_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_IDENTIFIER = _IDENTIFIER_START | frozenset("0123456789")
_OWN_JOB = frozenset({"$!", "${!}"})
#: Options of the producers whose output is only path names.
_FIND_TESTS = frozenset({"-name", "-iname", "-path", "-ipath", "-type", "-maxdepth",
                         "-mindepth", "-newer", "-mtime", "-mmin", "-size", "-empty"})  # fmt: skip
_FIND_FLAGS = frozenset({"-print", "-not", "!", "-o", "-a", "-or", "-and", "(", ")",
                         "-depth", "-xdev", "-mount", "-follow", "-L", "-P", "-H"})  # fmt: skip
_GIT_LS_FILES_FLAGS = frozenset({"-c", "--cached", "-m", "--modified", "-o", "--others",
                                 "--exclude-standard", "-d", "--deleted"})  # fmt: skip
#: git diff options that keep its output to the changed files' names, one a line.
_GIT_DIFF_FLAGS = frozenset({"--name-only", "--cached", "--staged", "--relative", "--"})
_LS_FLAGS = frozenset({"-1", "-A", "-d"})  # not -a: it prints . and ..


def identifiers(text: str, *, suffixes: bool = False) -> set[str]:
    """The shell identifiers in ``text``; with ``suffixes``, every suffix of each too
    (``-vNAME``, ``-raNAME``: a builtin's option with the name attached). Linear."""
    found: set[str] = set()
    index, length = 0, len(text)
    while index < length:
        if text[index] not in _IDENTIFIER_START:
            index += 1
            continue
        end = index
        while end < length and text[end] in _IDENTIFIER:
            end += 1
        word = text[index:end][:64]
        found.add(word)
        if suffixes:
            found.update(word[start:] for start in range(1, len(word)))
        index = end
    return found


@dataclass(slots=True)
class Bindings:
    """What the walk knows about bound variables, and every write that could break them."""

    #: Names that may not be bound (a second walk after a write was found).
    forbidden: frozenset[str] = frozenset()
    forbid_all: bool = False
    bound: dict[str, Binding] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    writes: set[str] = field(default_factory=set)
    any_write: bool = False
    sites: dict[str, set[int]] = field(default_factory=dict)
    repeated: set[str] = field(default_factory=set)
    passes: int = 0
    unrolled_bytes: int = 0

    def may_bind(self, name: str) -> bool:
        return not self.forbid_all and name not in self.forbidden

    def site(self, name: str, position: int, *, repeated: bool) -> None:
        """A loop or ``$!`` at ``position`` binds ``name``. Bindings end where their loop
        ends, so sites one after the other are sound; but a site inside a loop or a
        function (``repeated``) runs again after later ones, so a second site is a write."""
        positions = self.sites.setdefault(name, set())
        positions.add(position)
        if repeated:
            self.repeated.add(name)
        if len(positions) > 1 and name in self.repeated:
            self.writes.add(name)

    def unsound(self) -> tuple[frozenset[str], bool] | None:
        """The names to walk again unbound, and whether all of them; ``None``: all sound."""
        if not self.used:
            return None
        if self.any_write or "IFS" in self.writes:
            return frozenset(self.used), True
        broken = self.used & self.writes
        return (frozenset(broken), False) if broken else None

    def command(
        self, program: str, words: list[Word], assignments: list[tuple[str, Word]], *, site: bool
    ) -> None:
        """Record what one simple command may write (``site``: it is a binding's own)."""
        if not site:
            for name, _value in assignments:
                base = name.split("[", 1)[0].rstrip("+")
                if base != "IFS" or not words or program not in ("read", ""):
                    self.writes.add(base)
        for word in words:
            written = word.written
            if "((" in written or "$[" in written or ("${" in written and "=" in written):
                self.writes.update(identifiers(written))  # $((n=1)), ${n:=x}
        if program in _ANY_WRITERS:
            self.any_write = True
        elif program in _WRITERS and not site:
            for word in words[1:]:
                if word.value is None:
                    self.any_write = True  # read "$name": which variable is unknown
                    return
                self.writes.update(identifiers(word.value, suffixes=word.value[:1] == "-"))
                if program in ("declare", "typeset", "local") and _nameref(word.value):
                    self.any_write = True

    def declaration(self, names: list[str], options: list[str]) -> None:
        """``declare``/``local``/``export`` and ``unset``: every name they give is written."""
        self.writes.update(name.split("[", 1)[0].rstrip("+") for name in names)
        if any(_nameref(option) for option in options):
            self.any_write = True


def _nameref(option: str) -> bool:
    """``declare -n``: a name that writes whatever variable its value names."""
    return option.startswith("-") and "n" in option


_REPEATING = frozenset({"for_statement", "while_statement", "c_style_for_statement",
                        "function_definition", "until_statement"})  # fmt: skip


def repeated(node: Any) -> bool:
    """Whether ``node`` is inside a loop or a function body (it may run more than once,
    after what follows it in the text). Iterative; the tree's depth bounds it."""
    parent = node.parent
    while parent is not None:
        if parent.type in _REPEATING:
            return True
        parent = parent.parent
    return False


def own_job(value: Word) -> bool:
    return value.written in _OWN_JOB


def _inside(path: str) -> bool:
    """A relative path that stays below the working directory (no ``..``, ``~``, ``$``)."""
    return (
        bool(path)
        and not path.startswith(("/", "~", "$", "-", ":", "\\"))
        and ".." not in path.replace("\\", "/").split("/")
    )


def _glob(text: str) -> bool:
    return any(c in text for c in "*?[")


def producer_values(  # noqa: PLR0911
    program: str, args: list[str | None]
) -> list[tuple[str, bool]] | None:
    """What each line the producer ``program args`` prints can be, as (pattern, glob), when
    it prints only path names below the working directory; ``None`` otherwise (its output
    can be anything, or anywhere: the loop variable stays unknown)."""
    if any(a is None for a in args):
        return None
    values = [a or "" for a in args]
    if program == "find":
        return _find_values(values)
    if program == "git" and values[:1] == ["ls-files"]:
        for value in values[1:]:
            if value.startswith("-") and value not in _GIT_LS_FILES_FLAGS:
                return None
            if not value.startswith("-") and not _inside(value):
                return None  # a pathspec outside the working directory, or magic
        return [("*", True)]
    if program == "git" and values[:1] == ["diff"] and "--name-only" in values:
        return _diff_names(values[1:])
    if program == "ls" and all(v in _LS_FLAGS or not v.startswith("-") for v in values):
        operands = [v for v in values if not v.startswith("-")]
        if not all(_inside(v) for v in operands):
            return None
        # bare names (relative to the working directory, whatever ls listed) and file
        # operands as written
        return [("*", True), *((v, _glob(v)) for v in operands)][:MAX_VALUES]
    return None


def _find_values(values: list[str]) -> list[tuple[str, bool]] | None:
    roots: list[str] = []
    index = 0
    while index < len(values) and not values[index].startswith(("-", "(", "!")):
        roots.append(values[index])
        index += 1
    names: list[str] = []
    while index < len(values):
        option = values[index]
        if option in _FIND_TESTS:
            if option in ("-name", "-iname") and index + 1 < len(values):
                names.append(values[index + 1].rsplit("/", 1)[-1])
            index += 2
        elif option in _FIND_FLAGS:
            index += 1
        else:
            return None  # -printf, -exec, -fprint …: output is not only the paths
    roots = roots or ["."]
    if any(v in ("-o", "-or", "!", "-not") for v in values):
        names = []  # a name test that is negated or one branch of several: any file
    if not all(_inside(root) for root in roots):
        return None
    if names:
        found = [(f"{root.rstrip('/')}/{name}", _glob(name)) for root in roots for name in names]
    else:
        found = [
            pair for root in roots for pair in ((root, False), (root.rstrip("/") + "/*", True))
        ]
    return found[:MAX_VALUES] if len(found) <= MAX_VALUES else None


def _diff_names(values: list[str]) -> list[tuple[str, bool]] | None:
    """``git diff --name-only [REV...] [-- PATH...]`` prints changed files' names relative
    to the repository (never with ``..``): names below the working directory. Other options
    (``--output``, ``--no-index``, ``--ext-diff`` ...) are not modelled."""
    for value in values:
        if value.startswith("-"):
            if value not in _GIT_DIFF_FLAGS and not value.startswith("--diff-filter="):
                return None
        elif value.startswith((":", "/", "~")) or ".." in value.split("/"):
            return None
    return [("*", True)]
