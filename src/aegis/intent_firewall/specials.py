"""Programs whose arguments need more than a role table: find, dd, kill, chmod, crontab,
netcat and socat, and the program texts of sed and awk.

Each handler takes the judge, the catalogue entry, the argument vector and the feed, and
reports through the judge, like the generic path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING

from aegis.intent_firewall import (
    clients,
    git,
    interpreters,
    irreversible,
    kubecontexts,
    modes,
    network_tools,
    tools,
)
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.dataops import DATAOPS_HANDLERS
from aegis.intent_firewall.options import Arg, parse_options
from aegis.intent_firewall.packagespecs import requirement_name
from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.winprograms import windows_verbs

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["SPECIAL", "program_text"]

Handler = Callable[["CommandJudge", Program, list[Arg], "Feed"], None]

_FIND_VALUES = frozenset(
    [
        "-name",
        "-iname",
        "-path",
        "-ipath",
        "-regex",
        "-iregex",
        "-type",
        "-xtype",
        "-size",
        "-mtime",
        "-mmin",
        "-atime",
        "-amin",
        "-ctime",
        "-cmin",
        "-newer",
        "-perm",
        "-user",
        "-group",
        "-maxdepth",
        "-mindepth",
        "-printf",
        "-wholename",
        "-iwholename",
        "-links",
        "-inum",
        "-samefile",
        "-uid",
        "-gid",
        "-fstype",
        "-context",
        "-used",
        "-lname",
        "-ilname",
        "-regextype",
        "-anewer",
        "-cnewer",
        "-files0-from",
    ]
)
_FIND_EXEC = frozenset({"-exec", "-execdir", "-ok", "-okdir"})
_FIND_WRITES = frozenset({"-fprint", "-fprint0", "-fprintf", "-fls"})


def find(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    roots: list[Arg] = []
    index = 1
    while (
        index < len(args)
        and args[index][0] is not None
        and not (args[index][0] or "-").startswith(("-", "(", "!", ")"))
    ):
        roots.append(args[index])
        index += 1
    roots = roots or [(".", ".", False)]
    for root in roots:
        judge.path(root, "read", feed.cwd)
    filtered = any((a[0] or "") in _FIND_FILTERS for a in args[index:])
    while index < len(args):
        word = args[index][0] or ""
        index += 1
        if word in ("-perm", "-writable") and _hunts_privilege(word, args, index):
            shown = "" if word == "-writable" else shown_value(args, index)
            judge.hit("privilege-recon", f"find {' '.join(r[1] for r in roots)} {word} {shown}")
        if word in _FIND_VALUES:
            index += 1
        elif word == "-delete":
            for root in roots:
                # find . -delete with no test empties a working directory nobody named
                whole = not filtered and (
                    _in_unknown_workspace(judge, root, feed) or _is_workspace(judge, root, feed)
                )
                judge.path(root, "delete-tree" if whole else "delete", feed.cwd)
        elif word in _FIND_WRITES and index < len(args):
            judge.path(args[index], "write", feed.cwd)
            index += 1
        elif word in _FIND_EXEC:
            end = index
            while end < len(args) and args[end][0] not in (";", "+", "\\;"):
                end += 1
            command = args[index:end]
            index = end + 1
            for root in roots:
                below = filtered and (
                    _in_unknown_workspace(judge, root, feed) or _is_workspace(judge, root, feed)
                )
                # with a test, {} is a file below a working directory nobody named, not all of it
                found = _found_below(root, args) if below else root
                inner = [found if a[0] == "{}" else a for a in command]
                judge.argv(inner, _deeper(feed))
                if not below:
                    _whole_tree(judge, command, root, feed)


#: Tests that pick some files out of a tree (a bare ``-type f`` still picks nearly all).
_FIND_FILTERS = frozenset(
    (
        *("-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-wholename"),
        *("-iwholename", "-size", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin"),
        *("-newer", "-empty", "-user", "-group", "-uid", "-gid", "-perm", "-links", "-inum"),
        *("-samefile", "-lname"),
    )
)


def _found_below(root: Arg, args: list[Arg]) -> Arg:
    """What ``{}`` names below ``root``: the file of find's only ``-name`` test, else some file."""
    names = [
        args[i + 1][0] or "" for i in range(len(args) - 1) if args[i][0] in ("-name", "-iname")
    ]
    name = names[0].rsplit("/", 1)[-1] if len(names) == 1 and names[0] else "{}"
    glob = any(c in name for c in "*?[")
    return (posixpath.join(root[0] or ".", name), f"{root[1]}/{name}", glob)


def _in_unknown_workspace(judge: CommandJudge, root: Arg, feed: Feed) -> bool:
    """``root`` is written relative, not climbing, and no policy or cd names the directory."""
    from aegis.intent_firewall.access import stays_below_unknown_cwd

    value = root[0]
    return (
        value is not None
        and not judge.scope.cwd_known
        and feed.cwd == "/"
        and stays_below_unknown_cwd(value)
    )


def _is_workspace(judge: CommandJudge, root: Arg, feed: Feed) -> bool:
    """``root`` is the working directory the policy names (``.`` there, or its path)."""
    from aegis.intent_firewall.access import is_named_workspace

    return root[0] is not None and is_named_workspace(judge.scope, root[0], feed.cwd)


def shown_value(args: list[Arg], index: int) -> str:
    return args[index][1][:40] if index < len(args) else ""


def _hunts_privilege(word: str, args: list[Arg], index: int) -> bool:
    """``find / -perm -4000`` (or ``/6000``, ``-u=s``) lists setuid programs to escalate
    through; ``-writable`` over system roots lists places to plant one."""
    if word == "-writable":
        roots = [a[0] or "" for a in args[1:index]]
        return any(r in ("/", "/etc", "/usr", "/bin", "/sbin", "/lib") for r in roots)
    mode = (args[index][0] or "") if index < len(args) else ""
    mode = mode.lstrip("-/+")
    if mode.isdigit():
        return len(mode) >= 4 and int(mode[-4]) & 6 != 0
    return any(part.strip().endswith(("=s", "+s")) for part in mode.split(","))


_TREE_ROLES = {"read": "read-tree", "write": "write-tree", "delete": "delete-tree"}


def _whole_tree(judge: CommandJudge, command: list[Arg], root: Arg, feed: Feed) -> None:
    """``find ROOT -exec cat {} +`` reads every file below ROOT: the root is judged as a
    tree with the role the executed program has for its operands."""
    if not command or command[0][0] is None or all(a[0] != "{}" for a in command):
        return
    name = command[0][0].rsplit("/", 1)[-1].lower()
    spec = judge.catalogue.lookup(name)
    role = _TREE_ROLES.get(spec.operands if spec is not None else "read", "read-tree")
    judge.path(root, role, feed.cwd)


def _deeper(feed: Feed) -> Feed:
    from dataclasses import replace

    return replace(feed, depth=feed.depth + 1, stdin_programs=(), stdin_text=None)


def dd(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    pairs = {}
    for value, written, glob in args[1:]:
        if value is None:
            continue
        key, _, target = value.partition("=")
        pairs[key] = target
        if key == "if":
            judge.path((target, written, glob), "read", feed.cwd)
        elif key == "of":
            judge.path((target, written, glob), "write", feed.cwd)
            irreversible.dd_target(judge, target, written, feed.cwd)
    modes.dd_size(judge, pairs)


def _pid_number(value: str) -> int | None:
    """The number kill reads from a pid operand (``01``, ``+1``, ``-0012``), or ``None``."""
    text = value.strip()
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-") if text[:1] in "+-" and text[1:2] not in "+-" else text
    if not digits.isascii() or not digits.isdigit() or len(digits) > 12:
        return None
    return sign * int(digits)


def kill(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    signal_given, pids_only = False, False
    index = 1
    while index < len(args):
        value = args[index][0] or ""
        index += 1
        if not pids_only and value == "--":
            pids_only = True
        elif not pids_only and value in ("-s", "-n", "--signal"):
            signal_given, index = True, index + 1
        elif not pids_only and value.startswith("-") and not signal_given and value != "-1":
            signal_given = True
        elif (number := _pid_number(value)) is not None and number <= 1:
            # 1 is init, -1 every process, 0 the caller's whole process group, -PGID a group
            # (01, +1 and 0001 are the same numbers to kill)
            judge.hit("system-shutdown", f"kill {value} signals init or a whole process group")
        elif value.startswith("-") and not pids_only and value[1:].isalpha():
            signal_given = True


def permissions(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    parsed = parse_options(spec, args[1:])
    judge.options(parsed, feed)
    operands = parsed.operands
    reference = any(r == "value" and o == "--reference" for r, _, o in parsed.options)
    whole = reference or spec.name in ("chattr", "setfacl", "chcon")
    mode = "" if whole or not operands else (operands[0][0] or "")
    targets = operands if whole else operands[1:]
    if spec.name == "chmod" and mode:
        modes.check_mode(judge, mode)
    for target in targets:
        judge.path(target, f"perm:{mode}", feed.cwd)
    irreversible.lockout(judge, spec, parsed, irreversible.LockoutTarget(mode, targets, feed.cwd))


def crontab(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    words = [a[0] or "" for a in args[1:]]
    if "-r" in words:
        judge.hit("destructive-command", "crontab -r removes every scheduled job")
    elif "-l" not in words or "-e" in words:
        judge.hit("persistence-write", f"crontab {' '.join(words)}".strip())


def program_text(judge: CommandJudge, name: str, arg: Arg, feed: Feed) -> None:
    """sed and awk programs that run commands or write files are code, not filters."""
    text = arg[0]
    if text is None:
        return
    if name.endswith("awk") and any(
        m in text for m in ("system", "|", "getline", '> "', '>"', ">>")
    ):
        judge.hit("interpreter-code", f"{name} program {text[:80]!r}")
    elif name == "sed" and tools.sed_runs_or_writes(text):
        judge.hit("interpreter-code", f"sed program {text[:80]!r}")
    elif name.partition(" ")[0] == "yq" and "load" in text:
        # load("FILE"), load_str, load_xml …: the expression reads a file it names
        judge.hit("interpreter-code", f"yq expression {text[:80]!r} loads a file")


def exec_rest(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``poetry run CMD``, ``npx CMD``: the command starts at the first operand."""
    judge.options(parse_options(spec, args[1:]), feed)  # npm exec -c 'CMD' runs CMD too
    index = 1
    while index < len(args) and (args[index][0] or "x").startswith("-"):
        option = args[index][0] or ""
        index += 1
        if option == "--":
            break
        if spec.option_role(option) != "flag" and "=" not in option:
            index += 1
    if spec.name == "direnv exec":
        index += 1  # the directory whose environment is loaded
    if index < len(args):
        judge.argv(args[index:], _deeper(feed))


def _creates_package(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``npm init PKG``, ``npm create PKG``, ``yarn/pnpm/bun create PKG``: fetch and run the
    registry package ``create-PKG`` (``@scope/create-PKG`` for a scoped one), judged as that
    program when the catalogue knows it; without a package (``npm init -y``) only
    ``package.json`` is written."""
    judge.options(parse_options(spec, args[1:]), feed)
    index = 1
    while index < len(args) and (args[index][0] or "x").startswith("-"):
        option = args[index][0] or ""
        index += 1
        if spec.option_role(option) != "flag" and "=" not in option:
            index += 1
    if index >= len(args):
        return
    value = args[index][0]
    if value is None:
        written = args[index][1]
        judge.hit("dynamic-program", f"{spec.name} runs a package named at run time {written}")
        return
    name = _package_name(value)
    scope, slash, rest = name.partition("/") if name.startswith("@") else ("", "", name)
    runner = f"{scope}/create-{rest}" if slash else f"{scope}/create" if scope else f"create-{rest}"
    if "/" not in rest and judge.catalogue.lookup(runner) is not None:
        judge.argv([(runner, args[index][1], False), *args[index + 1 :]], _deeper(feed))
    else:
        judge.hit("unknown-program", f"{spec.name} fetches and runs package {runner!r}")


#: Options of one-shot package runners whose value is another package to fetch and install
#: (``npx -p PKG``, ``uvx --from PKG``, ``uvx --with PKG``, ``pipx run --spec PKG``).
_PACKAGE_OPTIONS = frozenset({"-p", "--package", "--from", "--with", "--spec"})
#: Specifiers that name a registry package rather than a file (``deno run npm:PKG``).
_PACKAGE_SCHEMES = ("npm:", "jsr:")


def _known_package(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``npx PKG``, ``uvx PKG``, ``bun x PKG``, ``deno run npm:PKG``: a package that is also a
    catalogued program is judged as that program; any other package is fetched from a
    registry and run (its install scripts too) with nothing known about it, so a person
    decides. A script of the workspace (``deno run main.ts``) is the workspace's own."""
    index = 1
    while index < len(args) and (args[index][0] or "x").startswith("-"):
        option, _, attached = (args[index][0] or "").partition("=")
        takes_value = spec.option_role(option) != "flag" and not attached
        if option in _PACKAGE_OPTIONS and (attached or index + 1 < len(args)):
            value = (attached, attached, False) if attached else args[index + 1]
            _runs_package(judge, spec, value, feed.cwd)
        index += 2 if takes_value else 1
    # npx -c 'CMD' runs CMD in a shell; options after the package are the package's own
    # (npx rollup -c names rollup's config, not a script)
    judge.options(parse_options(spec, args[1:index]), feed)
    if index >= len(args):
        return
    name = _package_name(args[index][0] or "")
    if name.startswith("@") and judge.catalogue.lookup(name) is not None:
        for arg in args[index + 1 :]:  # a vouched-for scoped package reads the paths it is given
            judge.maybe_path(arg, "read", feed.cwd)
    elif judge.catalogue.lookup(name) is not None:
        judge.argv([(name, args[index][1], False), *args[index + 1 :]], _deeper(feed))
    else:
        _runs_package(judge, spec, args[index], feed.cwd)


def _package_name(specifier: str) -> str:
    """The program a package specifier runs: ``eslint@8`` and ``npm:eslint`` are eslint."""
    name = specifier.lower()
    for scheme in _PACKAGE_SCHEMES:
        name = name.removeprefix(scheme)
    at = name.find("@", 1)  # @scope/name@1.2 keeps its scope
    if at > 0:
        return name[:at]
    return requirement_name(name) or name  # pipx run --spec ruff==0.6.9, uvx --from black[d]


def _runs_package(judge: CommandJudge, spec: Program, arg: Arg, cwd: str) -> None:
    from aegis.intent_firewall.access import judge_url

    value = arg[0]
    if value is None:
        judge.hit("dynamic-program", f"{spec.name} runs a package named at run time {arg[1]}")
    elif "://" in value or value.startswith("git+"):
        judge_url(judge.scope, value.removeprefix("git+"), arg[1], "/")
        # deno run https://…/mod.ts: code fetched and run, whoever hosts it (as curl | sh)
        judge.hit("unknown-program", f"{spec.name} fetches and runs {value[:100]!r}")
    elif value.lower().startswith(_PACKAGE_SCHEMES) or not _names_a_file(value):
        if judge.catalogue.lookup(_package_name(value)) is None:
            judge.hit("unknown-program", f"{spec.name} fetches and runs package {value!r}")
    else:
        from aegis.intent_firewall.workspacescripts import workspace_file

        if not workspace_file(judge.scope, arg, cwd):
            judge.hit("user-script", f"{spec.name} runs {written_as(value, arg[1])}")
        judge.maybe_path(arg, "read", cwd)


def _names_a_file(value: str) -> bool:
    """A script path (``./x.ts``, ``src/main.ts``, ``main.ts``), not a package name."""
    return value.startswith((".", "/", "~")) or posixpath.splitext(value)[1] in (
        ".ts",
        ".tsx",
        ".js",
        ".mjs",
        ".cjs",
        ".jsx",
        ".py",
    )


def _fd(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.fdexec import fd

    fd(judge, spec, args, feed)


def _cmd(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.cmdexe import cmd

    cmd(judge, spec, args, feed)


def _disk_image(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.diskimages import disk_image

    disk_image(judge, spec, args, feed)


def _debugger(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.debuggers import debugger

    debugger(judge, spec, args, feed)


def _emacs(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.emacsargs import emacs

    emacs(judge, spec, args, feed)


def _vim(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.vimargs import vim

    vim(judge, spec, args, feed)


def _ghostscript(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.ghostscript import ghostscript

    ghostscript(judge, spec, args, feed)


def _magick(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.magickcli import magick

    magick(judge, spec, args, feed)


def _adb(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.mobiledevices import adb

    adb(judge, spec, args, feed)


def _simulator_app(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.mobiledevices import simulator_install

    simulator_install(judge, spec, args, feed)


def _npm_pkg_set(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.npmpkgset import npm_pkg_set

    npm_pkg_set(judge, spec, args, feed)


def _opener(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.opener import opener

    opener(judge, spec, args, feed)


SPECIAL: dict[str, Handler] = {
    "opener": _opener,
    "adb": _adb,
    "simapp": _simulator_app,
    "disk-image": _disk_image,
    "npm-pkg-set": _npm_pkg_set,
    "debugger": _debugger,
    "emacs": _emacs,
    "vim": _vim,
    "ghostscript": _ghostscript,
    "magick": _magick,
    "find": find,
    "dd": dd,
    "truncate": irreversible.truncate,
    "shred": irreversible.shred,
    "kill": kill,
    "perm": permissions,
    "crontab": crontab,
    "netcat": network_tools.netcat,
    "socat": network_tools.socat,
    "shell": interpreters.shell,
    "interp": interpreters.interpreter,
    "eval": interpreters.eval_builtin,
    "source": interpreters.source,
    "exec": exec_rest,
    "direnv-exec": exec_rest,
    "exec-pkg": _known_package,
    "create-pkg": _creates_package,
    "git": git.git,
    "docker": tools.docker,
    "pip": tools.pip_subcommand,
    "compose-exec": tools.compose_exec,
    "compose": tools.compose,
    "kubectl-exec": tools.kubectl_exec,
    "declare": lambda judge, spec, args, feed: None,
    "sqlclient": clients.sqlclient,
    "gh": clients.gh,
    "hooks-dir": clients.hooks_directory,
    "envname": clients.envname,
    "kubeget": clients.kubeget,
    "kubechange": kubecontexts.kubechange,
    "gomod": clients.gomod,
    "tar": modes.tar,
    "set": modes.set_builtin,
    "unset": modes.unset_builtin,
    "umask": modes.umask_builtin,
    "file-server": network_tools.file_server,
    "fd": _fd,
    "cmd": _cmd,
    "windows-verbs": windows_verbs,
    **DATAOPS_HANDLERS,
}
