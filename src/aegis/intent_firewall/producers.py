"""What the stage before ``xargs`` writes: the operands xargs hands to its command.

``find / -name id_rsa | xargs cat`` reads every ``id_rsa`` below ``/``; ``echo ~/.ssh/id_rsa |
xargs cat`` reads that key. The operands are known (echo, printf) or have a shape (files
below find's roots with the name it looks for; files below grep's or ls's operands); for any
other producer they are unknown, and the caller fails closed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aegis.intent_firewall.options import Arg

__all__ = ["Produced", "produced"]

_SEARCHERS = frozenset({"find", "gfind", "bfs"})
_LISTERS = frozenset({"ls", "tree", "du", "grep", "egrep", "fgrep", "rg", "ag", "ack", "fd",
                      "fdfind", "git", "dirname", "realpath", "readlink"})  # fmt: skip
_INDEXES = frozenset({"locate", "mlocate", "plocate", "slocate"})
_NAME_TESTS = frozenset({"-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename"})
_ECHO_FLAGS = frozenset({"-n", "-e", "-E", "-ne", "-en"})
_MAX_WORDS = 64


@dataclass(slots=True)
class Produced:
    """Words the producer writes (as operands for the command) and the trees they come from."""

    operands: list[Arg] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)


def produced(producer: tuple[Arg, ...], cwd: str) -> Produced | None:
    """The operands ``producer`` (a command's words) writes to xargs; ``None`` if unknown."""
    if not producer or producer[0][0] is None:
        return None
    name = producer[0][0].rsplit("/", 1)[-1].lower()
    args = list(producer[1:])
    if name in ("echo", "printf"):
        return _words([a for a in args if a[0] not in _ECHO_FLAGS], printf=name == "printf")
    if name in _SEARCHERS:
        return _find(args)
    if name in _INDEXES:
        patterns = [a for a in args if a[0] is not None and not a[0].startswith("-")]
        return Produced([_below("/", a) for a in patterns][:_MAX_WORDS], ["/"])
    if name in _LISTERS:
        roots = [a[0] for a in args if a[0] is not None and _path_like(a[0])]
        return Produced([], roots or ["."])  # names relative to the working directory
    return None


def _words(args: list[Arg], *, printf: bool) -> Produced | None:
    """What echo prints; for printf, a format's words without directives, then its args."""
    if any(a[0] is None for a in args) or (printf and not args):
        return None
    texts = [a[0] or "" for a in args]
    if printf:
        texts[0] = " ".join(w for w in texts[0].replace("\\n", " ").split() if "%" not in w)
    words = [word for text in texts for word in text.replace("\\t", " ").split()]
    return Produced([(w, w, False) for w in words[:_MAX_WORDS]])


def _find(args: list[Arg]) -> Produced:
    """Files below find's roots; with a name test, files of that name below them."""
    roots: list[str] = []
    index = 0
    while index < len(args) and args[index][0] is not None:
        value = args[index][0] or ""
        if value.startswith(("-", "(", "!", ")")):
            break
        roots.append(value)
        index += 1
    roots = roots or ["."]
    names: list[Arg] = []
    while index < len(args) - 1:
        if args[index][0] in _NAME_TESTS and args[index + 1][0] is not None:
            names.append(args[index + 1])
            index += 1
        index += 1
    operands = [_below(root, name) for root in roots[:8] for name in names[:8]]
    return Produced(operands, roots)


def _below(root: str, name: Arg) -> Arg:
    """A file called ``name`` below ``root``, as a path the target rules can classify."""
    value = name[0] or ""
    base = value.rsplit("/", 1)[-1] if "/" in value else value
    glob = any(c in base for c in "*?[")
    return (root.rstrip("/") + "/" + base, f"{name[1]} below {root}", glob)


def _path_like(value: str) -> bool:
    return value.startswith(("/", "~", ".")) or "/" in value
