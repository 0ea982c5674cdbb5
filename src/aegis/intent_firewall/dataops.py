"""Data and operations tools: backup repositories, MLflow stores, dbt targets, Spark jobs,
logrotate runs, and the checks made before their catalogue entries are applied.

The entries are data (``data/dataops.toml``); this module gives meaning to its roles. A
backup repository is a local path (written as a tree) or the remote place it names, judged
as a network destination (``sftp:host:/x``, ``rest:https://host/``, ``user@host:repo``;
a cloud provider's storage is outside any policy). A repository taken from the environment
(restic without ``-r``, borg without a repository operand) is a place not shown: fail
closed. A dbt target is the agent's own database only when its name says development and
nothing says production (Spark's roles are ``sparkjobs.py``'s). logrotate rotates what its
configuration names: a configuration outside the workspace, or the default state file in
``/var/lib``, is the system's rotation, not the workspace's.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_host, judge_url
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg, parse_options
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.sparkjobs import spark_role, spark_submit

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["AROUND", "DATAOPS_HANDLERS", "judge_role", "judged_around", "rehearsal"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/dataops.toml").read_text()
)
_DEVELOPMENT = frozenset(_DATA["dbt"]["development_words"])
_PRODUCTION = frozenset({"prod", "production", "prd", "live"})
_HOST_SCHEMES = frozenset(_DATA["backup"]["host_schemes"])
_PROVIDER_SCHEMES = frozenset(_DATA["backup"]["provider_schemes"])
_COMMAND_SUFFIXES = tuple(_DATA["backup"]["command_option_suffixes"])
_EMULATED = frozenset(_DATA["emulators"]["always_local"])
#: Programs judged (or checked) here before their catalogue entry is applied.
AROUND = frozenset({"age", "aws", "az", "rclone", "restic", "rustic", "sops"} | _EMULATED)
#: Where logrotate keeps its state when no ``-s`` names a file.
_DEFAULT_STATE = "/var/lib/logrotate/status"
_SOPS_MODES = frozenset({"-e", "--encrypt", "-r", "--rotate", "-d", "--decrypt", "--extract"})


def _bare(options: frozenset[str]) -> frozenset[str]:
    """``dry-run`` for ``--dry-run``: what ``--no-dry-run`` turns off."""
    return frozenset(option.lstrip("-") for option in options if option.startswith("--"))


def rehearsal(
    options: frozenset[str], args: list[Arg], values: frozenset[str] = frozenset()
) -> bool:
    """Whether one of ``options`` is written as such before any ``--`` (no expansion), not
    as the value of an option of ``values`` (``restic forget --host -n``: a host named -n),
    and not turned off again (``--dry-run=false``, ``--no-dry-run``: the last one wins)."""
    if not options:
        return False
    found = False
    before = ""
    for value, _written, _glob in args[1:]:
        if value is None or value == "--":
            return False
        head, equals, _ = value.partition("=")
        if (head in options and equals) or value.removeprefix("--no-") in _bare(options):
            return False
        if value in options and before not in values:
            found = True
        before = value
    return found


def _words(name: str) -> set[str]:
    return set("".join(c if c.isalnum() else " " for c in name.casefold()).split())


def _inside(judge: CommandJudge, value: str, cwd: str) -> bool:
    workspace = judge.scope.workspace
    if not workspace or workspace == "/":
        return False
    resolved = resolve_path(value, cwd, judge.scope.home)
    return resolved == workspace or resolved.startswith(workspace.rstrip("/") + "/")


def _elsewhere(judge: CommandJudge, what: str) -> None:
    judge.hit("unknown-network-destination", what)


def backup_repository(judge: CommandJudge, arg: Arg, cwd: str) -> None:
    """A restic or borg repository: the place it names, read and written."""
    value, written = arg[0], arg[1]
    if value is None:
        judge.hit("shell-expansion", f"backup repository {written} known only at run time")
        return
    scheme, colon, rest = value.partition(":")
    scheme = scheme.casefold()
    if colon and scheme in _HOST_SCHEMES:
        if rest.startswith("//") or "://" not in rest:
            url = value if rest.startswith("//") else ""
            host = rest.split("/", 1)[0].rpartition("@")[2].split(":", 1)[0]
            if url:
                judge_url(judge.scope, url, written, cwd)
            elif host:
                judge_host(judge.scope, host, written)
            else:
                _elsewhere(judge, f"backup repository {written} on a host not named")
        else:
            judge_url(judge.scope, rest, written, cwd)
    elif colon and scheme in _PROVIDER_SCHEMES:
        _elsewhere(judge, f"backup repository {written} in storage the policy cannot name")
    elif colon and scheme == "local":
        judge.path((rest, written, arg[2]), "write-tree", cwd)
    elif "://" in value and not value.startswith("file:"):
        judge_url(judge.scope, value, written, cwd)
    elif colon and "/" not in value.split(":", 1)[0] and not value.startswith((".", "~", "/")):
        host = value.split(":", 1)[0].rpartition("@")[2]  # borg's user@host:repo
        judge_host(judge.scope, host, written)
    else:
        judge.path(arg, "write-tree", cwd)


def _store(judge: CommandJudge, arg: Arg, cwd: str) -> None:
    """An MLflow store: a local folder or sqlite file (written), or a server."""
    value, written = arg[0] or "", arg[1]
    lowered = value.casefold()
    if lowered.startswith("sqlite:///"):
        judge.path((value[len("sqlite:///") :], written, False), "write", cwd)
    elif lowered.startswith("databricks") or lowered.startswith(("mlflow-artifacts:", "uc:")):
        _elsewhere(judge, f"MLflow store {written}")
    elif "://" in value and not lowered.startswith("file:"):
        judge_url(judge.scope, value, written, cwd)
    else:
        judge.path(arg, "write-tree", cwd)


def _model(judge: CommandJudge, arg: Arg, cwd: str) -> None:
    """A model to load and serve: one of the tracking store (``runs:/``, ``models:/``) or a
    folder is the project's; a model fetched from other storage is code from there (a
    pickled model runs when it is loaded)."""
    value = arg[0]
    if value is None:
        judge.hit("interpreter-code", f"model {arg[1]!r} known only at run time")
    elif value.casefold().startswith(("runs:/", "models:/")):
        return
    elif ":/" in value and not value.casefold().startswith("file:"):
        judge.hit("interpreter-code", f"model {arg[1]!r} loaded from other storage")
    else:
        judge.path(arg, "read-tree", cwd)


def _dbt_name(judge: CommandJudge, role: str, arg: Arg) -> None:
    """A dbt target must say development; a profile (a project's name) only must not say
    production (``--profile prod_warehouse -t dev`` is that warehouse's dev target)."""
    words = _words(arg[0] or "")
    what = role.removeprefix("dbt-")
    if words & _PRODUCTION or any(w.startswith("prod") for w in words):
        judge.hit("destructive-command", f"dbt {what} {arg[1]!r} is a production one")
    elif what == "target" and not words & _DEVELOPMENT:
        judge.hit("destructive-command", f"dbt target {arg[1]!r} not known to be development")


def judge_role(judge: CommandJudge, role: str, arg: Arg, option: str, cwd: str) -> None:
    """The roles of ``data/dataops.toml`` (see its header)."""
    value = arg[0] or ""
    if role == "backup-repo":
        backup_repository(judge, arg, cwd)
    elif role == "backup-option":
        key = value.partition("=")[0].casefold()
        if key.endswith(_COMMAND_SUFFIXES):
            judge.hit("interpreter-code", f"{option} {arg[1][:80]} runs a program")
    elif role == "store-uri":
        _store(judge, arg, cwd)
    elif role == "store-model":
        _model(judge, arg, cwd)
    elif role in ("dbt-target", "dbt-profile"):
        _dbt_name(judge, role, arg)
    elif role.startswith("spark-"):
        spark_role(judge, role, arg, option, cwd)


def _borg(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``borg SUB [REPO][::ARCHIVE] [PATH …]``: the repository, and what create reads."""
    parsed = parse_options(spec, args[1:])
    cwd = judge.options(parsed, feed) if parsed.options else feed.cwd
    operands = parsed.operands
    first = operands[0] if operands else None
    if first is None or (first[0] is not None and first[0].startswith("::")):
        _elsewhere(judge, f"{spec.name}: repository from BORG_REPO, not shown")
    else:
        repo = (first[0] or "").partition("::")[0] if first[0] is not None else None
        backup_repository(judge, (repo, first[1], first[2]), cwd)
    if spec.name.endswith(" create"):
        for arg in operands[1:]:
            judge.path(arg, "read-tree", cwd)
    elif spec.name.endswith(" extract"):
        judge.path((cwd, cwd, False), "write-tree", cwd)  # the archive lands here


def _logrotate(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """The workspace's own rotation: configuration and state inside it."""
    parsed = parse_options(spec, args[1:])
    cwd = judge.options(parsed, feed) if parsed.options else feed.cwd
    named = {option for _role, _arg, option in parsed.options} | parsed.flags
    debug = bool(named & {"-d", "--debug"})
    if not named & {"-s", "--state"} and not debug:
        judge.path((_DEFAULT_STATE, "(default state file)", False), "write", cwd)
    for arg in parsed.operands:
        judge.path(arg, "read", cwd)
        if not debug and (arg[0] is None or not _inside(judge, arg[0], cwd)):
            judge.hit("destructive-command", f"logrotate of {arg[1][:80]}: a system rotation")


DATAOPS_HANDLERS: dict[str, Callable[[CommandJudge, Program, list[Arg], Feed], None]] = {
    "borg-repo": _borg,
    "spark-submit": spark_submit,
    "logrotate": _logrotate,
}


def _checks(judge: CommandJudge, name: str, spec: Program, args: list[Arg]) -> None:
    """What restic, sops and age do when their words leave something out."""
    parsed = parse_options(spec, args[1:])
    named = {option for _role, _arg, option in parsed.options} | parsed.flags
    first = parsed.operands[0][0] if parsed.operands else None
    if name in ("restic", "rustic"):
        given = named & {"-r", "--repo", "--repository-file"}
        if not given and first not in ("version", "generate", "help", None):
            _elsewhere(judge, f"{name} repository from the environment or a profile, not shown")
    elif name == "age":
        if named & {"-d", "--decrypt"} and not named & {"-o", "--output"}:
            judge.hit("secret-environment", "age -d without -o prints the decrypted file")
    elif first not in spec.subcommands and not named & _SOPS_MODES:
        judge.hit("secret-environment", "sops FILE opens the decrypted file in an editor")


def judged_around(
    judge: CommandJudge, name: str, spec: Program, args: list[Arg], feed: Feed
) -> bool:
    """Checks before the entry of ``name`` is applied; True when the command was judged
    whole here (a call to a local emulator, see ``emulators.py``)."""
    if name in ("restic", "rustic", "sops", "age"):
        _checks(judge, name, spec, args)
        return False
    from aegis.intent_firewall.emulators import emulated

    return emulated(judge, name, spec, args, feed)
