"""A private key a program signs or serves with, but never prints.

Reading a private key is ``credential-file-read``: ``cat server.key`` puts the key where
the agent, and whoever reads its transcript, sees it. Some options only use a key: ``openssl
req -new -key``, ``openssl x509 -req -signkey``/``-CAkey`` sign a request or certificate,
``curl --key`` authenticates a TLS client, ``uvicorn --ssl-keyfile`` serves TLS. Nothing of
the key leaves the program, so a key of the agent's own workspace (the development
certificate it made with ``openssl req -x509 -keyout certs/dev.key``) used that way is no
finding. The catalogue gives such options the role ``key-use`` (``data/devloop.toml``).

A key anywhere else (``~/.ssh/id_rsa``, ``/etc/ssl/private``), one whose place is known only
at run time (a glob, an expansion) or written to slip past filters, and every key when no
working directory is named, is judged as a read, as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.paths import is_evasive, resolve_path

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge

__all__ = ["key_use"]


def key_use(judge: CommandJudge, arg: Arg, cwd: str) -> None:
    """Judge the key ``arg`` an option uses (see the module's docstring)."""
    if not _workspace_key(judge, arg, cwd):
        judge.path(arg, "read", cwd)


def _workspace_key(judge: CommandJudge, arg: Arg, cwd: str) -> bool:
    """Whether ``arg`` is a plain path below the named working directory."""
    value, written, glob = arg
    scope = judge.scope
    if value is None or glob or scope.workspace is None or not scope.cwd_known:
        return False
    if is_evasive(written) or any(not c.isprintable() for c in value):
        return False
    root = resolve_path(scope.workspace, "/", scope.home).rstrip("/")
    path = resolve_path(value, cwd, scope.home)
    return bool(root) and path.startswith(root + "/") and "/.git/" not in path + "/"
