"""The environment's values harvested: printed whole, filtered for secrets, saved or sent.

``printenv PATH`` reads one harmless variable and ``env | grep NODE`` the Node settings;
``printenv | grep -Ei "token|secret|key" > notes/env.txt`` collects every secret the process
holds into a file that may be committed. A command that prints the whole environment
(``env`` or ``printenv`` with no operand, also behind a wrapper such as ``docker exec db``;
``set``, ``export -p``, ``declare -px``) is a producer; what its pipeline does with the
text decides. A filter whose pattern names a
secret word, a file redirection, ``tee`` or a program that sends (``curl``, ``nc`` …)
downstream of it is ``secret-environment`` (*review*); a listing alone (``env``,
``printenv`` and the listers of ``envlisters.py``: ``ps eww``, ``jq -n env``, awk over
``ENVIRON``) prints every value to the transcript and is a finding too; a count or a filter
for other names passes.
"""

from __future__ import annotations

from collections.abc import Iterable

import re2

from aegis.intent_firewall.envlisters import environment_lister
from aegis.intent_firewall.shell import SimpleCommand

__all__ = ["harvest_findings"]

_PRODUCERS = frozenset({"env", "printenv", "set", "export", "declare", "typeset"})
#: Builtins whose names the parsed line drops (``declare -p NAME`` reads as ``declare -p``):
#: alone, a listing of theirs cannot be told from a look at one variable.
_DECLARATIONS = frozenset({"set", "export", "declare", "typeset"})
_WRAPPERS = frozenset(
    {"docker", "podman", "nerdctl", "kubectl", "oc", "ssh", "sudo", "doas", "su", "runuser",
     "nsenter", "chroot", "nice", "nohup", "timeout", "exec", "command", "lxc", "incus",
     "systemd-run", "setsid", "stdbuf", "ionice", "flock", "time"}
)  # fmt: skip
_FILTERS = frozenset(
    {"grep", "egrep", "fgrep", "rg", "ag", "awk", "gawk", "sed", "perl", "cut", "jq", "ack"}
)
_SENDERS = frozenset(
    {"tee", "curl", "wget", "nc", "ncat", "netcat", "socat", "ssh", "scp", "http", "https",
     "xh", "telnet", "openssl", "mail", "sendmail", "mutt", "gh", "aws", "gsutil", "rclone",
     "base64", "xxd", "gzip", "zip", "tar", "gpg"}
)  # fmt: skip
_SECRET_WORDS = re2.compile(
    r"(?i)token|secret|passw|pwd|key|cred|auth|aws|api|priv|session|cookie|cert|bearer|"
    r"sig|salt|dsn|database_url|conn"
)
#: env's options that take the next word
_ENV_ARGUMENTS = frozenset({"-u", "--unset", "-C", "--chdir", "-S", "--split-string"})
_OUTPUT_REDIRECTS = frozenset({">", ">>", ">|", "&>", "&>>", ">&"})


def harvest_findings(commands: Iterable[SimpleCommand]) -> list[tuple[str, str]]:
    """(rule, evidence) for the environment a line harvests (``commands``: its simple
    commands in order)."""
    found: list[tuple[str, str]] = []
    listed = list(commands)
    for index, command in enumerate(listed):
        producer = _producer(command)
        if not producer:
            continue
        after = listed[index + 1 :]
        # export -p > f: the grammar hangs the redirection on a command of its own
        loose = [c for c in listed[max(index - 1, 0) : index + 2] if not c.words]
        why = (
            _sink(command)
            or next(filter(None, map(_sink, loose)), None)
            or _downstream(producer, after)
        )
        if why is None and producer not in _DECLARATIONS and not _consumed(producer, after):
            why = "prints every variable"
        if why:
            found.append(("secret-environment", f"{producer} without a name {why}"))
            break
    return found


def _values(command: SimpleCommand) -> list[str]:
    return [word.value if word.value is not None else word.written for word in command.words]


def _producer(command: SimpleCommand) -> str:
    """The program's name when ``command`` prints the whole environment, else ``""``."""
    program = command.program
    operands = _values(command)[1:]
    if program in _WRAPPERS and operands and operands[-1] in ("env", "printenv"):
        return operands[-1]  # docker exec db env, sudo env: the wrapped program lists
    if program not in _PRODUCERS:
        return environment_lister(command)  # ps eww, jq -n env, awk over ENVIRON
    options = all(v.startswith("-") for v in operands)
    if program == "env":
        listing = _env_lists(operands)
    elif program == "printenv":
        listing = options
    elif program == "set" or (program == "export" and not operands):
        listing = not operands
    else:  # export -p, declare -p / -x, typeset -x: listings when no name follows
        listing = bool(operands) and options and any("p" in v or "x" in v for v in operands)
    return program if listing else ""


def _env_lists(operands: list[str]) -> bool:
    """Whether ``env`` with ``operands`` prints the environment rather than run a command."""
    skip = False
    for value in operands:
        if skip:
            skip = False
        elif value in _ENV_ARGUMENTS:
            skip = True
        elif not (value.startswith("-") or "=" in value):
            return False
    return True


def _sink(command: SimpleCommand) -> str | None:
    for redirect in command.redirects:
        if redirect.operator in _OUTPUT_REDIRECTS and redirect.target is not None:
            target = redirect.target.value or redirect.target.written
            if target not in ("/dev/null", "&1", "&2", "1", "2"):
                return f"written to {target[:60]!r}"
    return None


def _consumed(producer: str, later: list[SimpleCommand]) -> bool:
    return any(producer in command.stdin_from for command in later)


def _downstream(producer: str, later: list[SimpleCommand]) -> str | None:
    """Why the stages fed by ``producer`` harvest what it prints."""
    for command in later:
        if producer not in command.stdin_from:
            continue
        program = command.program
        if program in _SENDERS:
            return f"piped into {program}"
        if program in _FILTERS:
            words = " ".join(_values(command)[1:])
            secret = _SECRET_WORDS.search(words)
            if secret:
                return f"filtered for {secret.group(0)!r}"
        sink = _sink(command)
        if sink:
            return sink
    return None
