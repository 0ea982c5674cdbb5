"""Clients that carry another language or another host: database clients (their SQL is
judged like a SQL parameter), ssh options that run commands, GitHub's ``gh``, Go module
paths, container image names with a registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_host
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.envmoves import moves_client
from aegis.intent_firewall.options import Arg, Parsed, parse_options

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = [
    "envname",
    "gh",
    "gomod",
    "hooks_directory",
    "image_host",
    "kubeget",
    "sql_text",
    "sqlclient",
    "ssh_option",
]

_SHELL_ESCAPES = ("\\!", ".shell", ".system", "\\setenv", "\\o |", "\\copy", "system ")
#: mysql/mariadb client commands that run the statements of a file (``source x.sql``).
_FILE_RUNNERS = ("source ", "\\. ", "\\.\t")
_SSH_EXEC_OPTIONS = ("proxycommand", "localcommand", "permitlocalcommand", "knownhostscommand",
                     "remotecommand", "match")  # fmt: skip
_GH_DESTRUCTIVE = frozenset(
    {
        "delete",
        "archive",
        "transfer",
        "rename",
        "edit",
        "close",
        "disable",
        "revoke",
        "lock",
        "run",
    }  # gh workflow run: starts a deployment or release
)
#: gh subcommands whose operands are files uploaded (to a gist, a release, a secret).
_GH_UPLOADS = frozenset({("gist", "create"), ("gist", "edit"), ("release", "upload"),
                         ("release", "create"), ("secret", "set"), ("ssh-key", "add"),
                         ("gpg-key", "add")})  # fmt: skip
#: Variables that name the repository gh acts on instead of the workspace's.
_GH_REPO = ("GH_REPO", "GH_HOST")
#: gh options whose value is a file sent as a body, notes or a request.
_GH_FILE_OPTIONS = frozenset({"--body-file", "-F", "--input", "--notes-file"})


#: sqlite3 dot-commands that name a file: written, or read.
_SQLITE_WRITES = (".output", ".once", ".save", ".backup", ".excel", ".log")
_SQLITE_READS = (".read", ".import", ".open", ".restore", ".load")


def _sqlite_dot_command(judge: CommandJudge, text: str) -> None:
    name, _, rest = text.partition(" ")
    target = rest.strip().split()[-1] if rest.strip() else ""
    if not target or target.startswith("-"):
        return
    target = target.strip("'\"")
    if name.lower() in _SQLITE_WRITES:
        judge.path((target, target, False), "write", "/" if target.startswith("/") else ".")
    elif name.lower() in _SQLITE_READS:
        judge.path((target, target, False), "read", "/" if target.startswith("/") else ".")


def sql_text(judge: CommandJudge, text: str) -> None:
    """SQL handed to a database client: shell escapes are code, the rest is judged as SQL."""
    from aegis.intent_firewall.sql import judge_sql

    lowered = text.strip().lower()
    if "db." in lowered or "db[" in lowered:  # MongoDB shell JavaScript, not SQL
        from aegis.intent_firewall.mongoshell import mongo_shell_findings

        for rule, detail in mongo_shell_findings(text):
            judge.hit(rule, detail)
        return
    if lowered.startswith("."):
        _sqlite_dot_command(judge, text.strip())
        if not lowered.startswith((".shell", ".system", ".load")):
            return  # the other sqlite3 dot-commands describe, or name files judged above
    if lowered.startswith(_FILE_RUNNERS) or any(f"\n{e}" in lowered for e in _FILE_RUNNERS):
        judge.hit("interpreter-code", f"database client runs a file not shown {text[:80]!r}")
        return
    if lowered.startswith(_SHELL_ESCAPES) or any(f"\n{e}" in lowered for e in _SHELL_ESCAPES):
        judge.hit("interpreter-code", f"database client shell escape {text[:80]!r}")
        return
    for hit in judge_sql(lowered):
        judge.scope.hits.append(hit)


def sqlclient(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    parsed = parse_options(spec, args[1:])
    judge.options(parsed, feed)
    operands = [a for a in parsed.operands if a[0] is not None]
    if spec.name in ("redis-cli", "valkey-cli"):
        from aegis.intent_firewall.rediscli import redis_command_findings

        words = [a[0] for a in args[1:]]
        if any(word is None for word in words):
            judge.hit("destructive-command", f"{spec.name} with a word known only at run time")
        for rule, detail in redis_command_findings([w for w in words if w is not None]):
            judge.hit(rule, detail)
        if not operands:
            _sql_from_stdin(judge, spec, feed)
        return
    if spec.name in ("mongo", "mongosh"):
        _mongo_client(judge, spec, parsed, operands)
        return
    if spec.name in ("sqlite3", "duckdb"):
        statements = [a[0] or "" for a in operands[1:]]
        statements += [a[0] or "" for r, a, _ in parsed.options if r == "sql"]
        role = "write" if any(_modifies(text) for text in statements) else "read"
        for db in operands[:1]:
            judge.path(db, role, feed.cwd)
        operands = operands[1:]
    elif operands and "." not in (operands[0][0] or "") and " " not in (operands[0][0] or ""):
        operands = operands[1:]  # psql DBNAME, mysql DBNAME
    for arg in operands:
        sql_text(judge, arg[0] or "")
    _sql_from_stdin(judge, spec, feed)


def _mongo_client(judge: CommandJudge, spec: Program, parsed: Parsed, operands: list[Arg]) -> None:
    """mongosh: ``--eval`` text is JavaScript whatever it names (``process.env`` too), and a
    script operand (``x.js``) runs code not shown."""
    from aegis.intent_firewall.mongoshell import mongo_shell_findings

    for role, arg, _ in parsed.options:
        text = (arg[0] or "").lower()
        if role == "sql" and "db." not in text and "db[" not in text:  # db.… judged already
            for rule, detail in mongo_shell_findings(arg[0] or ""):
                judge.hit(rule, detail)
    for value, written, _ in operands:
        if (value or "").lower().endswith((".js", ".mjs", ".cjs")):
            judge.hit("user-script", f"{spec.name} runs the script {written[:80]}")


def _sql_from_stdin(judge: CommandJudge, spec: Program, feed: Feed) -> None:
    """With no statement on the command line a client runs what reaches its standard input:
    a here-document or the words an ``echo``/``printf`` writes are judged line by line (a
    ``.shell`` or ``\\!`` line is a shell escape); redis reads commands, not SQL."""
    text = feed.stdin_text if feed.stdin_text is not None else _echoed(feed.producer)
    if text is None:
        return
    if spec.name in ("redis-cli", "valkey-cli"):
        from aegis.intent_firewall.rediscli import redis_line_findings

        lines = text.splitlines()
        if len(lines) > 64:
            judge.hit("destructive-command", f"{spec.name} reads more commands than are read here")
        for line in lines[:64]:
            for rule, detail in redis_line_findings(line.split()):
                judge.hit(rule, detail)
        return
    statements: list[str] = []
    for line in text[:65536].splitlines():
        stripped = line.strip()
        if stripped.startswith((".", "\\", "!")) or stripped.lower().startswith("system "):
            if stripped.startswith("!"):
                judge.hit("interpreter-code", f"{spec.name} shell escape {stripped[:80]!r}")
            else:
                sql_text(judge, stripped)
        elif stripped:
            statements.append(stripped)
    if statements:
        sql_text(judge, "\n".join(statements))


def _echoed(producer: tuple[Arg, ...]) -> str | None:
    """The text ``echo``/``printf`` with literal words writes (``\\n`` read as a newline)."""
    if not producer or producer[0][0] is None:
        return None
    name = producer[0][0].rsplit("/", 1)[-1].lower()
    if name not in ("echo", "printf"):
        return None
    words = [a[0] for a in producer[1:]]
    if any(word is None for word in words):
        return None
    known = [w for w in words if w is not None]
    while known and name == "echo" and known[0] in ("-n", "-e", "-E", "-ne", "-en"):
        known = known[1:]
    return " ".join(known).replace("\\n", "\n")


#: Statements that change a database file: the file given to sqlite3 is written.
_MODIFYING = frozenset(
    {"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "ATTACH", "VACUUM",
     "REINDEX", "UPSERT", ".RESTORE", ".IMPORT", ".READ"}
)  # fmt: skip


def _modifies(text: str) -> bool:
    """A plain scan of the words of ``text`` (linear; no pattern to backtrack)."""
    words = "".join(c if c.isalnum() or c in "._" else " " for c in text[:4096]).upper()
    return not _MODIFYING.isdisjoint(words.split())


_SSH_HOST_OPTIONS = frozenset({"proxyjump", "hostname", "hostkeyalias"})
_SSH_FILE_OPTIONS = frozenset(
    {"identityfile", "certificatefile", "userknownhostsfile", "globalknownhostsfile",
     "controlpath", "identityagent", "include", "revokedhostkeys", "xauthlocation"}
)  # fmt: skip


def ssh_option(judge: CommandJudge, setting: str, feed: Feed) -> None:
    """``-o ProxyCommand=…`` and friends make ssh run a local command."""
    name, _, value = setting.replace(" ", "=", 1).partition("=")
    lowered = name.strip().lower()
    if lowered in _SSH_HOST_OPTIONS:
        from aegis.intent_firewall.access import judge_url

        for hop in value.split(","):
            judge_url(judge.scope, hop.strip().rpartition("@")[2], setting, feed.cwd)
        return
    if lowered in _SSH_FILE_OPTIONS or lowered.endswith(("provider", "file", "path")):
        # a library ssh loads or a file it reads or writes: judged as a path, and a
        # library is code (PKCS11Provider=/tmp/evil.so)
        if lowered.endswith("provider"):
            judge.hit("interpreter-code", f"ssh -o {setting[:100]} loads a library")
        from aegis.intent_firewall.optionroles import unmodelled_value

        unmodelled_value(judge, f"ssh -o {name}", (value, value, False), feed.cwd)
        return
    if lowered in _SSH_EXEC_OPTIONS:
        judge.hit("interpreter-code", f"ssh -o {setting[:100]}")
        if value.strip() and value.strip().lower() not in ("yes", "no"):
            judge.judge_script(value.strip(), feed.cwd, feed.depth + 1)


def gh(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    parsed = parse_options(spec, args[1:])
    words = [(a[0] or "").lower() for a in parsed.operands]
    methods = [(a[0] or "").upper() for r, a, o in parsed.options if o in ("-X", "--method")]
    if _GH_DESTRUCTIVE.intersection(words[1:2]) or {"DELETE", "PUT", "PATCH"} & set(methods):
        judge.hit("destructive-command", f"gh {' '.join(words)[:100]}")
    # gh secret list prints names and dates only; auth token prints the token, secret set
    # replaces what a workflow is given
    secret_set = words[:2] == ["secret", "set"]
    if secret_set or (words[:1] == ["auth"] and words[1:2] in (["list"], ["token"], ["set"])):
        judge.hit("secret-environment", f"gh {' '.join(words)[:100]}")
    if words[:1] == ["auth"] and any(a[0] in ("-t", "--show-token") for a in args):
        judge.hit("secret-environment", "gh auth status --show-token prints the token")
    if words[:1] in (["extension"], ["extensions"], ["ext"]) and words[1:2] in (
        ["install"],
        ["upgrade"],
    ):
        # gh extension install OWNER/REPO: any repository's code, run as gh's own commands
        judge.hit("unknown-program", f"gh {' '.join(words)[:100]} fetches code to run")
    if tuple(words[:2]) in (("repo", "create"), ("gist", "create")) and _made_public(args):
        # gh repo create --public --source=. --push: the workspace published for anyone
        judge.hit("irreversible-publish", f"gh {' '.join(words[:2])} --public")
    if tuple(words[:2]) == ("release", "create") and not _drafted(args):
        # a release is public the moment it exists, and release workflows deploy from it
        judge.hit("irreversible-publish", f"gh {' '.join(words[:3])[:80]} publishes a release")
    if tuple(words[:2]) in _GH_UPLOADS:
        for arg in parsed.operands[2:]:  # files sent to GitHub: `.env` names one as well
            judge.path(arg, "read", feed.cwd)
    from aegis.intent_firewall.ghverbs import gh_changes
    from aegis.intent_firewall.optionroles import unmodelled_value

    gh_changes(judge, args, parsed)
    for role, arg, option in parsed.options:
        if option in ("-F", "--field") and "=@" in (arg[0] or ""):
            # -F key=@FILE: the file's content is the field's value, sent to GitHub
            path = (arg[0] or "").partition("=@")[2]
            unmodelled_value(judge, f"gh {option}", (path, path, arg[2]), feed.cwd)
        elif role in ("unmodelled", "value") or option in _GH_FILE_OPTIONS:
            unmodelled_value(judge, f"gh {option}", arg, feed.cwd)
    named = any(o in ("-R", "--repo") for _, _, o in parsed.options)
    if tuple(words[:2]) in _GH_UPLOADS and (named or moves_client(judge.scope.lines, _GH_REPO)):
        # the workspace's repository is the one gh finds in it; one named is anyone's
        judge.hit("upload-elsewhere", f"gh {' '.join(words[:2])} to a repository it names")


def _drafted(args: list[Arg]) -> bool:
    """``gh release create --draft``: a draft only its repository's writers see."""
    values = [(a[0] or "").lower() for a in args[1:]]
    return any(v in ("-d", "--draft", "--draft=true") for v in values)


def _made_public(args: list[Arg]) -> bool:
    """``--public``, ``-p`` of gist, ``--visibility public`` or ``--visibility=public``."""
    values = [(a[0] or "").lower() for a in args[1:]]
    pairs = zip(values, [*values[1:], ""], strict=True)
    return any(
        value in ("--public", "--visibility=public")
        or (value == "--visibility" and following == "public")
        for value, following in pairs
    )


#: Docker Hub's own names (its official images are under library/).
_DEFAULT_REGISTRY = frozenset(
    {"docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"}
)


def image_host(judge: CommandJudge, image: Arg) -> None:
    """The registry of ``registry.example:5000/team/app:tag`` (none for ``python:3.12``)."""
    value = image[0] or ""
    first, slash, _ = value.partition("/")
    # docker.io/library/python is python, an official image pulled from where a bare name
    # is; an account's image named with the registry (docker.io/someone/api) is still judged
    hub = first.lower() in _DEFAULT_REGISTRY and value[len(first) :].startswith("/library/")
    if slash and not hub and ("." in first or ":" in first or first == "localhost"):
        judge_host(judge.scope, first.partition(":")[0], image[1])
    # an image named after a catalogued program runs it (metal3d/xmrig runs a miner)
    name = value.rpartition("/")[2].partition(":")[0].partition("@")[0].lower()
    program = judge.catalogue.lookup(name) if name else None
    if program is not None and program.finding == "resource-exhaustion":
        judge.hit("resource-exhaustion", f"image {image[1][:100]!r} runs {name}")


def gomod(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    from aegis.intent_firewall.optionroles import unmodelled_value
    from aegis.intent_firewall.supplychain import installer_finding

    parsed = parse_options(spec, args[1:])
    for arg in parsed.operands:
        value, written, _ = arg
        if value and (value.startswith((".", "/", "~")) or value.endswith(".go")):
            # go run /tmp/x.go: a program built from outside the working directory (a
            # trailing /... is Go's "every package below", not a path segment)
            package = value.removesuffix("/...") or "."
            unmodelled_value(judge, spec.name, (package, written, arg[2]), feed.cwd)
        elif value:
            host = value.split("/", 1)[0].split("@", 1)[0]
            if "." in host:
                judge_host(judge.scope, host, written)
            found = installer_finding("go", value)
            if found is not None:
                judge.hit(*found)
            if spec.name == "go run" and "@" in value and arg is parsed.operands[0]:
                # go run MODULE@VERSION fetches a module the workspace never pinned and runs
                # it at once, as npx and uvx do with a package
                judge.hit("unknown-program", f"go run fetches and runs module {value!r}")


def envname(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``printenv NAME``: reading a variable whose name says it holds a secret."""
    from aegis.intent_firewall.vocabulary import SECRET_VARIABLE_WORDS, name_words

    for value, written, _ in args[1:]:
        if value is not None and SECRET_VARIABLE_WORDS.intersection(name_words(value)):
            judge.hit("secret-environment", f"{spec.name} {written}")


def kubeget(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``kubectl get secret … -o yaml`` reads cluster credentials; without an output format
    (or with ``-o name``/``wide``) it lists names, types and ages only."""
    if not _prints_objects(args):
        return
    for value, written, _ in args[1:]:
        if value is not None and value.lower().split("/", 1)[0] in ("secret", "secrets"):
            judge.hit("secret-environment", f"{spec.name} {written}")


_LISTING_FORMATS = frozenset({"name", "wide"})


def _prints_objects(args: list[Arg]) -> bool:
    """Whether an output option makes kubectl print whole objects (yaml, json, templates)."""
    for index, (value, _written, _glob) in enumerate(args):
        text = value or ""
        if text in ("-o", "--output"):
            following = args[index + 1][0] if index + 1 < len(args) else None
            if following is None or following not in _LISTING_FORMATS:
                return True
        elif text.startswith(("-o=", "--output=")) or (text.startswith("-o") and len(text) > 2):
            chosen = text.split("=", 1)[1] if "=" in text else text[2:]
            if chosen not in _LISTING_FORMATS:
                return True
    return False


def hooks_directory(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:
    """``husky install DIR`` (``husky DIR``) points ``core.hooksPath`` at DIR: judged as
    ``git config core.hooksPath DIR`` (``hookspath.py``: the workspace's own directory
    passes, one outside it or a dependency's is code nobody reviewed)."""
    import shlex

    for value, written, _ in args[1:8]:
        if value is None:
            judge.hit("shell-expansion", f"{spec.name} {written}")
        elif value not in ("install", "init", "uninstall") and not value.startswith("-"):
            if not value.startswith(("/", "~")) and ".." not in value and "_modules" not in value:
                continue  # .husky, .config/husky: a directory of the project (the line's
                # own "install" would read to hookspath.py as a fetch)
            line = f"git config core.hooksPath {shlex.quote(value)}"
            judge.judge_script(line, feed.cwd, feed.depth + 1)
