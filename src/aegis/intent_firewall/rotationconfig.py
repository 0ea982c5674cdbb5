"""A logrotate configuration written in full: the command lines it amounts to.

The firewall allows ``logrotate -s STATE CONF`` on a workspace configuration (``dataops.py``),
so what that configuration does is judged when it is written, as a Makefile's recipes are
(``autorun.py``). Its script blocks (``postrotate`` … ``endscript`` and kin, text on the
keyword's own line included) are shell lines run at rotation; ``compresscmd`` and kin name
programs it runs; the files it rotates, truncates or moves (the paths before each ``{``,
``olddir``) are written, stood for by ``touch PATH`` so that a path outside the workspace
or a credential keeps its finding; ``include`` runs another configuration's rotations,
stood for by a write of what it names; ``compresscmd /path`` runs that file, judged as
``sh /path``; ``mail ADDRESS`` sends the rotated log to that address's domain, stood for
by a connection to it. A linear scan, at most 64 lines.
"""

from __future__ import annotations

__all__ = ["is_rotation_config", "rotation_commands"]

_SCRIPT_STARTS = frozenset({"postrotate", "prerotate", "firstaction", "lastaction", "preremove"})
_PROGRAM_DIRECTIVES = frozenset({"compresscmd", "uncompresscmd"})
_MAX_COMMANDS = 64
_MAX_LINE = 2048
#: Characters of a path written into a shell line as it is (globs kept as globs).
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-*?~+@,=")


def is_rotation_config(path: str) -> bool:
    """``ops/logrotate-dev.conf``, ``/etc/logrotate.d/app``: a logrotate configuration."""
    lowered = path.replace("\\", "/").casefold()
    return "logrotate" in lowered.rsplit("/", 2)[-1] or "/logrotate.d/" in lowered


def _word(path: str) -> str:
    path = path.strip().strip("'\"")
    return path if _PLAIN.issuperset(path) else "'" + path.replace("'", "'\\''") + "'"


def _directive(words: list[str], out: list[str]) -> None:
    name = words[0].casefold()
    rest = words[1:]
    if name in _PROGRAM_DIRECTIVES and rest:
        # a program named by its path is a script of that path run (sh FILE is judged so)
        program = _word(rest[0])
        out.append(f"sh {program}" if "/" in program else program)
    elif name == "olddir" and rest:
        out.append(f"touch {_word(rest[0])}")
    elif name == "include" and rest:
        # another configuration's rotations are run with this one: its logs are written
        out.append(f"touch {_word(rest[0])}")
    elif name == "mail" and rest:
        domain = rest[0].rpartition("@")[2] or rest[0]
        out.append(f"curl smtp://{_word(domain)}")


def rotation_commands(text: str) -> list[str]:
    """The command lines a logrotate configuration's text amounts to."""
    out: list[str] = []
    in_script = False
    for raw in text.splitlines():
        if len(out) >= _MAX_COMMANDS:
            break
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if in_script:
            if line.casefold() == "endscript":
                in_script = False
            else:
                out.append(line[:_MAX_LINE])
            continue
        first, *inline = line.split(None, 1)
        if first.casefold() in _SCRIPT_STARTS:
            in_script = True
            out.extend(text[:_MAX_LINE] for text in inline)  # firstaction CMD: a script line
            continue
        if "{" in line:
            head = line.split("{", 1)[0]
            out.extend(f"touch {_word(path)}" for path in head.split()[:16])
            continue
        if line.startswith(("/", "~", ".", '"', "'")) and "{" not in line:
            out.extend(f"touch {_word(path)}" for path in line.split()[:16])  # brace below
            continue
        if line != "}":
            _directive(line.split(), out)
    return out[:_MAX_COMMANDS]
