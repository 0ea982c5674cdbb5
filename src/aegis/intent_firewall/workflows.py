"""CI workflows that run someone else's code with the repository's secrets.

Two shapes, both ``workflow-hijack`` (*review*):

- ``on: pull_request_target`` runs with the base repository's secrets and a write token;
  checking out the pull request's head (``github.event.pull_request.head.sha``/``.ref``,
  ``github.head_ref``, ``refs/pull/N/merge``, ``gh pr checkout``) and building it runs the
  stranger's code with them. An edit that turns a workflow into ``pull_request_target``
  without the rest of the file in view is judged the same (fail closed); a labeler or
  triage workflow that checks nothing out passes. ``workflow_run`` checking out the
  triggering run's head (``github.event.workflow_run.head_sha``) is the same.
- ``uses: OWNER/REPO@REF`` from an owner one edit from a popular action owner
  (``actlons/checkout``, ``d0cker/login-action``, ``action/setup-python``; the owners are
  data, ``action_owners`` in ``packages.toml``, compared as ``supplychain`` compares
  package names), and an edit that swaps an action's owner for another
  (``setup-node`` from ``setup-n0de``) or brings in a new owner at a branch (``@main``)
  rather than a tag or commit. Bumping a version or pinning a commit of the same action
  passes.

Also ``workflow-hijack``: an edit that takes a security scan out of a workflow (the
replaced text names CodeQL, a secret, dependency or container scanner, and the new text no
longer does): the next pull request is merged unscanned.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

import re2

from aegis.intent_firewall.rules import Hit, default_hit
from aegis.intent_firewall.supplychain import one_edit

__all__ = ["removed_scan", "workflow_findings"]

_DIRS = (".github/workflows/", ".gitea/workflows/", ".forgejo/workflows/", ".github/actions/")
_UNTRUSTED = re2.compile(
    r"github\.event\.pull_request\.head\.|github\.head_ref|refs/pull/|"
    r"pull_request\.merge_commit_sha|gh\s+pr\s+checkout|pull/\$\{\{|event\.number\s*\}\}/(?:head|merge)|"
    r"workflow_run\.head_(?:sha|branch)|workflow_run\.pull_requests|"
    r"github\.event\[['\"]pull_request['\"]\]\[['\"]head['\"]\]"
)
_USES = re2.compile(
    r"['\"]?uses['\"]?\s*:\s*['\"]?([A-Za-z0-9_.-]{1,100})/([A-Za-z0-9_./-]{1,200})@([A-Za-z0-9_.\-/]{1,100})"
)
#: triggers that run with the base repository's secrets on behalf of a pull request
_PRIVILEGED = ("pull_request_target", "workflow_run", "issue_comment")
_COMMIT = re2.compile(r"^[0-9a-f]{40}$")
_VERSION = re2.compile(r"^v?\d+(?:\.\d+){0,3}$")
_MAX_TEXT = 131072
_MIN_OWNER = 5


#: Security scans a workflow runs, by the action or command that names them.
_SCANS = (
    "codeql", "snyk", "trivy", "semgrep", "gitleaks", "trufflehog", "bandit", "grype",
    "dependency-review", "scorecard", "osv-scanner", "pip-audit", "npm audit", "govulncheck",
    "cargo audit", "checkov", "tfsec", "detect-secrets", "zap", "sonarqube", "sonarcloud",
    "sonar-scanner", "anchore", "gosec", "brakeman", "ggshield", "yarn audit", "kics",
    "dependabot", "secret-scanning", "safety check", "talisman", "git-secrets",
)  # fmt: skip
_SCAN_WORD = re2.compile(
    r"(?:^|[^a-z0-9_-])("
    + "|".join(scan.replace(" ", r"\s+") for scan in _SCANS)
    + r")(?:$|[^a-z0-9_])"
)


def _switched_off_scan(before: str, after: str) -> str:
    """A scan whose step an edit switches off (``if: false``, ``continue-on-error: true``
    added where the replaced text had neither), else ``""``."""
    if not before:
        return ""
    old, new = before.casefold(), after.casefold()
    added = [mark for mark in _OFF_MARKS if mark.search(new) and not mark.search(old)]
    scan = _SCAN_WORD.search(new)
    return " ".join(scan.group(1).split()) if added and scan is not None else ""


_OFF_MARKS = (
    re2.compile(r"\bif\s*:\s*(?:false|\$\{\{\s*false\s*\}\}|0)\b"),
    re2.compile(r"continue-on-error\s*:\s*true\b"),
)


def removed_scan(before: str, after: str) -> str:
    """The scan an edit's replaced text names and its new text does not, else ``""``
    (whole words: removing a ``zappa`` step takes out no ZAP scan)."""
    if not before:
        return ""
    kept = {" ".join(match.group(1).split()) for match in _SCAN_WORD.finditer(after.casefold())}
    for match in _SCAN_WORD.finditer(before.casefold()):
        scan = " ".join(match.group(1).split())
        if scan not in kept:
            return scan
    return ""


@cache
def _owners() -> frozenset[str]:
    text = resources.files("aegis.intent_firewall").joinpath("data/packages.toml").read_text()
    return frozenset(owner.casefold() for owner in tomllib.loads(text)["action_owners"])


def workflow_findings(path: str, new: list[str], old: list[str]) -> list[Hit]:
    """Findings on a workflow at ``path`` (lower case) written with ``new`` (a whole file,
    or the fragment an edit puts in place of ``old``)."""
    if not any(part in "/" + path for part in ("/" + d for d in _DIRS)):
        return []
    text = "\n".join(new)[:_MAX_TEXT]
    before = "\n".join(old)[:_MAX_TEXT]
    pasted = _pasted_untrusted(text)
    if pasted:
        return [_hit(f"{pasted[:100]}: a stranger's text pasted into a script")]
    for trigger in _PRIVILEGED:
        if trigger in text and trigger not in before:
            untrusted = _UNTRUSTED.search(text)
            if untrusted or (old and trigger == "pull_request_target"):
                shown = untrusted.group(0) if untrusted else "the rest of the workflow unseen"
                return [_hit(f"{trigger} with {shown}")]
    removed = removed_scan(before, text) or _switched_off_scan(before, text)
    if removed:
        return [_hit(f"the {removed} step taken out or switched off")]
    old_uses = {(o.casefold(), r.casefold()): ref for o, r, ref in _USES.findall(before)}
    old_owners = {owner for owner, _ in old_uses}
    for written_owner, written_repository, ref in _USES.findall(text):
        owner, repository = written_owner.casefold(), written_repository.casefold()
        why = _lookalike(owner)
        if why is None and old and owner not in old_owners:
            if any(name == repository for _, name in old_uses):
                why = "the same action from another owner"
            elif not (_COMMIT.match(ref) or _VERSION.match(ref)):
                why = f"a new owner at the branch {ref!r}"
        if why is not None:
            return [_hit(f"uses: {owner}/{repository}@{ref}: {why}")]
    return []


#: ``${{ github.event.issue.title }}``: an expression a stranger fills (titles, bodies,
#: messages, branch names and labels of issues, pull requests, comments and commits).
_STRANGER_TEXT = re2.compile(
    r"\$\{\{[^}]{0,200}(?:github\.head_ref|github\.event\.[a-z_.\[\]0-9*]{0,120}"
    r"(?:title|body|message|name|ref|label|email|text|description|content))[^}]{0,200}\}\}"
)
#: A key whose whole value is the expression (``TITLE: ${{ … }}`` under ``env:``, an
#: action's input): the value is handed over as data, the safe form.
_WHOLE_VALUE = re2.compile(r"^\s*-?\s*[A-Za-z_][A-Za-z0-9_-]*:\s*['\"]?\$\{\{[^}]*\}\}['\"]?\s*$")


def _pasted_untrusted(text: str) -> str:
    """The first line that pastes a stranger's text into a script (the workflow script
    injection shape); empty when every such expression is a whole value."""
    if "${{" not in text or "github." not in text:
        return ""
    for line in text.splitlines():
        found = _STRANGER_TEXT.search(line)
        if found and not _WHOLE_VALUE.match(line):
            return str(found.group(0))
    return ""


def _lookalike(owner: str) -> str | None:
    owners = _owners()
    if owner in owners:
        return None
    for popular in owners:
        edit = one_edit(owner, popular)
        # near a short name (ruby, expo) lie honest owners: only swapped letters count there
        if edit is not None and (len(popular) >= _MIN_OWNER or edit == "swapped letters"):
            return f"{edit} of the owner {popular!r}"
    return None


def _hit(evidence: str) -> Hit:
    return default_hit("workflow-hijack", evidence[:160])
