"""Ex command lines that only edit the buffer: what ``vim -es -c …`` or ``+cmd`` may run and
still be the edit of a file.

A line is split at ``|`` (Ex's command separator; a ``|`` inside a pattern splits too, and
each half must still pass, which is strict, never lax). Each command, after its range, must
be one of a few editing commands: substitutions without ``\\=`` (an expression), global
commands whose inner command passes too, deletes, joins, moves, copies, shifts, sorts,
retabs, option settings of layout and encoding, and writes and quits with no file name (a
name may be ``!cmd`` or a file elsewhere). Anything else (``!``, ``source``, ``normal``,
``execute``, ``call``, ``python``, ``lua``, ``read``, ``shell``, ``terminal``) is code.
"""

from __future__ import annotations

__all__ = ["inert_ex"]

#: Characters of an Ex range: line numbers, ``%``, ``.``, ``$``, offsets and separators.
_RANGE = frozenset("0123456789%.$,;+- ")
#: Commands (full names and abbreviations Vim accepts) that edit the buffer only.
_EDITS = frozenset(
    {
        *("d", "de", "del", "delete", "j", "jo", "join", "m", "mo", "move", "t", "co", "copy"),
        *(">", "<", "le", "left", "ce", "center", "ri", "right", "retab", "ret", "noh"),
        *("nohlsearch", "sor", "sort", "u", "undo", "red", "redo", "y", "yank"),
    }
)
_SUBSTITUTE = frozenset({"s", "su", "substitute", "&", "&&", "~"})
_GLOBAL = frozenset({"g", "gl", "global", "v", "vg", "vglobal", "g!", "global!"})
_WRITES = frozenset(
    {
        *("w", "wr", "write", "wq", "x", "xi", "xit", "exi", "exit", "up", "update", "wa"),
        *("wall", "wqa", "wqall", "xa", "xall", "q", "qu", "quit", "qa", "qall", "quita"),
        *("quitall", "cq", "cquit", "w!", "wq!", "x!", "q!", "qa!", "wqa!", "xa!", "cq!"),
    }
)
_SET = frozenset({"se", "set", "setl", "setlocal"})
#: Options whose setting changes only how the buffer is laid out or encoded.
_LAYOUT = frozenset(
    {
        *("ff", "fileformat", "fenc", "fileencoding", "et", "expandtab", "ts", "tabstop"),
        *("sw", "shiftwidth", "sts", "softtabstop", "tw", "textwidth", "bomb", "eol"),
        *("endofline", "fixeol", "fixendofline", "nocp", "nocompatible", "ic", "ignorecase"),
        *("scs", "smartcase", "ws", "wrapscan", "ai", "autoindent", "bin", "binary"),
    }
)
_MAX_PARTS = 32


def inert_ex(text: str, depth: int = 0) -> bool:
    """Whether every command of the Ex line ``text`` only edits the buffer."""
    parts = text.split("|")
    if len(parts) > _MAX_PARTS or depth > 1 or any(mark in text for mark in "\n\r\x00"):
        return False  # a line break ends a command for some commands and not others
    return all(_inert_command(part, depth) for part in parts)


def _inert_command(part: str, depth: int) -> bool:
    command = part.strip().lstrip(":").lstrip()
    index = 0
    while index < len(command) and command[index] in _RANGE:
        index += 1
    command = command[index:]
    if not command:
        return True  # a bare range moves the cursor
    name_end = 0
    while name_end < len(command) and (command[name_end].isalpha() or command[name_end] in "&~<>"):
        name_end += 1
    name = command[:name_end] or command[:1]
    rest = command[len(name) :]
    if rest.startswith("!") and name in _WRITES | _GLOBAL:
        name, rest = name + "!", rest[1:]
    if name in _SUBSTITUTE or (name == "" and rest[:1] == "/"):
        return "\\=" not in rest
    if name in _GLOBAL:
        return _global(rest, depth)
    if name in _WRITES:
        return not rest.strip()
    if name in _SET:
        return all(_layout(word) for word in rest.split())
    return name in _EDITS and not any(mark in rest for mark in "!=`")


def _global(rest: str, depth: int) -> bool:
    """``g/pattern/command``: the inner command (``d`` when none) must pass too."""
    body = rest.lstrip()
    if not body or body[0].isalnum() or body[0] in '\\"| ':
        return False
    delimiter = body[0]
    end = body.find(delimiter, 1)
    while end > 0 and body[end - 1] == "\\":
        end = body.find(delimiter, end + 1)
    if end < 0:
        return False
    inner = body[end + 1 :]
    return not inner.strip() or inert_ex(inner, depth + 1)


def _layout(word: str) -> bool:
    name = word.split("=", 1)[0].split("+", 1)[0].split("-", 1)[0].split("^", 1)[0]
    name = name.removeprefix("no").removeprefix("inv") if name not in _LAYOUT else name
    return name in _LAYOUT and "`" not in word and "!" not in word.split("=", 1)[-1]
