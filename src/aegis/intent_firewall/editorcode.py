"""Files an editor loads from the project as code: Emacs's ``.dir-locals.el``, Vim's and
Neovim's local configuration (``.exrc``, ``.vimrc``, ``.nvimrc``, ``.nvim.lua``,
``.lvimrc``).

Opening a file of the project evaluates them: a ``.dir-locals.el`` ``eval`` entry runs any
Lisp (``(eval . (shell-command "curl … | sh"))``), a ``.nvim.lua`` or ``.exrc`` runs
``system()``, ``!cmd``, ``os.execute`` or ``jobstart``. Their text is judged as code:
``eval`` in a ``.dir-locals.el`` (which runs Lisp, whatever it does) and a call that starts a
process in a Vim file whose command is not a literal are ``editor-code`` (*review*), and a
literal command (``system('git rev-parse --show-toplevel')``, ``!make``) is judged as the
command line it is; option settings (``fill-column``, ``vim.opt.tabstop``) pass.
"""

from __future__ import annotations

from collections.abc import Callable

import re2

from aegis.intent_firewall.rules import Hit, default_hit

__all__ = ["EDITOR_FILES", "editor_code_findings"]

_EMACS = frozenset({".dir-locals.el", ".dir-locals-2.el"})
_VIM = frozenset(
    {".exrc", "_exrc", ".vimrc", "_vimrc", ".gvimrc", ".nvimrc", ".nvim.lua", ".lvimrc",
     ".vimrc.local", ".lvimrc.lua", ".vimlocal", ".local.vimrc", ".vim.custom"}
)  # fmt: skip
EDITOR_FILES = _EMACS | _VIM

#: Emacs Lisp that runs code or a process wherever it stands in a dir-locals file
_LISP = re2.compile(
    r"\(\s*eval\s|\(\s*eval\s*\.|\b(?:shell-command|call-process|start-process|"
    r"async-shell-command|make-process|process-lines|call-process-shell-command)\b"
)
#: a Vim or Neovim call that starts a process, with its literal command when it has one
_VIM_CALL = re2.compile(
    r"(?:\bsystem(?:list)?|\bjobstart|\btermopen|\bjob_start|\bterm_start|os\.execute|"
    r"io\.popen)\s*\(\s*(?:\[\s*)?"
    r"(?:'([^'\n]*)'|\"([^\"\n]*)\")?"
)
#: an Ex command line starting a shell (``!cmd``, ``silent !cmd``, ``:r !cmd``, ``vim.cmd('!…')``)
_BANG = re2.compile(r"(?m)^\s*:?\s*(?:silent!?\s+|r(?:ead)?\s+|w(?:rite)?\s+)?!(.+)$")
#: dynamic Ex commands and interpreters run from Vim script: their code is not a literal
_DYNAMIC = re2.compile(
    r"(?m)^\s*:?\s*(?:exe(?:cute)?|lua|py3?|python3?|perl|ruby|luaeval|source|so)\b[^\n]*"
    r"(?:system|!|popen|execute|subprocess|os\.)"
)
_MAX_TEXT = 65536

JudgeLine = Callable[[str], list[Hit]]


def editor_code_findings(name: str, texts: list[str], judge_line: JudgeLine) -> list[Hit]:
    """Findings on an editor-loaded file named ``name`` (lower case) written with
    ``texts``; ``judge_line(command)`` is what the firewall finds on one command line."""
    if name not in EDITOR_FILES:
        return []
    for whole in texts:
        text = whole[:_MAX_TEXT]
        if name in _EMACS:
            match = _LISP.search(text)
            if match:
                return [_hit(name, match.group(0))]
            continue
        found = _vim(name, text, judge_line)
        if found:
            return found
    return []


def _vim(name: str, text: str, judge_line: JudgeLine) -> list[Hit]:
    dynamic = _DYNAMIC.search(text)
    if dynamic:
        return [_hit(name, dynamic.group(0))]
    commands = [m.group(1).strip() for m in _BANG.finditer(text)]
    for match in _VIM_CALL.finditer(text):
        command = match.group(1) or match.group(2)
        if command is None:
            return [_hit(name, match.group(0))]  # a command built at run time
        commands.append(command)
    for command in commands[:32]:
        found = judge_line(command.rstrip("'\")"))
        if found:
            return [*found, _hit(name, command)]
    return []


def _hit(name: str, evidence: str) -> Hit:
    return default_hit("editor-code", f"{name}: {evidence.strip()[:100]!r}")
