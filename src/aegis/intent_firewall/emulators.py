"""Calls that reach a local emulator of a cloud service, not the service.

``aws --endpoint-url http://localhost:4566 iam create-role …`` creates a role in LocalStack
on this machine, ``az storage … --connection-string UseDevelopmentStorage=true`` a container
in Azurite; ``awslocal`` and ``tflocal`` send every AWS call there; ``rclone copy ./x
:s3,endpoint=http://127.0.0.1:9000:bucket`` writes to a MinIO on loopback. Such a command
is judged as it is written, and then the findings that concern the service's state (its
deletions, grants, publications, minted credentials: ``emulated_rules`` in
``data/dataops.toml``) are dropped, since that state is the emulator's. What the command
does on this machine keeps its findings: files read or written (``s3 cp ~/.aws/credentials
…``), verbs whose effect is local (``configure``, ``eks update-kubeconfig``), code run.
Only a loopback endpoint counts (``localhost.evil.example`` or ``localhost@evil`` do not);
a word known only at run time, a line that names a variable moving the emulator's host
(``LOCALSTACK_HOST=…``), and for tflocal a working directory outside the workspace keep
every finding. The AWS CLI's ``file://NAME`` and ``fileb://NAME`` values are the local
file NAME (relative to the working directory), read, never a host.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING

import re2

from aegis.intent_firewall.disposable import never_named
from aegis.intent_firewall.envmoves import moves_client
from aegis.intent_firewall.hosts import host_of
from aegis.intent_firewall.loopback import literal_loopback
from aegis.intent_firewall.options import Arg, parse_options
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.rules import Hit

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["aws_local_files", "emulated", "local_rclone_remote"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/dataops.toml").read_text()
)["emulators"]
_ENDPOINT_OPTIONS = tuple(_DATA["endpoint_options"])
_CONNECTION_OPTIONS = tuple(_DATA["connection_options"])
_DEVELOPMENT = frozenset(_DATA["development_storage"])
_ALWAYS = frozenset(_DATA["always_local"])
_HOST_VARIABLES = tuple(_DATA["host_variables"])
_RULES = frozenset(_DATA["emulated_rules"])
_LOCAL_VERBS = tuple(_DATA["local_verbs"])
_TFLOCAL_KEPT = frozenset(_DATA["tflocal_kept"])
#: rclone backends and the parameter of an on-the-fly remote that names their server. An
#: sftp or ftp server on loopback is this machine's own files under a login (``/etc``,
#: the home), not an emulator's bucket; sftp's ``ssh=`` runs a command.
_RCLONE_SERVER = {"s3": "endpoint", "webdav": "url", "http": "url"}
#: Parameters an on-the-fly remote may carry: which server and how to sign in to it. Any
#: other (``bearer_token_command``, ``env_auth``) is not read here.
_RCLONE_PARAMS = frozenset({"provider", "endpoint", "url", "region", "access_key_id",
                            "secret_access_key", "force_path_style", "vendor", "user",
                            "pass"})  # fmt: skip
_RCLONE_VERBS = frozenset({"copy", "copyto", "sync", "ls", "lsf", "lsd", "lsl", "size", "check"})
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-:")
#: On-the-fly remote parameters that run a program (sftp's ssh=, webdav's
#: bearer_token_command=, password_command=): code, wherever the server is.
_RCLONE_CODE = re2.compile(r"(?:^--[\w-]*|[,:]\w*)(?:ssh|command)(?:=|$)")


def aws_local_files(canonical: str, urls: list[str]) -> list[str]:
    """``urls`` less the ``file://NAME`` values of an AWS CLI line: local files it reads
    (judged as such when its words are), not hosts. Other lines keep every URL."""
    if "file" not in canonical or not any(
        word in ("aws", "awslocal") or word.endswith("/aws") for word in canonical.split()
    ):
        return urls
    return [url for url in urls if not url.casefold().startswith(("file://", "fileb://"))]


def _loopback_url(text: str) -> bool:
    """``http://127.0.0.1:9000`` and kin: a URL (or host) on this machine, nothing else."""
    host = host_of(text.strip().strip("'\""))
    return host is not None and "@" not in text and literal_loopback(host)


def _connection_local(text: str) -> bool:
    """An Azure connection string to the emulator: its shorthand, or endpoints on loopback."""
    fields = [f.strip() for f in text.strip().strip("'\"").split(";") if f.strip()]
    if any(f.casefold() in _DEVELOPMENT for f in fields):
        return not any("proxyuri" in f.casefold() or "endpoint=" in f.casefold() for f in fields)
    pairs = [f.partition("=") for f in fields]
    ends = [value for key, _eq, value in pairs if key.casefold().endswith("endpoint")]
    return bool(ends) and all(_loopback_url(end) for end in ends)


def _endpoint(args: list[Arg]) -> bool | None:
    """True for a loopback endpoint option, False for another, None when there is none."""
    found: bool | None = None
    for index, (value, _written, _glob) in enumerate(args[1:], start=1):
        if value is None:
            return False
        name, equals, attached = value.partition("=")
        connection = name in _CONNECTION_OPTIONS
        if name not in _ENDPOINT_OPTIONS and not connection:
            continue
        given = attached if equals else (args[index + 1][0] if index + 1 < len(args) else None)
        if given is None or not (_connection_local if connection else _loopback_url)(given):
            return False
        found = True
    return found


def _moved(judge: CommandJudge) -> bool:
    """A line of the request names a variable that moves the emulator's host."""
    return moves_client(judge.scope.lines, _HOST_VARIABLES)


def _in_workspace(judge: CommandJudge, args: list[Arg], cwd: str) -> bool:
    """tflocal's working directory (``-chdir=DIR`` or the line's) is inside the workspace."""
    workspace = judge.scope.workspace
    if not workspace or workspace == "/":
        return False
    for value, _written, _glob in args[1:]:
        if value is not None and value.startswith("-chdir="):
            cwd = resolve_path(value[len("-chdir=") :], cwd, judge.scope.home)
    return cwd == workspace or cwd.startswith(workspace.rstrip("/") + "/")


def _tflocal_elsewhere(args: list[Arg]) -> bool:
    """tflocal points only the AWS provider at the emulator: a ``-target`` of another
    provider's resource (``github_repository.main``) or a directory named for production
    (``-chdir=infra/prod``) reaches real services."""
    for value, _written, _glob in args[1:]:
        word = value or ""
        if word.startswith("-target=") and not word[len("-target=") :].startswith("aws_"):
            return True
        if word.startswith("-chdir=") and never_named(word[len("-chdir=") :].split("/")):
            return True
    return False


def _aws_files(judge: CommandJudge, args: list[Arg], cwd: str) -> list[Arg]:
    """``--policy-document file://p.json``: the file is read; the word left is its path."""
    out = list(args)
    for index, (value, written, glob) in enumerate(args):
        if value is None or "file" not in value:
            continue
        head, equals, tail = value.rpartition("=") if "=" in value else ("", "", value)
        for prefix in ("fileb://", "file://"):
            if tail.startswith(prefix):
                path = tail[len(prefix) :]
                judge.path((path, written, glob), "read", cwd)
                out[index] = (f"{head}{equals}{path}", written, glob)
                break
    return out


def _kept_verb(name: str, spec: Program, args: list[Arg]) -> bool:
    words = [a[0] or "" for a in parse_options(spec, args[1:]).operands[:2]]
    if name == "tflocal":
        return bool(words) and words[0] in _TFLOCAL_KEPT
    verb = " ".join(words)
    return any(verb == v or verb.startswith(v + " ") for v in _LOCAL_VERBS)


def _judge_dropping(
    judge: CommandJudge, args: list[Arg], feed: Feed, drop: Callable[[Hit], bool]
) -> None:
    """Judge the command, then drop the findings ``drop`` says belong to the emulator."""
    hits = judge.scope.hits
    mark = len(hits)
    judge.argv(args, replace(feed, local_endpoint=True))
    hits[mark:] = [hit for hit in hits[mark:] if not drop(hit)]


def local_rclone_remote(value: str) -> bool:
    """``:s3,provider=Minio,endpoint=http://127.0.0.1:9000:bucket``: an on-the-fly remote
    whose server is on loopback."""
    backend, _sep, params = value[1:].partition(",")
    key = _RCLONE_SERVER.get(backend.casefold())
    if key is None or "@" in value:
        return False
    marker = key + "="
    if params.count(marker) != 1:
        return False
    names = [pair.partition("=")[0].casefold() for pair in params.split(",")]
    if any(name not in _RCLONE_PARAMS for name in names):
        return False
    given = params.split(marker, 1)[1].split(",", 1)[0].strip("'\"")
    scheme, sep, rest = given.partition("://")
    authority = (rest if sep else scheme).split("/", 1)[0]
    host = authority.split(":", 1)[0]  # [::1] and other bracketed forms: not read, not local
    return set(authority.casefold()) <= _HOST_CHARS and literal_loopback(host.casefold())


def _rclone(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> bool:
    if any(a[0] is None for a in args):
        return False
    operands = parse_options(spec, args[1:]).operands
    if not operands or operands[0][0] not in _RCLONE_VERBS:
        return False
    remotes = [a[0] or "" for a in operands[1:] if ":" in (a[0] or "")]
    if not remotes or not all(r.startswith(":") and local_rclone_remote(r) for r in remotes):
        return False
    if operands[0][0] == "sync" and ":" not in (operands[-1][0] or ""):
        return False  # sync into a local folder deletes there what the bucket lacks
    if any("endpoint" in (a[0] or "").casefold() for a in args[1:] if a[0] not in remotes):
        return False  # --s3-endpoint beside the remote: which one wins is not told here
    verb = f"rclone {operands[0][0]}"
    _judge_dropping(
        judge,
        args,
        feed,
        lambda hit: hit.rule == "unknown-network-destination" and hit.evidence.startswith(verb),
    )
    return True


def emulated(judge: CommandJudge, name: str, spec: Program, args: list[Arg], feed: Feed) -> bool:
    """Judge a call to a local emulator (True), or leave the command to the catalogue."""
    if feed.local_endpoint:
        return False
    if name == "rclone":
        if any(_RCLONE_CODE.search((a[0] or "").casefold()) for a in args[1:]):
            judge.hit("interpreter-code", "rclone remote with a parameter that runs a program")
        return _rclone(judge, spec, args, feed)
    local = _endpoint(args)
    if name in _ALWAYS and local is None:
        local = not _moved(judge)
    if name == "tflocal" and local:
        local = _in_workspace(judge, args, feed.cwd) and not _tflocal_elsewhere(args)
    written = _aws_files(judge, args, feed.cwd) if name in ("aws", "awslocal") else args
    if not local:
        if written == args:
            return False
        judge.argv(written, replace(feed, local_endpoint=True))
        return True
    kept = _kept_verb(name, spec, written)

    def drop(hit: Hit) -> bool:
        rule, evidence = hit.rule, hit.evidence
        if name == "tflocal":
            return not kept and rule == "destructive-command"
        if rule == "unknown-network-destination":
            return evidence.startswith("upload to cloud storage bucket")
        return not kept and rule in _RULES

    _judge_dropping(judge, written, feed, drop)
    return True
