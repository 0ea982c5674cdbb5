"""Option values and operands with roles beyond a plain path: modes, sizes, SQL, ssh
options, package specifications, and the sources and target of a copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.access import (
    is_named_workspace,
    judge_host,
    judge_url,
    stays_below_unknown_cwd,
)
from aegis.intent_firewall.keyuse import key_use
from aegis.intent_firewall.options import Arg, Parsed
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.storage import storage_bucket, storage_scheme

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = [
    "copy_operands",
    "looks_like_path",
    "package",
    "unmodelled_value",
    "valued",
    "windows_form",
]


def windows_form(arg: Arg) -> Arg:
    """``C:\\Users\\x`` as written: bash would drop the backslashes (``C:Usersx``), but
    a Windows command line keeps them, and the path is judged the way Windows reads it."""
    value, written, glob = arg
    if (
        value is not None
        and len(written) > 3
        and written[1:3] == ":\\"
        and written[0].isalpha()
        and "\\" not in value
    ):
        return (written, written, glob)
    return arg


def valued(judge: CommandJudge, role: str, arg: Arg, option: str, *, cwd: str, feed: Feed) -> None:  # noqa: PLR0912
    """Option values with roles beyond paths and URLs (see the catalogue's header)."""
    value = arg[0] or ""
    if role == "unmodelled":
        unmodelled_value(judge, option, arg, cwd)
    elif role == "class-path":
        from aegis.intent_firewall.buildinvocations import code_path

        code_path(judge, option, value, cwd)
    elif role == "value" and (looks_like_path(value) or _credential_name(value)):
        # the catalogue says the option takes a value, not what it does with a path
        judge.path(arg, "read", cwd)
        judge.path(arg, "write-tree", cwd, known=False)
    elif role == "mode":
        from aegis.intent_firewall.modes import check_mode

        check_mode(judge, value)
    elif role == "size":
        from aegis.intent_firewall.modes import check_size

        check_size(judge, option, value)
    elif role == "sql":
        from aegis.intent_firewall.clients import sql_text

        sql_text(judge, value)
    elif role == "ssh-option":
        from aegis.intent_firewall.clients import ssh_option

        ssh_option(judge, value, feed)
    elif role == "host-map":
        # curl --resolve HOST:PORT:ADDRESS, --connect-to HOST:PORT:HOST2:PORT2: the address
        # actually connected to is a destination like any other
        for field in value.replace("[", "").replace("]", "").split(":")[2:]:
            if field and not field.isdigit():
                judge_host(judge.scope, field, arg[1])
    elif role == "channel":
        _channel(judge, arg, option, cwd)
    elif role == "dir-write":
        judge.path(arg, "write-tree", cwd)
    elif role == "dir-read":
        judge.path(arg, "read", cwd)
    elif role == "env-assignment":
        # go env -w NAME=VALUE: a setting every later run of the tool starts with
        from aegis.intent_firewall.environment import judge_assignment

        name, _, assigned = value.partition("=")
        judge_assignment(judge.scope, name, assigned, arg[1])
    elif role == "key-file":
        judge.path(arg, "read", cwd)
    elif role == "key-use":  # a key signed or served with, never printed (keyuse.py)
        key_use(judge, arg, cwd)
    elif role in ("bind", "login-token"):
        from aegis.intent_firewall.listeners import bind_option, login_option

        (bind_option if role == "bind" else login_option)(judge, option, arg)
    elif role.startswith(("backup-", "store-", "dbt-", "spark-")):
        from aegis.intent_firewall.dataops import judge_role

        judge_role(judge, role, arg, option, cwd)


def looks_like_path(value: str) -> bool:
    return (
        value.startswith(("/", "~", "..", "$home", "\\\\", "file:"))
        or ("/" in value and "://" not in value)
        or (value[1:3] in (":\\", ":/") and value[:1].isalpha())  # C:\Users, D:/x
    )


def _credential_name(value: str) -> bool:
    """A bare credential file name (``curl -T .env``, ``az … upload --file .env``): the
    program sends or reads that file from its working directory, whatever else it does."""
    from aegis.intent_firewall.targets import targets

    return targets().credential_name(value)


def unmodelled_value(judge: CommandJudge, option: str, arg: Arg, cwd: str) -> None:
    """A path given to an option the catalogue does not model for this program.

    The firewall cannot tell whether the program reads it, writes it or writes a whole tree
    below it, so it is judged as all three, and a path outside the working directory is a
    finding of its own: fail closed.
    """
    arg = windows_form(arg)
    value = arg[0]
    if value is None or not (looks_like_path(value) or _credential_name(value)):
        if value is not None and "://" in value:
            judge_url(judge.scope, value, arg[1], cwd)
        return
    for role in ("read", "write-tree"):
        judge.path(arg, role, cwd)
    resolved = resolve_path(value, cwd, judge.scope.home)
    if not judge.scope.cwd_known:
        inside = stays_below_unknown_cwd(value)
    else:
        inside = resolved == cwd or resolved.startswith(cwd.rstrip("/") + "/")
    if not inside:
        judge.hit("unmodelled-option", f"{option} {arg[1][:100]}")


def _version_spec(value: str) -> bool:
    """``lodash@4``, ``@scope/pkg@^1.2``, ``react@next``: a name and a version or tag after
    the last ``@``, not a user and a host."""
    name, at, version = value.rpartition("@")
    if not at or not name.strip("@") or not version:
        return False
    if version[0].isdigit() or version[0] in "^~<>=*":
        return ":" not in version and "/" not in version
    return "." not in version and ":" not in version and "/" not in version


def package(judge: CommandJudge, arg: Arg, cwd: str, program: str = "") -> None:
    value = arg[0] or ""
    if program:
        from aegis.intent_firewall.supplychain import installer_finding

        found = installer_finding(program, value)
        if found is not None:
            judge.hit(*found)
    if "://" not in value and " @ " not in value and _version_spec(value):
        return
    if "://" in value or value.startswith("git+") or " @ " in value or "@" in value:
        url = value.split("@", 1)[1].strip() if " @ " in value else value
        judge_url(judge.scope, url.removeprefix("git+"), arg[1], cwd)
    elif looks_like_path(value):
        # a local project is built, and its setup code run, at install: from outside the
        # working directory it is code nobody reviewed (pip install /tmp/pkg)
        unmodelled_value(judge, "package", arg, cwd)


#: Flags that make a copy take whole trees.
_RECURSIVE_COPY = frozenset({"-r", "-R", "-a", "--recursive", "--archive"})


def copy_operands(judge: CommandJudge, operands: list[Arg], parsed: Parsed, cwd: str) -> None:
    last = len(operands) - 1
    for index, arg in enumerate(operands):
        value = arg[0]
        if value is not None and "://" in value and storage_scheme(value):
            if index > 0:
                # an upload (whatever follows it): data into a bucket the policy does not name
                judge.hit(
                    "unknown-network-destination",
                    f"upload to cloud storage bucket {storage_bucket(value)!r} ({arg[1][:80]})",
                )
            continue
        drive = value is not None and len(value) > 2 and value[1] == ":" and value[2] in "/\\"
        if (
            value is not None
            and ":" in value
            and not value.startswith(("/", ".", "~"))
            and not drive
        ):
            host = value.split(":", 1)[0].rpartition("@")[2]
            if host and "/" not in host:
                judge_host(judge.scope, host, arg[1])
                continue
        if index < last or last == 0:
            recursive = not parsed.flags.isdisjoint(_RECURSIVE_COPY)
            source = "read-tree" if recursive else "read"
            if "move" not in parsed.modes:
                judge.path(arg, source, cwd)
            else:
                # moving the working directory itself away deletes it from where it was
                whole = arg[0] is not None and is_named_workspace(judge.scope, arg[0], cwd)
                judge.path(arg, "delete-tree" if whole else "delete", cwd)
        else:
            recursive = not parsed.flags.isdisjoint(_RECURSIVE_COPY)
            judge.path(arg, "write-tree" if recursive else "write", cwd)
            into_directory(judge, operands[:last], arg, cwd)
            if "sync-delete" in parsed.modes:
                # rsync --delete removes whatever below the destination the source lacks
                judge.path(arg, "delete-tree", cwd)


def into_directory(judge: CommandJudge, sources: list[Arg], destination: Arg, cwd: str) -> None:
    """``mv x.pth site-packages/``: when the destination is a directory, each source lands
    as DIRECTORY/NAME, and that name (a .pth file, a hook) is what makes it run later.
    Whether it is a directory is known only on the running system, so both are judged."""
    target = destination[0]
    if target is None or "://" in target:
        return
    for value, written, glob in sources[:16]:
        if value is None or "://" in value:
            continue
        # a Windows path's name follows its last backslash: C:\dist\app.zip copied into
        # C:\out lands as C:\out\app.zip, never as 'C:\out/C:\dist\app.zip'
        name = value.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1]
        if name and name not in (".", ".."):
            separator = "\\" if "\\" in target else "/"
            joined = target.rstrip("/\\") + separator + name
            judge.path((joined, f"{destination[1]} ({written})", glob), "write", cwd)


#: Conda channels of the distributions and the large community and vendor projects.
_CHANNELS = frozenset(
    {
        *("conda-forge", "defaults", "main", "r", "msys2", "free", "bioconda", "pytorch"),
        *("nvidia", "anaconda", "nodefaults", "pkgs/main", "pkgs/r", "pkgs/msys2"),
    }
)


def _channel(judge: CommandJudge, arg: Arg, option: str, cwd: str) -> None:
    """``conda install -c NAME``: a channel is an index anyone may open on anaconda.org
    under their own name, like another package index; a URL is a host like any other."""
    value = arg[0] or ""
    if "://" in value:
        judge_url(judge.scope, value, arg[1], cwd)
    elif value.lower().rstrip("/") not in _CHANNELS:
        shown = f"{option} {value[:60]}"
        judge.hit(
            "unknown-network-destination", f"{shown}: a conda channel the policy does not name"
        )
