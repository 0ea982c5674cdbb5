"""A fast path for plain command lines, with the same result as the tree-sitter walk.

Most lines an agent runs (``git status && pytest -q tests | tee out.log``) use no quotes,
expansions, substitutions, braces, subshells or comments. For those, bash's grammar is
word splitting on blanks plus control operators and redirections, which a split on
whitespace gives exactly; walking a syntax tree from Python costs ten times more. Any
character outside the plain set sends the line to tree-sitter, except quoted spans that
expand nothing (see ``fastquotes``). Property tests check that both paths agree.
"""

from __future__ import annotations

from aegis.intent_firewall.fastquotes import (
    QUOTED_LINE_PLAIN,
    has_plain_quotes,
    plain_program,
    quoted_tokens,
    quoted_word,
    take_operator,
)
from aegis.intent_firewall.globbing import has_glob
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.shellmodel import MAX_LINE_COMMANDS, Redirect, Script, SimpleCommand
from aegis.intent_firewall.shellparts import climbs_out
from aegis.intent_firewall.words import Word

__all__ = ["is_plain", "plain_script"]

_PLAIN = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t-_./=:,+@%^&|;><*?"
)
_OPERATOR_CHARS = frozenset("&|;<>")
_SEPARATORS = ("&&", "||", "|&", "|", ";", "&")
_REDIRECTS = (">>", ">|", ">&", "&>>", "&>", ">", "<")
_OPERATORS = frozenset((*_SEPARATORS, *_REDIRECTS))
#: The operators in the order they are tried (longest first), by their first character.
_BY_FIRST_CHARACTER = {
    char: tuple(op for op in (*_SEPARATORS, *_REDIRECTS) if op[0] == char) for char in "&|;<>"
}
#: First characters of an operator token (a redirection may start with its descriptor).
_OPERATOR_STARTS = frozenset("&|;<>0123456789")
_MAX_PLAIN = 4096
#: Words that are grammar, not programs, in bash: lines using them go to tree-sitter.
_RESERVED = frozenset(
    {
        "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until",
        "do", "done", "function", "time", "in", "coproc", "!", "{", "}", "[[", "]]", "export",
        "declare", "local", "readonly", "typeset", "unset", "alias",
    }
)  # fmt: skip


def is_plain(text: str) -> bool:
    """Whether ``text`` only uses what :func:`plain_script` reads exactly as bash does."""
    return (
        len(text) <= _MAX_PLAIN
        and (
            _PLAIN.issuperset(text)
            or (
                # tree-sitter-bash splits a pipeline with |& unlike bash (see fastquotes)
                ("'" in text or '"' in text)
                and "|&" not in text
                and has_plain_quotes(text, QUOTED_LINE_PLAIN)
            )
        )
        and ";;" not in text
        and "<<" not in text
        and "<>" not in text
        and "<&" not in text
        and "&>" not in text
        and "^" not in text[:1]
        and not _uses_directory_history(text)
    )


def _uses_directory_history(text: str) -> bool:
    """``cd -``, ``~-`` and ``$OLDPWD`` need the previous directory: the full walk tracks it."""
    padded = text + " "
    return (
        " - " in padded
        or " -;" in padded
        or " -&" in padded
        or " -|" in padded
        or "~-" in text
        or "~+" in text
        or "OLDPWD" in text
    )


def _tokens(text: str) -> list[str]:
    """Words and operators; operators are split off words (``a&&b`` is ``a && b``)."""
    if _OPERATOR_CHARS.isdisjoint(text):
        return text.split()  # no operator anywhere: the words are the blank-separated chunks
    out: list[str] = []
    for chunk in text.split():
        if _OPERATOR_CHARS.isdisjoint(chunk) or chunk in _WHOLE_OPERATORS:
            out.append(chunk)  # a word, or an operator standing alone (git status && ls)
            continue
        _split_chunk(chunk, out)
    return out


def _split_chunk(chunk: str, out: list[str]) -> None:
    """The words and operators of one blank-free chunk holding an operator character."""
    start = 0
    index = 0
    while index < len(chunk):
        char = chunk[index]
        if char in "&|;<>":
            index = take_operator(chunk, index, chunk[start:index], out, _BY_FIRST_CHARACTER)
            start = index
            continue
        index += 1
    if start < len(chunk):
        out.append(chunk[start:])


def _alone(operator: str) -> bool:
    """Whether the chunk ``operator`` splits into itself alone (``&>`` does not)."""
    out: list[str] = []
    _split_chunk(operator, out)
    return out == [operator]


#: Operators that a chunk equal to them splits into unchanged: kept whole at once.
_WHOLE_OPERATORS = frozenset(filter(_alone, _OPERATORS))


def _word(text: str) -> Word | None:
    if "'" in text or '"' in text:
        return quoted_word(text)
    glob = ("*" in text or "?" in text) and has_glob(text)
    return Word(text, text, (text,), [], [], glob)


def plain_script(text: str, cwd: str, variables: dict[str, str]) -> Script | None:  # noqa: PLR0911, PLR0912, PLR0915
    """The commands of a plain line (see :func:`is_plain`); ``None`` if it uses grammar."""
    quoted = "'" in text or '"' in text
    # no token of a line without a * or ? can be a glob (told once, not per word)
    globbing = "*" in text or "?" in text
    tokens = quoted_tokens(text, _BY_FIRST_CHARACTER) if quoted else _tokens(text)
    if (
        not _RESERVED.isdisjoint(tokens)
        or (tokens and tokens[-1] in ("&&", "||", "|", "|&"))
        or "-" in tokens  # cd - needs the previous directory; a lone - is odd grammar
    ):
        return None
    script = Script([], [], set(), 0, [])  # no default factories called: runs per line
    words: list[Word] = []
    assignments: list[tuple[str, Word]] = []
    redirects: list[Redirect] = []
    stages: list[str] = []
    moved = False
    index = 0
    count = len(tokens)
    while index <= count:
        token = tokens[index] if index < count else ";"
        index += 1
        if token[0] not in _OPERATOR_STARTS:  # a word: no operator starts with its letter
            if quoted and not words and not plain_program(token):
                return None  # X='a b', 'rm', --opt=: as the full walk decides
            if quoted and ("'" in token or '"' in token):
                word = quoted_word(token)
                if word is None:
                    return None
                words.append(word)
                continue
            if words or "=" not in token:  # _word, inlined: this runs for every word
                glob = globbing and ("*" in token or "?" in token) and has_glob(token)
                words.append(Word(token, token, (token,), [], [], glob, [], []))
                continue
        elif (operator := token.lstrip("0123456789")) in _REDIRECTS:
            if index >= count or tokens[index].lstrip("0123456789") in _OPERATORS:
                return None  # a redirection without a target (>> 2>&1): a syntax error
            target_word = _word(tokens[index])
            if target_word is None:
                return None
            index += 1
            redirects.append(Redirect(operator, target_word))
            continue
        if token in _SEPARATORS:
            if not (words or assignments or redirects) and (
                index <= len(tokens) or token not in (";", "&")
            ):
                return None  # an operator with no command before it: let tree-sitter say so
            if words or assignments or redirects:
                command = SimpleCommand(words, assignments, redirects, cwd,
                                        tuple(stages[-8:]), [], "", moved)  # fmt: skip
                script.commands.append(command)
                if len(script.commands) > MAX_LINE_COMMANDS:
                    # as the full walk does: the rest of the line is neither built nor judged
                    script.constructs.append(
                        ("too-large", f"more than {MAX_LINE_COMMANDS} commands")
                    )
                    return script
                program = command.program
                if program in ("cd", "pushd"):
                    if any(word.written != word.value for word in words):
                        return None  # cd '-', cd '*': the full walk reads their values
                    cwd, moved = _cd(words, cwd, variables, script), True
                if token in ("|", "|&"):
                    if program:  # as the tree walk: a stage with no program name feeds none
                        stages.append(program)
                elif quoted and len(stages) > 1 and token in ("&&", "||"):
                    return None  # a | b | c && d: tree-sitter nests the list in the pipeline
                else:
                    stages = []
            words, assignments, redirects = [], [], []
            continue
        name, equals, value = token.partition("=")
        if (
            equals
            and not words
            and name
            and (name[0].isalpha() or name[0] == "_")
            and (name.replace("_", "a").isalnum())
        ):
            value_word = _word(value)
            if value_word is None:
                return None
            assignments.append((name, value_word))
            if not value or not (set(value) & set("*?")):
                variables[name.upper()] = value
            continue
        word = _word(token)
        if word is None or (quoted and not words):
            return None
        words.append(word)
    return script


def _cd(words: list[Word], cwd: str, variables: dict[str, str], script: Script) -> str:
    operands = [w.written for w in words[1:] if not w.written.startswith("-")]
    if not operands:
        return variables.get("HOME", cwd)
    if has_glob(operands[0]):  # as the full walk does: later relative paths could be anywhere
        evidence = f"cd {operands[0][:60]}: a directory known only at run time"
        script.constructs.append(("shell-expansion", evidence))
        return "/"
    climbed = climbs_out(operands[0], cwd, variables)
    if climbed is not None:
        script.constructs.append(("shell-expansion", climbed))
    return resolve_path(operands[0], cwd, variables.get("HOME", "/root"))
