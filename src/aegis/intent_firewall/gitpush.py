"""``git push`` to a repository named by URL or path rather than by a configured remote.

A push sends the repository's history to whoever owns the destination. A remote's name
(``origin``, ``upstream``) is one the workspace configured; a URL or path written into the
command (``git push https://github.com/someone/drop.git HEAD:main``, ``git push
git@host:x/y.git``, ``git push /mnt/share/repo.git``, ``--repo=URL``) is a destination the
agent chose, and an allowed host says nothing about who owns the repository there. So is a
remote added or repointed earlier on the same line (``git remote add x URL && git push x``,
``git remote set-url origin URL; git push origin``, ``git config remote.origin.url URL``):
the line rewrote ``.git/config``, which is remembered with the paths the request writes.
``git subtree push`` and ``git send-pack`` push too. Both are ``push-to-url`` (*review*);
pushes to a remote by name pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aegis.intent_firewall.options import Arg
from aegis.intent_firewall.paths import resolve_path

if TYPE_CHECKING:
    from aegis.intent_firewall.commands import CommandJudge

__all__ = ["push_destination"]

#: push options whose value is the next word
_VALUED = frozenset({"-o", "--push-option", "--repo", "--receive-pack", "--exec"})
#: ``git remote`` verbs that write a remote's URL or name
_REMOTE_WRITES = frozenset({"add", "set-url", "rename"})
_CONFIG = "/.git/config"


def push_destination(judge: CommandJudge, sub: str, words: list[Arg], cwd: str) -> None:
    """Judge ``git push``'s repository; remember ``git remote add``/``set-url`` and
    ``git config remote.*.url`` as a change of the remotes this line pushes to."""
    texts = [w[0] or "" for w in words]
    if sub == "subtree" and texts[:1] == ["push"]:  # git subtree push --prefix=x REPO REF
        sub, texts = "push", [t for t in texts[1:] if t not in ("-P", "--prefix")]
    if sub in ("push", "send-pack"):
        repository = _repository(texts)
        if repository is None:
            return
        if _is_location(repository):
            judge.hit("push-to-url", f"git push {repository[:100]}")
        elif _remotes_changed(judge):
            judge.hit("push-to-url", f"git push {repository[:60]} after its URL changed")
    elif (sub == "remote" and texts[:1] and texts[0] in _REMOTE_WRITES) or (
        sub == "config" and any(_remote_key(text) for text in texts)
    ):
        scope = judge.scope
        if len(scope.written_paths) < 256:
            scope.written_paths.append(resolve_path(".git/config", cwd, scope.home))


def _repository(texts: list[str]) -> str | None:
    """The repository operand (or ``--repo``'s value); ``None`` for the upstream default."""
    skip = False
    for text in texts:
        if skip:
            skip = False
            continue
        if text.startswith("--repo="):
            return text[7:]
        if text in _VALUED:
            skip = True
            if text == "--repo":
                index = texts.index(text)
                return texts[index + 1] if index + 1 < len(texts) else None
            continue
        if text.startswith("-") or not text:
            continue
        return text
    return None


def _is_location(repository: str) -> bool:
    """A URL (``scheme://``, ``user@host:path``) or a path, not a remote's name."""
    if "://" in repository or repository.startswith(("file:", "/", ".", "~")):
        return True
    head, colon, _ = repository.partition(":")
    if colon and "/" not in head and head:
        return True  # scp-like host:path (a remote's name holds no colon)
    return "/" in repository or repository.endswith(".git")


def _remote_key(text: str) -> bool:
    key = text.lower()
    return key.startswith("remote.") and key.endswith((".url", ".pushurl"))


def _remotes_changed(judge: CommandJudge) -> bool:
    return any(path.endswith(_CONFIG) for path in judge.scope.written_paths)
