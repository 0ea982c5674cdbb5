"""Loading the firewall's tables before the first request, so that no request pays for it.

The catalogues, the RE2 patterns, the tree-sitter parser, the SQL parser's dialect tables
and the Unicode confusable data are built the first time a request needs them: tens to a
hundred milliseconds, once per process. Without a warm-up that cost would land on whichever
request comes first, and a bounded-time promise ("every input answered within its budget")
would not hold for it. The first :class:`~aegis.intent_firewall.IntentFirewall` of a
process therefore judges a few requests that touch every reader, once, under a lock.

Once warm, the process's heap is collected once and then frozen (:func:`gc.freeze`). Those
tables (and the modules behind them: sqlglot alone brings about 40,000 tracked objects) live
as long as the process, yet every generation-2 pass of the cycle collector walked all of
them again: about 20 ms per pass on this project's machines, charged to whichever request
happened to trigger the pass (measured with ``gc.callbacks``: the worst call of a probe was
always the one a generation-2 pass landed in). Frozen objects are skipped by every later
collection; reference counting still frees them as usual, so the only cost is that a cycle
among objects alive at warm-up and dropped later is never reclaimed. The collection before
the freeze makes sure no garbage is pinned that way.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import threading

from aegis.intent_firewall.model import Request
from aegis.intent_firewall.policy import Policy
from aegis.intent_firewall.requests import judge_request

__all__ = ["warm_up"]

#: One request per reader: a shell line with quotes and a substitution (tree-sitter), a plain
#: line (the fast path), SQL, a URL, a path, structured text in a string, PowerShell, and
#: text with a confusable letter and an instruction-like phrase.
_REQUESTS = (
    Request("execute_command", {"command": "cd ./build && grep -rn 'x' \"$(pwd)\" | wc -l"}),
    Request("execute_command", {"command": "ls -la ./src"}),
    Request("query_database", {"query": "SELECT id, name FROM users WHERE id = 1"}),
    Request("http_request", {"url": "https://example.com/a?b=c", "method": "GET"}),
    Request("read_file", {"path": "./docs/readme.md"}),
    Request("run_tool", {"arguments": '{"cmd": ["echo", "hi"]}', "config": "a: [1, 2]"}),
    Request("execute_command", {"command": "Get-ChildItem -Path ./src"}),
    Request("send_message", {"text": "Plеase review the notes"}, context="summarise the file"),
    Request("execute_command", {"command": "docker run --rm -v ./src:/src img python3 -c 'x'"}),
    Request("send_email", {"to": "a@example.com", "body": "hello"}),
)

_lock = threading.Lock()
_done = threading.Event()


def warm_up() -> None:
    """Judge the warm-up requests once per process (later calls return at once)."""
    if _done.is_set():
        return
    with _lock:
        if _done.is_set():
            return
        _import_every_module()
        policy = Policy()
        for request in _REQUESTS:
            judge_request(request, policy, {})
        _freeze_long_lived_objects()
        _done.set()


def _freeze_long_lived_objects() -> None:
    """Move everything alive now out of the cycle collector's later passes (see above)."""
    gc.collect()
    gc.freeze()


def _import_every_module() -> None:
    """Import the package's modules now: several are imported where first needed (a
    ``docker run``, code given to ``python -c``), which cost that request 3 to 5 ms."""
    package = importlib.import_module("aegis.intent_firewall")
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
