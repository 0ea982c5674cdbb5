"""Programs that print the whole environment without being ``env``.

``envharvest`` judges what a line does with a listing of the environment; these are the
listings it did not know: ``ps`` in BSD style with the ``e`` modifier (``ps eww``, ``ps
auxe``) prints every shown process's environment after its command; jq's ``env`` and
``$ENV`` are the environment as an object; an awk program looping over ``ENVIRON`` prints
every value. A name picked out of them (``jq -n env.HOME``, ``ENVIRON["PATH"]``) is one
variable, judged by ``printenv NAME``'s rules elsewhere, not a listing.
"""

from __future__ import annotations

import re2

from aegis.intent_firewall.shell import SimpleCommand

__all__ = ["environment_lister"]

_JQ = frozenset({"jq", "gojq", "jaq", "yq"})
_AWK = frozenset({"awk", "gawk", "mawk", "nawk", "busybox-awk"})
#: jq's whole environment: ``env`` or ``$ENV`` not followed by a field or an index.
_JQ_ENV = re2.compile(r"(^|[^\w$.])(\$ENV|env)\s*($|[^\w.\[\s]|\s*[|,)\]}])")
#: awk's: ENVIRON iterated (``for (k in ENVIRON)``) or handed whole to a function.
_AWK_ENV = re2.compile(r"\bin\s+ENVIRON\b|\(\s*ENVIRON\s*[,)]")


def environment_lister(command: SimpleCommand) -> str:
    """The program's name when ``command`` prints the whole environment, else ``""``."""
    program = command.program
    words = [w.value if w.value is not None else w.written for w in command.words[1:]]
    if program == "ps":
        return "ps" if words and _bsd_environment(words[0]) else ""
    if program in _JQ:
        return program if any(_JQ_ENV.search(w) for w in words if not w.startswith("-")) else ""
    if program in _AWK:
        return program if any(_AWK_ENV.search(w) for w in words) else ""
    return ""


#: Letters of ps's BSD-style options (written first, without a dash).
_BSD_LETTERS = frozenset("aAcCefghjlLmnrsStTuvwxXZ")


def _bsd_environment(word: str) -> bool:
    """``eww``, ``auxe``, ``e``: BSD-style options (no dash) holding ``e``; with a dash
    (``-e``, ``-ef``) it selects every process instead."""
    return "e" in word and len(word) <= 8 and _BSD_LETTERS.issuperset(word)
