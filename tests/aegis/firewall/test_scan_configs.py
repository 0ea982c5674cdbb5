"""A security scanner taken out of the commit hooks, or given exceptions, is a finding; a hook
bumped, a scanner added and a file read are not."""

from __future__ import annotations

from aegis.intent_firewall.scanconfigs import scan_config_findings

_GITLEAKS = "  - repo: https://github.com/gitleaks/gitleaks\n    hooks:\n      - id: gitleaks\n"
_BLACK = "  - repo: https://github.com/psf/black\n    hooks:\n      - id: black\n"


def test_a_secret_scanner_taken_out_of_the_commit_hooks_is_a_finding() -> None:
    (hit,) = scan_config_findings(".pre-commit-config.yaml", [_BLACK], [_GITLEAKS + _BLACK])
    assert hit.rule == "destructive-action"
    assert "gitleaks" in hit.evidence


def test_a_scanner_added_or_another_hook_changed_is_none() -> None:
    assert scan_config_findings(".pre-commit-config.yaml", [_GITLEAKS + _BLACK], [_BLACK]) == []
    assert scan_config_findings(".pre-commit-config.yaml", [_BLACK + "# v2"], [_BLACK]) == []


def test_a_husky_hook_counts_only_under_husky() -> None:
    before, after = ["gitleaks protect --staged\nnpm test\n"], ["npm test\n"]
    assert scan_config_findings("web/.husky/pre-commit", after, before)
    assert scan_config_findings("docs/pre-commit", after, before) == []


def test_writing_a_scanner_exception_list_is_a_finding_and_reading_it_is_not() -> None:
    assert scan_config_findings(".trivyignore", ["CVE-2024-3094\n"], [])
    assert scan_config_findings("sub/.bandit", ["[bandit]\nskips = B602\n"], [])
    assert scan_config_findings(".trivyignore", [], []) == []
