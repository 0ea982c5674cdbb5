"""A workspace's own hook or ``.envrc`` written with its content: judged as the script it is.

``.git/hooks/*``, ``.husky/*`` and ``.envrc`` run later (at the next commit, on entering the
directory), so writing one is ``persistence-write`` by its path alone. When the request gives
the whole new content and the file is inside the configured working directory, the content
is what will run: it is judged as a shell script, line by line as the firewall judges any
command line, and the path finding is dropped only when no line draws a finding (direnv's
own words, ``layout python3``, ``use nix``, ``dotenv``, ``PATH_add bin``, are what an
``.envrc`` is written in). Content that is absent, not text, too long or draws any finding
keeps the path finding. The same holds for the shell writing one with ``echo``,
``printf`` or ``cat <<EOF`` whose words give the text exactly, and ``chmod +x`` on one is
no finding (what it runs was judged when it was written). A start-up file outside the
workspace (``~/.bashrc``, crontab, systemd units, ``/etc/profile.d``) is a finding whatever
its content: those run for every later session, not for this project.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.targets import PERSISTENCE, targets

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope

__all__ = ["DIRENV_WORDS", "hook_written_clean", "printed_text", "script_of", "workspace_hook"]

#: Segments and names of the workspace's own run-later files.
_HOOK_SEGMENTS = ("/.git/hooks/", "/.husky/")
_HOOK_NAMES = frozenset({".envrc"})
#: The direnv standard library's words an ``.envrc`` is written in (direnv's stdlib.sh).
DIRENV_WORDS = frozenset(
    {"layout", "use", "dotenv", "dotenv_if_exists", "path_add", "PATH_add", "watch_file",
     "watch_dir", "strict_env", "unstrict_env", "log_status", "log_error", "has",
     "env_vars_required", "expand_path", "find_up", "MANPATH_add", "PATH_rm", "load_prefix",
     "source_env_if_exists", "fetchurl-none"}
)  # fmt: skip
#: Longest content judged; a longer script keeps the path finding.
_MAX_CONTENT = 16384
_SHELL_MARKS = frozenset("$`;|&<>(){}")


def workspace_hook(path: str, cwd: str, home: str, workspace: str | None) -> str | None:
    """The resolved path when ``path`` names a hook or ``.envrc`` inside the named working
    directory; ``None`` otherwise."""
    if not workspace or workspace == "/":
        return None
    resolved = resolve_path(path, cwd, home)
    root = workspace.rstrip("/")
    if not resolved.startswith(root + "/"):
        return None
    name = posixpath.basename(resolved)
    inside = resolved[len(root) :]
    hooked = name in _HOOK_NAMES or any(segment in inside for segment in _HOOK_SEGMENTS)
    if not hooked or targets().classify(resolved, home) != PERSISTENCE:
        return None
    return resolved


def script_of(resolved: str, content: object) -> str | None:
    """The shell text ``content`` is when written to ``resolved``; ``None`` when it cannot be
    judged (absent, not text, too long, a NUL byte) or must not pass whatever it runs: a
    hook that leaves a process running after git returns (``cmd &``, ``nohup``, ``setsid``)
    starts a daemon at every commit, which no check of the project needs. An ``.envrc``'s
    direnv words with plain arguments become ``true``: they set up the project's
    environment and run nothing else."""
    if not isinstance(content, str) or not content.strip() or len(content) > _MAX_CONTENT:
        return None
    if "\x00" in content or leaves_process(content):
        return None
    if posixpath.basename(resolved) != ".envrc":
        return content
    lines = []
    for line in content.splitlines():
        words = line.split()
        if words and words[0] in DIRENV_WORDS and not _SHELL_MARKS.intersection(line):
            lines.append("true")
        else:
            lines.append(line)
    return "\n".join(lines)


#: Programs that start a command detached from the one running them.
_DETACHERS = frozenset({"nohup", "setsid", "disown", "daemonize", "start-stop-daemon", "daemon"})


def leaves_process(script: str) -> bool:
    """Whether ``script`` puts a command in the background (a lone ``&`` outside quotes) or
    starts one through a detaching program. A quote-aware scan, one pass over the text."""
    quote = ""
    previous = ""
    text = script + "\n"
    for index, char in enumerate(text[:-1]):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and previous in ("", " ", "\t", "\n"):
            quote = "\n"  # a comment runs to the end of the line
        elif char == "&" and previous not in "&<>|" and text[index + 1] not in "&>":
            return True
        previous = char
    words = {word.strip("();{}`$") for word in script.split()}
    return bool(words & _DETACHERS)


#: Programs whose output is known from their words: echo (no options) and printf (a format
#: without conversions), and cat fed by a here-document.
_PRINTERS = frozenset({"echo", "printf", "cat"})


def printed_text(words: list[str | None], heredoc: str | None) -> str | None:  # noqa: PLR0911
    """What ``echo WORDS``, ``printf FORMAT`` or ``cat <<EOF`` writes to standard output,
    when the words say it exactly; ``None`` otherwise (an option, a conversion, an unknown
    word). ``words`` include the program name."""
    if not words or words[0] not in _PRINTERS or any(word is None for word in words):
        return None
    program, args = words[0], [word or "" for word in words[1:]]
    if program == "cat":
        return heredoc if not args and heredoc is not None else None
    if heredoc is not None or any(arg.startswith("-") for arg in args):
        return None
    if program == "echo":
        return " ".join(args) + "\n"
    if len(args) != 1 or "%" in args[0]:
        return None
    text = args[0]
    if "\\" in text.replace("\\n", ""):
        return None  # escapes other than \n are not followed here
    return text.replace("\\n", "\n")


def hook_written_clean(
    path: str, content: str, scope: Scope, job: Any, judge_shell: Callable[..., None]
) -> bool:
    """Whether ``content`` written to ``path`` (a hook or ``.envrc`` of the named workspace)
    draws no finding when judged, by ``judge_shell`` into ``scope``, as the script it is.
    False when ``path`` is not such a file or the content cannot be judged."""
    resolved = workspace_hook(path, job.cwd, scope.home, scope.workspace)
    script = None if resolved is None else script_of(resolved, content)
    if script is None:
        return False
    judge_shell(script, scope, job)
    return not scope.hits
