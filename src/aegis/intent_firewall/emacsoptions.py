"""Emacs's option table (``emacs.c``'s standard arguments and ``startup.el``'s long options),
by what an option's value does; read by :mod:`emacsargs`.

Roles: ``code`` (Lisp text), ``load`` (a Lisp file or library), ``function`` (a function
called), ``dir`` (a directory Lisp is loaded from), ``user`` (another user's init file),
``read`` (a file inserted), ``value`` (a name, size, colour or display), ``unmodelled`` (a
value this table does not judge: refused), ``flag`` (no value).
"""

from __future__ import annotations

__all__ = ["DANGER", "FUNCTIONS", "OPTIONS", "SHORT_VALUES"]

#: Roles from the least to the most powerful: a prefix of several options takes the last.
DANGER = ("flag", "value", "read", "unmodelled", "dir", "user", "function", "load", "code")

_FLAGS = (
    *("--batch", "-batch", "--quick", "-Q", "-q", "--no-init-file", "-no-init-file"),
    *("--no-site-file", "-no-site-file", "--no-site-lisp", "-nsl", "--no-splash"),
    *("-no-splash", "--no-desktop", "-no-desktop", "--debug-init", "-debug-init"),
    *("--no-window-system", "-nw", "--version", "-version", "--help", "-help", "--kill"),
    *("-kill", "--no-x-resources", "-no-x-resources", "--no-blinking-cursor", "-nbc"),
    *("--basic-display", "-D", "--iconic", "-iconic", "--fullscreen", "-fs"),
    *("--maximized", "-mm", "--fullwidth", "-fw", "--fullheight", "-fh"),
    *("--reverse-video", "-rv", "-r", "-reverse", "--vertical-scroll-bars", "-vb"),
    *("--no-build-details", "-nbi", "--no-bitmap-icon", "--no-loadup", "-nl"),
    *("--no-shared-memory", "--module-assertions", "--icon-type", "-itype", "-i"),
    *("--daemon", "-daemon", "--bg-daemon", "--fg-daemon", "--no-splash-screen"),
)
_VALUES = (
    *("--terminal", "-t", "--display", "-d", "-display", "--title", "-T", "-title"),
    *("--name", "-name", "--background-color", "-bg", "--foreground-color", "-fg"),
    *("--font", "-fn", "-font", "--border-color", "-bd", "--border-width", "-bw"),
    *("--internal-border", "-ib", "--geometry", "-g", "-geometry", "--cursor-color"),
    *("-cr", "--mouse-color", "-ms", "-xrm", "--xrm", "--color", "-color"),
    *("--parent-id", "--line-spacing", "-lsp", "--smid", "--timeout"),
)

OPTIONS: dict[str, str] = {
    **dict.fromkeys(_FLAGS, "flag"),
    **dict.fromkeys(_VALUES, "value"),
    **dict.fromkeys(("--eval", "-eval", "--execute", "-execute"), "code"),
    **dict.fromkeys(("--load", "-load", "-l", "--script", "-script"), "load"),
    **dict.fromkeys(("-scriptload", "--scriptload", "-x"), "load"),
    **dict.fromkeys(("--funcall", "-funcall", "-f"), "function"),
    **dict.fromkeys(("--directory", "-directory", "-L"), "dir"),
    **dict.fromkeys(("--init-directory", "-init-directory", "--chdir", "-chdir"), "dir"),
    **dict.fromkeys(("--user", "-user", "-u"), "user"),
    **dict.fromkeys(("--insert", "-insert"), "read"),
    **dict.fromkeys(("--visit", "--file", "--find-file", "-visit", "-file"), "unmodelled"),
    **dict.fromkeys(("--dump-file", "--temacs", "--seccomp", "-temacs"), "unmodelled"),
}

#: One-letter options whose value may be joined to them (``-l/tmp/x.el``).
SHORT_VALUES = frozenset({"-l", "-f", "-L", "-u", "-t", "-d", "-T", "-g", "-x"})

#: Batch entry points Emacs ships that test or compile the workspace's files (the files
#: themselves are judged as operands).
FUNCTIONS = frozenset(
    {
        *("ert-run-tests-batch-and-exit", "ert-run-tests-batch", "batch-byte-compile"),
        *(
            "batch-byte-compile-if-not-done",
            "batch-native-compile",
            "batch-byte-recompile-directory",
        ),
        *("package-lint-batch-and-exit", "checkdoc-file", "batch-update-autoloads"),
        *("loaddefs-generate--emacs-batch", "buttercup-run", "buttercup-run-discover"),
        *("elint-directory", "kill-emacs", "toggle-debug-on-error"),
    }
)
