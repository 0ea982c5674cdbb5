"""IPython, Jupyter and papermill options that run code before, or instead of, what the line
shows: configuration settings (``--InteractiveShellApp.exec_lines=…``, ``--Class.trait``
for any class), extensions and configuration files loaded at start, profiles whose startup
files run, and notebooks executed by ``nbconvert --execute``, ``jupyter execute`` or
``papermill``. A setting this module does not know is refused (traitlets accepts any class
name a loaded extension defines); the notebooks executed must be files of the workspace.

These findings are added to what the catalogue's entries already judge (servers' binds and
tokens, ``ipython -c``, ``jupyter run``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import workspace_script

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope
    from aegis.intent_firewall.commands import Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["notebook_cli"]

PROGRAMS = frozenset({"ipython", "ipython3", "jupyter", "papermill"})

#: Settings (``--Class.trait``, by trait) that change nothing but output, limits or where a
#: server listens (binds and tokens are judged by the catalogue).
_PLAIN_TRAITS = frozenset(
    {
        *("enabled", "timeout", "kernel_name", "allow_errors", "colors", "token", "password"),
        *("ip", "port", "open_browser", "remove_cell_tags", "remove_input_tags"),
        *("remove_all_outputs_tags", "remove_single_output_tags", "log_level", "root_dir"),
        *("notebook_dir", "hashed_password", "allow_root", "allow_origin", "disable_check_xsrf"),
        *("output_files_dir", "exclude_input", "exclude_output", "exclude_input_prompt"),
        *("confirm_exit", "banner1", "autocall", "automagic", "history_length", "base_url"),
    }
)
#: Options (aliases) that load code or pick where start-up code comes from.
_LOADING = frozenset(
    {
        *("--ext", "--config", "--profile-dir", "--ipython-dir", "-m", "--gui", "--pylab"),
        *("--matplotlib", "--template", "--template-file", "--preprocessors", "--exporter"),
        *("--post", "--postprocessor", "--kernel", "--cwd", "--parameters_file", "-f"),
        *("--extra-template-basedirs", "--writer", "--engine", "--request-save-on-cell-execute"),
    }
)
#: Values of --gui, --pylab, --matplotlib, --kernel and --to that name built-in choices.
_BUILTIN_VALUES = frozenset(
    {
        *("qt", "qt5", "qt6", "tk", "inline", "auto", "agg", "osx", "gtk", "gtk3", "wx"),
        *("python3", "python", "html", "pdf", "latex", "markdown", "notebook", "script", "rst"),
        *("lab", "classic", "basic", "reveal", "full", "serve"),
    }
)
#: Subcommands that run notebooks given as operands.
_EXECUTES = frozenset({"execute", "nbclient"})
#: Subcommands that install or enable code the server or kernel loads.
_INSTALLS = frozenset(
    {"nbextension", "labextension", "serverextension", "server", "kernelspec", "bundlerextension"}
)
_INSTALL_VERBS = frozenset({"install", "enable", "develop", "link", "update", "build"})


def notebook_cli(scope: Scope, name: str, args: list[Arg], feed: Feed) -> None:
    """Findings for ``name``'s options and the notebooks it executes."""
    if name not in PROGRAMS:
        return
    words = [arg[0] or "" for arg in args[1:]]
    subcommand = next((w for w in words if not w.startswith("-")), "")
    operands = _operands(args[1:])
    executes = name == "papermill" or subcommand in _EXECUTES
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word.startswith("-") and _loads_code(word, following):
            scope.hit("interpreter-code", f"{name} {word[:120]}: code loaded before the command")
        if word == "--execute" or _execute_trait(word):
            executes = True
    if name == "jupyter" and subcommand in _INSTALLS and set(words) & _INSTALL_VERBS:
        scope.hit("user-script", f"jupyter {subcommand}: installs code the server or kernel runs")
    if name == "jupyter" and subcommand == "trust":
        executes = True  # a trusted notebook's output runs in the browser when opened
    if not executes:
        return
    notebooks = operands[1:] if name == "jupyter" else operands[:1]
    for arg in notebooks:
        if arg[0] in _INSTALL_VERBS or not workspace_script(scope, arg, feed):
            shown = written_as(arg[0] or "", arg[1])
            scope.hit("user-script", f"{name} executes {shown}, not a workspace notebook")


def _loads_code(word: str, following: str) -> bool:
    """A setting outside the plain ones, or an option that loads code or picks where
    start-up code comes from (a built-in choice, ``--gui qt``, loads nothing new)."""
    head, found, value = word.partition("=")
    if head.startswith("--") and "." in head:
        return head.rsplit(".", 1)[1] not in _PLAIN_TRAITS
    if head not in _LOADING:
        return False
    return (value if found else following) not in _BUILTIN_VALUES


#: Options of these programs whose value is the next word (two for papermill's -p and -r).
_VALUES = {
    **dict.fromkeys(("--to", "--output", "--output-dir", "--template", "--kernel"), 1),
    **dict.fromkeys(("-k", "--cwd", "-f", "--parameters_file", "-y", "--parameters_yaml"), 1),
    **dict.fromkeys(("-b", "--parameters_base64", "--engine", "-l", "--language"), 1),
    **dict.fromkeys(("--log-level", "--execution-timeout", "--start-timeout"), 1),
    **dict.fromkeys(("-p", "--parameters", "-r", "--parameters_raw"), 2),
}


def _operands(args: list[Arg]) -> list[Arg]:
    """The words that are neither options nor option values."""
    operands: list[Arg] = []
    skip = 0
    for arg in args:
        value = arg[0]
        if skip:
            skip -= 1
        elif value is None or not value.startswith("-"):
            operands.append(arg)
        else:
            skip = _VALUES.get(value, 0)
    return operands


def _execute_trait(word: str) -> bool:
    head, _, value = word.partition("=")
    return head.endswith("ExecutePreprocessor.enabled") and value.lower() in ("true", "1")
