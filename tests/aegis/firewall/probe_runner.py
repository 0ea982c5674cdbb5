"""Runs one robustness probe against a fresh firewall and says what happened.

A probe may hang or take the interpreter down (a C-level stack overflow in a parser kills the
process, not just the test), so :func:`run_isolated` runs it in a forked child and reports a
crash or a missing answer as an outcome instead of losing the test session. The child is
given a generous liveness bound (a hang, not a speed goal: speed is measured by the benchmark
and the timing script).
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import time
import warnings
from dataclasses import dataclass

from aegis.intent_firewall import IntentFirewall, Request, Verdict
from tests.aegis.firewall.corpus_cases import make_firewall
from tests.aegis.firewall.robustness_probes import DOCUMENTED_ERRORS, Probe

__all__ = ["LIVENESS_SECONDS", "Outcome", "run_in_process", "run_isolated"]

LIVENESS_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """``kind`` is verdict, documented-error, other-error, crash or no-answer; ``seconds``
    is wall-clock time, ``cpu_seconds`` the process's CPU time over the same step (on a
    shared machine the gap between them is time spent waiting for a core)."""

    kind: str
    decision: str = ""
    detail: str = ""
    seconds: float = 0.0
    cpu_seconds: float = 0.0


def run_in_process(probe: Probe, firewall: IntentFirewall | None = None) -> Outcome:
    """Build and judge ``probe`` here; ``seconds`` covers the failing step or the validation."""
    started = time.perf_counter()
    try:
        request = probe.build()
    except DOCUMENTED_ERRORS as error:
        return Outcome("documented-error", detail=_describe(error), seconds=_since(started))
    except BaseException as error:  # building the request is part of the API
        return Outcome("other-error", detail=_describe(error), seconds=_since(started))
    firewall = firewall if firewall is not None else IntentFirewall()
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        verdict: object = asyncio.run(firewall.validate_request(request))
    except DOCUMENTED_ERRORS as error:
        kind, detail = "documented-error", _describe(error)
    except BaseException as error:  # any other escape is the finding itself
        kind, detail = "other-error", _describe(error)
    else:
        if isinstance(verdict, Verdict):
            reasons = "; ".join(verdict.reasons)[:200]
            return Outcome(
                "verdict", verdict.decision.value, reasons, _since(started), _cpu(cpu_started)
            )
        kind, detail = "other-error", f"returned {type(verdict).__name__}"
    return Outcome(kind, detail=detail, seconds=_since(started), cpu_seconds=_cpu(cpu_started))


def run_isolated(probe: Probe, policy_firewall: bool = True) -> Outcome:
    """:func:`run_in_process` in a forked child, so hangs and crashes become outcomes."""
    if policy_firewall:
        # built here, once per process: every forked child inherits it (and the corpus it
        # comes from) instead of each parsing the corpus and warming a firewall up again,
        # which on a loaded machine took longer than the liveness bound
        _corpus_firewall()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        firewall = _corpus_firewall() if policy_firewall else None
        _warm_up(firewall)
        outcome = run_in_process(probe, firewall)
        sender.send(
            (
                outcome.kind,
                outcome.decision,
                outcome.detail[:500],
                outcome.seconds,
                outcome.cpu_seconds,
            )
        )

    process = context.Process(target=child, daemon=True)
    with warnings.catch_warnings():
        # Python 3.12+ warns about fork in a threaded process; the child only computes a
        # verdict and sends five values back, it takes no lock a sibling thread could hold.
        warnings.simplefilter("ignore", DeprecationWarning)
        process.start()
    sender.close()
    try:
        if not receiver.poll(LIVENESS_SECONDS):
            return Outcome("no-answer", detail=f"no answer within {LIVENESS_SECONDS:g} s")
        kind, decision, detail, seconds, cpu_seconds = receiver.recv()
    except EOFError:
        process.join(5)
        return Outcome("crash", detail=f"child died with exit code {process.exitcode}")
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
    return Outcome(kind, decision, detail, seconds, cpu_seconds)


def _warm_up(firewall: IntentFirewall | None) -> None:
    """Touch the engine's common paths once, so that the copy-on-write faults of a fresh
    fork are not charged to the probe (a long-running firewall has paid them already)."""
    warm = firewall if firewall is not None else IntentFirewall()
    request = Request(
        "execute_command",
        {"command": "cd src && cat a.txt | grep -n x > /tmp/o", "url": "https://github.com/x"},
    )
    with contextlib.suppress(Exception):
        asyncio.run(warm.validate_request(request))


def _corpus_firewall() -> IntentFirewall:
    from tests.aegis.firewall.corpus_cases import load_corpus

    return make_firewall(load_corpus("attacks").policy)


def _describe(error: BaseException) -> str:
    text = f"{type(error).__name__}: "
    try:
        text += str(error)[:300]
    except Exception:  # a message that fails to render
        text += "<message could not be rendered>"
    return text


def _since(started: float) -> float:
    return time.perf_counter() - started


def _cpu(started: float) -> float:
    return time.process_time() - started
