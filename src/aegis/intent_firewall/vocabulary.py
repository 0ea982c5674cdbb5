"""Words that give strings their meaning: action verbs, parameter keys, tool names.

An action's name is split into words the way people write identifiers (``writeFile``,
``write_file``, ``write-file``, ``Write File``), so that ``deleteAllUsers`` counts as a
deletion. Keys decide how a parameter is read: ``cmd`` is a command line, ``url`` and
``host`` are network destinations, ``path`` and ``dest`` are files, ``sql`` is SQL.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = [
    "ARGUMENT_KEYS", "COMMAND_KEYS", "COMMAND_WORDS", "DELETE_WORDS", "DESTRUCTIVE_WORDS",
    "ENV_KEYS", "NETWORK_WORDS", "NON_COMMAND_KEYS", "PATH_KEYS", "RUN_WORDS", "SQL_KEYS",
    "URL_KEYS", "WRITE_KEYS", "WRITE_WORDS", "name_words",
]  # fmt: skip

DESTRUCTIVE_WORDS = frozenset(
    [
        "delete",
        "remove",
        "rm",
        "destroy",
        "drop",
        "truncate",
        "wipe",
        "erase",
        "format",
        "kill",
        "terminate",
        "purge",
        "overwrite",
        "shutdown",
        "reboot",
        "poweroff",
        "halt",
        "uninstall",
        "shred",
        "unlink",
        "rmdir",
        "nuke",
        "obliterate",
        "revoke",
        "reset",
        "factory",
        "reinstall",
        "deprovision",
        "decommission",
        "dd",
        "mkfs",
        "fdisk",
        "partition",
        "sudo",
        "escalate",
        "privilege",
        "privileged",
        "impersonate",
        "chmod",
        "chown",
        "disable",
    ]
)
DELETE_WORDS = frozenset(
    [
        "delete",
        "remove",
        "rm",
        "destroy",
        "drop",
        "wipe",
        "erase",
        "purge",
        "unlink",
        "rmdir",
        "shred",
    ]
)
WRITE_WORDS = frozenset(
    [
        "write",
        "delete",
        "remove",
        "append",
        "modify",
        "update",
        "edit",
        "move",
        "rename",
        "create",
        "put",
        "upload",
        "chmod",
        "chown",
        "copy",
        "replace",
        "truncate",
        "overwrite",
        "save",
        "set",
        "patch",
        "install",
        "store",
        "extract",
        "unzip",
        "untar",
        "unpack",
        "dest",
        "destination",
        "output",
        "export",
        "dump",
        "mkdir",
        "touch",
        "link",
        "symlink",
        "persist",
        "commit",
        "apply",
        "insert",
        "emit",
        "generate",
        "render",
        "restore",
        "sync",
        "mv",
        "cp",
    ]
)
COMMAND_WORDS = frozenset(
    [
        "command",
        "shell",
        "exec",
        "execute",
        "bash",
        "sh",
        "zsh",
        "terminal",
        "cmd",
        "system",
        "spawn",
        "subprocess",
        "popen",
        "powershell",
        "pwsh",
        "console",
        "run",
    ]
)
RUN_WORDS = frozenset(["execute", "run", "exec", "launch", "start", "invoke", "call"])
NETWORK_WORDS = frozenset(
    [
        "network",
        "http",
        "https",
        "fetch",
        "download",
        "request",
        "curl",
        "wget",
        "browse",
        "url",
        "webhook",
        "api",
        "upload",
        "connect",
        "socket",
        "ping",
    ]
)
COMMAND_KEYS = frozenset(
    [
        "cmd",
        "command",
        "commands",
        "shell",
        "script_body",
        "exec",
        "run",
        "argv",
        "args",
        "cmdline",
        "command_line",
        "commandline",
        "bash",
        "sh",
        "line",
        "code_to_run",
        "shell_command",
    ]
)
NON_COMMAND_KEYS = frozenset(
    [
        "cwd",
        "workdir",
        "working_directory",
        "dir",
        "directory",
        "timeout",
        "description",
        "reason",
        "explanation",
        "name",
        "title",
        "shell",
        "user",
        "encoding",
        "lang",
        "language",
        "mode",
        "id",
        "env",
        "environment",
        "path",
        "file",
        "url",
        "host",
    ]
)
PATH_KEYS = frozenset(
    [
        "path",
        "file",
        "filename",
        "filepath",
        "file_path",
        "dir",
        "directory",
        "folder",
        "src",
        "source",
        "dest",
        "destination",
        "target",
        "output",
        "out",
        "output_path",
        "input_path",
        "outfile",
        "infile",
        "location",
        "save_path",
        "to_path",
        "from_path",
        "local_path",
        "remote_path",
        "archive",
        "cwd",
        "workdir",
        "working_directory",
        "root",
    ]
)
WRITE_KEYS = frozenset(
    [
        "dest",
        "destination",
        "target",
        "output",
        "out",
        "output_path",
        "outfile",
        "save_path",
        "to_path",
    ]
)
URL_KEYS = frozenset(
    [
        "url",
        "uri",
        "urls",
        "endpoint",
        "href",
        "link",
        "webhook",
        "callback",
        "host",
        "hostname",
        "server",
        "remote",
        "domain",
        "address",
        "addr",
        "proxy",
        "registry",
        "index_url",
        "repo",
        "repository",
        "origin",
        "upstream",
        "to",
        "recipient",
        "recipients",
        "email",
        "cc",
        "bcc",
        "base_url",
        "baseurl",
        "endpoint_url",
        "api_url",
        "target_url",
        "redirect",
        "redirect_uri",
        "callback_url",
        "destination",
        "dest",
        "mirror",
        "peer",
    ]
)
SQL_KEYS = frozenset(["sql", "query", "statement", "stmt", "sql_query", "raw_sql", "q", "db_query"])
ENV_KEYS = frozenset(["env", "environment", "env_vars", "envs", "environ", "variables"])
ARGUMENT_KEYS = frozenset(
    [
        "arguments",
        "args",
        "input",
        "parameters",
        "params",
        "kwargs",
        "payload",
        "tool_input",
        "function_args",
    ]
)


@lru_cache(maxsize=4096)
def name_words(name: str) -> frozenset[str]:
    """Words of an identifier: camelCase, snake_case, kebab-case, dotted or spaced."""
    text = unicodedata.normalize("NFKC", name[:512])
    found: list[str] = []
    current: list[str] = []
    previous = ""
    for char in text:
        if not char.isalnum():
            if current:
                found.append("".join(current))
            current, previous = [], ""
            continue
        if current and char.isupper() and (previous.islower() or previous.isdigit()):
            found.append("".join(current))
            current = []
        current.append(char)
        previous = char
    if current:
        found.append("".join(current))
    return frozenset(word.casefold() for word in found)
