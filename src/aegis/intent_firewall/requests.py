"""A whole request judged: action, context and every string of the parameters, each read
the way its key, its enclosing tool call and the action's words say it is used.
"""

from __future__ import annotations

import base64
import itertools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from aegis.intent_firewall.access import Scope, judge_url
from aegis.intent_firewall.analysis import CommandBudget, ShellJob, judge_argv, judge_shell
from aegis.intent_firewall.autorun import auto_run_kind, script_kind
from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.collection import capture_action
from aegis.intent_firewall.deletions import DELETE_VERBS, deletion_command, tool_arguments
from aegis.intent_firewall.environment import judge_assignment
from aegis.intent_firewall.filekinds import DATA_KINDS, spreadsheet_formula, written_kind
from aegis.intent_firewall.guardtamper import tamper_findings
from aegis.intent_firewall.hosts import urls_in
from aegis.intent_firewall.httpmethods import http_method_findings
from aegis.intent_firewall.injection import reads_as_prose, without_quoted
from aegis.intent_firewall.keystrokes import session_lines, types_keystrokes
from aegis.intent_firewall.languagetools import code_program, inline_code, inline_shell_script
from aegis.intent_firewall.manifests import supply_chain_findings
from aegis.intent_firewall.model import Effect, Finding, Request, Severity
from aegis.intent_firewall.modes import is_setuid
from aegis.intent_firewall.operations import (
    RESOURCE_KEYS,
    names_file_transfer,
    structured_operations,
)
from aegis.intent_firewall.orders import ordered_urls, prose_like
from aegis.intent_firewall.parameterflags import parameter_flag_findings
from aegis.intent_firewall.paths import resolve_path
from aegis.intent_firewall.plaintext import (
    FILE_TEXT_KEYS,
    URL_KEY_ENDINGS,
    PlainValue,
    code_hits,
    judge_plain,
    sql_code,
    sql_reading,
    writes_file_text,
)
from aegis.intent_firewall.policy import Policy
from aegis.intent_firewall.quietparams import quiet_parameters
from aegis.intent_firewall.rbac import rbac_findings
from aegis.intent_firewall.readings import (
    CONTENT_KEYS,
    DOC_SUFFIXES,
    LOOKING_WORDS,
    MEMO_CHARS,
    MEMO_ENTRIES,
    NOT_COMMANDS,
    PLAIN_WORD,
    SCRIPT_KEYS,
    SERVICE_WORDS,
    SPECIAL_KEYS,
    has_surrogates,
    is_argv,
    selector_value,
)
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.runscripts import run_script_findings
from aegis.intent_firewall.searchtools import may_search, search_action, search_text
from aegis.intent_firewall.sql import SqlJudgement
from aegis.intent_firewall.sqlbinds import bound_roots, is_bound
from aegis.intent_firewall.structure import Item, Walk, walk_parameters
from aegis.intent_firewall.text import (
    MAX_DISTINCT_CHARACTERS,
    MAX_NORMALISATION_GROWTH,
    canonical_text,
    distinct_characters,
    hidden_text,
    mixed_script_words,
    normalisation_growth,
)
from aegis.intent_firewall.textchecks import (
    code_danger,
    config_escape,
    config_exec,
    free_text_checks,
    secret_in_text,
)
from aegis.intent_firewall.toolcommands import (
    ARCHIVE_WORDS,
    names_tool_command,
    tool_command,
    unread_cli,
)
from aegis.intent_firewall.vocabulary import (
    COMMAND_KEYS,
    COMMAND_WORDS,
    CONTAINER_WORDS,
    DESTRUCTIVE_WORDS,
    FILE_WORDS,
    GUARD_CHANGE_WORDS,
    GUARD_WORDS,
    NAMED_ACCESS,
    NETWORK_WORDS,
    NON_COMMAND_KEYS,
    PATH_KEYS,
    PERM_WORDS,
    RECURSIVE_KEYS,
    RUN_WORDS,
    SECRET_ACCESS_WORDS,
    SECRET_WORDS,
    URL_KEYS,
    name_words,
    noun_words,
)  # fmt: skip

__all__ = ["judge_request"]


#: Destructive action words that only say a file is deleted (judged by its path instead).
#: Verbs of a file action judged by its paths when every one is below the working directory
#: (format_file {path: src/a.py} reformats source; format_disk names no workspace file).
_FILE_DELETING = frozenset({"delete", "remove", "rm", "unlink", "erase", "format"})
_SEARCH_WORDS = frozenset({"search", "grep", "find", "lookup", "query"})
_SEARCHES = frozenset({"search"})
_SEARCH_KEYS = frozenset({"query", "q", "pattern", "search", "term", "text"})
#: Actions that run their argument as code, and the keys that carry it.
_CODE_ACTIONS = frozenset({"python", "ipython", "jupyter", "notebook", "javascript", "js",
                           "evaluate", "eval", "repl", "exec", "execute"})  # fmt: skip
_CODE_KEYS = frozenset({"code", "source", "cell", "expression", "expr", "snippet", "program",
                        "src", "input", "script", "body"})  # fmt: skip
_RUN_WORDS = frozenset(
    {"run", "runs", "interpret", "evaluate", "invoke", "call", "exec", "execute"}
)
#: Tools whose code runs in a notebook kernel (Python unless a language says otherwise): the
#: code is judged as a program's text, never as a shell line.
_KERNEL_WORDS = frozenset({"cell", "cells", "notebook", "kernel", "jupyter", "ipython", "repl"})
_CODE_WORDS = frozenset({"code", "script", "snippet", "cell", "program", "interpreter"})
#: Languages a ``language`` parameter names that make the code beside it a program to run.
_LANGUAGES = frozenset({"python", "python3", "py", "javascript", "js", "node", "nodejs", "ruby",
                        "rb", "perl", "php", "lua", "r", "julia", "typescript", "ts", "bash",
                        "sh", "shell", "zsh", "powershell", "pwsh", "go", "rust", "java",
                        "kotlin", "scala", "groovy", "elixir", "tcl", "deno", "bun"})  # fmt: skip
_LANGUAGE_KEYS = (
    "language",
    "lang",
    "runtime",
    "interpreter",
    "kernel",
    "tool",
    "tool_name",
    "executor",
)


def _runs_code(words: frozenset[str] | set[str], parameters: object) -> bool:
    """The request hands code to something that runs it: a code-running action or tool
    (``python_repl``, ``run_code``), or a ``language`` parameter naming a language."""
    if words & _CODE_ACTIONS or (words & _RUN_WORDS and words & _CODE_WORDS):
        return True
    if not isinstance(parameters, Mapping):
        return False
    for name in _LANGUAGE_KEYS:
        value = parameters.get(name)
        if isinstance(value, str) and value.strip().lower() in _LANGUAGES:
            return True
    return False


#: Action words under which every parameter is an environment variable (set_env(LD_PRELOAD=…)).
_ENV_ACTIONS = frozenset({"env", "environment", "environ", "setenv", "putenv", "export"})
#: Words that make a key a command line wherever they appear (shellCommand, exec_cmd).
_COMMAND_KEY_WORDS = frozenset({"command", "cmd", "shell", "entrypoint", "commandline"})
#: Key parts that say the value is encoded or serialised: decoded and judged, or review.
_ENCODED_KEY_PARTS = ("base64", "b64", "encoded", "pickle", "marshal", "serialized", "serialised")
#: Keys up to this length have what their words say remembered (a bounded cache).
_MEMO_KEY_CHARS = 64
_SERIALISED_KEY_PARTS = ("pickle", "marshal", "serialized", "serialised")
#: Keys that set the working directory every relative path and command line is seen from.
_CWD_KEYS = frozenset(
    {"cwd", "workdir", "working_directory", "working_dir", "workingdirectory", "dir",
     "directory", "base", "basedir", "base_dir", "chdir", "root_dir", "rootdir"}
)  # fmt: skip
#: Tools whose input is a shell command line, and the keys that carry it.
_SHELL_TOOLS = frozenset(
    {"bash", "sh", "zsh", "fish", "shell", "terminal", "console", "powershell", "pwsh", "cmd"}
)
_INPUT_KEYS = frozenset({"input", "tool_input", "arguments", "args", "command", "cmd", "code"})
#: Action words that reach secrets or the safety layer itself, with the verbs that make it so.
_NAMED_ACCESS = (
    (SECRET_WORDS, SECRET_ACCESS_WORDS),
    (GUARD_WORDS, GUARD_CHANGE_WORDS),
    *NAMED_ACCESS,
)
_ENV_WORDS = frozenset({"env", "getenv", "environ", "environment", "printenv"})
#: Keys whose value a tool passes to a program as one operand (a URL, a ref, a package).
_OPERAND_KEYS = URL_KEYS | PATH_KEYS | frozenset(
    {"url", "uri", "ref", "branch", "tag", "commit", "revision", "rev", "package", "packages",
     "repo", "repository", "remote", "module", "host", "hostname", "image", "name", "target"}
)  # fmt: skip
#: Parts of a (case-folded, so no longer camelCase) key that make its value a command line.
_COMMAND_KEY_PARTS = ("command", "cmd", "shell", "script_content", "scriptcontent", "script_body")


#: Action words naming a directory (delete_directory, remove_folder): a file action too.
_DIRECTORY_WORDS = frozenset({"directory", "directories", "dir", "dirs", "folder", "folders"})
#: Words of file-editing tools whose ``command`` parameter names an editing operation
#: (``str_replace_based_edit_tool {command: str_replace}``, ``view``, ``create``, ``insert``).
_EDITOR_WORDS = frozenset({"edit", "editor", "edits", "notebook"})


def _editor_operation(key: str, words: frozenset[str], canonical: str) -> bool:
    """One identifier under ``command`` in an editing tool that is no shell: an operation."""
    return (
        key in ("command", "cmd", "operation", "op")
        and bool(words & _EDITOR_WORDS)
        and not words & COMMAND_WORDS
        and canonical.replace("_", "").isalnum()
    )


#: Programs that only search: the text they are given is a pattern to find, not a message.
_SEARCH_PROGRAMS = frozenset({"grep", "egrep", "fgrep", "rg", "ag", "ack", "git-grep"})


#: Characters that make a line more than one search command (separators, redirections,
#: substitutions).
_NOT_ONE_SEARCH = frozenset(";&|<>`$\n")


def _search_line(canonical: str, key: str) -> bool:
    """``rg -n 'ignore previous instructions' tests/``: one search command and nothing else
    (no separator, redirection or substitution), so the phrase is what it looks for."""
    if key not in COMMAND_KEYS or not _NOT_ONE_SEARCH.isdisjoint(canonical):
        return False
    words = canonical.split(None, 2)
    first = "-".join(words[:2]) if words[:1] == ["git"] else (words[0] if words else "")
    return first.rsplit("/", 1)[-1] in _SEARCH_PROGRAMS


def _free_text_hits(
    canonical: str, text: str, *, authored: bool = False, loads: bool = True
) -> list[Hit]:
    """Instruction-override phrases, secrets written out and data that runs code when
    loaded (all heuristic: review). In a file the agent writes (``authored``) a quoted
    phrase is mentioned, not addressed to a reader; secrets and loaders count as written.
    Without ``loads`` (a document or data file's text) nothing loads the text as code, but
    a spreadsheet runs the formulas of a data file it opens."""
    override, secret, loaded = free_text_checks(canonical, text)
    if override is not None and authored:
        bare = without_quoted(text)
        override = free_text_checks(canonical_text(bare), bare)[0] if bare != text else override
    found = []
    if override is not None:
        found.append(default_hit("instruction-override", f"{text[:100]!r}"))
    if secret is not None:
        found.append(default_hit("secret-in-text", f"{text[:40]!r}…"))
    if loaded is not None and (loads or spreadsheet_formula(text)):
        found.append(default_hit("code-in-data", f"{text[:100]!r}"))
    return found


def _encoded_key(key: str) -> bool:
    """Whether ``key`` says its value is encoded or serialised (short keys remembered)."""
    if len(key) > _MEMO_KEY_CHARS:
        return any(part in key for part in _ENCODED_KEY_PARTS)
    return _encoded_short_key(key)


@lru_cache(maxsize=1024)
def _encoded_short_key(key: str) -> bool:
    return any(part in key for part in _ENCODED_KEY_PARTS)


def _command_key(key: str) -> bool:
    if key in NON_COMMAND_KEYS:
        return False
    if name_words(key) & _COMMAND_KEY_WORDS:
        return True
    return any(part in key for part in _COMMAND_KEY_PARTS)


_NAME_KEYS = frozenset({"name", "file_name", "filename", "fname"})
_MAX_CONFIG_TEXT = 8192
_MODE_KEYS = frozenset({"mode", "permissions", "perms", "perm", "file_mode", "chmod"})


def structured_config(frozen: Any, *, settings: bool) -> list[Hit]:
    """Parameters that are configuration as data (``{"privileged": true, "volumes":
    ["/:/host"]}``) judged by the same rules as that configuration written as text; flat
    strings only when they are a container's ``settings`` (``{"pid_mode": "host"}``)."""
    if not isinstance(frozen, dict) or (not settings and _all_strings(frozen)):
        return []  # flat strings: each is already judged as text
    text = config_text(frozen, _MAX_CONFIG_TEXT)
    canonical = text.lower()  # every string in it is judged canonically on its own
    hits = []
    if config_escape(canonical) is not None:
        hits.append(
            default_hit("container-escape", f"configuration reaching the host: {text[:100]}")
        )
    if config_exec(canonical) is not None:
        hits.append(
            default_hit("interpreter-code", f"configuration that runs commands: {text[:100]}")
        )
    return hits


def _all_strings(mapping: dict[Any, Any]) -> bool:
    """Whether every value of ``mapping`` is a ``str`` (a loop: this runs for every request)."""
    for value in mapping.values():  # noqa: SIM110 (a generator costs more per request)
        if type(value) is not str:
            return False
    return True


def config_text(value: Any, budget: int) -> str:
    """``value`` written as JSON-like text of at most about ``budget`` characters, each
    shared container once (a diamond of references is not unfolded). Iterative."""
    out: list[str] = []
    size = 0
    seen: set[int] = set()
    stack: list[Any] = [value]
    while stack and size < budget:
        item = stack.pop()
        kind = type(item)
        if kind is _Raw:
            piece = item.text
        elif kind is str:
            piece = _json_string(item)  # what json.dumps writes for it, without its dispatch
        elif kind is int:
            piece = repr(item)  # json.dumps writes an int as its repr
        elif isinstance(item, dict | list | tuple | set | frozenset):
            if id(item) in seen:
                piece = '"…"'
            else:
                seen.add(id(item))
                stack.extend(reversed(_pieces(item)))
                continue
        elif isinstance(item, bool) or item is None:
            piece = json.dumps(item)
        else:
            piece = json.dumps(item if isinstance(item, int | float | str) else str(item))
        out.append(piece)
        size += len(piece)
    return "".join(out)[:budget]


class _Raw:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


_LEFT_BRACE, _RIGHT_BRACE, _LEFT_BRACKET, _RIGHT_BRACKET = map(_Raw, "{}[]")
_COMMA, _NOTHING = _Raw(", "), _Raw("")
#: json.dumps(text) for a string (ASCII-escaped, the default), as one C call.
_json_string: Callable[[str], str] = json.encoder.encode_basestring_ascii


def _pieces(container: Any) -> list[Any]:
    """The tokens of one container: brackets, keys and values in order."""
    if isinstance(container, dict):
        pieces: list[Any] = [_LEFT_BRACE]
        for index, (name, item) in enumerate(container.items()):
            pieces += [_COMMA if index else _NOTHING, _Raw(_json_string(str(name)) + ": "), item]
        pieces.append(_RIGHT_BRACE)
        return pieces
    pieces = [_LEFT_BRACKET]
    for index, item in enumerate(container):
        pieces += [_COMMA if index else _NOTHING, item]
    pieces.append(_RIGHT_BRACKET)
    return pieces


@lru_cache(maxsize=1024)
def _names_nothing(words: frozenset[str]) -> bool:
    """Whether :meth:`_RequestJudge.action` finds nothing in an action of ``words`` but what
    its name and context say as text: no destructive or service word, no noun of a named
    access (so the parameters are never consulted), no script run. Remembered per word set
    (action names repeat; 1,024 sets of short words)."""
    if words & DESTRUCTIVE_WORDS or words & SERVICE_WORDS:
        return False
    if any(words & nouns for nouns, _verbs in _NAMED_ACCESS):
        return False
    return not ("script" in words and words & RUN_WORDS)


def _recursive(parameters: Any) -> bool:
    """``{"path": "/etc", "recursive": true}``: the action applies to the whole tree."""
    if not isinstance(parameters, dict):
        return False
    for name, value in itertools.islice(parameters.items(), 64):
        if (
            value is True
            and isinstance(name, str)
            and name.casefold().lstrip("-") in RECURSIVE_KEYS
        ):
            return True
    return False


#: Work units a value naming a network destination costs beyond any value's (see
#: ``analysis.CommandBudget``): it is judged as a URL, a host and a query string too.
_DESTINATION_UNITS = 40


def _judged_already(url: str, judged: str | None, same_cwd: bool) -> bool:
    """Whether the plain reading of a value already gave ``url`` to ``judge_url`` (from the
    same working directory): judged again it would find the same rules, and the first
    finding of a rule is the one kept. A ``file:`` URL is judged as a path, which depends
    on what the request wrote and linked before, so it is judged again."""
    return url == judged and same_cwd and "file:" not in url.replace("\\", "")


def _names_destination(text: str, key: str) -> bool:
    """``text`` is a URL, or a value under a key that names a host (``host_3``, ``api_url``)."""
    if "://" in text:
        return True
    if len(key) > _MEMO_KEY_CHARS:
        return not _DESTINATION_KEY_WORDS.isdisjoint(name_words(key))
    return _destination_key(key)


@lru_cache(maxsize=1024)
def _destination_key(key: str) -> bool:
    return not _DESTINATION_KEY_WORDS.isdisjoint(name_words(key))


_DESTINATION_KEY_WORDS = frozenset(URL_KEY_ENDINGS) | {"server", "remote", "addr", "address"}


@dataclass(frozen=True, slots=True)
class _ActionName:
    """What an action's name alone says, worked out once per name (agents repeat a few):
    its words, and which of the checks that read the name first can apply at all."""

    words: frozenset[str]
    #: The name's words with singulars and two-word nouns, for the named-access pairs.
    nouns: frozenset[str]
    may_search: bool
    may_delete: bool
    may_run_tool_command: bool
    #: delete_directory {path}: a directory goes with everything below it
    deletes_directory: bool
    #: what :func:`capture_action` says of the name
    captured: str
    moves_files: bool
    #: what :func:`types_keystrokes` says with no parameter it reads
    types: bool


def _action_name(action: str) -> _ActionName:
    if len(action) > _MEMO_KEY_CHARS:
        return _read_action_name(action)
    return _remembered_action_name(action)


def _read_action_name(action: str) -> _ActionName:
    words = name_words(action)
    return _ActionName(
        words=words,
        nouns=noun_words(action),
        may_search=may_search(words),
        may_delete=not words.isdisjoint(DELETE_VERBS),
        may_run_tool_command=names_tool_command(words),
        deletes_directory=bool(words & _DIRECTORY_WORDS and words & _FILE_DELETING),
        captured=capture_action(words),
        moves_files=names_file_transfer(words),
        types=types_keystrokes(words, _NO_PARAMETERS),
    )


_remembered_action_name = lru_cache(maxsize=1024)(_read_action_name)


def _scope_settings(policy: Policy) -> dict[str, Any]:
    """The policy's part of a :class:`Scope`, built once per policy (policies are
    immutable; the firewall keeps one until a setting changes). Kept by identity, with the
    policy itself, so an identity is never taken for a later policy's."""
    kept = _SCOPE_SETTINGS.get(id(policy))
    if kept is not None and kept[0] is policy:
        return kept[1]
    if len(_SCOPE_SETTINGS) >= 16:
        _SCOPE_SETTINGS.clear()
    settings = {
        "home": policy.home,
        "allowed_hosts": policy.allowed_hosts,
        "allowed_programs": policy.allowed_programs,
        "workspace": policy.working_directory,
        "max_address_list": policy.limits.max_address_list,
        "environment": policy.environment,
        "windows_workspace": policy.windows_workspace,
    }
    _SCOPE_SETTINGS[id(policy)] = (policy, settings)
    return settings


_SCOPE_SETTINGS: dict[int, tuple[Policy, dict[str, Any]]] = {}


class _RequestJudge:
    def __init__(self, request: Request, policy: Policy, memo: dict[Any, Any]) -> None:
        self.policy = policy
        self.memo = memo
        #: Findings per (text, key, tool) within this request: repeated values cost once.
        self.seen: dict[tuple[str, str, str, bool], list[Hit]] = {}
        self.request = request
        self.custom = bool(policy.custom.rules)
        name = self.name = _action_name(request.action)
        self.words = name.words
        parameters = request.parameters
        #: search_code {query, path}: the text it looks for is no command (searchtools.py)
        self.search_tool = name.may_search and search_action(self.words, parameters)
        self.nouns = name.nouns
        #: ``fs.rm {path: ./dist}``: the ``rm -r`` a file-deleting tool amounts to.
        self.deletion = deletion_command(self.words, parameters) if name.may_delete else None
        #: ``aws_cli {service, operation, args}``, ``k8s.get {…}``, ``create_archive {…}``:
        #: the command line such a tool runs (``toolcommands.py``).
        self.command = tool_command(self.words, parameters) if name.may_run_tool_command else None
        # delete_directory {path}: a directory goes with everything below it
        self.recursive = name.deletes_directory or _recursive(parameters)
        self.found: dict[str, Finding] = {}
        #: The request writes documentation: code in its text is an example, not a command.
        self.documentation = False
        #: The context while its unpacked parts are judged: a part it holds verbatim was
        #: already read for injection as part of the whole.
        self.context_text: str | None = None
        #: ``recipe``/``python`` when the request writes a file a build command runs.
        self.auto_run: str | None = None
        #: What the file the request writes is (``filekinds.py``): ``document``, ``data``,
        #: ``test``, or None for code, configuration and anything unknown.
        self.written: str | None = None
        #: The request names a path: its text keys hold a file's text.
        self.writes_file = False
        #: The request types its text into whatever has the focus (a terminal, maybe).
        self.typing = False
        #: Tool names already judged for destructive words.
        self.tools: set[str] = set()
        self.cwd = policy.working_directory or "/"
        self.job = ShellJob(
            self.cwd, policy.working_directory is not None, policy.limits.max_shell_nodes
        )
        #: What the request's lists of command lines, read again as scripts, may cost.
        self.script_budget: CommandBudget | None = None
        #: What every :class:`Scope` of the request takes from the policy.
        self.scope_settings = _scope_settings(policy)

    def keep(self, hits: Iterable[Hit], where: str) -> None:
        """Each hit's rule once. What the context alone draws (text the agent read, not
        what it does) is at most review; the same rule drawn by the request itself takes
        its place with its own effect."""
        read = where.startswith("context")
        for hit in hits:
            if hit.rule in self.policy.disabled_rules:
                continue
            known = self.found.get(hit.rule)
            if known is not None and (read or not known.where.startswith("context")):
                continue
            effect = Effect.REVIEW if read else hit.effect
            self.found[hit.rule] = Finding(
                hit.rule, hit.severity, effect, hit.description, where, hit.evidence
            )

    def scope(self, *, prose: bool) -> Scope:
        return Scope(**self.scope_settings, cwd_known=self.job.cwd_known, prose=prose)

    def unread_command(self) -> None:
        """A cloud or Kubernetes tool whose command line cannot be read: fail closed."""
        if (
            self.command is None
            and self.name.may_run_tool_command
            and unread_cli(self.words, self.request.parameters)
        ):
            hit = default_hit("destructive-action", f"{self.request.action!r} (unread)")
            self.keep([hit], "action")

    def action(self) -> None:
        action = self.request.action
        if _names_nothing(self.nouns):
            # the common action (execute_command, read_file): no destructive, service or
            # access word, so nothing below can fire; the name and context are still judged
            self.remembered(action, "action", "<action>")
            if self.request.context:
                self.remembered(self.request.context, "context", "<context>")
            return
        destructive = self.words & DESTRUCTIVE_WORDS
        if self.words & SERVICE_WORDS and not self.words & LOOKING_WORDS:
            destructive = destructive | (self.words & SERVICE_WORDS)
        for nouns, verbs in _NAMED_ACCESS:
            named = self.nouns & nouns
            if nouns is GUARD_WORDS and named & PERM_WORDS and self._names_a_path():
                named = named - PERM_WORDS  # set_permissions {path: …}: a file's mode
            if named and self.words & verbs:  # dump_credentials, update_policy
                destructive = destructive | named | (self.words & verbs)
        if destructive and destructive <= _FILE_DELETING and self._only_workspace_files():
            destructive = frozenset()  # delete_file {path: build/x.log}: judged as its path
        if destructive and destructive <= DELETE_VERBS and self.deletion is not None:
            destructive = frozenset()  # fs.rm {path: ./dist}: judged as rm -r ./dist
        if destructive and destructive <= ARCHIVE_WORDS and self.command is not None:
            destructive = frozenset()  # create_archive {source, output}: judged as tar czf
        if destructive:
            hit = default_hit(
                "destructive-action", f"{action!r} ({', '.join(sorted(destructive))})"
            )
            self.keep([hit], "action")
        if (
            self.words & {"script"}
            and self.words & RUN_WORDS
            and not inline_code(self.words, self.request.parameters)
            and not inline_shell_script(self.request.parameters)
        ):
            # run_script runs a user's script; runJavaScript {code} and run_python_script
            # {code} run code given inline, judged as that language's (languagetools.py)
            self.keep([default_hit("user-script", action)], "action")
        self.remembered(action, "action", "<action>")
        if self.request.context:
            self.remembered(self.request.context, "context", "<context>")

    def _only_workspace_files(self) -> bool:
        """A file action whose every path parameter lies below the configured working
        directory: deleting there is what ``rm build/x.log`` does, and the path rules judge
        it (a sensitive file in the workspace, ``.git/hooks``, is still a finding)."""
        parameters = self.request.parameters
        if not self.words & (FILE_WORDS | _DIRECTORY_WORDS) or not self.job.cwd_known:
            return False
        if not isinstance(parameters, Mapping) or self.cwd in ("/", ""):
            return False
        paths = [
            value
            for name, value in itertools.islice(parameters.items(), 64)
            if isinstance(name, str) and name.casefold() in PATH_KEYS
        ]
        if any(
            not isinstance(name, str)
            or name.casefold() in URL_KEYS
            or name.casefold() in RESOURCE_KEYS
            or isinstance(value, (Mapping, list, tuple))
            for name, value in itertools.islice(parameters.items(), 64)
        ):
            # delete_file {path: ./x, host: prod-1}: a file on another machine; {bucket: …}:
            # an object of a store; nested settings: not understood (fail closed)
            return False
        inside = self.cwd.rstrip("/") + "/"
        return bool(paths) and all(
            isinstance(value, str)
            and resolve_path(value, self.cwd, self.policy.home).startswith(inside)
            for value in paths
        )

    def below_workspace(self, path: str) -> bool:
        """``path`` lies strictly below the working directory (the named one, or, with none
        named, a relative path that does not climb out)."""
        from aegis.intent_firewall.access import stays_below_unknown_cwd
        from aegis.intent_firewall.paths import resolve_path

        if not self.job.cwd_known or self.cwd in ("/", ""):
            return stays_below_unknown_cwd(path) and path.strip("/. ") != ""
        inside = self.cwd.rstrip("/") + "/"
        return resolve_path(path, self.cwd, self.policy.home).startswith(inside)

    def _names_a_path(self) -> bool:
        """Whether the parameters have a path key: the action's permissions are a file's."""
        parameters = self.request.parameters
        return isinstance(parameters, Mapping) and any(
            isinstance(name, str) and name.casefold() in PATH_KEYS
            for name in itertools.islice(parameters, 64)
        )

    def remembered(self, text: str, where: str, key: str) -> None:
        """Action names and contexts repeat: their findings are kept per policy (bounded)."""
        if len(text) > MEMO_CHARS:
            self.keep(self.collect(text, key, ""), where)
            return
        memo_key = (key, text, self.cwd, self.job.cwd_known)
        hits = self.memo.get(memo_key)
        if hits is None:
            if len(self.memo) >= MEMO_ENTRIES:
                self.memo.clear()
            hits = self.memo[memo_key] = tuple(self.collect(text, key, ""))
        self.keep(hits, where)

    def text(self, text: str, where: str, key: str, tool: str) -> None:
        if key in _NAME_KEYS and self.words & FILE_WORDS:
            key = "path"  # read_file {name: .env}: a file tool's name is a file name
        elif key in _MODE_KEYS and self.words & PERM_WORDS and is_setuid(text.strip()):
            self.keep([default_hit("setuid", f"{self.request.action} {key}={text[:20]}")], where)
        memo_key = (text, key, tool, self.context_text is not None)
        hits = self.seen.get(memo_key)
        if hits is None:
            hits = self.seen[memo_key] = self.uncached(text, key, tool)
        self.keep(hits, where)

    def uncached(self, text: str, key: str, tool: str) -> list[Hit]:
        if (
            key in ("<key>", "<argv>")
            and text.isascii()
            and not self.custom
            and (key == "<argv>" or not any(c in text for c in " ;|&$`"))
        ):
            return []  # plain keys and argv words only matter to custom rules
        if (
            len(text) < 64
            and PLAIN_WORD.issuperset(text)
            and key not in SPECIAL_KEYS
            and not self.custom
            and not (tool and name_words(tool) & _SHELL_TOOLS)
            and not tool.startswith("<env>")  # PERL5OPT=-MEvil: the name gives the meaning
            and not _encoded_key(key)
            and not (self.words & (COMMAND_WORDS | NETWORK_WORDS) and "." in text)
            and not (key == "name" and "." in text)  # a file tool's name: ".env"
            and not ("." in text and key.endswith(URL_KEY_ENDINGS))  # smtp_hostname: a host
            # node.eval {code: process.env.TOKEN}: one word of code is still code
            and code_program(name_words(tool) | self.words if tool else self.words, key) is None
        ):
            return []  # an identifier-like word under an ordinary key: nothing to judge
        budget = self.job.commands
        if budget is not None and not budget.judge_value(text):
            return [default_hit("too-large", budget.too_much())]
        if budget is not None and _names_destination(text, key):
            # a destination is judged as a URL, a host and a query, twice the usual cost
            budget.spend(_DESTINATION_UNITS)
        return self.collect(text, key, tool)

    def collect(self, text: str, key: str, tool: str) -> list[Hit]:  # noqa: PLR0911, PLR0912, PLR0915
        limits = self.policy.limits
        if len(text) > limits.max_string:
            return [default_hit("too-large", f"{len(text)} characters")]
        if text.isascii():
            # ASCII (nearly every value): no surrogate, normalisation, script or hidden
            # character to look for, and its canonical form is its lower case
            canonical = text.lower()
            hits: list[Hit] = []
        else:
            if has_surrogates(text):
                text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
                return [default_hit("opaque-value", "text with lone surrogates"), *self.collect(
                    text, key, tool)]  # fmt: skip
            growth = normalisation_growth(text)
            if growth > MAX_NORMALISATION_GROWTH:
                # 16,000 U+FDFA become 288,000 characters: not inspected, never passed
                return [default_hit("too-large", f"{len(text)} characters that normalise to "
                                    f"over {growth} more")]  # fmt: skip
            distinct = distinct_characters(text)
            if distinct > MAX_DISTINCT_CHARACTERS:
                return [default_hit("too-large", f"text of {distinct} distinct characters")]
            canonical = canonical_text(text)
            hits = [default_hit("mixed-script", repr(word)) for word in mixed_script_words(text)]
            hidden = hidden_text(text)
            if hidden is not None:
                hits.append(default_hit("hidden-text", hidden))
        if self.custom:
            hits.extend(
                Hit(rule.id, rule.severity, rule.effect, rule.description or "custom rule",
                    text[:120])
                for rule in self.policy.custom.matches(canonical)
            )  # fmt: skip
        if key == "<argv>" or (key == "<key>" and not any(c in text for c in " ;|&$`")):
            return hits
        if key == "<key>":
            key = ""  # a key that reads like a command is judged like a value
        if search_text(self.search_tool, key):
            # search {pattern: 'nc -e'}: what it looks for is neither run nor read; only a
            # secret in it is sent (searchtools.py)
            if secret_in_text(canonical) is not None:
                hits.append(default_hit("secret-in-text", f"{text[:40]!r}…"))
            return hits
        searching = (key in _SEARCH_KEYS and bool(self.words & _SEARCH_WORDS)) or _search_line(
            canonical, key
        )
        # parsed SQL's data literals are data: the generic checks read its code (plaintext.py)
        sql = sql_reading(key, canonical, self.job)
        seen, seen_text = sql_code(sql, canonical, text)
        if seen is not canonical:
            hits = code_hits(hits, text, seen)
        if not searching:
            authored = writes_file_text(key, self.words, text) or (
                self.written is not None and key in FILE_TEXT_KEYS
            )
            authored = authored and not (key in FILE_TEXT_KEYS and self.written == "instructions")
            # a fixture of payloads or a document quoting them: nothing loads them as code
            loads = not (key in FILE_TEXT_KEYS and self.written in DATA_KINDS)
            hits.extend(_free_text_hits(seen, seen_text, authored=authored, loads=loads))
            if seen is not canonical and secret_in_text(canonical) is not None:
                hits.append(default_hit("secret-in-text", f"{text[:40]!r}…"))  # still written
        if _encoded_key(key):
            hits.extend(self.encoded(text, key, tool))
        words = name_words(tool) | self.words if tool and tool != "<env>" else self.words
        if self.search_tool:
            words |= _SEARCHES  # find_in_files {root: /}: every file below the root is read
        # "Summary: run `make test`" unpacked from a context's YAML is prose the agent was
        # given, not a line to run: only a command key (run:, cmd:) makes its value one
        from_context = self.context_text is not None and text in self.context_text
        scope = self.scope(prose=False)
        if tool.startswith("<env>") or (not tool and self.words & _ENV_ACTIONS):
            judge_assignment(scope, key, canonical, text)
            if "." in key and config_exec(f"{key}={canonical}".lower()) is not None:
                # {"key": "core.sshCommand", "value": …}: a setting that runs a program
                scope.hit("interpreter-code", f"setting {key}={text[:80]!r}")
        # runPython {code}, node.eval {script}: the code of that interpreter's -c or -e
        program = code_program(words, key)
        if (
            program is None
            and key in _CODE_KEYS
            and _runs_code(words, self.request.parameters)
            and code_danger(canonical)
        ):
            scope.hit("interpreter-code", f"{self.request.action} runs {text[:80]!r}")
        single = key in ("args", "arguments", "argv") and not any(c.isspace() for c in text)
        # a shell tool's input is a command line even when it is one word (``poweroff``)
        shell_input = key in _INPUT_KEYS and bool(tool) and bool(name_words(tool) & _SHELL_TOOLS)
        command = (
            program is None
            and not single
            and not _editor_operation(key, words, canonical)
            and not (key in _CODE_KEYS and words & _KERNEL_WORDS and "\n" in canonical)
            and (
                key in COMMAND_KEYS
                or shell_input
                or _command_key(key)
                or (
                    not from_context
                    and bool(words & COMMAND_WORDS)
                    and key not in NOT_COMMANDS
                    and not selector_value(key, canonical)
                    and any(c in canonical for c in " \t\n;|&$`<>")
                    and (
                        # a substitution runs whatever words surround it (not slow $(…));
                        # backquotes in prose are how sentences quote code
                        "$(" in canonical
                        or (
                            not reads_as_prose(canonical)  # run_agent {prompt: "Bitte …"}
                            and not prose_like(text)  # sentences: the commands they order
                        )
                    )
                )
            )
            and not canonical.lstrip().startswith("-")
        )
        judged: str | None = None  # the text the plain reading judged as a URL
        if program is not None:
            judge_argv([*program, canonical_text(text, fold=False)], scope, self.job)
        elif command:
            if len(canonical) > limits.max_shell:
                scope.hit("too-large", f"command line of {len(canonical)} characters")
            else:
                judge_shell(canonical_text(text, fold=False), scope, self.job)
        elif key in SCRIPT_KEYS and words & (RUN_WORDS | COMMAND_WORDS | {"script"}):
            scope.hit("user-script", f"script {text[:100]!r}")
        else:
            judged = self.plain(canonical, text, key, words, scope, sql=sql)
        if "://" in seen:
            for url in self.destinations(seen, key, command=command):
                if not _judged_already(url, judged, self.job.cwd == self.cwd):
                    judge_url(scope, url, url, self.cwd)
        hits.extend(scope.hits)
        return hits

    def destinations(self, canonical: str, key: str, *, command: bool) -> list[str]:
        """The URLs of a value that are places the request reaches: none in a document or
        data file written (``filekinds.py``), those outside string literals in a test
        source, all in other files (code and configuration fetch them), and in sentences
        and agent instruction files only those the text orders reached (``orders.py``)."""
        kind = self.written if key in FILE_TEXT_KEYS else None
        if kind in DATA_KINDS:
            return []
        if kind == "test":
            return list(urls_in(without_quoted(canonical)))
        urls = list(urls_in(canonical))
        if kind == "instructions":
            return ordered_urls(canonical, urls)  # AGENTS.md: the URLs it orders reached
        if command or key in URL_KEYS or (key in FILE_TEXT_KEYS and self.writes_file):
            return urls  # a file of code or configuration: its URLs are fetched
        if not prose_like(canonical):
            return urls
        return ordered_urls(canonical, urls)

    def encoded(self, text: str, key: str, tool: str) -> list[Hit]:
        """``{"command_b64": "cm0gLXJmIH4="}``: the decoded text is judged under the key's
        plain name; serialised objects (pickle, marshal) run code when loaded."""
        if any(part in key for part in _SERIALISED_KEY_PARTS):
            return [
                default_hit("code-in-data", f"{key} holds a serialised object: loading runs code")
            ]
        try:
            decoded = base64.b64decode(text.strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return [default_hit("opaque-value", f"{key} holds encoded data that is not text")]
        plain_key = key
        for part in _ENCODED_KEY_PARTS:
            plain_key = plain_key.replace(part, "")
        plain_key = plain_key.strip("_-") or "command"
        return self.collect(decoded, plain_key, tool)

    def plain(
        self,
        canonical: str,
        text: str,
        key: str,
        words: frozenset[str],
        scope: Scope,
        *,
        sql: SqlJudgement | None = None,
    ) -> str | None:
        """The value read as text (``plaintext.judge_plain``); the text it judged as a URL."""
        run = self.auto_run if key in CONTENT_KEYS else None
        if key in FILE_TEXT_KEYS and run is None and text[:2] == "#!":
            run = script_kind(text)  # tools/bootstrap opening with #!/bin/sh
        elif key in FILE_TEXT_KEYS and run is None and self.written == "test":
            # a test source's strings are data, but for those its code runs when imported
            run = "python" if code_danger(without_quoted(canonical)) else None
        if run is not None:
            from aegis.intent_firewall.autorun import carried_commands

            carried = self.scope(prose=True)
            for line in carried_commands(run, text):
                judge_shell(canonical_text(line, fold=False), carried, self.job)
            scope.hits.extend(carried.hits)
        return judge_plain(
            PlainValue(
                canonical, text, key, words, self.recursive, sql, self.context_text is not None
            ),
            scope,
            self.job,
            self.policy.limits.max_shell,
            documentation=key in FILE_TEXT_KEYS and self.documentation,
            prose_commands=key not in CONTENT_KEYS
            or self.typing
            or bool(self.words & (COMMAND_WORDS | RUN_WORDS)),
            injection=self.context_text is None or text not in self.context_text,
            instructions=key in FILE_TEXT_KEYS and self.written == "instructions",
            data_file=key in FILE_TEXT_KEYS and self.written in DATA_KINDS,
        )

    def operand(self, item: Item) -> None:
        """Values a tool passes on as one argument: a header with a line break adds headers,
        an operand starting with ``-`` is read as an option (``--upload-pack=…``)."""
        text = item.text
        if ("\r" in text or "\n" in text) and ".headers." in item.where.casefold():
            self.keep(
                [default_hit("code-in-data", f"line break in header {item.key!r}")], item.where
            )
        if self.words & _ENV_WORDS and name_words(item.text[:128]) & SECRET_WORDS:
            evidence = f"{self.request.action} {item.text[:80]!r}"
            self.keep([default_hit("secret-environment", evidence)], item.where)
        operand = item.text.lstrip()
        if (
            operand[:1] == "-"
            and item.key in _OPERAND_KEYS
            and (operand.startswith("--") or "=" in operand)
        ):  # --upload-pack=…, -oProxyCommand=…; a bare -e (pip install -e .) is no value
            evidence = f"{item.key} {item.text[:80]!r} starts with '-'"
            self.keep([default_hit("option-injection", evidence)], item.where)

    def tool_name(self, item: Item) -> None:
        """A tool call's name counts like the action's: ``{"name": "delete_database"}``."""
        tool = item.tool
        if not tool or tool[0] == "<" or tool in self.tools:
            return
        self.tools.add(tool)
        destructive = name_words(tool) & DESTRUCTIVE_WORDS
        if destructive and destructive <= DELETE_VERBS:
            # {name: delete_file, arguments: {path: ./dist}}: judged as rm -r ./dist
            arguments = tool_arguments(self.request.parameters, item.where)
            command = deletion_command(name_words(tool), arguments)
            if command is not None:
                scope = self.scope(prose=False)
                judge_argv(command, scope, self.job)
                self.keep(scope.hits, item.where)
                return
        if destructive:
            evidence = f"tool {tool!r} ({', '.join(sorted(destructive))})"
            self.keep([default_hit("destructive-action", evidence)], item.where)

    def script(self, item: Item) -> None:
        """A list of command lines read as one script: its lines were charged to the
        request's budget when judged one by one, so this second reading is charged to a
        budget of its own, shared by every such script of the request (so a request costs
        at most two budgets and a value more, however its lines are split into lists)."""
        job = self.job
        if self.script_budget is None:
            limits = self.policy.limits
            self.script_budget = CommandBudget(
                limits.max_commands, limits.max_sql_parsed, limits.max_paths, limits.max_work
            )
        self.job = ShellJob(job.cwd, job.cwd_known, job.budget, self.script_budget)
        try:
            self.item(replace(item, script=False))
        finally:
            self.job = job

    def _named_program(self, argv: list[str], item: Item) -> list[str]:
        """``git {args: [push, --force]}``: the arguments of a tool named after a program
        are that program's, not a command line whose program is their first word."""
        if item.key not in ("args", "arguments", "argv", "params", "command", "cmd") or not argv:
            return argv
        known = catalogue().lookup
        if known(argv[0].rsplit("/", 1)[-1].lower()) is not None:
            return argv
        named = sorted(
            word
            for word in (self.words | name_words(item.tool or self._sibling_tool(item)))
            - COMMAND_WORDS
            - _RUN_WORDS
            if known(word) is not None
        )
        return [named[0], *argv] if len(named) == 1 else argv

    def _named_line(self, item: Item) -> Item:
        """``docker {command: "image ls app"}``: a command line that starts with a
        subcommand of the one program the tool is named after is that program's line
        (``docker image ls app``); judged whole, so ``git {command: "status; rm -rf ~"}`` is
        still two commands."""
        tool = item.tool or self._sibling_tool(item)
        words = (self.words | name_words(tool) if tool else self.words) - _NOT_PROGRAM_WORDS
        if not words:
            return item  # execute_command {command: …}: no program named, the common case
        first = item.text.split(None, 1)[0] if item.text.strip() else ""
        if not first or not PLAIN_WORD.issuperset(first) or first == item.text:
            return item
        known = catalogue().lookup
        named = sorted(word for word in words if known(word) is not None)
        if len(named) != 1 or named[0] == first.lower():
            return item
        program = known(named[0])
        if program is None or program.wrapper is not None or program.operands in _LINE_RUNNERS:
            return item  # bash {command: "ls -la"} is the line itself, not bash's script file
        if known(first.lower()) is not None and first.lower() not in program.subcommands:
            # git {command: "cat /etc/shadow"}: should the tool run the line as it is, what
            # it does is a finding too; only its severe findings count, for read as git's
            # arguments (git diff HEAD~1) its words are no paths of their own
            before = set(self.found)
            self.text(item.text, item.where, item.key, item.tool)
            for rule in set(self.found) - before:
                if self.found[rule].severity in (Severity.LOW, Severity.MEDIUM):
                    del self.found[rule]
        return replace(item, text=f"{named[0]} {item.text}")

    def _sibling_tool(self, item: Item) -> str:
        """``{tool: git, command: "log -5"}``: the tool named beside a top-level line."""
        where = item.where
        if not where.startswith("parameters.") or where[11:] != item.key:
            return ""
        parameters = self.request.parameters
        for key in _TOOL_NAME_KEYS.intersection(parameters):
            named = parameters[key]
            if isinstance(named, str) and len(named) <= 64:
                return named
        return ""

    def bound(self, item: Item) -> None:
        """A value bound to a parameterised query (``sqlbinds.py``): data to the database,
        so only the policy's own rules and a secret written out count."""
        text = item.text if item.argv is None else " ".join(item.argv)
        canonical = canonical_text(text)
        hits = [
            Hit(rule.id, rule.severity, rule.effect, rule.description or "custom rule", text[:120])
            for rule in (self.policy.custom.matches(canonical) if self.custom else ())
        ]
        if secret_in_text(canonical) is not None:
            hits.append(default_hit("secret-in-text", f"{text[:40]!r}…"))
        self.keep(hits, item.where)

    def item(self, item: Item) -> None:
        if item.script:
            self.script(item)
            return
        self.tool_name(item)
        if (
            item.argv is None
            and item.key in ("command", "cmd", "args", "arguments", "argv")
            and 0 < len(item.text) <= 64
            and PLAIN_WORD.issuperset(item.text)
        ):
            # terraform {command: plan}: a subcommand of the program the tool is named after
            named = self._named_program([item.text], item)
            if len(named) == 2:
                item = Item(item.where, item.text, item.key, item.tool, tuple(named[1:]))
        if item.argv is None and item.key in ("command", "cmd"):
            item = self._named_line(item)
        if item.argv is None and item.text:
            self.operand(item)
        if item.argv is None:
            self.text(item.text, item.where, item.key, item.tool)
            return
        budget = self.job.commands
        if budget is not None and not budget.judge_value(" ".join(item.argv)):
            self.keep([default_hit("too-large", budget.too_much())], item.where)
            return
        scope = self.scope(prose=False)
        argv = self._named_program([canonical_text(word, fold=False) for word in item.argv], item)
        judge_argv(argv, scope, self.job)
        if not _SHELL_OPERATORS.isdisjoint(argv):
            # ["git", "pull", "&&", "rm", "-rf", "/"]: harmless to a process API, a second
            # command to a tool that joins the words into a shell line: judged as that too
            judge_shell(" ".join(argv), scope, self.job)
        for word in argv:  # every URL anywhere is checked, as in a command line's text
            if "://" in word:
                for url in urls_in(word):
                    judge_url(scope, url, url, self.cwd)
        self.keep(scope.hits, item.where)


_NOT_PROGRAM_WORDS = COMMAND_WORDS | _RUN_WORDS
#: Keys beside a top-level command line that name the tool running it.
_TOOL_NAME_KEYS = frozenset({"tool", "tool_name", "toolName", "program"})

#: Programs whose operand is a line or script they run: a tool named after one is given
#: the line itself.
_LINE_RUNNERS = frozenset(
    {"shell", "interp", "debugger", "exec", "eval", "source", "scripts", "cmd"}
)

#: Words that are shell control operators when an argument vector is joined into a line.
_SHELL_OPERATORS = frozenset({"&&", "||", ";", "|", "&", ">", ">>", "<", "|&", ";;", "<<<"})


def _without_clean_hook(judge: _RequestJudge, walk: Walk) -> list[Finding]:
    """The findings, less a workspace hook's path finding when the hook's whole content,
    judged as the script it is, draws none (``hookcontent.py``)."""
    if "persistence-write" not in judge.found:
        return list(judge.found.values())
    from aegis.intent_firewall.hookcontent import hook_written_clean

    paths = [item for item in walk.items if item.key in PATH_KEYS and item.argv is None]
    contents = [item for item in walk.items if item.key in CONTENT_KEYS and item.argv is None]
    if len(paths) != 1 or len(contents) != 1:
        return list(judge.found.values())
    if judge.found["persistence-write"].where != paths[0].where:
        return list(judge.found.values())  # the finding is not (only) the path's
    scope = judge.scope(prose=False)
    policy = judge.policy
    job = ShellJob(judge.cwd, True, policy.limits.max_shell_nodes)
    if hook_written_clean(paths[0].text, contents[0].text, scope, job, judge_shell):
        del judge.found["persistence-write"]
    else:
        judge.keep(scope.hits, contents[0].where)
    return list(judge.found.values())


def _walk(parameters: Any, policy: Policy, action: frozenset[str] = frozenset()) -> Walk:
    """The parameters (or the context's structure) walked within the policy's limits."""
    limits = policy.limits
    return walk_parameters(
        parameters,
        max_nodes=limits.max_nodes,
        max_depth=limits.max_depth,
        max_chars=limits.max_string,
        is_argv=is_argv,
        keys_matter=bool(policy.custom.rules),
        line_keys=session_lines(action),
    )


#: What the keystroke check is given for quiet parameters: only the action's words count.
_NO_PARAMETERS: Mapping[str, Any] = {}


def judge_request(
    request: Request, policy: Policy, memo: dict[Any, Any] | None = None
) -> tuple[list[Finding], Walk]:
    """Every finding on ``request`` under ``policy``, and the walk (with the frozen copy).

    ``memo`` keeps findings on action names and contexts; it must belong to ``policy``.
    """
    judge = _RequestJudge(request, policy, {} if memo is None else memo)
    limits = policy.limits
    walk = _walk(request.parameters, policy, judge.words)
    # {"cmd": "…"}: no key any parameter-level check reads, so none runs (see quietparams)
    quiet = quiet_parameters(walk.frozen)
    judge.typing = judge.name.types if quiet else types_keystrokes(judge.words, walk.frozen)
    for rule, evidence, where in walk.findings:
        judge.keep([default_hit(rule, evidence)], where)
    if not quiet:
        for rule, evidence in http_method_findings(walk.frozen):
            judge.keep([default_hit(rule, evidence)], "parameters")
    if not quiet and judge.deletion is None:  # a deletion's force: true is rm's -f
        for rule, evidence in parameter_flag_findings(walk.frozen, judge.words):
            judge.keep([default_hit(rule, evidence)], "parameters")
    if walk.chars + len(request.action) + len(request.context) > limits.max_request:
        judge.keep(
            [default_hit("too-large", f"{walk.chars} characters in the request")], "parameters"
        )
        return list(judge.found.values()), walk
    _read_locations(judge, walk.items)
    items = walk.items
    if judge.written is not None:
        # a document, data file or test written: the text is not YAML or JSON of commands
        items = [_as_file_text(item) for item in items if not _read_from_file_text(item)]
    judge.action()
    judge.unread_command()
    settings = bool(judge.words & CONTAINER_WORDS)
    if not judge.documentation and not (quiet and not settings):  # quiet: flat strings
        judge.keep(structured_config(walk.frozen, settings=settings), "parameters")
    # the action and context are remembered across requests, so only the parameters count
    job = judge.job
    judge.job = ShellJob(
        job.cwd,
        job.cwd_known,
        job.budget,
        CommandBudget(
            limits.max_commands, limits.max_sql_parsed, limits.max_paths, limits.max_work
        ),
    )
    judge.keep(supply_chain_findings(judge.words, items), "parameters")
    _run_scripts(judge, items)
    judge.keep(tamper_findings(request.action, judge.words, items, walk.frozen), "parameters")
    judge.keep(rbac_findings(walk.frozen), "parameters")
    captured = judge.name.captured
    if captured:
        judge.keep([default_hit("capture", captured)], "action")
    _judge_items(judge, items, walk)
    if not quiet or _may_name_operation(walk.frozen) or judge.name.moves_files:
        _structured_operations(judge, walk.frozen)
    if request.context:
        _context_structure(judge, request.context, policy)
    return _without_clean_hook(judge, walk), walk


def _judge_items(judge: _RequestJudge, items: list[Item], walk: Walk) -> None:
    """Each parameter value, the bound values of a parameterised query as data, and the
    ``rm -r`` a delete tool's operands amount to (``deletions.py``)."""
    bound = bound_roots(items, walk.frozen, judge.words)
    for item in items:
        if bound and is_bound(item.where, bound):
            judge.bound(item)
        else:
            judge.item(item)
    if judge.deletion is not None:
        scope = judge.scope(prose=False)
        judge_argv(judge.deletion, scope, judge.job)
        judge.keep(scope.hits, "parameters")
    if judge.command is not None:
        scope = judge.scope(prose=False)
        judge_argv(judge.command, scope, judge.job)
        judge.keep(scope.hits, "parameters")


def _run_scripts(judge: _RequestJudge, items: list[Item]) -> None:
    """The scripts of a ``package.json`` or ``composer.json`` written (``runscripts.py``),
    each judged as the command line it is."""

    def judge_line(line: str) -> list[Hit]:
        scope = judge.scope(prose=False)
        judge_shell(line, scope, ShellJob(judge.cwd, True, judge.policy.limits.max_shell_nodes))
        return list(scope.hits)

    judge.keep(run_script_findings(items, judge_line), "parameters")


def _read_locations(judge: _RequestJudge, items: list[Item]) -> None:
    """A working directory given as a parameter, and what the named paths write."""
    cwd_item: Item | None = None
    named_paths = False
    for item in items:  # a loop, not generators: this runs for every request
        key = item.key
        if cwd_item is None and key in _CWD_KEYS:
            cwd_item = item
        named_paths = named_paths or key in PATH_KEYS
    if cwd_item is not None and cwd_item.text.startswith("/"):
        judge.cwd = canonical_text(cwd_item.text)
        judge.job = ShellJob(judge.cwd, True, judge.job.budget, judge.job.commands)
    judge.writes_file = named_paths
    if named_paths:  # both look only at values under path keys
        judge.documentation = _writes_documentation(items)
        judge.auto_run = _writes_auto_run(items)
        judge.written = _written_kind(items)
        if judge.written in DATA_KINDS:
            judge.documentation = True


def _read_from_file_text(item: Item) -> bool:
    """An item the walk read out of a file's text (``content<yaml>.cmd``)."""
    where = item.where
    return "<" in where and where.split("<", 1)[0].rsplit(".", 1)[-1].casefold() in FILE_TEXT_KEYS


def _as_file_text(item: Item) -> Item:
    """A file's JSON text (which the walk marks as ``<json>``) under its own key again."""
    if item.key != "<json>":
        return item
    key = item.where.rsplit(".", 1)[-1].casefold()
    return replace(item, key=key) if key in FILE_TEXT_KEYS else item


def _written_kind(items: list[Item]) -> str | None:
    """The kind of file every path parameter names, given the text written to it
    (``filekinds.py``); None when they differ or one is code, configuration or unknown."""
    content = next(
        (item.text for item in items if item.key in FILE_TEXT_KEYS and item.argv is None), ""
    )
    kinds = {
        written_kind(item.text, content)
        for item in items
        if item.key in PATH_KEYS and item.argv is None
    }
    return kinds.pop() if len(kinds) == 1 else None


def _may_name_operation(parameters: Mapping[str, str]) -> bool:
    """Quiet parameters that may still name an operation: JSON text of a tool call's
    arguments, or one word under ``command`` (``{command: drop, collection: …}``)."""
    for key, value in parameters.items():  # a loop, not a generator: runs per request
        if value[:1] == "{" or (key in ("command", "cmd") and value and " " not in value.strip()):
            return True
    return False


def _structured_operations(judge: _RequestJudge, parameters: Any) -> None:
    """``{verb: delete, resource: namespace}``, ``{op: deleteMany, filter: {}}``: operations
    given as fields (``operations.py``); file operations are judged as the shell commands
    that do the same."""
    found = structured_operations(
        parameters, inside=judge.below_workspace, action_words=judge.words
    )
    for rule, evidence in found.findings:
        judge.keep([default_hit(rule, evidence)], "parameters")
    for argv in found.commands:
        scope = judge.scope(prose=False)
        judge_argv(argv, scope, judge.job)
        judge.keep(scope.hits, "parameters")


def _writes_auto_run(items: list[Item]) -> str | None:
    """The kind of build file a path parameter names (a Makefile, ``conftest.py`` …)."""
    for item in items:
        if item.key in PATH_KEYS:
            kind = auto_run_kind(item.text)
            if kind is not None:
                return kind
    return None


def _writes_documentation(items: list[Item]) -> bool:
    """Whether a path parameter names a documentation file (a loop: runs per request)."""
    for item in items:
        if item.key in PATH_KEYS and (
            item.text.lower().endswith(DOC_SUFFIXES) or "docs/" in item.text
        ):
            return True
    return False


def _context_structure(judge: _RequestJudge, context: str, policy: Policy) -> None:
    """JSON or YAML in ``Request.context`` (a tool call, ``run: …``) unpacked and judged
    as it would be in the parameters; the text itself was judged as the context."""
    stripped = context.strip()
    if stripped[:1] not in ("{", "[") and ":" not in stripped:
        return
    walk = _walk({"context": context}, policy)
    for rule, evidence, where in walk.findings:
        judge.keep([default_hit(rule, evidence)], where.replace("parameters.", "", 1))
    judge.context_text = context
    try:
        for item in walk.items:
            if item.where != "parameters.context":
                item.where = item.where.replace("parameters.", "", 1)
                judge.item(item)
    finally:
        judge.context_text = None
