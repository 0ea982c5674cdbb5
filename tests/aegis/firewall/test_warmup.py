"""The first firewall of a process loads every reader's tables, so no request pays for it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from aegis.intent_firewall import IntentFirewall, Request, warmup


def test_constructing_a_firewall_warms_the_process_once() -> None:
    IntentFirewall()
    assert warmup._done.is_set()
    warmup.warm_up()  # a second call returns at once, judging nothing again
    assert warmup._done.is_set()


def test_every_warm_up_request_is_judged_without_error() -> None:
    firewall = IntentFirewall()
    for request in warmup._REQUESTS:
        verdict = firewall.validate_request_sync(request)
        assert verdict.decision is not None


def test_a_fresh_process_is_warm_before_its_first_request() -> None:
    # Counted, not timed: the SQL parser's first statement builds its tables; after a
    # firewall is constructed, that has already happened.
    script = textwrap.dedent(
        """
        import sqlglot.parser as parser
        from aegis.intent_firewall import IntentFirewall
        calls = 0
        original = parser.Parser.parse
        def counting(self, *args, **kwargs):
            global calls
            calls += 1
            return original(self, *args, **kwargs)
        parser.Parser.parse = counting
        IntentFirewall()
        print(calls)
        """
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert int(output.stdout.strip()) >= 1


def test_a_warm_up_request_is_an_ordinary_request() -> None:
    assert all(isinstance(request, Request) for request in warmup._REQUESTS)


def test_a_warm_process_leaves_its_long_lived_tables_out_of_later_collections() -> None:
    # Counted, not timed: a generation-2 pass walks every tracked object; after the warm-up,
    # the tables (and the modules behind them) are frozen, so a later pass walks only what
    # was allocated since, a small fraction of them.
    script = textwrap.dedent(
        """
        import gc
        from aegis.intent_firewall import IntentFirewall, Request
        firewall = IntentFirewall()
        firewall.validate_request_sync(Request("execute_command", {"command": "ls -la"}))
        print(gc.get_freeze_count(), len(gc.get_objects()))
        """
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    frozen, scanned = (int(word) for word in output.stdout.split())
    assert frozen > 10 * scanned
