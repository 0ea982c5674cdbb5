"""The token scan under :mod:`inlinescript`: strings, numbers, names, variables, regular
expressions and operators of a JavaScript, Ruby, Perl, PHP or Lua one-liner.

The scan refuses (``None``) whatever could make it read the code differently from the
interpreter: backticks, ``\\`` outside strings, comments (``#``, ``//``, ``/*``, Lua's
``--`` and long strings, whose quotes mean nothing), here-documents, Ruby's ``?x`` and
``%x(…)`` literals, Perl's quoting operators other than ``m/…/`` and ``s/…/…/``, a string
that spans a line, an escape other than ``\\n \\t \\r \\0 \\\\ \\' \\"``, interpolation
that runs code (``#{}``, ``${}``, ``@{[]}``, ``{$}``), code or an ``e`` flag in a regular
expression, a ``/`` whose role (divide or regular expression) the language may read either
way, and numbers longer than six characters (memory bombs). One left-to-right pass.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Token", "tokens"]

_MAX_NUMBER = 6
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
NAME_CHARS = _NAME_START | frozenset("0123456789")
#: Operators, longest first (a greedy scan).
_OPERATORS = (
    "===", "!==", "...", "**=", "~=", "==", "!=", "<=", ">=", "=>", "=~", "!~", "+=", "-=", "*=",
    "/=", "%=", "||", "&&", "**", "..", "::", "->", "??", "<<", ">>", "++", "--",
    "(", ")", "[", "]", "{", "}", ",", ";", ":", ".", "+", "-", "*", "%", "<", ">", "=",
    "!", "&", "|", "?", "^", "~",
)  # fmt: skip
_ESCAPES = frozenset("ntr\\'\"0")
_CODE_MARKS = ("#{", "${", "@{", "{$", "$(", "(?{", "(??{", "(*{")
#: Perl names after which ``/`` opens a regular expression.
_PERL_REGEX_AFTER = frozenset({"if", "unless", "and", "or", "not", "split", "print", "say"})
#: Perl's quoting operators: any delimiter, so only m/…/ and s/…/…/ are read.
_PERL_QUOTES = frozenset({"m", "s", "q", "qq", "qw", "qx", "qr", "y", "tr"})
#: JavaScript words after which ``/`` opens a regular expression.
_JS_KEYWORDS = frozenset(
    {"typeof", "new", "const", "let", "var", "return", "in", "of", "instanceof", "else",
     "do", "case", "void", "delete", "yield", "await", "throw"}
)  # fmt: skip
#: ARGV: what Perl's <> reads (@ARGV = ('/etc/shadow') then <> reads it).
_REFUSED_VARIABLES = frozenset({"ENV", "_ENV", "GLOBALS", "_SERVER", "INC", "ARGV", "SIG"})


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # str, num, name, key, var, regex, op
    text: str


def tokens(code: str, language: str) -> list[Token] | None:
    """The tokens of ``code`` read as ``language`` (node, ruby, perl, php, lua)."""
    out: list[Token] = []
    index, length = 0, len(code)
    while index < length:
        char = code[index]
        if char in " \t\r\n":
            index += 1
            continue
        token = _token(code, index, language, out[-1] if out else None)
        if token is None:
            return None
        out.append(token)
        index += len(token.text)
    return out


def _token(code: str, index: int, language: str, previous: Token | None) -> Token | None:  # noqa: PLR0911 (one answer per kind)
    char = code[index]
    if char in "'\"":
        end = _string_end(code, index, language)
        return None if end < 0 else Token("str", code[index : end + 1])
    if char.isdigit():
        return _number(code, index)
    if char in "$@" and language in ("perl", "php"):
        return _variable(code, index, language)
    if char in _NAME_START or (char == "$" and language == "node"):
        return _name(code, index, language)
    if char == "/" and language in ("perl", "node", "ruby"):
        role = _slash(previous, language)
        if role != "regex":
            return None if role is None else Token("op", "/")
        end = _regex_end(code, index, language, parts=1)
        return None if end < 0 else Token("regex", code[index:end])
    if char == "/":
        double = language == "lua" and code.startswith("//", index)  # Lua's floor division
        return None if code.startswith("/*", index) else Token("op", "//" if double else "/")
    if language == "ruby" and char == "?" and code[index + 1 : index + 2] not in (" ", ""):
        return None  # ?x is a character literal: ?' opens no string
    if language == "lua" and code.startswith(("--", "[[", "[=", "[ ["), index):
        return None  # a comment or a long string
    operator = next((op for op in _OPERATORS if code.startswith(op, index)), None)
    if operator is None or (operator == "%" and _percent_literal(code, index, language)):
        return None  # backticks, backslashes, #, @ outside perl, %x(…), %w[…]
    if operator == "<<" and language in ("perl", "ruby", "php"):
        return None  # a here-document
    return Token("op", operator)


def _number(code: str, start: int) -> Token | None:
    index = start
    while index < len(code) and (code[index] in NAME_CHARS or code[index] == "."):
        if code.startswith("..", index):
            break
        index += 1
    digits = code[start:index]
    whole = digits.partition(".")[0]
    if len(whole) > _MAX_NUMBER or len(digits) > 3 * _MAX_NUMBER or "e" in digits.lower():
        return None
    return Token("num", digits)


def _name(code: str, start: int, language: str) -> Token | None:
    index = start + 1
    while index < len(code) and (code[index] in NAME_CHARS or code[index] == "$"):
        index += 1
    if (
        language == "ruby"
        and code[index : index + 1] in ("?", "!")
        and code[index + 1 : index + 2] != "="
    ):
        index += 1  # empty?, sort!
    name = code[start:index]
    if language == "perl" and name in _PERL_QUOTES:
        if name not in ("m", "s") or code[index : index + 1] != "/":
            return None
        end = _regex_end(code, index, language, parts=2 if name == "s" else 1)
        return None if end < 0 else Token("regex", code[start:end])
    # an object literal's key ({a: 1}); Ruby's f(a: 1) has the colon against the name and a
    # space after it, unlike the call system :x
    following = code[index + 1 : index + 2]
    labelled = code[index : index + 1] == ":" and following != ":"
    if labelled and (language == "node" or (language == "ruby" and following in (" ", ""))):
        return Token("key", name)
    return Token("name", name)


def _slash(previous: Token | None, language: str) -> str | None:
    """Whether ``/`` divides or opens a regular expression where the language is certain to
    agree; ``None`` where it may not (``}`` ends a block or an object; ``puts /x/`` …)."""
    if previous is None:
        return "regex"
    if previous.kind in ("num", "str", "var") or previous.text in (")", "]"):
        return "divide"
    if previous.kind == "name":
        if language == "node":
            return None if previous.text in _JS_KEYWORDS else "divide"
        return "regex" if language == "perl" and previous.text in _PERL_REGEX_AFTER else None
    if previous.text in ("}", "++", "--") or previous.kind in ("regex", "key"):
        return None
    return "regex"


def _string_end(code: str, start: int, language: str) -> int:
    """The index of the closing quote, or -1 (unterminated, across a line, an escape outside
    the list, or interpolation that runs code)."""
    quote = code[start]
    index = start + 1
    while index < len(code):
        char = code[index]
        if char == "\\":
            if code[index + 1 : index + 2] not in _ESCAPES:
                return -1
            index += 2
            continue
        if char == "\n":
            return -1  # a string cannot hide the next line from a comment
        if char == quote:
            body = code[start + 1 : index]
            if quote == '"' and any(mark in body for mark in _CODE_MARKS):
                return -1
            if quote == '"' and language == "perl" and ("@" in body or "->" in body):
                return -1
            return index
        index += 1
    return -1


def _regex_end(code: str, start: int, language: str, *, parts: int) -> int:
    """Past a ``/…/flags`` (``parts`` 2 for ``s/…/…/``): -1 for code in it, ``e`` flags."""
    index = start + 1
    for _ in range(parts):
        while index < len(code) and code[index] not in "/\n":
            index += 2 if code[index] == "\\" else 1
        if index >= len(code) or code[index] == "\n":
            return -1
        index += 1
    flags_start = index
    while index < len(code) and code[index].isalpha():
        index += 1
    body, flags = code[start:flags_start], code[flags_start:index]
    if any(mark in body for mark in _CODE_MARKS) or not set(flags) <= set("gimsxu"):
        return -1
    return -1 if language == "perl" and "@" in body else index


def _variable(code: str, start: int, language: str) -> Token | None:
    """``$x`` (PHP, Perl), Perl's ``$_ $. $& $1 @F``; ``None`` for ``$$``, ``${``, ``$ENV``."""
    if language == "php" and code[start] == "@":
        return None  # PHP's error suppression
    index = start + 1
    special = code[index : index + 1]
    perl_special = language == "perl" and (special in ("_", ".", "&") or special.isdigit())
    if perl_special and (special != "_" or code[index + 1 : index + 2] not in NAME_CHARS):
        return Token("var", code[start : index + 1])
    while index < len(code) and code[index] in NAME_CHARS:
        index += 1
    name = code[start + 1 : index]
    if not name or name[0] not in _NAME_START or name in _REFUSED_VARIABLES:
        return None
    if language == "php" and name.startswith("_"):
        return None  # $_GET, $_ENV, $_SERVER …
    return Token("var", code[start:index])


def _percent_literal(code: str, index: int, language: str) -> bool:
    """Ruby's and Perl's ``%x(…)``, ``%w[…]``, ``%h``: a letter or bracket after ``%``."""
    following = code[index + 1 : index + 2]
    return language in ("ruby", "perl") and (following.isalpha() or following in "([{<|!")
