"""Inline code for interpreters other than Python that only computes and prints:
``node -e "console.log(require('os').cpus().length)"``, ``ruby -e 'puts [3,1,2].sort'``,
``perl -ne 'print if /TODO/' FILE``, ``php -r 'echo PHP_VERSION;'``, ``lua -e 'print(7//2)'``.

``pyfiles`` judges Python on its own syntax tree. For the others a parser per language is
more than a one-liner needs: this reading is a token scan (:mod:`inlinetokens`), fail
closed. Every name must be one ``data/inline_code.toml`` lists for the language (a global,
a function or a keyword; after ``.`` a member), a local the code itself binds (``const os
=``, an arrow's or a block's parameters, Ruby's ``x =``), or an object literal's key;
``$x`` variables of PHP and Perl are locals, never called (``$f('id')``). Refused besides
what the scan refuses: computed members (``obj['exec']``), a call of a call's result or of a
literal (``'system'('id')``), ``->`` and ``::`` in PHP and Perl, assignment to anything
but a local, and ``require`` of anything but the listed pure modules or a relative
``.json`` file (read as data, any field of it, and judged as a read by the caller). So no
name is ever built from a string, and nothing reaches a process, a file, a socket, the
environment or ``eval``. Anything else leaves the code unjudged: the caller keeps its
``interpreter-code`` finding.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from aegis.intent_firewall.inlinetokens import NAME_CHARS, Token, tokens

__all__ = ["INLINE_LANGUAGES", "inline_reads"]

#: Interpreter program names and the language their inline code is read as.
INLINE_LANGUAGES = {
    "node": "node", "nodejs": "node", "deno": "node", "ruby": "ruby", "perl": "perl",
    "php": "php", "lua": "lua", "luajit": "lua",
}  # fmt: skip
_MAX_CODE = 1000
_MAX_TOKENS = 400
#: Members never admitted, even on a local holding parsed JSON.
_DENIED_MEMBERS = frozenset(
    {"constructor", "prototype", "call", "apply", "bind", "valueOf", "toJSON", "then"}
)
_ASSIGNMENTS = frozenset({"=", "+=", "-=", "*=", "/=", "%=", "**="})
_DECLARATIONS = frozenset({"const", "let", "var", "local", "my", "our"})
_NOTHING = Token("op", "")


@dataclass(frozen=True, slots=True)
class _Language:
    name: str
    names: frozenset[str]
    members: frozenset[str]
    modules: frozenset[str]
    dot_member: bool
    readers: frozenset[str]
    file_receivers: frozenset[str]
    #: ``NAME.member`` pairs admitted only together (``Object.keys``: names, never values).
    qualified: frozenset[str] = frozenset()


@cache
def _language(name: str) -> _Language | None:
    text = resources.files("aegis.intent_firewall").joinpath("data/inline_code.toml").read_text()
    table = tomllib.loads(text).get(name)
    if table is None:
        return None
    names, members, modules, readers, receivers = (
        frozenset(table[k]) for k in ("names", "members", "modules", "readers", "file_receivers")
    )
    qualified = frozenset(table.get("qualified", ()))
    return _Language(
        name, names, members, modules, bool(table["dot_member"]), readers, receivers, qualified
    )


def inline_reads(language: str, code: str) -> tuple[str, ...] | None:
    """The relative ``.json`` files ``code`` reads when it stays inside the grammar (see the
    module docstring); ``None`` when it does not (the caller keeps its finding)."""
    lang = _language(language)
    if lang is None or not code.strip() or len(code) > _MAX_CODE or "\x00" in code:
        return None
    found = tokens(code, language)
    if found is None or len(found) > _MAX_TOKENS:
        return None
    return _Walk(found, lang).judged()


class _Walk:
    """One pass over the tokens with what the code binds."""

    def __init__(self, found: list[Token], lang: _Language) -> None:
        self.tokens, self.lang = found, lang
        self.locals, self.json_locals, self.file_locals = _bound(found, lang)
        self.reads: list[str] = []
        self.json_chain = False  # members of parsed JSON: any field may be read

    def judged(self) -> tuple[str, ...] | None:
        for index, token in enumerate(self.tokens):
            before = self.tokens[index - 1] if index else _NOTHING
            after = self.tokens[index + 1] if index + 1 < len(self.tokens) else _NOTHING
            if token.kind == "key":
                ok = before.text in ("{", ",") or (self.lang.name == "ruby" and before.text == "(")
            elif token.kind == "name":
                ok = self._name(index, token, before, after)
            elif token.kind == "var":
                ok = after.text not in ("(", "->", "::")  # $f('id'), $obj->method()
            elif token.kind == "op":
                ok = self._operator(index, token, before, after)
            else:
                ok = not (after.text == "(" and token.kind in ("str", "num", "regex"))
            if not ok:
                return None
        return tuple(self.reads)

    def _name(self, index: int, token: Token, before: Token, after: Token) -> bool:  # noqa: PLR0911 (one answer per kind of name)
        lang = self.lang
        member = before.kind == "op" and (
            (before.text == "." and lang.dot_member)
            or (before.text == ":" and lang.name == "lua" and after.text == "(")
            or (before.text == "::" and lang.name == "ruby")
        )
        if member:
            if token.text.startswith("_") or token.text in _DENIED_MEMBERS:
                return False
            if token.text in lang.readers:
                return self._literal_read(index)
            if self._file_receiver(index):
                return False  # File.new, fs.writeFileSync: only the readers are admitted
            return self.json_chain or token.text in lang.members
        if token.text in lang.readers and lang.name == "php":
            return self._literal_read(index)
        self.json_chain = token.text in self.json_locals
        if token.text == "require" and lang.name in ("node", "ruby"):
            path = _required(self.tokens, index, lang)
            if path is not None and path.endswith(".json"):
                self.reads.append(path)
                self.json_chain = True
            return path is not None
        if token.text not in lang.names and token.text not in self.locals:
            return self._qualified(index, token, after)
        if token.text in self.locals and after.text == "(":
            return False  # a local called: it may hold any function a value reached
        return after.text not in _ASSIGNMENTS or token.text in self.locals

    def _qualified(self, index: int, token: Token, after: Token) -> bool:
        """``Object.keys(…)``: a name admitted only with the one member listed with it."""
        member = self.tokens[index + 2] if index + 2 < len(self.tokens) else _NOTHING
        return after.text == "." and f"{token.text}.{member.text}" in self.lang.qualified

    def _literal_read(self, index: int) -> bool:
        """``READER("path")`` or ``READER "path"``: the path is judged as a read."""
        at = index + 1
        at += at < len(self.tokens) and self.tokens[at].text == "("
        if at >= len(self.tokens) or self.tokens[at].kind != "str":
            return False
        following = self.tokens[at + 1].text if at + 1 < len(self.tokens) else ""
        path = self.tokens[at].text[1:-1]
        # "|cmd" is a pipe to IO.read, "http://", "php://", "expect://" are PHP's wrappers
        if following not in (")", ",", ";", "") or not path or ":" in path or path[0] == "|":
            return False
        self.reads.append(path)
        return True

    def _file_receiver(self, index: int) -> bool:
        """Whether the member at ``index`` is taken of ``File``, of a local bound to
        ``require('fs')`` or of ``require('fs')`` itself."""
        receiver = self.tokens[index - 2] if index >= 2 else _NOTHING
        if receiver.text in self.lang.file_receivers or receiver.text in self.file_locals:
            return True
        if receiver.text != ")" or index < 5 or self.tokens[index - 5].text != "require":
            return False
        return self.tokens[index - 3].text[1:-1] in self.lang.file_receivers

    def _operator(self, index: int, token: Token, before: Token, after: Token) -> bool:  # noqa: PLR0911
        text, lang = token.text, self.lang
        if text in ("->", "::") and lang.name in ("perl", "php"):
            return False
        if text == "=>" and lang.name == "node" and before.text not in self.locals:
            return before.text == ")"
        if text in _ASSIGNMENTS and (before.kind not in ("name", "var") or self._member(index)):
            return False
        braces = ("}",) if lang.name != "perl" else ()  # Perl's sort { … } (list)
        if text == "(" and before.kind == "op" and before.text in (")", "]", *braces):
            return False  # a call of what a call returned
        if text in ("&", "*") and lang.name == "perl" and after.text in ("{", "$", "&"):
            return False  # &{"system"}(…), &$f(…), *{"main::x"}: a call or glob by name
        indexes = before.kind in ("name", "var", "str") or before.text in (")", "]")
        if lang.name == "ruby" and before.kind == "name" and not self._member(index):
            indexes = False  # puts [3, 1, 2]: an argument (a constant's [] reads data)
        if text == "[" and indexes and not _plain_index(self.tokens, index, lang):
            return False
        if text not in (".", "::", "("):
            self.json_chain = self.json_chain and text == ")"
        return True

    def _member(self, index: int) -> bool:
        """Whether the token before ``index`` is a member (``Math.max =``)."""
        prior = self.tokens[index - 2].text if index >= 2 else ""
        return prior in ("::", "->") or (prior == "." and self.lang.dot_member)


def _plain_index(found: list[Token], index: int, lang: _Language) -> bool:
    """``xs[0]``, or ``h["key"]`` where a string index cannot reach a method (Ruby hashes,
    PHP and Perl arrays); JavaScript's and Lua's ``obj['exec']`` can."""
    if index + 2 >= len(found) or found[index + 2].text != "]":
        return False
    inner = found[index + 1]
    return inner.kind == "num" or (inner.kind == "str" and lang.name in ("ruby", "php", "perl"))


def _required(found: list[Token], index: int, lang: _Language) -> str | None:
    """The module or relative ``.json`` path of ``require('x')`` / ``require 'x'``."""
    at = index + 1
    paren = at < len(found) and found[at].text == "("
    at += paren
    if at >= len(found) or found[at].kind != "str":
        return None
    if paren and (at + 1 >= len(found) or found[at + 1].text != ")"):
        return None
    value = found[at].text[1:-1]
    if value in lang.modules:
        return value
    relative_json = value.startswith("./") and value.endswith(".json") and ".." not in value
    if lang.name == "node" and relative_json and all(c in NAME_CHARS or c in "./-@" for c in value):
        return value
    return None


def _bound(
    found: list[Token], lang: _Language
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Names the code binds (declarations, arrow and block parameters, ``x =`` at the start
    of a statement), those bound to a required ``.json`` file and those bound to ``fs``."""
    bound: set[str] = set()
    json_bound: set[str] = set()
    file_bound: set[str] = set()
    reserved = lang.names | {"require", "eval", "exec", "system", "open"}
    for index, token in enumerate(found):
        if token.kind != "name" or token.text in reserved:
            continue
        before = found[index - 1].text if index else ""
        after = found[index + 1].text if index + 1 < len(found) else ""
        declared = (
            before in _DECLARATIONS
            or after == "=>"
            or (lang.name in ("ruby", "node") and after == "=" and before in ("", ";"))
            or (before in ("(", ",") and _arrow_parameters(found, index))
            or (lang.name == "ruby" and before in ("|", ",") and _block_parameters(found, index))
        )
        if not declared:
            continue
        bound.add(token.text)
        rest = [t.text for t in found[index + 1 : index + 5]]
        if rest[:3] == ["=", "require", "("] and rest[3:] and rest[3][1:-1].endswith(".json"):
            json_bound.add(token.text)
        if rest[:3] == ["=", "require", "("] and rest[3:] and rest[3][1:-1] in lang.file_receivers:
            file_bound.add(token.text)
    return frozenset(bound), frozenset(json_bound), frozenset(file_bound)


def _arrow_parameters(found: list[Token], index: int) -> bool:
    """``(a, b) => …``: names and commas up to ``)`` then ``=>``."""
    at = index
    while at < len(found) and (found[at].kind == "name" or found[at].text == ","):
        at += 1
    return at + 1 < len(found) and found[at].text == ")" and found[at + 1].text == "=>"


def _block_parameters(found: list[Token], index: int) -> bool:
    """Ruby's ``{ |x, i| … }``: names and commas between two ``|`` after ``{`` or ``do``."""
    start = index - 1
    while start > 0 and (found[start].kind == "name" or found[start].text == ","):
        start -= 1
    if found[start].text != "|" or start == 0 or found[start - 1].text not in ("{", "do"):
        return False
    at = index
    while at < len(found) and (found[at].kind == "name" or found[at].text == ","):
        at += 1
    return at < len(found) and found[at].text == "|"
