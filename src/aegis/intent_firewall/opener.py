"""Programs that hand a URL or a file to the desktop's default application: ``xdg-open``,
``wslview``, ``sensible-browser``. (macOS's ``open`` and Windows' ``start`` stay unknown
programs: both are everyday words, and a list of them in a tool call's data, such as
``["open", "pending"]``, must not read as a command line.)

``xdg-open http://localhost:3000`` shows a page in a browser: the URL is judged as any client's
destination (the local host, an allowed host, or *review*). A file is another matter: the
default application of a ``.desktop``, ``.app``, ``.command``, ``.bat`` or ``.jar`` file runs
it, so only a document of the workspace by a viewer's extension (a report, a page, an image)
is opened as a read; any other file, scheme or option is ``user-script`` (*review*).
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import workspace_file

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["opener"]

#: Extensions whose default application only shows the file.
DOCUMENT_SUFFIXES = frozenset(
    {
        *(".html", ".htm", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"),
        *(".md", ".txt", ".csv", ".json", ".log", ".xml", ".mp4", ".mp3", ".wav"),
    }
)
#: Options that only choose how or where the page is shown.
_PLAIN_FLAGS = frozenset({"-g", "-n", "-W", "--wait-apps", "--background", "--new", "--fresh"})
_WEB = ("http://", "https://")


def opener(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge each operand of an opener as the page or document it shows."""
    for arg in args[1:]:
        value = arg[0]
        if value is None:
            judge.hit("user-script", f"{spec.name} opens {arg[1][:80]}, known only at run time")
        elif value.startswith("-"):
            if value not in _PLAIN_FLAGS:
                judge.hit("user-script", f"{spec.name} option {value[:40]} not modelled")
        elif value.lower().startswith(_WEB):
            judge_url(judge.scope, value, arg[1], feed.cwd)
        elif "://" in value or (":" in value and not value.startswith((".", "~"))):
            judge.hit("user-script", f"{spec.name} hands {written_as(value, arg[1])} to a handler")
        elif posixpath.splitext(value.lower())[1] in DOCUMENT_SUFFIXES and workspace_file(
            judge.scope, arg, feed.cwd
        ):
            judge.path(arg, "read", feed.cwd)
        else:
            judge.hit("user-script", f"{spec.name} runs {written_as(value, arg[1])} by its type")
