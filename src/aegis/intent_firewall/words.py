"""Shell words as bash would hand them to a program, or the reason why that is unknown.

A word node of the tree-sitter-bash grammar (plain, quoted, ``$'…'``, concatenations, with
expansions inside) becomes a :class:`Word`: its static value where there is one, the
constructs that were needed to get it (each a finding for the firewall: fail closed), and
the substitutions inside it, which the walker judges as commands of their own. Variables
the firewall knows statically (``$HOME``, ``$PWD``, ``$IFS``) are resolved so that
``rm${IFS}-rf${IFS}/`` is judged as ``rm -rf /``; anything else leaves the value unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aegis.intent_firewall.globbing import expand_braces, has_braces, has_glob
from aegis.intent_firewall.pidshapes import kill_operand, trusted_pid_source
from aegis.intent_firewall.shellarith import constant_arithmetic
from aegis.intent_firewall.valueshapes import (
    TRUSTED_PRODUCERS,
    Shaped,
    mark,
    producer_shape,
    settle,
)

__all__ = ["Binding", "Word", "backtick_bodies", "decode_ansi_c", "resolve_word"]

_MAX_DEPTH = 24
_SIMPLE_ESCAPES = {
    "a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r",
    "t": "\t", "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?",
}  # fmt: skip
_HEX = "0123456789abcdefABCDEF"
#: Characters that make a plain word more than its text: escapes, globs, braces, subscripts.
_LITERAL_WORD = frozenset("\\*?[{")


@dataclass(slots=True)
class Word:
    written: str
    value: str | None
    fields: tuple[str, ...] = ()
    constructs: list[str] = field(default_factory=list)
    substitutions: list[Any] = field(default_factory=list)
    glob: bool = False
    #: Constructs that run code whatever the word is used for (a command substitution in a
    #: subscript or a prompt expansion): findings even where the word's value does not matter.
    hazards: list[str] = field(default_factory=list)
    #: Bodies of backticks the grammar leaves as text (inside ``${x-`cmd`}``): bash runs them.
    scripts: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Binding:
    """A variable whose value the line fixes (see :mod:`aegis.intent_firewall.bindings`).

    ``exact``: the value is the variable's one value (a loop's literal word), so unquoted
    use splits and globs it as bash would; otherwise it stands for a set of values (a glob,
    a producer's lines) and only counts quoted. ``own_job``: ``$!``, the line's own job.
    """

    value: str
    glob: bool = False
    exact: bool = True
    own_job: bool = False


#: Command substitutions whose output is the working directory, as written; the top of the
#: repository the line runs in is judged as that directory too (the project it works on).
PWD_SUBSTITUTIONS = frozenset(
    f"{start}{producer}{end}"
    for start, end in (("$(", ")"), ("`", "`"))
    for producer in ("pwd", "pwd -P", "pwd -L", "git rev-parse --show-toplevel")
)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def decode_ansi_c(body: str) -> str:
    """The string bash makes of the body of ``$'…'``."""
    out: list[str] = []
    index, length = 0, len(body)
    while index < length:
        char = body[index]
        if char != "\\" or index + 1 >= length:
            out.append(char)
            index += 1
            continue
        code = body[index + 1]
        index += 2
        if code in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[code])
        elif code in "xuU":
            limit = {"x": 2, "u": 4, "U": 8}[code]
            end = index
            while end < length and end - index < limit and body[end] in _HEX:
                end += 1
            out.append(chr(min(int(body[index:end], 16), 0x10FFFF)) if end > index else "\\" + code)
            index = end
        elif code in "01234567":
            end = index
            while end < length and end - index < 2 and body[end] in "01234567":
                end += 1
            out.append(chr(int(code + body[index:end], 8) & 0xFF))
            index = end
        elif code == "c" and index < length:
            out.append(chr(ord(body[index]) & 0x1F))
            index += 1
        else:
            out.append("\\" + code)
    return "".join(out)


#: What a backslash escapes inside double quotes; outside quotes it escapes any character.
_DOUBLE_QUOTED_ESCAPES = '$`"\\\n'


def _unescape(text: str, escapable: str | None = None) -> str:
    """Backslashes removed as bash removes them: before any character (``escapable`` None,
    an unquoted word) or only before ``escapable`` ones (double quotes); a backslash-newline
    is a line continuation and disappears."""
    if "\\" not in text:
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if (
            char == "\\"
            and index + 1 < len(text)
            and (escapable is None or text[index + 1] in escapable)
        ):
            if text[index + 1] != "\n":
                out.append(text[index + 1])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


class _Resolver:
    def __init__(
        self,
        source: bytes,
        variables: dict[str, str],
        bound: dict[str, Binding] | None = None,
        used: set[str] | None = None,
    ) -> None:
        self.source = source
        self.variables = variables
        self.bound = bound
        self.used = used
        self.constructs: list[str] = []
        self.substitutions: list[Any] = []
        self.glob = False
        self.unquoted: list[str] = []
        self.split = False
        self.hazards: list[str] = []
        self.scripts: list[str] = []
        self.shaped: list[Shaped] = []

    def nested(self, node: Any) -> None:
        """Command substitutions anywhere below ``node`` (inside ``${x:-…}``, ``$((…))``,
        arrays, subscripts): each runs, so each is judged. Iterative and bounded."""
        pending = list(node.named_children)
        seen = 0
        while pending and seen < 512:
            child = pending.pop()
            seen += 1
            if child.type in ("command_substitution", "process_substitution"):
                self.substitutions.append(child)
                self.hazards.append(f"substitution inside {node.type} {_short(self.text(node))}")
            elif child.type in ("word", "string_content") and "`" in self.text(child):
                # tree-sitter-bash leaves `cmd` inside ${x-…} as plain text; bash runs it
                bodies = backtick_bodies(self.text(child))
                if bodies:
                    self.scripts.extend(bodies)
                    self.hazards.append(f"backticks inside {node.type} {_short(self.text(node))}")
            else:
                pending.extend(child.named_children)
        if pending:
            self.hazards.append(f"{node.type} too deep to inspect")

    def text(self, node: Any) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def value(self, node: Any, quoted: bool, depth: int) -> str | None:  # noqa: PLR0911, PLR0912
        kind = node.type
        if depth > _MAX_DEPTH:
            self.constructs.append("word nested too deep")
            return None
        if kind in ("word", "number", "test_operator"):
            raw = self.text(node)
            if not quoted:
                self.glob = self.glob or has_glob(raw)
                self.unquoted.append(raw)
                return _unescape(raw)
            return raw
        if kind == "raw_string":
            return self.text(node)[1:-1]
        if kind == "ansi_c_string":
            written = self.text(node)
            decoded = decode_ansi_c(written[2:-1])
            # $'\t', $'\n': only blanks and control characters, nothing a name can hide in
            if not decoded or not all(char.isspace() or ord(char) < 32 for char in decoded):
                self.constructs.append(f"ANSI-C quoting {_short(written)}")
            return decoded
        if kind in ("string", "translated_string"):
            parts: list[str] = []
            unknown = False
            for child in node.named_children:
                if child.type == "string_content":
                    parts.append(_unescape(self.text(child), _DOUBLE_QUOTED_ESCAPES))
                    continue
                part = self.value(child, True, depth + 1)
                if part is None:
                    unknown = True
                else:
                    parts.append(part)
            return None if unknown else "".join(parts)
        if kind == "concatenation":
            parts = []
            unknown = False
            for child in node.named_children:
                part = self.value(child, quoted, depth + 1)
                if part is None:
                    unknown = True
                else:
                    parts.append(part)
            return None if unknown else "".join(parts)
        if kind in ("simple_expansion", "expansion"):
            return self._expansion(node, quoted)
        if kind == "command_substitution" and self.text(node) in PWD_SUBSTITUTIONS:
            # $(pwd) prints $PWD: the directory the line runs in, judged like $PWD itself
            self.constructs.append(f"command substitution {self.text(node)}")
            return self.variables.get("PWD")
        if (
            kind == "command_substitution"
            and TRUSTED_PRODUCERS in self.variables
            and (known := producer_shape(self.text(node)))
            and ("kill" not in known[1] or trusted_pid_source(self.text(node), self.variables))
        ):
            return self._shaped(node, known)
        if kind in ("command_substitution", "process_substitution"):
            label = "command" if kind == "command_substitution" else "process"
            self.constructs.append(f"{label} substitution {_short(self.text(node))}")
            self.substitutions.append(node)
            return None
        if kind == "arithmetic_expansion":
            constant = constant_arithmetic(self.text(node))
            if constant is not None:
                return constant  # $(( 5 * 2 )): numbers only, known before the shell runs
            self.constructs.append(f"arithmetic expansion {_short(self.text(node))}")
            self.nested(node)
            return None
        if kind == "brace_expression":
            self.unquoted.append(self.text(node))
            return self.text(node)
        self.constructs.append(f"{kind} {_short(self.text(node))}")
        self.nested(node)
        return None

    def _shaped(self, node: Any, known: tuple[str, tuple[str, ...]]) -> str:
        """``$(nproc)``, ``$(date +%F)``: a mark for :func:`settle` to check and fill."""
        construct = f"command substitution {_short(self.text(node))}"
        self.constructs.append(construct)
        self.substitutions.append(node)
        marked = mark(len(self.shaped))
        self.shaped.append(Shaped(marked, known[0], known[1], construct))
        return marked

    def _bound(self, node: Any, quoted: bool) -> tuple[bool, str | None]:  # noqa: PLR0911
        """(whether ``node`` expands a bound variable, its value)."""
        if not self.bound or not 1 <= len(node.named_children) <= 2:
            return False, None
        child = node.named_children[0]
        if child.type != "variable_name":
            return False, None
        name = self.text(child)
        binding = self.bound.get(name)
        if binding is None or not (quoted or binding.exact):
            return False, None
        # ${#f} is f's length and ${!f} the variable f names: only ${f} and the trims
        marks = {c.type for c in node.children if not c.is_named} - {"$", "${", "}"}
        if not marks <= (_TRIMS if len(node.named_children) == 2 else set()):
            return False, None
        if len(node.named_children) == 2:
            binding = _trimmed(binding, node, self.text(node.named_children[1]))
            if binding is None:
                return False, None
        if self.used is not None:
            self.used.add(name)
        if binding.own_job:
            self.constructs.append(f"own background job {_short(self.text(node))}")
            return True, None
        value = binding.value
        if not quoted and any(ch.isspace() for ch in value):
            self.split = True
        self.glob = self.glob or binding.glob or (not quoted and has_glob(value))
        return True, value

    def _expansion(self, node: Any, quoted: bool) -> str | None:
        bound, value = self._bound(node, quoted)
        if bound:
            return value
        written = self.text(node)
        self.constructs.append(f"parameter expansion {_short(written)}")
        if node.type == "expansion":
            self.nested(node)
            if "@" in written and written.rstrip("}")[-1:] in "PEAKak":
                self.hazards.append(f"expansion operator evaluates text {_short(written)}")
        names = [
            c for c in node.named_children if c.type in ("variable_name", "special_variable_name")
        ]
        if len(names) != 1 or len(node.named_children) != 1:
            return self._defaulted(node, quoted)
        value = self.variables.get(self.text(names[0]).upper())
        if value is not None and not quoted and any(ch.isspace() for ch in value):
            self.split = True
        return value

    def _defaulted(self, node: Any, quoted: bool) -> str | None:
        """``${TMPDIR:-/tmp}``, ``${TMPDIR=/tmp}`` of a variable whose (non-empty) value is
        known: that value, the default never used; recorded as ``${TMPDIR}`` is. Any other
        operator, or a variable not known, leaves the value unknown."""
        children = node.named_children
        if node.type != "expansion" or len(children) != 2 or children[0].type != "variable_name":
            return None
        if not any(not c.is_named and c.type in _DEFAULTS for c in node.children):
            return None
        name = self.text(children[0])
        value = self.variables.get(name)
        if not value or not name.isupper() or self._default(children[1]) != value.rstrip("/"):
            return None  # ${XDG_CACHE_HOME:-$HOME/.ssh}: the default is a value of its own
        self.constructs[-1] = f"parameter expansion ${{{name}}}"
        if not quoted and any(ch.isspace() for ch in value):
            self.split = True
        return value

    def _default(self, node: Any) -> str | None:
        """The default's value without its side records (the expansion's substitutions are
        recorded once, by :meth:`nested`), compared without a trailing slash."""
        kept = (len(self.constructs), len(self.substitutions), len(self.shaped))
        glob, split, unquoted = self.glob, self.split, len(self.unquoted)
        default = self.value(node, True, _MAX_DEPTH - 8)
        del self.constructs[kept[0] :], self.substitutions[kept[1] :], self.shaped[kept[2] :]
        del self.unquoted[unquoted:]
        self.glob, self.split = glob, split
        return None if default is None else default.rstrip("/")


_TRIMS = frozenset({"%", "%%", "#", "##"})
#: Operators that use the variable's value when it is set and not empty (or just set).
_DEFAULTS = frozenset({":-", "-", ":=", "="})


def _trimmed(binding: Binding, node: Any, pattern: str) -> Binding | None:
    """``${f%.txt}``, ``${f#src/}`` with a literal pattern: the bound value with that suffix
    or prefix removed (a value standing for a set must end or start with it, so that every
    member loses it); anything else is not modelled (``None``)."""
    operator = next((c.type for c in node.children if not c.is_named and c.type in _TRIMS), "")
    if (
        not operator
        or node.named_children[1].type not in ("regex", "word")
        or not pattern
        or any(c in pattern for c in "*?[]\\$`'\"{}")
    ):
        return None
    value = binding.value
    suffix = operator.startswith("%")
    present = value.endswith(pattern) if suffix else value.startswith(pattern)
    if not present:
        return binding if binding.exact and not binding.own_job else None
    trimmed = value[: -len(pattern)] if suffix else value[len(pattern) :]
    return Binding(trimmed, binding.glob, binding.exact, binding.own_job)


def resolve_word(
    node: Any,
    source: bytes,
    variables: dict[str, str],
    bound: dict[str, Binding] | None = None,
    used: set[str] | None = None,
) -> Word:
    """The :class:`Word` a word node stands for (``variables`` are the known ones, ``bound``
    the ones whose expansions are no construct; names used from it are added to ``used``)."""
    kind = node.type
    if kind in ("word", "raw_string"):
        # the common words, plain or single-quoted, with nothing to unescape, glob, expand
        # or evaluate: what the resolver below would make of them, without it
        written = source[node.start_byte : node.end_byte].decode("utf-8", "replace")
        literal = written if kind == "word" else written[1:-1]
        if _LITERAL_WORD.isdisjoint(literal):
            return Word(written, literal, (literal,), [], [], False, [])
    resolver = _Resolver(source, variables, bound, used)
    value = resolver.value(node, False, 0)
    if resolver.shaped:  # a program name is never taken from a substitution ("`which rm` x")
        program = node.parent is not None and node.parent.type == "command_name"
        kill = any("kill" in item.places for item in resolver.shaped) and kill_operand(node, source)
        value = settle(value, resolver.shaped, resolver.constructs, program=program, kill=kill)
    word = Word(
        written=resolver.text(node),
        value=value,
        constructs=resolver.constructs,
        substitutions=resolver.substitutions,
        glob=resolver.glob,
        hazards=resolver.hazards,
        scripts=resolver.scripts,
    )
    if value is not None and _evaluated_subscript(value):
        word.hazards.append(f"array subscript runs a substitution {_short(word.written)}")
    if value is None:
        return word
    fields = value.split() if resolver.split else [value]
    if has_braces("".join(resolver.unquoted)):
        expanded = [alt for item in fields for alt in expand_braces(item)]
        if len(expanded) > 1 or expanded != fields or any(has_braces(f) for f in expanded):
            word.constructs.append(f"brace expansion {_short(word.written)}")
        fields = expanded
    word.fields = tuple(fields)
    return word


def _evaluated_subscript(value: str) -> bool:
    """``a[$(cmd)]`` as text: bash runs the substitution wherever it evaluates the name
    arithmetically (``test -v``, ``printf -v``, ``read``, ``declare -n``, ``$(( x ))``)."""
    opening = value.find("[")
    if opening < 0:
        return False
    rest = value[opening:]
    return "$(" in rest or "`" in rest


def backtick_bodies(text: str, limit: int = 16) -> list[str]:
    """The commands of the `…` substitutions in ``text`` (escaped backticks are literal;
    an unclosed one runs to the end, as bash reads it). A linear scan."""
    bodies: list[str] = []
    index, length = 0, len(text)
    while index < length and len(bodies) < limit:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char != "`":
            index += 1
            continue
        body: list[str] = []
        index += 1
        while index < length and text[index] != "`":
            if text[index] == "\\" and index + 1 < length and text[index + 1] in "`$\\":
                index += 1
            body.append(text[index])
            index += 1
        index += 1
        if "".join(body).strip():
            bodies.append("".join(body))
    return bodies
