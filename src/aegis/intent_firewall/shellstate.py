"""Whether a list of command lines means the same run one by one as run as one script.

An agent's list of command lines (``{"commands": ["cd /etc", "cat shadow"]}``) may run in
one shell, in order, so a ``cd``, an assignment or an alias in one line changes what a later
line does. The firewall therefore reads such a list twice: each line alone, and all of them
joined as one script. The joined reading only adds something when a line can leave state
behind or a construct can span lines; for a list of plain lines it repeats the lines'
findings at the same cost again. :func:`carries_state` says, by a linear scan and
conservatively (anything it does not recognise counts as carrying state), whether a line
can do either.

A line is *plain* when it is ASCII made only of words, closed quotes, pipes, lists (``;``,
``&``, ``&&``, ``||``) and redirections (no ``$``, backquote, backslash, brackets, braces or
here-documents; a comment ends it), and no command in it starts with an assignment, a
reserved word, or a builtin that changes the shell (``cd``, ``export``, ``alias``,
``source``, ``set``, ``eval``, ``exec``, ``command``, ``read``, ``printf`` …). Each command
of a pipeline runs in a subshell, so not even a builtin there could reach the next line,
but the check does not rely on that.
"""

from __future__ import annotations

__all__ = ["carries_state"]

#: Builtins and reserved words that change the shell that runs the next line, or make a
#: construct that spans lines, or run text the scan cannot see (eval, source, fc).
_STATEFUL_WORDS = (
    ". : [[ ]] ! { } alias bg bind builtin caller case cd command compgen complete "
    "compopt coproc declare dirs disown do done elif else enable esac eval exec export "
    "fc fg fi for function getopts hash history if in jobs let local logout mapfile popd "
    "printf pushd read readarray readonly return select set shift shopt source suspend "
    "then time times trap typeset ulimit umask unalias unset until wait while"
)
_STATEFUL = frozenset(_STATEFUL_WORDS.split())
#: The characters of a plain line: words, blanks, quotes, pipes, lists, redirections and
#: comments.
_PLAIN = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:,@+%=~*? \t|;&<>'\"#"
#: Past these counts a line is not looked at more closely (so the scan stays a few C-level
#: passes over the text): it counts as carrying state.
_MAX_QUOTES = 64
_MAX_SEPARATORS = 32
_MAX_HASHES = 16


def carries_state(line: str) -> bool:
    """Whether ``line`` could change what a later line of the same shell does (or spans
    into it); ``False`` only for the plain lines the module docstring describes. A few
    passes of C-level string methods, and Python loops only over at most a few dozen quote,
    separator or comment marks."""
    if not line.isascii() or line.encode("ascii").translate(None, _PLAIN):
        return True  # a character outside the plain set: $ ` \\ ( ) { } [ ] ! newline
    quotes = line.count("'") + line.count('"')
    separators = line.count("|") + line.count(";") + line.count("&")
    if quotes > _MAX_QUOTES or separators > _MAX_SEPARATORS or "<<" in line:
        return True
    if quotes:
        code: str | None = line if _quotes_closed(line) else None
    else:  # with no quotes, a # starting a word is a comment to the line's end
        code = _without_comment(line) if "#" in line else line
    if code is None or code.rstrip().endswith(("|", "&&")):
        return True  # a quote, a pipeline or a list goes on in the next line
    return any(_starts_state(command) for command in _commands(code))


def _commands(code: str) -> list[str]:
    """The commands of a line split at every ``|``, ``;``, ``&``, ``&&`` and ``||`` (at a
    mark inside quotes too: that only adds commands to check); a final ``;`` or ``&`` ends
    the line without an empty command after it."""
    if not code.strip():
        return []
    unified = code.replace("&&", ";").replace("||", ";").replace("&", ";").replace("|", ";")
    commands = unified.split(";")
    if len(commands) > 1 and not commands[-1].strip():
        commands.pop()
    return commands


def _quotes_closed(line: str) -> bool:
    """Whether every quote in ``line`` is closed in it (the caller bounds the quotes)."""
    at = 0
    while True:
        single, double = line.find("'", at), line.find('"', at)
        if single < 0 and double < 0:
            return True
        start = single if double < 0 or 0 <= single < double else double
        end = line.find(line[start], start + 1)
        if end < 0:
            return False
        at = end + 1


def _without_comment(line: str) -> str | None:
    """``line`` up to the ``#`` that starts a comment (one at the start or after a blank),
    or ``None`` when it has too many ``#`` to look at."""
    if line.count("#") > _MAX_HASHES:
        return None
    at = line.find("#")
    while at > 0 and line[at - 1] not in " \t":
        at = line.find("#", at + 1)
    return line if at < 0 else line[:at]


def _starts_state(command: str) -> bool:
    """Whether one command of a pipeline may change the shell: its first word is an
    assignment, a stateful builtin or a redirection (the command is then a later word), or
    there is no command at all."""
    words = command.split(None, 1)
    if not words:
        return True
    first = words[0].replace("'", "").replace('"', "")
    if not first or "=" in first or "<" in first or ">" in first:
        return True
    return first in _STATEFUL or first.casefold() in _STATEFUL
