"""ImageMagick's and GraphicsMagick's command lines (convert, magick, mogrify, composite,
montage, compare, gm): which words are files read and which are written.

Words that are not options are images read, except the last, which is written (every one
for ``mogrify``, which rewrites its inputs). An option's value is judged as a file read
when it looks like one (``-font``, ``-profile``, ``-clut``), so a value never hides a path.
Options that write (``-write``, ``+write``, ``-path``), run a script (``-script``) or
reach the library's registry (``-define`` beyond format settings) are judged as such;
file names that run commands or scripts are :mod:`magickcoders`'s findings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import workspace_script

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["magick"]

#: ``magick TOOL``/``gm TOOL``: the tools, and whether each writes its last operand.
_TOOLS = {
    **dict.fromkeys(("convert", "composite", "montage", "conjure"), "last"),
    **dict.fromkeys(("mogrify",), "all"),
    **dict.fromkeys(("identify", "compare", "stream"), "compare"),
}
#: Built-in image sources written ``name:value`` that name no file.
_BUILTINS = frozenset(
    {
        *("xc", "canvas", "gradient", "radial-gradient", "pattern", "label", "caption"),
        *("rose", "logo", "wizard", "granite", "netscape", "plasma", "fractal", "null"),
        *("info", "histogram", "hald", "tile", "magick", "txt", "sparse-color", "clipboard"),
    }
)
#: Prefixes of ``-define`` keys that only tune an image format's encoder or an operation.
_DEFINES = frozenset(
    {
        *("png", "jpeg", "jpg", "webp", "tiff", "gif", "bmp", "heic", "avif", "jxl", "ico"),
        *("distort", "colorspace", "compose", "filter", "trim", "quantum", "stream", "dds"),
        *("morphology", "convolve", "showkernel", "connected-components", "icon", "pdf"),
    }
)


def magick(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge an ImageMagick or GraphicsMagick command line."""
    words = list(args[1:])
    mode = _TOOLS.get(spec.name, "last")
    if spec.name in ("magick", "gm") and words and (words[0][0] or "") in _TOOLS:
        mode = _TOOLS[words[0][0] or ""]
        words = words[1:]
    elif spec.name == "gm":
        judge.hit("unmodelled-option", f"gm {shown_word(words[:1])}: a tool not modelled")
        return
    operands: list[Arg] = []
    index = 0
    while index < len(words):
        arg = words[index]
        index += 1
        value = arg[0] or ""
        if value[:1] in "-+" and len(value) > 1 and not value[1].isdigit():
            following = words[index] if index < len(words) else None
            if _option(judge, spec.name, value, following, feed) and following is not None:
                index += 1
        else:
            operands.append(arg)
    _operands(judge, mode, operands, feed)


def shown_word(words: list[Arg]) -> str:
    return written_as(words[0][0] or "", words[0][1]) if words else ""


def _option(judge: CommandJudge, name: str, option: str, following: Arg | None, feed: Feed) -> bool:
    """Judge one option; True when it consumed ``following`` as its value."""
    if following is None:
        return False
    value = following[0] or ""
    shown = f"{name} {option} {written_as(value, following[1])}"
    if option in ("-write", "+write"):
        judge.path(_file_part(following), "write", feed.cwd)
        return True
    if option == "-path":
        judge.path(following, "write-tree", feed.cwd)
        return True
    if option == "-script":
        if not workspace_script(judge.scope, following, feed):
            judge.hit("user-script", f"{shown}: a script from outside the workspace")
        return True
    if option == "-define":
        key = value.split(":", 1)[0].lower() if ":" in value else ""
        if key not in _DEFINES:
            judge.hit("unmodelled-option", f"{shown}: a setting not modelled")
        return True
    return False  # any other value is judged with the operands, as a file read at most


def _file_part(arg: Arg) -> Arg:
    """``png:out.png`` is the file ``out.png``; a built-in source names no file."""
    value = arg[0] or ""
    head, found, rest = value.partition(":")
    if found and 1 < len(head) <= 12 and head.isalnum():
        if head.lower() in _BUILTINS:
            return (None, arg[1], arg[2])
        return (rest, arg[1], arg[2])
    return arg


def _operands(judge: CommandJudge, mode: str, operands: list[Arg], feed: Feed) -> None:
    for position, arg in enumerate(operands):
        target = _file_part(arg)
        if target[0] is None or not target[0] or target[0] == "-":
            continue
        last = mode == "last" and position == len(operands) - 1 and position > 0
        if mode == "all" or last:
            judge.path(target, "write", feed.cwd)
        else:
            judge.path(target, "read", feed.cwd)
