"""Tools named for one program: their argument lists are that program's words.

``git {args: [commit, -m, "fix: guard totals"]}`` runs ``git commit -m "fix: guard
totals"``, not a program called ``commit`` and a command line ``fix: guard totals``;
``redis {command: [GET, rate:user:42]}`` sends ``GET`` to redis, as ``redis-cli GET …`` does.
The program is the one word of the tool's name (after ``data/operations.toml``'s
``[named_tools]`` aliases: ``redis`` is ``redis-cli``) that the command catalogue knows, words
that only say "run" left aside; two such words, or none, name no program (fail closed: the
list is read as it is). The tool runs its program whatever the first word is: ``git {args:
[log, -n, 5]}`` is ``git log``, not the program ``log``, ``npm {args: [rm, lodash]}`` is
``npm rm``, and ``git {args: [rm, -rf, /]}`` is ``git rm -rf /``, which the git rules judge;
``redis {command: [DEL, k]}`` is redis's ``DEL``. A shell's tool given a vector that starts
with a program runs that vector (``sh {command: [rm, -rf, /]}`` is ``rm -rf /``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.readings import is_argv
from aegis.intent_firewall.text import canonical_text

__all__ = ["ARGUMENT_KEYS", "argv_test", "named_argv", "named_program"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/operations.toml").read_text()
)["named_tools"]
_ALIASES: dict[str, str] = dict(_DATA["aliases"])
#: Keys whose list holds the named program's words.
ARGUMENT_KEYS = frozenset(_DATA["argument_keys"])
_JOINED = tuple((frozenset(k.split()), v) for k, v in _DATA["joined"].items())

ArgvTest = Callable[[str, list[str]], bool]


def named_program(words: frozenset[str], not_programs: frozenset[str]) -> str | None:
    """The one catalogued program ``words`` name (aliases applied), or ``None``."""
    lookup = catalogue().lookup
    for pair, program in _JOINED:
        if pair <= words:
            words = (words - pair) | {program}
    named = {_ALIASES.get(word, word) for word in words - not_programs}
    found = [name for name in named if lookup(name) is not None]
    return found[0] if len(found) == 1 else None


def named_argv(program: str | None, argv: list[str]) -> list[str]:
    """``argv`` as the words of ``program``: prefixed with it unless it already starts with
    the program."""
    if program is None or not argv:
        return argv
    first = canonical_text(argv[0]).rsplit("/", 1)[-1]
    lookup = catalogue().lookup
    spec = lookup(program)
    if first == program or (spec is not None and spec.operands == "shell" and lookup(first)):
        return argv  # sh {command: [rm, -rf, /]}: a shell tool runs the vector itself
    return [program, *argv]


@lru_cache(maxsize=1024)
def argv_test(words: frozenset[str], not_programs: frozenset[str]) -> ArgvTest:
    """Which lists are argument vectors, for a request whose action has ``words``: under a
    tool named for a program, a list under an argument key is judged with the program in
    front (``[commit, -m, "fix: …"]`` is an argument vector of git)."""
    program = named_program(words, not_programs)
    if program is None:
        return _exec_vector if words & _EXEC_WORDS else is_argv

    def test(key: str, elements: list[str]) -> bool:
        if key in ARGUMENT_KEYS:
            return is_argv(key, named_argv(program, elements))
        return is_argv(key, elements)

    return test


#: Tools that run the vector they are given under ``command`` (``shell``, ``local_shell``,
#: ``container.exec``): a list there is an argument vector, as one under ``argv`` is.
_EXEC_WORDS = frozenset({"shell", "exec"})


def _exec_vector(key: str, elements: list[str]) -> bool:
    """``shell {command: ["git", "config", "user.name", "Dev Agent"]}``: under an exec tool a
    catalogued program's list is judged as an ``argv`` list (see ``readings.is_argv``)."""
    first = canonical_text(elements[0]).rsplit("/", 1)[-1] if elements else ""
    vector = key in ("command", "cmd") and catalogue().lookup(first) is not None
    return is_argv("argv" if vector else key, elements)
