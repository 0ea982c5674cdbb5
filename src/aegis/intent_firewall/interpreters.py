"""Shells and interpreters: scripts, inline code, and what they read from standard input.

``sh -c SCRIPT`` and ``eval`` are judged as command lines of their own; inline code for
other interpreters (``python3 -c``, ``perl -e``, ``awk 'BEGIN{system(…)}'``) is *review*;
input piped or fed into a shell or interpreter is *review*, and *block* when it comes from
a downloader or a decoder (``curl … | sh``, ``base64 -d | bash``, ``bash <(curl …)``).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.inlinescript import INLINE_LANGUAGES
from aegis.intent_firewall.linecontext import literal_stdin
from aegis.intent_firewall.literalinput import LITERAL_PRODUCERS, literal_output
from aegis.intent_firewall.options import Arg, parse_options
from aegis.intent_firewall.pysubprocess import literal_subprocesses
from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import (
    PROJECT_SCRIPT_NAMES,
    offensive_name,
    workspace_script,
)

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["eval_builtin", "interpreter", "shell", "source", "stdin_into"]

DOWNLOADERS = frozenset(
    {
        "curl", "wget", "fetch", "aria2c", "http", "https", "xh", "httpie", "curlie",
        "lwp-download", "lwp-request", "ftp", "tftp", "scp", "sftp", "rsync", "ssh", "git",
    }
)  # fmt: skip
SHELLS = frozenset(
    {
        "sh",
        "bash",
        "zsh",
        "dash",
        "ksh",
        "mksh",
        "fish",
        "ash",
        "csh",
        "tcsh",
        "rbash",
        "yash",
        "busybox",
        "pwsh",
        "powershell",
    }
)
INTERPRETERS = frozenset(
    {
        "python",
        "python2",
        "python3",
        "perl",
        "ruby",
        "node",
        "nodejs",
        "php",
        "lua",
        "deno",
        "bun",
        "tclsh",
        "expect",
        "irb",
        "pypy",
        "pypy3",
        "awk",
        "gawk",
    }
)
POWERSHELLS = frozenset({"powershell", "pwsh"})
NETWORK = frozenset({"nc", "ncat", "netcat", "socat", "telnet", "openssl", "pwncat", "cryptcat"})
DECODERS = frozenset(
    {
        "base64", "base32", "basenc", "xxd", "uudecode", "gzip", "gunzip", "zcat", "bzip2",
        "bzcat", "xz", "xzcat", "unxz", "zstd", "zstdcat", "rev", "tr", "openssl", "od",
        "perl", "python", "python3", "ruby", "node", "php", "awk", "sed", "dd", "cut",
    }
)  # fmt: skip


def _piped_literal(feed: Feed) -> str | None:
    """The text piped in when it is certain: the only source is an ``echo`` or ``printf``
    of known words (see :mod:`literalinput`); ``None`` for anything else."""
    if (
        len(feed.stdin_programs) != 1
        or feed.stdin_programs[0] not in LITERAL_PRODUCERS
        or not set(feed.fed_by) <= LITERAL_PRODUCERS
        or feed.stdin_text is not None
        or feed.stdin_redirected
    ):
        return None
    return literal_output(feed.producer)


def stdin_into(judge: CommandJudge, name: str, feed: Feed, *, is_shell: bool) -> None:
    """What reaches a shell or interpreter on standard input, and whence."""
    sources = set(feed.stdin_programs) | set(feed.fed_by)
    if sources & (DOWNLOADERS | DECODERS):
        culprit = sorted(sources & (DOWNLOADERS | DECODERS))[0]
        judge.hit("download-piped-to-shell", f"{culprit} | {name}")
    elif sources & NETWORK:
        judge.hit("reverse-shell", f"{sorted(sources & NETWORK)[0]} | {name}")
    elif feed.stdin_programs:
        judge.hit("pipe-into-interpreter", f"{feed.stdin_programs[-1]} | {name}")
    if feed.stdin_text is not None:
        if (
            not is_shell
            and not feed.stdin_programs
            and _inert(judge, (name, "-c", True), feed.stdin_text, feed.cwd)
        ):
            return  # python3 - <<'EOF' that only computes and prints, as python3 -c would
        judge.hit("pipe-into-interpreter", f"here-document into {name}: {feed.stdin_text[:80]!r}")
        if is_shell:
            judge.judge_script(feed.stdin_text, feed.cwd, feed.depth + 1)
    elif feed.stdin_redirected:
        judge.hit("user-script", f"{name} reads a script from a redirected file")


def _script_operand(
    judge: CommandJudge, name: str, arg: Arg, feed: Feed, args: list[Arg] | None = None
) -> None:
    """The script file a shell or interpreter runs (``args``: its whole command line, given
    where a workspace script may be judged like ``make``; ``source`` gives none, since what
    it sources changes the rest of the line)."""
    value = arg[0]
    if value is None or value in ("/dev/stdin", "-", "/dev/fd/0", "/proc/self/fd/0"):
        if (
            feed.fed_by
            or feed.stdin_programs
            or value is None
            or feed.stdin_text is not None
            or feed.stdin_redirected
        ):
            stdin_into(judge, name, feed, is_shell=True)
        if value is None and not (set(feed.fed_by) & (DOWNLOADERS | DECODERS | NETWORK)):
            judge.hit("pipe-into-interpreter", f"{name} runs {arg[1]}")
        return
    if args is not None and workspace_script(judge.scope, arg, feed):
        # bash scripts/test.sh, sh ./gradlew build: the workspace's own script, like make
        judge.path(arg, "read", feed.cwd)
        _workspace_script_arguments(judge, arg, args, feed)
        return
    judge.hit("user-script", f"{name} {written_as(value, arg[1])}")
    judge.path(arg, "read", feed.cwd)


def _workspace_module(
    judge: CommandJudge, module: str, arg: Arg, rest: list[Arg], feed: Feed
) -> bool:
    """``python -m app`` puts the working directory first on the import path, so a module
    that is neither the standard library's nor a program the catalogue knows is, when the
    workspace holds it, ``./app/__main__.py`` or ``./app.py``: it is judged like running that
    workspace script (the same checks: a configured workspace, no offensive name, not
    written by this line). A standard-library module the catalogue does not list (timeit
    runs code, pydoc serves, zipfile extracts anywhere) stays unknown: it is not the
    workspace's. Whether the workspace holds the module (or an installed package of that
    name runs instead) cannot be seen from the text; installing packages is judged where it
    happens."""
    top = module.split(".", 1)[0]
    if not module or top in sys.stdlib_module_names or not top.isidentifier():
        return False
    if judge.catalogue.lookup(top) or judge.catalogue.lookup(top.replace("_", "-")):
        return False
    if any(offensive_name(part) for part in module.split(".")):
        return False  # impacket.examples.secretsdump: every part of the name counts
    as_path = module.replace(".", "/")
    if not workspace_script(judge.scope, (as_path, arg[1], False), feed):
        return False
    for word in rest:
        judge.maybe_path(word, "read", feed.cwd)
    return True


def _workspace_script_arguments(
    judge: CommandJudge, script: Arg, args: list[Arg], feed: Feed
) -> None:
    """What a workspace script is given: a catalogued name (``gradlew``, ``mvnw``) is judged
    by its entry, so ``sh ./gradlew publish`` is ``./gradlew publish``; for any other script,
    the path- and URL-looking arguments are judged as the ones of an unknown program are."""
    position = next((i for i, a in enumerate(args) if a is script), len(args))
    rest = args[position + 1 :]
    name = (script[0] or "").rsplit("/", 1)[-1].lower()
    if name in PROJECT_SCRIPT_NAMES and judge.catalogue.lookup(name) is not None:
        judge.argv([(name, script[1], False), *rest], feed)
        return
    for word in rest:
        judge.maybe_path(word, "read", feed.cwd)


def shell(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    if spec.name.removesuffix(".exe") in POWERSHELLS:
        args = _powershell_options(args)
    parsed = parse_options(spec, args[1:], stop_roles=True)
    ran_script = False
    for role, arg, option in parsed.options:
        if role == "script":
            ran_script = True
            if arg[0] is None:
                stdin_into(judge, spec.name, feed, is_shell=True)
                judge.hit("dynamic-program", f"{spec.name} {option} {arg[1]}")
            elif spec.name.removesuffix(".exe") in POWERSHELLS:
                # -Command takes the rest of the line, which is PowerShell, not sh
                from aegis.intent_firewall.powershell import judge_powershell

                rest = " ".join(a[0] if a[0] is not None else a[1] for a in parsed.rest)
                judge_powershell(judge, f"{arg[0]} {rest}".strip(), feed)
                return
            else:
                judge.judge_script(arg[0], feed.cwd, feed.depth + 1)
        elif role == "code":
            ran_script = True
            judge.hit("interpreter-code", f"{spec.name} {option} {arg[1][:80]}")
        elif role == "read":
            judge.path(arg, "read", feed.cwd)
    if ran_script:
        return
    if parsed.operands:
        # a workspace's own .ps1 given to PowerShell (-File or the first operand) is trusted
        # as a workspace .sh given to bash is; any other operand of PowerShell or cmd is not
        posix = spec.name.removesuffix(".exe") not in (*POWERSHELLS, "cmd") or (
            spec.name.removesuffix(".exe") in POWERSHELLS
            and (parsed.operands[0][0] or "").lower().endswith(".ps1")
        )
        _script_operand(judge, spec.name, parsed.operands[0], feed, args if posix else None)
        return
    if not (feed.stdin_programs or feed.stdin_text is not None or feed.stdin_redirected):
        if not parsed.flags & {"--version", "--help", "-h"}:
            judge.hit("interactive-shell", f"{spec.name} with no script: {shown_args(args)}")
        return
    _shell_stdin(judge, spec.name, feed)


def _shell_stdin(judge: CommandJudge, name: str, feed: Feed) -> None:
    """What a shell reads on standard input: ``printf 'ls\\n' | sh`` runs what ``sh -c 'ls'``
    runs, judged the same when the piped text is certain; anything else is a finding."""
    posix = name.removesuffix(".exe") not in (*POWERSHELLS, "cmd")
    literal = _piped_literal(feed) if posix else None
    if literal is not None:
        judge.judge_script(literal, feed.cwd, feed.depth + 1)
    else:
        stdin_into(judge, name, feed, is_shell=True)


_POWERSHELL_VALUES = ("-executionpolicy", "-windowstyle", "-configurationname",
                      "-workingdirectory", "-inputformat", "-outputformat")  # fmt: skip
_POWERSHELL_LONG = ("-command", "-encodedcommand", "-file", *_POWERSHELL_VALUES)
_POWERSHELL_SCRIPT = frozenset({"-command", "-c", "-encodedcommand", "-e", "-ec"})


def _powershell_options(args: list[Arg]) -> list[Arg]:
    """PowerShell's own options are case-insensitive and may be shortened (``-Command``,
    ``-Com``, ``-enc``): spelled out in lower case up to the script; switches it has that
    the catalogue does not list (``-NoProfile``) are read as switches, not letter clusters,
    and ``-File`` leaves its script as the operand."""
    out = [args[0]]
    index = 1
    while index < len(args):
        value, written, glob = args[index]
        if value is None or not value.startswith("-"):
            break
        index += 1
        lowered = value.lower()
        matches = [name for name in _POWERSHELL_LONG if name.startswith(lowered)]
        if len(lowered) >= 3 and len(matches) == 1:
            lowered = matches[0]
        if lowered in _POWERSHELL_SCRIPT:
            out.append((lowered, written, glob))
            break
        if lowered in _POWERSHELL_VALUES or lowered in ("-ep", "-wd"):
            out.extend([(lowered, written, glob), *args[index : index + 1]])
            index += 1
        elif lowered != "-file":
            out.append(("--" + lowered.lstrip("-"), written, glob))
    return [*out, *args[index:]]


def shown_args(args: list[Arg]) -> str:
    return " ".join(a[1] for a in args)[:100]


def interpreter(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    if spec.name == "perl" and (_perl_edit(judge, args, feed) or _perl_inline(judge, args, feed)):
        return
    if spec.name in _INSPECTING:
        _inspector_bind(judge, args)
    _interpreter(judge, spec, args, feed)


#: Runtimes whose ``--inspect=HOST:PORT`` opens a debugger that runs any code sent to it.
_INSPECTING = frozenset({"node", "nodejs", "deno", "bun", "ts-node", "tsx"})


def _inspector_bind(judge: CommandJudge, args: list[Arg]) -> None:
    """``node --inspect=0.0.0.0:9229``: the debugger open to every interface."""
    from aegis.intent_firewall.listeners import bind_option

    for value, written, quoted in args[1:]:
        if value is None or value == "--":
            break
        option, equals, address = value.partition("=")
        if equals and option in ("--inspect", "--inspect-brk", "--inspect-wait"):
            bind_option(judge, option, (address, written, quoted))


def _interpreter(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:  # noqa: PLR0912
    parsed = parse_options(spec, args[1:], stop_roles=True)
    for role, arg, option in parsed.options:
        if role == "code":
            # python3 -c 'import sys; print(sys.version)' computes and prints only
            alone = len(args) == 3  # nothing but the program, the option and the code
            if not _inert(judge, (spec.name, option, alone), arg[0], feed.cwd) and not (
                alone and literal_subprocesses(judge, spec.name, arg[0], feed)
            ):  # subprocess.run([sys.executable, "-m", "pytest"]): that command line
                written = written_as(arg[0] or "", arg[1])
                judge.hit("interpreter-code", f"{spec.name} {option} {written}")
                if set(feed.fed_by) & (DOWNLOADERS | DECODERS):
                    judge.hit("download-piped-to-shell", f"{spec.name} {option} {arg[1][:80]}")
            return
        if role == "module":
            _module(judge, spec, arg, parsed.rest, feed)
            return
        if role in ("read", "build-file"):
            _option_file(judge, (spec.name, role), arg, feed, args)
        else:
            _launcher_option(judge, spec.name, (role, option), arg, feed.cwd)
    if parsed.operands:
        if (
            _stdin_operand(parsed.operands, args)
            and literal_stdin(judge.scope, feed.cwd)
            and _literal_code(judge, spec.name, True, feed)
        ):
            return  # echo 'print(1)' | python3 -: the dash names standard input
        if not _entry_point(judge, spec.name, parsed.operands[0], args, feed):
            _script_operand(judge, spec.name, parsed.operands[0], feed, args)
        return
    if not (feed.stdin_programs or feed.stdin_text is not None or feed.stdin_redirected):
        if parsed.flags & {"-V", "--version", "-version", "-h", "--help"} or _exits_without_script(
            spec.name, args[1:]
        ):
            return
        judge.hit("interactive-shell", f"{spec.name} with no script: {shown_args(args)}")
        return
    if not literal_stdin(judge.scope, feed.cwd) or not _literal_code(
        judge, spec.name, len(args) == 1, feed
    ):
        stdin_into(judge, spec.name, feed, is_shell=False)


def _launcher_option(
    judge: CommandJudge, name: str, how: tuple[str, str], arg: Arg, cwd: str
) -> None:
    """Options of a program that runs a script (profilers, ML launchers): a report written,
    a rendezvous address reached (``torchrun --master_addr``), a rule fired."""
    role, option = how
    if role == "write":  # a profiler's report (cProfile -o, devloop.toml)
        judge.path(arg, role, cwd)
    elif role == "dir-write":  # a launcher's log directory
        judge.path(arg, "write-tree", cwd)
    elif role in ("host", "url"):
        if arg[0] is None:
            judge.hit("unknown-network-destination", f"{name} {option}: known only at run time")
        else:
            from aegis.intent_firewall.access import judge_url

            judge_url(judge.scope, arg[0], arg[1], cwd)
    elif role.startswith("finding:"):
        judge.hit(role.split(":", 1)[1], f"{name} {option}")
    elif role.startswith("finding-value:"):
        judge.hit(role.split(":", 1)[1], f"{name} {option} {arg[1][:80]}")


def _option_file(
    judge: CommandJudge, how: tuple[str, str], arg: Arg, feed: Feed, args: list[Arg]
) -> None:
    """A file an option names (``how``: the interpreter and the option's role): read, or
    (``node --require FILE``) code preloaded into the program, judged as a script it runs."""
    name, role = how
    if role == "read":
        judge.path(arg, "read", feed.cwd)
    else:
        _script_operand(judge, name, arg, feed, args)


def _stdin_operand(operands: list[Arg], args: list[Arg]) -> bool:
    """``python3 -``, ``node -``: the program's one word is a dash, the script read from
    standard input, exactly as with no operand at all."""
    return len(args) == 2 and len(operands) == 1 and operands[0][:3:2] == ("-", False)


def _literal_code(judge: CommandJudge, name: str, alone: bool, feed: Feed) -> bool:
    """``echo 'print(1)' | python3`` runs what ``python3 -c 'print(1)'`` runs: judged the
    same when the piped text is certain (``alone``: no option but the program's own)."""
    literal = _piped_literal(feed)
    if literal is None:
        return False
    option = "-c" if name.startswith(("python", "pypy")) else "-e"
    if not _inert(judge, (name, option, alone), literal, feed.cwd):
        shown = f"{feed.stdin_programs[-1]} {literal[:80]!r}"
        judge.hit("interpreter-code", f"{name} reads what {shown} prints")
    return True


#: Interpreters whose ``-v`` prints the version and exits when no script follows (Python's
#: ``-v`` is verbose imports and starts the REPL, so it is not here).
_VERSION_V = frozenset({"ruby", "php", "perl", "node", "nodejs", "elixir"})


def _perl_edit(judge: CommandJudge, args: list[Arg], feed: Feed) -> bool:
    """``perl -pi -e 's/a/b/' FILE``: perl used as sed (see :mod:`perledit`); its files are
    judged as ``sed -i`` judges them (written in place, else read)."""
    from aegis.intent_firewall.perledit import perl_edit

    edit = perl_edit([value for value, _, _ in args[1:]])
    if edit is None:
        return False
    _programs, in_place, files = edit
    for arg in args[len(args) - len(files) :] if files else ():
        judge.path(arg, "write" if in_place else "read", feed.cwd)
    return True


#: Perl's switches a one-liner judged by ``inlinescript`` may carry (line loops, printing,
#: autosplit, warnings); -i is ``perledit``'s, -M/-I/-x/-0 … load or read more.
_PERL_SWITCHES = frozenset("lnpaw")


def _perl_inline(judge: CommandJudge, args: list[Arg], feed: Feed) -> bool:  # noqa: PLR0911 (a scan)
    """``perl -ne 'print if /TODO/' FILE…``: code that only matches and prints (see
    :mod:`inlinescript`), over files judged as reads; False (the line keeps its finding)
    for any other switch, more than one ``-e`` or input from a downloader or decoder."""
    from aegis.intent_firewall.inlinescript import inline_reads

    words = [value for value, _, _ in args[1:]]
    position, code = 0, None
    while position < len(words) and code is None:
        word = words[position]
        if word is None or not word.startswith("-") or word == "-":
            return False
        letters = word[1:]
        if not letters or not set(letters[:-1]) <= _PERL_SWITCHES:
            return False
        if letters[-1] in "eE":
            if position + 1 >= len(words):
                return False
            code = words[position + 1]
            position += 2
        elif letters[-1] in _PERL_SWITCHES:
            position += 1
        else:
            return False
    files = args[1 + position :]
    if code is None or any((value or "-").startswith("-") for value, _, _ in files):
        return False
    if set(feed.fed_by) & (DOWNLOADERS | DECODERS) or inline_reads("perl", code) != ():
        return False
    for arg in files:
        judge.path(arg, "read", feed.cwd)
    return True


def _exits_without_script(name: str, args: list[Arg]) -> bool:
    """No REPL starts: ``ruby -v`` prints the version; ``node --test`` runs the workspace's
    test files. Only when nothing else is on the line, so no ``--import``/``--require`` of
    other code rides in."""
    words = [value for value, _, _ in args]
    if words == ["-v"] and name in _VERSION_V:
        return True
    return (
        name in ("node", "nodejs")
        and "--test" in words
        and all((word or "").startswith("--test") for word in words)
    )


def _module(judge: CommandJudge, spec: Program, arg: Arg, rest: list[Arg], feed: Feed) -> None:
    """``python -m MODULE …``: a catalogued module that is also a program is judged as it; the
    operands of any other (``python -m json.tool FILE``) are files it reads."""
    module = arg[0] or ""
    if module.lower() not in judge.catalogue.modules:  # cProfile is listed as cprofile
        if not _workspace_module(judge, module, arg, rest, feed):
            judge.hit("unknown-program", f"{spec.name} -m {written_as(module, arg[1])}")
        return
    lookup = judge.catalogue.lookup
    inner = lookup(module.lower()) or lookup(module.split(".", 1)[0])
    if inner is not None:
        judge.argv([(module, arg[1], False), *rest], feed)
        return
    for operand in rest:
        judge.maybe_path(operand, "read", feed.cwd)


def _inert(judge: CommandJudge, how: tuple[str, str, bool], code: str | None, cwd: str) -> bool:  # noqa: PLR0911 (one answer per language)
    """Code that only computes and prints, reading at most files of the working directory
    (each read is judged like ``cat`` on it). ``how``: the interpreter, the code option and
    whether they are the whole command (a node or ruby one-liner with any other option,
    ``--require``, ``--import``, ``--inspect``, is not judged inert)."""
    interpreter_name, option, alone = how
    if code is None:
        return False
    language = _SCRIPT_LANGUAGES.get(interpreter_name.rstrip("0123456789."), "")
    inline = INLINE_LANGUAGES.get(interpreter_name.rstrip("0123456789."), "")
    if inline and alone and option in _INLINE_OPTIONS[inline] and not language:
        return _inline_code(judge, inline, code, cwd)
    if language and option in ("-e", "--eval", "-p", "--print") and alone:
        from aegis.intent_firewall.inertscript import inert_script

        printed = option in ("-p", "--print")
        if printed and language != "node":
            return False  # ruby -p loops over input lines: not a print of one value
        if language == "node":
            from aegis.intent_firewall.nodejson import json_field_path

            package = json_field_path(code, printed=printed)
            if package is not None:
                return _files_in_workspace(judge, (("read", package),), cwd)
        if inert_script(language, code, printed=printed):
            return True
        return _inline_code(judge, language, code, cwd)
    if option != "-c" or not interpreter_name.startswith(("python", "pypy")):
        return False
    from aegis.intent_firewall.inertcode import python_reads

    reads = python_reads(code)
    if reads is None:
        from aegis.intent_firewall.pyunroll import unrolled_loops

        # for d in ["build", "dist"]: shutil.rmtree(d): judged as the calls written out
        code = unrolled_loops(code) or code
        reads = python_reads(code)
    if reads is None:
        from aegis.intent_firewall.pyfiles import python_effects

        # files named by literal paths (shutil.rmtree('.mypy_cache')): judged like a shell
        # line's, and only inside the working directory
        effects = python_effects(code)
        if effects is None:
            from aegis.intent_firewall.dataframes import data_effects

            # pandas, numpy, polars over workspace files: read and written by literal paths
            effects = data_effects(code)
        return effects is not None and _files_in_workspace(judge, effects, cwd)
    return _files_in_workspace(judge, tuple(("read", path) for path in reads), cwd)


#: The inline-code option of each language ``inlinescript`` reads.
_INLINE_OPTIONS = {
    "node": ("-e", "--eval", "-p", "--print"), "ruby": ("-e",), "perl": ("-e", "-E"),
    "php": ("-r",), "lua": ("-e",),
}  # fmt: skip


def _inline_code(judge: CommandJudge, language: str, code: str, cwd: str) -> bool:
    """Code that stays inside :mod:`inlinescript`'s grammar; the JSON files it requires are
    judged as reads of the workspace."""
    from aegis.intent_firewall.inlinescript import inline_reads

    reads = inline_reads(language, code)
    return reads is not None and _files_in_workspace(
        judge, tuple(("read", path) for path in reads), cwd
    )


def _files_in_workspace(
    judge: CommandJudge, effects: tuple[tuple[str, str], ...], cwd: str
) -> bool:
    """Each (role, path) judged as a shell line's would be; False (and nothing judged) when
    one lies outside the working directory."""
    if not all(
        _in_workspace(judge, path, cwd) or (role == "read" and path in (".", "./"))
        for role, path in effects
    ):
        return False  # (reading the working directory itself, os.listdir("."), is ls)
    for role, path in effects:
        judge.path((path, path, False), role, cwd)
    return True


#: Interpreters whose one-liners ``inertscript`` reads, by program name.
_SCRIPT_LANGUAGES = {"node": "node", "nodejs": "node", "deno": "node", "ruby": "ruby"}


def _in_workspace(judge: CommandJudge, path: str, cwd: str) -> bool:
    """A path that stays below the configured working directory (or, when the policy names
    none, is written relative, does not climb out and no ``cd`` moved away)."""
    from aegis.intent_firewall.access import stays_below_unknown_cwd
    from aegis.intent_firewall.paths import resolve_path

    workspace = judge.scope.workspace
    if not judge.scope.cwd_known or workspace is None:
        return cwd == "/" and stays_below_unknown_cwd(path)  # no cd away from it either
    resolved = resolve_path(path, cwd, judge.scope.home)
    root = resolve_path(workspace, "/", judge.scope.home).rstrip("/")
    return root not in ("", "/") and resolved.startswith(root + "/")


#: Catalogue names of framework entry points are "<family>:<script name>" (no program is so
#: named): py:manage.py, php:artisan.
_ENTRY_POINT_FAMILIES = (("python", "py:"), ("pypy", "py:"), ("php", "php:"))


def _entry_point(
    judge: CommandJudge, interpreter_name: str, script: Arg, args: list[Arg], feed: Feed
) -> bool:
    """``python manage.py test``, ``php artisan test``: a framework's entry point inside the
    configured working directory is judged by its catalogued subcommands, like ``make test``;
    anything else (a script elsewhere, one the catalogue does not name) stays a user script."""
    value, workspace = script[0], judge.scope.workspace
    family = next((p for name, p in _ENTRY_POINT_FAMILIES if interpreter_name.startswith(name)), "")
    if not family or value is None or not judge.scope.cwd_known:
        return False
    if not workspace or workspace == "/":
        return False
    name = value.rsplit("/", 1)[-1]
    spec = judge.catalogue.lookup(family + name)
    if spec is None:
        return False
    from aegis.intent_firewall.paths import resolve_path

    resolved = resolve_path(value, feed.cwd, judge.scope.home)
    inside = resolved.startswith(workspace.rstrip("/") + "/")
    if not inside or resolved.startswith(_SHARED_SCRATCH) or "/.git/" in resolved:
        return False
    position = args.index(script)
    judge.argv([(spec.name, script[1], False), *args[position + 1 :]], feed)
    return True


def eval_builtin(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    words = args[1:]
    judge.hit("interpreter-code", f"eval {' '.join(a[1] for a in words)[:100]}")
    if any(a[0] is None for a in words):
        stdin_into(judge, "eval", feed, is_shell=True)
        return
    judge.judge_script(" ".join(a[0] or "" for a in words), feed.cwd, feed.depth + 1)


#: What ``python -m venv`` writes: sourcing it inside the workspace only sets PATH and PS1.
_VENV_ACTIVATE = frozenset({"activate", "activate.fish", "activate.csh", "activate.nu"})
#: World-writable directories: anyone may have put an "activate" there.
_SHARED_SCRATCH = ("/tmp/", "/var/tmp/", "/dev/shm/")  # noqa: S108 (names, not used as files)


def _venv_activation(value: str | None, judge: CommandJudge, cwd: str) -> bool:
    if value is None or value.rsplit("/", 1)[-1] not in _VENV_ACTIVATE:
        return False
    from aegis.intent_firewall.paths import resolve_path

    resolved = resolve_path(value, cwd, judge.scope.home)
    parent = resolved.rsplit("/", 2)
    return (
        len(parent) == 3
        and parent[1] in ("bin", "Scripts")
        and resolved.startswith(cwd.rstrip("/") + "/")
        and "/.git/" not in resolved
        and not resolved.startswith(_SHARED_SCRATCH)
    )


def source(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    if len(args) < 2:
        return
    if _venv_activation(args[1][0], judge, feed.cwd) and not feed.stdin_programs:
        return
    _script_operand(judge, spec.name, args[1], feed)
