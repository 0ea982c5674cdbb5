"""Search tools: the text a search tool looks for is a pattern, not a line to run or a file.

``search {pattern: 'nc -e', dir: docs}`` finds where the docs mention a reverse shell; it
neither runs ``nc`` nor reads ``/etc/shadow`` when the pattern names it. Such text is judged
only for custom rules and for secrets it sends (as the shell's ``grep -r 'rm -rf' .``); the
directory a search walks stays judged as a read, so a search rooted at ``~/.ssh`` or ``/`` is
still a finding.

A tool is a search tool when its name says so in any naming style (``search_code``,
``findInFiles``, ``code.search``, ``grep_tool``) and its other words only say what of the
workspace it searches (code, files, text, symbols): ``search_and_exec``, ``find_and_delete``,
``search_products`` (a query an application runs) and ``dns_lookup`` are not.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

__all__ = ["SEARCH_TEXT_KEYS", "may_search", "search_action", "search_text"]

#: Words that make an action a search on their own.
_SEARCH_WORDS = frozenset(
    {"search", "grep", "egrep", "fgrep", "find", "lookup", "ripgrep", "rg", "ag", "ack",
     "locate", "searcher", "finder"}
)  # fmt: skip
#: The only other words a search tool's name may have: it searches the workspace's code,
#: files or text. ``search_products`` sends its query to an application (where an
#: injected quote matters), ``query_database`` runs SQL, ``dns_lookup`` reaches a host.
_CODE_OBJECTS = frozenset(
    {"code", "codebase", "source", "sources", "src", "file", "files", "in", "text", "texts",
     "tool", "tools", "repo", "repository", "workspace", "project", "docs", "doc", "symbol",
     "symbols", "definition", "definitions", "reference", "references", "content", "contents",
     "regex", "pattern", "dir", "directory", "folder", "path", "paths", "line", "lines",
     "string", "strings", "literal", "all", "across", "for", "fs", "filesystem", "mcp",
     "workspace_symbols", "usages", "usage", "occurrences", "matches", "semantic", "fuzzy"}
)  # fmt: skip
#: Keys (case-folded) whose value is the text a search looks for.
SEARCH_TEXT_KEYS = frozenset(
    {"pattern", "patterns", "query", "queries", "q", "regex", "regexp", "term", "terms", "text",
     "needle", "search", "searchterm", "search_term", "search_text", "searchtext", "keyword",
     "keywords", "string", "literal", "expression", "search_query", "searchquery"}
)  # fmt: skip


#: Parameters that say where in the workspace a search looks (``search {pattern, dir}``).
_PLACE_KEYS = frozenset(
    {"dir", "directory", "path", "paths", "root", "folder", "include", "includes", "glob",
     "files", "file", "files_only", "exclude", "excludes", "file_pattern", "filepattern",
     "file_glob", "fileglob", "root_dir", "rootdir", "cwd", "workspace"}
)  # fmt: skip


def may_search(words: Set[str]) -> bool:
    """Whether :func:`search_action` may be true for an action of ``words`` (with some
    parameters): only a name with a search word or ``query`` can be one."""
    return not _SEARCH_WORDS.isdisjoint(words) or "query" in words


def search_action(words: Set[str], parameters: object = None) -> bool:
    """Whether the words of an action's name make it a search of the workspace and nothing
    more. A bare ``search`` or ``lookup`` is one only with a place to look in among its
    ``parameters``: ``search {q: "' OR '1'='1"}`` is an application's search field, where an
    injected quote still counts."""
    rest = words - _SEARCH_WORDS - {"query"}
    if not rest <= _CODE_OBJECTS:
        return False
    if not rest:
        return bool(words & _SEARCH_WORDS) and _names_place(parameters)
    return bool(words & _SEARCH_WORDS) or "query" in words


def _names_place(parameters: object) -> bool:
    if not isinstance(parameters, Mapping):
        return False
    return any(isinstance(key, str) and key.lower() in _PLACE_KEYS for key in parameters)


def search_text(searching: bool, key: str) -> bool:
    """Whether ``key`` of a request holds the text a search looks for, given whether the
    request is a search (``search_action``, worked out once a request)."""
    return searching and key in SEARCH_TEXT_KEYS
