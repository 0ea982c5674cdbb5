"""MongoDB tools: deletes by a filter, and the query language's operators as keys.

``mongodb.deleteMany {database: app_test, collection: events, filter: {source: pytest,
created_at: {$lt: …}}}`` deletes the documents its filter picks, as SQL's ``DELETE … WHERE``
does, and gets the same answer (:func:`scoped_delete`): allowed, unless the filter matches
every document (only a filter that pins a field is read as scoped: ``mongoselect.py``), the
collection is a system one (``system.users``) or the database is the server's own
(``admin``, ``local``, ``config``), or a parameter is not one a delete takes (fail closed).

Under a Mongo tool ``$lt``, ``$in`` or ``$regex`` as a key is the query language, not an
injected operator (:func:`query_operator_key`); ``$where``, ``$function`` and
``$accumulator`` run JavaScript on the server and stay ``code-in-data`` (:func:`code_keys`).
The lists are data (``data/operations.toml``, ``[mongo_tools]``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources

from aegis.intent_firewall.mongoselect import selective, write_findings
from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.vocabulary import name_words

__all__ = ["code_keys", "mongo_scripts", "mongo_tool", "query_operator_key", "scoped_delete"]

_DATA = tomllib.loads(
    resources.files("aegis.intent_firewall").joinpath("data/operations.toml").read_text()
)["mongo_tools"]
_WORDS = frozenset(_DATA["words"])
_DELETE_WORDS = frozenset(_DATA["delete_words"])
_DELETE_KEYS = frozenset(_DATA["delete_keys"])
_SYSTEM_DATABASES = frozenset(_DATA["system_databases"])
_OPERATORS = frozenset(_DATA["query_operators"])
#: Operators whose value is JavaScript the server runs.
_CODE_OPERATORS = frozenset({"$where", "$function", "$accumulator"})
_MAX_KEYS = 64
#: Action words of tools that send their parameters somewhere: not a database's query.
_SENDING = frozenset(
    {"http", "https", "post", "put", "patch", "request", "fetch", "api", "send", "webhook",
     "url", "curl", "upload", "publish", "email", "mail", "message", "notify"}
)  # fmt: skip
_PRODUCTION = frozenset({"prod", "production", "prd", "live"})


def mongo_tool(words: frozenset[str], parameters: object) -> bool:
    """A tool named for MongoDB, or one given a ``collection`` beside a ``filter``."""
    if words & _WORDS:
        return True
    if words & _SENDING:
        return False  # http_post {collection, filter: {password: {$ne: …}}}: sent, not queried
    return isinstance(parameters, Mapping) and "collection" in parameters and "filter" in parameters


#: Keys of a MongoDB tool whose text is shell JavaScript (``db.dropDatabase()``).
_SCRIPT_KEYS = ("query", "code", "script", "eval", "command", "js", "javascript", "expression")


def mongo_scripts(parameters: object) -> list[str]:
    """The shell JavaScript a MongoDB tool's top-level parameters hold: each is judged as
    ``mongosh --eval`` would run it (a query given as a document is read elsewhere)."""
    if not isinstance(parameters, Mapping):
        return []
    return [
        value
        for key in _SCRIPT_KEYS
        if isinstance(value := parameters.get(key), str) and "(" in value and len(value) < 4096
    ]


def query_operator_key(where: str, text: str) -> bool:
    """``parameters.filter.created_at.$lt<key>``: a key of the query language."""
    return where.endswith("<key>") and text.casefold() in _OPERATORS


def _code_keys(value: object, found: list[str], budget: list[int]) -> None:
    stack = [value]
    while stack and budget[0] > 0:
        node = stack.pop()
        budget[0] -= 1
        if isinstance(node, Mapping):
            for key, item in list(node.items())[:_MAX_KEYS]:
                if isinstance(key, str) and key.casefold() in _CODE_OPERATORS:
                    found.append(key)
                stack.append(item)
        elif isinstance(node, (list, tuple)):
            stack.extend(node[:_MAX_KEYS])


def code_keys(parameters: object) -> list[Hit]:
    """``$where``/``$function``/``$accumulator`` anywhere in the parameters (bounded walk),
    and updates of privilege fields or pipelines into system collections
    (``mongoselect.py``)."""
    found: list[str] = []
    _code_keys(parameters, found, [512])
    evidence = [f"{key!r} runs JavaScript on the server" for key in found[:1]]
    hits = [default_hit("code-in-data", text) for text in evidence]
    return hits + [default_hit("privilege-grant", text) for text in write_findings(parameters)]


def _ordinary(collection: object, database: object) -> bool:
    """Not a ``system.`` collection, the server's own database, or a production one."""
    if not isinstance(collection, str) or collection.casefold().startswith("system."):
        return False
    if not isinstance(database, str) or database.casefold() in _SYSTEM_DATABASES:
        return False
    return not name_words(database) & _PRODUCTION  # production's documents: review


def scoped_delete(words: frozenset[str], parameters: object) -> bool:
    """A Mongo delete tool whose filter picks some documents of an ordinary collection."""
    if (
        not words <= _DELETE_WORDS
        or not words & {"delete", "remove"}
        or not words & (_WORDS | {"collection", "documents", "document", "docs"})
    ):
        return False
    if not isinstance(parameters, Mapping) or not set(parameters) <= _DELETE_KEYS:
        return False
    if "filter" in parameters and "query" in parameters:
        return False  # which one the tool uses is not known
    selector = parameters.get("filter", parameters.get("query"))
    collection = parameters.get("collection")
    database = parameters.get("database", parameters.get("db", ""))
    if not _ordinary(collection, database):
        return False
    found: list[str] = []
    _code_keys(selector, found, [512])
    return isinstance(selector, Mapping) and not found and selective(selector)
