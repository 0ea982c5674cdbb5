"""Emacs's command line, read the way Emacs reads it.

Emacs takes its long options with one dash or two and completes an abbreviation the way
GNU getopt does (``--exe`` is ``--execute``, ``--eva=`` is ``--eval=``, ``--lo`` is
``--load``), so a table of whole names misses most spellings: every option word is matched
against the full option list, and a prefix of several options takes the most powerful of
them (a real ambiguity makes Emacs refuse the line; reading it strictly costs nothing).

What runs: ``--eval``/``--execute`` (Lisp text: interpreter code), ``-l``/``--load``,
``--script``, ``-scriptload`` and ``-x`` (a Lisp file: a workspace file or a library found
on the load path, which ``-L`` extends and the working directory heads), ``-f``/``--funcall``
(a function, whose batch entry points then compile or test the file operands) and
``--init-directory``/``-u`` (an init file run at start). Files outside the workspace in any
of these are user scripts; an option Emacs has but this table does not model is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.cwdcode import cwd_outside_workspace
from aegis.intent_firewall.emacsoptions import DANGER, FUNCTIONS, OPTIONS, SHORT_VALUES
from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import workspace_script

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["emacs", "emacs_option"]


def emacs_option(word: str) -> tuple[str, str, str | None]:
    """(role, option name, attached value) of an option word; role ``unknown`` when Emacs
    has no such option (or one this table does not model)."""
    head, found, tail = word.partition("=")
    attached = tail if found else None
    bare = head.lstrip("-")
    if head in OPTIONS:
        return OPTIONS[head], head, attached
    if "--" + bare in OPTIONS and len(bare) > 1:
        return OPTIONS["--" + bare], "--" + bare, attached
    if len(bare) >= 2:
        # an abbreviation first: -lo may be --load (its file the next word) or -l o, and
        # the reading that takes the next word as code is the one that cannot hide it
        matches = [name for name in OPTIONS if name.startswith("--" + bare)]
        if matches:
            role = max((OPTIONS[name] for name in matches), key=DANGER.index)
            return role, head, attached
    if not head.startswith("--") and len(head) > 2 and head[:2] in SHORT_VALUES and not found:
        return OPTIONS[head[:2]], head[:2], head[2:]  # -l/tmp/x.el: value joined
    return "unknown", head, attached


def emacs(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge ``emacs …``: options in order (a load path and loaded files count for the
    functions after them), then the files a batch function works on or the editor opens."""
    state = _State()
    index = 1
    while index < len(args):
        value, written, _ = args[index]
        index += 1
        if value is None:
            judge.hit("dynamic-argument", f"{spec.name} argument {written}")
            continue
        if value == "--":
            state.operands.extend(args[index:])
            break
        if not value.startswith("-") or value == "-":
            if not value.startswith("+"):  # +LINE:COLUMN places the cursor
                state.operands.append(args[index - 1])
            continue
        role, name, attached = emacs_option(value)
        if role in ("flag", "unknown") or attached is not None:
            option_value: Arg | None = (attached, attached, False) if attached is not None else None
        else:
            option_value = args[index] if index < len(args) else ("", "", False)
            index += 1
        _option(judge, state, (role, name, value), option_value, feed)
    _operands(judge, spec.name, state, feed)


class _State:
    __slots__ = ("functions", "loaded", "operands")

    def __init__(self) -> None:
        self.operands: list[Arg] = []
        self.functions: list[str] = []
        self.loaded = False  # a workspace file was loaded: its functions are its own


def _option(
    judge: CommandJudge, state: _State, how: tuple[str, str, str], arg: Arg | None, feed: Feed
) -> None:
    role, name, word = how
    shown = f"emacs {word}" if arg is None else f"emacs {name} {written_as(arg[0] or '', arg[1])}"
    if role == "unknown":
        judge.hit("unmodelled-option", f"{shown}: an option Emacs's table here does not model")
    elif role == "code":
        judge.hit("interpreter-code", shown)
    elif role == "user":
        judge.hit("user-script", f"{shown}: another user's init file runs")
    elif arg is None or role == "flag":
        return
    elif role == "load":
        _load(judge, state, arg, shown, feed)
    elif role == "dir":
        if not workspace_script(judge.scope, _as_file(arg), feed):
            judge.hit("user-script", f"{shown}: Lisp found outside the workspace")
    elif role == "function":
        state.functions.append(arg[0] or "")
        _function(judge, state, arg[0] or "", shown)
    elif role == "read":
        judge.path(arg, "read", feed.cwd)
    elif role == "unmodelled":
        judge.hit("unmodelled-option", shown)


def _as_file(arg: Arg) -> Arg:
    """A directory written as a file below it, so the workspace-file test applies."""
    value = (arg[0] or "").rstrip("/") or "/"
    return (f"{value}/x.el", arg[1], arg[2])


def _load(judge: CommandJudge, state: _State, arg: Arg, shown: str, feed: Feed) -> None:
    value = arg[0] or ""
    library = "/" not in value and not value.endswith((".el", ".elc", ".eln")) and value
    if library and not value.startswith("~"):
        # -l ert: a library on the load path, which starts with the working directory
        if cwd_outside_workspace(judge.scope, feed.cwd):
            judge.hit("user-script", f"{shown}: loaded from {feed.cwd}, outside the workspace")
        return
    if workspace_script(judge.scope, arg, feed):
        state.loaded = True
        return
    judge.hit("user-script", f"{shown}: Lisp loaded from outside the workspace")


def _function(judge: CommandJudge, state: _State, name: str, shown: str) -> None:
    """A function Emacs calls with no arguments: a batch entry point it ships, or one the
    workspace's loaded files define, never one that opens a shell, a server or the network."""
    if name in FUNCTIONS:
        return
    if state.loaded and not name.startswith(_BUILTIN_PREFIXES):
        return
    judge.hit("interpreter-code", f"{shown}: calls a function")


#: Built-in families no workspace file is taken to define.
_BUILTIN_PREFIXES = (
    *("shell", "eshell", "term", "ansi-term", "async-", "server-", "package-", "url-"),
    *("call-process", "start-process", "make-process", "compile", "recompile", "dired"),
    *("eww", "browse-url", "load", "eval", "byte-", "batch-", "native-", "org-babel"),
)


def _operands(judge: CommandJudge, name: str, state: _State, feed: Feed) -> None:
    """Files a batch function compiles, tests or loads must be the workspace's own; without
    one, the files are opened in the editor and judged as files it may write."""
    for arg in state.operands:
        if state.functions:
            if not workspace_script(judge.scope, arg, feed):
                shown = written_as(arg[0] or "", arg[1])
                judge.hit("user-script", f"{name} -f {state.functions[-1]} on {shown}")
        else:
            judge.path(arg, "write", feed.cwd)
