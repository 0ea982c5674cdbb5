"""A reader that raises is a defect of the firewall, never a verdict: the request is review
(fail closed), the reason names the exception, and the answer is not cached."""

from __future__ import annotations

from typing import Any

import pytest

from aegis.intent_firewall import Decision, IntentFirewall, Request
from aegis.intent_firewall import firewall as firewall_module


def _raising(*_: Any, **__: Any) -> Any:
    raise RecursionError("maximum recursion depth exceeded")


def test_a_reader_that_raises_makes_the_request_review(monkeypatch: pytest.MonkeyPatch) -> None:
    firewall = IntentFirewall()
    monkeypatch.setattr(firewall_module, "judge_request", _raising)
    verdict = firewall.validate_request_sync(Request("read_file", {"path": "README.md"}))
    assert verdict.decision is Decision.REVIEW
    assert verdict.matched_rules == ("reader-failure",)
    assert "RecursionError" in verdict.reasons[0]


def test_the_unread_answer_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    firewall = IntentFirewall()
    request = Request("read_file", {"path": "README.md"})
    with monkeypatch.context() as patched:
        patched.setattr(firewall_module, "judge_request", _raising)
        assert firewall.validate_request_sync(request).decision is Decision.REVIEW
    assert firewall.validate_request_sync(request).decision is Decision.ALLOW


def test_no_robustness_probe_reaches_a_reader_failure() -> None:
    """The probes are odd inputs, not defects: each is judged by the readers themselves (a
    5,001-digit integer, which Python will not turn into text, included)."""
    from tests.aegis.firewall.robustness_probes import PROBES

    failed = []
    for probe in PROBES:
        try:
            request = probe.build()
        except (TypeError, ValueError):
            continue  # the documented refusal of a malformed request
        verdict = IntentFirewall().validate_request_sync(request)
        if "reader-failure" in verdict.matched_rules:
            failed.append(probe.id)
    assert failed == []
