"""Whether a request may set a variable that moves a client to another place.

Several relaxations trust what a command's own options say about where it goes (a database
host, an emulator's endpoint, an adb server, a registry) and hold when a line of the request
names a variable that overrides them (``PGHOST``, ``LOCALSTACK_HOST``,
``ADB_SERVER_SOCKET``). A shell joins quoted pieces of a word, so ``export PG''HOST=db``,
``export "PG"HOST=db`` and ``export PGHO\\ST=db`` set ``PGHOST`` without writing it: the
names are looked for with quotes and backslashes taken out. A name built at run time
(``export ${P}HOST=db``, ``eval``) or a file sourced (``. ./env.sh``) may set any variable:
such a request is taken to move the client as well. Linear in the length of the lines.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["moves_client"]

_REMOVED = str.maketrans("", "", "'\"\\")
_SEPARATORS = str.maketrans(";&|()`", "      ")
#: Commands that read variables from a file or from text built at run time.
_SOURCING = frozenset({"source", ".", "eval"})
#: Builtins that set a variable whose name may be an expansion.
_SETTING = frozenset({"export", "declare", "typeset", "readonly", "local"})


def moves_client(lines: Iterable[str], names: Iterable[str], *, fold: bool = False) -> bool:
    """Whether some line names one of ``names`` (as the shell joins the word; compared
    folded when ``fold``), sources a file, evaluates text, or sets a variable whose name is
    an expansion."""
    wanted = [name.casefold() if fold else name for name in names]
    for line in lines:
        joined = line.translate(_REMOVED)
        seen = joined.casefold() if fold else joined
        if any(name in seen for name in wanted):
            return True
        words = set(joined.translate(_SEPARATORS).split())
        if words & _SOURCING or (words & _SETTING and "$" in joined):
            return True
    return False
