"""A whole request judged: action, context and every string of the parameters, each read
the way its key, its enclosing tool call and the action's words say it is used.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aegis.intent_firewall.access import Scope, judge_path, judge_url
from aegis.intent_firewall.analysis import ShellJob, judge_argv, judge_shell, looks_like_command
from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.environment import judge_assignment
from aegis.intent_firewall.hosts import urls_in
from aegis.intent_firewall.model import Finding, Request
from aegis.intent_firewall.paths import looks_like_path
from aegis.intent_firewall.policy import Policy
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.sql import MAX_SQL, judge_sql, looks_like_sql
from aegis.intent_firewall.structure import Item, Walk, walk_parameters
from aegis.intent_firewall.text import canonical_text, mixed_script_words
from aegis.intent_firewall.textchecks import (
    config_escape,
    config_exec,
    instruction_override,
    sql_injection_shape,
)
from aegis.intent_firewall.vocabulary import (
    COMMAND_KEYS,
    COMMAND_WORDS,
    DELETE_WORDS,
    DESTRUCTIVE_WORDS,
    NETWORK_WORDS,
    NON_COMMAND_KEYS,
    PATH_KEYS,
    RUN_WORDS,
    SQL_KEYS,
    URL_KEYS,
    WRITE_KEYS,
    WRITE_WORDS,
    name_words,
)  # fmt: skip

__all__ = ["judge_request"]

#: Action names and contexts up to this length have their findings remembered.
_MEMO_CHARS = 512
_MEMO_ENTRIES = 4096
_PLAIN_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
_SPECIAL_KEYS = COMMAND_KEYS | PATH_KEYS | URL_KEYS | SQL_KEYS | {"<action>", "<context>", "<key>"}


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_SERVICE_WORDS = frozenset({"service", "daemon", "systemd", "unit", "firewall", "iptables"})
_LOOKING_WORDS = frozenset({"get", "list", "status", "show", "describe", "read", "check", "logs"})
_CONTENT_KEYS = frozenset({"content", "contents", "text", "body", "data", "markdown", "html"})
_DOC_SUFFIXES = (".md", ".markdown", ".rst", ".txt", ".adoc", ".org", ".html", ".htm", ".tex")
_SCRIPT_KEYS = frozenset({"script", "script_path", "script_file", "program", "executable"})
_NOT_COMMANDS = NON_COMMAND_KEYS | PATH_KEYS | URL_KEYS | {"<context>", "<action>"}


def _runs_script(elements: list[str]) -> bool:
    spec = catalogue().lookup(canonical_text(elements[0]).rsplit("/", 1)[-1])
    return spec is not None and (spec.wrapper is not None or spec.operands in ("shell", "interp"))


def _is_argv(key: str, elements: list[str]) -> bool:
    """A list of words is an argument vector when it starts with a program (known, or under
    a command key); words with spaces after the first only belong to a program that takes a
    script (``["bash", "-c", "rm -rf /"]``): otherwise the list is of command lines."""
    first = elements[0]
    if not first or first.startswith("-") or any(c.isspace() for c in first):
        return False
    if any(any(c.isspace() for c in e) for e in elements[1:]):
        return _runs_script(elements)
    known = catalogue().lookup(canonical_text(first).rsplit("/", 1)[-1]) is not None
    return known or key in COMMAND_KEYS


class _RequestJudge:
    def __init__(self, request: Request, policy: Policy, memo: dict[Any, Any]) -> None:
        self.policy = policy
        self.memo = memo
        #: Findings per (text, key, tool) within this request: repeated values cost once.
        self.seen: dict[tuple[str, str, str], list[Hit]] = {}
        self.request = request
        self.found: dict[str, Finding] = {}
        self.words = name_words(request.action)
        #: The request writes documentation: code in its text is an example, not a command.
        self.documentation = False
        self.cwd = policy.working_directory or "/"
        self.job = ShellJob(
            self.cwd, policy.working_directory is not None, policy.limits.max_shell_nodes
        )

    def keep(self, hits: Iterable[Hit], where: str) -> None:
        for hit in hits:
            if hit.rule in self.policy.disabled_rules or hit.rule in self.found:
                continue
            self.found[hit.rule] = Finding(
                hit.rule, hit.severity, hit.effect, hit.description, where, hit.evidence
            )

    def scope(self, *, prose: bool) -> Scope:
        return Scope(
            self.policy.home,
            self.policy.allowed_hosts,
            self.policy.allowed_programs,
            self.job.cwd_known,
            prose,
        )

    def action(self) -> None:
        action = self.request.action
        destructive = self.words & DESTRUCTIVE_WORDS
        if self.words & _SERVICE_WORDS and not self.words & _LOOKING_WORDS:
            destructive = destructive | (self.words & _SERVICE_WORDS)
        if destructive:
            hit = default_hit(
                "destructive-action", f"{action!r} ({', '.join(sorted(destructive))})"
            )
            self.keep([hit], "action")
        if self.words & {"script"} and self.words & RUN_WORDS:
            self.keep([default_hit("user-script", action)], "action")
        self.remembered(action, "action", "<action>")
        if self.request.context:
            self.remembered(self.request.context, "context", "<context>")

    def remembered(self, text: str, where: str, key: str) -> None:
        """Action names and contexts repeat: their findings are kept per policy (bounded)."""
        if len(text) > _MEMO_CHARS:
            self.keep(self.collect(text, key, ""), where)
            return
        memo_key = (key, text, self.cwd, self.job.cwd_known)
        hits = self.memo.get(memo_key)
        if hits is None:
            if len(self.memo) >= _MEMO_ENTRIES:
                self.memo.clear()
            hits = self.memo[memo_key] = tuple(self.collect(text, key, ""))
        self.keep(hits, where)

    def text(self, text: str, where: str, key: str, tool: str) -> None:
        memo_key = (text, key, tool)
        hits = self.seen.get(memo_key)
        if hits is None:
            hits = self.seen[memo_key] = self.uncached(text, key, tool)
        self.keep(hits, where)

    def uncached(self, text: str, key: str, tool: str) -> list[Hit]:
        if (
            key in ("<key>", "<argv>")
            and text.isascii()
            and not self.policy.custom.rules
            and (key == "<argv>" or not any(c in text for c in " ;|&$`"))
        ):
            return []  # plain keys and argv words only matter to custom rules
        if (
            len(text) < 64
            and _PLAIN_WORD.issuperset(text)
            and key not in _SPECIAL_KEYS
            and not self.policy.custom.rules
            and not (self.words & (COMMAND_WORDS | NETWORK_WORDS) and "." in text)
        ):
            return []  # an identifier-like word under an ordinary key: nothing to judge
        return self.collect(text, key, tool)

    def collect(self, text: str, key: str, tool: str) -> list[Hit]:  # noqa: PLR0912
        limits = self.policy.limits
        if len(text) > limits.max_string:
            return [default_hit("too-large", f"{len(text)} characters")]
        if not text.isascii() and _has_surrogates(text):
            text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
            return [default_hit("opaque-value", "text with lone surrogates"), *self.collect(
                text, key, tool)]  # fmt: skip
        canonical = canonical_text(text)
        hits = [default_hit("mixed-script", repr(word)) for word in mixed_script_words(text)]
        hits.extend(
            Hit(rule.id, rule.severity, rule.effect, rule.description or "custom rule", text[:120])
            for rule in self.policy.custom.matches(canonical)
        )
        if key == "<argv>" or (key == "<key>" and not any(c in text for c in " ;|&$`")):
            return hits
        if key == "<key>":
            key = ""  # a key that reads like a command is judged like a value
        if instruction_override(canonical, text) is not None:
            hits.append(default_hit("instruction-override", f"{text[:100]!r}"))
        words = name_words(tool) | self.words if tool and tool != "<env>" else self.words
        scope = self.scope(prose=False)
        if tool.startswith("<env>"):
            judge_assignment(scope, key, canonical, text)
        command = (
            key in COMMAND_KEYS
            or (
                bool(words & COMMAND_WORDS)
                and key not in _NOT_COMMANDS
                and any(c in canonical for c in " \t\n;|&$`<>")
            )
        ) and not canonical.lstrip().startswith("-")
        if command:
            if len(canonical) > limits.max_shell:
                scope.hit("too-large", f"command line of {len(canonical)} characters")
            else:
                judge_shell(canonical_text(text, fold=False), scope, self.job)
        elif key in _SCRIPT_KEYS and words & (RUN_WORDS | COMMAND_WORDS | {"script"}):
            scope.hit("user-script", f"script {text[:100]!r}")
        else:
            self.plain(canonical, text, key, words, scope)
        if "://" in canonical:
            for url in urls_in(canonical):
                judge_url(scope, url, url, self.cwd)
        hits.extend(scope.hits)
        return hits

    def plain(  # noqa: PLR0912
        self, canonical: str, text: str, key: str, words: frozenset[str], scope: Scope
    ) -> None:
        if key in SQL_KEYS and looks_like_sql(canonical):
            if len(canonical) > MAX_SQL:
                scope.hit("too-large", f"SQL of {len(canonical)} characters")
            else:
                scope.hits.extend(judge_sql(canonical))
        elif sql_injection_shape(canonical) is not None:
            scope.hit("sql-injection-shape", repr(text[:100]))
        if key in URL_KEYS and not looks_like_path(canonical):
            judge_url(scope, canonical.strip(), text, self.cwd)
        elif key in PATH_KEYS or looks_like_path(canonical):
            role = "read"
            if words & DELETE_WORDS and key in PATH_KEYS:
                role = "delete"
            elif words & WRITE_WORDS or key in WRITE_KEYS:
                role = "write"
            judge_path(scope, role, canonical.strip(), text, self.cwd)
        elif words & NETWORK_WORDS and "." in canonical and " " not in canonical.strip():
            judge_url(scope, canonical.strip(), text, self.cwd)
        documentation = key in _CONTENT_KEYS and self.documentation
        if not documentation and any(mark in canonical for mark in (":", "=", "::")):
            if config_exec(canonical) is not None:
                scope.hit("interpreter-code", f"configuration that runs commands: {text[:80]!r}")
            if config_escape(canonical) is not None:
                scope.hit("container-escape", f"configuration reaching the host: {text[:80]!r}")
        if (
            not documentation
            and len(canonical) <= self.policy.limits.max_shell
            and any(c in canonical for c in " \t\n;|&`$<>")
            and looks_like_command(canonical)
        ):
            scope.prose = True
            judge_shell(canonical_text(text, fold=False), scope, self.job)
            scope.prose = False

    def item(self, item: Item) -> None:
        if item.argv is None:
            self.text(item.text, item.where, item.key, item.tool)
            return
        scope = self.scope(prose=False)
        argv = [canonical_text(word, fold=False) for word in item.argv]
        judge_argv(argv, scope, self.job)
        self.keep(scope.hits, item.where)


def judge_request(
    request: Request, policy: Policy, memo: dict[Any, Any] | None = None
) -> tuple[list[Finding], Walk]:
    """Every finding on ``request`` under ``policy``, and the walk (with the frozen copy).

    ``memo`` keeps findings on action names and contexts; it must belong to ``policy``.
    """
    judge = _RequestJudge(request, policy, {} if memo is None else memo)
    limits = policy.limits
    walk = walk_parameters(
        request.parameters,
        max_nodes=limits.max_nodes,
        max_depth=limits.max_depth,
        max_chars=limits.max_string,
        is_argv=_is_argv,
        keys_matter=bool(policy.custom.rules),
    )
    for rule, evidence, where in walk.findings:
        judge.keep([default_hit(rule, evidence)], where)
    if walk.chars + len(request.action) + len(request.context) > limits.max_request:
        judge.keep(
            [default_hit("too-large", f"{walk.chars} characters in the request")], "parameters"
        )
        return list(judge.found.values()), walk
    cwd_items = [i for i in walk.items if i.key in ("cwd", "workdir", "working_directory")]
    for item in cwd_items[:1]:
        if item.text.startswith("/"):
            judge.cwd = canonical_text(item.text)
            judge.job = ShellJob(judge.cwd, True, judge.job.budget)
    judge.documentation = any(
        i.key in PATH_KEYS and (i.text.lower().endswith(_DOC_SUFFIXES) or "docs/" in i.text)
        for i in walk.items
    )
    judge.action()
    for item in walk.items:
        judge.item(item)
    return list(judge.found.values()), walk
