"""IPython magics and shell escapes in a notebook or IPython cell, read as what they run.

A cell given to a notebook or Python tool is Python with IPython's own lines mixed in:
``!cmd`` and ``%sx``/``%system`` run a shell command, ``%pip``/``%conda`` run the installer,
``%%bash``/``%%sh``/``%%script`` hand the cell to a shell, ``%run`` runs a script,
``%cd`` moves where later imports come from, ``%env`` prints or sets variables,
``%%writefile`` writes a file, ``%load_ext`` imports an extension. Each is turned into the
command line it amounts to (judged like any other), the statement of ``%time``/``%timeit``
stays Python, display settings pass, and a magic this table does not know is refused. The
Python left (magic lines blanked to ``pass``) is judged as the cell's code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Cell", "notebook_cell", "read_cell"]


@dataclass(slots=True)
class Cell:
    python: str
    #: Shell command lines the cell runs, in order.
    shell: list[str] = field(default_factory=list)
    #: (rule, evidence) for magics that are refused as they stand.
    findings: list[tuple[str, str]] = field(default_factory=list)


_SHELL_CELLS = frozenset({"bash", "sh", "zsh", "system"})
_PYTHON_CELLS = frozenset({"time", "timeit", "capture", "prun", "memit", "python", "python3"})
_DISPLAY_CELLS = frozenset({"markdown", "latex", "svg", "writefile"})
_INSTALLERS = frozenset({"pip", "conda", "mamba", "micromamba", "uv"})
_SHELL_LINES = frozenset({"sx", "system", "sc"})
_STATEMENTS = frozenset({"time", "timeit", "prun", "memit", "lprun"})
#: Line magics that change display, reloading or the session's own names only.
_SETTINGS = frozenset(
    {
        *("matplotlib", "autoreload", "aimport", "precision", "pwd", "who", "whos"),
        *("who_ls", "reset", "xmode", "pdb", "lsmagic", "magic", "quickref", "automagic"),
        *("colors", "doctest_mode", "pinfo", "pinfo2", "psearch", "history", "hist", "page"),
    }
)
#: Extensions IPython or common profilers ship that add magics and nothing else.
_EXTENSIONS = frozenset(
    {
        *("autoreload", "storemagic", "line_profiler", "memory_profiler", "sql", "watermark"),
        *("autotime", "pyinstrument", "snakeviz", "jupyter_black", "lab_black", "nb_black"),
    }
)
_MAX_LINES = 2000


def read_cell(text: str) -> Cell | None:
    """The cell read as Python and the commands its magics run; ``None`` when no line is a
    magic or a shell escape (the text is plain Python, judged as before)."""
    lines = text.split("\n")
    if len(lines) > _MAX_LINES:
        return None
    if not any(_magic_start(line.lstrip()) for line in lines):
        return None
    cell = Cell("")
    first = lines[0].strip()
    if first.startswith("%%"):
        _cell_magic(cell, first[2:], "\n".join(lines[1:]))
        return cell
    kept = [_line(cell, line) for line in lines]
    cell.python = "\n".join(kept)
    return cell


def _magic_start(stripped: str) -> bool:
    if stripped.startswith(("!", "%")):
        return True
    head, found, rest = stripped.partition("=")
    return bool(found) and head.strip().isidentifier() and rest.lstrip().startswith(("!", "%"))


def _cell_magic(cell: Cell, header: str, body: str) -> None:
    name, _, args = header.partition(" ")
    words = args.split()
    if name in _SHELL_CELLS or (name == "script" and words and _shell_name(words[0])):
        cell.shell.append(body)
    elif name in _PYTHON_CELLS or (name == "script" and words and words[0].startswith("python")):
        inner = read_cell(body)
        if inner is None:
            cell.python = body
        else:
            cell.python = inner.python
            cell.shell.extend(inner.shell)
            cell.findings.extend(inner.findings)
    elif name == "writefile" and words:
        # the file is written now and run later: a Python or shell file's text is judged as
        # the code it will be (other files only as the path written)
        target = words[-1]
        cell.shell.append(f"tee {_quoted(target)} < /dev/null")
        if target.endswith((".py", ".ipy")):
            cell.python = body
        elif target.endswith((".sh", ".bash", ".zsh")) or body.startswith("#!"):
            cell.shell.append(body)
    elif name not in _DISPLAY_CELLS:
        cell.findings.append(("interpreter-code", f"cell magic %%{header[:80]}"))


def _shell_name(word: str) -> bool:
    return word.rsplit("/", 1)[-1] in ("sh", "bash", "zsh", "dash")


def _line(cell: Cell, line: str) -> str:
    stripped = line.lstrip()
    indent = line[: len(line) - len(stripped)]
    if not _magic_start(stripped):
        return line
    head, found, rest = stripped.partition("=")
    if found and head.strip().isidentifier() and rest.lstrip().startswith(("!", "%")):
        stripped = rest.lstrip()  # files = !ls: the output assigned
    if stripped.startswith("!"):
        cell.shell.append(stripped.lstrip("!"))
        return indent + "pass"
    name, _, args = stripped[1:].partition(" ")
    statement = _line_magic(cell, name.lstrip("%"), args.strip())
    return indent + (statement or "pass")


def _line_magic(cell: Cell, name: str, args: str) -> str | None:
    """The Python statement a line magic leaves (``%timeit f()``: ``f()``), after noting
    the commands it runs."""
    if name in _INSTALLERS:
        cell.shell.append(f"{name} {args}")
    elif name in _SHELL_LINES:
        cell.shell.append(_captured(args) if name == "sc" else args)
    elif name in {"run", "load"}:
        cell.shell.append(f"python3 {_run_arguments(args)}")
    elif name == "cd":
        cell.shell.append(f"cd {args or '~'} && python3 -c pass")
    elif name == "env":
        cell.shell.append(_env(args))
    elif name in ("load_ext", "reload_ext"):
        if args not in _EXTENSIONS:
            cell.findings.append(("user-script", f"%{name} {args[:80]}: an extension imported"))
    elif name in _STATEMENTS:
        return _statement(args)
    elif name == "config" and args.startswith("InlineBackend."):
        return None
    elif name not in _SETTINGS:
        cell.findings.append(("interpreter-code", f"magic %{name} {args[:80]}".rstrip()))
    return None


def _captured(args: str) -> str:
    """``%sc -l files=ls data``: the command after the options and the variable's name."""
    words = args.split(" ")
    while words and words[0].startswith("-"):
        words = words[1:]
    line = " ".join(words)
    head, found, rest = line.partition("=")
    return rest if found and head.strip().isidentifier() else line


def _run_arguments(args: str) -> str:
    """``%run -i -t script.py a b``: the script and its arguments (``-m`` kept)."""
    words = args.split(" ")
    while words and words[0].startswith("-") and words[0] != "-m":
        words = words[1:]
    return " ".join(words)


def _env(args: str) -> str:
    if not args:
        return "env"
    if "=" in args:
        name, _, value = args.partition("=")
        return f"export {name.strip()}={_quoted(value.strip())}"
    name, _, value = args.partition(" ")
    if value:
        return f"export {name}={_quoted(value.strip())}"
    return f"printenv {name}"


def _statement(args: str) -> str:
    """The statement after ``%timeit -n 10 -r 3`` and kin."""
    words = args.split(" ")
    while words and words[0].startswith("-"):
        option = words.pop(0)
        if option in ("-n", "-r", "-p", "-l", "-s", "-T", "-D", "-f") and words:
            words.pop(0)
    return " ".join(words) or "pass"


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "'\\''") + "'"


def notebook_cell(key: str, words: frozenset[str], text: str) -> Cell | None:
    """The cell under ``key`` of a notebook, IPython or Python tool (``execute_cell {code}``,
    ``run_python {code}``), read by :func:`read_cell`; ``None`` for any other value."""
    from aegis.intent_firewall.languagetools import code_program
    from aegis.intent_firewall.valuereading import CODE_KEYS, KERNEL_WORDS

    if key not in CODE_KEYS:
        return None
    program = code_program(words, key)
    if not (words & KERNEL_WORDS or (program is not None and program[0].startswith("python"))):
        return None
    return read_cell(text)
