"""Security scanners told to look away: a commit hook's scan removed, exceptions added.

A secret scanner in ``.pre-commit-config.yaml`` (gitleaks, detect-secrets, trufflehog) stops a
key from being committed; ``bandit``, ``semgrep`` and ``trivy`` stop known flaws. An edit of
a commit-hook configuration that takes such a scan out, or switches it off, lets through what
it was there to stop, as surely as removing the workflow step (``workflows.py``) would. So
does writing a scanner's own exceptions: ``.bandit`` with ``skips``, a ``.gitleaksignore``
or ``.trivyignore`` entry, a ``.semgrepignore``. Both are ``destructive-action`` (*review*):
a person decides whether the exception is a false positive or the finding itself.
"""

from __future__ import annotations

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.workflows import removed_scan

__all__ = ["scan_config_findings"]

#: Commit-hook configurations whose scans an edit may take out.
_HOOK_CONFIGS = frozenset(
    {".pre-commit-config.yaml", ".pre-commit-config.yml", "lefthook.yml", "lefthook.yaml",
     ".lefthook.yml", ".lefthook.yaml", ".overcommit.yml", "pre-commit", "pre-push"}
)  # fmt: skip
#: A scanner's own settings and exception lists: any write changes what it reports.
_SCANNER_SETTINGS = frozenset(
    {".bandit", ".bandit.yml", ".bandit.yaml", "bandit.yml", "bandit.yaml", ".gitleaks.toml",
     "gitleaks.toml", ".gitleaksignore", ".semgrepignore", ".trivyignore", ".trivyignore.yaml",
     ".snyk", ".checkov.yml", ".checkov.yaml", "tfsec.yml", "tfsec.yaml", ".grype.yaml",
     ".grype.yml", ".talismanrc", ".gitallowed", ".kics.yaml", ".kics.yml"}
)  # fmt: skip


def scan_config_findings(path: str, new: list[str], old: list[str]) -> list[Hit]:
    """Findings on the file at ``path`` (lower case, ``/`` separated) written with ``new``
    (a whole file, or the fragment an edit puts in place of ``old``)."""
    name = path.rsplit("/", 1)[-1]
    if name in _SCANNER_SETTINGS and new:  # a write (a read gives no text)
        return [_hit(f"{name}: a security scanner's settings or exceptions rewritten")]
    hooks = name in _HOOK_CONFIGS and (
        name not in ("pre-commit", "pre-push") or "/.husky/" in "/" + path
    )
    if not hooks:
        return []
    removed = removed_scan("\n".join(old), "\n".join(new))
    return [_hit(f"{name}: the {removed} hook taken out")] if removed else []


def _hit(evidence: str) -> Hit:
    return default_hit("destructive-action", evidence)
