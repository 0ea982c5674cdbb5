"""Vim's command line (vi, view, ex, nvim and kin), read the way Vim reads it.

Vim runs Ex commands from ``-c CMD``, ``+CMD`` and ``--cmd CMD``, a vimrc from ``-u FILE``,
a session from ``-S FILE``, typed keys from ``-s FILE`` (outside Ex mode) and, in Ex mode
(``-e``, ``-E``, or run as ``ex``), every line of its standard input. One-letter options
cluster and take their value joined (``-Nu/tmp/x.vim``, ``-eS/tmp/s.vim``). Commands that
only edit the buffer (``excommands.inert_ex``) stay the edit of the files named, judged as
writes; a script is allowed from the workspace and ``-u NONE``; standard input in Ex mode,
any other command, and any option this table does not model are refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.excommands import inert_ex
from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import workspace_script

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["vim"]

#: One-letter options with no value.
_FLAGS = frozenset("NnRbeEsXZyMmACdoOpLlhgfFHADrx")
#: One-letter options with a value (joined or the next word), by what the value is.
_VALUED = {"c": "command", "S": "script", "u": "vimrc", "U": "vimrc", "s": "keys"}
_VALUED.update(dict.fromkeys("Ttq", "plain"))
_VALUED.update(dict.fromkeys("wWi", "write"))
_LONG = {
    "--cmd": "command",
    **dict.fromkeys(("--clean", "--noplugin", "--not-a-term", "--headless", "--nofork"), "flag"),
    **dict.fromkeys(("--version", "--help", "--literal", "--ttyfail", "--embed"), "flag"),
    **dict.fromkeys(("--startuptime", "--log"), "write"),
}
_NONE = frozenset({"NONE", "NORC", "DEFAULTS"})


def vim(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge a Vim command line: its options, then its files as files it may write."""
    ex_mode = spec.name == "ex"
    operands: list[Arg] = []
    index = 1
    while index < len(args):
        arg = args[index]
        index += 1
        value = arg[0]
        if value is None:
            judge.hit("dynamic-argument", f"{spec.name} argument {arg[1]}")
        elif value.startswith("+"):
            _command(judge, spec.name, value[1:], arg[1])
        elif value == "--":
            operands.extend(args[index:])
            break
        elif value.startswith("--"):
            index = _long(judge, spec.name, args, index, feed)
        elif value.startswith("-") and value != "-":
            index, ex_mode = _cluster(judge, (spec.name, ex_mode), args, index, feed)
        else:
            operands.append(arg)
    fed = feed.stdin_programs or feed.stdin_text is not None or feed.stdin_redirected
    if fed and (ex_mode or not any(arg[0] == "-" for arg in operands)):
        # Ex mode reads command lines, and any other mode typed keys, from its input; only
        # the "-" operand makes that input the text being edited
        judge.hit("pipe-into-interpreter", f"{spec.name} reads commands from its input")
    for operand in operands:
        if operand[0] != "-":
            judge.path(operand, "write", feed.cwd)


def _cluster(
    judge: CommandJudge, how: tuple[str, bool], args: list[Arg], index: int, feed: Feed
) -> tuple[int, bool]:
    """``-es``, ``-Nu FILE``, ``-eS/tmp/x``: flags until a letter that takes a value."""
    name, ex_mode = how
    word = args[index - 1][0] or ""
    for position, letter in enumerate(word[1:], start=2):
        if letter in "eE":
            ex_mode = True
        if letter == "V":  # -V[N][FILE]: verbosity, and a log file when a name follows
            log = word[position:].lstrip("0123456789")
            if log:
                judge.path((log, log, False), "write", feed.cwd)
            return index, ex_mode
        role = "script" if letter == "l" and name == "nvim" else _VALUED.get(letter)
        if letter == "s" and ex_mode:
            continue  # -s after -e is silent mode, not a keys file
        if role is None:
            if letter not in _FLAGS:
                judge.hit("unmodelled-option", f"{name} {word}: an option not modelled")
                return index, ex_mode
            continue
        joined = word[position:]
        if joined:
            value: Arg = (joined, joined, False)
        elif index < len(args):
            value, index = args[index], index + 1
        else:
            value = ("", "", False)
        _value(judge, (name, "-" + letter, role), value, feed)
        return index, ex_mode
    return index, ex_mode


def _long(judge: CommandJudge, name: str, args: list[Arg], index: int, feed: Feed) -> int:
    word = args[index - 1][0] or ""
    head, found, tail = word.partition("=")
    role = _LONG.get(head)
    if role is None:
        judge.hit("unmodelled-option", f"{name} {word[:80]}: an option not modelled")
        return index
    if role == "flag":
        return index
    if found:
        value: Arg = (tail, tail, False)
    elif index < len(args):
        value, index = args[index], index + 1
    else:
        value = ("", "", False)
    _value(judge, (name, head, role), value, feed)
    return index


def _value(judge: CommandJudge, how: tuple[str, str, str], arg: Arg, feed: Feed) -> None:
    name, option, role = how
    value = arg[0]
    if value is None:
        judge.hit("dynamic-argument", f"{name} {option} {arg[1]}")
    elif role == "command":
        _command(judge, name, value, arg[1])
    elif role == "write":
        judge.path(arg, "write", feed.cwd)
    elif role == "vimrc" and value in _NONE:
        return
    elif role in ("script", "vimrc", "keys") and not workspace_script(judge.scope, arg, feed):
        shown = written_as(value, arg[1])
        judge.hit("user-script", f"{name} {option} {shown}: a script from outside the workspace")


def _command(judge: CommandJudge, name: str, text: str, written: str) -> None:
    """An Ex command given on the line: ``+42`` and ``+/pattern`` place the cursor."""
    if not text or text.isdigit() or (text[0] in "/?" and "|" not in text):
        return
    if not inert_ex(text):
        judge.hit("interpreter-code", f"{name} runs {written_as(text, written)}")
