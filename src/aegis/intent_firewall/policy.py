"""The firewall's policy: one immutable value, replaced whole, never edited in place.

Everything a verdict depends on besides the request lives here (threshold, allowed hosts,
working directory, programs allowed beyond the catalogue, custom rules, explicitly disabled
default rules, size limits). The verdict cache is keyed on the policy object itself, so a
verdict computed under an old policy can never answer under a new one.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from aegis._validation import require_positive, require_text, require_unit_interval
from aegis.intent_firewall.custom import RuleSet
from aegis.intent_firewall.paths import is_windows_absolute, resolve_path
from aegis.intent_firewall.rules import DEFAULT_RULES

__all__ = ["DEFAULT_ALLOWED_HOSTS", "Limits", "Policy"]

DEFAULT_ALLOWED_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one request may make the firewall do (over them: *review*)."""

    #: Characters in one string; a longer one is not inspected.
    max_string: int = 16384
    #: Characters of one string parsed as a shell command line.
    max_shell: int = 4096
    #: Characters across the whole request.
    max_request: int = 131072
    #: Values (containers, strings, numbers) walked in the parameters.
    max_nodes: int = 256
    #: Nesting of containers and embedded JSON.
    max_depth: int = 32
    #: Syntax nodes walked per shell command line.
    max_shell_nodes: int = 4000
    #: Simple commands judged across all the command lines of one request's parameters.
    max_commands: int = 256
    #: Characters of SQL handed to the SQL parser per request (sqlglot takes about 10 ms per
    #: 1,000); past them a statement is judged by its words and the request goes to review.
    max_sql_parsed: int = 256
    #: Characters of one recipient list handed to the address parser; past them the rest of
    #: the list is not read and the request goes to review.
    max_address_list: int = 2048
    #: Values judged as file paths per request; past them the request goes to review.
    max_paths: int = 128
    #: Work units (about a microsecond each; 1.2-1.6 measured on a shared 2-core machine)
    #: one request's values and command lines may cost; past them nothing more is judged
    #: and the request goes to review. A short command line costs about 80, so a list of
    #: some 37 is judged in full. Lists of lines that change the shell for the next
    #: (``cd``) are read again as one script, charged to a second budget of the same size.
    #: A request with more than ``max_nodes`` values (review already) gets an eighth of it.
    max_work: int = 3072

    def __post_init__(self) -> None:
        for name in self.__slots__:
            require_positive(f"limits.{name}", getattr(self, name))


def _hosts(hosts: Iterable[str]) -> frozenset[str]:
    if isinstance(hosts, str):
        raise TypeError(f"allowed_hosts must be an iterable of host names, got str: {hosts!r}")
    return frozenset(require_text("allowed_hosts[]", h).strip().casefold() for h in hosts)


#: Variables the environment setting cannot name: the shell sets them, or the policy's own
#: fields give them.
_SHELL_VARIABLES = frozenset({"HOME", "PWD", "OLDPWD", "IFS"})


def _environment(given: object) -> tuple[tuple[str, str], ...]:
    """``given`` (a mapping or name/value pairs) as sorted pairs, each name a shell
    variable name and each value absolute text."""
    if isinstance(given, str | bytes):
        raise TypeError(f"environment must be a mapping of names to values, got {given!r}")
    pairs = given.items() if isinstance(given, Mapping) else given
    if not isinstance(pairs, Iterable):
        raise TypeError(f"environment must be a mapping of names to values, got {given!r}")
    out: dict[str, str] = {}
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise TypeError(f"environment entries must be (name, value) pairs, got {pair!r}")
        name = require_text("environment name", pair[0])
        value = require_text(f"environment[{name!r}]", pair[1])
        if not (name.isascii() and name.replace("_", "a").isalnum() and not name[0].isdigit()):
            raise ValueError(f"environment name must be a shell variable name, got {name!r}")
        if name in _SHELL_VARIABLES:
            raise ValueError(f"environment cannot set {name!r}: the policy or the shell sets it")
        if not value.startswith("/"):
            raise ValueError(f"environment[{name!r}] must be an absolute path, got {value!r}")
        out[name] = posixpath.normpath(value)
    return tuple(sorted(out.items()))


@dataclass(frozen=True, slots=True)
class Policy:
    threshold: float = 0.7
    allowed_hosts: frozenset[str] = DEFAULT_ALLOWED_HOSTS
    #: Where relative paths start; ``None`` means unknown (then a relative path that could
    #: name a credential, such as ``etc/shadow``, is also judged as if from ``/``).
    working_directory: str | None = None
    home: str = "/root"
    allowed_programs: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    custom: RuleSet = field(default_factory=RuleSet)
    limits: Limits = field(default_factory=Limits)
    #: Environment variables whose values the deployment knows (``{"TMPDIR": "/tmp"}``):
    #: a word that expands one (``"$TMPDIR/build"``) is judged as that path. Any other
    #: expansion stays a finding; ``HOME`` and ``PWD`` come from ``home`` and the working
    #: directory. Given as a mapping or pairs, kept as sorted pairs.
    environment: tuple[tuple[str, str], ...] = ()
    #: Set when ``working_directory`` is given as a Windows path (``C:\\work\\project``):
    #: it is kept without its drive (``/work/project``), and Windows paths below it are
    #: the workspace's. With a POSIX working directory every Windows path is outside it.
    windows_workspace: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        require_unit_interval("threshold", self.threshold)
        object.__setattr__(self, "allowed_hosts", _hosts(self.allowed_hosts))
        if self.working_directory is not None:
            cwd = require_text("working_directory", self.working_directory)
            if is_windows_absolute(cwd) and not cwd.startswith("\\\\"):
                cwd = resolve_path(cwd, "/", "/")  # C:\\work\\project -> /work/project
                object.__setattr__(self, "windows_workspace", True)
            if not cwd.startswith("/"):
                raise ValueError(f"working_directory must be absolute, got {cwd!r}")
            object.__setattr__(self, "working_directory", posixpath.normpath(cwd).casefold())
        home = require_text("home", self.home)
        if not home.startswith("/"):
            raise ValueError(f"home must be absolute, got {home!r}")
        object.__setattr__(self, "home", posixpath.normpath(home).casefold())
        programs = frozenset(
            require_text("allowed_programs[]", p).casefold() for p in self.allowed_programs
        )
        object.__setattr__(self, "allowed_programs", programs)
        unknown = sorted(set(self.disabled_rules) - set(DEFAULT_RULES))
        if unknown:
            raise ValueError(f"disabled_rules names no default rule: {unknown[0]!r}")
        object.__setattr__(self, "disabled_rules", frozenset(self.disabled_rules))
        object.__setattr__(self, "environment", _environment(self.environment))
