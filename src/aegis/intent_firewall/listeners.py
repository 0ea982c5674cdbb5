"""Servers bound to every interface, and notebook servers without a login.

A development server on ``127.0.0.1`` serves the machine it runs on; ``--ip=0.0.0.0``,
``--host ::`` or ``-b *:8000`` serve anyone who can reach the machine, and an empty
``--ServerApp.token=''`` lets them in without a login. Both expose the workspace (a
notebook server runs any code sent to it), so they are network listeners a person
approves. The catalogue names such options with the roles ``bind`` and ``login-token``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.options import Arg

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge

__all__ = ["bind_option", "login_option"]

#: Spellings of "every interface" (a port may follow: ``0.0.0.0:8000``, ``[::]:80``).
_EVERY_INTERFACE = frozenset(
    {"0.0.0.0", "::", "*", "0", "[::]", "::0", "0:0:0:0:0:0:0:0", ""}  # noqa: S104
)


def _address(value: str) -> str:
    """The address of ``HOST``, ``HOST:PORT`` or ``[V6]:PORT``, lower case, unquoted."""
    text = value.strip().strip("'\"").lower()
    if text.startswith("["):
        return text.split("]", 1)[0] + "]"
    if text.count(":") == 1:
        return text.split(":", 1)[0]
    return text


def bind_option(judge: CommandJudge, option: str, arg: Arg) -> None:
    """``--ip=0.0.0.0``, ``--host ::``, ``-b 0.0.0.0:8000``: a server open to the network
    (a unix socket or a named host is left to the program's other rules)."""
    value = arg[0]
    if value is None:
        judge.hit("network-listener", f"{option} {arg[1]}: address known only at run time")
    elif not value.startswith("unix:") and _address(value) in _EVERY_INTERFACE:
        judge.hit("network-listener", f"{option} {arg[1]}: listens on every interface")


def login_option(judge: CommandJudge, option: str, arg: Arg) -> None:
    """``--ServerApp.token=''``, ``--NotebookApp.password=''``: a server with no login."""
    value = arg[0]
    if value is None or not value.strip().strip("'\""):
        judge.hit("network-listener", f"{option} {arg[1] or repr('')}: server without a login")
