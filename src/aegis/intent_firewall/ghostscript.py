"""Ghostscript's command line (gs, gsc, ps2pdf and kin), read the way Ghostscript reads it.

A PostScript or PDF file is a program. Under ``-dSAFER`` (the default since 9.50) it may
read and write only the files the line names; ``-dNOSAFER``, ``-dDELAYSAFER``,
``-dSAFER=false`` and ``--permit-file-*`` beyond the workspace give it the machine, ``-c``
runs PostScript from the line, ``-sOutputFile=%pipe%cmd`` (or ``|cmd``) writes into a
shell command, and ``@file`` reads more options from a file. Settings are allowed from a
table of layout, device and quality parameters; any other is refused (fail closed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.text import written_as
from aegis.intent_firewall.workspacescripts import workspace_script

if TYPE_CHECKING:
    from aegis.intent_firewall.catalogue import Program
    from aegis.intent_firewall.commands import CommandJudge, Feed
    from aegis.intent_firewall.options import Arg

__all__ = ["ghostscript"]

#: ``-dNAME`` and ``-dNAME=value`` settings that change layout, quality or pacing only.
_DEFINES = frozenset(
    {
        *("SAFER", "BATCH", "NOPAUSE", "QUIET", "NOPROMPT", "EPSCrop", "EPSFitPage"),
        *("FirstPage", "LastPage", "TextAlphaBits", "GraphicsAlphaBits", "FIXEDMEDIA"),
        *("CompatibilityLevel", "DEVICEWIDTHPOINTS", "DEVICEHEIGHTPOINTS", "PDFFitPage"),
        *("UseCropBox", "UseTrimBox", "Printed", "NOTRANSPARENCY", "DetectDuplicateImages"),
        *("CompressFonts", "EmbedAllFonts", "SubsetFonts", "NumRenderingThreads"),
        *("MaxBitmap", "BufferSpace", "DownsampleColorImages", "DownsampleGrayImages"),
        *("DownsampleMonoImages", "ColorImageResolution", "GrayImageResolution"),
        *("MonoImageResolution", "JPEGQ", "INTERPOLATE", "DOINTERPOLATE", "NOINTERPOLATE"),
        *("PDFA", "PDFACompatibilityPolicy", "FastWebView", "AutoFilterColorImages"),
        *("NOPLATFONTS", "NOCACHE", "NOGC", "ShowAnnots", "ShowAcroForm", "PreserveAnnots"),
    }
)
#: ``-sNAME=value`` settings that name a device or a layout choice, not a file.
_STRINGS = frozenset(
    {
        *("DEVICE", "PAPERSIZE", "PDFSETTINGS", "AutoRotatePages", "ProcessColorModel"),
        *("ColorConversionStrategy", "ColorConversionStrategyForImages", "DefaultPaperSize"),
        *("PageList", "NupControl", "ColorImageFilter", "GrayImageFilter", "Title"),
    }
)
_OUTPUT = frozenset({"OutputFile"})
_SAFETY_OFF = frozenset({"NOSAFER", "DELAYSAFER", "WRITESYSTEMDICT", "NOSAFETY"})
#: One-letter options with the value joined (``-r300``, ``-g800x600``).
_JOINED = frozenset("rgqPhvK")


def ghostscript(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """Judge a Ghostscript command line; its inputs are read, its output files written."""
    operands: list[Arg] = []
    index = 1
    while index < len(args):
        arg = args[index]
        index += 1
        value = arg[0]
        if value is None:
            judge.hit("dynamic-argument", f"{spec.name} argument {arg[1]}")
        elif value in {"--", "-_", "-"}:
            _stdin(judge, spec.name, value, feed)
            if value == "--":
                operands.extend(args[index : index + 1])  # the program; the rest are its data
                break
        elif value in {"-o", "-c", "-f", "-I"}:
            following = args[index] if index < len(args) else ("", "", False)
            index += 1
            _valued(judge, (spec.name, value), following, feed, operands)
        elif value.startswith("@"):
            _file_of_options(judge, spec.name, arg, feed)
        elif value.startswith("-"):
            _option(judge, spec.name, arg, feed)
        else:
            operands.append(arg)
    words = {arg[0] for arg in args}
    converter = spec.name.startswith(("ps2", "pdf2", "eps2"))  # these add -dSAFER themselves
    if not converter and not words & {"-dSAFER", "-DSAFER"}:
        _unsafe_inputs(judge, spec.name, operands, feed)
    _operands(judge, spec.name, operands, feed)


def _unsafe_inputs(judge: CommandJudge, name: str, operands: list[Arg], feed: Feed) -> None:
    """Without ``-dSAFER`` an older Ghostscript (before 9.50) runs its input unrestricted:
    only the workspace's own files are taken as programs it may run so."""
    for arg in operands:
        if not workspace_script(judge.scope, arg, feed):
            shown = written_as(arg[0] or "", arg[1])
            judge.hit("user-script", f"{name} {shown}: a program from elsewhere without -dSAFER")


def _stdin(judge: CommandJudge, name: str, value: str, feed: Feed) -> None:
    if value != "--" and (feed.stdin_programs or feed.stdin_text is not None):
        judge.hit("pipe-into-interpreter", f"{name} {value}: a PostScript program from input")


def _valued(
    judge: CommandJudge, how: tuple[str, str], arg: Arg, feed: Feed, operands: list[Arg]
) -> None:
    name, option = how
    shown = f"{name} {option} {written_as(arg[0] or '', arg[1])}"
    if option == "-o":
        _output(judge, shown, arg, feed)
    elif option == "-c":
        judge.hit("interpreter-code", f"{shown}: PostScript from the line")
    elif option == "-I":
        _permitted(judge, shown, arg, feed)
    else:
        operands.append(arg)


def _option(judge: CommandJudge, name: str, arg: Arg, feed: Feed) -> None:
    word = arg[0] or ""
    shown = f"{name} {written_as(word, arg[1])}"
    if word.startswith("--permit-"):
        value = word.partition("=")[2]
        for path in value.split(":") if value else [""]:
            _permitted(judge, shown, (path, path, False), feed)
        return
    if word in ("--version", "-v", "--help", "-h", "-q", "-dQUIET"):
        return
    head, found, value = word[2:].partition("=")
    if word[:2] in ("-d", "-D"):
        if head in _SAFETY_OFF or (head == "SAFER" and found and value.lower() in _FALSE):
            judge.hit("interpreter-code", f"{shown}: SAFER off, the program runs commands")
        elif head not in _DEFINES:
            judge.hit("unmodelled-option", f"{shown}: a setting not modelled")
        return
    if word[:2] in ("-s", "-S"):
        if head in _OUTPUT:
            _output(judge, shown, (value, value, False), feed)
        elif head not in _STRINGS or not found:
            judge.hit("unmodelled-option", f"{shown}: a setting not modelled")
        return
    if word[1:2] in _JOINED and word[1:2] != "":
        return
    judge.hit("unmodelled-option", f"{shown}: an option not modelled")


_FALSE = frozenset({"false", "0", "no", "off"})


def _output(judge: CommandJudge, shown: str, arg: Arg, feed: Feed) -> None:
    """``-o FILE``/``-sOutputFile=FILE``: a file written, a shell command when a pipe."""
    value = arg[0] or ""
    if value.startswith("|") or value.lower().startswith(("%pipe%", "%handle%")):
        judge.hit("interpreter-code", f"{shown}: output written into a command")
    elif value not in ("-", "%stdout", "%stdout%", "%stderr", "%stderr%"):
        judge.path((value, arg[1], False), "write", feed.cwd)


def _permitted(judge: CommandJudge, shown: str, arg: Arg, feed: Feed) -> None:
    """A directory the program may reach beyond its named files: the workspace's only."""
    value = (arg[0] or "").rstrip("*").rstrip("/") or "/"
    probe: Arg = (f"{value}/x", arg[1], False)
    if not workspace_script(judge.scope, probe, feed):
        judge.hit("unmodelled-option", f"{shown}: file access beyond the workspace")


def _file_of_options(judge: CommandJudge, name: str, arg: Arg, feed: Feed) -> None:
    """``@FILE``: more options, read from FILE."""
    if not workspace_script(judge.scope, ((arg[0] or "@")[1:], arg[1], arg[2]), feed):
        judge.hit("unmodelled-option", f"{name} {arg[1]}: options read from a file elsewhere")


def _operands(judge: CommandJudge, name: str, operands: list[Arg], feed: Feed) -> None:
    """Inputs are read; ps2pdf and kin take ``INPUT [OUTPUT]``."""
    converter = name.startswith(("ps2", "pdf2", "eps2"))
    for position, arg in enumerate(operands):
        last = converter and position == 1
        judge.path(arg, "write" if last else "read", feed.cwd)
