"""Splitting an argument vector into options and operands by a catalogue entry.

Options are read the way getopt does: ``--name=value`` and ``--name value``; short
clusters such as ``-rf`` or ``-n5`` or ``-o/tmp/x``; ``--`` ends the options. Whether an
option takes a value, and what that value is (a file read, a URL, inline code …), comes
from the catalogue, so ``grep -e PATTERN`` and ``curl -o FILE`` are read correctly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from aegis.intent_firewall.catalogue import Program, catalogue

__all__ = ["NO_VALUE", "Arg", "Parsed", "is_number", "operands_past", "parse_options"]

#: One argument: its static value (``None`` when only known at run time), how it was
#: written, and whether it holds an unquoted glob.
Arg = tuple[str | None, str, bool]

#: Roles of options that take no value.
NO_VALUE = frozenset({"flag"})
_STOPPERS = frozenset({"code", "module", "script"})
#: Roles that depend on the next argument (see :func:`_conditional`).
_CONDITIONAL = frozenset({"write-or-flag", "read-or-flag"})


def _takes_value(role: str) -> bool:
    return not (role in NO_VALUE or role.startswith(("mode:", "finding:")))


@dataclass(slots=True)
class Parsed:
    operands: list[Arg] = field(default_factory=list)
    #: (role, value arg, option as written) for every option that carried a value or effect.
    options: list[tuple[str, Arg, str]] = field(default_factory=list)
    modes: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    #: Arguments after an option that ends the program's own arguments (``python -c``).
    rest: list[Arg] = field(default_factory=list)


def _conditional(role: str, following: Arg | None, attached: str | None) -> str:
    """``-O`` is a flag for curl and takes a file for wget: a URL next means flag. A
    number option takes a value only when one is attached or the next word is a number."""
    if role == "number":
        return _number(attached, following)
    if attached is not None:
        following = None
    if role in ("write-or-flag", "read-or-flag"):
        if following is None or following[0] is None or "://" in following[0]:
            return "flag"
        return role.split("-", 1)[0]
    return role


def parse_options(spec: Program, args: list[Arg], *, stop_roles: bool = False) -> Parsed:  # noqa: PLR0912
    """Operands and options of ``args`` (the program name excluded)."""
    parsed = Parsed([], [], set(), set(), [])  # no default factories called: runs per command
    index = 0
    while index < len(args):
        arg = args[index]
        value = arg[0]
        index += 1
        if value is None or not value.startswith("-") or value == "-":
            parsed.operands.append(arg)
            continue
        if value == "--":
            parsed.operands.extend(args[index:])
            break
        role = spec.options.get(value)
        if role == "flag":  # the common option: one the entry names, taking no value
            parsed.flags.add(value)
            continue
        following = args[index] if index < len(args) else None
        name, attached = value, None
        if role is None:
            role, name, attached = _unnamed_option(spec, value, parsed)
        if role in _CONDITIONAL or role == "number":
            role = _conditional(role, following, attached)
        if role == "flag" and name not in spec.options:
            if attached is not None:
                role = "unmodelled"  # --name=value the catalogue does not know: fail closed
            elif name in catalogue().path_options and following is not None:
                # -o/--output and kin usually name a file written; the program's entry does
                # not say, so the next word is judged as such too (and stays an operand)
                parsed.options.append(("unmodelled", following, name))
        if role == "flag" or not _takes_value(role):
            parsed.flags.add(name)
            if role.startswith("mode:"):
                parsed.modes.add(role[5:])
            elif role.startswith("finding:"):
                parsed.options.append((role, (name, name, False), name))
            continue
        role, option_value, index = _option_value(role, args, index, attached)
        parsed.options.append((role, option_value, name))
        if stop_roles and role in _STOPPERS:
            parsed.rest = args[index:]
            break
    return parsed


def _unnamed_option(spec: Program, value: str, parsed: Parsed) -> tuple[str, str, str | None]:
    """The role, name and attached value of an option the entry does not name as written:
    one of several letters (``-MF``), a single-dash program's, ``--name=value``, a cluster
    (``-rf``, ``-n5``) or one with its value attached (``-fplugin=/x.so``)."""
    if value in spec.values:
        return "value", value, None  # -MF, -name, -family: one option, not a cluster
    if spec.single_dash:
        return _single_dash(spec, value)
    if value.startswith("--") and "=" in value:
        name, _, attached = value.partition("=")
        return spec.option_role(name), name, attached
    if not value.startswith("--") and len(value) > 2:
        if "=" in value or ":" in value:  # -fplugin=/x.so; most clusters are -rf
            role, option, tail = _prefixed(spec, value)
            if role is not None:
                return role, option, tail
        return _cluster(spec, value, parsed)
    return spec.option_role(value), value, None


def _option_value(
    role: str, args: list[Arg], index: int, attached: str | None
) -> tuple[str, Arg, int]:
    """The option's role, its value (attached or the next word) and where operands resume;
    ``jq --rawfile NAME FILE`` (role ``name+read``) skips the name first."""
    if role.startswith("name+"):
        role = role[5:]
        if attached is None and index < len(args):
            index += 1
        attached = None
    if attached is not None:
        return role, (attached, attached, False), index
    if index < len(args):
        return role, args[index], index + 1
    return role, ("", "", False), index


def is_number(value: str) -> bool:
    """A count, timeout, size, TTL or port as options take them: ``12``, ``0.5``, ``10s``,
    ``1M``, ``0x10``, ``20-30``, ``5,3,10``; never a dotted address (``10.0.0.1``) nor a
    name (``evil.example``). Linear, bounded."""
    if not 0 < len(value) <= 32:
        return False
    for part in value.replace("-", ",").split(","):
        if part[:2].lower() == "0x":
            if not (len(part) > 2 and all(c in _HEX for c in part[2:])):
                return False
            continue
        digits = part.rstrip(_UNIT_LETTERS)
        whole, _, fraction = digits.partition(".")
        if not whole.isdigit() or not (fraction == "" or fraction.isdigit()):
            return False
        if len(part) - len(digits) > 3:
            return False
    return value.isascii()


_HEX = frozenset("0123456789abcdefABCDEF")
#: Unit suffixes of counts, sizes and durations (``10s``, ``1M``, ``64k``, ``5ms``, ``1MiB``).
_UNIT_LETTERS = "smhdkKMGTBbi%"


def _number(attached: str | None, following: Arg | None) -> str:
    """An option whose value is a number takes the next word only when that word is one:
    ``traceroute -m 12 HOST``. When the catalogue is wrong and the program reads the
    option as a flag, the word after it is the destination and is judged as such, so a
    grammar mistake cannot hide a host (``traceroute -F evil.example``)."""
    if attached is not None:
        return "value"
    if following is not None and following[0] is not None and is_number(following[0]):
        return "value"
    return "flag"


def _single_dash(spec: Program, value: str) -> tuple[str, str, str | None]:
    """``-batch``, ``--batch``, ``-vettool=X`` for a program whose long options take one
    dash: the whole word is one option (either dash count), its value attached after ``=``
    or the next word. ``-Iinclude`` is a listed one-letter option with its value attached.
    An option the entry does not list is a flag, or with ``=value`` an unmodelled value
    (fail closed): never a cluster of letters."""
    if ("=" in value or ":" in value) and not value.startswith("--"):
        role, name, joined = _prefixed(spec, value)  # -javaagent:/x.jar, -fplugin=/x.so
        if role is not None:
            return role, name, joined
    head, found, tail = value.partition("=")
    attached = tail if found else None
    twin = head[1:] if head.startswith("--") else "-" + head
    for name in (head, twin):
        role = spec.options.get(name)
        if role is None and name in spec.values:
            role = "value"
        if role is not None:
            return role, name, attached
    if not head.startswith("--") and len(head) > 2:
        longest = min(len(head) - 1, _MAX_OPTION) if spec.single_dash == "joined" else 2
        for size in range(longest, 1, -1):  # gcc -MFdeps.d, -isystem/x, -Iinclude
            prefix = value[:size]
            role = spec.options.get(prefix) or ("value" if prefix in spec.values else None)
            if role is not None and _takes_value(role):
                return role, prefix, value[size:]
    return "flag", head, attached


#: Longest option name looked for at the start of a word with its value joined.
_MAX_OPTION = 24


def _prefixed(spec: Program, value: str) -> tuple[str | None, str, str | None]:
    """``-fplugin=/x.so``, ``-javaagent:/x.jar``: a single-dash option the catalogue lists
    with its separator, whose value is attached after it; ``-std=c11``: one it lists under
    ``values``, with the value after ``=``."""
    for separator in "=:":
        head, found, tail = value.partition(separator)
        role = spec.options.get(head + separator) if found else None
        if role is not None:
            return role, head + separator, tail
    head, found, tail = value.partition("=")
    if found and head in spec.values:
        return "value", head, tail  # -std=c11, -march=native
    return None, value, None


def _cluster(spec: Program, value: str, parsed: Parsed) -> tuple[str, str, str | None]:
    """Read ``-rf`` or ``-n5``: flags until the first letter that takes a value."""
    for position, letter in enumerate(value[1:], start=2):
        name = "-" + letter
        role = spec.option_role(name)
        if role == "flag":  # the common letter: nothing but a flag
            parsed.flags.add(name)
            continue
        if _takes_value(role) and role not in _CONDITIONAL:
            rest = value[position:]
            return role, name, rest if rest else None
        parsed.flags.add(name)
        if role.startswith("mode:"):
            parsed.modes.add(role[5:])
        elif role.startswith("finding:"):
            parsed.options.append((role, (name, name, False), name))
    return "flag", value, None


def operands_past(
    words: list[Arg], value_options: frozenset[str], *, dynamic: bool = False
) -> list[Arg]:
    """The operands among ``words``: not options, not ``--``, not the value of an option in
    ``value_options`` (``-u NAME``). A word known only at run time is an operand when
    ``dynamic`` (it may name anything), else passed over."""
    operands: list[Arg] = []
    skip = False
    for arg in words:
        value = arg[0]
        if skip:
            skip = False
        elif value is None:
            if dynamic:
                operands.append(arg)
        elif value in value_options:
            skip = True
        elif value != "--" and not value.startswith("-"):
            operands.append(arg)
    return operands
