"""``fd -x CMD`` and ``fd -X CMD``: the command fd runs on what it finds, judged like
``find -exec``.

fd takes every word after ``-x``/``--exec`` (one run per file) or ``-X``/``--exec-batch``
(one run for all) as the command, up to a lone ``;``; the placeholders ``{}``, ``{/}``,
``{//}``, ``{.}`` and ``{/.}`` stand for the file found, and a command without one gets the
file appended. So the command is a command line to judge recursively, not interpreter code:
``fd -e py -x wc -l`` counts lines, ``fd . / -x rm -rf`` deletes below ``/``. Roots before
the command (after the pattern) are read; a root outside the working directory is judged as
a whole tree with the role the command has for its operands, as for ``find``.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg, parse_options

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["fd"]

_EXEC_OPTIONS = frozenset({"-x", "--exec", "-X", "--exec-batch"})
_PLACEHOLDERS = ("{}", "{/}", "{//}", "{.}", "{/.}")
#: Options that narrow what fd finds: with one, ``{}`` is some file below a root.
_FILTERS = frozenset({"-e", "--extension", "-t", "--type", "-g", "--glob", "-S", "--size"})


def fd(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge fd's own options and roots, then each command it runs on a found file."""
    own: list[Arg] = []
    commands: list[list[Arg]] = []
    index = 1
    while index < len(args):
        arg = args[index]
        index += 1
        word = arg[0]
        if word in _EXEC_OPTIONS:
            end = index
            while end < len(args) and args[end][0] not in (";", "\\;"):
                end += 1
            commands.append(args[index:end])
            index = end + 1
            continue
        own.append(arg)
        if _takes_next(spec, word) and index < len(args):
            own.append(args[index])
            index += 1
    parsed = parse_options(spec, own)
    judge.options(parsed, feed)
    operands = parsed.operands
    roots = operands[1:] or [(".", ".", False)]
    for root in roots:
        judge.path(root, "read", feed.cwd)
    pattern = operands[0][0] if operands else ""
    filtered = pattern not in (None, "", ".", "^", ".*") or any(
        (arg[0] or "").split("=", 1)[0] in _FILTERS for arg in own
    )
    for command in commands:
        if not command:
            judge.hit("shell-construct", "fd -x without a command")
            continue
        _run_on_found(judge, command, roots, feed, filtered=filtered)


def _takes_next(spec: Program, word: str | None) -> bool:
    return (
        word is not None
        and word.startswith("-")
        and "=" not in word
        and spec.option_role(word) != "flag"
    )


#: What ``{}`` is replaced by when the command is judged: some file fd found.
_FOUND = ("{}", "{}", False)


def _run_on_found(
    judge: CommandJudge, command: list[Arg], roots: list[Arg], feed: Feed, *, filtered: bool
) -> None:
    from aegis.intent_firewall.specials import (
        _deeper,
        _in_unknown_workspace,
        _is_workspace,
        _whole_tree,
    )

    for root in roots:
        below = filtered and (
            _in_unknown_workspace(judge, root, feed) or _is_workspace(judge, root, feed)
        )
        # with a filter, {} is a file below a working directory, not all of it
        found = (posixpath.join(root[0] or ".", "{}"), f"{root[1]}/{{}}", False) if below else root
        placed = any(p in (arg[0] or arg[1]) for arg in command for p in _PLACEHOLDERS)
        marked = [_FOUND if (a[0] or "") in _PLACEHOLDERS else a for a in command]
        if not placed:
            marked.append(_FOUND)  # fd appends the file to a command without a placeholder
        judge.argv([found if a is _FOUND else a for a in marked], _deeper(feed))
        if not below:
            _whole_tree(judge, marked, root, feed)
