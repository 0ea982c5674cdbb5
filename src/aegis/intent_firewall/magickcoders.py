"""ImageMagick and GraphicsMagick file names that run commands, read other files or run
scripts, whatever the program's entry says about its operands.

A file name is more than a path to these programs: ``|cmd`` (also after a coder,
``png:|cmd``) reads from or writes into a shell command; ``@list`` reads the names, and
``text:@file``/``label:@file``/``-draw @file`` the contents, of another file; the ``msl``,
``mvg`` and ``svg`` coders run scripts that read and write any file, and are chosen by a
prefix (``msl:x``, upper or lower case) or by the file's extension (``x.msl``);
``ephemeral:`` deletes what it reads. Scripts of the workspace stay allowed; the rest is a
user script, and a command is interpreter code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import workspace_script

if TYPE_CHECKING:
    from aegis.intent_firewall.access import Scope
    from aegis.intent_firewall.commands import Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["magick_coders"]

PROGRAMS = frozenset(
    {
        *("convert", "magick", "mogrify", "identify", "composite", "montage", "compare"),
        *("stream", "display", "import", "animate", "conjure", "gm", "magick-script"),
    }
)
#: Coders whose input is a script that reads and writes files (or runs delegates).
#: (PostScript, PDF and their kin go to Ghostscript, which runs them as programs.)
_SCRIPT_CODERS = frozenset(
    {
        *("msl", "mvg", "svg", "svgz", "msvg", "rsvg", "ps", "eps", "epi", "epsi", "epsf"),
        *("ept", "pdf", "epdf", "ai", "ps2", "ps3", "xps", "pcl", "html", "htm", "shtml"),
    }
)
_SCRIPT_CODERS_ANYWHERE = frozenset({"msl", "mvg", "msvg"})
#: Coders whose value is text or a name, read from a file when it starts with ``@``.
_TEXT_CODERS = frozenset({"text", "label", "caption", "pango"})
#: Coders that act on files beside reading them, or fetch from elsewhere.
_ACTING_CODERS = frozenset({"ephemeral", "inline", "fd", "url", "ftp", "http", "https"})


def magick_coders(scope: Scope, name: str, args: list[Arg], feed: Feed) -> None:
    """Findings for the file names and ``@`` arguments of an ImageMagick command."""
    if name not in PROGRAMS:
        return
    for arg in args[1:]:
        value = arg[0]
        if value is None or not value or (value.startswith("-") and len(value) > 1):
            continue
        shown = f"{name} {written_as(value, arg[1])}"
        coder, _, rest = value.partition(":") if _has_coder(value) else ("", "", value)
        coder = coder.lower()
        if rest.startswith("|") or value.startswith("|"):
            scope.hit("interpreter-code", f"{shown}: a file name that runs a command")
        elif rest.startswith("@") and (coder in _TEXT_CODERS or not coder):
            scope.hit("user-script", f"{shown}: reads another file's names or text")
        elif coder in _ACTING_CODERS:
            scope.hit("unmodelled-option", f"{shown}: the {coder} coder acts beyond reading")
        elif coder in _SCRIPT_CODERS or _script_extension(rest, coder):
            _script(scope, (coder or rest.rsplit(".", 1)[-1].lower(), shown), rest, arg, feed)


def _has_coder(value: str) -> bool:
    """``png:x``, ``MSL:/tmp/x``: a coder prefix of letters and digits (not ``C:\\``)."""
    head, found, _ = value.partition(":")
    return bool(found) and 1 < len(head) <= 12 and head.isascii() and head.isalnum()


def _script_extension(rest: str, coder: str) -> bool:
    return not coder and "." in rest and rest.rsplit(".", 1)[1].lower() in _SCRIPT_CODERS


def _script(scope: Scope, how: tuple[str, str], rest: str, arg: Arg, feed: Feed) -> None:
    """A script coder: allowed on a file of the workspace, except MSL and MVG given as an
    input anywhere (they read and write any file by design)."""
    coder, shown = how
    if coder in _SCRIPT_CODERS_ANYWHERE:
        scope.hit("user-script", f"{shown}: an {coder.upper()} script reads and writes files")
    elif not workspace_script(scope, (rest, rest, arg[2]), feed):
        scope.hit("user-script", f"{shown}: a {coder.upper()} file from outside the workspace")
