"""CI template expressions in a command line: ``run: gh release create ${{ github.ref_name }}``.

GitHub Actions (and Gitea, Forgejo) replace every ``${{ … }}`` of a ``run:`` script with the
expression's value *before* the shell reads the script. Bash itself cannot parse
``${{``, so a workflow's ordinary steps were refused as unparseable lines. An expression
over the run's own facts (``matrix.*``, ``github.ref_name``, ``github.sha``, ``steps.*``,
``needs.*``, ``env.*``, ``inputs.*``, ``vars.*``, ``runner.*``, ``hashFiles(…)``) is
judged as one plain word in its place: the line around it keeps every finding.

Two kinds stay as written, so the line stays unparseable and refused (fail closed):

- text a stranger writes (``github.event.issue.title``, ``….pull_request.body``,
  ``github.head_ref``, comment and commit messages): pasted into the script it is the
  classic workflow script injection;
- ``secrets.*`` pasted into a command line, where the command decides who sees it (the
  safe form passes a secret through ``env:``, which is no command line).
"""

from __future__ import annotations

__all__ = ["ci_filled"]

_OPEN = "${{"
_CLOSE = "}}"
_PLACEHOLDER = "ci-value"
#: Contexts whose values a stranger writes, or that hold secrets.
_KEPT = (
    "github.event.",
    "github.head_ref",
    "secrets.",
    "event.",
    "tojson(github",
)
_MAX_EXPRESSIONS = 64


#: Files the runner gives every step to hand values to later steps and to the run's page
#: (``echo "v=1" >> "$GITHUB_OUTPUT"``): the runner's scratch. ``GITHUB_ENV`` and
#: ``GITHUB_PATH`` change what later steps run, and stay unknown.
_RUNNER_FILES = ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_STATE")
_RUNNER_SCRATCH = "/tmp/ci-runner-file"  # noqa: S108 - a stand-in judged, never opened


def _runner_files(text: str) -> str:
    for name in _RUNNER_FILES:
        for form in (f"${{{name}}}", f"${name}"):
            start = text.find(form)
            while start >= 0:
                end = start + len(form)
                if form.endswith("}") or not (
                    text[end : end + 1].isalnum() or text[end : end + 1] == "_"
                ):
                    text = text[:start] + _RUNNER_SCRATCH + text[end:]
                    end = start + len(_RUNNER_SCRATCH)
                start = text.find(form, end)
    return text


def ci_filled(text: str, *, runner: bool = False) -> str:
    """``text`` with each harmless ``${{ … }}`` replaced by a plain word; the text itself
    when it has none, or an expression is unclosed or one a stranger or a secret fills.
    ``runner``: the line is a step of a workflow file, where the runner's output files
    are known scratch."""
    if runner and ("$GITHUB_" in text or "${GITHUB_" in text):
        text = _runner_files(text)
    if _OPEN not in text:
        return text
    parts: list[str] = []
    position = 0
    for _ in range(_MAX_EXPRESSIONS):
        start = text.find(_OPEN, position)
        if start < 0:
            parts.append(text[position:])
            return "".join(parts)
        end = text.find(_CLOSE, start + len(_OPEN))
        if end < 0:
            return text
        inner = text[start + len(_OPEN) : end]
        if _OPEN in inner or any(kept in inner.casefold() for kept in _KEPT):
            return text
        parts.append(text[position:start])
        parts.append(_PLACEHOLDER)
        position = end + len(_CLOSE)
    return text
