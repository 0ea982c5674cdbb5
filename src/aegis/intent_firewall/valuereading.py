"""How a value is to be read, as its key, the tool around it and the action's words say:
code to run, a command line, a search pattern, encoded data or a network destination.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from aegis.intent_firewall.filekinds import spreadsheet_formula
from aegis.intent_firewall.injection import without_quoted
from aegis.intent_firewall.plaintext import (
    URL_KEY_ENDINGS,
)
from aegis.intent_firewall.quotedexamples import (
    without_example_quotes,
    without_framed_blockquotes,
)
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.text import (
    canonical_text,
)
from aegis.intent_firewall.textchecks import (
    free_text_checks,
)
from aegis.intent_firewall.vocabulary import (
    COMMAND_KEYS,
    COMMAND_WORDS,
    NON_COMMAND_KEYS,
    PATH_KEYS,
    URL_KEYS,
    name_words,
)  # fmt: skip

__all__ = [
    "CODE_KEYS",
    "CWD_KEYS",
    "DESTINATION_UNITS",
    "ENCODED_KEY_PARTS",
    "ENV_ACTIONS",
    "ENV_WORDS",
    "INPUT_KEYS",
    "KERNEL_WORDS",
    "MEMO_KEY_CHARS",
    "OPERAND_KEYS",
    "RUNNING_WORDS",
    "SEARCHES",
    "SEARCHING_WORDS",
    "SEARCH_KEYS",
    "SERIALISED_KEY_PARTS",
    "SHELL_TOOLS",
    "command_key",
    "editor_operation",
    "encoded_key",
    "free_text_hits",
    "judged_already",
    "names_destination",
    "runs_code",
    "search_line",
]

SEARCHING_WORDS = frozenset({"search", "grep", "find", "lookup", "query"})
SEARCHES = frozenset({"search"})
SEARCH_KEYS = frozenset({"query", "q", "pattern", "search", "term", "text"})
#: Actions that run their argument as code, and the keys that carry it.
_CODE_ACTIONS = frozenset({"python", "ipython", "jupyter", "notebook", "javascript", "js",
                           "evaluate", "eval", "repl", "exec", "execute"})  # fmt: skip
CODE_KEYS = frozenset({"code", "source", "cell", "expression", "expr", "snippet", "program",
                        "src", "input", "script", "body"})  # fmt: skip
RUNNING_WORDS = frozenset(
    {"run", "runs", "interpret", "evaluate", "invoke", "call", "exec", "execute"}
)
#: Tools whose code runs in a notebook kernel (Python unless a language says otherwise): the
#: code is judged as a program's text, never as a shell line.
KERNEL_WORDS = frozenset({"cell", "cells", "notebook", "kernel", "jupyter", "ipython", "repl"})
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


def runs_code(words: frozenset[str] | set[str], parameters: object) -> bool:
    """The request hands code to something that runs it: a code-running action or tool
    (``python_repl``, ``run_code``), or a ``language`` parameter naming a language."""
    if words & _CODE_ACTIONS or (words & RUNNING_WORDS and words & _CODE_WORDS):
        return True
    if not isinstance(parameters, Mapping):
        return False
    for name in _LANGUAGE_KEYS:
        value = parameters.get(name)
        if isinstance(value, str) and value.strip().lower() in _LANGUAGES:
            return True
    return False


#: Action words under which every parameter is an environment variable (set_env(LD_PRELOAD=…)).
ENV_ACTIONS = frozenset({"env", "environment", "environ", "setenv", "putenv", "export"})
#: Words that make a key a command line wherever they appear (shellCommand, exec_cmd).
_COMMAND_KEY_WORDS = frozenset({"command", "cmd", "shell", "entrypoint", "commandline"})
#: Key parts that say the value is encoded or serialised: decoded and judged, or review.
ENCODED_KEY_PARTS = ("base64", "b64", "encoded", "pickle", "marshal", "serialized", "serialised")
#: Keys up to this length have what their words say remembered (a bounded cache).
MEMO_KEY_CHARS = 64
SERIALISED_KEY_PARTS = ("pickle", "marshal", "serialized", "serialised")
#: Keys that set the working directory every relative path and command line is seen from.
CWD_KEYS = frozenset(
    {"cwd", "workdir", "working_directory", "working_dir", "workingdirectory", "dir",
     "directory", "base", "basedir", "base_dir", "chdir", "root_dir", "rootdir", "repo_path",
     "repopath", "repository_path", "repo_dir", "repo_root", "project_dir", "project_path"}
)  # fmt: skip
#: Tools whose input is a shell command line, and the keys that carry it.
SHELL_TOOLS = frozenset(
    {"bash", "sh", "zsh", "fish", "shell", "terminal", "console", "powershell", "pwsh", "cmd"}
)
INPUT_KEYS = frozenset({"input", "tool_input", "arguments", "args", "command", "cmd", "code"})
ENV_WORDS = frozenset({"env", "getenv", "environ", "environment", "printenv"})
#: Keys whose value a tool passes to a program as one operand (a URL, a ref, a package).
OPERAND_KEYS = URL_KEYS | PATH_KEYS | frozenset(
    {"url", "uri", "ref", "branch", "tag", "commit", "revision", "rev", "package", "packages",
     "repo", "repository", "remote", "module", "host", "hostname", "image", "name", "target"}
)  # fmt: skip
#: Parts of a (case-folded, so no longer camelCase) key that make its value a command line.
_COMMAND_KEY_PARTS = ("command", "cmd", "shell", "script_content", "scriptcontent", "script_body")


#: Words of file-editing tools whose ``command`` parameter names an editing operation
#: (``str_replace_based_edit_tool {command: str_replace}``, ``view``, ``create``, ``insert``).
_EDITOR_WORDS = frozenset({"edit", "editor", "edits", "notebook"})


def editor_operation(key: str, words: frozenset[str], canonical: str) -> bool:
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


def search_line(canonical: str, key: str) -> bool:
    """``rg -n 'ignore previous instructions' tests/``: one search command and nothing else
    (no separator, redirection or substitution), so the phrase is what it looks for."""
    if key not in COMMAND_KEYS or not _NOT_ONE_SEARCH.isdisjoint(canonical):
        return False
    words = canonical.split(None, 2)
    first = "-".join(words[:2]) if words[:1] == ["git"] else (words[0] if words else "")
    return first.rsplit("/", 1)[-1] in _SEARCH_PROGRAMS


def free_text_hits(
    canonical: str, text: str, *, authored: bool = False, loads: bool = True, test: bool = False
) -> list[Hit]:
    """Instruction-override phrases, secrets written out and data that runs code when
    loaded (all heuristic: review). In a file the agent writes (``authored``) a quoted
    phrase is mentioned, not addressed to a reader; secrets and loaders count as written.
    Without ``loads`` (a document or data file's text) nothing loads the text as code, but
    a spreadsheet runs the formulas of a data file it opens. In a ``test`` source the string
    literals are the test's data: a payload quoted there (``"<script>…"`` handed to the
    escaper under test) loads nowhere; one outside them still counts."""
    override, secret, loaded = free_text_checks(canonical, text)
    if (override is not None and authored) or (loaded is not None and test):
        bare = without_quoted(without_framed_blockquotes(text) if authored else text)
        if bare != text:
            bare_checks = free_text_checks(canonical_text(bare), bare)
            override = bare_checks[0] if authored else override
            loaded = bare_checks[2] if test else loaded
    if override is not None:
        example = without_example_quotes(text)  # fixtures include strings like "…"
        if example != text:
            override = free_text_checks(canonical_text(example), example)[0]
    found = []
    if override is not None:
        found.append(default_hit("instruction-override", f"{text[:100]!r}"))
    if secret is not None:
        found.append(default_hit("secret-in-text", f"{text[:40]!r}…"))
    if loaded is not None and (loads or spreadsheet_formula(text)):
        found.append(default_hit("code-in-data", f"{text[:100]!r}"))
    return found


def decoded_key(key: str) -> str:
    """The name an encoded value's text goes by once decoded: ``command_b64`` -> ``command``
    (``command`` when nothing else is left)."""
    for part in ENCODED_KEY_PARTS:
        key = key.replace(part, "")
    return key.strip("_-") or "command"


def encoded_key(key: str) -> bool:
    """Whether ``key`` says its value is encoded or serialised (short keys remembered)."""
    if len(key) > MEMO_KEY_CHARS:
        return any(part in key for part in ENCODED_KEY_PARTS)
    return _encoded_short_key(key)


@lru_cache(maxsize=1024)
def _encoded_short_key(key: str) -> bool:
    return any(part in key for part in ENCODED_KEY_PARTS)


def command_key(key: str) -> bool:
    if key in NON_COMMAND_KEYS:
        return False
    if name_words(key) & _COMMAND_KEY_WORDS:
        return True
    return any(part in key for part in _COMMAND_KEY_PARTS)


#: Work units a value naming a network destination costs beyond any value's (see
#: ``analysis.CommandBudget``): it is judged as a URL, a host and a query string too.
DESTINATION_UNITS = 40


def judged_already(url: str, judged: str | None, same_cwd: bool) -> bool:
    """Whether the plain reading of a value already gave ``url`` to ``judge_url`` (from the
    same working directory): judged again it would find the same rules, and the first
    finding of a rule is the one kept. A ``file:`` URL is judged as a path, which depends
    on what the request wrote and linked before, so it is judged again."""
    return url == judged and same_cwd and "file:" not in url.replace("\\", "")


def names_destination(text: str, key: str) -> bool:
    """``text`` is a URL, or a value under a key that names a host (``host_3``, ``api_url``)."""
    if "://" in text:
        return True
    if len(key) > MEMO_KEY_CHARS:
        return not _DESTINATION_KEY_WORDS.isdisjoint(name_words(key))
    return _destination_key(key)


@lru_cache(maxsize=1024)
def _destination_key(key: str) -> bool:
    return not _DESTINATION_KEY_WORDS.isdisjoint(name_words(key))


_DESTINATION_KEY_WORDS = frozenset(URL_KEY_ENDINGS) | {"server", "remote", "addr", "address"}
