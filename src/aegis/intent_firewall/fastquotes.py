"""Quoted words for the fast path of plain command lines (see ``fastlex``).

Between single quotes bash takes every character as written, and between double quotes
too when none of ``$``, backquote and backslash occurs (``!`` is left to the full walk as
well). So a line whose only non-plain characters sit inside such quotes
(``grep -rn 'TODO 12' src/ | wc -l``, ``git commit -m "fix: x"``) is split into words and
operators as plain text is, with the quoted spans kept whole. Such a word is what the
tree-sitter walk makes of it: its text as written, the quotes removed as its value, no
glob. Anything the walk would report on a quoted word (an array subscript that runs a
substitution) or read differently sends the line to tree-sitter instead.
"""

from __future__ import annotations

from aegis.intent_firewall.words import Word

__all__ = [
    "QUOTED_BODY",
    "QUOTED_LINE_PLAIN",
    "has_plain_quotes",
    "plain_program",
    "quoted_tokens",
    "quoted_word",
]

#: Characters a single-quoted span may hold on the fast path: printable ASCII and tab.
QUOTED_BODY = frozenset(chr(code) for code in range(0x20, 0x7F)) | {"\t"}
#: What a span may hold, by its quote: double quotes expand ``$``, backquotes, escapes.
_BODIES = {"'": QUOTED_BODY, '"': QUOTED_BODY - set("$`\\!")}
_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
#: Characters outside the quotes of a quoted line on the fast path: fewer than on a plain
#: line. tree-sitter-bash reads some plain words unlike bash (``pass:`` or ``a@b:`` as a
#: program is a parse error, ``--opt=`` a second assignment) and a redirection next to a
#: descriptor its own way; a quoted line must get the verdict the full walk gives it, so
#: such lines take the full walk.
QUOTED_LINE_PLAIN = frozenset(_ALNUM + " \t-_./=,+&|;")
_PROGRAM_START = frozenset(_ALNUM + "_./")
_PROGRAM = frozenset(_ALNUM + "_./-+,")


def plain_program(token: str) -> bool:
    """Whether a quoted line's program word ``token`` is one both readers read alike."""
    return token[0] in _PROGRAM_START and _PROGRAM.issuperset(token)


def _next_quote(text: str, start: int) -> int:
    single = text.find("'", start)
    double = text.find('"', start)
    if single < 0 or 0 <= double < single:
        return double
    return single


def has_plain_quotes(text: str, plain: frozenset[str]) -> bool:
    """Whether ``text`` is ``plain`` characters outside closed quoted spans whose bodies
    hold only what :data:`_BODIES` allows for their quote. A linear scan."""
    index = 0
    length = len(text)
    while index < length:
        opening = _next_quote(text, index)
        if opening < 0:
            return plain.issuperset(text[index:])
        quote = text[opening]
        closing = text.find(quote, opening + 1)
        if closing < 0:
            return False  # an unterminated quote: a syntax error for tree-sitter to report
        if not plain.issuperset(text[index:opening]):
            return False
        if not _BODIES[quote].issuperset(text[opening + 1 : closing]):
            return False
        index = closing + 1
    return True


def take_operator(
    text: str, index: int, pending: str, out: list[str], by_first: dict[str, tuple[str, ...]]
) -> int:
    """Append the word before an operator (``pending``) and the operator found at ``index``;
    the index after it. A redirection keeps a number just before it (``2>file``)."""
    descriptor = ""
    if text[index] in "<>" and pending.isdigit():
        descriptor = pending
    elif pending:
        out.append(pending)
    for operator in by_first[text[index]]:
        if text.startswith(operator, index):
            out.append(descriptor + operator)
            return index + len(operator)
    return index + 1  # unreachable for a table that lists each first character itself


def quoted_tokens(text: str, by_first: dict[str, tuple[str, ...]]) -> list[str]:
    """Words (quoted spans kept whole, quotes included) and operators of a line that
    :func:`has_plain_quotes` accepted; ``by_first`` lists the operators to try, longest
    first, by their first character."""
    out: list[str] = []
    current: list[str] = []
    index = 0
    length = len(text)
    # every character that ends a run of word characters, marked in one C pass: a run is
    # then taken as one slice, not character by character
    marked = text.translate(_run_ends(frozenset(by_first)))
    while index < length:
        end = marked.find("\x00", index)
        if end != index:
            current.append(text[index:] if end < 0 else text[index:end])
            if end < 0:
                break
            index = end
        char = text[index]
        if char in "'\"":
            closing = text.index(char, index + 1)
            current.append(text[index : closing + 1])
            index = closing + 1
        elif char in " \t":
            if current:
                out.append("".join(current))
                current = []
            index += 1
        elif char in by_first:
            index = take_operator(text, index, "".join(current), out, by_first)
            current = []
        else:
            current.append(char)
            index += 1
    if current:
        out.append("".join(current))
    return out


#: Translation tables marking quotes, blanks and operator characters, per operator table.
_RUN_ENDS: dict[frozenset[str], dict[int, str]] = {}


def _run_ends(operators: frozenset[str]) -> dict[int, str]:
    """A ``str.translate`` table turning quotes, blanks and ``operators`` into NUL (bounded:
    one table per operator table, and there is one)."""
    table = _RUN_ENDS.get(operators)
    if table is None:
        if len(_RUN_ENDS) >= 8:
            _RUN_ENDS.clear()
        table = _RUN_ENDS[operators] = str.maketrans(
            dict.fromkeys("'\" \t" + "".join(operators), "\x00")
        )
    return table


def quoted_word(token: str) -> Word | None:
    """The word ``token`` (holding quotes) is, as the tree-sitter walk resolves it;
    ``None`` when the walk would find more in it (a glob outside the quotes, a subscript
    that runs a substitution), so the line takes the full walk."""
    parts: list[str] = []
    index = 0
    while index < len(token):
        opening = _next_quote(token, index)
        if opening < 0:
            opening = len(token)
        unquoted = token[index:opening]
        if "*" in unquoted or "?" in unquoted:
            return None
        parts.append(unquoted)
        if opening == len(token):
            break
        closing = token.index(token[opening], opening + 1)
        body = token[opening + 1 : closing]
        if token[opening] == '"' and body and not body.strip(" \t"):
            return None  # tree-sitter-bash reads "\t" and " " as empty strings
        parts.append(body)
        index = closing + 1
    value = "".join(parts)
    if value.startswith(("~-", "~+")):
        return None  # the walk reads these values as directories, quoted or not
    bracket = value.find("[")
    if bracket >= 0 and ("$(" in value[bracket:] or "`" in value[bracket:]):
        return None
    return Word(token, value, (value,), [], [], False, [])
