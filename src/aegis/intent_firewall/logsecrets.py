"""Credentials read back out of logs: a search for what a request carried in its headers.

Access logs, journals and pods' output keep what clients sent: ``Authorization: Bearer …``
headers, ``password=`` form fields, API keys in query strings, session cookies. A search
of a log for those words (``zgrep 'Authorization: Bearer' /var/log/nginx/access.log*``,
``journalctl -u api | grep -i x-api-key``, ``kubectl logs deploy/api | rg token=``)
prints other people's live credentials, whatever the program: it is
``credential-file-read``. The same search that only counts or lists files (``grep -c``,
``-l``, ``-q``, a ``wc`` after it) prints none, and a search of the log for anything else
(``Failed password for``, ``token expired``, ``HTTP/1.1" 500``) is ordinary debugging.
"""

from __future__ import annotations

from collections.abc import Sequence

import re2

from aegis.intent_firewall.shell import SimpleCommand

__all__ = ["log_secret_findings"]

#: Programs that print the lines (or parts of lines) of their input that match a pattern.
_SEARCHERS = frozenset(
    {"grep", "egrep", "fgrep", "zgrep", "zegrep", "zfgrep", "bzgrep", "xzgrep", "zstdgrep",
     "rg", "ag", "ack", "ack-grep", "awk", "gawk", "mawk", "nawk", "sed", "jq", "perl",
     "select-string", "findstr", "ugrep", "sift", "pt"}
)  # fmt: skip
#: Options of the searchers that print counts, file names or nothing instead of lines.
_QUIET_LONG = frozenset(
    {"--count", "--files-with-matches", "--files-without-match", "--quiet", "--silent",
     "--count-matches"}
)  # fmt: skip
_QUIET_SHORT = frozenset("clLq")
#: Programs whose output is a log, with the subcommand that makes it one (empty: always).
_LOG_PRODUCERS: dict[str, frozenset[str]] = {
    "journalctl": frozenset(),
    "dmesg": frozenset(),
    "stern": frozenset(),
    "kail": frozenset(),
    "logcli": frozenset(),
    "kubectl": frozenset({"logs", "log"}),
    "oc": frozenset({"logs", "log"}),
    "docker": frozenset({"logs"}),
    "podman": frozenset({"logs"}),
    "nerdctl": frozenset({"logs"}),
    "heroku": frozenset({"logs"}),
    "fly": frozenset({"logs"}),
    "flyctl": frozenset({"logs"}),
    "gcloud": frozenset({"logging"}),
    "aws": frozenset({"logs"}),
    "az": frozenset({"monitor", "log"}),
    "vercel": frozenset({"logs"}),
}
#: Counters after the search: what reaches the screen is a number.
_COUNTERS = frozenset({"wc"})
_LOG_PATH = re2.compile(r"(?i)(?:^|/)var/log(?:/|$)|\.log(?:$|[.*\d_-])|(?:^|/)[a-z_-]{0,40}_log$")
#: Words of a pattern that select the credential a log line carries.
_CREDENTIAL = re2.compile(
    r"(?i)authorization|bearer|x-api-key|api[_-]?key|access[_-]?token|refresh[_-]?token|"
    r"id[_-]?token|auth[_-]?token|private[_-]token|client[_-]?secret|secret[_-]?key|"
    r"set-cookie|cookie\s*:|passw(?:or)?d\s*[=:\"']|\bpwd\s*=|\btoken\s*[=:\"']|"
    r"session[_-]?id\s*[=:]|x-auth-token|proxy-authorization"
)
_MAX_WORDS = 64


def log_secret_findings(commands: Sequence[SimpleCommand]) -> list[tuple[str, str]]:
    """``credential-file-read`` when the line searches a log for the credentials it holds
    and prints what it finds."""
    if not any(command.program in _SEARCHERS for command in commands):
        return []  # the common line: nothing searched
    if not any(_log_source(command) for command in commands):
        return []
    if any(command.program in _COUNTERS for command in commands):
        return []
    for command in commands:
        if command.program not in _SEARCHERS or _quiet(command):
            continue
        for word in command.words[1:_MAX_WORDS]:
            text = word.value if word.value is not None else word.written
            found = _CREDENTIAL.search(text)
            if found is not None:
                return [
                    (
                        "credential-file-read",
                        f"{command.program} {text[:80]!r}: credentials searched for in a log",
                    )
                ]
    return []


def _log_source(command: SimpleCommand) -> bool:
    """Whether the command names a log file or prints a log."""
    program = command.program
    if program in _LOG_PRODUCERS:
        verbs = _LOG_PRODUCERS[program]
        values = {word.value for word in command.words[1:_MAX_WORDS]}
        if not verbs or verbs & values:
            return True
    for word in command.words[1:_MAX_WORDS]:
        value = word.value if word.value is not None else word.written
        if _LOG_PATH.search(value) and not value.startswith("-"):
            return True
    return False


def _quiet(command: SimpleCommand) -> bool:
    """Whether the search prints counts or file names only (``-c``, ``-l``, ``-q``)."""
    for word in command.words[1:_MAX_WORDS]:
        value = word.value or ""
        if value in _QUIET_LONG:
            return True
        short = value[1:] if value.startswith("-") and not value.startswith("--") else ""
        if short.isalpha() and _QUIET_SHORT & set(short):
            return True
    return False
