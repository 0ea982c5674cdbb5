"""git: its URLs are network destinations, and its configuration can run programs.

``core.pager``, ``core.sshCommand``, ``alias.x = !…``, ``ext::`` transports and
``--upload-pack`` all make git start a program of the caller's choosing: *review*.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.access import judge_url
from aegis.intent_firewall.catalogue import Program
from aegis.intent_firewall.options import Arg, parse_options
from aegis.intent_firewall.paths import resolve_path

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge, Feed

__all__ = ["git"]

_GIT_EXEC_KEYS = (
    "core.pager",
    "core.editor",
    "core.sshcommand",
    "core.fsmonitor",
    "core.hookspath",
    "core.gitproxy",
    "core.askpass",
    "sequence.editor",
    "diff.external",
    "credential.helper",
    "gpg.program",
    "include.path",
    "uploadpack.packobjectshook",
    "http.proxy",
    "core.worktree",
)
_GIT_EXEC_PREFIXES = (
    "alias.",
    "pager.",
    "filter.",
    "merge.",
    "diff.",
    "protocol.",
    "url.",
    "includeif.",
    "remote.",
    "gpg.",
    "credential.",
)
_GIT_NETWORK = frozenset(
    {
        "clone",
        "fetch",
        "pull",
        "push",
        "ls-remote",
        "remote",
        "submodule",
        "archive",
        "request-pull",
    }
)
_PLAIN_PAGERS = frozenset({"", "cat", "less", "less -r", "less -fr", "more", "vim", "vi", "nano"})
#: Options that name a program git runs, per subcommand (``-u`` is only one for clone).
_EXEC_OPTIONS = {
    "clone": ("--upload-pack", "-u", "--template"),
    "fetch": ("--upload-pack",),
    "pull": ("--upload-pack",),
    "ls-remote": ("--upload-pack",),
    "push": ("--receive-pack", "--exec"),
    "archive": ("--exec",),
    "send-email": ("--sendmail-cmd", "--smtp-server"),
    "difftool": ("--extcmd", "-x"),
    "rebase": ("--exec", "-x"),
    "bisect": ("run",),
}


def _git_config(judge: CommandJudge, setting: str) -> None:
    key, _, value = (part.strip().lower() for part in setting.partition("="))
    if key in ("core.pager", "core.editor") and value in _PLAIN_PAGERS:
        return
    if key in _GIT_EXEC_KEYS or key.startswith(_GIT_EXEC_PREFIXES):
        judge.hit("interpreter-code", f"git configuration {setting[:100]!r} can run programs")


def git(judge: CommandJudge, spec: Program, args: list[Arg], feed: Feed) -> None:  # noqa: PLR0912
    parsed = parse_options(spec, args[1:])
    cwd = feed.cwd
    for role, arg, _ in parsed.options:
        if role == "git-config" and arg[0] is not None:
            _git_config(judge, arg[0])
        elif role == "dir" and arg[0] is not None:
            cwd = resolve_path(arg[0], cwd, judge.scope.home)
    if not parsed.operands:
        return
    sub = parsed.operands[0][0] or ""
    rest = parsed.operands[1:]
    position = args.index(parsed.operands[0])
    words = args[position + 1 :]
    for index, (value, _written, _glob) in enumerate(words):
        text = value or ""
        option = text.split("=", 1)[0]
        if option in ("--config", "-c") and sub != "config":
            following = words[index + 1][0] if index + 1 < len(words) else ""
            _git_config(judge, text.split("=", 1)[1] if "=" in text else following or "")
        elif option in _EXEC_OPTIONS.get(sub, ()):
            judge.hit("interpreter-code", f"git {sub} {text} runs a program")
        if text.startswith("ext::") or ("::" in text and text.split("::", 1)[0] in ("ext", "fd")):
            judge.hit("interpreter-code", f"git transport {text[:80]!r}")
    flags = {w[0] or "" for w in words}
    if sub == "push" and (
        flags & {"-f", "--force", "--delete", "-d", "--mirror", "--prune"}
        or any((w or "").startswith(("+", ":")) for w in flags)
    ):
        judge.hit("destructive-command", f"git push {' '.join(sorted(flags))[:100]}")
    elif (
        (sub == "reflog" and "expire" in flags)
        or (sub == "gc" and "--prune=now" in flags)
        or (sub in ("filter-branch", "filter-repo", "replace"))
        or (sub == "update-ref" and "-d" in flags)
    ):
        judge.hit("destructive-command", f"git {sub} rewrites or erases history")
    if sub == "config":
        keys = [a[0] for a in rest if a[0] is not None and not a[0].startswith("-")]
        if keys:
            _git_config(judge, keys[0])
    elif sub in _GIT_NETWORK:
        for value, written, _ in rest:
            if value and ("://" in value or ("@" in value and ":" in value)):
                judge_url(judge.scope, value, written, cwd)
