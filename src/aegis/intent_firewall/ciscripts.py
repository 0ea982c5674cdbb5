"""The shell scripts of a CI file, read line by line from its text, whole or a fragment.

A workflow's ``run:`` and a GitLab job's ``script:`` run on the CI runner with the
repository's secrets. A step appended to a workflow (``cat >> release.yml <<EOF``,
``printf … >> .gitlab-ci.yml``, an edit tool's inserted lines) is text that is not a whole
YAML document, so it is read here by its lines rather than parsed: each script key's
value (one line, a ``|``/``>`` block, or a list of ``- item`` lines below it) is handed to
the shell judge as the command line it is, with the run's own ``${{ … }}`` expressions as
plain words and ``${{ secrets.* }}`` kept as written (``ciexpressions.py``): a secret
pasted into a command line, echoed, encoded or sent, is what the step's log or its
destination then holds.
"""

from __future__ import annotations

from collections.abc import Callable

import re2
import yaml

from aegis.intent_firewall.ciexpressions import ci_filled
from aegis.intent_firewall.rules import Hit

__all__ = ["ci_file_keys", "ci_script_findings"]

JudgeLine = Callable[[str], list[Hit]]

#: Directories of workflow files whose steps run ``run:`` scripts.
_WORKFLOW_DIRS = ("/.github/workflows/", "/.gitea/workflows/", "/.forgejo/workflows/")
_WORKFLOW_KEYS = frozenset({"run"})
#: CI files of other services, by name, and the keys their scripts are under.
_CI_NAMES = frozenset(
    {".gitlab-ci.yml", ".gitlab-ci.yaml", ".travis.yml", "bitbucket-pipelines.yml",
     "azure-pipelines.yml", ".drone.yml", ".woodpecker.yml", "cloudbuild.yaml",
     "cloudbuild.yml", "buildspec.yml", "appveyor.yml", ".cirrus.yml"}
)  # fmt: skip
_CI_DIRS = ("/.circleci/", "/.gitlab/ci/", "/.woodpecker/", "/.buildkite/")
_SCRIPT_KEYS = frozenset(
    {"run", "script", "before_script", "after_script", "command", "commands", "install",
     "before_install", "bash", "pwsh", "powershell", "cmd", "build_script", "test_script",
     "deploy_script", "on_finish", "on_success", "on_failure", "after_success",
     "after_failure", "before_deploy", "after_deploy", "before_cache", "after-script",
     "install_script", "setup_script", "init"}
)  # fmt: skip
_KEY = re2.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][A-Za-z0-9_-]{0,40}):(?:\s+(.*))?$")
_ITEM = re2.compile(r"^(\s*)-\s+(.*)$")
_MAX_TEXT = 65536
_MAX_SCRIPTS = 64


def ci_file_keys(path: str) -> frozenset[str]:
    """The keys whose values a CI file at ``path`` (lower case, ``/`` separated) runs as
    shell scripts; empty when it is no CI file."""
    rooted = "/" + path.lstrip("/")
    if any(part in rooted for part in _WORKFLOW_DIRS):
        return _WORKFLOW_KEYS if rooted.endswith((".yml", ".yaml")) else frozenset()
    name = rooted.rsplit("/", 1)[-1]
    in_dir = any(part in rooted for part in _CI_DIRS) and name.endswith((".yml", ".yaml"))
    return _SCRIPT_KEYS if name in _CI_NAMES or in_dir else frozenset()


#: A Jenkins pipeline's shell steps: ``sh 'make'``, ``sh(script: """…""")``, ``bat "…"``.
_JENKINS_STEP = re2.compile(
    r"\b(?:sh|bat|pwsh|powershell)\s*\(?\s*(?:(?:label|returnStatus|returnStdout|encoding)"
    r"\s*:\s*(?:'[^'\n]*'|\"[^\"\n]*\"|\w+)\s*,\s*)*(?:script\s*:\s*)?"
    r"""('{3}[\s\S]*?'{3}|"{3}[\s\S]*?"{3}|'[^'\n]*'|"[^"\n]*")"""
)


def _jenkins_steps(path: str, text: str) -> list[str]:
    """The shell steps of a Jenkinsfile (``Jenkinsfile``, ``ci.jenkinsfile``), quotes off."""
    name = path.rsplit("/", 1)[-1]
    if not (name.startswith("jenkinsfile") or name.endswith(".jenkinsfile")):
        return []
    steps = []
    for match in _JENKINS_STEP.finditer(text):
        quoted = match.group(1)
        width = 3 if quoted[:3] in ("'''", '"""') else 1
        steps.append(quoted[width:-width])
        if len(steps) >= _MAX_SCRIPTS:
            break
    return steps


def ci_script_findings(path: str, new: list[str], judge_line: JudgeLine) -> list[Hit]:
    """Findings on the scripts the CI file at ``path`` (lower case) runs, written with the
    texts ``new``."""
    keys = ci_file_keys(path)
    hits: list[Hit] = []
    for text in new:
        scripts = scripts_of(text[:_MAX_TEXT], keys) if keys else []
        scripts += _jenkins_steps(path, text[:_MAX_TEXT])
        for script in scripts[:_MAX_SCRIPTS]:
            hits.extend(judge_line(ci_filled(script, runner=True)))
    return unpublished(hits)


def unpublished(hits: list[Hit]) -> list[Hit]:
    """``hits`` of a CI file's step without publishing and without root on the runner:
    publishing is what a release pipeline is for, and it runs when its trigger (a tag a
    maintainer pushes) fires, so writing the step publishes nothing; ``sudo`` there acts on
    a machine thrown away after the job (what it then does is judged on its own)."""
    return [hit for hit in hits if hit.rule not in _RUNNER_OWN]


#: What a CI runner's own step may do on the throwaway machine it runs on: publish (its
#: trigger is a maintainer's), and take root there (``sudo apt-get install …``).
_RUNNER_OWN = frozenset({"irreversible-publish", "privilege-escalation"})


def writes_ci_file(parameters: object) -> bool:
    """Whether a tool call's ``path`` (or ``file_path``, ``filename``) names a CI file."""
    if not isinstance(parameters, dict):
        return False
    for key in ("path", "file_path", "filename", "file"):
        value = parameters.get(key)
        if isinstance(value, str) and ci_file_keys(value.lower().replace("\\", "/")):
            return True
    return False


def scripts_of(text: str, keys: frozenset[str]) -> list[str]:
    """The script texts under ``keys`` in the YAML-like ``text``: a key's inline value,
    the lines of its block scalar, or each item of its list."""
    lines = text.splitlines()
    scripts: list[str] = []
    index = 0
    while index < len(lines) and len(scripts) < _MAX_SCRIPTS:
        match = _KEY.match(lines[index])
        index += 1
        if match is None:
            scripts.extend(_flow_scripts(lines[index - 1], keys))
            continue
        if match.group(2) not in keys:
            continue
        indent = len(match.group(1))
        value = (match.group(3) or "").strip()
        if value and value[:1] not in ("|", ">", "#"):
            scripts.append(_unquoted(value))
            continue
        below, after = _below(lines, index, indent)
        if value[:1] in ("|", ">"):
            scripts.append("\n".join(line.strip() for line in below))
            index = after  # the block is the script's text, not keys
        else:
            scripts.extend(_items(below))  # a list of mappings' keys are read in turn
    return scripts


#: A step written as a flow mapping on one line: ``- {name: x, run: 'make test'}``.
_FLOW = re2.compile(r"^\s*(?:-\s+)?(\{.*\})\s*$")
_MAX_FLOW = 4096


def _flow_scripts(line: str, keys: frozenset[str]) -> list[str]:
    """The values under ``keys`` of a one-line flow mapping; a line YAML cannot read as one
    gives none (the rest of the file's readers still see its text)."""
    match = _FLOW.match(line) if len(line) <= _MAX_FLOW else None
    if match is None:
        return []
    try:
        mapping = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return []
    if not isinstance(mapping, dict):
        return []
    return [value for key, value in mapping.items() if key in keys and isinstance(value, str)]


def _below(lines: list[str], index: int, indent: int) -> tuple[list[str], int]:
    """The lines indented deeper than ``indent`` from ``index`` on (blank ones kept), and
    the index after them."""
    found: list[str] = []
    while index < len(lines):
        line = lines[index]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        found.append(line)
        index += 1
    return found, index


def _items(lines: list[str]) -> list[str]:
    """The ``- item`` values of a list (a list of steps' mappings gives none)."""
    items = []
    for line in lines:
        match = _ITEM.match(line)
        if match is not None and _KEY.match(line) is None:
            items.append(_unquoted(match.group(2).strip()))
    return items


def _unquoted(value: str) -> str:
    """A scalar without the quotes around the whole of it."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in ("'", '"'):
        return value[1:-1].replace("''", "'") if value[0] == "'" else value[1:-1]
    return value
