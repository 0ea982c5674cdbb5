"""adb, and the apps a simulator installs: an emulator is the agent's own disposable
machine, a physical device is someone's phone.

``adb -s emulator-5554 shell pm clear com.acme.app.debug`` clears an app's data on an
emulator the developer wipes at will (``emulator -wipe-data``); the same on a phone deletes
a person's data, and ``pull /sdcard`` there reads their photos. So adb's device commands
pass only when the line names an emulator: a serial ``emulator-NNNN`` (``-s`` or a prefix
``ANDROID_SERIAL=``) or ``-e`` alone, with no ``-d``, transport id or other adb server
(``-H``, ``-L``, ``ADB_SERVER_SOCKET`` anywhere in the request). Without one, adb picks
whatever single device is attached: not told by the text, so a finding.

On an emulator: ``shell``/``exec-out`` run a command on it, judged by its words (programs
that act only inside the emulator, listed as data; anything else, or a word a shell would
expand, is code); ``install`` takes APKs of the workspace (one from elsewhere or a URL is a
finding), ``push`` reads and ``pull`` writes local files as any copy does (a secret pushed
is read), ``emu`` speaks the console verbs listed (not ``redir``, a port forward). Port
forwards, ``root``, ``remount``, ``backup`` and the rest keep a rule of their own wherever
they run. Server commands (``devices``, ``version``, ``kill-server``) touch no device.
The tables are ``[adb]`` in ``data/devlocal.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.envmoves import moves_client
from aegis.intent_firewall.localpublish import devlocal_data
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.workspacescripts import below_working_directory

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["adb", "simulator_install"]

#: Characters of a device command line a shell there would expand or redirect.
_EXPANDING = frozenset("$`\\<>(){}*?!~'\"#\n\r=")
_SEPARATORS = frozenset(";|&")
_SHELL_OPTIONS = frozenset({"-n", "-T", "-t", "-tt", "-x"})
_MAX_WORDS = 64
_MAX_LINE = 4096


@cache
def _data() -> Mapping[str, Any]:
    data: Mapping[str, Any] = devlocal_data()["adb"]
    return data


def _emulator_serial(value: str | None) -> bool:
    prefix = _data()["emulator_serial_prefix"]
    return value is not None and value.startswith(prefix) and value[len(prefix) :].isdigit()


def _target(judge: CommandJudge, args: list[Arg], feed: Feed) -> tuple[bool, int]:
    """Whether the line names an emulator, and where adb's command word is."""
    values = frozenset(_data()["global_values"])
    serials: list[str | None] = []
    flags: set[str] = set()
    index = 1
    while index < len(args) and (args[index][0] or "").startswith("-"):
        word = args[index][0] or ""
        if word in values:
            index += 1
            value = args[index][0] if index < len(args) else None
            flags.add(word)
            if word == "-s":
                serials.append(value)
        elif word == "-a":
            judge.hit("network-listener", "adb -a: the adb server listens on every interface")
        else:
            flags.add(word)
        index += 1
    if flags & {"-d", "-t", "-H", "-L"} or (flags - {"-s", "-e", "-P"}):
        return False, index
    if moves_client(judge.scope.lines, _data()["server_variables"]):
        return False, index  # another machine's adb server: its emulator is not ours
    if serials:
        return all(_emulator_serial(s) for s in serials), index
    if "-e" in flags:
        return True, index
    given = [value for name, value in feed.assignments if name == "ANDROID_SERIAL"]
    return bool(given) and all(_emulator_serial(s) for s in given), index


def adb(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``adb [global options] COMMAND …`` (see the module)."""
    emulator, index = _target(judge, args, feed)
    # adb wait-for-device shell …: the command after the waits is the one that runs
    while index + 1 < len(args) and (args[index][0] or "").startswith("wait-for-"):
        index += 1
    if index >= len(args):
        return  # adb alone prints its usage
    command, written = args[index][0], args[index][1]
    rest = args[index + 1 :]
    data = _data()
    shown = f"adb {written} {' '.join(a[1] for a in rest)}".strip()[:120]
    if command is None:
        judge.hit("dynamic-program", f"adb command written {written}")
    elif command in data["findings"]:
        judge.hit(data["findings"][command], shown)
    elif command in data["server"]:
        return
    elif command not in data["on_emulator"]:
        judge.hit("destructive-command", f"{shown}: an adb command not modelled")
    elif not emulator:
        judge.hit("destructive-command", f"{shown}: on a device that is not an emulator")
    else:
        _on_emulator(judge, command, rest, feed)


def _on_emulator(judge: CommandJudge, command: str, rest: list[Arg], feed: Feed) -> None:
    if command in ("shell", "exec-out"):
        _device_command(judge, command, rest, feed)
    elif command.startswith("install"):
        operands = _operands(rest, frozenset(_data()["install_values"]))
        for arg in operands:
            _workspace_package(judge, arg, feed, "adb install")
    elif command == "push" and len(rest) >= 2:
        for arg in _operands(rest, frozenset())[:-1]:
            judge.maybe_path(arg, "read", feed.cwd)
    elif command == "pull" and len(rest) >= 2:
        judge.maybe_path(_operands(rest, frozenset())[-1], "write", feed.cwd)
    elif command == "bugreport" and rest:
        judge.maybe_path(rest[-1], "write", feed.cwd)
    elif command == "emu":
        verb = rest[0][0] if rest else None
        second = rest[1][0] if len(rest) > 1 else None
        if verb not in _data()["emu_verbs"] or (
            verb == "avd" and second not in _data()["emu_avd_verbs"]
        ):
            shown = " ".join(a[1] for a in rest[:2])
            judge.hit("destructive-command", f"adb emu {shown}: not modelled")


def _operands(rest: list[Arg], values: frozenset[str]) -> list[Arg]:
    """The words of ``rest`` that are no option (nor the value of one in ``values``)."""
    operands: list[Arg] = []
    skip = False
    for arg in rest[:_MAX_WORDS]:
        if skip:
            skip = False
        elif arg[0] is not None and arg[0].startswith("-"):
            skip = arg[0] in values
        else:
            operands.append(arg)
    return operands


def _workspace_package(judge: CommandJudge, arg: Arg, feed: Feed, what: str) -> None:
    """An app to install: a file of the workspace (its build output), else a finding."""
    value = arg[0]
    if value is None or "://" in value:
        judge.hit("user-script", f"{what} {arg[1][:80]}: an app from outside the workspace")
        return
    judge.maybe_path(arg, "read", feed.cwd)
    resolved = resolve_path(value, feed.cwd, judge.scope.home)
    if not below_working_directory(judge.scope, value, resolved):
        judge.hit("user-script", f"{what} {arg[1][:80]}: an app from outside the workspace")


def _device_command(judge: CommandJudge, command: str, rest: list[Arg], feed: Feed) -> None:
    """The command line an emulator's shell runs, given as adb's remaining words."""
    index = 0
    while index < len(rest) and rest[index][0] in _SHELL_OPTIONS | {"-e"}:
        index += 2 if rest[index][0] == "-e" else 1
    words = rest[index:]
    if not words:
        judge.hit("interactive-shell", f"adb {command} on the emulator")
        return
    if any(word[0] is None for word in words) or len(words) > _MAX_WORDS:
        judge.hit("shell-expansion", f"adb {command}: words known only at run time")
        return
    line = " ".join(word[0] or "" for word in words)
    if len(line) > _MAX_LINE:
        judge.hit("too-large", f"adb {command}: a device command of {len(line)} characters")
        return
    if not _EXPANDING.isdisjoint(line):
        judge.hit("interpreter-code", f"adb {command} {line[:80]!r}: shell syntax on the device")
        return
    programs = frozenset(_data()["device_programs"]["programs"])
    for words_of in _segments(line):
        # run-as PACKAGE COMMAND: the command among the app's own files
        segment = words_of[2:] if words_of[0] == "run-as" else words_of
        if not segment or segment[0] not in programs:
            shown = segment[0] if segment else "run-as"
            judge.hit("interpreter-code", f"adb {command}: {shown!r} on the device")
        for word in segment:
            if "://" in word:
                judge_url(judge.scope, word, word, feed.cwd)


def _segments(line: str) -> list[list[str]]:
    """The simple commands of a device line: words between ``;``, ``|`` and ``&`` runs."""
    segments: list[list[str]] = [[]]
    current = ""
    for char in line + " ":
        if char in _SEPARATORS or char.isspace():
            if current:
                segments[-1].append(current)
                current = ""
            if char in _SEPARATORS and segments[-1]:
                segments.append([])
        else:
            current += char
    return [segment for segment in segments if segment]


def simulator_install(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``xcrun simctl install DEVICE APP``: the app is a build of the workspace."""
    operands = _operands(args[1:], frozenset())
    for arg in operands[1:]:
        _workspace_package(judge, arg, feed, "simctl install")
